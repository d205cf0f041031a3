"""The Python API: analyse text or files, build a dossier store. The CLI and the web app are thin layers over it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Analysis, Problem, RawItem
from .pipeline import RunContext, run_pipeline, settle

if TYPE_CHECKING:
    from .store import Correction, EntityKnowledge, Store


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
    run = RunContext(default_date=published)
    return settle(list(run_pipeline([item], default_date=published, one_article=one_article, run=run)), run)


def analyze_paths(
    paths: Sequence[str],
    *,
    date: str | None = None,
    one_article: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    on_article: Callable[[Analysis], None] | None = None,
    run: RunContext | None = None,
) -> Iterator[Analysis]:
    """Read files, folders or `-` (stdin) and yield one Analysis per article found in them, in input order.

    on_article is called as each article is analysed; the analyses are yielded once the whole run is in,
    settled (see pipeline.settle): an entity an early article describes and a later one names has one id in
    both. `run` may be prepared beforehand (see entity_run) to analyse under the user's entity corrections.
    """
    run = run or RunContext(default_date=date)
    yield from settle(
        list(
            analyze_each(
                paths,
                date=date,
                one_article=one_article,
                on_problem=on_problem,
                on_article=on_article,
                run=run,
            )
        ),
        run,
        on_problem=on_problem,
    )


def analyze_each(
    paths: Sequence[str],
    *,
    date: str | None,
    one_article: bool,
    on_problem: Callable[[Problem], None] | None,
    on_article: Callable[[Analysis], None] | None,
    run: RunContext,
) -> Iterator[Analysis]:
    """Each article's analysis as soon as it is made, before the run is settled (see analyze_paths)."""
    from .ingest import read_inputs

    for analysis in run_pipeline(
        read_inputs(paths), default_date=date, one_article=one_article, on_problem=on_problem, run=run
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
    articles_reanalysed: int = 0  # stored articles replaced because the entity corrections changed


def entity_run(corrections: Sequence[Correction], date: str | None = None) -> tuple[RunContext, str]:
    """A RunContext whose entity registry applies the corrections in force, and their fingerprint."""
    from .stages.entities import Registry
    from .store.entities import corrections_fingerprint, effective_corrections

    merges, splits = effective_corrections(corrections)
    run = RunContext(default_date=date)
    run.memory["entities"] = Registry.with_corrections(merges, splits)
    return run, corrections_fingerprint(corrections)


def entity_knowledge(run: RunContext, analyses: Sequence[Analysis]) -> EntityKnowledge:
    """What the run's entity registry knows about these analyses' entities: their variants with type votes,
    their roles in these articles, and the merges and splits decided in these articles."""
    from .stages.entities import roles_of
    from .stages.entities.registry import registry_of
    from .store import EntityKnowledge

    registry = registry_of(run.memory)
    articles = {a.article.id for a in analyses}
    ids = dict.fromkeys(e.id for a in analyses for e in a.entities)
    knowledge = EntityKnowledge()
    for eid in ids:
        entry = registry.entries.get(eid)
        if entry is None:  # an unnamed group ("the pirates") has no registry entry
            continue
        knowledge.variants += [(eid, key, dict(registry.votes.get(key, {}))) for key in sorted(entry.keys)]
        knowledge.names[eid] = entry.name
        knowledge.roles += [{"entity": eid, **r} for r in roles_of(run, eid) if r["article"] in articles]
    knowledge.decisions = [d for d in registry.decisions if d["article"] in articles]
    return knowledge


def store_analysis(store: Store, analysis: Analysis, run: RunContext, fingerprint: str) -> str:
    """Save an article, or replace it when it was analysed under other corrections; with it (in a second
    transaction) what the entity stage knew of it. Returns 'added', 'reanalysed' or 'unchanged'."""
    stored = store.corrections_of(analysis.article.id)
    if stored == fingerprint:
        return "unchanged"
    if stored is None:
        outcome = "added" if store.save(analysis, corrections=fingerprint) else "unchanged"
    else:
        store.replace(analysis, corrections=fingerprint)
        outcome = "reanalysed"
    if outcome != "unchanged":
        store.save_entity_knowledge(entity_knowledge(run, [analysis]), [analysis.article.id])
    return outcome


def build(
    paths: Sequence[str],
    db: str | Path,
    *,
    date: str | None = None,
    one_article: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
    on_article: Callable[[Analysis], None] | None = None,
) -> BuildSummary:
    """Analyse the inputs into the store at `db`, one transaction per article; known articles are skipped,
    unless they were analysed under other entity corrections (`storyline entities merge/split`): those
    are replaced by their new analysis."""
    from .store import open_store

    summary = BuildSummary()

    def note(problem: Problem) -> None:
        summary.problems.append(problem)
        store.save_problem(problem)
        if on_problem:
            on_problem(problem)

    with open_store(db) as store:
        run, fingerprint = entity_run(store.corrections(), date)
        analyses = analyze_each(
            paths, date=date, one_article=one_article, on_problem=note, on_article=None, run=run
        )
        store_all(store, analyses, run, fingerprint, summary, note, on_article)
    return summary


def store_all(
    store: Store,
    analyses: Iterable[Analysis],
    run: RunContext,
    fingerprint: str,
    summary: BuildSummary,
    note: Callable[[Problem], None],
    on_article: Callable[[Analysis], None] | None,
) -> None:
    """Save each analysis in its own transaction, counting what changed; a store error costs one article.
    Once the run is in, the articles written are settled (pipeline.settle) and those the corpus pass
    changed are stored again in place, so a crash mid-run loses nothing already saved."""
    from .store import StoreError

    written: list[Analysis] = []
    for analysis in analyses:
        try:
            outcome = store_analysis(store, analysis, run, fingerprint)
        except StoreError as error:  # only this article is rolled back; the build goes on
            note(Problem(analysis.article.source, str(error), "store", analysis.article.id))
            continue
        count(summary, outcome, analysis, written)
        if on_article:
            on_article(analysis)
    written = store_settled(store, written, run, fingerprint, note)
    refresh_variants(store, run, written)


def store_settled(
    store: Store, written: list[Analysis], run: RunContext, fingerprint: str, note: Callable[[Problem], None]
) -> list[Analysis]:
    """The written analyses settled; each one the corpus pass changed replaces its stored version."""
    from .store import StoreError

    settled = settle(written, run, on_problem=note)
    for before, after in zip(written, settled, strict=True):
        if after is before:
            continue
        try:
            store.replace(after, corrections=fingerprint)
        except StoreError as error:  # the article stays as first stored
            note(Problem(after.article.source, str(error), "store", after.article.id))
    return settled


def count(summary: BuildSummary, outcome: str, analysis: Analysis, written: list[Analysis]) -> None:
    if outcome == "unchanged":
        summary.articles_unchanged += 1
        return
    written.append(analysis)
    if outcome == "added":
        summary.articles_added += 1
    else:
        summary.articles_reanalysed += 1


def refresh_variants(store: Store, run: RunContext, written: Sequence[Analysis]) -> None:
    # An entity's variants and name grow with every article of the run, and the corpus pass (settle) merges
    # entities and records why in the articles it touched: what was saved with each article is completed
    # once the run is over.
    if written:
        store.save_entity_knowledge(entity_knowledge(run, written), [a.article.id for a in written])


def reanalyse(db: str | Path, *, on_article: Callable[[Analysis], None] | None = None) -> BuildSummary:
    """Analyse every stored article again from its stored text, in stored order, under the entity
    corrections in force; those analysed under other corrections are replaced. No input files needed."""
    from .pipeline import analyze_articles
    from .store import open_store

    summary = BuildSummary()
    with open_store(db, create=False) as store:
        run, fingerprint = entity_run(store.corrections())
        articles = [summary_.id for summary_ in store.articles()]
        stored = (store.load(aid).article for aid in articles)
        analyses = analyze_articles(stored, run=run, on_problem=summary.problems.append)
        store_all(store, analyses, run, fingerprint, summary, summary.problems.append, on_article)
    return summary


def analyses_of(items: Iterable[RawItem]) -> list[Analysis]:
    """Analyse already decoded items (useful in tests and notebooks)."""
    run = RunContext()
    return settle(list(run_pipeline(items, run=run)), run)
