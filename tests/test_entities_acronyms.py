"""Acronyms and their expansions: one name, found in brackets either way round, typed by that evidence."""

from __future__ import annotations

import pytest

import storyline
from storyline.pipeline import load_nlp
from storyline.stages.entities import resolve_entities
from storyline.stages.entities.acronyms import find_acronym_pairs, join_acronym_names, letters_fit
from storyline.stages.entities.mentions import name_mentions
from storyline.stages.entities.names import acronym_verdict, form_of
from storyline.stages.entities.registry import Registry


@pytest.mark.parametrize(
    ("acronym", "name", "fits"),
    [
        ("gowa", "Geneva Office on West Africa", True),  # function words skipped
        ("un", "United Nations", True),
        ("ars", "Sustainable Rural Agency", True),  # a translated name: letters reordered
        ("emr", "Northern Freedom Army", False),  # translated with other words: only by bracket position
        ("un", "Nations United", False),  # two letters must be exact
        ("abc", "Acme", False),  # one word has no initials to spell
    ],
)
def test_acronyms_letters_fit(acronym, name, fits):
    assert (letters_fit(acronym, form_of(name).words) is not None) is fits


def entity_forms(text: str) -> dict[str, tuple[str, set[str]]]:
    """Canonical name -> (type, the texts of its mentions)."""
    (analysis,) = storyline.analyze_text(text, one_article=True)
    body = analysis.article.text
    return {e.name: (e.type, {body[s:t] for s, t in e.mentions}) for e in analysis.entities}


def test_acronyms_bracketed_acronym_is_a_name_of_the_organisation():
    found = entity_forms("The rebels formed the Northern Freedom Army (EMR) in 1971. Later the EMR signed a truce.")
    type_, forms = found["Northern Freedom Army"]
    assert type_ == "ORG" and "EMR" in forms


def test_acronyms_later_bare_acronym_is_a_mention():
    text = "The rebels formed the Northern Freedom Army (EMR) in 1971. Later the EMR signed a truce."  # EMR untagged by spaCy
    (analysis,) = storyline.analyze_text(text, one_article=True)
    later = text.rindex("EMR")
    (army,) = [e for e in analysis.entities if e.name == "Northern Freedom Army"]
    assert (later, later + 3) in army.mentions


def test_acronyms_expansion_cut_by_the_tagger_is_one_organisation():
    found = entity_forms(
        "Maria Lopez, an advocate at the Geneva Office on West Africa (GOWA), said the talks failed. "
        "GOWA has followed the region for decades."
    )
    type_, forms = found["Geneva Office on West Africa"]
    assert type_ == "ORG" and {"Geneva Office on West Africa", "GOWA"} <= forms
    assert "West Africa" not in found


def test_acronyms_expansion_in_brackets_after_the_acronym():
    found = entity_forms("The PWF (Popular Workers Front) attacked a base. The PWF later denied it.")
    type_, forms = found["Popular Workers Front"]
    assert type_ == "ORG" and "PWF" in forms


def test_acronyms_two_letters_join_their_bracketed_expansion():
    found = entity_forms("Leaders met at the United Nations (UN) on Monday. The UN said aid would flow.")
    type_, forms = found["United Nations"]
    assert type_ == "ORG" and "UN" in forms


def test_acronyms_bracketed_gloss_is_not_described_by_the_role_before_it():
    # The parser hangs the bracketed expansion on "general"; the organisation is no person for that.
    found = entity_forms("The secretary general of CEI (Italian Episcopal Conference), Nunzio Galantino, spoke.")
    type_, forms = found["Italian Episcopal Conference"]
    assert type_ == "ORG" and "CEI" in forms


@pytest.mark.parametrize(
    "text",
    [
        "Oxfam (UK) sent aid to the region on Monday.",  # a place qualifier, not an acronym
        "The vote (see below) was close.",
    ],
)
def test_acronyms_brackets_that_are_no_acronym_pair(text):
    doc = load_nlp()(text)
    assert find_acronym_pairs(doc, name_mentions(doc, [])) == []


def test_acronyms_person_initials_in_brackets_are_not_paired():
    doc = load_nlp()("Maria Lopez (ML) said the talks failed. Lopez left early.")
    joined = join_acronym_names(doc, name_mentions(doc, []))
    assert not any("expansion" in m.features for m in joined)


@pytest.mark.parametrize(
    ("acronym", "name", "rivals", "same"),
    [
        ("UN", "United Nations", [], True),  # two letters, no other name spells them
        ("UK", "United Kingdom", ["Ukrainian Knights"], False),  # two letters, a rival spells them too
        ("GOWA", "Geneva Office on West Africa", ["Grand Old Western Alliance"], True),  # four letters hold
        ("UN", "United Nations", ["United Nations"], True),  # the name itself is no rival
    ],
)
def test_acronyms_verdict_refuses_two_letters_with_a_rival(acronym, name, rivals, same):
    verdict = acronym_verdict(form_of(acronym), form_of(name), [form_of(r) for r in rivals])
    assert verdict is not None and verdict.same is same


def test_acronyms_verdict_needs_the_letters():
    assert acronym_verdict(form_of("UN"), form_of("European Union")) is None


def test_acronyms_bare_acronym_in_a_later_article_is_the_same_entity():
    nlp, registry = load_nlp(), Registry()
    first = resolve_entities(nlp("In 1971 rebels founded the Northern Freedom Army (EMR) in the north."), (), registry, "a1")
    second_text = "Talks with the EMR resumed on Monday in Lisbon."
    second = resolve_entities(nlp(second_text), (), registry, "a2")
    (army,) = [e for e in first.entities if e.name == "Northern Freedom Army"]
    start = second_text.index("EMR")
    assert any(e.id == army.id and (start, start + 3) in e.mentions for e in second.entities)


def test_acronyms_bracketed_acronym_is_not_an_appositive_role():
    text = "The rebels formed the Northern Freedom Army (EMR) in 1971."  # EMR untagged by spaCy
    clusters = resolve_entities(load_nlp()(text)).clusters
    roles = [role.text for cluster in clusters for role in cluster.roles if role.kind == "appositive"]
    assert roles == []
