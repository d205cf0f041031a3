"""Recall sieves of the quote stage: attribution classes beyond plain saying, and what stays out."""

from __future__ import annotations

import pytest
import spacy

from quote_finds import indirect_quotes, unattributed_quotes
from storyline.pipeline import load_nlp
from storyline.stages.quotes.cues import Reported, find_nearby_cue
from storyline.stages.quotes.reported import clip_to_paragraphs


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def recalled_quotes(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, speaker name) of every indirect or mixed quote: a clause holding a quotation is
    found by the same sieves."""
    return indirect_quotes(nlp, text, ("indirect", "mixed"))


def test_quotes_recall_content_clipped_to_cue_paragraph() -> None:
    # a content the parser ran back over a paragraph break keeps only the cue's paragraph
    found = [Reported(0, 60, (55, 59), None), Reported(10, 30, (12, 18), None)]
    clipped = clip_to_paragraphs(found, [(0, 40), (42, 80)])
    assert [(r.start, r.end) for r in clipped] == [(42, 60), (10, 30)]


def test_quotes_recall_clipped_content_frees_the_earlier_attribution() -> None:
    from storyline.stages.quotes.reported import drop_nested

    doc = spacy.blank("en")("x" * 80)  # no quoted words: the Doc is never read
    found = [Reported(0, 60, (55, 59), None), Reported(10, 30, (12, 18), None)]
    kept = drop_nested(clip_to_paragraphs(found, [(0, 40), (42, 80)]), [], doc)
    assert len(kept) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez needs more voters in the suburbs.",  # a need is a lack, not a view
        "Maria Lopez needs the money to repair the harbour.",
    ],
)
def test_quotes_recall_needing_a_thing_is_no_attribution(nlp, text: str) -> None:
    assert recalled_quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez refuses to release her tax returns.", "to release her tax returns", "refuses"),
        ("Maria Lopez seeks to protect the harbour fund.", "to protect the harbour fund", "seeks"),
        ("Maria Lopez intends to sue the port authority.", "to sue the port authority", "intends"),
        ("Maria Lopez threatened to veto the budget.", "to veto the budget", "threatened"),
    ],
)
def test_quotes_recall_intention_infinitive(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez is bearish on the price of harbour land.",
            "the price of harbour land",
            "is bearish",
        ),
    ],
)
def test_quotes_recall_stance_adjective(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


def test_quotes_recall_writer_stance_is_attributed(nlp) -> None:
    text = "Maria Lopez left early. We are convinced the bridge is unsafe."
    assert ("the bridge is unsafe", "are convinced", None) in recalled_quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez painted her rival as a reckless spender.",
            "her rival as a reckless spender",
            "painted",
        ),
        (
            "Maria Lopez portrays the tax as a gift to landlords.",
            "the tax as a gift to landlords",
            "portrays",
        ),
    ],
)
def test_quotes_recall_depiction_as(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


def test_quotes_recall_depiction_without_as_is_no_attribution(nlp) -> None:
    assert recalled_quotes(nlp, "Maria Lopez painted the fence in the morning.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez implored voters to stay home.", "voters to stay home", "implored"),
        (
            "Maria Lopez persuaded the council to delay the vote.",
            "the council to delay the vote",
            "persuaded",
        ),
    ],
)
def test_quotes_recall_request_addressee_and_infinitive(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez underscored the need for new bridges.", "the need for new bridges", "underscored"),
        (
            "Maria Lopez exposed the failures of the port authority.",
            "the failures of the port authority",
            "exposed",
        ),
    ],
)
def test_quotes_recall_showing_verb_object(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("There are growing concerns that the bridge is unsafe.", "that the bridge is unsafe", "concerns"),
        ("The council met amid reports that the plant had closed.", "that the plant had closed", "reports"),
    ],
)
def test_quotes_recall_unowned_claim_noun(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue) in unattributed_quotes(nlp, text)


def test_quotes_recall_that_clause_after_cue_beats_clause_before(nlp) -> None:
    # a hand-built parse with the misreading seen in news text: a clause before the cue also hung on it
    from spacy.tokens import Doc

    from storyline.stages.quotes.reported import find_reported

    words = ["The", "toll", "rose", ",", "critics", "say", "that", "drivers", "pay", "twice", "."]
    heads = [1, 2, 5, 5, 5, 5, 8, 8, 5, 8, 5]
    deps = ["det", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "mark", "nsubj", "ccomp", "advmod", "punct"]
    pos = ["DET", "NOUN", "VERB", "PUNCT", "NOUN", "VERB", "SCONJ", "NOUN", "VERB", "ADV", "PUNCT"]
    lemmas = ["the", "toll", "rise", ",", "critic", "say", "that", "driver", "pay", "twice", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    text = doc.text
    found = [
        (text[r.start : r.end], text[r.cue[0] : r.cue[1]])
        for r in find_reported(doc, text, [], [(0, len(text))])
    ]
    assert found == [("that drivers pay twice", "say")]


def test_quotes_recall_clause_read_as_adjunct_of_saying(nlp) -> None:
    text = "Maria Lopez said after the hearing she would not sign the harbour deal if it were put to a vote."
    found = recalled_quotes(nlp, text)
    assert [("she would not sign the harbour deal" in content, cue) for content, cue, _ in found] == [
        (True, "said")
    ]


def test_quotes_recall_subordinate_clause_is_no_content(nlp) -> None:
    text = "Maria Lopez spoke after the convention because she would not accept his endorsement."
    assert recalled_quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez linked the floods to the new dam upstream.",
            "the floods to the new dam upstream",
            "linked",
        ),
        (
            "Maria Lopez attributes the deficit to lower port fees.",
            "the deficit to lower port fees",
            "attributes",
        ),
    ],
)
def test_quotes_recall_linking_object_to(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


def test_quotes_recall_linking_without_to_is_no_attribution(nlp) -> None:
    assert recalled_quotes(nlp, "Maria Lopez tied her boots and left.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Reports of widespread fraud spread quickly.", "widespread fraud", "Reports"),
        ("There is growing skepticism about the new harbour tax.", "the new harbour tax", "skepticism"),
    ],
)
def test_quotes_recall_unowned_claim_noun_with_topic(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue) in unattributed_quotes(nlp, text)


def test_quotes_recall_unowned_view_noun_is_no_claim(nlp) -> None:
    assert unattributed_quotes(nlp, "The view of the river was lovely.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez was vague about the cost of the bridge.", "the cost of the bridge", "was vague"),
        ("Maria Lopez is wary of the new toll.", "the new toll", "is wary"),
    ],
)
def test_quotes_recall_manner_of_speaking_adjective(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


def test_quotes_recall_according_to_phrase_ends_at_its_comma(nlp) -> None:
    # the parser hangs the clause on the name as an apposition ("reeks" read as a noun)
    text = "According to talk show host Maria Lopez, the toll plan reeks of greed and panic."
    assert ("the toll plan reeks of greed and panic", "According to", "Maria Lopez") in indirect_quotes(
        nlp, text
    )


def test_quotes_recall_verb_misread_as_plural_noun(nlp) -> None:
    # a hand-built parse with the tagger's misreading: "plans" as a plural noun that keeps its infinitive
    from spacy.tokens import Doc

    from storyline.stages.quotes.reported import find_reported

    words = ["The", "Lopez", "campaign", "plans", "to", "open", "an", "office", "."]
    heads = [2, 2, 3, 3, 5, 3, 7, 5, 3]
    deps = ["det", "compound", "compound", "ROOT", "aux", "xcomp", "det", "dobj", "punct"]
    pos = ["DET", "PROPN", "NOUN", "NOUN", "PART", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["DT", "NNP", "NN", "NNS", "TO", "VB", "DT", "NN", "."]
    lemmas = ["the", "Lopez", "campaign", "plan", "to", "open", "an", "office", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    text = doc.text
    found = [
        (text[r.start : r.end], text[r.cue[0] : r.cue[1]], r.speaker.text if r.speaker is not None else None)
        for r in find_reported(doc, text, [], [(0, len(text))])
    ]
    assert found == [("to open an office", "plans", "campaign")]


def test_quotes_recall_stance_noun_subject_of_be_that(nlp) -> None:
    text = "Maria Lopez's bet is that the new toll will pay for the bridge."
    found = recalled_quotes(nlp, text)
    assert [(content, speaker) for content, _, speaker in found] == [
        ("that the new toll will pay for the bridge", "Maria Lopez")
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Maria Lopez has a genuine interest in harbour policy.", "harbour policy"),
        ("Maria Lopez had a heated discussion about the new toll.", "the new toll"),
    ],
)
def test_quotes_recall_noun_of_interest_or_discussion(nlp, text: str, content: str) -> None:
    assert [(c, s) for c, _, s in recalled_quotes(nlp, text)] == [(content, "Maria Lopez")]


def test_quotes_recall_in_is_a_place_for_other_nouns(nlp) -> None:
    assert recalled_quotes(nlp, "Maria Lopez made a statement in the harbour.") == []


def test_quotes_recall_quantifier_object_is_what_was_said(nlp) -> None:
    text = "Maria Lopez has proposed nothing that would lower the bridge tolls."
    assert recalled_quotes(nlp, text) == [
        ("nothing that would lower the bridge tolls", "proposed", "Maria Lopez")
    ]


def test_quotes_recall_personal_pronoun_object_is_no_content(nlp) -> None:
    assert recalled_quotes(nlp, "Maria Lopez said it twice.") == []


def test_quotes_recall_rule_line_read_as_object_is_ignored(nlp) -> None:
    # the parser hangs a closing "___" line on the verb as its object
    text = "Maria Lopez did not immediately respond to requests for comment.  ___.  "
    assert recalled_quotes(nlp, text) == [("requests for comment", "respond", "Maria Lopez")]


def test_quotes_recall_interest_raised_in_others_is_no_stance(nlp) -> None:
    text = "Maria Lopez said little. The program is cultivating new interest in the harbour's history."
    assert [content for content, _, _ in recalled_quotes(nlp, text)] == []


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready for this fight!" her cousin and campaign manager, state Sen. Maria "Mimi" Lopez '
        "(D-Springfield), shouted.",
        '"Nobody listens to the farmers!" the mayor\'s older sister and the county clerk, Maria Lopez of Oak '
        "Ridge, Texas, told reporters.",
    ],
)
def test_quotes_recall_cue_after_long_subject(nlp, text: str) -> None:
    doc = nlp(text)
    end = text.index("!") + 2
    cue = find_nearby_cue(doc, 0, end, [(0, end)], (0, len(text)))
    assert cue is not None and cue.text in ("shouted", "told")


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez's conclusion that the dam was poorly built angered the builders.",
            "that the dam was poorly built",
            "conclusion",
        ),
        (
            "Maria Lopez's repeated emphasis that the budget was balanced annoyed the board.",
            "that the budget was balanced",
            "emphasis",
        ),
    ],
)
def test_quotes_recall_realizing_noun_that_clause(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez's sense of humor won the crowd over.",
        "Maria Lopez's recognition of the new state surprised her allies.",
    ],
)
def test_quotes_recall_realizing_noun_preposition_is_no_attribution(nlp, text: str) -> None:
    assert recalled_quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The difference now, Maria Lopez told me on Friday, is that the river keeps rising every spring.",
        "The trouble now, Maria Lopez told me on Friday, is that the school has no money.",
    ],
)
def test_quotes_recall_aside_after_subject_reports_its_clause(nlp, text: str) -> None:
    found = [
        (content, cue) for content, cue, speaker in recalled_quotes(nlp, text) if speaker == "Maria Lopez"
    ]
    assert [cue for _, cue in found] == ["told"]
    assert found[0][0].startswith("The ") and found[0][0].endswith(text[-12:-1])


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Maria Lopez took offence at rumours that she had rigged the count.",
            "rumours that she had rigged the count",
        ),
        (
            "Maria Lopez took offense on Monday at claims that the mill was unsafe.",
            "claims that the mill was unsafe",
        ),
    ],
)
def test_quotes_recall_stance_noun_preposition_on_light_verb(nlp, text: str, content: str) -> None:
    assert content in [found for found, _, speaker in recalled_quotes(nlp, text) if speaker == "Maria Lopez"]


def test_quotes_recall_quoted_words_in_a_reported_clause_stay_with_its_reporter(nlp) -> None:
    """ "X said the mayor thinks the toll is a “quiet tax”": a clause of thought reported by another cue
    is part of that statement even when it holds quoted words; no second attribution of it."""
    text = "Maria Lopez said the mayor thinks the new toll is a “quiet tax” on the fishermen."
    found = recalled_quotes(nlp, text)
    assert ("the mayor thinks the new toll is a “quiet tax” on the fishermen", "said", "Maria Lopez") in found
    assert not any(cue == "thinks" for _, cue, _ in found)


def test_quotes_recall_named_term_in_a_reported_clause_stays_its_own(nlp) -> None:
    """ "condemned what the mayor called a “reckless gamble”": the namer's term is attributed apart."""
    text = "Maria Lopez condemned what the mayor called a “reckless gamble” with the harbour."
    assert any(cue == "called" for _, cue, _ in recalled_quotes(nlp, text))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez agreed with the mayor about the new toll.",
            "with the mayor about the new toll",
            "agreed",
        ),
        (
            "Maria Lopez sided with the fishermen on the harbour fees.",
            "with the fishermen on the harbour fees",
            "sided",
        ),
    ],
)
def test_quotes_recall_agreeing_with_someone(nlp, text: str, content: str, cue: str) -> None:
    """Whom the source agrees (or sides) with, and what about, is the view it holds."""
    assert (content, cue, "Maria Lopez") in recalled_quotes(nlp, text)
