"""An article's text, blocks and metadata -> its publication date (Published) with the evidence used.

An ordered sieve, first fit wins: metadata from the input, a date in the dateline or date line at the
article's top, a date inferred from the text (a bare day such as "on February 3" whose weekday the text
also names, "on Tuesday", fixes the year), the date the user gave (`assumed`), and last a lower bound:
the latest dated event the article reports in the past tense. Unknown stays None, never today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from ..models import Block, Published
from .blocks import DATE_LINE, DATELINE

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![a-z])"
)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FULL_DATE = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)\b")
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")
# A day of a month without a year: "on February 3", "Feb. 3", "3 February" (not followed by a year).
_BARE_DAY = re.compile(
    rf"\b(?:(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?!\d|,?\s+(?:19|20)\d\d)|"
    rf"(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH})(?!\s+(?:19|20)\d\d))\b"
)
_BARE_MONTH = re.compile(
    rf"\b(?i:in|since|last|early|late|mid-?)\s+(?:(?i:early|late|mid-?)\s*)?(?P<month>{_MONTH})(?!\s*\d)"
)
_YEAR = re.compile(r"(?<![\d,.$-])(?P<year>(?:19|20)\d\d)(?![\d%-]|s\b)")
_WEEKDAY = re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_WEEKDAY_BEFORE = re.compile(r"\b(?P<before>last|next|this|coming|every|following|previous|on)\s+$", re.IGNORECASE)
# Words that put a sentence in the future or the conditional: its dates are no lower bound.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|is set to|are set to|expected|scheduled|plans? to|upcoming|next|ahead of|"
    r"approaching|due to)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@dataclass(frozen=True)
class DatedMention:
    """A date the text mentions, how precisely, and the words."""

    value: dt.date
    precision: str  # "day" | "month" | "year"
    text: str
    past: bool
    bare: bool = False  # the year came from the context, not from the text


def _month_number(word: str) -> int:
    return _MONTH_NUMBERS[word[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def normalize_date(raw: str) -> str | None:
    """A date string from metadata or a date line -> YYYY-MM-DD, or None when it is not a full date."""
    raw = raw.strip()
    for pattern in (_ISO_DATE, _FULL_DATE, _DAY_MONTH_YEAR):
        match = pattern.search(raw)
        if not match:
            continue
        month = match.group("month")
        number = int(month) if month.isdigit() else _month_number(month)
        found = _safe_date(int(match.group("year")), number, int(match.group("day")))
        if found:
            return found.isoformat()
    return None


def date_from_metadata(published: str | None) -> Published | None:
    if not published:
        return None
    value = normalize_date(published)
    if value is None:
        return None
    return Published(value, "metadata", f"published: {published.strip()}")


def date_from_header(text: str, blocks: tuple[Block, ...]) -> Published | None:
    """A date on a date line or in a dateline among the article's first blocks."""
    for block in blocks[:5]:
        words = text[block.start:block.end]
        if block.kind != "dateline":
            continue
        if DATE_LINE.match(words):
            value = normalize_date(words)
            if value:
                return Published(value, "dateline", words)
        match = DATELINE.match(words + " x")
        if match and (match.group("date_pre") or match.group("date")):
            value = normalize_date(match.group("date_pre") or match.group("date"))
            if value:
                return Published(value, "dateline", words)
    return None


def _sentence_of(text: str, position: int) -> str:
    start = max(text.rfind(".", 0, position), text.rfind("\n", 0, position)) + 1
    stops = [stop for stop in (text.find(". ", position), text.find("\n", position)) if stop != -1]
    return text[start:min(stops) if stops else len(text)]


def _before_context(month: int, day: int, context: dt.date) -> dt.date | None:
    """A bare day or month read in the year of the context date, or the year before if it would follow it."""
    found = _safe_date(context.year, month, day)
    if found is not None and found > context:
        found = _safe_date(context.year - 1, month, day)
    return found


def find_dated_mentions(text: str, context: dt.date | None) -> list[DatedMention]:
    """Every date the text pins to a year: full dates, months of a year, years; bare days with context."""
    mentions: list[DatedMention] = []
    taken: set[int] = set()  # positions covered by a more precise mention already

    def add(match: re.Match[str], value: dt.date | None, precision: str, bare: bool = False) -> None:
        if value is None or match.start() in taken:
            return
        taken.update(range(*match.span()))
        past = not _FUTURE.search(_sentence_of(text, match.start()))
        mentions.append(DatedMention(value, precision, match.group(), past, bare))

    for pattern in (_FULL_DATE, _DAY_MONTH_YEAR):
        for match in pattern.finditer(text):
            day = _safe_date(int(match.group("year")), _month_number(match.group("month")), int(match.group("day")))
            add(match, day, "day")
    for match in _MONTH_YEAR.finditer(text):
        add(match, _safe_date(int(match.group("year")), _month_number(match.group("month")), 1), "month")
    for match in _YEAR.finditer(text):
        add(match, _safe_date(int(match.group("year")), 1, 1), "year")
    if context is not None:
        for match in _BARE_DAY.finditer(text):
            month = _month_number(match.group("month") or match.group("month2"))
            day = int(match.group("day") or match.group("day2"))
            add(match, _before_context(month, day, context), "day", bare=True)
        for match in _BARE_MONTH.finditer(text):
            month = _month_number(match.group("month"))
            found = _before_context(month, 1, context)
            if found and match.group().lower().startswith("last") and found.year == context.year and (
                month >= context.month
            ):
                # "last February" written in February means the February of the year before.
                found = _safe_date(context.year - 1, month, 1)
            add(match, found, "month", bare=True)
    return mentions


def _weekdays_named(text: str) -> Counter[int]:
    """Weekdays the text names bare ("on Tuesday", "Tuesday's meeting"): the days of the news week."""
    counts: Counter[int] = Counter()
    for match in _WEEKDAY.finditer(text):
        before = _WEEKDAY_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if before is None or before.group("before").lower() == "on":
            counts[_WEEKDAY_NAMES.index(match.group("weekday"))] += 1
    return counts


def _years_named(text: str) -> list[int]:
    return [int(match.group("year")) for match in _YEAR.finditer(text)]


def date_from_weekday(text: str, blocks: tuple[Block, ...], context_year: int | None) -> Published | None:
    """A bare day ("on February 3", captions first) whose weekday the text names fixes the year."""
    weekdays = _weekdays_named(text)
    if not weekdays:
        return None
    years = _years_named(text)
    anchor = max(years) if years else context_year
    if anchor is None:
        return None
    captions = [text[block.start:block.end] for block in blocks if block.kind == "caption"]
    for source in captions + [text]:
        for match in _BARE_DAY.finditer(source):
            month = _month_number(match.group("month") or match.group("month2"))
            day = int(match.group("day") or match.group("day2"))
            for weekday, _ in weekdays.most_common():
                # The year on or after the latest year the article mentions, within two years of it.
                for year in range(anchor, anchor + 3):
                    found = _safe_date(year, month, day)
                    if found and found.weekday() == weekday:
                        evidence = (
                            f'"{match.group().strip()}" and "{_WEEKDAY_NAMES[weekday]}": '
                            f"{found.isoformat()} is a {_WEEKDAY_NAMES[weekday]} (latest year named: {anchor})"
                        )
                        return Published(found.isoformat(), "inferred", evidence)
    return None


def date_lower_bound(text: str, context: dt.date | None) -> Published | None:
    """The latest dated event the article reports in the past tense: published on or after it."""
    mentions = [mention for mention in find_dated_mentions(text, context) if mention.past]
    if not mentions:
        return None
    latest = max(mentions, key=lambda mention: mention.value)
    evidence = f'on or after the latest past event dated in the text: "{latest.text}" ({latest.precision})'
    if latest.bare and context is not None:
        evidence += f"; its year from the neighbouring article dated {context.isoformat()}"
    return Published(latest.value.isoformat(), "inferred", evidence)


def date_from_news_week(text: str, context: dt.date | None) -> Published | None:
    """An article that looks ahead to the weekday its neighbour is dated ("expected to meet Tuesday") and
    back to another ("announced on Thursday") appeared between that past weekday and the neighbour."""
    if context is None:
        return None
    ahead: set[int] = set()
    behind: list[tuple[dt.date, str]] = []
    for match in _WEEKDAY.finditer(text):
        before = _WEEKDAY_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if before is not None and before.group("before").lower() != "on":
            continue
        weekday = _WEEKDAY_NAMES.index(match.group("weekday"))
        sentence = _sentence_of(text, match.start())
        if _FUTURE.search(sentence):
            ahead.add(weekday)
        else:
            days_back = (context.weekday() - weekday) % 7 or 7
            behind.append((context - dt.timedelta(days=days_back), sentence.strip()))
    if context.weekday() not in ahead or not behind:
        return None
    latest, sentence = max(behind)
    words = sentence if len(sentence) <= 80 else sentence[:77] + "..."
    evidence = (
        f'on or after {_WEEKDAY_NAMES[latest.weekday()]} {latest.isoformat()} ("{words}") and before the'
        f" {_WEEKDAY_NAMES[context.weekday()]} it looks ahead to, {context.isoformat()} (a neighbouring article's date)"
    )
    return Published(latest.isoformat(), "inferred", evidence)


def find_published(
    text: str,
    blocks: tuple[Block, ...],
    *,
    metadata: str | None = None,
    default_date: str | None = None,
    context: dt.date | None = None,
    exact_only: bool = False,
) -> Published:
    """The publication date of one article by the ordered sieve; `context` is a neighbour's date."""
    found = (
        date_from_metadata(metadata)
        or date_from_header(text, blocks)
        or date_from_weekday(text, blocks, context.year if context else None)
    )
    if found or exact_only:
        return found or Published(None, "assumed", None)
    week = date_from_news_week(text, context)
    if week:
        return week
    bound = date_lower_bound(text, context)
    if default_date:
        given = normalize_date(default_date) or default_date
        # The given date stands unless the article reports an event after it.
        if bound is None or bound.value is None or bound.value <= given:
            return Published(given, "assumed", f"--date {default_date}")
    return bound or Published(None, "assumed", None)
