"""Reported speech sieves of the quote stage: prepositional contents and verbs of stance, case by case."""

from __future__ import annotations

import pytest

from quote_finds import indirect_quotes, unattributed_quotes
from storyline.pipeline import load_nlp
from storyline.stages.quotes import extract_quotes


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez accused him of hiding the report.", "hiding the report", "accused"),
        (
            "Maria Lopez has called for cutting the corporate tax rate.",
            "cutting the corporate tax rate",
            "called",
        ),
        ("Maria Lopez responded by blaming the weather.", "blaming the weather", "responded"),
        ("Maria Lopez complained about the noise of the trucks.", "the noise of the trucks", "complained"),
    ],
)
def test_quotes_reported_prepositional_content(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez disputes the idea that the bridge is unsafe.",
            "the idea that the bridge is unsafe",
            "disputes",
        ),
        ("Maria Lopez expressed interest in further talks.", "interest in further talks", "expressed"),
        ("Maria Lopez outlined her plan for the harbour.", "her plan for the harbour", "outlined"),
    ],
)
def test_quotes_reported_stance_verb_object(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez accused him.",  # a pronoun object and nothing said about it
        "Maria Lopez walked to the harbour.",  # no verb of saying or stance
    ],
)
def test_quotes_reported_nothing_without_content(nlp, text: str) -> None:
    assert indirect_quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "The mayor has been criticized for cutting the bus routes.",
            "The mayor has been criticized for cutting the bus routes",
            "criticized",
        ),
        (
            "The council was accused of hiding the budget.",
            "The council was accused of hiding the budget",
            "accused",
        ),
    ],
)
def test_quotes_reported_passive_judgement_without_agent(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue) in unattributed_quotes(nlp, text)


def test_quotes_reported_writer_first_person_is_a_speaker(nlp) -> None:
    assert ("that the bridge is unsafe", "believe") in unattributed_quotes(
        nlp, "I believe that the bridge is unsafe."
    )


def test_quotes_reported_participle_noun_speaks(nlp) -> None:
    text = "The council sent a letter criticizing the new toll."
    found = [(q.text, q.speaker.mention) for q in extract_quotes(nlp(text)) if q.kind == "indirect"]
    assert [(content, text[slice(*mention)]) for content, mention in found if mention] == [
        ("the new toll", "The council")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The council sent a series of letters criticizing the new toll.",
        "The council mailed a batch of letters criticizing the new toll.",
    ],
)
def test_quotes_reported_participle_on_a_series_speaks_for_its_sender(nlp, text: str) -> None:
    found = [(q.text, q.speaker.mention) for q in extract_quotes(nlp(text)) if q.kind == "indirect"]
    assert [(content, text[slice(*mention)]) for content, mention in found if mention] == [
        ("the new toll", "The council")
    ]


def test_quotes_reported_attack_on_a_place_is_not_speech(nlp) -> None:
    assert unattributed_quotes(nlp, "Last year the army attacked Ukraine in the spring.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "In this poll, the mayor rose two points since May.",
            "the mayor rose two points since May",
            "In",
            "this poll",
        ),
        (
            "Polling averages show the mayor with a small lead.",
            "the mayor with a small lead",
            "show",
            "Polling averages",
        ),
        (
            "In one of the new surveys, the mayor leads the race by four points.",
            "the mayor leads the race by four points",
            "In",
            "one of the new surveys",
        ),
        # a count of the evidence, whatever its noun, is the evidence
        (
            "In a series of new polls, the mayor leads the race by four points.",
            "the mayor leads the race by four points",
            "In",
            "a series of new polls",
        ),
        (
            "In a pair of polls released Monday, the mayor leads the race by four points.",
            "the mayor leads the race by four points",
            "In",
            "a pair of polls released Monday",
        ),
    ],
)
def test_quotes_evidence_is_attributed_to_the_poll(
    nlp, text: str, content: str, cue: str, source: str
) -> None:
    found = [
        (
            q.text,
            q.cue.text if q.cue else None,
            text[slice(*q.speaker.mention)] if q.speaker.mention else None,
        )
        for q in extract_quotes(nlp(text))
        if q.kind == "indirect"
    ]
    assert found == [(content, cue, source)]


@pytest.mark.parametrize(
    "text",
    ["In the morning, the mayor left for the harbour.", "The team showed the visitors the new harbour."],
)
def test_quotes_evidence_needs_an_evidence_noun(nlp, text: str) -> None:
    assert unattributed_quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "In the wake of the new survey, the mayor resigned from the council.",
        "In the course of the study, the mayor resigned from the council.",
        "In the midst of new surveys, the mayor resigned from the council.",
    ],
)
def test_quotes_evidence_phrase_around_a_poll_is_no_source(nlp, text: str) -> None:
    """Only a part of the evidence ("one of the polls") stands for it, not a time around it."""
    assert unattributed_quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Critics see the program as a loophole for the rich.",
            "the program as a loophole for the rich",
            "see",
        ),
        ("The mayor told reporters that the bridge was safe.", "that the bridge was safe", "told"),
    ],
)
def test_quotes_reported_view_and_clause_of_telling(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue) in unattributed_quotes(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor will tell the truth about the bridge.",  # what is told is no clause
        "The mayor continued to walk across the new bridge.",  # continuing is no saying
    ],
)
def test_quotes_reported_no_content_without_clause(nlp, text: str) -> None:
    assert unattributed_quotes(nlp, text) == []


def test_quotes_signature_glued_to_its_mark_names_the_speaker(nlp) -> None:
    text = "\u201cI am tired of people who promise everything and do nothing.\u201d\u2015 Rosa Medina"
    quote = next(q for q in extract_quotes(nlp(text)) if q.kind == "direct")
    assert (quote.speaker.name, text[slice(*quote.speaker.mention)]) == ("Rosa Medina", "Rosa Medina")


def test_quotes_lead_in_paragraph_ending_in_colon_names_the_speaker(nlp) -> None:
    text = "The mayor spoke at the harbour on Friday. She said:\n\u201cWe will rebuild the bridge before the winter.\u201d"
    quote = next(q for q in extract_quotes(nlp(text)) if q.kind == "direct")
    assert (
        quote.cue.text if quote.cue else None,
        text[slice(*quote.speaker.mention)] if quote.speaker.mention else None,
    ) == (
        "said",
        "She",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWe will finish the road,\u201d Harbor police Chief Ray Nolan said Monday.", "Nolan"),
        ("\u201cWe will finish the road,\u201d and then the mayor left and said nothing.", None),
    ],
)
def test_quotes_noun_phrase_between_quote_and_cue(nlp, text: str, expected: str | None) -> None:
    from storyline.stages.quotes.cues import noun_phrase_between

    doc = nlp(text)
    cue = next(token for token in doc if token.text == "said")
    found = noun_phrase_between(doc, text.index("\u201d"), cue)
    assert (found.text if found is not None else None) == expected


def test_quotes_as_aside_attributes_its_clause(nlp) -> None:
    text = "As one adviser pointed out, the island rarely gets two storms in a row."
    assert ("the island rarely gets two storms in a row", "pointed out") in unattributed_quotes(nlp, text)


def test_quotes_as_clause_of_an_act_is_no_aside(nlp) -> None:
    assert unattributed_quotes(nlp, "The crowd cheered as the mayor signed the bill on Friday.") == []


def test_quotes_passive_subject_is_not_the_source(nlp) -> None:
    text = "The new bridge is expected to open in the spring."
    quotes = [q for q in extract_quotes(nlp(text)) if q.kind == "indirect"]
    assert [(q.cue.text if q.cue else None, q.speaker.mention) for q in quotes] == [("expected", None)]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("“What does this mean?” Maria Lopez asked the shaman.", "the shaman"),  # the one asked
        ("Maria Lopez asked Peter Grant about the budget.", "Peter Grant"),
        ("Maria Lopez conceded territory to the rebels in 1998.", "territory"),  # a thing handed over
        ("Maria Lopez recounted this experience in her book.", "this experience"),
        ("Maria Lopez agreed to a diplomatic posting in Rome.", "a diplomatic posting in Rome"),
        ("Maria Lopez signed a port agreement with Panama on Tuesday.", "Tuesday"),  # when, not what
        ("Maria Lopez vowed to defend the harbour.", "the harbour"),  # force, not words
    ],
)
def test_quotes_reported_object_that_is_no_content(nlp, text: str, wrong: str) -> None:
    assert wrong not in [content for content, _, _ in indirect_quotes(nlp, text)]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez asked a question about the budget.", "a question about the budget", "asked"),
        ("Maria Lopez conceded the point after the debate.", "the point", "conceded"),
        ("Maria Lopez recounted the story of her arrest.", "the story of her arrest", "recounted"),
        ("Maria Lopez agreed to a ceasefire with the rebels.", "a ceasefire with the rebels", "agreed"),
        (
            "Maria Lopez defended the decision to close the port.",
            "the decision to close the port",
            "defended",
        ),
        ("Maria Lopez commented on the plan.", "the plan", "commented"),
    ],
)
def test_quotes_reported_object_that_names_content(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez hoped the bridge would open in May.", "the bridge would open in May", "hoped"),
        (
            "Maria Lopez is hoping that the bridge will open in May.",
            "that the bridge will open in May",
            "hoping",
        ),
        ("Maria Lopez rated the bridge as unsafe.", "the bridge as unsafe", "rated"),
    ],
)
def test_quotes_reported_misread_lemma_cue(nlp, text: str, content: str, cue: str) -> None:
    """The lemmatizer reads "hoped" as "hop" and "rated" as "rat": the cue is found all the same."""
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez made a strong condemnation of the missile test.",
            "the missile test",
            "made a strong condemnation of",
        ),
        (
            "Maria Lopez has serious reservations about the new bridge.",
            "the new bridge",
            "has serious reservations about",
        ),
        (
            "Maria Lopez drafted a proposal for a second bridge.",
            "a second bridge",
            "drafted a proposal for",
        ),
        (
            "Maria Lopez made a surprise decision to close the harbour.",
            "to close the harbour",
            "made a surprise decision",
        ),
    ],
)
def test_quotes_reported_stance_noun_of_subject(nlp, text: str, content: str, cue: str) -> None:
    """A noun of stance in a verb's object cues its complement; the verb's subject holds the stance."""
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez had several questions for the harbour master.",
        "Maria Lopez painted the view of the river.",
        "Maria Lopez has no plans to sell the bridge.",
    ],
)
def test_quotes_reported_stance_noun_without_content(nlp, text: str) -> None:
    """The addressee of questions, the view of a place and unrealised plans are no attributed content."""
    assert indirect_quotes(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez spoke to reporters in the harbour.",
        "Maria Lopez tried to answer the phone.",
        "Maria Lopez would see her taxes go up next year.",
    ],
)
def test_quotes_reported_no_content_after_addressee_attempt_or_perception(nlp, text: str) -> None:
    """Whom one speaks to, an attempt to act and what one sees happen are not attributed content."""
    assert indirect_quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez seems to have left the town.", "Maria Lopez seems to have left the town", "seems"),
        (
            "The bridge to Maria Lopez's farm looks unsafe.",
            "The bridge to Maria Lopez's farm looks unsafe",
            "looks",
        ),
        ("It is clear that Maria Lopez left the town.", "that Maria Lopez left the town", "It is clear"),
    ],
)
def test_quotes_reported_appearance_has_no_holder(nlp, text: str, content: str, cue: str) -> None:
    """How things seem, with no one named it seems so to, is the writer's judgement: no speaker."""
    assert (content, cue, None) in indirect_quotes(nlp, text)


def test_quotes_reported_appearance_of_purpose_is_no_view(nlp) -> None:
    """'looks to buy' is an aim, not an appearance."""
    assert indirect_quotes(nlp, "Maria Lopez looks to buy the harbour.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez talked about rebuilding the harbour.", "rebuilding the harbour", "talked"),
        ("Maria Lopez apologized for her remarks on the bridge.", "her remarks on the bridge", "apologized"),
        ("Maria Lopez bristled at the question about taxes.", "the question about taxes", "bristled"),
        ("Maria Lopez worried about the cost of the bridge.", "the cost of the bridge", "worried"),
    ],
)
def test_quotes_reported_prepositional_stance_verb(nlp, text: str, content: str, cue: str) -> None:
    """Verbs of talking, attitude and thought whose content is their prepositional object."""
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


def test_quotes_reported_talking_with_names_company(nlp) -> None:
    assert indirect_quotes(nlp, "Maria Lopez talked with police leaders in the harbour.") == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez likened the new bridge to a trap.", "the new bridge to a trap", "likened"),
        ("As Maria Lopez put it, the new bridge is a trap.", "the new bridge is a trap", "put"),
    ],
)
def test_quotes_reported_comparison_and_put_it(nlp, text: str, content: str, cue: str) -> None:
    """Both sides of a likening are its content; "as X put it" is an aside of saying."""
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


def test_quotes_reported_putting_things_is_no_saying(nlp) -> None:
    assert indirect_quotes(nlp, "Maria Lopez put the boxes in the harbour.") == []


def test_quotes_reported_nested_attribution_stays_in_outer_content(nlp) -> None:
    """What the outer source reports someone else believes is part of the outer statement."""
    found = indirect_quotes(nlp, "Maria Lopez said that the mayor believes the bridge is unsafe.")
    assert found == [("that the mayor believes the bridge is unsafe", "said", "Maria Lopez")]


def test_quotes_reported_any_verb_with_that_clause(nlp) -> None:
    """A verb outside the lexicons still reports a clause it opens with "that"."""
    found = indirect_quotes(nlp, "Maria Lopez ruled that the bridge would close.")
    assert ("that the bridge would close", "ruled", "Maria Lopez") in found


def test_quotes_reported_ensuring_is_no_saying(nlp) -> None:
    assert indirect_quotes(nlp, "Maria Lopez will ensure that the bridge is safe.") == []


def test_quotes_reported_clause_misread_as_relative_of_addressee(nlp) -> None:
    """ "told a meeting of workers that few people grasped ...": the parser reads the clause as
    relative to the addressee, but its "that" opens what was said."""
    text = (
        "At the port last month, Maria Lopez told a meeting of dock workers that few people grasped the cost."
    )
    assert ("that few people grasped the cost", "told", "Maria Lopez") in indirect_quotes(nlp, text)


def test_quotes_reported_stance_noun_owned_by_agent(nlp) -> None:
    """ "the decision by X to ...": the agent of a noun of stance holds it."""
    found = indirect_quotes(nlp, "The decision by Maria Lopez to close the harbour angered the fishermen.")
    assert ("to close the harbour", "decision", "Maria Lopez") in found


def test_quotes_reported_clause_behind_semicolon_is_another_statement(nlp) -> None:
    """ "It is unlikely; X says she will return": the clause after the cue is what X says."""
    found = indirect_quotes(nlp, "The harbour stays shut; Maria Lopez says the bridge will open in May.")
    assert found == [("the bridge will open in May", "says", "Maria Lopez")]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Maria Lopez wants policies that lower the harbour fees.",
            "policies that lower the harbour fees",
            "wants",
        ),
        ("Maria Lopez despises the new toll on the bridge.", "the new toll on the bridge", "despises"),
    ],
)
def test_quotes_reported_object_of_wanting_or_feeling(nlp, text: str, content: str, cue: str) -> None:
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)


def test_quotes_reported_passive_without_agent_has_no_speaker(nlp) -> None:
    """ "A curfew was announced": what was said, by someone the text does not name."""
    found = indirect_quotes(nlp, "After Maria Lopez left, a curfew was announced for the harbour.")
    assert ("a curfew", "announced", None) in found


def test_quotes_reported_cue_under_adjective_takes_its_verbs_subject(nlp) -> None:
    """ "was able to tout ...": the speaker of a cue under an adjective is the adjective's verb's subject."""
    found = indirect_quotes(nlp, "Maria Lopez was able to tout her record on the harbour.")
    assert ("her record on the harbour", "tout", "Maria Lopez") in found


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Asked about the bridge, Maria Lopez said nothing.", "the bridge", None),
        ("Pressed by Maria Lopez about the bridge, the mayor left.", "the bridge", "Maria Lopez"),
    ],
)
def test_quotes_reported_asked_aside(nlp, text: str, content: str, speaker: str | None) -> None:
    """A participle of asking before its clause: what was asked, by its agent or by someone unnamed."""
    assert any(c == content and s == speaker for c, _, s in indirect_quotes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez sang to the crowd at the harbour.",
        "Maria Lopez pitched herself to the voters of the harbour town.",
    ],
)
def test_quotes_reported_to_after_a_verb_of_saying_names_the_addressee(nlp, text: str) -> None:
    """ "sang to the crowd": whom it is sung or pitched to is not what is said."""
    assert indirect_quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Maria Lopez pointed to the new report on the harbour.", "the new report on the harbour", "pointed"),
        (
            "Maria Lopez responded to the charges against the council.",
            "the charges against the council",
            "responded",
        ),
    ],
)
def test_quotes_reported_to_after_a_verb_of_reacting_is_its_content(
    nlp, text: str, content: str, cue: str
) -> None:
    assert (content, cue, "Maria Lopez") in indirect_quotes(nlp, text)
