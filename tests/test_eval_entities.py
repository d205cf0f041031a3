"""`storyline eval entities` on a bounded subset stays at or above the recorded floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import settings
from storyline.evaluate import entities as evaluation

FLOORS = json.loads((Path(evaluation.__file__).parent / "floors" / "entities.json").read_text(encoding="utf-8"))

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def result():
    if not (settings.DATA_DIR / "gum-wikinews").is_dir() or not (settings.DATA_DIR / "ecbplus").is_dir():
        pytest.skip(f"../shared/data (GUM, ECB+) not found at {settings.DATA_DIR}")
    if not evaluation.STORY.is_file():
        pytest.skip(f"reference story not found at {evaluation.STORY}")
    from storyline.pipeline import load_nlp

    nlp = load_nlp()
    data = settings.DATA_DIR
    return {
        "gum": evaluation.evaluate_gum(data, FLOORS["limit"], nlp),
        "ecb": evaluation.evaluate_ecb(data, FLOORS["limit"], nlp),
        "story": evaluation.evaluate_story(evaluation.STORY, nlp),
    }


def test_gum_coreference_floor(result):
    assert result["gum"]["storyline"]["conll_f1"] >= FLOORS["gum_conll_f1"]


def test_gum_mention_detection_floor(result):
    assert result["gum"]["storyline"]["md_f1"] >= FLOORS["gum_mention_f1"]


def test_gum_beats_spacy_baseline(result):
    gum = result["gum"]
    assert gum["storyline"]["conll_f1"] - gum["spacy_baseline"]["conll_f1"] >= FLOORS["gum_margin_over_baseline"]


def test_ecb_cross_document_floor(result):
    assert result["ecb"]["storyline"]["conll_f1"] >= FLOORS["ecb_conll_f1"]


def test_ecb_beats_spacy_baseline(result):
    ecb = result["ecb"]
    assert ecb["storyline"]["conll_f1"] - ecb["spacy_baseline"]["conll_f1"] >= FLOORS["ecb_margin_over_baseline"]


def test_story_people_one_entity_each(result):
    assert result["story"]["one_entity_each"] >= FLOORS["story_people_one_entity_each"]


def test_story_no_false_merges(result):
    assert len(result["story"]["false_merges"]) <= FLOORS["story_false_merges_max"]


def test_story_no_credit_is_an_actor(result):
    assert len(result["story"]["credits_as_actors"]) <= FLOORS["story_credits_as_actors_max"]


def test_story_namesakes_apart(result):
    assert sum(n["apart"] for n in result["story"]["namesakes_apart"]) >= FLOORS["story_namesakes_apart"]


@pytest.mark.parametrize("surname", evaluation.STORY_PROTAGONISTS)
def test_story_protagonists_typed_person(result, surname):
    typed = result["story"]["protagonists_typed_person"][surname]
    assert typed["mentions"] > 0 and typed["person"] == typed["mentions"]


def test_stage_time_share_of_parse(result):
    gum = result["gum"]
    assert gum["stage_seconds"] / gum["parse_seconds"] <= FLOORS["stage_share_of_parse_max"]
