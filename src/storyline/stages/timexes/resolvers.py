"""Resolvers for points in time: dates, clock times, months, weekdays, deictic and anaphoric expressions."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import finer_or_equal, format_at, read_point, shift, weekday_near, year_for_month
from .context import (
    ANAPHORIC_SHIFT,
    CLOCK_RE,
    EDGE_RE,
    MONTH_RE,
    RELATIVE_SHIFT,
    UNIT_RE,
    WEEKDAY_RE,
    Context,
    Resolution,
    clean_expression,
    format_duration,
    month_number,
    read_quantity,
    reference_point,
)
from .vocab import PARTS_OF_DAY, WEEKDAYS


def resolve_truncated(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?:\w+,? )?{MONTH_RE} (?P<day>\d+)(?:st|nd|rd|th)?, (?P<year>\d{{1,3}})", expr)
    if not match:
        return None
    month, day = month_number(match["month"]), int(match["day"])
    return Resolution("DATE", f"XXXX-{month:02d}-{day:02d}", "month and day kept, year left open",
                      f"truncated year '{match['year']}': not completed")


def resolve_clock(expr: str, context: Context) -> Resolution | None:
    match = re.search(r"(?:^|\s)(?:at )?(" + CLOCK_RE.pattern + r")(?=$|[\s,])", expr)
    if not match or not (match["half"] or match["word"] or match["minute"]):
        return None
    hour = int(match["hour"]) if match["hour"] else (12 if match["word"] == "noon" else 24)
    minute = int(match["minute"] or 0)
    if match["half"] in ("p.m.", "pm") and hour < 12:
        hour += 12
    if match["half"] in ("a.m.", "am") and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return Resolution("TIME", None, "clock", f"impossible time '{match.group(1)}'")
    rest = clean_expression((expr[: match.start()] + " " + expr[match.end():]).replace(" at ", " "))
    rest = re.sub(r"^(?:about|around|approximately|roughly|nearly|almost|after|before|just|on|,)\s*|[\s,]+$", "",
                  rest).strip(" ,")
    clock = f"T{hour:02d}:{minute:02d}"
    if rest:
        from .normalize import normalize_timex  # the clock's day is any other expression

        day = normalize_timex(rest, context)
        if day.value and re.fullmatch(r"\d{4}-\d\d-\d\d|XXXX-WXX-\d|XXXX-\d\d-\d\d", day.value):
            return Resolution("TIME", day.value + clock, f"clock on {day.reason}")
    if context.anchor:
        return Resolution("TIME", context.anchor.isoformat() + clock, "clock on the publication date")
    return Resolution("TIME", "XXXX-XX-XX" + clock, "clock without a known day")


def resolve_numeric_date(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)|(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", expr)
    if not match:
        return None
    if match.group(1):
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    else:
        month, day, year = int(match.group(4)), int(match.group(5)), int(match.group(6))
        if year < 100:  # two-digit years: the century nearest the anchor, or unknown without one
            if not context.anchor:
                return Resolution("DATE", f"XX{year:02d}-{month:02d}-{day:02d}", "numeric date, century unknown")
            year += 100 * (context.anchor.year // 100) - (100 if year > context.anchor.year % 100 + 10 else 0)
    return _checked_date(year, month, day, "numeric date")


def _checked_date(year: int, month: int, day: int, reason: str) -> Resolution:
    try:
        return Resolution("DATE", date(year, month, day).isoformat(), reason)
    except ValueError:
        return Resolution("DATE", None, reason, f"impossible date {year}-{month:02d}-{day:02d}")


def resolve_month_day(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(
        rf"(?:{WEEKDAY_RE},? )?{EDGE_RE}(?:the )?(?:{MONTH_RE} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{MONTH_RE.replace('month', 'month2')})"
        rf"(?:,? (?P<year>\d{{4}}))?", expr)
    if not match:
        return None
    month = month_number(match["month"] or match["month2"])
    day = int(match["day"] or match["day2"])
    weekday = WEEKDAYS.get(match["weekday"] or "")
    if match["year"]:
        found = _checked_date(int(match["year"]), month, day, "full date")
        if weekday and found.value and date.fromisoformat(found.value).isoweekday() != weekday:
            return Resolution("DATE", found.value, found.reason, f"the weekday does not match {found.value}")
        return found
    if weekday and context.anchor:
        # "Saturday, April 25": the weekday picks the year, the nearest one to the publication date
        years = sorted(range(context.anchor.year - 6, context.anchor.year + 2), key=lambda y: abs(y - context.anchor.year))
        for year in years:
            try:
                if date(year, month, day).isoweekday() == weekday:
                    return Resolution("DATE", date(year, month, day).isoformat(), "month and day on that weekday")
            except ValueError:
                break
    point = read_point(context.reference) if context.recent_reference and context.tense == "past" else None
    if point and (not context.anchor or point[0].year <= context.anchor.year - 2):
        return _checked_date(point[0].year, month, day, "month and day in the narrative's year")
    if not context.anchor:
        return Resolution(
            "DATE", f"XXXX-{month:02d}-{day:02d}", "month and day, no publication date")
    year = year_for_month(context.anchor, month, day, context.tense)
    return _checked_date(year, month, day, f"month and day by {context.tense or 'nearness'} from the publication date")


def resolve_month(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(
        rf"{EDGE_RE}(?:(?P<rel>this|last|next|that|the same|earlier this|later this|earlier in|later in|"
        rf"the following|the previous) )?{MONTH_RE}(?:,? (?:of )?(?P<year>\d{{4}}))?", expr)
    if not match:
        return None
    month = month_number(match["month"])
    if match["year"]:
        return Resolution("DATE", f"{match['year']}-{month:02d}", "month and year")
    rel = match["rel"]
    if rel in ("that", "the same", "the following", "the previous") or (
            context.recent_reference and rel is None and context.tense == "past" and read_point(context.reference)):
        point = read_point(context.reference)
        if point and (rel or not context.anchor or point[0].year <= context.anchor.year - 2):
            return Resolution("DATE", f"{point[0].year}-{month:02d}", "month in the narrative's year")
    if not context.anchor:
        return Resolution("DATE", f"XXXX-{month:02d}", "month, no publication date")
    tense = {"last": "past", "next": "future", "this": None, "earlier this": None,
             "later this": None}.get(rel or "", context.tense)
    if rel in ("this", "earlier this", "later this"):
        return Resolution("DATE", f"{context.anchor.year}-{month:02d}", "month of the publication year")
    year = year_for_month(context.anchor, month, None, tense)
    if rel == "last" and month == context.anchor.month:
        year -= 1
    if rel == "next" and month == context.anchor.month:
        year += 1
    return Resolution("DATE", f"{year}-{month:02d}", f"month by {tense or 'nearness'} from the publication date")


def resolve_weekday(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?:(?P<rel>last|next|this|that|early|late|earlier|later|on) )?{WEEKDAY_RE}(?P<plural>s)?"
                         rf"(?: (?P<part>morning|afternoon|evening|night))?", expr)
    if not match:
        return None
    weekday = WEEKDAYS[match["weekday"]]
    part = f"T{PARTS_OF_DAY[match['part']]}" if match["part"] else ""
    kind = "TIME" if part else "DATE"
    if match["plural"]:
        return Resolution("SET", f"XXXX-WXX-{weekday}{part}", "weekday plural: every week")
    rel = match["rel"]
    if rel == "that":
        point = reference_point(context)
        if point and point[1] in ("day", "week"):
            day = weekday_near(point[0], weekday, "near")
            return Resolution(kind, day.isoformat() + part, "weekday near the narrative reference time")
    if not context.anchor:
        return Resolution(kind, f"XXXX-WXX-{weekday}{part}", "weekday, no publication date")
    direction = {"last": "past_strict", "next": "future", "this": "this_week"}.get(rel or "")
    if direction is None:
        # News reports what happened: a weekday in a clause without a clear tense is most often the past one.
        direction = {"past": "past", "future": "future", "present": "near", "prospective": "near"}.get(
            context.tense or "", "past")
    day = weekday_near(context.anchor, weekday, direction)
    return Resolution(kind, day.isoformat() + part, f"weekday {direction.replace('_', ' ')} of the publication date")


def resolve_deictic(expr: str, context: Context) -> Resolution | None:
    expr = re.sub(r"^(?:early|late|until|as of) ", "", expr)
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "overnight": -1}
    refs = {"now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
            "the present": "PRESENT_REF", "these days": "PRESENT_REF",
            "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
            "the past": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF", "current": "PRESENT_REF",
            "recent": "PAST_REF", "future": "FUTURE_REF", "the near future": "FUTURE_REF",
            "the distant future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF", "the near term": "FUTURE_REF",
            "the short term": "FUTURE_REF", "the long term": "FUTURE_REF"}
    if expr in refs:
        return Resolution("DATE", refs[expr], "deictic reference word")
    if expr not in offsets:
        return None
    part = "TNI" if expr in ("tonight", "overnight") else ""
    kind = "TIME" if part else "DATE"
    if not context.anchor:
        return Resolution(kind, None, "deictic day, no publication date")
    day = context.anchor + timedelta(days=offsets[expr])
    return Resolution(kind, day.isoformat() + part, "deictic day from the publication date")


def resolve_part_of_day(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(r"(?:(?:early|late|earlier|later) )?(?:(?P<rel>this|last|that|tomorrow|yesterday|the) )?"
                         r"(?P<part>morning|afternoon|evening|night|mid-?afternoon|mid afternoon|overnight|tonight)", expr)
    if not match:
        return None
    part = PARTS_OF_DAY.get(re.sub(r"^mid[\s-]?", "", match["part"]), "NI")
    rel = match["rel"] or "this"
    if rel == "that":
        point = reference_point(context)
        if point and point[1] == "day":
            return Resolution("TIME", f"{point[0].isoformat()}T{part}", "part of the narrative's day")
        return Resolution("TIME", None, "part of an unknown day")
    if not context.anchor:
        return Resolution("TIME", None, "part of day, no publication date")
    offset = {"last": -1 if part == "NI" else 0, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and part != "NI":
        offset = -1
    day = context.anchor + timedelta(days=offset)
    return Resolution("TIME", f"{day.isoformat()}T{part}", "part of day from the publication date")


def resolve_relative_unit(expr: str, context: Context) -> Resolution | None:
    if expr == "the weekend":
        expr = {"past": "last weekend", "future": "next weekend"}.get(context.tense or "", "this weekend")
    match = re.fullmatch(rf"(?:(?P<edge>early|late|earlier|later|mid|the end of|the beginning of|the start of|"
                         rf"the middle of)[\s-]+)?(?P<rel>this|last|next|past|coming|previous|current|the current|"
                         rf"the previous|the latest|the preceding|the past|the last|the next|the coming) {UNIT_RE}",
                         expr)
    if not match:
        return None
    unit, rel = match["unit"].replace("centurie", "century"), match["rel"]
    if rel in ("the next", "the previous", "the preceding") and not match["edge"] and not expr.endswith("s"):
        return None  # "the next year" follows the story's reference time: the anaphoric resolver reads it
    if expr.endswith("s") and not match["edge"]:
        if rel in ("coming", "the coming", "next", "the next"):
            return Resolution("DATE", "FUTURE_REF", "the coming units")
        return Resolution("DATE", "PAST_REF", "the recent units")
    if unit == "weekend" and context.anchor:
        direction = {"last": "past_strict", "next": "future"}.get(rel, "near")
        saturday = weekday_near(context.anchor, 6, direction if rel != "this" else "this_week")
        return Resolution("DATE", format_at(saturday, "weekend"), f"{rel} weekend from the publication date")
    if unit in ("second", "minute", "hour"):
        return Resolution("DURATION", format_duration(1, unit), "the last/next clock unit")
    if rel in ("the past", "the last") and not match["edge"] and (
            unit in ("decade", "century") or context.preposition in ("for", "during", "throughout")):
        return Resolution("DURATION", format_duration(1, unit), "a span of one unit")
    if unit == "night":
        unit = "day"
    if not context.anchor:
        return Resolution("DATE", None, "relative to an unknown publication date")
    count = RELATIVE_SHIFT.get(rel, 0)
    if unit == "quarter" and rel == "the latest":
        count = -1
    return Resolution("DATE", format_at(shift(context.anchor, unit, count), unit), f"{rel} {unit} from the publication date")


def resolve_ago(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?:(?:about|around|approximately|roughly|nearly|almost|more than|less than|over|"
                         rf"some|just|only|at least|at most|no more than|up to) )?(?P<count>(?!the ).+?)[\s-](?:(?:trading|business|working) )?{UNIT_RE} (?P<dir>ago|earlier|later|before|after|"
                         rf"hence|from now)", expr)
    match = match or re.fullmatch(rf"(?P<count>){UNIT_RE} (?P<dir>ago|earlier|later)", expr)
    if not match:
        return None
    unit = match["unit"].replace("centurie", "century")
    count = read_quantity(match["count"]) if match["count"] else None
    sign = -1 if match["dir"] in ("ago", "earlier", "before") else 1
    if match["dir"] in ("before", "after"):
        # "two days after the ambush": TimeML marks the length; the point depends on an event, not on a date
        return Resolution("DURATION", format_duration(count, unit), "a length before or after an event")
    if count is None or count != int(count):
        vague = "PAST_REF" if sign < 0 else "FUTURE_REF"
        if match["dir"] in ("ago", "hence", "from now"):
            return Resolution("DATE", vague, "a vague offset from the publication date")
        return Resolution("DATE", None, "a vague offset from the narrative reference time")
    if match["dir"] in ("ago", "hence", "from now"):
        if not context.anchor:
            return Resolution("DATE", None, "an offset from an unknown publication date")
        point = (context.anchor, "day", "publication date")
        reference = read_point(context.reference)
        # Financial news compares quarters: "a year ago" beside "the third quarter" names that quarter a year back.
        if reference and reference[1] == "quarter" and unit == "year" and reference[0].year == context.anchor.year:
            point = (reference[0], "quarter", "narrative reference time")
    else:
        point = reference_point(context)
        if point is None:
            return Resolution("DATE", None, "an offset from an unknown reference time")
    granularity = "day" if unit in ("second", "minute", "hour") else unit
    if point[1] == "quarter" and unit == "year":
        granularity = "quarter"
    if not finer_or_equal(point[1], granularity) and point[1] != "quarter":
        granularity = point[1]
    value = format_at(shift(point[0], unit, int(count) * sign), granularity)
    return Resolution("DATE", value, f"{int(count)} {unit}(s) {match['dir']} from the {point[2]}",
                      moves_reference=granularity != "quarter")


def resolve_anaphoric(expr: str, context: Context) -> Resolution | None:
    match = re.fullmatch(rf"(?:the (?P<rel>following|next|previous|preceding|same) {UNIT_RE}"
                         rf"|that {UNIT_RE.replace('unit', 'unit2')}"
                         rf"|the {UNIT_RE.replace('unit', 'unit3')} (?P<dir>before|after)|at (?:the|that) time)", expr)
    if not match:
        return None
    point = reference_point(context)
    if match.group(0).startswith("at "):
        if context.reference and read_point(context.reference):
            return Resolution("DATE", context.reference, "the narrative reference time")
        return Resolution("DATE", "PAST_REF" if context.tense == "past" else None, "no narrative reference time")
    unit = (match["unit"] or match["unit2"] or match["unit3"] or "").replace("centurie", "century")
    if unit == "night":
        unit = "day"
    rel = match["rel"] or ("following" if match["dir"] == "after" else "previous" if match["dir"] else "same")
    if point is None:
        return Resolution("DATE", None, "anaphoric, no reference time")
    if unit in ("second", "minute", "hour"):
        return Resolution("DATE", None, "anaphoric clock unit")
    if not finer_or_equal(point[1], unit):
        if not context.anchor:
            return Resolution("DATE", None, f"the reference time is not known to the {unit}")
        point = (context.anchor, "day", "publication date (the reference time is coarser)")
    value = format_at(shift(point[0], unit, ANAPHORIC_SHIFT.get(rel, 0)), unit)
    return Resolution("DATE", value, f"{rel} {unit} from the {point[2]}")
