"""`storyline eval entities` on a bounded subset stays at or above the recorded floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline import settings
from storyline.evaluate import entities as evaluation

FLOORS = json.loads((Path(evaluation.__file__).parent / "floors" / "entities.json").read_text(encoding="utf-8"))

ECB_XML = """<Document doc_name="1_1ecb.xml">
<token t_id="1" sentence="0" number="0">Police</token><token t_id="2" sentence="0" number="1">said</token>
<token t_id="3" sentence="1" number="0">The</token><token t_id="4" sentence="1" number="1">driver</token>
<token t_id="5" sentence="1" number="2">hit</token><token t_id="6" sentence="1" number="3">him</token>
<token t_id="7" sentence="2" number="0">He</token><token t_id="8" sentence="2" number="1">fled</token>
<Markables>
<HUMAN_PART_ORG m_id="10"><token_anchor t_id="1"/></HUMAN_PART_ORG>
<HUMAN_PART_PER m_id="11"><token_anchor t_id="3"/><token_anchor t_id="4"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="12"><token_anchor t_id="6"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="13"><token_anchor t_id="7"/></HUMAN_PART_PER>
<LOC_GEO m_id="14"><token_anchor t_id="8"/></LOC_GEO>
<HUMAN_PART_PER m_id="20" RELATED_TO="" TAG_DESCRIPTOR="the driver" instance_id="HUM1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="11"/><source m_id="13"/><target m_id="20"/></CROSS_DOC_COREF>
</Relations>
</Document>
"""


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a cross-document chain takes its instance id; an unlinked mention is its own singleton
        ({0, 1, 2}, [("Police", "1_1ecb.xml:10:alone"), ("The driver", "HUM1"), ("him", "1_1ecb.xml:12:alone"), ("He", "HUM1")]),
        ({1}, [("The driver", "HUM1"), ("him", "1_1ecb.xml:12:alone")]),  # only the listed sentences count
    ],
)
def test_load_ecb_document_keeps_person_and_org_markables_of_listed_sentences(tmp_path, sentences, expected):
    path = tmp_path / "1_1ecb.xml"
    path.write_text(ECB_XML, encoding="utf-8")
    text, mentions = evaluation.load_ecb_document(path, sentences)
    assert sorted((text[start:end], cluster) for start, end, cluster in mentions) == sorted(expected)


@pytest.fixture(scope="module")
def result():
    if not (settings.DATA_DIR / "gum-wikinews").is_dir() or not (settings.DATA_DIR / "ecbplus").is_dir():
        pytest.skip(f"../shared/data (GUM, ECB+) not found at {settings.DATA_DIR}")
    if not evaluation.STORY.is_file():
        pytest.skip(f"reference story not found at {evaluation.STORY}")
    from storyline.pipeline import load_nlp

    nlp = load_nlp()
    data = settings.DATA_DIR
    gum = evaluation.parse_gum(data, FLOORS["limit"], nlp)
    return {
        "gum": evaluation.evaluate_gum(gum),
        "ecb": evaluation.evaluate_ecb(data, FLOORS["limit"], nlp),
        "story": evaluation.evaluate_story(evaluation.STORY, nlp),
        "unrelated": evaluation.evaluate_unrelated(gum.named_docs()),
    }


@pytest.mark.slow
@pytest.mark.shared
def test_gum_coreference_floor(result):
    assert result["gum"]["storyline"]["conll_f1"] >= FLOORS["gum_conll_f1"]


@pytest.mark.slow
@pytest.mark.shared
def test_gum_mention_detection_floor(result):
    assert result["gum"]["storyline"]["md_f1"] >= FLOORS["gum_mention_f1"]


@pytest.mark.slow
@pytest.mark.shared
def test_gum_beats_spacy_baseline(result):
    gum = result["gum"]
    assert gum["storyline"]["conll_f1"] - gum["spacy_baseline"]["conll_f1"] >= FLOORS["gum_margin_over_baseline"]


@pytest.mark.slow
@pytest.mark.shared
def test_ecb_cross_document_floor(result):
    assert result["ecb"]["storyline"]["conll_f1"] >= FLOORS["ecb_conll_f1"]


@pytest.mark.slow
@pytest.mark.shared
def test_ecb_beats_spacy_baseline(result):
    ecb = result["ecb"]
    assert ecb["storyline"]["conll_f1"] - ecb["spacy_baseline"]["conll_f1"] >= FLOORS["ecb_margin_over_baseline"]


@pytest.mark.slow
@pytest.mark.shared
def test_story_people_one_entity_each(result):
    assert result["story"]["one_entity_each"] >= FLOORS["story_people_one_entity_each"]


@pytest.mark.slow
@pytest.mark.shared
def test_story_no_false_merges(result):
    assert len(result["story"]["false_merges"]) <= FLOORS["story_false_merges_max"]


@pytest.mark.slow
@pytest.mark.shared
def test_story_no_credit_is_an_actor(result):
    assert len(result["story"]["credits_as_actors"]) <= FLOORS["story_credits_as_actors_max"]


@pytest.mark.slow
@pytest.mark.shared
def test_story_namesakes_apart(result):
    assert sum(n["apart"] for n in result["story"]["namesakes_apart"]) >= FLOORS["story_namesakes_apart"]


@pytest.mark.parametrize("surname", evaluation.STORY_PROTAGONISTS)
@pytest.mark.slow
@pytest.mark.shared
def test_story_protagonists_typed_person(result, surname):
    typed = result["story"]["protagonists_typed_person"][surname]
    assert typed["mentions"] > 0 and typed["person"] == typed["mentions"]


@pytest.mark.slow
@pytest.mark.shared
def test_stage_time_share_of_parse(result):
    gum = result["gum"]
    assert gum["stage_seconds"] / gum["parse_seconds"] <= FLOORS["stage_share_of_parse_max"]


@pytest.mark.slow
@pytest.mark.shared
def test_unrelated_articles_share_no_unnamed_entity(result):
    assert result["unrelated"]["unnamed_joins"] <= FLOORS["unrelated_unnamed_joins_max"]
