"""The split scores stay above the floors recorded in src/storyline/evaluate/floors/split.json."""

from __future__ import annotations

import json

import pytest

from storyline.evaluate.split import (
    FLOORS,
    build_pastes,
    check_floors,
    collect_scores,
    flat_scores,
    match_boundaries,
    score_boundaries,
    score_kinds,
)


@pytest.mark.parametrize(
    ("found", "expected", "tolerance", "hits"),
    [
        ([10, 20], [10, 20], 0, 2),
        ([11, 20], [10, 20], 0, 1),
        ([11, 20], [10, 20], 1, 2),
        ([10, 11], [10], 1, 1),
        ([], [10], 1, 0),
    ],
)
def test_eval_split_matches_boundaries_one_to_one(found, expected, tolerance, hits) -> None:
    assert match_boundaries(found, expected, tolerance) == hits


def test_eval_split_scores_precision_and_recall() -> None:
    scores = score_boundaries([10, 30], [10, 20])
    assert scores["exact"]["precision"] == 0.5
    assert scores["exact"]["recall"] == 0.5


def test_eval_split_scores_kinds_per_kind() -> None:
    scores = score_kinds({1: "heading", 2: "body", 3: "body"}, {1: "heading", 2: "body", 3: "caption"})
    assert scores["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["per_kind"]["caption"]["recall"] == 0.0


def test_eval_split_pastes_know_their_starts() -> None:
    articles = [("a", ["Title A", "Body a one.", "Body a two."]), ("b", ["Title B", "Body b."])]
    [(text, starts)] = build_pastes(articles, "headline_only", seed=1)
    lines = text.splitlines()
    assert sorted(lines[start - 1] for start in starts) == ["Title A", "Title B"]


def test_eval_split_floor_check_reports_drop(tmp_path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"x.boundary_f1": 0.9}}))
    assert check_floors({"x.boundary_f1": 0.5}, floors) == ["x.boundary_f1: 0.5000 < floor 0.9000"]
    assert check_floors({"x.boundary_f1": 0.95}, floors) == []


@pytest.mark.shared
def test_eval_split_scores_stay_above_floors() -> None:
    flat = flat_scores(collect_scores())
    if not any(name.startswith("synthetic") for name in flat):
        pytest.skip("../shared/data/gum-wikinews is absent: the synthetic pastes cannot be built")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["floors"]
    assert set(floors) & set(flat), "no floor applies to the measured scores"
    assert check_floors(flat) == []
