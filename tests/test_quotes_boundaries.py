"""Where one attribution ends and the next begins: a reported clause that runs on over the speaker's
second statement is cut there; a quote takes the cue that introduces it, not a neighbour's."""

from __future__ import annotations

import pytest

from storyline.models import Entity
from storyline.pipeline import load_nlp
from storyline.stages.quotes import extract_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def reported(nlp, text: str) -> list[tuple[str, str, str]]:
    """(cue, content, speaker words) of every indirect or mixed quote."""
    return [
        (quote.cue.text if quote.cue else "", quote.text, text[slice(*quote.speaker.mention)])
        for quote in extract_quotes(nlp(text))
        if quote.kind in ("indirect", "mixed") and quote.speaker.mention
    ]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The mayor said she would order a full review of the city's flood defenses and warned against "
            "building near the river.",
            ("said", "she would order a full review of the city's flood defenses"),
            ("warned", "against building near the river"),
        ),
        (
            "Senator Maria Ortiz said she did not believe the scandal cost them the election, arguing that "
            "it was the weak economy that hurt them most.",
            ("said", "she did not believe the scandal cost them the election"),
            ("arguing", "that it was the weak economy that hurt them most"),
        ),
    ],
)
def test_quotes_runon_second_cue_of_speaker_is_its_own_attribution(
    nlp, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = {(cue, content) for cue, content, _ in reported(nlp, text)}
    assert first in found and second in found


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The mayor refuses to release the report or explain why the bridge closed.",
            ("refuses", "to release the report"),
            ("explain", "why the bridge closed"),
        ),
        (
            "The senator said the vote was fair, though she noted that turnout was low.",
            ("said", "the vote was fair"),
            ("noted", "that turnout was low"),
        ),
    ],
)
def test_quotes_runon_alternative_and_concession_are_their_own_attributions(
    nlp, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = {(cue, content) for cue, content, _ in reported(nlp, text)}
    assert first in found and second in found


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The agency plans to discuss the launch, which state media claimed was a complete success.",
            ("discuss", "the launch"),
            ("claimed", "state media"),
        ),
        (
            "The mayor said the bridge would reopen in May and critics argued that the repairs were rushed.",
            ("said", "The mayor"),
            ("argued", "critics"),
        ),
    ],
)
def test_quotes_runon_second_source_is_its_own_attribution(
    nlp, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = {(cue, speaker) for cue, _, speaker in reported(nlp, text)}
    assert second in found
    assert all(second[0] not in content.split() for cue, content, _ in reported(nlp, text) if cue == first[0])


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The minister said prices rose in March and wages fell in April.",
            "prices rose in March and wages fell in April",
        ),
        (
            "The union said the council would meet on Friday and vote on the plan.",
            "the council would meet on Friday and vote on the plan",
        ),
    ],
)
def test_quotes_runon_keeps_a_clause_without_second_cue(nlp, text: str, content: str) -> None:
    assert [found for _, found, _ in reported(nlp, text)] == [content]


def direct_cues(nlp, text: str) -> list[tuple[str, str]]:
    """(quoted words, cue) of every direct quote."""
    return [
        (quote.text, quote.cue.text if quote.cue else "")
        for quote in extract_quotes(nlp(text))
        if quote.kind == "direct"
    ]


@pytest.mark.parametrize(
    ("text", "words", "cue"),
    [
        (
            "\u201cWe cannot afford this anymore,\u201d the minister said, adding later, \u201cThe budget is "
            "simply too small for a project of this size.\u201d",
            "The budget is simply too small for a project of this size.",
            "adding",
        ),
        (
            'The senator attacked the mayor for the new tax, saying, "He is reckless and very unfair."',
            "He is reckless and very unfair.",
            "saying",
        ),
    ],
)
def test_quotes_participle_before_quote_is_its_cue(nlp, text: str, words: str, cue: str) -> None:
    assert (words, cue) in direct_cues(nlp, text)


def test_quotes_cue_never_taken_from_next_paragraph(nlp) -> None:
    # The parser runs this sentence on over the paragraph break and hangs "noted" on "said".
    text = '"It is a waste of time," said Sen. Ana Ruiz of the Virgin Islands.\n\nDemocrats repeatedly noted that the panel had already heard him.'
    assert direct_cues(nlp, text) == [("It is a waste of time", "said")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The report used one of the nurse\u2019s remarks as its title: \u201cNobody listens to us anymore.\u201d",
            "The report",
        ),
        ('The mayor is rolling out a new and more personal slogan: "It is about all of us."', "The mayor"),
    ],
)
def test_quotes_clause_ending_in_colon_names_the_speaker(nlp, text: str, speaker: str) -> None:
    quotes = [quote for quote in extract_quotes(nlp(text)) if quote.kind == "direct"]
    assert [
        (quote.cue.text if quote.cue else None, text[slice(*quote.speaker.mention)]) for quote in quotes
    ] == [(":", speaker)]


def test_quotes_colon_without_a_clause_names_nobody(nlp) -> None:
    text = "The sign on the door was short. Three words: \u201cMake it stop.\u201d"
    assert [quote.speaker.mention for quote in extract_quotes(nlp(text)) if quote.kind == "direct"] == [None]


def test_quotes_lead_in_clause_ending_in_colon_names_the_speaker(nlp) -> None:
    text = (
        "On Monday, the senator made the following comment:\n\u201cYoung people are out of work in every "
        "town I visit.\u201d"
    )
    quotes = [quote for quote in extract_quotes(nlp(text)) if quote.kind == "direct"]
    assert [
        (quote.cue.text if quote.cue else None, text[slice(*quote.speaker.mention)]) for quote in quotes
    ] == [(":", "the senator")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The governor added:\nIt is typical of the council. They know nothing about the budget.",
            [("It is typical of the council. They know nothing about the budget.", "added", "The governor")],
        ),
        ("The plan has three parts:\nCut taxes for small firms and build two schools.", []),
    ],
)
def test_quotes_block_quote_after_cue_and_colon(nlp, text: str, expected: list[tuple[str, str, str]]) -> None:
    quotes = [quote for quote in extract_quotes(nlp(text)) if quote.kind == "direct"]
    assert [
        (quote.text, quote.cue.text if quote.cue else "", text[slice(*quote.speaker.mention)])
        for quote in quotes
    ] == expected


def test_quotes_transcript_continuation_takes_the_nearest_turn(nlp) -> None:
    # A transcript pasted as one long quote (no closing marks): a paragraph with no label continues the
    # turn right before it, not the first turn of the chain.
    text = (
        '"SMITH: Let us start with the budget for next year.\n\n"JONES: Well, the budget is too small for '
        'the city.\n\n"And the council knows it very well.\n\n"SMITH: Thank you for coming in today.'
    )
    speakers = [(quote.text, quote.speaker.name) for quote in extract_quotes(nlp(text))]
    assert ("And the council knows it very well.", "JONES") in speakers


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "The governor claimed that cutting the budget was wise, although she again refused to release "
            "the audit before the vote.",
            ("claimed", "that cutting the budget was wise"),
            ("refused", "to release the audit before the vote"),
        ),
    ],
)
def test_quotes_runon_concessive_clause_of_any_cue_is_its_own_attribution(
    nlp, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = {(cue, content) for cue, content, _ in reported(nlp, text)}
    assert first in found and second in found


def test_quotes_cue_of_next_sentence_is_not_a_closed_quotes_cue(nlp) -> None:
    text = (
        "My uncle kept asking until I gave in: \u201cFine, the plan is good. I was only joking.\u201d "
        "To which he replied, \u201cThen we start on Monday.\u201d"
    )
    cues = dict(direct_cues(nlp, text))
    assert cues["Then we start on Monday."] == "replied"
    assert cues["Fine, the plan is good. I was only joking."] != "replied"


@pytest.mark.parametrize(
    "text",
    [
        "\u201cWhy would anyone vote for that?\u201d Lee asked the crowd.",
        "\u201cWe will never give up the port,\u201d Lee said.",
    ],
)
def test_quotes_cue_after_a_question_or_comma_stays_the_quotes(nlp, text: str) -> None:
    assert [cue for _, cue in direct_cues(nlp, text)] in (["asked"], ["said"])


def test_quotes_quote_takes_the_cue_it_completes(nlp) -> None:
    text = (
        "She said the rule would not cover fathers, and when pressed on why, the 34-year-old nurse replied, "
        '"It is meant to help the mother who has given birth to the child."'
    )
    assert direct_cues(nlp, text) == [
        ("It is meant to help the mother who has given birth to the child.", "replied")
    ]


def test_quotes_partial_quote_of_the_same_speaker_inside_her_statement_is_part_of_it(nlp) -> None:
    text = "Maria Lopez said she could speak \u201cdirectly to the tenants\u201d before the vote."
    lopez = Entity("e0", "Maria Lopez", "PERSON", ((0, 11),))
    found = [(q.kind, q.text, q.cue.text if q.cue else "") for q in extract_quotes(nlp(text), None, (lopez,))]
    assert [row for row in found if row[0] == "partial"] == []
    assert any(kind == "mixed" and cue == "said" and "tenants" in words for kind, words, cue in found)


@pytest.mark.parametrize(
    "text",
    [
        "The minister called the offer ''a fair deal'' on Monday.",
        "''We will not move,'' the union leader said.",
    ],
)
def test_quotes_quoted_region_holds_two_apostrophe_marks(nlp, text: str) -> None:
    from storyline.stages.quotes.extract import find_marked
    from storyline.stages.quotes.marks import split_paragraphs, with_apostrophe_marks

    view = with_apostrophe_marks(text)
    _, quoted = find_marked(nlp(text), view, split_paragraphs(view))
    assert quoted == [(text.index("''"), text.rindex("''") + 2)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The governor criticized the agency for its slow response to the flood.",
            "criticized",
            "the agency for its slow response to the flood",
        ),
        (
            "Union leaders blamed the board for the layoffs at the plant.",
            "blamed",
            "the board for the layoffs at the plant",
        ),
        # a time is when the judgement was made, not its grounds
        ("The coach praised the team for two years.", "praised", "the team"),
        # ... whether or not the entity recognizer tags it: a noun of time, or all of something
        ("Fans mocked the referee for the whole match.", "mocked", "the referee"),
        ("Critics praised the coach for a while.", "praised", "the coach"),
    ],
)
def test_quotes_judgement_content_holds_its_grounds(nlp, text: str, cue: str, content: str) -> None:
    assert (cue, content) in {(c, words) for c, words, _ in reported(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor said the plan was \u201ca costly mistake.\u201d",
            [("mixed", "said", "the plan was \u201ca costly mistake.\u201d")],
        ),
        (
            "The union called the offer \u201can insult.\u201d",
            [("mixed", "called", "the offer \u201can insult.\u201d")],
        ),
    ],
)
def test_quotes_clause_ending_in_quotation_holds_it_whole(
    nlp, text: str, expected: list[tuple[str, str, str]]
) -> None:
    # the full stop inside the marks neither leaves the marked words a second record nor cuts the clause
    # between the words and the closing mark
    assert [(q.kind, q.cue.text if q.cue else "", q.text) for q in extract_quotes(nlp(text))] == expected


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The auditors branded the merger a costly blunder.", "branded", "the merger a costly blunder"),
        # an apposition after a comma is part of the first object's phrase, no second object
        (
            "The senator endorsed the governor, a longtime ally of the union.",
            "endorsed",
            "the governor, a longtime ally of the union",
        ),
    ],
)
def test_quotes_content_holds_second_object(nlp, text: str, cue: str, content: str) -> None:
    assert (cue, content) in {(c, words) for c, words, _ in reported(nlp, text)}


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The neighbours, for their part, argue about whether the road should be widened.",
            "argue",
            "whether the road should be widened",
        ),
        ("At the hearing, the residents complained about the noise.", "complained", "the noise"),
    ],
)
def test_quotes_prepositional_content_follows_its_verb(nlp, text: str, cue: str, content: str) -> None:
    found = [(quote.cue.text, quote.text) for quote in extract_quotes(nlp(text)) if quote.cue]
    assert found == [(cue, content)]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "The club outlined a plan at the meeting to rebuild the stand.",
            "outlined",
            "a plan at the meeting to rebuild the stand",
        ),
        # an infinitive of purpose after a noun that names no plan stays out
        ("The mayor announced the cuts to save money.", "announced", "the cuts"),
    ],
)
def test_quotes_plan_content_holds_its_infinitive(nlp, text: str, cue: str, content: str) -> None:
    assert (cue, content) in {(c, words) for c, words, _ in reported(nlp, text)}


def test_quotes_bracketed_clause_is_no_complement_of_verb_outside(nlp) -> None:
    text = "Teachers want smaller classes next year (they argue that pupils learn more)."
    found = {(cue, content, speaker) for cue, content, speaker in reported(nlp, text)}
    assert ("want", "smaller classes next year", "Teachers") in found
    assert ("argue", "that pupils learn more", "they") in found


def test_quotes_runon_cue_verb_hung_on_participle_is_second_statement(nlp) -> None:
    # "ask" coordinates with "criticize" (like forms), though the parser hangs it on the participle "cutting"
    text = "The mayor will criticize the board for cutting the budget and ask residents to attend the hearing."
    found = {(cue, content) for cue, content, _ in reported(nlp, text)}
    assert ("criticize", "the board for cutting the budget") in found
    assert ("ask", "residents to attend the hearing") in found
