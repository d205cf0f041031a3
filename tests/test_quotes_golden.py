"""Golden files: real texts run end to end through split, entities and quotes, compared with expected.json.

Regenerate with STORYLINE_REGEN_GOLDEN=1 and review the diff (see tests/golden/quotes/README.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.models import RawItem
from storyline.pipeline import analyze_articles
from storyline.split import split_item
from storyline.stages import entities, quotes

GOLDEN = Path(__file__).parent / "golden" / "quotes"
STORY = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "story.txt"
REGENERATE = os.environ.get("STORYLINE_REGEN_GOLDEN") == "1"


def summarize(text: str, width: int) -> list[list[dict[str, str | None]]]:
    articles = split_item(RawItem(source="golden", text=text, format="text"))
    found = []
    for analysis in analyze_articles(articles, stages=[entities.STAGE, quotes.STAGE]):
        found.append(
            [
                {
                    "kind": quote.kind,
                    "text": quote.text[:width],
                    "cue": quote.cue.text if quote.cue else None,
                    "speaker": quote.speaker.name,
                }
                for quote in analysis.quotes
            ]
        )
    return found


def check_golden(name: str, text: str, width: int) -> None:
    expected_path = GOLDEN / f"{name}.expected.json"
    actual = summarize(text, width)
    if REGENERATE:
        expected_path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


@pytest.mark.parametrize("name", ["GUM_news_warhol", "GUM_news_questionnaire"])
def test_quotes_golden_wikinews(name: str) -> None:
    check_golden(name, (GOLDEN / f"{name}.txt").read_text(encoding="utf-8"), 100)


@pytest.mark.shared
def test_quotes_golden_reference_story() -> None:
    if not STORY.exists():
        pytest.skip(f"the reference story is not at {STORY} (../shared is absent)")
    check_golden("story", STORY.read_text(encoding="utf-8"), 60)
