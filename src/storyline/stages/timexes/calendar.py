"""TIMEX3 value arithmetic: dates at a granularity (day, week, month, quarter, year...), shifted and formatted."""

from __future__ import annotations

import re
from datetime import date, timedelta

# A value this module can read back as a point in time: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Www, YYYY-SU...
_POINT = re.compile(r"^(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|Q([1-4])|W(\d\d)|H([12])|(SP|SU|FA|WI)))?")
SEASON_MONTHS = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
# Any TIMEX3 value this package may emit (used by the tests and as a last guard before a value leaves).
VALUE_SHAPE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|WE|Q|DE|CE))?(?:\d+M)?(?:\d+D)?(?:T\d+H)?"
    r"|PT(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))?(?:\d+M)?(?:\d+S)?"
    r"|[0-9X]{2}XX|[0-9]{3}X|[0-9X]{4}(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|Q[1-4X]|W[0-9X]{2}(?:-(?:[1-7]|WE))?"
    r"|H[12]|SP|SU|FA|WI))?(?:T(?:MO|AF|EV|NI|\d\d(?::\d\d)?))?)$"
)


def format_at(day: date, unit: str) -> str:
    """The value naming the `unit` (day, week, weekend, month, quarter, year, decade, century) holding `day`."""
    if unit == "day":
        return day.isoformat()
    if unit in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        return f"{day.year}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "half":
        return f"{day.year}-H{1 if day.month <= 6 else 2}"
    if unit == "decade":
        return f"{day.year // 10}X"
    if unit == "century":
        return f"{day.year // 100:02d}XX"
    return f"{day.year}"


def shift(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (months clamp to the month's last day)."""
    if unit in ("day", "night"):
        return day + timedelta(days=count)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=count)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}.get(unit)
    if months is None:
        return day
    total = day.year * 12 + day.month - 1 + months * count
    year, month = divmod(total, 12)
    year = min(max(year, 1), 9999)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    return date(year, month + 1, 1)


def read_point(value: str | None) -> tuple[date, str] | None:
    """A point value read back as (first day, granularity), or None for REFs, durations and X-values."""
    if not value:
        return None
    match = _POINT.match(value)
    if not match:
        return None
    year = int(match.group(1))
    month, day, quarter, week, half, season = match.group(2, 3, 4, 5, 6, 7)
    try:
        if day:
            return date(year, int(month), int(day)), "day"
        if month:
            return date(year, int(month), 1), "month"
        if quarter:
            return date(year, 3 * int(quarter) - 2, 1), "quarter"
        if week:
            return date.fromisocalendar(year, int(week), 1), "week"
        if half:
            return date(year, 1 if half == "1" else 7, 1), "half"
        if season:
            return date(year, SEASON_MONTHS[season], 1), "season"
        return date(year, 1, 1), "year"
    except ValueError:
        return None


GRANULARITY_ORDER = ("century", "decade", "year", "half", "season", "quarter", "month", "week", "weekend", "day")


def finer_or_equal(granularity: str, unit: str) -> bool:
    """True when a value of `granularity` is at least as precise as `unit`."""
    order = {name: index for index, name in enumerate(GRANULARITY_ORDER)}
    return order.get(granularity, 0) >= order.get(unit, 0)


def weekday_near(anchor: date, weekday: int, direction: str) -> date:
    """The `weekday` (1 = Monday) on or before anchor ("past"), after it ("future"), or the nearest ("near")."""
    back = (anchor.isoweekday() - weekday) % 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "past_strict":
        return anchor - timedelta(days=back or 7)
    forward = (weekday - anchor.isoweekday()) % 7
    if direction == "future":
        return anchor + timedelta(days=forward or 7)
    if direction == "this_week":
        return anchor + timedelta(days=weekday - anchor.isoweekday())
    return anchor - timedelta(days=back) if back <= forward else anchor + timedelta(days=forward)


def year_for_month(anchor: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) given without one: the most recent in the past tense (publication month
    included), the next one in the future tense, otherwise the one nearest the anchor."""
    here = (anchor.month, anchor.day if day is not None else 0)
    there = (month, day or 0)
    if tense == "past":
        return anchor.year if there <= here else anchor.year - 1
    if tense == "future":
        return anchor.year if there >= here else anchor.year + 1
    if month - anchor.month > 6:
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year
