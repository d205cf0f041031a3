"""The Python API: analyse text or files, build a dossier store. The CLI and the web app are thin layers over it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .models import Analysis, Problem, RawItem
from .pipeline import run_pipeline


def analyze_text(
    text: str,
    published: str | None = None,
    *,
    one_article: bool = False,
    source: str = "<text>",
) -> list[Analysis]:
    """Analyse one pasted text (it may hold several articles) and return one Analysis per article.

    `published` (YYYY-MM-DD) is assumed for any article whose own date cannot be found.
    """
    item = RawItem(source=source, text=text, format="text")
    return list(run_pipeline([item], default_date=published, one_article=one_article))


def analyze_paths(
    paths: Sequence[str],
    *,
    date: str | None = None,
    one_article: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    on_article: Callable[[Analysis], None] | None = None,
) -> Iterator[Analysis]:
    """Read files, folders or `-` (stdin) and yield one Analysis per article found in them."""
    from .ingest import read_inputs

    for analysis in run_pipeline(
        read_inputs(paths), default_date=date, one_article=one_article, on_problem=on_problem
    ):
        if on_problem:
            for problem in analysis.problems:
                on_problem(problem)
        if on_article:
            on_article(analysis)
        yield analysis


@dataclass
class BuildSummary:
    articles_added: int = 0
    articles_unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)


def build(
    paths: Sequence[str],
    db: str | Path,
    *,
    date: str | None = None,
    one_article: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    on_article: Callable[[Analysis], None] | None = None,
) -> BuildSummary:
    """Analyse the inputs into the store at `db`, one transaction per article; known articles are skipped."""
    from .store import StoreError, open_store

    summary = BuildSummary()

    def note(problem: Problem) -> None:
        summary.problems.append(problem)
        store.save_problem(problem)
        if on_problem:
            on_problem(problem)

    with open_store(db) as store:
        for analysis in analyze_paths(paths, date=date, one_article=one_article, on_problem=note):
            try:
                added = store.save(analysis)
            except StoreError as error:  # only this article is rolled back; the build goes on
                note(Problem(analysis.article.source, str(error), "store", analysis.article.id))
                continue
            if added:
                summary.articles_added += 1
            else:
                summary.articles_unchanged += 1
            if on_article:
                on_article(analysis)
    return summary


def analyses_of(items: Iterable[RawItem]) -> list[Analysis]:
    """Analyse already decoded items (useful in tests and notebooks)."""
    return list(run_pipeline(items))
