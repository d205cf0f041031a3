"""Bare role predicates join the mention they are said of; a place + plural nickname is one club (real spaCy)."""

from __future__ import annotations

import pytest

from storyline.pipeline import load_nlp
from storyline.stages.entities import resolve_entities


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def entity_with(text, entities, words):
    return next((e for e in entities if any(text[s:e] == words for s, e in e.mentions)), None)


# (case, text, name, role words that must join the name's entity)
JOINED = [
    ("copula", "Nora Vance will be host of the ceremony next year.", "Nora Vance", "host"),
    ("relative clause and compound", "The club fired Jim Brown, who had been named head coach in May.", "Jim Brown", "head coach"),
    ("object predicate with a determiner", "Mark Davis grew up in the town. In 2022, Davis was elected the first "
     "independent mayor of the city.", "Mark Davis", "the first independent mayor"),
    ("a repeated role moves with its predicate", "Mark Davis visited the school on Monday. The candidate answered "
     "questions for an hour. Davis is the only candidate who lives in the town.", "Mark Davis", "The candidate"),
    ("as-phrase on a possessed noun", "Jim Doyle has been relieved of his duties as head coach of the club.", "Jim Doyle", "head coach"),
    ("as-phrase on a completing verb", "Nora Vance said on Friday that she is to return as host of the gala.", "Nora Vance", "host"),
    # an as-phrase with its determiner, on a participle hung on a possessed noun, and the description repeating it
    ("as-phrase on a participle of a possessed noun", "Tom Reyes often talks about his summers spent in the mines "
     "as a teenage miner. The former miner now sells cars.", "Tom Reyes", "a teenage miner"),
    ("a description repeating an as-phrase role", "Tom Reyes often talks about his summers spent in the mines "
     "as a teenage miner. The former miner now sells cars.", "Tom Reyes", "The former miner"),
    # after a verb of appointing the as-phrase is the object's; after any other verb, the subject's
    ("as-phrase on a verb of appointing", "The board hired John Harris in 2019 as the new coach of the club.",
     "John Harris", "the new coach"),
    ("as-phrase on another verb", "Clara Holt interviewed the minister last spring as the host of a radio show.",
     "Clara Holt", "the host"),
]


@pytest.mark.parametrize(("case", "text", "name", "role"), JOINED, ids=[c[0] for c in JOINED])
def test_entities_predicates_join_bare_role_to_subject(nlp, case, text, name, role):
    entities = resolve_entities(nlp(text)).entities
    named, predicated = entity_with(text, entities, name), entity_with(text, entities, role)
    assert named is not None and predicated is not None
    assert named.id == predicated.id



# (case, text, mention texts that must be one organisation)
TEAMS = [
    ("numeric nickname", "The Portland 49ers lost again on Sunday. Fans say the 49ers need a new owner.",
     ["Portland 49ers", "49ers"]),
]


@pytest.mark.parametrize(("case", "text", "together"), TEAMS, ids=[c[0] for c in TEAMS])
def test_entities_team_name_is_one_organisation_with_its_nickname(nlp, case, text, together):
    entities = resolve_entities(nlp(text)).entities
    found = [entity_with(text, entities, words) for words in together]
    assert all(found) and len({e.id for e in found}) == 1 and found[0].type == "ORG"


# (case, text, organisation, whether "it" must join it)
REPORTED_IT = [
    ("action reported", "The Harbour Authority said it would close the port on Monday.", "Harbour Authority", True),
    ("state, not the speaker", "The Harbour Authority said it was a difficult week for everyone.", "Harbour Authority", False),
]


@pytest.mark.parametrize(("case", "text", "name", "joined"), REPORTED_IT, ids=[c[0] for c in REPORTED_IT])
def test_entities_it_reported_by_an_organisation(nlp, case, text, name, joined):
    entities = resolve_entities(nlp(text)).entities
    organisation = entity_with(text, entities, name)
    assert organisation is not None
    assert (entity_with(text, entities, "it") == organisation) is joined


def test_entities_he_never_joins_a_group_through_its_they(nlp):
    text = ("Reporters revealed that several lawmakers were in league with armed groups, allowing them to grow. "
            "What happened next became the defining period of Lopez's career. He held public hearings.")
    entities = resolve_entities(nlp(text)).entities
    group = entity_with(text, entities, "several lawmakers")
    assert group is not None
    assert entity_with(text, entities, "He") != group


def test_entities_predicates_its_bound_by_an_organisation_subject(nlp):
    text = "The Indonesian Navy rescued 200 migrants on Friday and brought them to its base in Aceh."
    entities = resolve_entities(nlp(text)).entities
    twitter = next(e for e in entities if "Navy" in e.name)
    start = text.index("its ")
    assert (start, start + 3) in twitter.mentions


# (case, text, words of the mention "who" stands for, whether "who" joins it)
RELATIVE_WHO = [
    ("name mentioned again", "The club fired Jim Brown, who had lost ten games. Brown said he was sad.", "Jim Brown", True),
    ("nominal mentioned again", "Police arrested the driver who hit her. The driver was drunk, police said.", "the driver", True),
    ("singular description", "A man who lives nearby saw the fire on Monday.", "A man", True),
    ("part of a group", "Officials warned residents who live near the river. The residents left on Monday.", "residents", False),
]


@pytest.mark.parametrize(("case", "text", "antecedent", "joins"), RELATIVE_WHO, ids=[c[0] for c in RELATIVE_WHO])
def test_entities_predicates_relative_who_joins_a_singular_antecedent(nlp, case, text, antecedent, joins):
    entities = resolve_entities(nlp(text)).entities
    who = entity_with(text, entities, "who")
    target = entity_with(text, entities, antecedent)
    assert (who is not None and target is not None and who.id == target.id) is joins


@pytest.mark.parametrize(
    ("case", "text", "words", "joins"),
    [
        ("noun outside the lexicon", "Priya Raman has been the board's first choice for the post.", "the board's first choice", True),
        ("negated copula", "Priya Raman is not the board's first choice for the post.", "the board's first choice", False),
    ],
)
def test_entities_predicates_noun_said_of_a_named_person_joins_them(nlp, case, text, words, joins):
    entities = resolve_entities(nlp(text)).entities
    named, said = entity_with(text, entities, "Priya Raman"), entity_with(text, entities, words)
    assert (named is not None and said is not None and named.id == said.id) is joins
