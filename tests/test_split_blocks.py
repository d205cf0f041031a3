"""Line kinds and the blocks finer than a line (caption + credit, dateline + body)."""

from __future__ import annotations

import pytest

from storyline.models import Block
from storyline.split.blocks import classify_line, classify_lines, iter_lines


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Recommended Stories", "boilerplate"),
        ("list of 3 itemsend of list", "boilerplate"),
        ("Advertisement", "boilerplate"),
        ("Share", "boilerplate"),
        ("Read more", "boilerplate"),
        ("Sign up for our newsletter", "boilerplate"),
        ("Photo: Jane Smith/AP", "credit"),
        ("By Jane Doe", "byline"),
        ("Jane Doe, Reuters", "byline"),
        ("Friday, July 21, 2017", "dateline"),
        ("Published on: Fri, 11 Nov 2011 at 09:56 IST", "dateline"),
        ("Updated: November 11, 2011 18:50 IST", "dateline"),
        ("A White House charm offensive", "heading"),
        ("A turning point in a tense relationship?", "heading"),
        ("‘A quiet, effective cooperation’", "heading"),
        ("The minister spoke to reporters at the airport on Monday.", "body"),
        ("“The less noise there is around the relationship the better.”", "body"),
        ("How did the minister explain the delay to the committee members in the end, after all that?", "body"),
        ("The president speaks at a news conference in the capital on May 3 [Jane Smith/AP]", "caption"),
        ("The president addresses the General Assembly in 2022 [File: John Doe/Reuters]", "caption"),
        ("Protesters gather outside the court on Monday. Image: Jane Smith.", "caption"),
        ("The mayor (left) greets residents outside the town hall.", "caption"),
        ("“The mayor (left) will greet you,” she said. “Then we go.” He nodded. They left.", "body"),
    ],
)
def test_split_classifies_line(line: str, kind: str) -> None:
    assert classify_line(line) == kind


def _blocks(text: str) -> list[tuple[str, str]]:
    return [(block.kind, text[block.start:block.end]) for line in classify_lines(text) for block in line.blocks]


def test_split_cuts_caption_credit_into_its_own_block() -> None:
    text = "Lead paragraph of the report goes here.\nThe mayor waves to supporters in the square [File: Ana Ruiz/AP]\n"
    assert _blocks(text)[1:] == [
        ("caption", "The mayor waves to supporters in the square"),
        ("credit", "[File: Ana Ruiz/AP]"),
    ]


@pytest.mark.parametrize(
    ("lead", "dateline"),
    [
        ("BOGOTA, Colombia — President Smith is scheduled to host a regional summit this week.", "BOGOTA, Colombia —"),
        ("WASHINGTON (AP) — The Senate voted on Tuesday to extend the program for two more years.", "WASHINGTON (AP) —"),
        ("LONDON, Feb. 3 (Reuters) - Shares in the bank rose sharply after it reported record profits.",
         "LONDON, Feb. 3 (Reuters) -"),
        ("Taipei, Taiwan — The city lantern festival was off to a bright start on Saturday night.", "Taipei, Taiwan —"),
    ],
)
def test_split_cuts_dateline_prefix_from_lead(lead: str, dateline: str) -> None:
    blocks = _blocks("Some headline for the story\n" + lead)
    assert blocks[1] == ("dateline", dateline)
    assert blocks[2][0] == "body"
    assert blocks[2][1] == lead[len(dateline):].strip()


def test_split_reads_title_case_dateline_only_under_a_headline() -> None:
    under_headline = _blocks("Navy foils attack at sea\nNew Delhi: An Indian warship foiled a pirate attack on Friday.")
    mid_text = _blocks("The officer spoke at length.\nNew Delhi: An Indian warship foiled a pirate attack on Friday.")
    assert under_headline[1] == ("dateline", "New Delhi:")
    assert mid_text[1][0] == "body"


def test_split_heading_needs_text_below_it() -> None:
    lines = classify_lines("The minister spoke on Monday about the plan.\nA closing phrase")
    assert [line.kind for line in lines] == ["body", "body"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", []),
        ("\n\n  \n", []),
        ("one", [(0, 0, 3)]),
        ("  one  \r\n\ntwo\n", [(0, 2, 5), (2, 10, 13)]),
    ],
)
def test_split_iter_lines_trims_and_skips_blank_lines(text: str, expected: list[tuple[int, int, int]]) -> None:
    assert list(iter_lines(text)) == expected


def test_split_markup_blocks_set_the_kind() -> None:
    text = "Where the river meets the sea\nThe town woke to floods on Monday morning."
    lines = classify_lines(text, (Block(0, 29, "caption"),))
    assert [line.kind for line in lines] == ["caption", "body"]
