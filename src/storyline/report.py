"""Store -> one self-contained HTML dossier page; also the article view that the web app shows the same way.

Everything shown is escaped by Jinja's autoescape; the stylesheet is inlined so the page needs nothing else.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .models import Analysis, Span
from .stages.timexes.timeline import TimelinePoint
from .store.records import QuoteHit, shorten
from .timeline_chart import TimelineChart, layout_timeline

if TYPE_CHECKING:
    from .store import Store

PACKAGE = Path(__file__).parent
TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"


@dataclass(frozen=True)
class Mark:
    """A span of the article text to show marked: `css` names what it is, `title` explains it on hover."""

    start: int
    end: int
    css: str
    title: str | None = None
    anchor: str | None = None


@dataclass(frozen=True)
class Piece:
    text: str
    css: str = ""
    title: str | None = None
    anchor: str | None = None
    more_anchors: tuple[str, ...] = ()  # other marks starting here (a quote that opens on a name or a date)


@dataclass(frozen=True)
class BlockView:
    kind: str
    start: int
    end: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class EntityRow:
    id: str
    name: str
    type: str
    mentions: int
    forms: str
    anchor: str | None


@dataclass(frozen=True)
class EventRow:
    type: str
    status: str
    source: str
    target: str
    date: str | None
    trigger: str
    anchor: str
    date_reason: str | None = None


@dataclass(frozen=True)
class ArticleView:
    """One article laid out for display: its blocks with marked spans, and the tables beneath it."""

    analysis: Analysis
    anchor: str
    title: str
    blocks: tuple[BlockView, ...]
    entities: tuple[EntityRow, ...]
    events: tuple[EventRow, ...]


@lru_cache(maxsize=1)
def template_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Our own stylesheet, inlined so that a saved report opens anywhere with no other file and no network.
    env.globals["stylesheet"] = Markup((STATIC / "style.css").read_text(encoding="utf-8"))
    return env


def mark_text(text: str, start: int, end: int, marks: Iterable[Mark]) -> tuple[Piece, ...]:
    """text[start:end] cut wherever a mark begins or ends; each piece carries every mark covering it.

    Marks may overlap or nest (a mention inside a quote inside a search hit); cutting at every boundary
    shows all of them without building nested markup that could cross block edges.
    """
    inside = [m for m in marks if m.start < end and m.end > start and m.start < m.end]
    cuts = sorted({start, end} | {max(start, m.start) for m in inside} | {min(end, m.end) for m in inside})
    pieces = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in inside if m.start <= left and m.end >= right]
        # Every mark starting here keeps its anchor; a highlight's comes first because the URL asks for it.
        anchors = [m.anchor for m in sorted(covering, key=lambda m: m.css != "hit") if m.anchor and m.start == left]
        titles = [m.title for m in covering if m.title]
        pieces.append(
            Piece(
                text=text[left:right],
                css=" ".join(sorted({m.css for m in covering})),
                title=" · ".join(dict.fromkeys(titles)) or None,
                anchor=anchors[0] if anchors else None,
                more_anchors=tuple(dict.fromkeys(anchors[1:])),
            )
        )
    return tuple(pieces)


def block_spans(analysis: Analysis) -> list[tuple[int, int, str]]:
    """The article's blocks in text order, with any stretch of text no block covers shown as body."""
    text = analysis.article.text
    spans, position = [], 0
    for block in sorted(analysis.article.blocks, key=lambda b: (b.start, b.end)):
        start, end = max(block.start, position), min(block.end, len(text))
        if start > position and text[position:start].strip():
            spans.append((position, start, "body"))
        if end > start:  # overlapping blocks are clipped: no words shown twice
            spans.append((start, end, block.kind))
        position = max(position, end)
    if text[position:].strip():
        spans.append((position, len(text), "body"))
    return spans


def article_marks(analysis: Analysis, anchor: str, highlights: Iterable[Span] = ()) -> list[Mark]:
    names = {}
    marks = []
    for i, entity in enumerate(analysis.entities):
        names[entity.id] = entity.name
        for j, (start, end) in enumerate(entity.mentions):
            mention_anchor = f"{anchor}-e{i}" if j == 0 else None
            marks.append(Mark(start, end, "mention", f"{entity.name} ({entity.type})", mention_anchor))
    for i, quote in enumerate(analysis.quotes):
        who = quote.speaker.name or "unattributed"
        marks.append(
            Mark(
                quote.start,
                quote.end,
                f"quote quote-{quote.kind}",
                f"{quote.kind} quote: {who}",
                f"{anchor}-q{i}",
            )
        )
    for i, timex in enumerate(analysis.timexes):
        marks.append(
            Mark(timex.start, timex.end, "timex", f"{timex.type} {timex.value or '?'}", f"{anchor}-t{i}")
        )
    for i, figure in enumerate(analysis.figures):
        unit = f" {figure.unit}" if figure.unit else ""
        marks.append(Mark(figure.start, figure.end, "figure", f"{figure.value:g}{unit}", f"{anchor}-f{i}"))
    for i, event in enumerate(analysis.events):
        marks.append(Mark(*event.trigger, "event", f"{event.type} ({event.status})", f"{anchor}-v{i}"))
    for i, (start, end) in enumerate(highlights):
        marks.append(Mark(start, end, "hit", "search match", "hit" if i == 0 else None))
    return marks


def actor_label(name: str | None, code: str | None) -> str:
    return " ".join(part for part in (name, f"[{code}]" if code else None) if part) or "—"


def build_article_view(analysis: Analysis, highlights: Iterable[Span] = ()) -> ArticleView:
    """Lay out one article: blocks with every found span marked, entity and event rows with their words."""
    text = analysis.article.text
    anchor = analysis.article.id
    marks = article_marks(analysis, anchor, highlights)
    blocks = tuple(
        BlockView(kind, start, end, mark_text(text, start, end, marks))
        for start, end, kind in block_spans(analysis)
    )
    entities = []
    for i, entity in enumerate(analysis.entities):
        forms = Counter(text[start:end] for start, end in entity.mentions)
        entities.append(
            EntityRow(
                id=entity.id,
                name=entity.name,
                type=entity.type,
                mentions=len(entity.mentions),
                forms=", ".join(
                    f"{form} ×{count}" if count > 1 else form for form, count in forms.most_common(6)
                ),
                anchor=f"{anchor}-e{i}" if entity.mentions else None,
            )
        )
    events = tuple(
        EventRow(
            type=event.type,
            status=event.status,
            source=actor_label(event.source.name, event.source.code),
            target=actor_label(event.target.name, event.target.code),
            date=event.date,
            trigger=text[event.trigger[0] : event.trigger[1]],
            anchor=f"{anchor}-v{i}",
            date_reason=event.date_reason,
        )
        for i, event in enumerate(analysis.events)
    )
    title = analysis.article.title or shorten(text[:200])
    return ArticleView(analysis, anchor, title, blocks, tuple(entities), events)


def report_timeline(points: Sequence[TimelinePoint], views: Sequence[ArticleView]) -> TimelineChart:
    """The chart of the report page: each point links to its date's mark in the article shown below it."""
    anchors = {
        (view.analysis.article.id, timex.start, timex.end): f"#{view.anchor}-t{i}"
        for view in views
        for i, timex in enumerate(view.analysis.timexes)
    }
    return layout_timeline(points, lambda p: anchors.get((p.article_id, p.start, p.end), f"#{p.article_id}"))


@dataclass(frozen=True)
class QuoteLink:
    hit: QuoteHit
    href: str


@dataclass(frozen=True)
class SpeakerGroup:
    """One speaker's quotes for "Who said what"; `entity` and `name` are None for the unattributed group."""

    entity: str | None
    name: str | None
    anchor: str
    quotes: tuple[QuoteLink, ...]


def group_by_speaker(hits: Iterable[QuoteHit], href: Callable[[QuoteHit], str]) -> list[SpeakerGroup]:
    """Quotes grouped by speaker, each group in the order given; the most quoted speaker first, the
    unattributed quotes last. A speaker is its entity, or the name written on the quote when it has none."""
    groups: dict[str | None, list[QuoteHit]] = {}
    for hit in hits:
        groups.setdefault(hit.speaker_key, []).append(hit)
    order = sorted(groups, key=lambda key: (key is None, -len(groups[key]), groups[key][0].speaker_name or "", key or ""))
    return [
        SpeakerGroup(
            entity=groups[key][0].speaker_entity,
            name=groups[key][0].speaker_name,
            anchor=f"said-{index}",
            quotes=tuple(QuoteLink(hit, href(hit)) for hit in groups[key]),
        )
        for index, key in enumerate(order)
    ]


def quote_anchor(hit: QuoteHit) -> str:
    """The report's link to a quote: its mark in the article text shown below (see article_marks)."""
    return f"#{hit.article_id}-q{hit.position}"


def render_report(store: Store) -> str:
    """The whole store as one self-contained HTML page: every article, its marked text and its tables."""
    views = [build_article_view(analysis) for analysis in store.analyses()]
    timeline = report_timeline(store.timeline(), views)
    # No timestamp in the page: the same store always renders the same bytes, so reports diff cleanly.
    # Entities reported by more than one article: who the story is about, across its sources.
    # Each with the roles the entity stage read (titles, appositives, kinship): who they are, in the sources' words.
    shared = [entity for entity in store.entity_overview() if entity.articles > 1]
    said = group_by_speaker(store.quotes(), quote_anchor)
    return (
        template_env()
        .get_template("report.html")
        .render(views=views, shared_entities=shared, problems=store.problems(), timeline=timeline, said=said)
    )
