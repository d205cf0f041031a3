"""Citron's span metrics (storyline.evaluate.quote_spans) on small hand-computed examples."""

from __future__ import annotations

import pytest

from storyline.evaluate.quote_spans import SpanTally, number_tokens, tokens_of
from storyline.evaluate.quotes import Attribution

SHARED_SOURCE = "Smith said the plan works and added that costs fell."
NO_SOURCE = "\u201cPrices will rise,\u201d it was announced on Monday."
TRANSCRIPT = "WALLACE: Are you ready?\nPENCE: We are ready."


def at(text: str, phrase: str, nth: int = 0) -> tuple[tuple[int, int], ...]:
    """The span of the nth occurrence of phrase in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return ((start, start + len(phrase)),)


def attribution(text: str, content: str, cue: str | None, source: str | None) -> Attribution:
    return Attribution(at(text, content), at(text, cue) if cue else (), at(text, source) if source else ())


def score(text: str, predicted: list[Attribution], gold: list[Attribution]) -> dict[str, float]:
    tally = SpanTally()
    tally.add(text, predicted, gold)
    return tally.scores()


def test_spans_tokens_are_words_and_each_punctuation_mark() -> None:
    text = "He said: \u201cNo, never.\u201d"
    numbers = number_tokens(text)
    # He | said | : | “ | No | , | never | . | ”
    assert max(numbers) + 1 == 9
    assert numbers[text.index("said")] == numbers[text.index("said") + 3] == 1
    assert numbers[text.index(" ")] == -1


@pytest.mark.parametrize(
    ("phrase", "count"),
    [
        ("\u201cNo, never.\u201d", 2),  # marks and comma ignored when the span holds words
        ("No, never", 2),
        ("ever", 1),  # a word touched by the span belongs to it
        (":", 1),  # a span of punctuation alone is its marks
    ],
)
def test_spans_tokens_of_a_span(phrase: str, count: int) -> None:
    text = "He said: \u201cNo, never.\u201d"
    assert len(tokens_of(text, number_tokens(text), at(text, phrase))) == count


def test_spans_quotation_marks_and_comma_do_not_break_exact() -> None:
    text = "\u201cThe plan works,\u201d Smith said."
    predicted = [Attribution(at(text, "The plan works"), at(text, "said"), at(text, "Smith"))]
    gold = [Attribution(at(text, "\u201cThe plan works,\u201d"), at(text, "said"), at(text, "Smith"))]
    assert score(text, predicted, gold)["quote_exact_f1"] == 1.0


def test_spans_shared_source_counts_each_token_once() -> None:
    # two gold attributions share the source 'Smith'; the prediction repeats them exactly. Citron sums
    # the source overlap over the 2 x 2 pairs: 4 tokens against lengths of 2, precision and recall 2.0.
    gold = [
        attribution(SHARED_SOURCE, "the plan works", "said", "Smith"),
        attribution(SHARED_SOURCE, "costs fell", "added", "Smith"),
    ]
    scores = score(SHARED_SOURCE, list(gold), gold)
    assert (scores["source_overlap_p"], scores["source_overlap_r"]) == (1.0, 1.0)
    assert scores["quote_exact_f1"] == 1.0


def test_spans_shared_source_one_prediction_for_two_gold() -> None:
    gold = [
        attribution(SHARED_SOURCE, "the plan works", "said", "Smith"),
        attribution(SHARED_SOURCE, "costs fell", "added", "Smith"),
    ]
    predicted = [attribution(SHARED_SOURCE, "the plan works", "said", "Smith")]
    scores = score(SHARED_SOURCE, predicted, gold)
    # overlap: the predicted 'Smith' lies in gold (1/1); each gold 'Smith' lies in the prediction (2/2)
    assert (scores["source_overlap_p"], scores["source_overlap_r"]) == (1.0, 1.0)
    # exact: the prediction is right (cue 'said' overlaps, same source); 'added' has no prediction: 1/2 found
    assert (scores["source_exact_p"], scores["source_exact_r"], scores["source_exact_f1"]) == (
        1.0,
        0.5,
        0.667,
    )
    # content overlap: 3 predicted words all gold; gold words 'the plan works costs fell' 3 of 5 predicted
    assert (scores["content_overlap_p"], scores["content_overlap_r"]) == (1.0, 0.6)


def test_spans_no_source_on_both_sides_is_an_exact_source() -> None:
    gold = [attribution(NO_SOURCE, "Prices will rise", "announced", None)]
    predicted = [attribution(NO_SOURCE, "Prices will rise", "announced", None)]
    scores = score(NO_SOURCE, predicted, gold)
    assert scores["source_exact_f1"] == 1.0
    assert scores["quote_exact_f1"] == 1.0
    # no source token on either side: overlap has nothing to measure
    assert scores["source_overlap_f1"] == 0.0


def test_spans_source_where_gold_has_none_is_wrong() -> None:
    gold = [attribution(NO_SOURCE, "Prices will rise", "announced", None)]
    predicted = [attribution(NO_SOURCE, "Prices will rise", "announced", "it")]
    scores = score(NO_SOURCE, predicted, gold)
    assert (scores["source_exact_p"], scores["source_exact_r"]) == (0.0, 0.0)
    assert scores["source_overlap_p"] == 0.0
    assert scores["content_exact_f1"] == 1.0
    assert scores["quote_exact_f1"] == 0.0


def test_spans_prediction_without_cue_is_never_exact() -> None:
    text = "\u201cWe won,\u201d she said."
    gold = [attribution(text, "We won", "said", "she")]
    predicted = [attribution(text, "We won", None, "she")]
    scores = score(text, predicted, gold)
    assert (scores["content_exact_f1"], scores["source_exact_f1"], scores["cue_exact_f1"]) == (0.0, 0.0, 0.0)
    # overlap does not look at cues
    assert scores["content_overlap_f1"] == 1.0


def test_spans_overlapping_cue_links_but_only_the_same_cue_is_exact() -> None:
    text = "Smith has said that the plan works."
    gold = [attribution(text, "the plan works", "has said", "Smith")]
    predicted = [attribution(text, "the plan works", "said", "Smith")]
    scores = score(text, predicted, gold)
    assert (scores["content_exact_f1"], scores["source_exact_f1"]) == (1.0, 1.0)
    assert (scores["cue_exact_f1"], scores["quote_exact_f1"]) == (0.0, 0.0)
    # cue overlap: 'said' in gold (1/1); gold 'has said' half predicted (1/2)
    assert (scores["cue_overlap_p"], scores["cue_overlap_r"], scores["cue_overlap_f1"]) == (1.0, 0.5, 0.667)


def test_spans_partial_content_overlap() -> None:
    text = "Smith said the plan works very well indeed."
    gold = [attribution(text, "the plan works very well indeed", "said", "Smith")]
    predicted = [attribution(text, "plan works", "said", "Smith")]
    scores = score(text, predicted, gold)
    assert (scores["content_overlap_p"], scores["content_overlap_r"], scores["content_overlap_f1"]) == (
        1.0,
        0.333,
        0.5,
    )
    assert scores["content_exact_f1"] == 0.0


def test_spans_colon_cue_of_a_transcript_matches() -> None:
    gold = [
        attribution(TRANSCRIPT, "Are you ready?", ":", "WALLACE"),
        Attribution(at(TRANSCRIPT, "We are ready."), at(TRANSCRIPT, ":", 1), at(TRANSCRIPT, "PENCE")),
    ]
    predicted = [Attribution(at(TRANSCRIPT, "We are ready"), at(TRANSCRIPT, ":", 1), at(TRANSCRIPT, "PENCE"))]
    scores = score(TRANSCRIPT, predicted, gold)
    assert (scores["cue_exact_p"], scores["cue_exact_r"]) == (1.0, 0.5)
    assert (scores["quote_exact_p"], scores["quote_exact_r"]) == (1.0, 0.5)


def test_spans_tally_sums_tokens_over_texts() -> None:
    first = "Smith said the plan works."
    second = "Jones said costs fell very sharply today."
    tally = SpanTally()
    right = attribution(first, "the plan works", "said", "Smith")
    tally.add(first, [right], [right])
    tally.add(
        second,
        [attribution(second, "costs", "said", "Jones")],
        [attribution(second, "costs fell very sharply today", "said", "Jones")],
    )
    scores = tally.scores()
    # tokens pooled: (3 + 1) of (3 + 5) gold words found, not the mean of 3/3 and 1/5 (0.6)
    assert (scores["content_overlap_p"], scores["content_overlap_r"]) == (1.0, 0.5)
    # attributions pooled: 1 of 2 quotes exact on each side
    assert (scores["quote_exact_p"], scores["quote_exact_r"]) == (0.5, 0.5)
