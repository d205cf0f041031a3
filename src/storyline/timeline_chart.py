"""Timeline points -> the layout of an inline SVG chart (positions, axis ticks, links); templates draw it.

The axis runs in time order but compresses empty stretches: the gap between two consecutive dated days is
drawn in proportion to log(1 + days), so a story spanning two centuries with most of its dates in the last
month stays readable. Points on the same day stack upwards. No JavaScript and nothing fetched.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from .stages.timexes.timeline import TimelinePoint

WIDTH = 960
MARGIN = 24
AXIS_Y_MIN = 40
STEP_Y = 11  # vertical distance between points stacked on one day
RADIUS = 4.5
MAX_STACK = 12  # beyond this a day's column shows "+N" instead of more dots
MIN_LABEL_GAP = 46  # px between two tick labels


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    css: str
    href: str
    label: str
    point: TimelinePoint


@dataclass(frozen=True)
class ChartTick:
    x: float
    label: str


@dataclass(frozen=True)
class ChartOverflow:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class TimelineChart:
    width: int
    height: int
    axis_y: float
    points: tuple[ChartPoint, ...]
    ticks: tuple[ChartTick, ...]
    overflows: tuple[ChartOverflow, ...]

    @property
    def size(self) -> int:
        return len(self.points)


def place_days(days: Sequence[str], width: float = WIDTH - 2 * MARGIN) -> dict[str, float]:
    """x of each distinct day (sorted ISO dates): consecutive days step by 1 + log(1 + gap in days), scaled so
    the first day sits at MARGIN and the last at MARGIN + width."""
    distinct = sorted(set(days))
    if not distinct:
        return {}
    if len(distinct) == 1:
        return {distinct[0]: MARGIN + width / 2}
    ordinals = [date.fromisoformat(day).toordinal() for day in distinct]
    offsets = [0.0]
    for before, after in zip(ordinals, ordinals[1:], strict=False):
        offsets.append(offsets[-1] + 1 + math.log1p(after - before))
    scale = width / offsets[-1]
    return {day: MARGIN + offset * scale for day, offset in zip(distinct, offsets, strict=True)}


def axis_ticks(xs: dict[str, float]) -> tuple[ChartTick, ...]:
    """A label at the first dated day of each year (the month too when a year holds several labelled points),
    skipped where it would overlap the previous label."""
    ticks: list[ChartTick] = []
    last_x = -math.inf
    last_year = None
    for day, x in sorted(xs.items()):
        year = day[:4]
        label = year if year != last_year else day[:7]
        if x - last_x >= MIN_LABEL_GAP:
            ticks.append(ChartTick(round(x, 1), label))
            last_x = x
            last_year = year
    return tuple(ticks)


def point_label(point: TimelinePoint) -> str:
    sentence = " ".join(point.sentence_text.split())
    return f"{point.value} — “{point.text}”: {sentence}"


def layout_timeline(
    points: Sequence[TimelinePoint], href: Callable[[TimelinePoint], str]
) -> TimelineChart:
    """Place every point: x by its first day, stacked by day; `href` gives each point's link to its words."""
    xs = place_days([p.day for p in points])
    stacks: dict[str, int] = {}
    for point in points:
        stacks[point.day] = stacks.get(point.day, 0) + 1
    tallest = min(max(stacks.values(), default=1), MAX_STACK)
    axis_y = AXIS_Y_MIN + tallest * STEP_Y
    placed: list[ChartPoint] = []
    overflows: list[ChartOverflow] = []
    seen: dict[str, int] = {}
    for point in points:
        level = seen.get(point.day, 0)
        seen[point.day] = level + 1
        x = round(xs[point.day], 1)
        if level >= MAX_STACK:
            if level == MAX_STACK:
                hidden = stacks[point.day] - MAX_STACK
                overflows.append(ChartOverflow(x, round(axis_y - (MAX_STACK + 1) * STEP_Y, 1), f"+{hidden}"))
            continue
        css = f"tl-point gran-{point.granularity}"
        placed.append(ChartPoint(x, round(axis_y - (level + 1) * STEP_Y, 1), css, href(point),
                                 point_label(point), point))
    return TimelineChart(WIDTH, int(axis_y + 36), axis_y, tuple(placed), axis_ticks(xs), tuple(overflows))
