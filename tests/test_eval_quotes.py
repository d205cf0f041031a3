"""The quote stage's PolNeAR floors: a bounded subset of PolNeAR dev must not score below the recorded floors
(attribution metrics and span metrics as Citron defines them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import settings
from storyline.evaluate.quotes import evaluate_polnear

FLOORS = Path(__file__).resolve().parents[1] / "src" / "storyline" / "evaluate" / "floors" / "quotes.json"


@pytest.mark.slow
@pytest.mark.shared
def test_eval_quotes_polnear_floors() -> None:
    folder = settings.DATA_DIR / "polnear"
    if not (folder / "dev").is_dir():
        pytest.skip(f"PolNeAR dev is not at {folder} (../shared/data is absent)")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = evaluate_polnear(folder, floors["limit"])
    below = [
        f"{table} {row} {metric} {result[table][row][metric]} < floor {minimum}"
        for table, floor_key in (("scores", "floors"), ("span_scores", "span_floors"))
        for row, minimums in floors[floor_key].items()
        for metric, minimum in minimums.items()
        if result[table][row][metric] < minimum
    ]
    assert not below, "\n".join(below)
    # storyline must stay ahead of the textacy baseline it is compared with, by either family of metrics
    assert (
        result["scores"]["storyline_direct"]["overlap_f1"] > result["scores"]["textacy_direct"]["overlap_f1"]
    )
    spans = result["span_scores"]
    assert spans["storyline_direct"]["content_overlap_f1"] > spans["textacy_direct"]["content_overlap_f1"]
    assert spans["storyline_direct"]["quote_exact_f1"] > spans["textacy_direct"]["quote_exact_f1"]
