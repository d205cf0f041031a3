"""Analysis -> the same quotes, figures and events, each given its time (a When, or an event's date_reason).

The last stage: it reads the timexes already found and dates every quote, figure and event with a value
explicit in its own sentence or, failing that, inherited from the narrative's reference time or the
publication date, always with the reason recorded (`time_of` in the timexes package holds that rule).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ..models import Analysis, Article, Event, Quote, When
from .timexes import time_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..pipeline import RunContext

STAGE_VERSION = "time.v1"


def when_of(start: int, end: int, analysis: Analysis) -> When:
    value, reason = time_of(start, end, analysis)
    return When(value, reason)


def when_of_quote(quote: Quote, analysis: Analysis) -> When:
    """A quote belongs to the time it was said: read from its cue's sentence ("said on Tuesday"), leaving out
    dates inside the quoted words, which date what was said ("we will sign by June"), not the saying."""
    outside = tuple(t for t in analysis.timexes if not quote.start <= t.start < quote.end)
    anchor = quote.cue or quote
    return when_of(anchor.start, anchor.end, dataclasses.replace(analysis, timexes=outside))


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
