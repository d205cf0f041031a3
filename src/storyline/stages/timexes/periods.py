"""Resolvers for periods: years, quarters, halves, decades, centuries, seasons, sets and durations."""

from __future__ import annotations

import re

from .calendar import finer_or_equal, format_at, read_point, shift
from .context import (
    DURATION_WORDS,
    EDGE_RE,
    MONTH_RE,
    UNIT_RE,
    WEEKDAY_RE,
    Context,
    Resolution,
    format_duration,
    month_number,
    read_quantity,
    reference_point,
)
from .vocab import DECADE_WORDS, ORDINALS, SEASONS, WEEKDAYS

_SEASON_ORDER = ("WI", "SP", "SU", "FA")
_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def resolve_year(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"{EDGE_RE}(?:(?:fiscal|calendar|the fiscal|the year|the calendar) )?(?:year )?"
                         r"(?P<year>\d{4})", expr)
    if not match:
        return None
    return Resolution("DATE", match["year"], "explicit year")


def resolve_edge_of_unit(expr: str, context: Context) -> Resolution | None:
    """ "early next year", "the end of the year", "late this month": the period itself (the edge is a modifier)."""
    match = re.fullmatch(rf"(?:early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+"
                         rf"(?P<rel>this|last|next|the) {UNIT_RE}", expr)
    if not match:
        return None
    unit = match["unit"]
    if unit in ("second", "minute", "hour", "night"):
        return None
    if match["rel"] == "the":
        point = reference_point(context)
        if point is None:
            return Resolution("DATE", None, "edge of an unknown period")
        return Resolution("DATE", format_at(point[0], unit), f"edge of the {unit} of the {point[2]}")
    if not context.anchor:
        return Resolution("DATE", None, "edge of a period relative to an unknown publication date")
    count = {"this": 0, "last": -1, "next": 1}[match["rel"]]
    return Resolution("DATE", format_at(shift(context.anchor, unit, count), unit), f"edge of {match['rel']} {unit}")


def resolve_quarter(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(r"(?:(?P<whose>this year's|last year's|next year's|the) )?(?:(?:fiscal|calendar|latest|current|same) )?"
                         r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?P<kind>quarter|half)"
                         r"(?P<plural>s)?(?: (?:of )?(?:(?P<year>\d{4})|(?P<rel>this|last|next) year))?", expr)
    if not match:
        return None
    number = _QUARTER_WORDS[match["ordinal"]]
    letter = "Q" if match["kind"] == "quarter" else "H"
    if match["kind"] == "half" and number > 2:
        return None
    if match["plural"]:
        return Resolution("SET", f"XXXX-{letter}{number}", "every such quarter")
    if match["year"]:
        return Resolution("DATE", f"{match['year']}-{letter}{number}", "quarter of an explicit year")
    if not context.anchor:
        return Resolution("DATE", f"XXXX-{letter}{number}", "quarter, no publication date")
    year = context.anchor.year
    offset = {"last": -1, "next": 1}.get(match["rel"] or "", 0) + {"last year's": -1, "next year's": 1}.get(
        match["whose"] or "", 0)
    if offset or match["rel"] or match["whose"] in ("this year's", "last year's", "next year's"):
        return Resolution("DATE", f"{year + offset}-{letter}{number}", "quarter of a named year")
    current = (context.anchor.month - 1) // (3 if letter == "Q" else 6) + 1
    # A quarter not yet begun is last year's in the past tense; otherwise this year's, whatever the tense:
    # "will report third-quarter results" in October speaks of the quarter just ended.
    if context.tense == "past" and number > current:
        year -= 1
    return Resolution("DATE", f"{year}-{letter}{number}", f"quarter by {context.tense or 'default'} tense")


def resolve_year_ago_period(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(r"(?:the )?year-(?:earlier|ago)(?: (?P<what>quarter|period|nine months|months|year))?", expr)
    if not match:
        return None
    point = read_point(context.reference)
    if point and point[1] in ("quarter", "month", "year", "half"):
        return Resolution("DATE", format_at(shift(point[0], "year", -1), point[1]), "a year before the reference",
                          moves_reference=False)
    if context.anchor:
        return Resolution("DATE", str(context.anchor.year - 1), "the year before the publication year",
                          moves_reference=False)
    return Resolution("DATE", None, "a year before an unknown date")


def resolve_decade(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?:the )?{EDGE_RE}(?:(?P<digits>(?:1\d|20)\d)0s|'(?P<short>\d)0s"
                         rf"|(?:nineteen[\s-])?(?P<word>{'|'.join(DECADE_WORDS)}))", expr)
    if not match:
        return None
    if match["digits"]:
        return Resolution("DATE", f"{match['digits']}X", "decade")
    digit = match["short"] or str(DECADE_WORDS[match["word"]])
    # "the '80s" and "the eighties" name a decade of the 1900s: that is what they mean in English prose.
    return Resolution("DATE", f"19{digit}X", "decade of the 1900s")


def resolve_century(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?:the )?{EDGE_RE}(?P<ordinal>\d{{1,2}})(?:st|nd|rd|th)(?:[\s-](?:century|centuries))?"
                         rf"|(?:the )?{EDGE_RE}(?P<word>{'|'.join(ORDINALS)})(?:[\s-](?:century|centuries))?", expr)
    if not match:
        return None
    number = int(match["ordinal"]) if match["ordinal"] else ORDINALS[match["word"]]
    if not 1 <= number <= 21:
        return None
    return Resolution("DATE", f"{number - 1:02d}XX", "century")


def resolve_season(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(r"(?:(?P<rel>this|last|next|past|that|the same|the following|the previous|the past|the|early|late|"
                         r"mid)[\s-])?(?P<season>spring|summer|fall|autumn|winter)(?: (?:of )?(?P<year>\d{4}))?", expr)
    if not match:
        return None
    season = SEASONS[match["season"]]
    if match["year"]:
        return Resolution("DATE", f"{match['year']}-{season}", "season of an explicit year")
    rel = match["rel"]
    if rel in ("that", "the same", "the following", "the previous"):
        point = read_point(context.reference)
        if point:
            return Resolution("DATE", f"{point[0].year}-{season}", "season of the narrative's year")
    if not context.anchor:
        return Resolution("DATE", f"XXXX-{season}", "season, no publication date")
    current = _SEASON_ORDER.index(format_season(context.anchor.month))
    index = _SEASON_ORDER.index(season)
    year = context.anchor.year
    direction = {"last": "past", "past": "past", "the past": "past", "next": "future"}.get(rel or "", context.tense)
    if rel == "this":
        direction = None
    if direction == "past" and (index > current or (rel in ("last", "past", "the past") and index == current)):
        year -= 1
    elif direction == "future" and (index < current or (rel == "next" and index == current)):
        year += 1
    return Resolution("DATE", f"{year}-{season}", f"season by {direction or 'the publication year'}")


def format_season(month: int) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[month - 1]


def resolve_set(expr: str, context: Context) -> Resolution | None:
    adverbs = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
               "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M", "hourly": "PT1H"}
    if expr in adverbs:
        return Resolution("SET", adverbs[expr], "frequency adverb")
    match = re.fullmatch(rf"(?:(?:once|twice|\w+ times) (?:a|an) |(?:(?:once|twice|\w+ times) )?(?:per|each|every) )"
                         rf"(?P<other>other )?"
                         rf"(?:{UNIT_RE}|{WEEKDAY_RE}|{MONTH_RE}|(?P<season>spring|summer|fall|autumn|winter))", expr)
    if not match:
        return None
    if match["weekday"]:
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS[match['weekday']]}", "every weekday")
    if match["season"]:
        return Resolution("SET", f"XXXX-{SEASONS[match['season']]}", "every season of that name")
    if match["month"]:
        return Resolution("SET", f"XXXX-{month_number(match['month']):02d}", "every month of that name")
    unit = match["unit"].replace("centurie", "century")
    return Resolution("SET", format_duration(2 if match["other"] else 1, unit), "every unit")


def resolve_into(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?P<count>.+?) {UNIT_RE} into .+", expr)
    if not match:
        return None
    return Resolution("DATE", None, "an offset into a period whose start is not given here")


def resolve_duration(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?P<lead>(?:about|around|approximately|roughly|nearly|almost|more than|less than|fewer than|"
                         rf"over|under|at least|at most|no more than|up to|just|only|some|another|each of the past|"
                         rf"{'|'.join(DURATION_WORDS)}|the past|the next|the coming|the previous|the following|"
                         rf"the latest|the preceding|the same|the|its|their|his|her) )*(?P<count>.+?)[\s-]"
                         rf"(?:(?:trading|business|working) )?{UNIT_RE}(?P<half> and a half)?(?P<old>-old)?", expr)
    if not match:
        return None
    spoken = re.sub(r" (?:additional|more|extra|further)$", "", match["count"])
    count = read_quantity(spoken)
    if count is None and not re.fullmatch(r"a few|few|several|some|many|numerous|a number of|dozens of|hundreds of",
                                          spoken):
        return None
    if count is not None and match["half"]:
        count += 0.5
    unit = match["unit"].replace("centurie", "century")
    return Resolution("DURATION", format_duration(count, unit), "a length of time" + (" (an age)" if match["old"] else ""))


def resolve_vague_units(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?:(?P<lead>for|in recent|recent|the coming|coming|in the coming|the past|the last|"
                         rf"in the past|over the|over the past|the) )?{UNIT_RE}", expr)
    if not match or not expr.endswith("s"):
        return None
    return Resolution("DURATION", format_duration(None, match["unit"].replace("centurie", "century")),
                      "an unspecified number of units")


def resolve_the_unit(expr: str, context: Context) -> Resolution | None:
    """ "the quarter", "the year", "the latest period", "earlier in the year": the unit holding the reference time."""
    if re.fullmatch(r"(?:earlier|later) in the day", expr):
        point = reference_point(context)
        day_value = point[0].isoformat() if point and point[1] == "day" else None
        return Resolution("DATE", day_value, "the day of the reference time")
    match = re.fullmatch(r"(?:(?:earlier|later) in )?the (?P<words>(?:(?:latest|current|full|fiscal|same|entire|whole) )*)"
                         r"(?P<unit>year|quarter|month|week|weekend|period|fiscal year)", expr)
    if not match:
        return None
    unit = match["unit"].replace("fiscal ", "")
    if context.preposition in ("for", "during", "throughout") and not match["words"] and unit != "quarter" \
            and unit != "period":
        return Resolution("DURATION", format_duration(1, unit), f"for the {unit}: a length of time")
    reference = read_point(context.reference)
    if unit == "period":
        if reference:
            return Resolution("DATE", context.reference, "the period of the narrative reference time")
        return Resolution("DATE", None, "a period with no reference time")
    # The reference time names "the quarter" when it is a quarter, "the year" when a year was just named;
    # "the current year" and a stale reference leave the publication date to decide.
    fits = reference is not None and (reference[1] == unit or context.recent_reference)
    if not fits or "current" in match["words"]:
        reference = None
    if unit == "quarter" and reference is None and context.anchor and context.tense == "past":
        latest = shift(context.anchor, "quarter", -1)
        return Resolution("DATE", format_at(latest, "quarter"), "the latest quarter before the publication date")
    if reference and finer_or_equal(reference[1], unit):
        return Resolution("DATE", format_at(reference[0], unit), f"the {unit} of the narrative reference time")
    if context.anchor:
        return Resolution("DATE", format_at(context.anchor, unit), f"the {unit} of the publication date")
    return Resolution("DATE", None, f"the {unit} of an unknown date")


_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
               "ninety": 90}
_ONES_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def resolve_year_words(expr: str, context: Context) -> Resolution | None:
    """ "nineteen ninety-six", "the year two thousand": years said in words (broadcast transcripts)."""
    match = re.fullmatch(r"(?:the year )?nineteen[\s-](?:(?P<tens>\w+?)(?:[\s-](?P<ones>\w+))?|hundred)", expr)
    if match:
        tens = _TENS_WORDS.get(match["tens"] or "", 0)
        ones = _ONES_WORDS.get(match["ones"] or "", 0)
        if match["tens"] and not tens:
            return None
        return Resolution("DATE", f"{1900 + tens + ones}", "a year in words")
    match = re.fullmatch(r"(?:the year )?two thousand(?: and (?P<ones>\w+))?", expr)
    if match:
        ones = _ONES_WORDS.get(match["ones"] or "", 0)
        return Resolution("DATE", f"{2000 + ones}", "a year in words")
    return None


def resolve_year_end(expr: str, context: Context) -> Resolution | None:
    if not re.fullmatch(r"(?:around |by )?year(?:[\s-]|'s )end", expr):
        return None
    point = reference_point(context)
    if point is None:
        return Resolution("DATE", None, "the end of an unknown year")
    return Resolution("DATE", str(point[0].year), f"the end of the year of the {point[2]}")


def resolve_year_quarter(expr: str, context: Context) -> Resolution | None:
    """ "the 1988 third quarter"; "the 1988 period" beside a quarter: that quarter of the named year."""
    match = re.fullmatch(r"the (?P<year>\d{4}) (?:(?P<ordinal>first|second|third|fourth) )?(?P<unit>quarter|period|half)",
                         expr)
    if not match:
        return None
    year = match["year"]
    if match["ordinal"]:
        number = _QUARTER_WORDS[match["ordinal"]]
        if match["unit"] == "half":
            return Resolution("DATE", f"{year}-H{number}", "half of a named year") if number <= 2 else None
        return Resolution("DATE", f"{year}-Q{number}", "quarter of a named year", moves_reference=False)
    reference = read_point(context.reference)
    if reference and reference[1] == "quarter":
        quarter = (reference[0].month - 1) // 3 + 1
        return Resolution("DATE", f"{year}-Q{quarter}", "the reference quarter in the named year", moves_reference=False)
    return Resolution("DATE", year, "a period of a named year", moves_reference=False)


def resolve_ahead(expr: str, context: Context) -> Resolution | None:
    """ "the weeks ahead" (a length still to come), "future quarters" and "a later date" (some time ahead)."""
    match = re.fullmatch(r"(?:the )?(?P<unit>day|week|month|year|quarter)s ahead", expr)
    if match:
        return Resolution("DURATION", format_duration(None, match["unit"]), "units ahead")
    if re.fullmatch(r"future (?:days|weeks|months|years|quarters)|a later date", expr):
        return Resolution("DATE", "FUTURE_REF", "some time ahead")
    return None
