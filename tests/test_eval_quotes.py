"""The quote stage's PolNeAR floors: a bounded subset of PolNeAR dev must not score below the recorded floors."""

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
    scores = result["scores"]
    for row, minimums in floors["floors"].items():
        for metric, minimum in minimums.items():
            assert scores[row][metric] >= minimum, f"{row} {metric} {scores[row][metric]} < floor {minimum}"
    # storyline must stay ahead of the textacy baseline it is compared with
    assert scores["storyline_direct"]["overlap_f1"] > scores["textacy_direct"]["overlap_f1"]
