"""Predicted and gold attributions of one text -> span P/R/F1 as Citron defines them (cue, source, content, quote).

These are the figures Citron (BBC, github.com/bbc/citron, citron/metrics.py) publishes for PARC 3.0, computed here
from its definitions so that storyline and textacy can be read beside them. They differ from the attribution
metrics of `quotes.py`, which pair whole attributions one to one by content:

- EXACT, per component (cue, source, content): a predicted attribution is right when some gold attribution
  has a cue that overlaps its cue (shares a token) and the same tokens in that component (for the cue itself:
  the same cue tokens). A gold attribution is found when some predicted one is right for it in the same sense.
  No one-to-one pairing. An attribution without a cue can therefore never be right; two without a source
  have the same (empty) source.
- "All quote spans" EXACT: the same cue, the same source and the same content.
- OVERLAP, per component: tokens. Precision = the tokens of each predicted attribution's component that
  lie in some gold attribution's component, over the tokens of all predicted components; recall the other
  way round.

Tokens are words: a maximal run of letters and digits (`str.isalnum`) is one token, every other character
that is not a space is a token of its own, and a token belongs to a span when any of its characters does. A
span is its words; only a span with no word at all (the colon cue of a transcript, "WALLACE: ...") is its
punctuation. Citron counts spaCy tokens, punctuation included; here, as in `quotes.py`, quotation marks and the
comma before "he said" never decide a match, because PolNeAR's annotators and the quote stage disagree on
them and they carry no words. Comparing sets of tokens also makes a content split in two adjacent pieces
equal to the same content in one piece.

Where this differs from Citron, and why: Citron sums the overlap over every predicted x gold pair, so a token
is counted once per attribution on the other side that contains it. When two gold attributions share one
source span ("..., he said, adding that ..."), a predicted source on it counts twice against a length counted
once, and precision or recall can pass 1. Here each token of one side is counted once, against the union of
the other side's tokens in the same text. Likewise for EXACT recall, Citron divides the predicted attributions
found right by themselves plus the gold ones missed; here recall is gold found over gold, so that a gold
attribution is counted once however many predictions match it. Both readings agree when no span is shared
and no gold attribution is matched twice. Last, Citron's overlap test also joins spans that only touch (one
ending where the other starts); here two cues overlap only when they share a token.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

Spans = tuple[tuple[int, int], ...]
COMPONENTS = ("cue", "source", "content")

# Citron's published figures for its en_2021-11-15 model on the PARC 3.0 test partition (models/en_2021-11-15/
# README.md): other data than PolNeAR, printed beside our table as the reference issue 3 quotes, not compared.
CITRON_PARC3 = {
    "cue_exact_f1": 0.823,
    "cue_overlap_f1": 0.768,
    "source_exact_f1": 0.82,
    "source_overlap_f1": 0.853,
    "content_exact_f1": 0.593,
    "content_overlap_f1": 0.833,
    "quote_exact_f1": 0.567,
}


class SpannedAttribution(Protocol):
    @property
    def content(self) -> Spans: ...
    @property
    def cue(self) -> Spans: ...
    @property
    def source(self) -> Spans: ...


@dataclass(frozen=True)
class Tokens:
    """One attribution as the token numbers of each of its components."""

    cue: frozenset[int]
    source: frozenset[int]
    content: frozenset[int]


def number_tokens(text: str) -> list[int]:
    """For every character, the number of its token (a word, or one punctuation mark), -1 for spaces."""
    numbers, current, in_word = [], -1, False
    for char in text:
        if char.isspace():
            in_word = False
            numbers.append(-1)
            continue
        if not (char.isalnum() and in_word):
            current += 1
        in_word = char.isalnum()
        numbers.append(current)
    return numbers


def tokens_of(text: str, numbers: Sequence[int], spans: Spans) -> frozenset[int]:
    """The words the spans touch; their punctuation marks only when they touch no word."""
    indices = [i for start, end in spans for i in range(start, end) if numbers[i] >= 0]
    words = frozenset(numbers[i] for i in indices if text[i].isalnum())
    return words or frozenset(numbers[i] for i in indices)


def to_tokens(text: str, numbers: Sequence[int], attribution: SpannedAttribution) -> Tokens:
    return Tokens(
        tokens_of(text, numbers, attribution.cue),
        tokens_of(text, numbers, attribution.source),
        tokens_of(text, numbers, attribution.content),
    )


def same_cue(predicted: Tokens, gold: Tokens) -> bool:
    return bool(predicted.cue) and predicted.cue == gold.cue


def linked_same(component: str) -> Callable[[Tokens, Tokens], bool]:
    """Right on one component: the cues overlap and that component has the same tokens."""

    def same(predicted: Tokens, gold: Tokens) -> bool:
        return bool(predicted.cue & gold.cue) and getattr(predicted, component) == getattr(gold, component)

    return same


def same_quote(predicted: Tokens, gold: Tokens) -> bool:
    return same_cue(predicted, gold) and predicted.source == gold.source and predicted.content == gold.content


EXACT_TESTS: dict[str, Callable[[Tokens, Tokens], bool]] = {
    "cue": same_cue,
    "source": linked_same("source"),
    "content": linked_same("content"),
    "quote": same_quote,
}


@dataclass
class Counts:
    """hits/total on each side: predicted right over predicted, gold found over gold."""

    predicted_hits: int = 0
    predicted: int = 0
    gold_hits: int = 0
    gold: int = 0

    def scores(self, name: str) -> dict[str, float]:
        precision = self.predicted_hits / self.predicted if self.predicted else 0.0
        recall = self.gold_hits / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {f"{name}_p": round(precision, 3), f"{name}_r": round(recall, 3), f"{name}_f1": round(f1, 3)}


def count_exact(
    predicted: Sequence[Tokens], gold: Sequence[Tokens], same: Callable[[Tokens, Tokens], bool]
) -> Counts:
    return Counts(
        sum(any(same(p, g) for g in gold) for p in predicted),
        len(predicted),
        sum(any(same(p, g) for p in predicted) for g in gold),
        len(gold),
    )


def count_overlap(predicted: Sequence[Tokens], gold: Sequence[Tokens], component: str) -> Counts:
    """Each side's tokens of `component`, attribution by attribution, against the union of the other side's."""
    predicted_tokens = [getattr(p, component) for p in predicted]
    gold_tokens = [getattr(g, component) for g in gold]
    all_predicted = frozenset().union(*predicted_tokens)
    all_gold = frozenset().union(*gold_tokens)
    return Counts(
        sum(len(words & all_gold) for words in predicted_tokens),
        sum(len(words) for words in predicted_tokens),
        sum(len(words & all_predicted) for words in gold_tokens),
        sum(len(words) for words in gold_tokens),
    )


@dataclass
class SpanTally:
    """Citron's span metrics summed over texts."""

    exact: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in EXACT_TESTS})
    overlap: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in COMPONENTS})

    def add(
        self, text: str, predicted: Sequence[SpannedAttribution], gold: Sequence[SpannedAttribution]
    ) -> None:
        numbers = number_tokens(text)
        predicted_tokens = [to_tokens(text, numbers, p) for p in predicted]
        gold_tokens = [to_tokens(text, numbers, g) for g in gold]
        for name, same in EXACT_TESTS.items():
            add_counts(self.exact[name], count_exact(predicted_tokens, gold_tokens, same))
        for name in COMPONENTS:
            add_counts(self.overlap[name], count_overlap(predicted_tokens, gold_tokens, name))

    def scores(self) -> dict[str, float]:
        found: dict[str, float] = {}
        for name in COMPONENTS:
            found |= self.exact[name].scores(f"{name}_exact")
            found |= self.overlap[name].scores(f"{name}_overlap")
        found |= self.exact["quote"].scores("quote_exact")
        return found


def add_counts(total: Counts, more: Counts) -> None:
    total.predicted_hits += more.predicted_hits
    total.predicted += more.predicted
    total.gold_hits += more.gold_hits
    total.gold += more.gold
