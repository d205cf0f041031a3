"""Doc + publication date -> Timexes: every date expression found and normalized against its own article.

Recognition is a regex grammar vetted by token signals (recognize.py); normalization an ordered list of named
resolvers (normalize.py) fed the publication date, the clause's tense and the narrative's reference time, which
each dated expression moves forward as the article is read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ...models import Analysis, Article, Block, Timex
from ..text import in_blocks, text_of
from .calendar import read_point
from .context import Context, Resolution
from .normalize import normalize_timex
from .recognize import recognize_timexes
from .tense import tense_at
from .timeline import (
    TimelinePoint,
    build_timeline,
    filter_timeline,
    place_on_timeline,
    time_of,
    timeline_order,
)

__all__ = ["STAGE", "STAGE_VERSION", "FoundTimex", "TimelinePoint", "build_timeline", "filter_timeline",
           "find_timexes", "place_on_timeline", "resolve_timexes", "time_of", "timeline_order"]

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...pipeline import RunContext

STAGE_VERSION = "timexes.v1"
# Dates in datelines and captions are real dates; credits, bylines and boilerplate hold none worth reporting.
TIMEX_BLOCK_KINDS = frozenset({"body", "heading", "caption", "dateline"})
_EXPLICIT_YEAR = re.compile(r"\b(?:1\d|20)\d\d\b")


def make_timex(start: int, end: int, text: str, resolution: Resolution) -> Timex:
    # A truncated or impossible date keeps its reason in Timex.note, so a reader sees why it has no full value.
    return Timex(start, end, text, resolution.type, resolution.value, note=resolution.problem)


@dataclass(frozen=True)
class FoundTimex:
    """One recognized expression with how it was resolved (the reason and any problem are kept for review)."""

    timex: Timex
    resolution: Resolution
    tense: str | None
    pattern: str


def read_anchor(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published) if published else None
    except ValueError:
        return None


def resolve_timexes(doc: Doc, published: str | None, blocks: Sequence[Block] = ()) -> list[FoundTimex]:
    """The pure core: every temporal expression of the Doc, resolved in reading order."""
    anchor = read_anchor(published)
    text = text_of(doc)
    sentence_starts = [sent.start_char for sent in doc.sents]
    reference: str | None = None
    explicit_sentence = -10
    found: list[FoundTimex] = []
    for start, end, pattern in recognize_timexes(text, doc):
        if blocks and not in_blocks(blocks, start, end, TIMEX_BLOCK_KINDS):
            continue
        sentence = bisect_right(sentence_starts, start) - 1
        tense = tense_at(doc, start, end)
        before = re.search(r"(\w+)\W*$", text[max(0, start - 20):start])
        context = Context(anchor, reference, tense, recent_reference=explicit_sentence == sentence,
                          preposition=before.group(1).lower() if before else None)
        resolution = normalize_timex(text[start:end], context)
        found.append(FoundTimex(make_timex(start, end, text[start:end], resolution), resolution, tense, pattern))
        moves = resolution.moves_reference and resolution.type in ("DATE", "TIME")
        point = read_point(resolution.value) if moves else None
        if point is not None:
            reference = resolution.value.split("T")[0] if resolution.value else reference
            if _EXPLICIT_YEAR.search(text[start:end]):
                explicit_sentence = sentence
    return _borrow_appositive_values(found, text)


def _borrow_appositive_values(found: list[FoundTimex], text: str) -> list[FoundTimex]:
    """ "six days into his second term, on January 26, 2025": an offset from an unknown start takes the value of
    the date set beside it, with the reason recorded."""
    result = list(found)
    for index, item in enumerate(found[:-1]):
        after = found[index + 1]
        gap = text[item.timex.end:after.timex.start]
        if item.timex.value is None and item.pattern == "into" and re.fullmatch(r"[\s,]*(?:on|in)?\s*", gap) \
                and after.timex.value and read_point(after.timex.value):
            resolution = Resolution("DATE", after.timex.value, "into: the date set in apposition")
            timex = make_timex(item.timex.start, item.timex.end, item.timex.text, resolution)
            result[index] = FoundTimex(timex, resolution, item.tense, item.pattern)
    return result


def find_timexes(doc: Doc, published: str | None, blocks: Sequence[Block] = ()) -> tuple[Timex, ...]:
    return tuple(item.timex for item in resolve_timexes(doc, published, blocks))


class TimexStage:
    name = "timexes"
    version = STAGE_VERSION
    field = "timexes"

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> tuple[Timex, ...]:
        published = article.published.value or run.default_date
        return find_timexes(doc, published, article.blocks)


STAGE = TimexStage()
