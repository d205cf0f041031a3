"""Golden files: real texts run end to end through split and the entity stage, compared with expected.json.

Regenerate with STORYLINE_REGEN_GOLDEN=1 and review the diff (see tests/golden/entities/README.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.models import RawItem
from storyline.pipeline import analyze_articles
from storyline.split import split_item
from storyline.stages import entities
from storyline.stages.entities.lexicon import PRONOUNS

GOLDEN = Path(__file__).parent / "golden" / "entities"
STORY = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "story.txt"
REGENERATE = os.environ.get("STORYLINE_REGEN_GOLDEN") == "1"


def summarize(text: str) -> list[list[dict]]:
    articles = split_item(RawItem(source="golden", text=text, format="text"))
    found = []
    for analysis in analyze_articles(articles, stages=[entities.STAGE]):
        body = analysis.article.text
        rows = []
        for entity in analysis.entities:
            if entity.type not in ("PERSON", "ORG"):
                continue
            texts = [body[s:e] for s, e in entity.mentions]
            pronouns = [t for t in texts if t.lower() in PRONOUNS]
            names = sorted({t for t in texts if t not in pronouns and t[:1].isupper()})
            rows.append(
                {
                    "name": entity.name,
                    "type": entity.type,
                    "forms": [t[:50] for t in names],
                    "others": sorted({t[:50] for t in texts if t not in pronouns and t not in names}),
                    "pronouns": len(pronouns),
                }
            )
        found.append(rows)
    return found


def check_golden(name: str, text: str) -> None:
    expected_path = GOLDEN / f"{name}.expected.json"
    actual = summarize(text)
    if REGENERATE:
        expected_path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


@pytest.mark.parametrize("name", ["GUM_news_iodine", "GUM_news_defector"])
def test_entities_golden_wikinews(name: str) -> None:
    check_golden(name, (GOLDEN / f"{name}.txt").read_text(encoding="utf-8"))


@pytest.mark.shared
def test_entities_golden_reference_story() -> None:
    if not STORY.exists():
        pytest.skip(f"the reference story is not at {STORY} (../shared is absent)")
    check_golden("story", STORY.read_text(encoding="utf-8"))
