"""The entity stage on small invented texts parsed by the real spaCy pipeline: one behaviour per case."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from storyline.ids import article_id
from storyline.models import Analysis, Article, Block, Published
from storyline.pipeline import RunContext, load_nlp
from storyline.stages.entities import STAGE, explain_name, resolve_entities
from storyline.stages.entities.clusters import add_untagged_names
from storyline.stages.entities.product_names import label_of


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def entity_of(text, entities, words):
    """The entity holding a mention whose text is exactly `words` (first occurrence)."""
    for entity in entities:
        if any(text[s:e] == words for s, e in entity.mentions):
            return entity
    return None


# (case, text, mention texts that must be one entity)
TOGETHER = [
    ("surname", "Maria Lopez arrived in Lima on Monday. Lopez said she was tired after the trip.", ["Maria Lopez", "Lopez"]),
    ("pronoun", "Maria Lopez arrived in Lima on Monday. Lopez said she was tired after the trip.", ["Maria Lopez", "she"]),
    ("title", "Senator Alvarez met reporters on Friday. Alvarez said the vote would pass.", ["Senator Alvarez", "Alvarez"]),
    ("acronym in brackets", "The National Farmers Union (NFU) criticised the plan. The NFU said prices would rise.",
     ["National Farmers Union", "NFU"]),
    ("title pronoun", "Prime Minister Helen Ward visited the factory. She told workers that the plant would stay open.",
     ["Prime Minister Helen Ward", "She"]),
    ("quote speaker", 'Mark Olsen founded the firm in 1999. "I never wanted to be rich," Olsen said.', ["Mark Olsen", "I"]),
    ("group and they", "Researchers at the university studied the ants. The researchers said they were surprised.",
     ["Researchers", "The researchers", "they"]),
    ("appositive", "Elena Costa, a lawyer for the families, asked for a new trial.", ["Elena Costa", "a lawyer"]),
    ("given name after full name", "Daniel Montes left the group in May. Friends said Daniel was afraid.",
     ["Daniel Montes", "Daniel"]),
    ("appositive with an unlisted noun", "Thomas Reed, a practising homeopath, refused the treatment.",
     ["Thomas Reed", "a practising homeopath"]),
    ("appositive of an organisation", "The Northern Baptist Church, a Christian denomination, opened a school.",
     ["Northern Baptist Church", "a Christian denomination"]),
    ("kin noun as a role", "A grandmother crossing the street was hit by a van. The grandmother died in hospital.",
     ["A grandmother", "The grandmother"]),
    ("bystanders repeated", "Several bystanders pleaded with the driver to stop. The bystanders called the police.",
     ["Several bystanders", "The bystanders"]),
]


@pytest.mark.parametrize(("case", "text", "together"), TOGETHER, ids=[c[0] for c in TOGETHER])
def test_entities_puts_coreferent_mentions_together(nlp, case, text, together):
    entities = resolve_entities(nlp(text)).entities
    found = {words: entity_of(text, entities, words) for words in together}
    assert all(found.values()), found
    assert len({e.id for e in found.values()}) == 1, found


# (case, text, two mention texts that must be different entities, words expected in the recorded reason)
APART = [
    ("father and son", "Carlos Ruiz spoke to the crowd on Monday. His father, Carlos Ruiz Vega, was a teacher.",
     ("Carlos Ruiz", "Carlos Ruiz Vega"), "relative"),
    ("shared surname", "Ana Serrano said the plan would fail. The novelist Pedro Ruiz Serrano said nothing.",
     ("Ana Serrano", "Pedro Ruiz Serrano"), None),
    ("shared given name", "Jorge Castillo was arrested in May. In prison, he missed the birth of his first son, Mateo. "
     "Mateo Castillo Diaz, a banker, is unrelated.", ("Mateo", "Mateo Castillo Diaz"), "given name"),
]


@pytest.mark.parametrize(("case", "text", "pair", "reason"), APART, ids=[c[0] for c in APART])
def test_entities_keeps_namesakes_apart(nlp, case, text, pair, reason):
    resolution = resolve_entities(nlp(text))
    first, second = (entity_of(text, resolution.entities, words) for words in pair)
    assert first is not None and second is not None
    assert first.id != second.id
    if reason:
        assert any(d.kind == "split" and reason in d.reason for d in resolution.decisions)


def test_entities_types_surname_as_person_by_title_and_speech(nlp):
    text = "Governor Okafor opened the bridge. Okafor said the bridge would cut travel times. Okafor smiled."
    entities = resolve_entities(nlp(text)).entities
    okafor = [e for e in entities if "okafor" in e.name.lower()]
    assert [e.type for e in okafor] == ["PERSON"]


def test_entities_never_makes_a_photo_credit_an_actor(nlp):
    text = "Protesters march in Quito on Tuesday [Daniel Reyes/AP Photo]"
    entities = resolve_entities(nlp(text)).entities
    assert not any("Reyes" in text[s:e] for entity in entities for s, e in entity.mentions)


def test_entities_skips_heading_blocks(nlp):
    text = "Martin Hale resigns\nThe minister left office on Friday after a long dispute."
    blocks = (Block(0, 19, "heading"), Block(20, len(text), "body"))
    entities = resolve_entities(nlp(text), blocks).entities
    assert not any(s < 19 for entity in entities for s, _ in entity.mentions)


def test_entities_mentions_round_trip_offsets(nlp):
    text = "Maria Lopez arrived in Lima on Monday. Lopez said she was tired. The Lima Times reported it."
    for entity in resolve_entities(nlp(text)).entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(text)
            assert text[start:end].strip() == text[start:end]


def make_article(text):
    return Article(
        id=article_id(text), source="test", source_span=None, title=None, published=Published(),
        text=text, blocks=(Block(0, len(text), "body"),),
    )


def run_stage(nlp, texts, run):
    results = []
    for text in texts:
        article = make_article(text)
        results.append((text, STAGE(article, nlp(text), Analysis(article=article), run)))
    return results


ARTICLES = [
    "Maria Lopez, the mayor of Lima, opened a new bridge on Monday. Lopez said it would ease traffic.",
    "The bridge cost more than planned, critics said. Lopez rejected the claim on Tuesday.",
]


def test_stage_shares_entity_id_across_articles(nlp):
    (first_text, first), (second_text, second) = run_stage(nlp, ARTICLES, RunContext())
    assert entity_of(first_text, first, "Maria Lopez").id == entity_of(second_text, second, "Lopez").id


def test_stage_ids_are_deterministic_across_runs(nlp):
    once = run_stage(nlp, ARTICLES, RunContext())
    again = run_stage(nlp, ARTICLES, RunContext())
    assert [[e.id for e in entities] for _, entities in once] == [[e.id for e in entities] for _, entities in again]


def test_explain_reports_merges_with_reasons(nlp):
    run = RunContext()
    run_stage(nlp, ARTICLES, run)
    explained = explain_name(run, "Lopez")
    assert [e["name"] for e in explained["entities"] if e["type"] == "PERSON"] == ["Maria Lopez"]
    assert any(d["kind"] == "merge" and "Maria Lopez" in d["names"] and d["reason"] for d in explained["decisions"])


def test_user_merge_is_respected_across_articles(nlp):
    from storyline.stages.entities.registry import Registry

    run = RunContext(memory={"entities": Registry.with_corrections(merges=[("Bob Carver", "Robert Carver")])})
    texts = ["Robert Carver opened the shop in 1990.", "Bob Carver said the shop would close next year."]
    (first_text, first), (second_text, second) = run_stage(nlp, texts, run)
    assert entity_of(first_text, first, "Robert Carver").id == entity_of(second_text, second, "Bob Carver").id


def test_user_split_is_respected_in_an_article(nlp):
    from storyline.stages.entities.registry import Registry

    run = RunContext(memory={"entities": Registry.with_corrections(splits=[("Maria Lopez", "Lopez")])})
    (text, found), = run_stage(nlp, ["Maria Lopez arrived in Lima on Monday. Lopez said she was tired."], run)
    assert entity_of(text, found, "Maria Lopez").id != entity_of(text, found, "Lopez").id


def test_roles_of_keeps_appositive_with_its_span(nlp):
    from storyline.stages.entities import roles_of

    run = RunContext()
    (text, found), = run_stage(nlp, ["Elena Costa, a lawyer for the families, asked for a new trial."], run)
    roles = roles_of(run, entity_of(text, found, "Elena Costa").id)
    appositive = [r for r in roles if r["kind"] == "appositive"]
    assert appositive and all(text[r["start"]:r["end"]] == r["text"] for r in appositive)
    assert appositive[0]["text"].startswith("a lawyer")


def test_entities_a_known_name_inside_a_credit_leaves_no_empty_cluster(nlp):
    text = "Photo by Sarvis\n\nThe rain fell on the town."
    clusters: list = []
    added = add_untagged_names(nlp(text), clusters, [(0, 15)], [], known={"sarvis": "PERSON"})
    assert added == [] and clusters == []


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Her guide was Orla Pine, director of the river museum, that summer.", "Orla Pine", "PERSON"),
        ("Orla Pine, who runs the museum, met the mayor.", "Orla Pine", "PERSON"),
        ("“The river is rising,” Orla Pine warned on Monday.", "Orla Pine", "PERSON"),
        ("The company sold the Pine Tablet, its new computer, in May.", "Pine Tablet", "PRODUCT"),
    ],
)
def test_entities_a_name_tagged_product_is_a_person_when_its_sentence_says_so(nlp, text, name, label):
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    doc.ents = [Span(doc, span.start, span.end, label="PRODUCT")]
    assert label_of(doc.ents[0]) == label
