"""Attributions in an article's headline: an explicit cue and a named subject, or 'Name: claim'; nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.models import Block, RawItem
from storyline.pipeline import load_nlp
from storyline.split import split_item
from storyline.stages.quotes import extract_quotes
from storyline.stages.quotes.headlines import after_kicker, find_headline, is_title_case, with_single_marks

STORY = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "story.txt"
BODY = "The council met on Monday to discuss the budget."


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def headline_quotes(nlp, headline: str, first: str = "heading") -> list[tuple[str, str, str]]:
    """(content, cue, speaker words) of the quotes found in `headline`, set above a one-line body."""
    text = f"{headline}\n{BODY}"
    blocks = (Block(0, len(headline), first), Block(len(headline) + 1, len(text), "body"))
    found = []
    for quote in extract_quotes(nlp(text), blocks):
        if quote.end <= len(headline):
            speaker = text[slice(*quote.speaker.mention)] if quote.speaker.mention else ""
            found.append((quote.text, quote.cue.text if quote.cue else "", speaker))
    return found


@pytest.mark.parametrize(
    ("headline", "speaker", "cue"),
    [
        ("Mayor Ellen Park says the city will cut bus fares next year", "Mayor Ellen Park", "says"),
        ("Senator Alan Briggs Says Budget Talks Have Collapsed", "Senator Alan Briggs", "Says"),
        ("Budget Talks Have Collapsed, Senator Alan Briggs Says", "Senator Alan Briggs", "Says"),
        ("Governor Ruth Odell urges residents to leave the coast", "Governor Ruth Odell", "urges"),
    ],
)
def test_quotes_headline_attributes_cue_with_named_subject(
    nlp, headline: str, speaker: str, cue: str
) -> None:
    found = headline_quotes(nlp, headline)
    assert [(found_cue, found_speaker) for _, found_cue, found_speaker in found] == [(cue, speaker)]


@pytest.mark.parametrize(
    ("headline", "content", "speaker"),
    [
        (
            "Maria Delgado: The Party Must Win Back Rural Voters",
            "The Party Must Win Back Rural Voters",
            "Maria Delgado",
        ),
        (
            "Tomas Ferreira: markets will recover by the spring",
            "markets will recover by the spring",
            "Tomas Ferreira",
        ),
    ],
)
def test_quotes_headline_attributes_name_colon_claim(nlp, headline: str, content: str, speaker: str) -> None:
    assert headline_quotes(nlp, headline) == [(content, ":", speaker)]


def test_quotes_headline_relative_speaker_named_through_antecedent(nlp) -> None:
    found = headline_quotes(nlp, "Senator Alan Briggs endorses Mayor Ellen Park, who says she is honored")
    assert ("she is honored", "says", "who") in found
    assert ("Mayor Ellen Park", "endorses", "Senator Alan Briggs") in found


def test_quotes_headline_name_on_topic_colon_claim(nlp) -> None:
    found = headline_quotes(nlp, "Maria Delgado on Rural Voters: The Party Must Win Them Back")
    assert [(content, cue) for content, cue, _ in found] == [("The Party Must Win Them Back", ":")]
    assert found[0][2].startswith("Maria Delgado")


@pytest.mark.parametrize(
    ("headline", "clause"),
    [
        (
            "The Latest: Mayor Park urges drivers to avoid the bridge",
            "Mayor Park urges drivers to avoid the bridge",
        ),
        (
            "Mayor Ellen Park says the city will cut bus fares",
            "Mayor Ellen Park says the city will cut bus fares",
        ),
        (
            "A Bold Plan to Save the Harbour: Sell the Docks",
            "A Bold Plan to Save the Harbour: Sell the Docks",
        ),
    ],
)
def test_quotes_headline_reported_clause_starts_after_short_kicker(nlp, headline: str, clause: str) -> None:
    # The parser can take a kicker ("The Latest:") for the subject of the verb after the colon.
    start, end = after_kicker(nlp(headline), headline, (0, len(headline)))
    assert headline[start:end].strip() == clause


@pytest.mark.parametrize(
    "headline",
    [
        "Flood Waters Rise in River Towns as Rain Continues",  # no cue
        "The Latest: Storm heads for the coast",  # no name before the colon
        "Stealth Over Budget: Council Was Warned Twice",  # capitalised words, but no name
        "Critics say the stadium plan is too expensive",  # a cue, but nobody named
        "‘We Will Not Back Down From This Fight’",  # the headline as a whole quote
    ],
)
def test_quotes_headline_without_cue_and_name_gives_nothing(nlp, headline: str) -> None:
    assert headline_quotes(nlp, headline) == []


def test_quotes_headline_caption_is_no_headline(nlp) -> None:
    assert headline_quotes(nlp, "Senator Alan Briggs Says Budget Talks Have Collapsed", first="caption") == []


def test_quotes_headline_section_heading_after_body_is_no_headline() -> None:
    blocks = (Block(0, 10, "body"), Block(11, 40, "heading"), Block(41, 60, "body"))
    assert find_headline(blocks) is None
    assert find_headline((Block(0, 5, "boilerplate"), Block(6, 40, "heading"))) == (6, 40)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mayor Sees 'Grave Mistake' if Voters Don't Back the Bridge", True),
        ("Briggs says Park 'completely wrong' in calling the harbour a ruin", False),
        ("Small Steps", False),
    ],
)
def test_quotes_headline_title_case(text: str, expected: bool) -> None:
    assert is_title_case(text) is expected


@pytest.mark.skipif(not STORY.exists(), reason="reference story ../shared/seed/story.txt is absent")
def test_quotes_headline_story_headings_give_nothing(nlp) -> None:
    # Every heading, caption and boilerplate line of the reference story, even read as an article's
    # headline, attributes nothing: none has a cue with a named subject or a 'Name:' form.
    articles = split_item(RawItem(source=str(STORY), text=STORY.read_text(encoding="utf-8"), format="text"))
    lines = {
        article.text[block.start : block.end]
        for article in articles
        for block in article.blocks
        if block.kind in ("heading", "boilerplate")
    }
    assert len(lines) >= 20
    assert {line: headline_quotes(nlp, line) for line in lines if headline_quotes(nlp, line)} == {}


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        (
            "Mayor Ellen Park: 'We will rebuild the pier.'",
            [("We will rebuild the pier.", ":", "Mayor Ellen Park")],
        ),
        ("Senator Alan Briggs: 'The deal is dead'", [("The deal is dead", ":", "Senator Alan Briggs")]),
    ],
)
def test_quotes_headline_straight_single_marks_quote(
    nlp, headline: str, expected: list[tuple[str, str, str]]
) -> None:
    assert headline_quotes(nlp, headline) == expected


@pytest.mark.parametrize(
    ("headline", "view"),
    [
        ("Park Calls Budget 'A Shambles'", "Park Calls Budget \u2018A Shambles\u2019"),
        ("Park: 'Don't leave town' tonight", "Park: \u2018Don't leave town\u2019 tonight"),
        # apostrophes: inside a word, after a plural, and a letter standing for a word
        ("Union leaders' talks don't resume", "Union leaders' talks don't resume"),
        ("Rock 'n' roll hall reopens", "Rock 'n' roll hall reopens"),
    ],
)
def test_quotes_headline_single_marks_view_keeps_apostrophes(headline: str, view: str) -> None:
    text = f"{headline}\nBody text 'not a headline' here."
    assert with_single_marks(text, (0, len(headline))) == f"{view}\nBody text 'not a headline' here."
