"""Entity types by vote: speaking makes a name an actor, and the name's own evidence says which kind."""

from __future__ import annotations

from collections import Counter

import pytest

import storyline
from storyline.stages.entities.entity_types import (
    ACTOR,
    NONPERSON,
    has_version_number,
    read_as_place,
    winner,
    written_unlike_person,
)


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        ({"ORG": 1, ACTOR: 2}, "ORG"),  # "Acme announced": tagged ORG, no person evidence
        ({"PERSON": 1, ACTOR: 2}, "PERSON"),
        ({"GPE": 1, ACTOR: 2}, "PERSON"),  # an unknown single word that speaks is taken for a person
        ({"GPE": 1, NONPERSON: 1, ACTOR: 2}, "GPE"),  # "the UK said": a place speaking is metonymy
        ({"NORP": 1, NONPERSON: 1, ACTOR: 2}, "ORG"),  # "the Democrats said": a group
        ({"PERSON": 21, "ORG": 22, ACTOR: 8}, "PERSON"),  # an even label split is no organisation evidence
        ({"PERSON": 1, "ORG": 3, ACTOR: 2}, "ORG"),
        ({"PERSON": 1, NONPERSON: 1, ACTOR: 2}, "ORG"),  # written in capitals, or after "the"
    ],
)
def test_types_speech_goes_to_the_actor_the_name_looks_like(tally, expected):
    assert winner(Counter(tally)) == expected


def test_types_pseudo_votes_never_win():
    assert winner(Counter({NONPERSON: 5, "GPE": 1})) == "GPE"


def types_of(text: str) -> dict[str, str]:
    (analysis,) = storyline.analyze_text(text, one_article=True)
    body = analysis.article.text
    return {body[s:e]: entity.type for entity in analysis.entities for s, e in entity.mentions}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Microsoft said profits rose in the spring. Microsoft announced a new phone on Monday.", "Microsoft", "ORG"),
        ("The United Nations met on Monday. The UN said aid would flow.", "UN", "ORG"),
        ("Maria Lopez arrived on Monday. Lopez said the talks had failed.", "Lopez", "PERSON"),
        ("The United Kingdom voted on Monday. The UK said it would leave.", "UK", "GPE"),
    ],
)
def test_types_organisations_speak_too(text, name, expected):
    assert types_of(text).get(name) == expected


def test_types_a_place_sharing_a_given_name_stays_a_place():
    found = types_of(
        "Georgia Smith, a lawyer, flew home on Monday. She said the courts in Georgia were slow. "
        "Georgia passed a new law. Lawmakers in Georgia voted for it."
    )
    assert found["Georgia Smith"] == "PERSON" and found["Georgia"] == "GPE"


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        ({"GPE": 13}, True),  # "Virginia": the tagger never calls it a person
        ({"PERSON": 18}, False),
        ({"ORG": 1}, False),  # one ORG tag on a given name is a slip
        ({"PERSON": 2, "GPE": 2}, False),
    ],
)
def test_types_given_name_does_not_count_for_a_place(tally, expected):
    assert read_as_place(Counter(tally)) is expected


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        ({"ORG": 6, NONPERSON: 1}, True),  # "the Polaroid"
        ({"GPE": 57, "PERSON": 325, "ORG": 7}, False),  # a surname the tagger often calls a place
        ({"GPE": 16, "PERSON": 2}, False),  # no form evidence: the surname still decides
    ],
)
def test_types_surname_does_not_make_a_thing_written_unlike_a_person_one(tally, expected):
    assert written_unlike_person(Counter(tally)) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("ie6",), True),
        (("sts-1",), True),
        (("g8",), False),  # one letter: a group of countries
        (("76ers",), False),  # a number first: a team
        (("studio", "54"), False),  # a number word after a name is as often a place
    ],
)
def test_types_version_number_in_a_word(words, expected):
    assert has_version_number(words) is expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Fans flocked to Comic Expo Toronto on Saturday. Comic Expo Toronto sold out within hours.",
         "Comic Expo Toronto", "EVENT"),
        ("Cyclone Marisol hit the island on Friday. Cyclone Marisol has winds of 200 km/h.", "Cyclone Marisol", "EVENT"),
        ("Hurricane Delia struck the coast on Monday. Delia destroyed hundreds of homes.", "Delia", "EVENT"),
        ("Athletes trained hard before the Winter Paralympics. The Paralympics will be shown live on television.",
         "Paralympics", "EVENT"),
        ("The Kestrel spacecraft reached orbit on Monday. Kestrel will return dust samples next year, engineers said.",
         "Kestrel", "PRODUCT"),  # the name written before the noun that says what it is
        ("Engineers repaired the Aurora Borealis, a research vessel, in May. The Aurora Borealis sailed in June.",
         "Aurora Borealis", "PRODUCT"),  # an appositive
        ("Lanterna is the most popular browser in Europe. Lanterna gained users last year.", "Lanterna", "PRODUCT"),
    ],
)
def test_types_events_and_made_things_are_not_actors(text, name, expected):
    assert types_of(text).get(name) == expected


def test_types_role_word_inside_another_name_is_no_description():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from storyline.stages.entities.entity_types import mention_evidence
    from storyline.stages.entities.mentions import Mention

    # "the Science Center in Tacoma, Washington" parsed with 'Washington' in apposition to 'Center'.
    words = ["the", "Science", "Center", "in", "Tacoma", ",", "Washington"]
    doc = Doc(Vocab(), words=words, heads=[2, 2, 2, 2, 3, 4, 2], deps=["det", "compound", "ROOT", "prep", "pobj", "punct", "appos"],
              pos=["DET", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN"],
              lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * 6)
    doc.ents = [Span(doc, 1, 3, "ORG"), Span(doc, 4, 5, "GPE"), Span(doc, 6, 7, "GPE")]
    start = doc[6].idx
    mention = Mention(start, start + 10, "Washington", "name", "GPE", 6, 6, 7, 0, name="Washington")
    assert [vote for vote in mention_evidence(doc, mention) if vote[0] == "PERSON"] == []


def test_types_ship_prefix_makes_a_vessel():
    # spaCy tags the name PERSON
    text = "Navy sailors aboard HMAS Warrego seized the boats. HMAS Warrego then sailed north."
    assert types_of(text).get("HMAS Warrego") == "PRODUCT"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The floods cut off the town of Valdora, where 300 families still wait for aid.", "Valdora"),
        ("Most of the workers rent rooms in a suburb named Villa Clara 3, an hour from the port.", "Villa Clara 3"),
    ],
)
def test_types_name_given_to_a_place_noun_is_a_place(text, name):
    assert types_of(text).get(name) == "GPE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her brother was a member of the V-21 until the peace deal.", "V-21"),
        ("The mayor's nephew joined the T-33 at nineteen and left it two years later.", "T-33"),
    ],
)
def test_types_product_name_shown_to_be_a_group_is_an_organisation(text, name):
    # spaCy tags a group with a number in its name a product; its members, or joining it, show it is a group
    assert types_of(text).get(name) == "ORG"


def test_types_name_ending_in_a_number_is_no_person():
    # spaCy tags the name PERSON and drops its number
    text = "Rescue teams reached Ortega 9 before noon, and the mayor toured Ortega 9 in the afternoon."
    assert types_of(text).get("Ortega 9") not in (None, "PERSON")


def test_types_title_said_of_the_minister_makes_no_person_of_the_portfolio():
    # 'former' is said of the minister, not of the portfolio before the title
    text = "According to former Energy Minister Carla Benitez, the deal collapsed in May."
    assert types_of(text).get("Energy") not in (None, "PERSON")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("INS Kaveri", True),
        ("HMS Ocean Star", True),
        ("Ins Kaveri", False),  # the prefix is written in capitals
        ("INS", False),  # the agency alone
        ("INS Director Ana Ruiz", False),  # a title after the prefix: the agency's officer
    ],
)
def test_types_vessel_prefix(name, expected):
    from storyline.stages.entities.entity_types import is_vessel_name

    assert is_vessel_name(name) is expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # spaCy hangs the portfolio on the title as an appositive ("Officer, Finance")
        ("“The budget is balanced,” Anita Rao, Chief Information Officer, Finance, said.", "Finance"),
        ("The plan was approved, said Karin Holm, Deputy Secretary, Health.", "Health"),
        # spaCy cuts the title's rank off and keeps the portfolio as a name after it
        ("The ship was freed, the Chief Public Relations Officer said.", "Public Relations"),
    ],
)
def test_types_portfolio_beside_a_title_is_no_person(text, name):
    (analysis,) = storyline.analyze_text(text, one_article=True)
    assert {entity.name: entity.type for entity in analysis.entities}.get(name) == "ORG"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("defence",), True),
        (("public", "relations"), True),
        (("foreign", "affairs"), True),
        (("public",), False),  # an opening adjective alone names no portfolio
        (("justice", "vega"), False),  # a word outside the portfolio words: a name
    ],
)
def test_types_portfolio_words(words, expected):
    from storyline.stages.entities.entity_types import is_portfolio

    assert is_portfolio(words) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Public Relations Officer Karin Holm said the plant was safe.",
        "Foreign Affairs Officer Tomas Brandt denied the report.",
    ],
)
def test_types_portfolio_before_a_title_is_no_club(text):
    # a portfolio's plural noun ("Relations", "Affairs") is capitalised and plural like a club's nickname
    from storyline.pipeline import load_nlp
    from storyline.stages.entities.mentions import name_mentions
    from storyline.stages.entities.teams import add_team_names

    doc = load_nlp()(text)
    assert not [m.text for m in add_team_names(doc, [], name_mentions(doc, [])) if m.label == "ORG"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He joined the Forum for Dialogue in Southeast Asia (FDAS) last year.", "Forum for Dialogue in Southeast Asia"),
        ("She chaired the Society for Rivers in Northern Europe (SRNE) for a decade.", "Society for Rivers in Northern Europe"),
    ],
)
def test_types_body_named_with_a_place_and_acronym_is_an_organisation(text, name):
    # spaCy tags only the place inside the name; the expansion of the bracketed acronym is headed by a body noun
    (analysis,) = storyline.analyze_text(text, one_article=True)
    assert {entity.name: entity.type for entity in analysis.entities}.get(name) == "ORG"
