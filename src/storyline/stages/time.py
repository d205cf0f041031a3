"""Analysis -> the same quotes, figures and events, each given its time (a When, or an event's date_reason).

The last stage: it reads the timexes already found and dates every quote, figure and event with a value
explicit in its own sentence or, failing that, inherited from the narrative's reference time or the
publication date, always with the reason recorded (`time_of` in the timexes package holds that rule).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..models import Analysis, Article, Event, Quote, Span, Timex, When
from .text import sentence_at
from .timexes import time_of
from .timexes.calendar import read_point

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import RunContext

STAGE_VERSION = "time.v1"


def when_of(start: int, end: int, analysis: Analysis) -> When:
    value, reason = time_of(start, end, analysis)
    return When(value, reason)


def when_of_quote(quote: Quote, analysis: Analysis) -> When:
    """A quote belongs to the time it was said: the sentence of its cue ("said on Tuesday") when that sentence
    is dated, with dates outside the quoted words preferred, since those date the saying, not what was said."""
    if quote.cue is not None:
        sentence = sentence_at(analysis.sentences, quote.cue.start)
        outside = _dated_in(analysis, sentence, exclude=(quote.start, quote.end))
        if outside:
            nearest = min(outside, key=lambda t: abs(t.start - quote.cue.start))
            return When(nearest.value, f"explicit beside its cue: {nearest.text!r}")
        return when_of(quote.cue.start, quote.cue.end, analysis)
    return when_of(quote.start, quote.end, analysis)


def _dated_in(analysis: Analysis, sentence: Span | None, exclude: Span) -> list[Timex]:
    """Dated timexes of one sentence outside the `exclude` span (the same ones time_of counts as dated)."""
    if sentence is None:
        return []
    return [t for t in analysis.timexes if t.type in ("DATE", "TIME") and read_point(t.value)
            and not (t.value or "").startswith("X")
            and sentence[0] <= t.start < sentence[1] and not exclude[0] <= t.start < exclude[1]]


def date_event(event: Event, analysis: Analysis) -> Event:
    """An event dated by the events stage keeps its date and gets the reason; an undated one inherits."""
    value, reason = time_of(event.trigger[0], event.trigger[1], analysis)
    if event.date is None:
        return dataclasses.replace(event, date=value, date_reason=reason)
    if value == event.date:
        return dataclasses.replace(event, date_reason=reason)
    return dataclasses.replace(event, date_reason="explicit in its sentence")


def date_records(analysis: Analysis) -> dict[str, tuple]:
    """The pure core: the analysis's quotes, figures and events, each with its time and the reason."""
    quotes = tuple(dataclasses.replace(q, when=when_of_quote(q, analysis)) for q in analysis.quotes)
    figures = tuple(dataclasses.replace(f, when=when_of(f.start, f.end, analysis)) for f in analysis.figures)
    events = tuple(date_event(event, analysis) for event in analysis.events)
    return {"quotes": quotes, "figures": figures, "events": events}


class TimeStage:
    name = "time"
    version = STAGE_VERSION
    field = "quotes figures events"

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> dict[str, tuple]:
        if found.article.published.value is None and run.default_date:
            # time_of falls back to the publication date; the run's --date stands in for a missing one.
            published = dataclasses.replace(found.article.published, value=run.default_date)
            found = dataclasses.replace(found, article=dataclasses.replace(found.article, published=published))
        return date_records(found)


STAGE = TimeStage()
