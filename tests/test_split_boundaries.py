"""Article boundaries in pasted text: which gaps are cut, which are not, and why."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.models import RawItem
from storyline.split import explain_gap, split_item
from storyline.split.blocks import classify_lines

STORY = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "story.txt"

FLOODS = [
    "Floods force thousands from homes in river valley",
    "Heavy rain over the weekend pushed the river over its banks on Sunday, forcing thousands of residents "
    "to leave their homes, emergency officials said.",
    "Rescue teams used boats to reach villages cut off by the water, and shelters opened in schools.",
    "The regional governor, Maria Lopez, said the damage to roads and bridges would take months to repair.",
    "Forecasters expect more rain this week, and the river is not expected to fall before Thursday.",
]
CHESS = [
    "Teenager wins national chess championship in upset",
    "A 15-year-old student from a small town won the national chess championship on Saturday, beating "
    "the defending champion in a tense final game that lasted more than five hours.",
    "Tomas Berg, who learned the game from his grandfather, said he had not expected to reach the final.",
    "Organisers said a record number of juniors entered the tournament this year.",
]


def _starts(text: str) -> list[int]:
    return [text.count("\n", 0, article.source_span[0]) + 1 for article in split_item(RawItem("t", text, "text"))]


def test_split_cuts_at_headline_over_new_lead() -> None:
    assert _starts("\n".join(FLOODS + CHESS) + "\n") == [1, len(FLOODS) + 1]


def test_split_cuts_at_dateline_and_takes_its_standfirst() -> None:
    second = [
        "The central bank is set to raise interest rates for the third time this year.",
        "FRANKFURT, Germany — The central bank is expected to raise its main rate on Thursday, economists said.",
        "Inflation has stayed above the bank's target for two years, driven by energy and food prices.",
        "Several members of the governing council have argued for a pause, citing weak growth.",
    ]
    assert _starts("\n".join(FLOODS[1:] + second)) == [1, len(FLOODS)]


def test_split_keeps_sectioned_article_whole() -> None:
    text = "\n".join(
        [
            FLOODS[1],
            FLOODS[2],
            "Here are three takeaways from the week.",
            "A slow response",
            "Residents said the first rescue boats arrived hours after the water reached their streets.",
            "Officials said the rain had fallen faster than any model had forecast for the valley.",
            "Money for repairs",
            "The governor asked the national government for emergency funds to rebuild roads.",
            "She said the region could not pay for the repairs to the bridges on its own.",
            "What comes next",
            "Forecasters expect more rain this week, and shelters will stay open until the river falls.",
        ]
    )
    assert _starts(text) == [1]


def test_split_one_article_keeps_whole_text() -> None:
    text = "\n".join(FLOODS + CHESS)
    articles = split_item(RawItem("t", text, "text"), one_article=True)
    assert len(articles) == 1
    assert articles[0].text == text


def test_split_unsplittable_item_is_one_article_with_its_metadata() -> None:
    text = "\n".join(FLOODS[1:] + CHESS)
    item = RawItem("page.html", text, "html", splittable=False, source_offset=None, title="Floods", published="2024-03-02")
    [article] = split_item(item)
    assert (article.title, article.published.value, article.published.how) == ("Floods", "2024-03-02", "metadata")
    assert article.source_span is None


def test_split_title_is_heading_at_article_start() -> None:
    articles = split_item(RawItem("t", "\n".join(FLOODS + CHESS), "text"))
    assert [article.title for article in articles] == [FLOODS[0], CHESS[0]]


def test_split_explains_gap_with_named_features() -> None:
    text = "\n".join(FLOODS + CHESS)
    explained = explain_gap(classify_lines(text), len(FLOODS))
    assert explained["start"] == len(FLOODS)
    assert "headline" in explained["features"]
    assert explained["score"] >= explained["threshold"]


@pytest.mark.shared
@pytest.mark.skipif(not STORY.exists(), reason="the reference story ../shared/seed/story.txt is absent")
def test_split_reference_story_starts_include_dateline_and_profile() -> None:
    starts = _starts(STORY.read_text(encoding="utf-8"))
    assert {1, 65, 104} <= set(starts)
    assert len(starts) <= 5


def test_split_dateline_leaves_previous_article_last_sentence() -> None:
    second = [
        "FRANKFURT, Germany — The central bank is expected to raise its main rate on Thursday, economists said.",
        "Inflation has stayed above the bank's target for two years, driven by energy and food prices.",
        "Several members of the governing council have argued for a pause, citing weak growth.",
    ]
    first = FLOODS[1:] + ["Forecasters expect the river to fall by the weekend."]
    assert _starts("\n".join(first + second)) == [1, len(first) + 1]


def test_split_takes_a_standfirst_above_a_dateline_as_the_title() -> None:
    text = (
        "Flood defences will be raised along the coast before the winter storms arrive.\n"
        "LISBON, Portugal — Portugal's parliament voted on Friday to raise the sea walls by two metres.\n"
        "The measure passed with the support of the governing coalition and two smaller parties.\n"
    )
    (article,) = split_item(RawItem("paste.txt", text, "text"), one_article=True)
    assert [b.kind for b in article.blocks][:2] == ["body", "dateline"]
    assert article.title == "Flood defences will be raised along the coast before the winter storms arrive."


def test_split_keeps_no_title_for_a_lead_without_a_dateline() -> None:
    text = "The parliament voted on Friday to raise the sea walls.\nThe measure passed easily.\n"
    (article,) = split_item(RawItem("paste.txt", text, "text"), one_article=True)
    assert article.title is None
