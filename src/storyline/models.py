"""The plain, frozen records that flow between storyline's stages.

This module imports nothing else from the package. Every offset is a pair of character indices
(Python string indices, end exclusive) into one named text: `RawItem.text` for blocks found at ingest,
`Article.text` for everything the stages find. Fields may be added; none may change meaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field

BLOCK_KINDS = ("body", "heading", "caption", "credit", "dateline", "byline", "boilerplate")
PUBLISHED_HOW = ("given", "metadata", "dateline", "inferred", "assumed")
QUOTE_KINDS = ("direct", "partial", "indirect", "mixed", "scare")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
EVENT_STATUSES = ("asserted", "reported", "negated", "hypothetical")

Span = tuple[int, int]


@dataclass(frozen=True)
class Block:
    """One line or paragraph of a text and what it is (one of BLOCK_KINDS)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Published:
    """An article's publication date and how it was found.

    `value` is YYYY-MM-DD or None (unknown stays unknown, never today); `how` is one of PUBLISHED_HOW;
    `evidence` quotes the words or the metadata field it came from.
    """

    value: str | None = None
    how: str = "assumed"
    evidence: str | None = None


@dataclass(frozen=True)
class RawItem:
    """One decoded input: a whole plain-text file, one HTML page, or one JSON Lines record.

    `source` names the input as the user gave it (a path, `-` for stdin, `path:LINE` for a JSONL record).
    `splittable` is True when the text may hold several articles run together (plain text), False when
    the input is known to be one article (HTML page, JSONL record). `source_offset` is where `text` starts
    in the decoded source, or None when the text was extracted (HTML) and has no span there.
    `blocks`, when given, are block kinds already known from the markup (HTML captions, headings).
    """

    source: str
    text: str
    format: str  # "text" | "html" | "jsonl"
    splittable: bool = True
    source_offset: int | None = 0
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something that went wrong with one input or one article; the rest of the batch goes on."""

    source: str
    reason: str
    stage: str = "ingest"
    article_id: str | None = None


@dataclass(frozen=True)
class Article:
    """One article, split out of its source, with its blocks and publication date."""

    id: str
    source: str
    source_span: Span | None
    title: str | None
    published: Published
    text: str
    blocks: tuple[Block, ...]
    url: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Entity:
    """One canonical entity as it appears in one article.

    `id` is shared by every article of a run (and of a store); `mentions` are all the spans in this
    article that refer to it, pronouns and nominals included.
    """

    id: str
    name: str
    type: str
    mentions: tuple[Span, ...]


@dataclass(frozen=True)
class Speaker:
    entity: str | None = None
    name: str | None = None
    mention: Span | None = None


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class When:
    """The time a quote or figure belongs to: a TIMEX3 value (None when the article gives none) and why.

    `reason` says whether the value is explicit in the span's own sentence or inherited (from the narrative's
    reference time or the publication date), quoting the words it came from.
    """

    value: str | None
    reason: str


@dataclass(frozen=True)
class Quote:
    """Quoted or reported words; start/end cover the words without their quotation marks."""

    start: int
    end: int
    text: str
    kind: str
    speaker: Speaker = field(default_factory=Speaker)
    cue: Cue | None = None
    when: When | None = None


@dataclass(frozen=True)
class Timex:
    """A temporal expression and its TIMEX3 value, resolved against the article's date."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    note: str | None = None  # why the value is missing or partial ("truncated year"), None when all is well


@dataclass(frozen=True)
class Actor:
    entity: str | None = None
    name: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class Event:
    """A political event coded in PLOVER: who did what to whom, when."""

    type: str
    status: str
    source: Actor
    target: Actor
    date: str | None
    trigger: Span
    sentence: Span
    date_reason: str | None = None  # where `date` came from (its sentence, the narrative, the publication date)


@dataclass(frozen=True)
class Figure:
    """A numeric claim: a value, its unit and what it measures."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    measure: str | None
    qualifier: str | None
    when: When | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything the stages found in one article. Built stage by stage with dataclasses.replace."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    problems: tuple[Problem, ...] = ()
    sentences: tuple[Span, ...] = ()
    stage_versions: tuple[tuple[str, str], ...] = ()
