"""Publication dates: the ordered sieve metadata > date line > weekday inference > --date > lower bound."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.models import RawItem
from storyline.split import split_item
from storyline.split.blocks import classify_lines
from storyline.split.published import find_published, normalize_date


def _published(text: str, **options):
    blocks = tuple(block for line in classify_lines(text) for block in line.blocks)
    return find_published(text, blocks, **options)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("2017-07-21", "2017-07-21"),
        ("2017-07-21T10:00:00Z", "2017-07-21"),
        ("Friday, July 21, 2017", "2017-07-21"),
        ("Fri, 11 Nov 2011 at 09:56 IST", "2011-11-11"),
        ("Sat Nov 12 2011, 01:19 hrs", "2011-11-12"),
        ("February 30, 2020", None),
        ("next week", None),
    ],
)
def test_published_normalizes_date(raw: str, value: str | None) -> None:
    assert normalize_date(raw) == value


def test_published_prefers_metadata() -> None:
    found = _published("Headline here\nFriday, July 21, 2017\nThe body.", metadata="2017-07-22")
    assert (found.value, found.how) == ("2017-07-22", "metadata")


def test_published_reads_date_line_under_headline() -> None:
    found = _published("Storm hits the coast\nFriday, July 21, 2017\nA storm hit the coast on Thursday night.")
    assert (found.value, found.how, found.evidence) == ("2017-07-21", "dateline", "Friday, July 21, 2017")


def test_published_reads_date_in_dateline() -> None:
    text = "Bank profits soar\nLONDON, Feb. 3, 2025 (Reuters) - Shares in the bank rose sharply after record profits."
    assert _published(text).value == "2025-02-03"


def test_published_infers_year_from_weekday_and_bare_day() -> None:
    text = (
        "On Tuesday, the two leaders met in the capital for the first time since their feud began in 2025.\n"
        "The president speaks during a news conference on February 3 [Jane Smith/AP]\n"
        "Both called Tuesday's meeting productive."
    )
    found = _published(text)
    assert (found.value, found.how) == ("2026-02-03", "inferred")
    assert "February 3" in found.evidence and "Tuesday" in found.evidence


def test_published_uses_given_date_when_nothing_is_found() -> None:
    found = _published("The council met and agreed on the plan.", default_date="2024-05-01")
    assert (found.value, found.how) == ("2024-05-01", "assumed")


def test_published_lower_bound_is_latest_past_event() -> None:
    text = "The law was passed in March 2019. It was amended on June 4, 2021. A review will come in 2030."
    found = _published(text)
    assert (found.value, found.how) == ("2021-06-04", "inferred")
    assert "June 4, 2021" in found.evidence


def test_published_unknown_stays_none_never_today() -> None:
    found = _published("The council met and agreed on the plan.")
    assert found.value is None
    assert found.value != dt.date.today().isoformat()


def test_published_neighbour_date_sets_year_of_bare_days() -> None:
    text = (
        "Storm hits the coast\nFriday, July 21, 2017\nA storm hit the coast on Thursday night, officials said.\n"
        "Officials counted the damage after the storm and promised help to the fishing towns nearby.\n"
        "Ports reopen after the storm\n"
        "WELLINGTON — Ports reopened after the storm that struck on July 20, officials said in a statement.\n"
        "Ships queued outside the harbour for most of the morning as crews cleared the debris away.\n"
    )
    articles = split_item(RawItem("paste", text, "text"))
    assert len(articles) == 2
    assert articles[1].published.value == "2017-07-20"


def test_published_given_date_yields_to_later_reported_event() -> None:
    found = _published("The law was amended on June 4, 2021, officials said.", default_date="2020-01-01")
    assert (found.value, found.how) == ("2021-06-04", "inferred")


def test_published_news_week_between_past_weekday_and_neighbour() -> None:
    from storyline.split.published import date_from_news_week

    text = "The ministry announced on Thursday that flights had resumed. The leaders are expected to meet Tuesday."
    found = date_from_news_week(text, dt.date(2026, 2, 3))  # a Tuesday
    assert (found.value, found.how) == ("2026-01-29", "inferred")
    assert date_from_news_week(text, dt.date(2026, 2, 4)) is None  # a Wednesday: not the day it looks ahead to
