"""RawItems -> Analyses: the one loop that owns the order of the stages.

Inputs are split into articles, articles are parsed by spaCy in `nlp.pipe` batches, and each parsed
article goes through the analysis stages in order. A stage that raises on one article records a Problem
on that article and leaves its field empty; the batch goes on (the way spaCy's Language.__call__ runs
its components).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from . import settings
from .models import Analysis, Article, Problem, RawItem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass
class RunContext:
    """State shared by every article of one run: what one article learns, later ones can use.

    `memory` holds per-stage run-level state keyed by stage name (for instance the entity stage's
    registry of canonical names, which makes entity ids shared across articles).
    """

    default_date: str | None = None
    memory: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage, for the benchmark


class Stage(Protocol):
    """One analysis stage: reads the article, its Doc and what earlier stages found; returns records.

    `field` names the Analysis field the records fill; `version` is stored with the output. A stage that
    revises several fields (the time stage dates quotes, figures and events) returns a mapping of field name
    -> records instead, and names those fields in `field`, space-separated.

    A stage that revises its records once every article of the run is in (see settle) also has
    `finish_run(run)`, which draws the run-wide conclusions once, and `settle(analysis, run)`, which applies
    them to one article's analysis and returns the same object when they do not touch it.
    """

    name: str
    version: str
    field: str

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> tuple: ...


LINE_STARTS = "storyline_line_starts"


@lru_cache(maxsize=2)
def load_nlp(model: str | None = None) -> Language:
    """The spaCy pipeline named by `model` (default settings.MODEL), with sentences that never run across a
    line break (see start_sentences_at_lines)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(LINE_STARTS):
        Language.component(LINE_STARTS, func=start_sentences_at_lines)
    nlp = spacy.load(model or settings.MODEL)
    # Before the parser, which keeps the sentence starts it is given; first in a pipeline without one.
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_STARTS, before="parser")
    else:
        nlp.add_pipe(LINE_STARTS, first=True)
    return nlp


def start_sentences_at_lines(doc: Doc) -> Doc:
    """Every line opens a sentence. A pasted article's lines are paragraphs, headlines, datelines, captions
    and web addresses; left to itself the parser runs a headline, the dateline and the first sentence into
    one, and reads the headline's words as the sentence's subject or object."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text:
            token.is_sent_start = True
    return doc


def default_stages() -> list[Stage]:
    """The analysis stages in the order they run; later stages read what earlier ones found."""
    from .stages import entities, events, figures, quotes, timexes
    from .stages import time as time_stage  # not the time module this file also uses

    return [entities.STAGE, timexes.STAGE, quotes.STAGE, figures.STAGE, events.STAGE, time_stage.STAGE]


def analyze_doc(article: Article, doc: Doc, stages: Iterable[Stage], run: RunContext) -> Analysis:
    sentences = tuple((sent.start_char, sent.end_char) for sent in doc.sents)
    analysis = Analysis(article=article, sentences=sentences)
    versions = []
    for stage in stages:
        versions.append((stage.name, stage.version))
        started = time.perf_counter()
        try:
            result = stage(article, doc, analysis, run)
            fields = dict(result) if isinstance(result, Mapping) else {stage.field: tuple(result)}
        except Exception as error:  # one failing stage must not sink the article or the batch
            problem = Problem(
                source=article.source,
                reason=f"{type(error).__name__}: {error}",
                stage=stage.name,
                article_id=article.id,
            )
            analysis = dataclasses.replace(analysis, problems=analysis.problems + (problem,))
            continue
        finally:
            run.seconds[stage.name] = run.seconds.get(stage.name, 0.0) + time.perf_counter() - started
        analysis = dataclasses.replace(analysis, **{name: tuple(records) for name, records in fields.items()})
    return dataclasses.replace(analysis, stage_versions=tuple(versions))


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def analyze_articles(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    stages: list[Stage] | None = None,
    run: RunContext | None = None,
    batch_size: int | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> Iterator[Analysis]:
    """Parse articles in nlp.pipe batches and run the stages over each, in input order.

    An article the parser cannot take (longer than nlp.max_length, or one that makes spaCy raise) is
    reported through on_problem and left out; the rest of its batch is parsed one by one.
    """
    nlp = nlp or load_nlp()
    stages = default_stages() if stages is None else stages
    run = run or RunContext()
    report = on_problem or (lambda problem: None)
    for batch in _batched(articles, batch_size or settings.BATCH_SIZE):
        for article, doc in _parse_batch(nlp, batch, report):
            yield analyze_doc(article, doc, stages, run)


def _parse_batch(
    nlp: Language, batch: list[Article], report: Callable[[Problem], None]
) -> Iterator[tuple[Article, Doc]]:
    parseable = []
    for article in batch:
        if len(article.text) > nlp.max_length:
            reason = (
                f"article {article.id} has {len(article.text):,} characters, more than the parser takes "
                f"({nlp.max_length:,}); it is left out: split the input or set the article apart"
            )
            report(Problem(article.source, reason, "parse", article.id))
        else:
            parseable.append(article)
    try:
        docs = list(nlp.pipe(article.text for article in parseable))
    except Exception:  # find the article spaCy chokes on; parse the others
        for article in parseable:
            try:
                yield article, nlp(article.text)
            except Exception as error:
                report(Problem(article.source, f"{type(error).__name__}: {error}", "parse", article.id))
        return
    yield from zip(parseable, docs, strict=True)


def settle(
    analyses: Sequence[Analysis],
    run: RunContext,
    *,
    stages: Iterable[Stage] | None = None,
    on_problem: Callable[[Problem], None] | None = None,
) -> list[Analysis]:
    """The run's analyses revised by what only the whole run shows, once every article is in: the entity
    stage's corpus pass merges entries the input order kept apart (an early article's "the driver" and the
    person a later one names), and every analysis takes the merged ids. A stage whose pass fails leaves the
    analyses as they were and is reported through on_problem."""
    settled = list(analyses)
    for stage in default_stages() if stages is None else stages:
        if not hasattr(stage, "finish_run"):
            continue
        try:
            stage.finish_run(run)  # type: ignore[attr-defined]
            settled = [stage.settle(analysis, run) for analysis in settled]  # type: ignore[attr-defined]
        except Exception as error:  # the articles stand as analysed; the run goes on
            if on_problem:
                on_problem(
                    Problem("<run>", f"corpus pass failed: {type(error).__name__}: {error}", stage.name)
                )
    return settled


def split_items(
    items: Iterable[RawItem | Problem],
    *,
    default_date: str | None = None,
    one_article: bool = False,
    on_problem: Callable[[Problem], None] | None = None,
) -> Iterator[Article]:
    """Split each decoded input into its articles; Problems from ingest are passed to on_problem."""
    from .split import split_item

    for item in items:
        if isinstance(item, Problem):
            if on_problem:
                on_problem(item)
            continue
        try:
            yield from split_item(item, default_date=default_date, one_article=one_article)
        except Exception as error:
            if on_problem:
                on_problem(Problem(item.source, f"could not split: {type(error).__name__}: {error}", "split"))


def run_pipeline(
    items: Iterable[RawItem | Problem],
    *,
    default_date: str | None = None,
    one_article: bool = False,
    nlp: Language | None = None,
    stages: list[Stage] | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    batch_size: int | None = None,
    run: RunContext | None = None,
) -> Iterator[Analysis]:
    """Decoded inputs -> one Analysis per article, entity ids shared across the whole run."""
    run = run or RunContext(default_date=default_date)
    articles = split_items(items, default_date=default_date, one_article=one_article, on_problem=on_problem)
    yield from analyze_articles(
        articles, nlp=nlp, stages=stages, run=run, batch_size=batch_size, on_problem=on_problem
    )
