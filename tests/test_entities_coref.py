"""Within-document coreference sieves on small invented texts parsed by the real spaCy pipeline."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from storyline.pipeline import load_nlp
from storyline.stages.entities import resolve_entities
from storyline.stages.entities.lexicon import noun_gender
from storyline.stages.entities.mentions import Mention, nominal_mentions
from storyline.stages.entities.roles import appositive_of


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def entity_of(text, entities, words):
    """The entity holding a mention whose text is exactly `words` (first occurrence)."""
    for entity in entities:
        if any(text[s:e] == words for s, e in entity.mentions):
            return entity
    return None


def mention_texts(text, entities):
    return {text[s:e] for entity in entities for s, e in entity.mentions}


# (case, text, words that must not be a mention of anyone)
NOT_MENTIONS = [
    ("bracketed note", "The site had 14 million visitors (source: Google Analytics) in May.", "source"),
    ("bare appositive noun", "Jack Nicklaus (golf) posed for the camera.", "golf"),
]


@pytest.mark.parametrize(("case", "text", "words"), NOT_MENTIONS, ids=[c[0] for c in NOT_MENTIONS])
def test_coref_leaves_labels_unlinked(nlp, case, text, words):
    entities = resolve_entities(nlp(text)).entities
    assert words not in mention_texts(text, entities)


def entity_named(entities, name):
    return next((e for e in entities if e.name == name), None)


# (case, text, country, type it must have)
COUNTRY_TYPES = [
    ("a state that acts", "North Korea fired artillery at the border on Thursday. North Korea moved troops to the coast. "
     "North Korea also launched a missile. Residents in the area were evacuated.", "North Korea", "ORG"),
    ("teams in a match", "Belgium faced Panama in Sochi. Belgium scored three goals. Belgium won the match. "
     "Panama had few chances.", "Panama", "ORG"),
    ("a place things happen in", "Talks were held in Malaysia on Monday. Many migrants travel to Malaysia by boat. "
     "Malaysia maintained its policy.", "Malaysia", "GPE"),
]


@pytest.mark.parametrize(("case", "text", "country", "type_"), COUNTRY_TYPES, ids=[c[0] for c in COUNTRY_TYPES])
def test_coref_types_acting_countries_as_organisations(nlp, case, text, country, type_):
    entity = entity_named(resolve_entities(nlp(text)).entities, country)
    assert entity is not None
    assert entity.type == type_


def test_coref_finds_a_person_named_inside_an_organisation_name(nlp):
    text = "Andy Warhol painted soup cans. The Andy Warhol Foundation gave photographs to the museum."
    entities = resolve_entities(nlp(text)).entities
    person = entity_named(entities, "Andy Warhol")
    nested = text.index("Andy Warhol Foundation")
    assert person is not None and person.type == "PERSON"
    assert (nested, nested + len("Andy Warhol")) in person.mentions


def test_coref_interviewee_is_not_a_surname_in_the_headline(nlp):
    text = (
        "Wikinews interviews Mark Reyes about Lopez, the cocktail\n"
        "Senator Daniel Lopez campaigned in Ohio on Monday. Daniel Lopez spoke about taxes. Lopez won the vote.\n"
        "The bar is owned by Mark Reyes. Reyes created a drink named after the senator.\n"
        "How did you come up with the drink?\n"
        "I read about the campaign and I wanted to make people laugh.\n"
        "Do you serve it every day?\n"
        "Yes, I serve it every night.\n"
    )
    entities = resolve_entities(nlp(text)).entities
    you = text.index("you come")
    owner = entity_named(entities, "Mark Reyes")
    assert owner is not None
    assert (you, you + 3) in owner.mentions


def test_coref_long_answer_ending_in_a_question_is_not_a_question(nlp):
    from storyline.stages.entities.coref import question_lines

    answer = "I think the plan failed for many reasons, and the first was money. " * 9 + "So why should anyone trust it?"
    text = (
        "What do you think of the plan?\nNot much.\nWhy did it fail?\n"
        f"{answer}\nIt was later changed.\nWill you vote for it?\nNo, I will not.\n"
    )
    doc = nlp(text)
    starts = [text[s:e][:12] for s, e in question_lines(doc)]
    assert starts == ["What do you ", "Will you vot"]


def test_coref_joins_the_nationals_of_an_acting_country(nlp):
    text = ("Belgium faced Panama in Sochi. Belgium scored three goals. Belgium won the match. "
            "The Belgians celebrated with their fans.")
    belgium = entity_named(resolve_entities(nlp(text)).entities, "Belgium")
    start = text.index("Belgians")
    assert belgium is not None
    assert (start, start + len("Belgians")) in belgium.mentions


def test_coref_you_in_questions_to_a_group_is_the_group(nlp):
    text = (
        "Wikinews interviews the owners of a Brooklyn bakery\n"
        "Anna Berg and Tom Lind opened the bakery in 2010.\n"
        "How did you choose the name?\n"
        "We liked the sound of it, and our friends liked it too.\n"
        "Do you bake every day?\n"
        "Yes, we bake every morning before we open.\n"
    )
    entities = resolve_entities(nlp(text)).entities
    group = entity_of(text, entities, "We")
    you = text.index("you choose")
    assert group is not None
    assert (you, you + 3) in group.mentions


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("one question is no interview", "What happened next?\nThe police came.\n", []),
        ("a long answer beside one short question",
         "What do you think of the plan?\nNot much.\nWhy?\n" + "It failed for many reasons, first money. " * 14
         + "Who would trust it?\nNobody did.\n", ["What do you "]),
    ],
    ids=["one", "long answer"],
)
def test_coref_question_lines(nlp, case, text, expected):
    from storyline.stages.entities.coref import question_lines

    assert [text[s:e][:12] for s, e in question_lines(nlp(text))] == expected


@pytest.mark.parametrize(
    ("case", "text", "joins"),
    [
        ("a later sentence's they is people", "The Indonesian Navy searched the coast on Friday. "
         "They found a small boat.", False),
        ("its own sentence's they may be it", "The Indonesian Navy said they rescued 200 migrants on Friday.", True),
    ],
    ids=["later sentence", "same sentence"],
)
def test_coref_they_joins_a_named_organisation_only_in_its_sentence(nlp, case, text, joins):
    entities = resolve_entities(nlp(text)).entities
    navy = next(e for e in entities if "Navy" in e.name)
    start = text.lower().index("they")
    assert ((start, start + 4) in navy.mentions) is joins


@pytest.mark.parametrize(
    ("case", "text", "joins"),
    [
        ("same possessive and noun", "The parents lost their child, Gloria, in May. The court heard that the parents "
         "had ignored their child for months.", True),
        ("an in-law is someone else", "He met his father, Luis Vega, in May. Later he met his father-in-law in Lima.",
         False),
    ],
    ids=["repeat", "in-law"],
)
def test_coref_possessed_kin_noun_repeats_the_named_relative(nlp, case, text, joins):
    entities = resolve_entities(nlp(text)).entities
    second = text.rindex(" their child") + 1 if "their child" in text else text.rindex("his father")
    words = "their child" if "their child" in text else "his father"
    named = next(e for e in entities if e.name in ("Gloria", "Luis Vega"))
    assert ((second, second + len(words)) in named.mentions) is joins


@pytest.mark.parametrize(
    ("case", "text", "speaker"),
    [
        ("remarked", 'Mark Davis remarked to reporters, "I never liked the plan."', "Mark Davis"),
        ("said before the quotation", 'Mark Davis, an editor at the paper, said so on Monday. "Had it come '
         'earlier, I think the toll would be higher."', "Mark Davis"),
        ("quotation over two paragraphs", 'After the match, Mark Davis said, "We played well.\n"I think we '
         'will win the next one."', "Mark Davis"),
    ],
    ids=["remarked", "previous sentence", "paragraphs"],
)
def test_coref_first_person_in_a_quotation_is_its_speaker(nlp, case, text, speaker):
    entities = resolve_entities(nlp(text)).entities
    start = text.index("I ")
    assert (start, start + 1) in entity_named(entities, speaker).mentions


@pytest.mark.parametrize(
    ("case", "text", "joins"),
    [
        ("subject", "Acme Motors hired 300 workers on Monday. The company plans to open a second plant.", True),
        ("credited outlet", "Workers at the plant spoke to Reuters on Monday. The company plans to open a second plant.",
         False),
        ("organisation after of", "Jim Brown was fired as head coach of Acme Motors on Monday. The company plans to "
         "name a successor.", True),
    ],
    ids=["subject", "outlet", "of-phrase"],
)
def test_coref_bare_organisation_nominal_takes_a_recent_subject(nlp, case, text, joins):
    entities = resolve_entities(nlp(text)).entities
    named = next(e for e in entities if e.name in ("Acme Motors", "Reuters"))
    start = text.index("The company")
    assert ((start, start + len("The company")) in named.mentions) is joins


def test_coref_repeated_noun_with_another_proper_modifier_is_another_group(nlp):
    text = ("The Kenyan team arrived in the city on Monday. The team trained for two hours. "
            "The Peruvian team arrived on Tuesday.")
    entities = resolve_entities(nlp(text)).entities
    kenyan, peruvian = entity_of(text, entities, "The Kenyan team"), entity_of(text, entities, "The Peruvian team")
    assert kenyan is not None and peruvian is not None and kenyan.id != peruvian.id


# (case, text, club name spaCy leaves untagged or takes for no organisation, a later bare use of its nickname or None)
UNTAGGED_CLUBS = [
    ("number nickname repeated", "Dan Moore coached the Riverton 32ers for two years. The 32ers won once.", "Riverton 32ers", "32ers"),
    ("untagged city", "The Boston 76ers signed a guard on Friday.", "Boston 76ers", None),
    ("nickname alone as subject", "After a poor start, the Wombats fired their coach on Monday.", "Wombats", None),
]


@pytest.mark.parametrize(("case", "text", "club", "bare"), UNTAGGED_CLUBS, ids=[c[0] for c in UNTAGGED_CLUBS])
def test_coref_capitalised_plural_nickname_names_a_club(nlp, case, text, club, bare):
    entities = resolve_entities(nlp(text)).entities
    found = entity_of(text, entities, club)
    assert found is not None and found.type == "ORG"
    if bare is not None:
        start = text.rindex(bare)
        assert (start, start + len(bare)) in found.mentions


def appositive_doc(nlp, separator):
    """'Woman killed by a drunk driver<separator>Jo Smith , 59' with the parser's arc from the name to the
    noun before it as an appositive (what it builds from a headline and the line after)."""
    words = ["Woman", "killed", "by", "a", "drunk", "driver", separator, "Jo", "Smith", ",", "59"]
    heads = [1, 1, 1, 5, 5, 2, 5, 8, 5, 8, 8]
    deps = ["nsubj", "ROOT", "prep", "det", "amod", "pobj", "punct", "compound", "appos", "punct", "appos"]
    pos = ["NOUN", "VERB", "ADP", "DET", "ADJ", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "NUM"]
    spaces = [True, True, True, True, True, separator != "\n", False, True, True, True, False]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(("case", "separator", "found"), [("same line", ",", True), ("next line", "\n", False)])
def test_roles_appositive_does_not_cross_a_line_break(nlp, case, separator, found):
    doc = appositive_doc(nlp, separator)
    name = Mention(start=doc[7].idx, end=doc[8].idx + 5, text="Jo Smith", kind="name", label="PERSON",
                   head=8, first=7, last=9, sentence=0)
    assert (appositive_of(doc, name) is not None) is found


def test_coref_informal_police_noun_is_a_group_of_people(nlp):
    text = "The driver sped off, according to cops. The cops said they found him later."
    entities = resolve_entities(nlp(text)).entities
    cops = entity_of(text, entities, "The cops")
    assert cops is not None and cops.type == "PERSON"


def nominal_texts(nlp, text):
    return [m.text for m in nominal_mentions(nlp(text), [], [])]


def test_mentions_nominal_does_not_cross_a_line_break():
    # spaCy's own pipeline, without storyline's line starts (a Doc a user parsed themselves): its noun chunk
    # runs from the dateline across the break into the first sentence.
    import spacy

    from storyline import settings

    texts = nominal_texts(spacy.load(settings.MODEL), "Posted 08:15 02/03/2021\nA 41-year-old Swiss hiker is missing after a storm.")
    assert any(t.endswith("hiker") for t in texts), texts
    assert not any("\n" in t for t in texts), texts


@pytest.mark.parametrize(
    ("case", "text", "words", "found"),
    [
        ("headline under a web address", "http://example.com/news/bank-robbery\nRobber hurts guard at city bank\n"
         "A robber hurt a guard on Monday.", "Robber", True),
        ("role inside a sentence", "She was named coach of the year on Monday.", "coach", False),
    ],
)
def test_mentions_bare_noun_opening_a_line_is_a_reference(nlp, case, text, words, found):
    assert (words in nominal_texts(nlp, text)) is found


@pytest.mark.parametrize(
    ("case", "text", "words"),
    [
        ("possessor of a longer phrase", "Okafor was suspended on Friday, the club's third such suspension this year.", "the club"),
        ("possessed possessor", "The gunman opened fire at his company's Christmas party.", "his company"),
    ],
)
def test_mentions_possessor_inside_a_noun_chunk_is_a_mention(nlp, case, text, words):
    assert words in nominal_texts(nlp, text)


# (case, text, pronoun, the mention it must join)
PRONOUN_LINKS = [
    ("possessive her in its antecedent's clause", "Neighbours say 62-year-old Mina Okafor was parking her van when she was struck.",
     "her", "Mina Okafor"),
    ("a person known to be female before one of unknown gender",
     "A drunk cyclist who sped off after knocking down a woman has been charged over her injuries.", "her", "a woman"),
    # 'Harris' binds Coach Tom Harris out of 'him', though 'Coach Tom Harris' stands nearer than Paul Reed
    ("an object pronoun is no one its clause's subject refers to",
     "Paul Reed waited outside while Coach Tom Harris met the board, and afterwards Harris told him the news.",
     "him", "Paul Reed"),
    # 'boatman' says Julio Ferrante is a man, so the subject before him outranks the possessor known from 'he'
    ("a man by his '-man' role noun before a possessor",
     "Luis Vega said he would sail at dawn. Julio Ferrante, a local boatman, let Vega's dog sleep in his cabin.",
     "his", "Julio Ferrante"),
]


def test_coref_the_leader_is_a_head_of_state_named_before(nlp):
    text = "Prime Minister Kofi Mensah opened the summit on Monday. Delegates said the veteran leader spoke for an hour."
    entities = resolve_entities(nlp(text)).entities
    leader = entity_of(text, entities, "the veteran leader")
    assert leader is not None and leader is entity_of(text, entities, "Prime Minister Kofi Mensah")


@pytest.mark.parametrize(("case", "text", "pronoun", "antecedent"), PRONOUN_LINKS, ids=[c[0] for c in PRONOUN_LINKS])
def test_coref_pronoun_joins_its_antecedent(nlp, case, text, pronoun, antecedent):
    entities = resolve_entities(nlp(text)).entities
    found = entity_of(text, entities, pronoun)
    assert found is not None and found is entity_of(text, entities, antecedent)


def test_coref_headline_clause_is_no_name_and_its_noun_joins_the_story(nlp):
    text = ("Man Hurt In Denver Crash, Driver Charged\nA man was badly hurt after being hit by a truck that left "
            "the road, and now the driver is under arrest.")
    entities = resolve_entities(nlp(text)).entities
    assert "Driver Charged" not in mention_texts(text, entities)
    driver = entity_of(text, entities, "Driver")
    assert driver is not None and driver is entity_of(text, entities, "the driver")


@pytest.mark.parametrize(
    ("case", "text", "words", "kept"),
    [
        ("quoted report", "“A man suspected of shooting three people was arrested after a high-speed chase on the "
         "highway,” the newspaper reported on Tuesday.", "A man", True),
        ("label in scare quotes", "Residents on the coast laughed at a “witness” on Tuesday.", "a “witness", False),
    ],
)
def test_coref_lone_nominal_kept_unless_in_a_short_quotation(nlp, case, text, words, kept):
    entities = resolve_entities(nlp(text)).entities
    assert (words in mention_texts(text, entities)) is kept


def test_mentions_bare_noun_in_a_sentence_case_headline_is_a_reference(nlp):
    texts = nominal_texts(nlp, "Team suspends goalkeeper for fighting\nThe Portland Rangers suspended goalkeeper Tomas Lind "
                               "on Monday.")
    assert "goalkeeper" in texts, texts


@pytest.mark.parametrize(
    ("case", "text", "words", "found"),
    [
        ("nationality heading its phrase", "The Canadian-born Norwegian was hoping to sail around the cape.",
         "The Canadian-born Norwegian", True),
        ("nationality modifying a noun", "A Norwegian sailor was hoping to sail around the cape.", "Norwegian", False),
    ],
)
def test_mentions_nationality_noun_names_a_person(nlp, case, text, words, found):
    assert (words in nominal_texts(nlp, text)) is found


def test_mentions_no_nominal_in_a_web_address_line(nlp):
    texts = nominal_texts(nlp, "http : / / news . example . com / navy - captures - 26 - somali - pirates\n"
                               "The navy captured 26 Somali pirates on Friday.")
    assert texts and all("\n" not in t and " - " not in t for t in texts), texts


def test_mentions_sentence_opening_verb_is_not_part_of_a_name(nlp):
    text = "Having Whitman as the host is a bold move."
    texts = mention_texts(text, resolve_entities(nlp(text)).entities)
    assert "Whitman" in texts and "Having Whitman" not in texts, texts


@pytest.mark.parametrize(
    ("case", "text", "words", "found"),
    [
        ("object of a harm verb", "A man shot three people at an office, killing one, police said.", "one", True),
        ("count of things", "The company sold 20 cars and kept one, a spokesman said.", "one", False),
    ],
)
def test_mentions_number_standing_for_people(nlp, case, text, words, found):
    assert (words in nominal_texts(nlp, text)) is found


@pytest.mark.parametrize(
    ("lemma", "gender"),
    [("gunman", "male"), ("ferryman", "male"), ("businesswoman", "female"), ("human", None), ("german", None), ("man", "male"),
     ("pilot", None)],
)
def test_lexicon_noun_gender_reads_man_and_woman_compounds(lemma, gender):
    assert noun_gender(lemma) == gender
