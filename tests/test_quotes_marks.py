"""Quotation-mark pairing and quote shapes: pure text, no spaCy."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.stages.quotes.kinds import is_nickname, is_title, stands_alone, trim_trailing_comma
from storyline.stages.quotes.marks import find_marked_spans, split_paragraphs, with_apostrophe_marks


def quoted_words(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_marked_spans(text, split_paragraphs(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWe will win,\u201d she said.", ["We will win,"]),
        ('"We will win," she said.', ["We will win,"]),
        ("He called it a \u201cfarce\u201d and left.", ["farce"]),
        ("\u201cFirst part,\u201d he said. \u201cSecond part.\u201d", ["First part,", "Second part."]),
        # A curly quote inside a straight one is nested, not a quote of its own.
        (
            '"She asked: \u201cwhy now?\u201d and left," he said.',
            ["She asked: \u201cwhy now?\u201d and left,"],
        ),
        # Single-quote speech, with apostrophes that must not close it.
        ("The sign read \u2018Don\u2019t stop\u2019 in red.", ["Don\u2019t stop"]),
        # Straight marks in pairs alternate even when a comma sticks to the opening one.
        ('Jo said," it works". Then "more".', ["it works", "more"]),
        # Mixed families: a closing mark of the other family closes when none of its own is left.
        ('\u201cDeals are not a requirement," the chairman said.', ["Deals are not a requirement,"]),
        ('"Oz has a huge pulpit,\u201d said the professor.', ["Oz has a huge pulpit,"]),
        # An opening mark misprinted as a closing one still opens when it starts a word.
        ("\u201dFear. I am afraid.\u201d \u2015 Jo Ruiz", ["Fear. I am afraid."]),
    ],
)
def test_quotes_marks_pairs_within_paragraph(text: str, expected: list[str]) -> None:
    assert quoted_words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("''We will win,'' Lopez said.", ["We will win,"]),
        ("She called it ''a fair deal'' on Monday.", ["a fair deal"]),
        ("Four apostrophes '''' and rock 'n' roll are no marks.", []),
    ],
)
def test_quotes_marks_two_apostrophes_are_a_double_mark(text: str, expected: list[str]) -> None:
    view = with_apostrophe_marks(text)
    assert len(view) == len(text)
    spans = find_marked_spans(view, split_paragraphs(view))
    assert [text[span.start : span.end] for span in spans] == expected


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        # the region runs from the opening mark to past the closing one, spaces inside the marks included
        ("She said \u201c we will win \u201d today.", "\u201c we will win \u201d"),
        ("She called it ''a fair deal'' on Monday.", "''a fair deal''"),
        ("The sign read \u2018Don\u2019t stop\u2019 in red.", "\u2018Don\u2019t stop\u2019"),
    ],
)
def test_quotes_marks_region_holds_both_marks(text: str, marked: str) -> None:
    view = with_apostrophe_marks(text)
    (span,) = find_marked_spans(view, split_paragraphs(view), text)
    assert text[span.marks[0] : span.marks[1]] == marked


def test_quotes_marks_recovered_mark_leaves_region_at_words() -> None:
    text = "We stay here,\u201d he said."
    (span,) = find_marked_spans(text, split_paragraphs(text))
    assert text[span.marks[0] : span.marks[1]] == "We stay here,\u201d"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote of the same family inside a quote: its closing mark does not close the outer one
        (
            "\u201cWe never asked for what she calls \u201creform\u201d in this town.\u201d",
            ["We never asked for what she calls \u201creform\u201d in this town."],
        ),
        # one closing mark left for two opening ones: the first quote was never closed
        (
            "\u201cFirst sentence. Trailing words \u201cSecond quote.\u201d",
            ["First sentence.", "Second quote."],
        ),
    ],
)
def test_quotes_marks_same_family_nested_quote_does_not_close(text: str, expected: list[str]) -> None:
    assert quoted_words(text) == expected


def test_quotes_marks_multi_paragraph_quote_is_chained() -> None:
    text = "\u201cOne paragraph.\n\u201cAnother paragraph.\n\u201cThe end,\u201d she said.\nAfter it, \u201cnext\u201d word."
    spans = find_marked_spans(text, split_paragraphs(text))
    words = [text[span.start : span.end] for span in spans]
    assert words == ["One paragraph.", "Another paragraph.", "The end,", "next"]
    assert len({span.chain for span in spans[:3]}) == 1
    assert spans[3].chain != spans[0].chain


def test_quotes_marks_unclosed_quote_stays_in_its_paragraph() -> None:
    text = "He said \u201cthis never closes.\nA plain paragraph with a \u201cpair\u201d in it."
    assert quoted_words(text) == ["this never closes.", "pair"]


def test_quotes_marks_missing_opening_mark_recovered_from_paragraph_start() -> None:
    text = "We stay here,\u201d he said."
    assert quoted_words(text) == ["We stay here,"]


def test_quotes_marks_second_opening_closes_first_at_full_stop() -> None:
    text = "\u201cFirst sentence. Trailing words \u201cSecond quote.\u201d"
    assert quoted_words(text) == ["First sentence.", "Second quote."]


@given(st.text(alphabet=st.sampled_from(list('ab .,\n"\u201c\u201d\u2018\u2019')), max_size=80))
def test_quotes_marks_never_fail_and_spans_stay_inside_text(text: str) -> None:
    paragraphs = split_paragraphs(text)
    for span in find_marked_spans(text, paragraphs):
        assert 0 <= span.start < span.end <= len(text)
        assert any(start <= span.start and span.end <= end for start, end in paragraphs)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("Make Our Town Great Again", True),
        ("One Hundred Years of Solitude", True),
        ("You are great.", False),
        ("scam", False),
        ("Why Now?", False),
    ],
)
def test_quotes_kinds_titles_are_not_quotes(words: str, expected: bool) -> None:
    assert is_title(words) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cIt works,\u201d she said.", True),
        ("She said: \u201cIt works.\u201d", True),
        ("She called it a \u201cdisaster\u201d yesterday.", False),
        ("They \u201csqueezed workers\u201d to raise the price.", False),
        # a whole quote that ends on a quote of its own
        ("\u201cHer answer was, \u2018maybe later,\u2019\u201d he said.", True),
    ],
)
def test_quotes_kinds_stands_alone(text: str, expected: bool) -> None:
    start = text.index("\u201c") + 1
    end = text.index("\u201d")
    assert stands_alone(text, start, end, (0, len(text))) is expected


def test_quotes_kinds_trailing_comma_belongs_to_attribution() -> None:
    text = "It works, "
    assert text[: trim_trailing_comma(text, 0, len(text))] == "It works"


def test_quotes_kinds_misprinted_opening_mark_stands_alone() -> None:
    text = "\u201dFear. I am afraid.\u201d \u2015 Jo Ruiz"
    assert stands_alone(text, 1, text.rindex("\u201d"), (0, len(text)))


def test_quotes_polnear_gold_kind_reads_misprinted_opening_mark() -> None:
    from storyline.evaluate.polnear import content_kind, quoted_regions

    text = "\u201dFear. I am afraid.\u201d \u2015 Jo Ruiz"
    assert content_kind(text, ((1, 19),), quoted_regions(text)) == "direct"


def test_quotes_marks_closing_mark_misprinted_as_opening_closes() -> None:
    text = "\u201cFor young people the rate is 51 percent.\u201c\nThe next paragraph."
    spans = find_marked_spans(text, split_paragraphs(text))
    assert [(text[span.start : span.end], span.closed) for span in spans] == [
        ("For young people the rate is 51 percent.", True)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Rep. Anna C. "Annie" Ortiz opened the meeting.', True),
        ("Councillor Marcus \u201cMac\u201d Dowd spoke first.", True),
        ('He said "Hello" to them.', False),
        ("the so-called \u201cFreedom\u201d Party", False),
        ('Jo Lee called it "Terrible" on Monday.', False),
    ],
)
def test_quotes_kinds_nickname_inside_a_name_is_no_quote(text: str, expected: bool) -> None:
    span = find_marked_spans(text, split_paragraphs(text))[0]
    assert is_nickname(text, span.start, span.end) is expected


def test_quotes_marks_nested_pair_of_other_family_does_not_close() -> None:
    # A straight-quoted paragraph that never closes (a pasted transcript) holding a curly-quoted title:
    # the title's closing mark closes the title, not the paragraph's quote.
    text = '"SMITH: As \u201cThe Journal\u201d wrote, the plan is late.\n"JONES: It is not late.'
    assert quoted_words(text)[:2] == [
        "SMITH: As \u201cThe Journal\u201d wrote, the plan is late.",
        "JONES: It is not late.",
    ]
