"""The quote stage on small parsed texts: cues, kinds, reported speech and each speaker sieve."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from storyline.models import QUOTE_KINDS, Analysis, Article, Block, Entity, Published, Quote
from storyline.pipeline import RunContext, load_nlp
from storyline.stages.quotes import STAGE, extract_quotes
from storyline.stages.quotes.repairs import repair_subject
from storyline.stages.quotes.speakers import SpeakerContext, resolve_speaker
from storyline.stages.quotes.subjects import marked_speaker, opening_subject


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def make_entities(text: str, names: dict[str, tuple[str, list[str]]]) -> tuple[Entity, ...]:
    """Entities by hand: canonical name -> (type, surfaces); every occurrence of a surface is a mention."""
    found = []
    for number, (name, (type_, surfaces)) in enumerate(names.items()):
        mentions = sorted(
            (m.start(), m.end())
            for surface in surfaces
            for m in re.finditer(rf"\b{re.escape(surface)}\b", text)
        )
        found.append(Entity(f"e{number}", name, type_, tuple(mentions)))
    return tuple(found)


def run(nlp, text: str, names: dict[str, tuple[str, list[str]]] | None = None) -> tuple[Quote, ...]:
    doc = nlp(text)
    return extract_quotes(doc, None, make_entities(text, names or {}))


def only(quotes: tuple[Quote, ...], kind: str) -> list[Quote]:
    return [quote for quote in quotes if quote.kind == kind]


MARIA = {"Maria Lopez": ("PERSON", ["Maria Lopez", "Lopez"])}


@pytest.mark.parametrize(
    "verb",
    [
        "said",
        "told reporters",
        "added",
        "argued",
        "recalled",
        "noted",
        "warned",
        "insisted",
        "joked",
        "wrote",
        "tweeted",
    ],
)
def test_quotes_attributes_trailing_cue_verbs(nlp, verb: str) -> None:
    text = f"\u201cThe budget will pass this week,\u201d Maria Lopez {verb}."
    quote = only(run(nlp, text, MARIA), "direct")[0]
    assert quote.text == "The budget will pass this week"
    assert quote.cue is not None and quote.cue.text == verb.split()[0]
    assert quote.speaker.name == "Maria Lopez"


def test_quotes_attributes_cue_before_quote(nlp) -> None:
    text = "Maria Lopez warned: \u201cThe river will flood the town by Friday.\u201d"
    quote = only(run(nlp, text, MARIA), "direct")[0]
    assert (quote.speaker.name, quote.cue.text if quote.cue else None) == ("Maria Lopez", "warned")


def test_quotes_addressee_is_not_the_speaker(nlp) -> None:
    names = {**MARIA, "Radio Norte": ("ORG", ["Radio Norte"])}
    text = "\u201cWe have no money left for the bridge,\u201d Lopez told Radio Norte."
    quote = only(run(nlp, text, names), "direct")[0]
    assert quote.speaker.name == "Maria Lopez"


def test_quotes_split_by_attribution_share_speaker(nlp) -> None:
    text = "\u201cWe tried everything,\u201d Maria Lopez said. \u201cNothing worked for the farmers.\u201d"
    quotes = only(run(nlp, text, MARIA), "direct")
    assert [q.speaker.name for q in quotes] == ["Maria Lopez", "Maria Lopez"]


def test_quotes_continuation_paragraph_inherits_speaker(nlp) -> None:
    text = (
        "\u201cThe harvest failed twice,\u201d Maria Lopez said.\n"
        "\u201cThe families left the valley after the second year.\u201d\n"
        "Prices rose in the capital.\n"
        "\u201cNobody knows who wrote this.\u201d"
    )
    quotes = only(run(nlp, text, MARIA), "direct")
    assert [q.speaker.name for q in quotes] == ["Maria Lopez", "Maria Lopez", None]


def test_quotes_multi_paragraph_quote_takes_cue_of_last_paragraph(nlp) -> None:
    text = (
        "\u201cThe first paragraph of a long answer about the harbour.\n"
        "\u201cThe last paragraph of it,\u201d Maria Lopez said.\n"
        "The mayor left."
    )
    quotes = only(run(nlp, text, MARIA), "direct")
    assert [q.speaker.name for q in quotes] == ["Maria Lopez", "Maria Lopez"]


def test_quotes_pronoun_resolves_to_most_recent_subject(nlp) -> None:
    names = {**MARIA, "Tom Berg": ("PERSON", ["Tom Berg", "Berg"])}
    text = "Tom Berg met the unions on Monday. Maria Lopez arrived later.\n\u201cThe strike is over,\u201d she said."
    quote = only(run(nlp, text, names), "direct")[0]
    assert quote.speaker.name == "Maria Lopez"
    assert text[slice(*quote.speaker.mention)] == "she"


def test_quotes_nominal_resolves_through_learned_title(nlp) -> None:
    names = {
        "Ana Ruiz": ("PERSON", ["Ana Ruiz", "Ruiz"]),
        "Tom Berg": ("PERSON", ["Tom Berg", "Berg"]),
    }
    text = (
        "Chilean President Ana Ruiz met Canadian Senator Tom Berg in Ottawa.\n"
        "\u201cWe agreed on almost everything,\u201d the Chilean president said."
    )
    quote = only(run(nlp, text, names), "direct")[0]
    assert quote.speaker.name == "Ana Ruiz"


def test_quotes_apposition_names_the_speaker(nlp) -> None:
    names = {"Pedro Gil": ("PERSON", ["Pedro Gil"])}
    text = "\u201cHe never listened,\u201d his brother, Pedro Gil, said in an interview."
    quote = only(run(nlp, text, names), "direct")[0]
    assert quote.speaker.name == "Pedro Gil"


@pytest.mark.parametrize("speaker", ["a spokesperson", "officials", "a source"])
def test_quotes_unknown_speaker_stays_unknown(nlp, speaker: str) -> None:
    text = f"\u201cThe talks will resume in March,\u201d {speaker} said."
    quote = only(run(nlp, text, MARIA), "direct")[0]
    assert quote.speaker.name is None and quote.speaker.entity is None


def test_quotes_partial_quote_is_one_record_with_its_clause(nlp) -> None:
    text = "Maria Lopez called the plan a \u201ctotal disaster\u201d on Monday."
    quotes = run(nlp, text, MARIA)
    assert [(q.kind, q.text, q.speaker.name) for q in quotes] == [
        ("mixed", "the plan a \u201ctotal disaster\u201d", "Maria Lopez")
    ]


def test_quotes_clause_of_another_cue_keeps_its_own_record(nlp) -> None:
    names = {**MARIA, "Tom Berg": ("PERSON", ["Tom Berg", "Berg"])}
    text = "Tom Berg said Maria Lopez had called the plan a \u201ctotal disaster\u201d."
    quotes = run(nlp, text, names)
    assert [(q.cue.text if q.cue else None, q.speaker.name) for q in quotes] == [
        ("said", "Tom Berg"),
        ("called", "Maria Lopez"),
    ]


def test_quotes_scare_quote_has_no_speaker(nlp) -> None:
    text = "The so-called \u201creform\u201d groups spread across the region."
    quotes = run(nlp, text)
    assert [(q.text, q.kind, q.speaker.name) for q in quotes] == [("reform", "scare", None)]


def test_quotes_title_is_not_a_quote(nlp) -> None:
    text = "She wore a cap reading \u201cMake Our Town Great Again\u201d at the rally."
    assert run(nlp, text) == ()


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez said that the bridge would reopen in May.",
            "that the bridge would reopen in May",
            "said",
        ),
        (
            "Maria Lopez argued that taxes were too high for farmers.",
            "that taxes were too high for farmers",
            "argued",
        ),
        (
            "According to Maria Lopez, the bridge will reopen in May.",
            "the bridge will reopen in May",
            "According to",
        ),
        (
            "Maria Lopez has rejected any attempt to delay the vote.",
            "any attempt to delay the vote",
            "rejected",
        ),
        (
            "Maria Lopez is confident that the bridge will reopen.",
            "that the bridge will reopen",
            "is confident",
        ),
        (
            "Few voters heard Maria Lopez\u2019s claim that the vote was rigged.",
            "that the vote was rigged",
            "claim",
        ),
    ],
)
def test_quotes_reported_speech_is_indirect(nlp, text: str, content: str, cue: str) -> None:
    quote = only(run(nlp, text, MARIA), "indirect")[0]
    assert (quote.text, quote.cue.text if quote.cue else None, quote.speaker.name) == (
        content,
        cue,
        "Maria Lopez",
    )


def test_quotes_reported_clause_with_quoted_words_is_mixed(nlp) -> None:
    text = "Maria Lopez said the plan was a \u201ctotal disaster\u201d for the farmers."
    mixed = only(run(nlp, text, MARIA), "mixed")
    assert [q.speaker.name for q in mixed] == ["Maria Lopez"]


def test_quotes_offsets_round_trip(nlp) -> None:
    text = "\u201cWe tried,\u201d Maria Lopez said. She added that \u201cnothing\u201d worked.\n\u201cNever again.\u201d"
    for quote in run(nlp, text, MARIA):
        assert text[quote.start : quote.end] == quote.text
        if quote.cue:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_quotes_stage_skips_section_headings_and_credits(nlp) -> None:
    # a heading after body text is a section heading, not the headline (which may attribute)
    text = "\u201cThe vote is close,\u201d Maria Lopez said.\n\u2018We Will Win\u2019, Says Mayor\nPhoto \u201cStudio\u201d [Credit]"
    body_end = text.index("\n")
    heading_end = text.index("\n", body_end + 1)
    blocks = (
        Block(0, body_end, "body"),
        Block(body_end + 1, heading_end, "heading"),
        Block(heading_end + 1, len(text), "credit"),
    )
    article = Article("a1", "test", None, None, Published(), text, blocks)
    found = Analysis(article=article, entities=make_entities(text, MARIA))
    quotes = STAGE(article, nlp(text), found, RunContext())
    assert [(q.text, q.speaker.name) for q in quotes] == [("The vote is close", "Maria Lopez")]
    assert (STAGE.name, STAGE.field) == ("quotes", "quotes")


def test_quotes_spacy_component_sets_doc_quotes() -> None:
    import spacy

    from storyline import settings

    nlp = spacy.load(settings.MODEL)
    nlp.add_pipe("storyline_quotes")
    doc = nlp("\u201cWe will rebuild the school,\u201d the mayor said.")
    assert [q.text for q in doc._.quotes] == ["We will rebuild the school"]


def test_quotes_relative_pronoun_resolves_to_antecedent(nlp) -> None:
    text = (
        "The reform was drafted by Maria Lopez, who said it would \u201cchange everything\u201d for farmers."
    )
    mixed = only(run(nlp, text, MARIA), "mixed")[0]
    assert mixed.speaker.name == "Maria Lopez"
    assert text[slice(*mixed.speaker.mention)] == "who"


def test_quotes_written_note_is_its_authors(nlp) -> None:
    text = "\u201cSee you in court,\u201d it read, followed by Lopez\u2019s signature."
    quote = only(run(nlp, text, MARIA), "direct")[0]
    assert (quote.cue.text if quote.cue else None, quote.speaker.name) == ("read", "Maria Lopez")


def test_quotes_participle_takes_nearest_named_subject(nlp) -> None:
    text = "Tensions eased when Maria Lopez accepted the offer, saying it was a \u201cfair deal\u201d for everyone."
    mixed = only(run(nlp, text, MARIA), "mixed")[0]
    assert (mixed.cue.text if mixed.cue else None, mixed.speaker.name) == ("saying", "Maria Lopez")


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWe will not give up on this town.\u201d \u2015 Maria Lopez",
        "Maria Lopez: \u201cWe will not give up on this town.\u201d",
    ],
)
def test_quotes_signed_and_transcript_quotes(nlp, text: str) -> None:
    quote = only(run(nlp, text, MARIA), "direct")[0]
    assert quote.speaker.name == "Maria Lopez"


def test_quotes_pronoun_after_possessive_subject(nlp) -> None:
    names = {**MARIA, "Tom Berg": ("PERSON", ["Tom Berg", "Berg"])}
    text = "Tom Berg spoke first. Then Maria Lopez\u2019s campaign faced questions.\n\u201cI will answer them,\u201d she said."
    quote = only(run(nlp, text, names), "direct")[0]
    assert quote.speaker.name == "Maria Lopez"


def test_quotes_inner_cue_names_the_speaker(nlp) -> None:
    names = {**MARIA, "Tom Berg": ("PERSON", ["Tom Berg", "Berg"])}
    text = "\u201cI cannot do that in the capital,\u201d Tom Berg remembered Maria Lopez telling him."
    quote = only(run(nlp, text, names), "direct")[0]
    assert quote.speaker.name == "Maria Lopez"


def test_quotes_parenthetical_cue_attributes_partial_quote(nlp) -> None:
    text = "That decision, Maria Lopez said, was nothing short of \u201ctheft\u201d from the farmers."
    mixed = only(run(nlp, text, MARIA), "mixed")[0]
    assert ("\u201ctheft\u201d" in mixed.text, mixed.speaker.name) == (True, "Maria Lopez")


WORDS = [
    "Maria",
    "Lopez",
    "said",
    "told",
    "he",
    "she",
    "the",
    "plan",
    "\u201c",
    "\u201d",
    '"',
    "\u2018",
    "\u2019",
    ",",
    ".",
    "\n",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_quotes_never_fail_and_offsets_round_trip(nlp, words: list[str]) -> None:
    text = " ".join(words)
    for quote in run(nlp, text, MARIA):
        assert text[quote.start : quote.end] == quote.text and quote.text
        assert quote.kind in QUOTE_KINDS
        if quote.speaker.mention:
            assert 0 <= quote.speaker.mention[0] < quote.speaker.mention[1] <= len(text)


def test_quotes_transcript_turns_name_their_speakers(nlp) -> None:
    text = (
        'Transcript:\n"HOST: Will the mayor resign this year?\n"LOPEZ: She will not resign, not this year."'
    )
    quotes = only(run(nlp, text), "direct")
    assert [(q.text, q.speaker.name) for q in quotes] == [
        ("Will the mayor resign this year?", "HOST"),
        ("She will not resign, not this year.", "LOPEZ"),
    ]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Maria Lopez said she had read the report and called it a \u201ctotal disaster\u201d.", "called"),
        ("Maria Lopez continued her attacks on the budget.", "attacks on"),
    ],
)
def test_quotes_pronoun_bound_by_the_subject_names_the_speaker(nlp, text: str, cue: str) -> None:
    quote = next(q for q in run(nlp, text, MARIA) if q.cue and q.cue.text == cue)
    assert text[slice(*quote.speaker.mention)] == "Maria Lopez"


def test_quotes_cue_own_pronoun_subject_stays_the_mention(nlp) -> None:
    text = "Maria Lopez arrived late, and she said the plan was dead."
    quote = only(run(nlp, text, MARIA), "indirect")[0]
    assert (text[slice(*quote.speaker.mention)], quote.speaker.name) == ("she", "Maria Lopez")


ANA = {**MARIA, "Ana Ruiz": ("PERSON", ["Ana Ruiz"])}


def test_quotes_speaker_is_not_whom_the_quote_calls_she(nlp) -> None:
    # "For Ana Ruiz, ..." gives her view; the quote speaks of the sentence's subject in the third person.
    text = "For Ana Ruiz, Maria Lopez is the wrong choice for the job. \u201cI think she knows it,\u201d she said."
    quote = only(run(nlp, text, ANA), "direct")[0]
    assert quote.speaker.name == "Ana Ruiz"


def test_quotes_pronoun_chain_reaches_back_past_a_pronoun_sentence(nlp) -> None:
    # The entities stage is made wrong here on purpose ("she" is Tom Berg's): the chain of "she" subjects
    # back to the named subject must win over it.
    names = {"Maria Lopez": ("PERSON", ["Maria Lopez"]), "Tom Berg": ("PERSON", ["Tom Berg", "She", "she"])}
    text = (
        "Maria Lopez\u2019s campaign faced new questions about Tom Berg. She blamed her rivals. "
        "\u201cThey want me out,\u201d she said."
    )
    quote = only(run(nlp, text, names), "direct")[0]
    assert quote.speaker.name == "Maria Lopez"


def test_quotes_pronoun_finds_the_name_apposed_to_a_noun_subject(nlp) -> None:
    names = {"Maria Lopez": ("PERSON", ["Maria Lopez", "she"]), "Ana Ruiz": ("PERSON", ["Ana Ruiz"])}
    text = "Maria Lopez left town in May. Her mother, Ana Ruiz, spoke in an interview where she recalled the flood."
    quote = next(q for q in run(nlp, text, names) if q.cue and q.cue.text == "recalled")
    assert quote.speaker.name == "Ana Ruiz"


def test_quotes_quote_after_a_reported_clause_inherits_its_speaker(nlp) -> None:
    text = "The bridge will cost more than planned, Maria Lopez said. \u201cNobody wants to pay for it.\u201d"
    quote = only(run(nlp, text, MARIA), "direct")[0]
    assert (quote.cue.text if quote.cue else None, quote.speaker.name) == ("said", "Maria Lopez")


def test_quotes_signature_does_not_carry_to_the_next_quote(nlp) -> None:
    text = "\u201cWe will stay in the valley.\u201d \u2015 Maria Lopez\n\u201cWe will never leave the valley.\u201d"
    quotes = only(run(nlp, text, MARIA), "direct")
    assert [q.speaker.name for q in quotes] == ["Maria Lopez", None]


def test_quotes_plural_description_is_not_a_person(nlp) -> None:
    names = {"Tom Berg": ("PERSON", ["Tom Berg", "a farmer"])}
    text = "Tom Berg, a farmer, lives by the river. The farmers wanted to sell the land to the town."
    quote = next(q for q in run(nlp, text, names) if q.cue and q.cue.text == "wanted")
    assert quote.speaker.name is None


def test_quotes_mistagged_name_found_by_its_other_mentions(nlp) -> None:
    # The parser sometimes tags a sentence-initial surname as an interjection; the entities stage then
    # leaves that occurrence out, but the same word is a mention elsewhere.
    text = "Voters cheered Berg. Berg, without any evidence, accused the mayor of fraud."
    doc = nlp(text)
    token = doc[4]
    token.pos_ = "INTJ"
    speaker = resolve_speaker(token, SpeakerContext(doc, (Entity("e0", "Tom Berg", "PERSON", ((15, 19),)),)))
    assert (speaker.name, speaker.mention) == ("Tom Berg", (21, 25))


def hand_doc(nlp, rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A parsed Doc built by hand: (word, pos, tag, dep, head index) per token, one space between words."""
    words, pos, tags, deps, heads = (list(column) for column in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, pos=pos, tags=tags, deps=deps, heads=heads)


# A parse that lost the subject (a line run into the timestamp above it): the name is an apposition.
RUN_ON = [
    ("Maria", "PROPN", "NNP", "compound", 1),
    ("Lopez", "PROPN", "NNP", "appos", 4),
    ("is", "AUX", "VBZ", "aux", 4),
    ("again", "ADV", "RB", "advmod", 4),
    ("questioning", "VERB", "VBG", "ROOT", 5),
    ("the", "DET", "DT", "det", 6),
    ("vote", "NOUN", "NN", "dobj", 4),
    (",", "PUNCT", ",", "punct", 4),
    ("urging", "VERB", "VBG", "advcl", 4),
    ("calm", "NOUN", "NN", "dobj", 8),
]


@pytest.mark.parametrize(("cue", "expected"), [(4, "Lopez"), (8, "Lopez")])
def test_quotes_opening_noun_phrase_is_the_subject_the_parse_missed(nlp, cue: int, expected: str) -> None:
    doc = hand_doc(nlp, RUN_ON)
    subject = opening_subject(doc, (0, len(doc.text)), doc[cue])
    assert subject is not None and subject.text == expected


def test_quotes_opening_noun_phrase_of_a_passive_is_not_its_speaker(nlp) -> None:
    rows = [
        ("Maria", "PROPN", "NNP", "compound", 1),
        ("Lopez", "PROPN", "NNP", "appos", 3),
        ("was", "AUX", "VBD", "auxpass", 3),
        ("dubbed", "VERB", "VBN", "ROOT", 3),
        ("the", "DET", "DT", "det", 5),
        ("winner", "NOUN", "NN", "oprd", 3),
    ]
    doc = hand_doc(nlp, rows)
    assert opening_subject(doc, (0, len(doc.text)), doc[3]) is None


def words_span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def test_quotes_noun_phrase_before_a_trailing_cue_beats_a_subject_after_it(nlp) -> None:
    # '“He is right,” Berg, an aide, said on Radio Sur “Morning Desk.”': the parse makes the show's
    # name (a title, so no quote) the subject of "said".
    doc = hand_doc(
        nlp,
        [
            ("\u201c", "PUNCT", "``", "punct", 2),
            ("He", "PRON", "PRP", "nsubj", 2),
            ("is", "AUX", "VBZ", "ccomp", 11),
            ("right", "ADJ", "JJ", "acomp", 2),
            (",", "PUNCT", ",", "punct", 2),
            ("\u201d", "PUNCT", "''", "punct", 2),
            ("Berg", "PROPN", "NNP", "appos", 2),
            (",", "PUNCT", ",", "punct", 6),
            ("an", "DET", "DT", "det", 9),
            ("aide", "NOUN", "NN", "appos", 6),
            (",", "PUNCT", ",", "punct", 11),
            ("said", "VERB", "VBD", "ROOT", 11),
            ("on", "ADP", "IN", "prep", 11),
            ("Radio", "PROPN", "NNP", "compound", 14),
            ("Sur", "PROPN", "NNP", "pobj", 12),
            ("\u201c", "PUNCT", "``", "punct", 11),
            ("Morning", "PROPN", "NNP", "nsubj", 11),
            ("Desk", "PROPN", "NNP", "conj", 16),
            ("\u201d", "PUNCT", "''", "punct", 11),
        ],
    )
    start, end = words_span(doc, 1, 3)
    speaker = marked_speaker(doc, doc[11], start, end, [(start - 2, end + 2)], (0, len(doc.text)))
    assert speaker is not None and speaker.text == "Berg"


@pytest.mark.parametrize(
    ("rows", "cue", "words"),
    [
        (  # 'Said Ellis: “I agree.”', the cue parsed as part of the name
            [
                ("Said", "VERB", "VBD", "compound", 1),
                ("Ellis", "PROPN", "NNP", "ROOT", 1),
                (":", "PUNCT", ":", "punct", 1),
                ("\u201c", "PUNCT", "``", "punct", 5),
                ("I", "PRON", "PRP", "nsubj", 5),
                ("agree", "VERB", "VBP", "acl", 1),
                ("\u201d", "PUNCT", "''", "punct", 5),
            ],
            0,
            (4, 5),
        ),
        (  # 'made public ― Ellis boasted, “I agree”', the dash parsed as a second subject
            [
                ("made", "VERB", "VBN", "ROOT", 0),
                ("public", "ADJ", "JJ", "amod", 2),
                ("\u2015", "NOUN", "NN", "nsubj", 4),
                ("Ellis", "PROPN", "NNP", "nsubj", 4),
                ("boasted", "VERB", "VBD", "ccomp", 0),
                (",", "PUNCT", ",", "punct", 4),
                ("\u201c", "PUNCT", "``", "punct", 8),
                ("I", "PRON", "PRP", "nsubj", 8),
                ("agree", "VERB", "VBP", "ccomp", 4),
                ("\u201d", "PUNCT", "''", "punct", 8),
            ],
            4,
            (7, 8),
        ),
    ],
)
def test_quotes_speaker_the_parse_hides_before_the_quote(nlp, rows, cue: int, words: tuple[int, int]) -> None:
    doc = hand_doc(nlp, rows)
    start, end = words_span(doc, *words)
    speaker = marked_speaker(doc, doc[cue], start, end, [(start - 2, end + 2)], (0, len(doc.text)))
    assert speaker is not None and speaker.text == "Ellis"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Maria Lopez, the finance minister, said the bridge will reopen in May.",
            "Maria Lopez, the finance minister",
        ),
        (
            "\u201cThe bridge will reopen in May,\u201d Maria Lopez, one of the engineers who built it, said.",
            "Maria Lopez, one of the engineers who built it",
        ),
        (
            "A spokeswoman for the city of Lima said the bridge will reopen.",
            "A spokeswoman for the city of Lima",
        ),
        (
            "Maria Lopez, an engineer at the Water Office (WO), said the bridge will reopen.",
            "Maria Lopez, an engineer at the Water Office (WO)",
        ),
    ],
)
def test_quotes_speaker_mention_is_the_whole_noun_phrase(nlp, text: str, words: str) -> None:
    quote = run(nlp, text, MARIA)[0]
    assert text[slice(*quote.speaker.mention)] == words


def test_quotes_speaker_mention_never_holds_its_cue(nlp) -> None:
    text = "The groups calling themselves \u201cdefenders\u201d want more money."
    quote = next(q for q in run(nlp, text) if q.cue and q.cue.text == "calling")
    assert text[slice(*quote.speaker.mention)] == "The groups"


def test_quotes_written_thing_read_as_the_object_speaks(nlp) -> None:
    # The parse makes "a note" the object of an inverted "read"; the next quote continues the note.
    text = (
        "The rebels stole the old sword from the museum. "
        "\u201cThe sword is ours now,\u201d read a note they left behind. \u201cWe will use it well.\u201d"
    )
    quotes = only(run(nlp, text), "direct")
    assert [text[slice(*q.speaker.mention)] if q.speaker.mention else None for q in quotes] == [
        "a note they left behind",
        "a note they left behind",
    ]


RELATIVE_NAMES = {
    **MARIA,
    "Harbor Water Authority": ("ORG", ["the Harbor Water Authority", "the authority"]),
    "Tom Berg": ("PERSON", ["Tom Berg", "the mayor of Easton"]),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plan was signed by Maria Lopez, who said it would \u201csave the valley\u201d in time.",
            ("who", "Maria Lopez"),
        ),
        (
            "The dam was closed by the Harbor Water Authority, which said it was \u201cno longer safe\u201d for use.",
            ("which", "Harbor Water Authority"),
        ),
        (
            "Lopez said it was an \u201chonor to meet the mayor of Easton,\u201d who asked her to \u201cvisit the port soon.\u201d",
            ("who", "Tom Berg"),
        ),
        (
            "The dam was closed by a regional board, which said it was \u201cno longer safe\u201d for use.",
            ("which", None),
        ),
    ],
)
def test_quotes_relative_pronoun_speaker_is_its_antecedents_entity(nlp, text: str, expected) -> None:
    quote = next(
        q
        for q in run(nlp, text, RELATIVE_NAMES)
        if q.speaker.mention is not None and text[slice(*q.speaker.mention)] == expected[0]
    )
    assert (text[slice(*quote.speaker.mention)], quote.speaker.name) == expected


def test_quotes_which_never_names_a_person(nlp) -> None:
    text = "They read Northwind, a weekly founded by Maria Lopez, which said the port was \u201cnever going to reopen\u201d soon."
    quote = next(q for q in run(nlp, text, MARIA) if q.speaker.mention is not None)
    assert (text[slice(*quote.speaker.mention)], quote.speaker.name) == ("which", None)


TOM = {"Tom Lopez": ("PERSON", ["Tom Lopez"])}


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ({**TOM, "Government of Norland": ("ORG", ["his government"])}, "Government of Norland"),
        (TOM, None),
    ],
)
def test_quotes_possessed_nominal_is_the_entity_covering_it_never_its_owner(nlp, names, expected) -> None:
    text = "Tom Lopez spoke in the capital. Last week his government announced it would \u201cstop the mine\u201d at once."
    quote = only(run(nlp, text, names), "mixed")[0]
    assert (text[slice(*quote.speaker.mention)], quote.speaker.name) == ("his government", expected)


def mention_of(text: str, quote: Quote) -> str | None:
    return text[slice(*quote.speaker.mention)] if quote.speaker.mention else None


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # an opening phrase the parse made a second subject
        (
            "THE HARBOUR Back when she ran the port, Ms. Okafor said that the cranes were too old.",
            "said",
            "Ms. Okafor",
        ),
        # the object of the governing verb speaks, not its subject
        (
            "The strike forced the mayor to admit that the buses would not run on Sunday.",
            "admit",
            "the mayor",
        ),
        (
            "The long drought left many farmers feeling that the government had abandoned them.",
            "feeling",
            "many farmers",
        ),
        # a participle without a subject of its own shares the main subject before it
        (
            "The minister refused to name a date, aside from saying he expects a vote before winter.",
            "saying",
            "The minister",
        ),
        # the 'it' of a copula is nobody
        ("It is worth noting that the river has flooded twice this year.", "noting", None),
    ],
)
def test_quotes_repairs_the_subject_of_the_cue(nlp, text: str, cue: str, expected: str | None) -> None:
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text == cue)
    assert mention_of(text, quote) == expected


def test_quotes_object_of_a_verb_not_of_saying_does_not_speak(nlp) -> None:
    rows = [
        ("The", "DET", "DT", "det", 1),
        ("treaty", "NOUN", "NN", "nsubj", 2),
        ("obliges", "VERB", "VBZ", "ROOT", 2),
        ("states", "NOUN", "NNS", "dobj", 2),
        ("to", "PART", "TO", "aux", 5),
        ("offer", "VERB", "VB", "xcomp", 2),
        ("shelter", "NOUN", "NN", "dobj", 5),
    ]
    doc = hand_doc(nlp, rows)
    repaired = repair_subject(doc[1], doc[5])
    assert repaired is not None and repaired.i == 1


# '5:45 p.m. / The treasurer says ...': the parse made the timestamp above a second subject of "says".
TIMESTAMP_RUN_ON = [
    ("5:45", "NUM", "CD", "nummod", 1),
    ("p.m.", "NOUN", "NN", "nsubj", 5),
    ("\n\n", "SPACE", "_SP", "dep", 1),
    ("The", "DET", "DT", "det", 4),
    ("treasurer", "NOUN", "NN", "nsubj", 5),
    ("says", "VERB", "VBZ", "ROOT", 5),
    ("the", "DET", "DT", "det", 7),
    ("bridge", "NOUN", "NN", "nsubj", 8),
    ("opened", "VERB", "VBD", "ccomp", 5),
]

# 'Lopez, the mayor, says ...': an apposition the parse made a second subject is the same speaker.
APPOSITION_SPLIT = [
    ("Lopez", "PROPN", "NNP", "nsubj", 5),
    (",", "PUNCT", ",", "punct", 0),
    ("the", "DET", "DT", "det", 3),
    ("mayor", "NOUN", "NN", "nsubj", 5),
    (",", "PUNCT", ",", "punct", 5),
    ("says", "VERB", "VBZ", "ROOT", 5),
    ("the", "DET", "DT", "det", 7),
    ("bridge", "NOUN", "NN", "nsubj", 8),
    ("opened", "VERB", "VBD", "ccomp", 5),
]


@pytest.mark.parametrize(("rows", "expected"), [(TIMESTAMP_RUN_ON, "treasurer"), (APPOSITION_SPLIT, "Lopez")])
def test_quotes_second_subject_wins_only_across_a_heading(nlp, rows, expected: str) -> None:
    doc = hand_doc(nlp, rows)
    repaired = repair_subject(doc[0] if rows is APPOSITION_SPLIT else doc[1], doc[5])
    assert repaired is not None and repaired.text == expected


RUIZ = {"Ana Ruiz": ("PERSON", ["Ana Ruiz", "Ruiz"])}


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # the one shown speaking in footage speaks
        (
            "The new advert uses footage of Ana Ruiz asking, \u201cWhere did the money for the bridge go?\u201d",
            "asking",
            "Ana Ruiz",
        ),
        # a participle on an occasion is said by the one who spoke there
        (
            "Ruiz spoke at a crowded news conference announcing that the port would close in June.",
            "announcing",
            "Ruiz",
        ),
        # the one who faces criticism is not its source, and the critics are unnamed
        ("The mayor has faced sharp criticism for closing the only hospital in the valley.", "faced", None),
        # one frustrated that ... holds the view
        ("Farmers were frustrated that the ministry delayed the payments again.", "frustrated", "Farmers"),
        # the thing criticised is not the critic
        ("The town adopted what is being criticized as a \u201ctax on the poor.\u201d", "criticized", None),
        # a pronoun subject of a cue under a verb of saying is that verb's subject
        ("Ruiz said she recalled thinking, \u201cThis bridge will never open.\u201d", "recalled", "Ruiz"),
    ],
)
def test_quotes_speaker_is_the_one_who_holds_the_words(
    nlp, text: str, cue: str, expected: str | None
) -> None:
    quote = next(q for q in run(nlp, text, RUIZ) if q.cue is not None and q.cue.text.startswith(cue))
    assert mention_of(text, quote) == expected


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # a noun cue's words come from its 'from'
        (
            "The vote went ahead despite warnings from the ministry that the dam was unsafe.",
            "warnings",
            "the ministry",
        ),
        # a subjectless cue takes the name the parse ran into the phrase before it
        (
            "In a long interview with the editors of the Gazette Ruiz said that the port would close.",
            "said",
            "Ana Ruiz",
        ),
    ],
)
def test_quotes_speaker_the_parse_left_out_is_found(nlp, text: str, cue: str, expected: str) -> None:
    quote = next(q for q in run(nlp, text, RUIZ) if q.cue is not None and q.cue.text == cue)
    assert expected in (mention_of(text, quote), quote.speaker.name)


def test_quotes_subjectless_cue_after_a_participle_aside_takes_the_name_before_it(nlp) -> None:
    text = "Vega Says Port Will Open Soon\n\nLIMA -- President Ana Ruiz, opening the new port on Monday, said it would bring jobs."
    quote = next(q for q in run(nlp, text, RUIZ) if q.cue is not None and q.cue.text == "said")
    assert (mention_of(text, quote), quote.speaker.name) == ("President Ana Ruiz", "Ana Ruiz")


def test_quotes_according_to_source_the_parse_took_for_a_verb_phrase(nlp) -> None:
    # 'Lee left, according to show insiders.': the parse reads 'show' as a verb taking 'insiders'
    rows = [
        ("Lee", "PROPN", "NNP", "nsubj", 1),
        ("left", "VERB", "VBD", "ROOT", 1),
        (",", "PUNCT", ",", "punct", 1),
        ("according", "VERB", "VBG", "prep", 1),
        ("to", "ADP", "IN", "prep", 3),
        ("show", "VERB", "VB", "pcomp", 4),
        ("insiders", "NOUN", "NNS", "dobj", 5),
        (".", "PUNCT", ".", "punct", 1),
    ]
    doc = hand_doc(nlp, rows)
    source = repair_subject(None, doc[3])
    assert source is not None and source.text == "insiders"


def test_quotes_estimate_after_by_is_the_source_of_its_clause(nlp) -> None:
    text = "About 300 homes along the river have been damaged by the floods, by one estimate."
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text == "by")
    assert quote.text.startswith("About 300 homes") and mention_of(text, quote) == "one estimate"


@pytest.mark.parametrize(
    "text",
    ["Rents rose by an average of 3 percent last year.", "The town grew by large numbers after the war."],
)
def test_quotes_by_a_measure_is_no_source(nlp, text: str) -> None:
    assert not [q for q in run(nlp, text) if q.cue is not None and q.cue.text == "by"]


def test_quotes_its_binds_to_the_thing_subject_of_its_sentence(nlp) -> None:
    text = "The ministry's first report was widely ridiculed for its prediction that the river would dry up by May."
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text == "prediction")
    assert mention_of(text, quote) == "The ministry's first report"


def test_quotes_subject_voicing_a_speech_noun_is_its_source(nlp) -> None:
    text = "The unions persisted in arguments that the port must stay public."
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text == "arguments")
    assert mention_of(text, quote) == "The unions"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His new charity, called the River Fund, will buy the land next year.", None),
        ("The mayor called the plan a disaster.", "The mayor"),
    ],
)
def test_quotes_participle_of_naming_after_its_noun_has_no_speaker(
    nlp, text: str, expected: str | None
) -> None:
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text == "called")
    assert mention_of(text, quote) == expected


def test_quotes_subject_inside_a_parenthesis_never_speaks_for_a_cue_outside_it(nlp) -> None:
    text = "A group of farmers in 2019 sent a letter to the head of the water board (where Ruiz works), calling for a dam."
    quote = next(q for q in run(nlp, text, RUIZ) if q.cue is not None and q.cue.text.startswith("calling"))
    assert mention_of(text, quote) == "A group of farmers in 2019"


# 'To understand Dred Scott, Justice Roberts said, one should ...': the parse made the name before the
# comma the subject and the speaker its apposition.
APPOSITION_RUN_IN = [
    ("Scott", "PROPN", "NNP", "nsubj", 4),
    (",", "PUNCT", ",", "punct", 0),
    ("Justice", "PROPN", "NNP", "compound", 3),
    ("Roberts", "PROPN", "NNP", "appos", 0),
    ("said", "VERB", "VBD", "parataxis", 4),
]
# 'Lee, the mayor, said': a true apposition, closed by its comma.
APPOSITION_CLOSED = [
    ("Lee", "PROPN", "NNP", "nsubj", 5),
    (",", "PUNCT", ",", "punct", 0),
    ("the", "DET", "DT", "det", 3),
    ("mayor", "NOUN", "NN", "appos", 0),
    (",", "PUNCT", ",", "punct", 0),
    ("said", "VERB", "VBD", "ROOT", 5),
]


@pytest.mark.parametrize(
    ("rows", "cue", "expected"), [(APPOSITION_RUN_IN, 4, "Roberts"), (APPOSITION_CLOSED, 5, "Lee")]
)
def test_quotes_apposition_running_into_the_cue_is_its_subject(nlp, rows, cue: int, expected: str) -> None:
    doc = hand_doc(nlp, rows)
    repaired = repair_subject(doc[0], doc[cue])
    assert repaired is not None and repaired.text == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Farm groups that oppose the dam have warned that it will flood the valley.", "Farm groups that"),
        (
            "The port lost its only client, a shipping company that had declared bankruptcy.",
            "a shipping company that",
        ),
    ],
)
def test_quotes_relative_that_mention_runs_from_its_antecedent(nlp, text: str, mention: str) -> None:
    mentions = {text[slice(*q.speaker.mention)] for q in run(nlp, text) if q.speaker.mention is not None}
    assert mention in mentions


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("When my aunt asked about the war, I laughed and said, \u201cI never think about it.\u201d", "I"),
        ("After the vote we wrote, \u201cThe town deserves an answer.\u201d", "we"),
    ],
)
def test_quotes_writer_first_person_speaks_a_quote(nlp, text: str, mention: str) -> None:
    quote = only(run(nlp, text), "direct")[0]
    assert quote.cue is not None and quote.speaker.mention is not None
    assert text[slice(*quote.speaker.mention)] == mention


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Video of the arrest shows him with his hands in the air before the shot.", "Video of the arrest"),
        ("The transcript shows the mayor at odds with her own staff.", "The transcript"),
    ],
)
def test_quotes_record_is_the_source_of_what_it_shows(nlp, text: str, source: str) -> None:
    found = [q for q in run(nlp, text) if q.cue is not None and q.cue.text in ("shows",)]
    assert [text[slice(*q.speaker.mention)] for q in found if q.speaker.mention] == [source]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Poll: Voters in the county back the bridge plan.",
            ("Voters in the county back the bridge plan", ":", "Poll"),
        ),
        ("New Survey: Most Teachers Plan To Stay", ("Most Teachers Plan To Stay", ":", "New Survey")),
    ],
)
def test_quotes_headline_evidence_before_colon_is_its_source(nlp, headline: str, expected) -> None:
    text = f"{headline}\nThe council met on Monday to discuss the budget."
    blocks = (Block(0, len(headline), "heading"), Block(len(headline) + 1, len(text), "body"))
    found = [
        (q.text, q.cue.text if q.cue else "", text[slice(*q.speaker.mention)] if q.speaker.mention else "")
        for q in extract_quotes(nlp(text), blocks)
        if q.end <= len(headline)
    ]
    assert expected in found


def test_quotes_participle_after_relative_clause_speaks_for_the_main_clause(nlp) -> None:
    text = "Lopez refused to pay a contractor who said he was owed money, saying, \u201cHe never finished the roof.\u201d"
    quote = only(run(nlp, text, MARIA), "direct")[0]
    assert text[slice(*quote.speaker.mention)] == "Lopez"


@pytest.mark.parametrize(
    "text",
    [
        "Let's say the bridge will cost twice what the county planned.",
        "Let us say the council approves the plan next week.",
    ],
)
def test_quotes_supposition_of_the_writer_is_no_attribution(nlp, text: str) -> None:
    assert [q for q in run(nlp, text) if q.cue is not None and q.cue.text == "say"] == []


@pytest.mark.parametrize(
    ("text", "cue", "found"),
    [
        ("The mayor has never been charged with any wrongdoing in the land deal.", "charged", False),
        ("Neither the mayor nor her aides were accused of fraud in the land deal.", "accused", False),
        ("The mayor was charged with fraud in the land deal on Monday.", "charged", True),
        ("The dam is not thought to be safe for another winter of storms.", "thought", True),
    ],
)
def test_quotes_negated_passive_act_without_agent_is_no_attribution(
    nlp, text: str, cue: str, found: bool
) -> None:
    assert any(q.cue is not None and q.cue.text == cue for q in run(nlp, text)) is found


@pytest.mark.parametrize(
    "text",
    [
        "With rising prices, suspicions run high that every shop is cheating its customers.",
        "After the vote, fears grew that the dam would not hold.",
    ],
)
def test_quotes_stance_noun_subject_holds_no_one(nlp, text: str) -> None:
    quotes = [quote for quote in run(nlp, text) if quote.kind == "indirect"]
    assert quotes, "the clause should still be reported"
    assert all(quote.speaker.mention is None for quote in quotes)


def test_quotes_catenative_verb_opening_a_line_is_no_subject(nlp) -> None:
    quotes = run(nlp, "Keeps saying she opposed the war, when there are clips of her supporting it.")
    assert quotes and all(quote.speaker.mention is None for quote in quotes)


@pytest.mark.parametrize(
    ("earlier", "expected"),
    [
        ("Ana Ruiz worked as a medic in the hills.", "Ana Ruiz"),
        ("Ana Ruiz was a medic in the hills for a decade.", "Ana Ruiz"),
        ("Years ago, she worked as a field medic in the hills.", "Ana Ruiz"),
        # the role is the object's, not the subject's; a denied role is none
        ("Tom Berg once described the governor as a medic.", None),
        ("Ana Ruiz was never a medic, and Tom Berg was not a medic either.", None),
    ],
)
def test_quotes_nominal_resolves_through_learned_role(nlp, earlier: str, expected: str | None) -> None:
    names = {"Ana Ruiz": ("PERSON", ["Ana Ruiz", "she"]), "Tom Berg": ("PERSON", ["Tom Berg"])}
    text = (
        f"Ana Ruiz met Tom Berg in Lima. {earlier}\n"
        "Tom Berg threatened to close the port. The former medic replied by saying the port would stay open."
    )
    quote = next(q for q in run(nlp, text, names) if q.cue is not None and q.cue.text == "replied")
    assert quote.speaker.name == expected


def test_quotes_role_learned_is_its_head_noun_not_a_compound(nlp) -> None:
    # "the first rebel group": the front is a group, not "the rebels" of a later sentence
    names = {"Lima Front": ("ORG", ["Lima Front"])}
    text = (
        "The Lima Front became the first rebel group to disarm.\n"
        "Years later, the rebels said that the peace had failed them."
    )
    quote = next(q for q in run(nlp, text, names) if q.cue is not None and q.cue.text == "said")
    assert quote.speaker.name is None


def speaker_of_cue(nlp, text: str, cue: str) -> str | None:
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text == cue)
    return mention_of(text, quote)


def test_quotes_absolute_participle_after_with_has_no_speaker(nlp) -> None:
    # a passive participle after 'with': the ones expected are not the ones expecting
    text = "The talks will resume next week, with both ministers expected to attend the summit."
    assert speaker_of_cue(nlp, text, "expected") is None


def test_quotes_participle_under_a_postposed_adjective_is_its_nouns(nlp) -> None:
    text = "The league is funded by two local firms intent on deciding where the final will be played."
    assert speaker_of_cue(nlp, text, "deciding") == "two local firms"


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # a subject between two dashes does not speak for a cue after them
        (
            "Hundreds of farmers drove through the square - where the council had met that morning - while"
            " shouting, \u201cSave our fields.\u201d",
            "shouting",
            "Hundreds of farmers",
        ),
        # the parse gave the aside the only subject: the noun before the opening dash is the speaker
        (
            "Nurses \u2014 some of them in uniform \u2014 marched along the avenue, chanting that the clinics"
            " must stay open.",
            "chanting",
            "Nurses",
        ),
    ],
)
def test_quotes_subject_inside_a_dash_aside_does_not_speak(nlp, text: str, cue: str, expected: str) -> None:
    assert speaker_of_cue(nlp, text, cue) == expected


def test_quotes_dateline_dash_opens_no_aside(nlp) -> None:
    text = (
        "WASHINGTON \u2014 Ana Ruiz \u2014 the senator who wrote the bill \u2014 said on Tuesday that the"
        " vote would fail."
    )
    names = {"Ana Ruiz": ("PERSON", ["Ana Ruiz"])}
    quote = next(q for q in run(nlp, text, names) if q.cue is not None and q.cue.text == "said")
    assert quote.speaker.name == "Ana Ruiz"


def test_quotes_with_what_is_a_free_relative_not_a_passive(nlp) -> None:
    text = "The bill passed with what several senators called \u201cfraud\u201d left in place."
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text == "called")
    assert mention_of(text, quote) == "several senators"


def test_quotes_relative_pronoun_beside_a_subject_is_its_object(nlp) -> None:
    # 'the reasons that Lee refuses to ...' parsed with 'that' as a second subject of 'refuses'
    rows = [
        ("the", "DET", "DT", "det", 1),
        ("reasons", "NOUN", "NNS", "ROOT", 1),
        ("that", "PRON", "WDT", "nsubj", 4),
        ("Lee", "PROPN", "NNP", "nsubj", 4),
        ("refuses", "VERB", "VBZ", "relcl", 1),
        ("to", "PART", "TO", "aux", 6),
        ("publish", "VERB", "VB", "xcomp", 4),
    ]
    doc = hand_doc(nlp, rows)
    repaired = repair_subject(doc[2], doc[4])
    assert repaired is not None and repaired.text == "Lee"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The coach released a note from the team doctor on Tuesday that says the striker is fit to play.",
            "The coach",
        ),
        (
            "The scandal prompted the senator to make a comment that described the protesters as thugs.",
            "the senator",
        ),
        # a text only read, not performed, speaks for itself
        ("Lee read a report that says the river will flood.", "a report that"),
    ],
)
def test_quotes_performed_text_speaks_for_its_performer(nlp, text: str, expected: str) -> None:
    quote = next(q for q in run(nlp, text) if q.cue is not None and q.cue.text in ("says", "described"))
    assert mention_of(text, quote) == expected


def test_quotes_participle_subject_after_an_unpaired_mark_is_not_quoted(nlp) -> None:
    # '" Lee left early, saying it failed': a stray mark opens no quotation, so the subject before the
    # participle is outside every quoted region and speaks for it
    rows = [
        ('"', "PUNCT", "``", "punct", 2),
        ("Lee", "PROPN", "NNP", "nsubj", 2),
        ("left", "VERB", "VBD", "ROOT", 2),
        ("early", "ADV", "RB", "advmod", 2),
        (",", "PUNCT", ",", "punct", 2),
        ("saying", "VERB", "VBG", "advcl", 2),
        ("it", "PRON", "PRP", "nsubj", 7),
        ("failed", "VERB", "VBD", "ccomp", 5),
    ]
    doc = hand_doc(nlp, rows)
    repaired = repair_subject(None, doc[5], [])
    assert repaired is not None and repaired.text == "Lee"


def test_quotes_participle_conjoined_to_a_quoted_verb_shares_the_subject_outside(nlp) -> None:
    # "Lee shrugged, -- ''That is politics'' -- and insisting, ''fine''": the parse made the quotation the
    # main clause and hung both the clause before it and the participle after it on the quoted verb
    rows = [
        ("Lee", "PROPN", "NNP", "nsubj", 1),
        ("shrugged", "VERB", "VBD", "ccomp", 6),
        (",", "PUNCT", ",", "punct", 1),
        ("--", "PUNCT", ":", "punct", 6),
        ("''", "PUNCT", "''", "punct", 6),
        ("That", "PRON", "DT", "nsubj", 6),
        ("is", "AUX", "VBZ", "ROOT", 6),
        ("politics", "NOUN", "NN", "attr", 6),
        ("''", "PUNCT", "''", "punct", 6),
        ("--", "PUNCT", ":", "punct", 6),
        ("and", "CCONJ", "CC", "cc", 6),
        ("insisting", "VERB", "VBG", "conj", 6),
        (",", "PUNCT", ",", "punct", 11),
        ("''", "PUNCT", "``", "punct", 14),
        ("fine", "ADJ", "JJ", "ccomp", 11),
        ("''", "PUNCT", "''", "punct", 14),
    ]
    doc = hand_doc(nlp, rows)
    quoted = [(doc[4].idx, doc[8].idx + 2), (doc[13].idx, doc[15].idx + 2)]  # the marks' regions
    repaired = repair_subject(None, doc[11], quoted)
    assert repaired is not None and repaired.text == "Lee"
