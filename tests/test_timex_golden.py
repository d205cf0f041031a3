"""Golden file: the reference story run through split and the timex stage, compared with a readable expected.json.

Each article's timexes are listed as [text, type, value]. Regenerate with STORYLINE_REGEN_GOLDEN=1 and review
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.models import RawItem
from storyline.pipeline import analyze_articles
from storyline.split import split_item
from storyline.stages.timexes import STAGE

GOLDEN = Path(__file__).parent / "golden" / "timexes"
STORY = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "story.txt"
REGENERATE = os.environ.get("STORYLINE_REGEN_GOLDEN") == "1"


def summarize(text: str) -> list[dict]:
    articles = split_item(RawItem(source="golden", text=text, format="text"))
    return [
        {
            "published": analysis.article.published.value,
            "timexes": [[timex.text, timex.type, timex.value] for timex in analysis.timexes],
        }
        for analysis in analyze_articles(articles, stages=[STAGE])
    ]


@pytest.mark.shared
def test_timex_golden_reference_story() -> None:
    if not STORY.exists():
        pytest.skip(f"the reference story is not at {STORY} (../shared is absent)")
    expected_path = GOLDEN / "story.expected.json"
    actual = summarize(STORY.read_text(encoding="utf-8"))
    if REGENERATE:
        expected_path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))
