"""The timex scores stay above the floors recorded in src/storyline/evaluate/floors/timex.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import settings
from storyline.evaluate.timex import (
    FLOORS,
    STORY,
    Mention,
    Score,
    check_floors,
    evaluate_story,
    evaluate_timebank,
    read_timebank,
    read_tml,
)


def test_eval_timex_reads_timeml_spans_and_decodes_entities(tmp_path: Path) -> None:
    tml = tmp_path / "doc.tml"
    tml.write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT>'
                   '<TEXT>A &amp; B met <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>'
                   '.</TEXT></TimeML>', encoding="utf-8")
    document = read_tml(tml)
    [mention] = document.timexes
    assert (document.dct, document.text[mention.start:mention.end], mention.value) == (
        "1998-01-08", "yesterday", "1998-01-07")


def test_eval_timex_scores_strict_relaxed_and_value() -> None:
    score = Score()
    gold = [Mention(0, 9, "DATE", "1998-01-07"), Mention(20, 30, "DURATION", "P1W")]
    found = [Mention(0, 9, "DATE", "1998-01-07"), Mention(22, 30, "DURATION", "P2W"), Mention(40, 45, "DATE", "X")]
    score.add(gold, found, " " * 50)
    figures = score.figures()
    assert (figures["strict_r"], figures["relaxed_r"], figures["value_accuracy"]) == (0.5, 1.0, 0.5)
    assert figures["value_f1"] == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))


@pytest.mark.slow
@pytest.mark.shared
def test_eval_timex_scores_stay_above_floors() -> None:
    folder = settings.DATA_DIR / "timebank"
    if not folder.is_dir() or not STORY.is_file():
        pytest.skip(f"TimeBank ({folder}) or the reference story ({STORY}) is absent (../shared)")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    result = {
        "timebank": evaluate_timebank(read_timebank(folder, floors["subset_documents"]), with_dateparser=False),
        "story": evaluate_story(),
    }
    assert check_floors(result, floors) == []
