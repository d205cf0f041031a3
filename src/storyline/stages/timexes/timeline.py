"""Analyses -> the story's timeline (dated points, each linked to its sentence), and the time of any span."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ...models import Analysis, Block, Span, Timex
from ..text import sentence_at
from .calendar import GRANULARITY_ORDER, read_point

_GRANULARITY_RANK = {name: index for index, name in enumerate(GRANULARITY_ORDER)}


@dataclass(frozen=True)
class TimelinePoint:
    """One dated expression placed on the story's timeline.

    `day` is the first day of the period the value names (what the timeline sorts by); `granularity` how
    precise the value is (year, quarter, month, week, day...); `sentence` the span of the sentence that holds
    the expression, so that a report can link the point to its words; `entities` the ids of the entities
    mentioned in that sentence (what `storyline timeline --entity` filters on).
    """

    value: str
    day: str
    granularity: str
    type: str
    article_id: str
    start: int
    end: int
    text: str
    sentence: Span
    sentence_text: str
    entities: tuple[str, ...] = ()


def build_timeline(analyses: Iterable[Analysis]) -> list[TimelinePoint]:
    """Every DATE/TIME with a point value (2025-10, 2026-02-03, 1990-Q2...), in time order; ties keep the
    coarser value first, then article and reading order. Durations, sets, REFs and open values stay off it."""
    points = []
    for analysis in analyses:
        for timex in analysis.timexes:
            point = place_on_timeline(timex.type, timex.value)
            if point is None:
                continue
            sentence = point_sentence(analysis.sentences, analysis.article.blocks, timex.start, timex.end)
            points.append(TimelinePoint(
                value=timex.value or "", day=point[0], granularity=point[1], type=timex.type,
                article_id=analysis.article.id, start=timex.start, end=timex.end, text=timex.text,
                sentence=sentence, sentence_text=analysis.article.text[sentence[0]:sentence[1]],
                entities=_entities_in(analysis, sentence),
            ))
    return sorted(points, key=timeline_order)


def point_sentence(sentences: Sequence[Span], blocks: Sequence[Block], start: int, end: int) -> Span:
    """The sentence holding a span, clipped to the span's block: the parser's sentences can run from a caption
    or a heading into the body, and a timeline point should show only the words around its date."""
    sentence = sentence_at(sentences, start) or (start, end)
    block = next((b for b in blocks if b.start <= start < b.end), None)
    if block is None:
        return sentence
    return max(sentence[0], block.start), max(min(sentence[1], block.end), end)


def place_on_timeline(type_: str, value: str | None) -> tuple[str, str] | None:
    """(first day as YYYY-MM-DD, granularity) for a DATE/TIME with a point value; None for what stays off the
    timeline (durations, sets, REFs, open values, an unknown year such as XXXX-10-24). The store keeps these two
    columns so that it can sort and filter the timeline in SQL."""
    point = read_point(value) if type_ in ("DATE", "TIME") else None
    if point is None or (value or "").startswith("X"):
        return None
    return point[0].isoformat(), point[1]


def timeline_order(point: TimelinePoint) -> tuple:
    """Time order; ties keep the coarser value first, then article and reading order."""
    return (point.day, _GRANULARITY_RANK.get(point.granularity, 0), point.article_id, point.start)


def filter_timeline(points: Sequence[TimelinePoint], *, entity: str | None = None, since: str | None = None,
                    until: str | None = None) -> list[TimelinePoint]:
    """Points about one entity id and/or whose first day lies in [since, until] (ISO dates, both inclusive)."""
    return [p for p in points if (entity is None or entity in p.entities) and (since is None or p.day >= since)
            and (until is None or p.day <= until)]


def _entities_in(analysis: Analysis, sentence: Span) -> tuple[str, ...]:
    return tuple(sorted({entity.id for entity in analysis.entities for start, end in entity.mentions
                         if sentence[0] <= start and end <= sentence[1]}))


def time_of(span_start: int, span_end: int, analysis: Analysis) -> tuple[str | None, str]:
    """The time of any span (a quote, an event, a figure) and the reason: a dated expression in its own
    sentence first (the nearest one), else the narrative's reference time inherited from the last dated
    expression before it, else the publication date; (None, reason) when the article gives none."""
    sentence = sentence_at(analysis.sentences, span_start)
    dated = [t for t in analysis.timexes if t.type in ("DATE", "TIME") and read_point(t.value)
             and not (t.value or "").startswith("X")]
    if sentence is not None:
        inside = [t for t in dated if sentence[0] <= t.start < sentence[1]]
        if inside:
            nearest = min(inside, key=lambda t: _distance(t, span_start, span_end))
            return nearest.value, f"explicit in its sentence: {nearest.text!r}"
    before = [t for t in dated if t.end <= span_start]
    if before:
        last = before[-1]
        return last.value, f"inherited from the narrative's reference time: {last.text!r}"
    if analysis.article.published.value:
        return analysis.article.published.value, "the publication date"
    return None, "no dated expression and no publication date"


def _distance(timex: Timex, start: int, end: int) -> int:
    if timex.end <= start:
        return start - timex.end
    if timex.start >= end:
        return timex.start - end
    return 0
