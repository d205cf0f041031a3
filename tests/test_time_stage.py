"""The time stage: every quote, figure and event gets its time, explicit in its sentence or inherited, with why."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.models import Actor, Analysis, Article, Cue, Event, Figure, Published, Quote, Timex, When
from storyline.stages.time import STAGE, date_records

# Three sentences: a dated one, an undated one, one whose only date is inside quoted words.
TEXT = (
    "The port opened on 3 May 2025 with 40 cranes. "
    "Traffic later rose by 12%. "
    '"We will double it by June," the minister said on Tuesday.'
)


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def timex(words: str, value: str, type_: str = "DATE") -> Timex:
    return Timex(*span(words), words, type_, value)


def figure(words: str) -> Figure:
    return Figure(*span(words), words, 1.0, None, None, None)


SENTENCES = (span("The port opened on 3 May 2025 with 40 cranes."), span("Traffic later rose by 12%."),
             span('"We will double it by June," the minister said on Tuesday.'))
DATES = (timex("3 May 2025", "2025-05-03"), timex("June", "2026-06"), timex("Tuesday", "2026-03-03"))


def analysis(timexes=DATES, published: str | None = "2026-03-04", **found) -> Analysis:
    article = Article("a1", "t.txt", None, None, Published(published, "given"), TEXT, ())
    return Analysis(article=article, sentences=SENTENCES, timexes=timexes, **found)


@pytest.mark.parametrize(
    ("words", "timexes", "published", "value", "reason"),
    [
        ("40 cranes", DATES, "2026-03-04", "2025-05-03", "explicit in its sentence: '3 May 2025'"),
        ("12%", DATES, "2026-03-04", "2025-05-03", "inherited from the narrative's reference time: '3 May 2025'"),
        ("12%", (), "2026-03-04", "2026-03-04", "the publication date"),
        ("12%", (), None, None, "no dated expression and no publication date"),
        # Values the calendar cannot place (an unknown year, a reference word, a length) date nothing.
        ("12%", (timex("3 May 2025", "XXXX-05-03"),), "2026-03-04", "2026-03-04", "the publication date"),
        ("12%", (timex("3 May 2025", "PAST_REF"),), "2026-03-04", "2026-03-04", "the publication date"),
        ("40 cranes", (timex("3 May 2025", "P1D", "DURATION"),), None, None, "no dated expression and no publication date"),
    ],
)
def test_time_dates_a_figure(words, timexes, published, value, reason) -> None:
    (dated,) = date_records(analysis(timexes, published, figures=(figure(words),)))["figures"]
    assert dated.when == When(value, reason)


def quote(cue: str | None) -> Quote:
    words = "We will double it by June,"
    return Quote(*span(words), words, "direct", cue=None if cue is None else Cue(*span(cue), cue))


@pytest.mark.parametrize(
    ("cue", "timexes", "value", "reason"),
    [
        ("said", DATES, "2026-03-03", "explicit in its sentence: 'Tuesday'"),
        # A date inside the quoted words dates what was said, not the saying.
        ("said", DATES[:2], "2025-05-03", "inherited from the narrative's reference time: '3 May 2025'"),
        (None, DATES[1:2], "2026-03-04", "the publication date"),
    ],
)
def test_time_dates_a_quote_by_its_saying(cue, timexes, value, reason) -> None:
    (dated,) = date_records(analysis(timexes, quotes=(quote(cue),)))["quotes"]
    assert dated.when == When(value, reason)


def event(date: str | None, trigger: str) -> Event:
    sentence = next(s for s in SENTENCES if s[0] <= span(trigger)[0] < s[1])
    return Event("AGREE", "asserted", Actor(), Actor(), date, span(trigger), sentence)


@pytest.mark.parametrize(
    ("date", "trigger", "value", "reason"),
    [
        ("2025-05-03", "opened", "2025-05-03", "explicit in its sentence: '3 May 2025'"),
        (None, "rose", "2025-05-03", "inherited from the narrative's reference time: '3 May 2025'"),
        ("2025", "opened", "2025", "explicit in its sentence"),  # the events stage's own reading is kept
    ],
)
def test_time_dates_an_event_and_says_why(date, trigger, value, reason) -> None:
    (dated,) = date_records(analysis(events=(event(date, trigger),)))["events"]
    assert (dated.date, dated.date_reason) == (value, reason)


def test_time_stage_changes_only_the_time_of_its_records() -> None:
    given = analysis(quotes=(quote("said"),), figures=(figure("12%"),), events=(event(None, "rose"),))
    records = date_records(given)
    assert set(records) == set(STAGE.field.split())
    for name, items in records.items():
        before = getattr(given, name)
        assert [dataclasses.replace(item, when=None) if hasattr(item, "when") else
                dataclasses.replace(item, date=None, date_reason=None) for item in items] == list(before)


def test_time_stage_in_the_pipeline_dates_every_quote_and_figure() -> None:
    from storyline.models import RawItem
    from storyline.pipeline import run_pipeline

    text = "Port talks resume\nThe union walked out on Monday.\n\"We want 5% more,\" its leader said.\n"
    (result,) = run_pipeline([RawItem("t.txt", text, "text")], default_date="2026-03-04", one_article=True)
    assert ("time", STAGE.version) in result.stage_versions
    assert result.figures and all(f.when and f.when.reason for f in result.figures)
    assert result.quotes and all(q.when and q.when.value == "2026-03-02" for q in result.quotes)
