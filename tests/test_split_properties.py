"""Properties of splitting: no character lost or duplicated, offsets round-trip, no input makes it raise."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.models import BLOCK_KINDS, RawItem
from storyline.split import split_item

LINES = st.sampled_from(
    [
        "Floods force thousands from homes in river valley",
        "BOGOTA, Colombia — The president is scheduled to host a regional summit this week in the capital.",
        "The mayor waves to supporters in the square on May 3 [File: Ana Ruiz/AP]",
        "“I thought it was terrific,” he said.",
        "Recommended Stories",
        "By Jane Doe",
        "Friday, July 21, 2017",
        "In 2007, Maria Lopez was visiting the capital when she made an unusual request.",
        "He said the damage to roads and bridges would take months to repair.",
        "A turning point?",
        "",
        "   ",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=40).map("\n".join),
    st.lists(LINES, max_size=60).map("\r\n".join),
)


def _check(item: RawItem) -> None:
    articles = split_item(item)
    position = 0
    for article in articles:
        start, end = article.source_span[0] - item.source_offset, article.source_span[1] - item.source_offset
        assert start >= position, "articles overlap or run backwards"
        assert item.text[position:start].strip() == "", "a gap between articles holds text"
        assert article.text == item.text[start:end]
        position = end
        previous_end = 0
        for block in article.blocks:
            assert block.kind in BLOCK_KINDS
            assert previous_end <= block.start < block.end <= len(article.text)
            assert article.text[block.start:block.end].strip() == article.text[block.start:block.end]
            previous_end = block.end
    assert item.text[position:].strip() == "", "text after the last article was lost"


@given(TEXTS, st.integers(min_value=0, max_value=10_000))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_split_loses_no_character_and_offsets_round_trip(text: str, offset: int) -> None:
    _check(RawItem("t", text, "text", source_offset=offset))


@given(TEXTS)
@settings(max_examples=100, deadline=None)
def test_split_blocks_cover_every_nonblank_line(text: str) -> None:
    articles = split_item(RawItem("t", text, "text"))
    covered = sum(len(article.text[b.start:b.end]) for article in articles for b in article.blocks)
    # Every non-blank line is in some block; blocks drop only the whitespace around lines and parts.
    nonblank = sum(len(line.strip()) for line in text.split("\n"))
    assert covered <= nonblank
    assert all(
        any(line.strip() in article.text for article in articles) for line in text.split("\n") if line.strip()
    )


def test_split_never_raises_on_odd_inputs() -> None:
    odd = ["", " ", "\n" * 50, "x" * 200_000, "\x00\x01\x02\ufffd" * 1000, "\u2028\u2029\x0b\x0c" * 100, "]" * 500]
    for text in odd:
        _check(RawItem("t", text, "text"))


def test_split_is_fast_on_megabytes() -> None:
    paragraph = (
        "The council met on Tuesday and agreed on the plan, officials said, after months of debate over costs.\n"
        "Flood defences\n"
        "“We will build the wall,” said Maria Lopez, the mayor. “It will take two years.”\n"
        "Heavy rain over the weekend pushed the river over its banks on Sunday, forcing residents to leave.\n"
    )
    text = paragraph * 8000  # about 3 MB
    began = time.perf_counter()
    articles = split_item(RawItem("t", text, "text"))
    assert articles
    assert time.perf_counter() - began < 30
