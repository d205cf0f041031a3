"""What resolvers share: the Context an expression is resolved in, the Resolution they return, word readers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .calendar import (
    read_point,
)
from .vocab import (
    CLOCK_UNITS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    UNITS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)


@dataclass(frozen=True)
class Context:
    """What an expression is resolved against.

    `anchor` is the publication date (None when unknown); `reference` the narrative's current reference time
    (a TIMEX3 value, set by the last dated expression); `recent_reference` is True when that reference was set by an
    explicit year in the same sentence; `tense` is "past", "present", "future", "prospective" or None.
    """

    anchor: date | None = None
    reference: str | None = None
    tense: str | None = None
    recent_reference: bool = False
    preposition: str | None = None  # the word just before the expression: "for the year" is a length of time


@dataclass(frozen=True)
class Resolution:
    type: str
    value: str | None
    reason: str
    problem: str | None = None  # an impossible or truncated date, flagged and not completed
    # False for comparisons ("a year earlier", "the year-ago quarter"): they do not move the story's time.
    moves_reference: bool = True


MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_RE = rf"(?P<month>{MONTH_NAMES}|(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?)"
WEEKDAY_RE = rf"(?P<weekday>{'|'.join(WEEKDAYS)})"
UNIT_RE = r"(?P<unit>second|minute|hour|day|night|weekend|week|month|quarter|year|decade|centurie|century)s?"
EDGE_RE = r"(?:(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]*)?"
CLOCK_RE = re.compile(r"(?P<hour>\d{1,2})(?::(?P<minute>\d\d))?\s*(?P<half>a\.m\.|p\.m\.|am|pm|o'clock)?"
                       r"(?:\s+(?:[ecmp][sd]t|gmt|utc))?|(?P<word>noon|midnight)")
ANAPHORIC_SHIFT = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0}
RELATIVE_SHIFT = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1, "the previous": -1,
    "the latest": -1, "the preceding": -1, "next": 1, "coming": 1, "the coming": 1, "the next": 1,
    "the past": -1, "the last": -1,
}
DURATION_WORDS = ("the past", "the last", "the next", "the coming", "the first", "the final", "the entire",
                   "the whole")



def clean_expression(text: str) -> str:
    """Lower case, one space, straight apostrophes, no leading preposition ("for 16 months" -> "16 months")."""
    text = re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip().lower()
    text = re.sub(r" ?- ?", "-", text)  # "six - year" as tokenized text writes "six-year"
    return re.sub(r"^(?:for|in|on|since|until|during|by|over|as of|at(?! (?:the|that) time| least| most)) ", "", text)


def month_number(word: str) -> int:
    word = word.rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


def read_quantity(text: str) -> float | None:
    """A count in digits or words ("16", "two", "twenty-four", "2 1/2", "a couple of"); None when vague."""
    text = text.strip()
    if any(text == vague or text.startswith(vague + " ") for vague in VAGUE_QUANTITIES):
        return None
    text = re.sub(r"\s+(?:to|or)\s+.*$", "", text)
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(\s+1/2)?", text)
    if match:
        return float(match.group(1)) + (0.5 if match.group(2) else 0)
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    parts = re.split(r"[- ]", text)
    if parts and all(part in NUMBER_WORDS for part in parts):
        return float(sum(NUMBER_WORDS[part] for part in parts))
    return None


def format_duration(count: float | None, unit: str) -> str:
    # Counted quarters and decades are written in months and years, as TimeBank writes them (P9M, P20Y).
    if count is not None and unit in ("quarter", "decade"):
        count, unit = count * (3 if unit == "quarter" else 10), ("month" if unit == "quarter" else "year")
    letter = UNITS[unit]
    prefix = "PT" if unit in CLOCK_UNITS else "P"
    if count is None:
        return f"{prefix}X{letter}"
    if count == int(count):
        return f"{prefix}{int(count)}{letter}"
    # A half is written in the next smaller unit: 2 1/2 years is P2Y6M, a minute and a half PT1M30S.
    smaller = {"year": (12, "M"), "month": (30, "D"), "day": (24, "H"), "hour": (60, "M"), "minute": (60, "S")}
    if unit in smaller and count * 2 == int(count * 2):
        size, small_letter = smaller[unit]
        whole = f"{int(count)}{letter}" if int(count) else ""
        middle = "T" if unit == "day" else ""
        return f"{prefix}{whole}{middle}{size // 2}{small_letter}"
    return f"{prefix}{count:g}{letter}"


def reference_point(context: Context) -> tuple[date, str, str] | None:
    """The narrative reference time as (day, granularity, how), falling back to the publication date."""
    point = read_point(context.reference)
    if point:
        return point[0], point[1], "narrative reference time"
    if context.anchor:
        return context.anchor, "day", "publication date"
    return None


