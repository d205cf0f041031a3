"""The timeline chart's layout: time order on x, empty stretches shortened, days stacked, every point linked."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.stages.timexes import TimelinePoint
from storyline.timeline_chart import MARGIN, MAX_STACK, WIDTH, layout_timeline, place_days


def point(day: str, granularity: str = "day", start: int = 0) -> TimelinePoint:
    return TimelinePoint(day, day, granularity, "DATE", "a1", start, start + 4, "then", (0, 20), "It happened then.")


def test_place_days_keeps_time_order_and_fills_the_width() -> None:
    xs = place_days(["2026-03-03", "1810-01-01", "2026-03-01", "1990-01-01"])
    ordered = [xs[day] for day in sorted(xs)]
    assert ordered == sorted(ordered)
    assert ordered[0] == pytest.approx(MARGIN) and ordered[-1] == pytest.approx(WIDTH - MARGIN)


def test_place_days_shortens_long_empty_stretches() -> None:
    xs = place_days(["1810-01-01", "2026-03-01", "2026-03-03"])
    century = xs["2026-03-01"] - xs["1810-01-01"]
    two_days = xs["2026-03-03"] - xs["2026-03-01"]
    assert two_days > century / 10, "recent days must stay apart when a story reaches back centuries"


@pytest.mark.parametrize(("days", "expected"), [([], {}), (["2026-03-01"], {"2026-03-01": WIDTH / 2})])
def test_place_days_of_none_or_one_day(days: list[str], expected: dict) -> None:
    assert place_days(days) == expected


def test_layout_stacks_points_of_one_day_and_links_each() -> None:
    points = [point("2026-03-01", start=i * 10) for i in range(3)] + [point("2025-01-01", "year")]
    chart = layout_timeline(points, lambda p: f"#t{p.start}")
    same_day = [c for c in chart.points if c.point.day == "2026-03-01"]
    assert len({c.x for c in same_day}) == 1 and len({c.y for c in same_day}) == 3
    assert all(c.y < chart.axis_y for c in chart.points)
    assert [c.href for c in chart.points] == ["#t0", "#t10", "#t20", "#t0"]
    assert {c.css for c in chart.points} == {"tl-point gran-day", "tl-point gran-year"}


def test_layout_caps_a_tall_stack_and_says_how_many_are_left_out() -> None:
    points = [point("2026-03-01", start=i) for i in range(MAX_STACK + 5)]
    chart = layout_timeline(points, lambda p: "#")
    assert chart.size == MAX_STACK
    assert [o.label for o in chart.overflows] == ["+5"]
    assert chart.height > chart.axis_y and min(c.y for c in chart.points) > 0


@given(st.lists(st.dates().map(lambda d: d.isoformat()), max_size=40))
@settings(max_examples=60, deadline=None)
def test_layout_places_every_point_inside_the_picture(days: list[str]) -> None:
    chart = layout_timeline([point(day, start=i) for i, day in enumerate(sorted(days))], lambda p: "#")
    assert all(0 <= c.x <= chart.width and 0 < c.y < chart.height for c in chart.points)
    assert all(0 <= t.x <= chart.width for t in chart.ticks)
    xs = [t.x for t in chart.ticks]
    assert xs == sorted(xs)
