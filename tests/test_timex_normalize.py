"""Normalization sieves: (expression, anchor date, tense, expected TIMEX3 value) case tables, and properties."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.stages.timexes.calendar import VALUE_SHAPE
from storyline.stages.timexes.context import Context
from storyline.stages.timexes.normalize import normalize_timex

TUESDAY = date(2026, 2, 3)  # a Tuesday


def value_of(expression: str, anchor: date | None = TUESDAY, tense: str | None = None,
             reference: str | None = None, recent: bool = False) -> str | None:
    return normalize_timex(expression, Context(anchor, reference, tense, recent_reference=recent)).value


@pytest.mark.parametrize(
    ("expression", "anchor", "tense", "expected"),
    [
        ("Tuesday", "2026-02-03", "past", "2026-02-03"),
        ("Tuesday", "2026-02-04", "past", "2026-02-03"),
        ("Tuesday", "2026-02-02", "past", "2026-01-27"),
        ("Tuesday", "2026-02-02", "future", "2026-02-03"),
        ("October", "2026-10-15", "past", "2026-10"),
        ("January", "2026-12-01", "future", "2027-01"),
        ("December 31", "2026-01-02", "past", "2025-12-31"),
        ("yesterday", "2024-03-01", None, "2024-02-29"),
        ("last month", "2026-01-15", None, "2025-12"),
        ("next week", "2025-12-29", None, "2026-W02"),
        ("last year", "1998-01-08", None, "1997"),
        ("the fourth quarter", "1989-10-27", "future", "1989-Q4"),
        ("the third quarter", "1990-02-01", "past", "1989-Q3"),
        ("three weeks ago", "2026-01-05", None, "2025-W51"),
    ],
)
def test_timex_resolves_across_anchors(expression, anchor, tense, expected) -> None:
    assert value_of(expression, anchor=date.fromisoformat(anchor), tense=tense) == expected


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("Tuesday", "past", "2026-02-03"),  # the publication day itself, not the week before
        ("Tuesday", "future", "2026-02-10"),
        ("Monday", "past", "2026-02-02"),
        ("Friday", "past", "2026-01-30"),
        ("Friday", "future", "2026-02-06"),
        ("Friday", None, "2026-01-30"),
        ("Wednesday", "present", "2026-02-04"),
        ("last Tuesday", None, "2026-01-27"),
        ("next Monday", None, "2026-02-09"),
        ("Saturday night", "past", "2026-01-31TNI"),
        ("Thursdays", None, "XXXX-WXX-4"),
    ],
)
def test_timex_weekday_follows_tense(expression, tense, expected) -> None:
    assert value_of(expression, tense=tense) == expected


@pytest.mark.parametrize(
    ("expression", "tense", "expected"),
    [
        ("October", "past", "2025-10"),
        ("October", "future", "2026-10"),
        ("January", "past", "2026-01"),
        ("February", "past", "2026-02"),
        ("May", "present", "2026-05"),
        ("May", "future", "2026-05"),
        ("early January", "past", "2026-01"),
        ("mid-November", "past", "2025-11"),
        ("last February", None, "2025-02"),
        ("January 3", "past", "2026-01-03"),
        ("Nov. 10", "prospective", "2025-11-10"),
        ("Feb. 10", "prospective", "2026-02-10"),
        ("December 24", "past", "2025-12-24"),
        ("March 5", "future", "2026-03-05"),
    ],
)
def test_timex_month_without_year_falls_in_the_right_year(expression, tense, expected) -> None:
    assert value_of(expression, tense=tense) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("January 26, 2025", "2025-01-26"),
        ("Jan. 26, 2025", "2025-01-26"),
        ("26 January 2025", "2025-01-26"),
        ("the 26th of January, 2025", "2025-01-26"),
        ("Sunday, January 26, 2025", "2025-01-26"),
        ("June 1987", "1987-06"),
        ("March of 1990", "1990-03"),
        ("1987", "1987"),
        ("fiscal 1989", "1989"),
        ("2025-10-24", "2025-10-24"),
        ("10/24/2025", "2025-10-24"),
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
    ],
)
def test_timex_explicit_dates(expression, expected) -> None:
    assert value_of(expression) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("today", "2026-02-03"),
        ("yesterday", "2026-02-02"),
        ("tomorrow", "2026-02-04"),
        ("tonight", "2026-02-03TNI"),
        ("this morning", "2026-02-03TMO"),
        ("last night", "2026-02-02TNI"),
        ("now", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("the past", "PAST_REF"),
        ("soon", "FUTURE_REF"),
        ("the near future", "FUTURE_REF"),
        ("last month", "2026-01"),
        ("last year", "2025"),
        ("this year", "2026"),
        ("next year", "2027"),
        ("earlier this year", "2026"),
        ("late last year", "2025"),
        ("last week", "2026-W05"),
        ("this week", "2026-W06"),
        ("next week", "2026-W07"),
        ("the past year", "2025"),
        ("a year ago", "2025"),
        ("two years ago", "2024"),
        ("three months ago", "2025-11"),
        ("several years ago", "PAST_REF"),
        ("this summer", "2026-SU"),
        ("last summer", "2025-SU"),
        ("the third quarter", "2025-Q3"),
    ],
)
def test_timex_deictic_against_publication_date(expression, expected) -> None:
    tense = "past" if expression == "the third quarter" else None
    assert value_of(expression, tense=tense) == expected


@pytest.mark.parametrize(
    ("expression", "reference", "expected"),
    [
        ("the following year", "1987", "1988"),
        ("the next year", "1987-06", "1988"),
        ("the previous year", "1990-03", "1989"),
        ("that year", "1978", "1978"),
        ("the following month", "1990-03", "1990-04"),
        ("two years later", "1998", "2000"),
        ("a month later", "2013-05-02", "2013-06"),
        ("the next day", "1996-04-17", "1996-04-18"),
        ("the day before", "1996-04-17", "1996-04-16"),
        ("that August", "2022", "2022-08"),
        ("at the time", "2007", "2007"),
        ("that summer", "1985", "1985-SU"),
    ],
)
def test_timex_anaphoric_against_reference_time(expression, reference, expected) -> None:
    assert value_of(expression, tense="past", reference=reference) == expected


def test_timex_month_takes_narrative_year_after_explicit_year() -> None:
    assert value_of("March", tense="past", reference="1978", recent=True) == "1978-03"


def test_timex_month_ignores_stale_narrative_year() -> None:
    assert value_of("March", tense="past", reference="1978", recent=False) == "2025-03"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("the 1980s", "198X"),
        ("the early 1980s", "198X"),
        ("the 2000s", "200X"),
        ("2010s", "201X"),
        ("the '80s", "198X"),
        ("the seventies", "197X"),
        ("the 19th century", "18XX"),
        ("19th-century", "18XX"),
        ("early 20th centuries", "19XX"),
        ("the twentieth century", "19XX"),
    ],
)
def test_timex_decades_and_centuries_stay_underspecified(expression, expected) -> None:
    assert value_of(expression) == expected


@pytest.mark.parametrize(
    ("expression", "kind", "expected"),
    [
        ("four days", "DURATION", "P4D"),
        ("for 16 months", "DURATION", "P16M"),
        ("nearly two hours", "DURATION", "PT2H"),
        ("22-year-old", "DURATION", "P22Y"),
        ("the past two months", "DURATION", "P2M"),
        ("several years", "DURATION", "PXY"),
        ("a few days", "DURATION", "PXD"),
        ("three decades", "DURATION", "P30Y"),
        ("the next three quarters", "DURATION", "P9M"),
        ("at least 30 days", "DURATION", "P30D"),
        ("2 1/2 years", "DURATION", "P2Y6M"),
        ("a minute and a half", "DURATION", "PT1M30S"),
        ("half an hour", "DURATION", "PT30M"),
        ("eight trading days after", "DURATION", "P8D"),
        ("decades", "DURATION", "PXDE"),
        ("two days after", "DURATION", "P2D"),
        ("daily", "SET", "P1D"),
        ("every week", "SET", "P1W"),
        ("twice a year", "SET", "P1Y"),
        ("each Thursday", "SET", "XXXX-WXX-4"),
        ("10 p.m. Wednesday", "TIME", "2026-01-28T22:00"),
        ("noon", "TIME", "2026-02-03T12:00"),
    ],
)
def test_timex_durations_sets_and_times(expression, kind, expected) -> None:
    resolution = normalize_timex(expression, Context(TUESDAY, None, "past"))
    assert (resolution.type, resolution.value) == (kind, expected)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Tuesday", "XXXX-WXX-2"),
        ("October", "XXXX-10"),
        ("January 3", "XXXX-01-03"),
        ("yesterday", None),
        ("last year", None),
        ("a year ago", None),
        ("the third quarter", "XXXX-Q3"),
        ("this summer", "XXXX-SU"),
        ("June 1987", "1987-06"),
    ],
)
def test_timex_without_publication_date_stays_underspecified(expression, expected) -> None:
    assert value_of(expression, anchor=None, tense="past") == expected


@pytest.mark.parametrize(
    ("expression", "value", "problem"),
    [
        ("October 24, 202", "XXXX-10-24", "truncated year '202'"),
        ("February 30, 2020", None, "impossible date 2020-02-30"),
        ("April 31, 1999", None, "impossible date 1999-04-31"),
    ],
)
def test_timex_flags_truncated_and_impossible_dates(expression, value, problem) -> None:
    resolution = normalize_timex(expression, Context(TUESDAY))
    assert resolution.value == value
    assert resolution.problem is not None and resolution.problem.startswith(problem)


WORDS = st.sampled_from(
    ["the", "a", "last", "next", "this", "that", "following", "early", "late", "mid", "of", "in", "on", "for", "ago", "later", "earlier", "before", "after", "year", "years", "month", "months", "week", "day", "days", "Tuesday", "October", "May", "2025", "202", "1980s", "19th", "century", "quarter", "third", "summer", "16", "two", "several", "a", "few", "noon", "10", "p.m.", "at", "time", "now", "today", "yesterday", "30,", "24", "Feb.", "every", "each"]
)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=5), tense=st.sampled_from([None, "past", "present", "future"]))
def test_timex_normalize_never_raises_and_values_have_timex3_shape(words, tense) -> None:
    resolution = normalize_timex(" ".join(words), Context(TUESDAY, "1990-03", tense))
    assert resolution.type in ("DATE", "TIME", "DURATION", "SET")
    assert resolution.value is None or VALUE_SHAPE.match(resolution.value)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=5), tense=st.sampled_from([None, "past", "future"]))
def test_timex_without_anchor_or_reference_never_invents_a_year(words, tense) -> None:
    """With no publication date and no reference time, any year in the value must come from the words."""
    text = " ".join(words)
    value = normalize_timex(text, Context(None, None, tense)).value or ""
    for year in re.findall(r"^(\d{4})", value):
        assert year in text
