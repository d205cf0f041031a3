"""The coreference scorer against textbook examples worked by hand."""

from __future__ import annotations

from fractions import Fraction

import pytest

from storyline.evaluate.coref_metrics import (
    b_cubed,
    ceaf_e,
    max_assignment,
    muc,
    score_clusterings,
    score_documents,
    without_singletons,
)

# Pradhan et al. 2014 ("Scoring coreference partitions of predicted mentions"), Figure 1: key and response
# share mentions a-g; the response adds twinless h and i.
KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


@pytest.mark.parametrize(
    ("metric", "recall", "precision"),
    [
        (muc, Fraction(2, 5), Fraction(2, 5)),
        (b_cubed, Fraction(35, 84), Fraction(4, 8)),
        (ceaf_e, Fraction(13, 20), Fraction(13, 30)),
    ],
)
def test_metrics_match_pradhan_2014_example(metric, recall, precision):
    score = metric(KEY, RESPONSE)
    assert score.recall == pytest.approx(float(recall))
    assert score.precision == pytest.approx(float(precision))


def test_muc_vilain_1995_split_chain():
    score = muc([frozenset("ABCD")], [frozenset("AB"), frozenset("CD")])
    assert (score.recall, score.precision) == (pytest.approx(2 / 3), 1.0)


def test_identical_clusterings_score_one():
    scores = score_clusterings(KEY, KEY)
    assert scores.conll_f1 == pytest.approx(1.0)


def test_all_singleton_response_has_no_muc_links():
    score = muc([frozenset("abcd")], [frozenset(x) for x in "abcd"])
    assert score.recall == 0.0


def test_b_cubed_all_singletons_recall_is_one_over_n():
    score = b_cubed([frozenset("abcd")], [frozenset(x) for x in "abcd"])
    assert score.recall == pytest.approx(0.25)
    assert score.precision == pytest.approx(1.0)


def test_conll_f1_is_mean_of_three_f1():
    scores = score_clusterings(KEY, RESPONSE)
    assert scores.conll_f1 == pytest.approx((scores.muc.f1 + scores.b_cubed.f1 + scores.ceaf_e.f1) / 3)


@pytest.mark.parametrize(
    ("weights", "best"),
    [
        ([[1.0]], 1.0),
        ([[0.8, 0.4, 0.0], [0.0, 1 / 3, 0.5]], 1.3),
        ([[1, 2, 3], [2, 4, 6], [3, 6, 9]], 14),
        ([[0.0, 0.9], [0.9, 0.1], [0.5, 0.5]], 1.8),
    ],
)
def test_max_assignment_finds_best_matching(weights, best):
    assert max_assignment(weights) == pytest.approx(best)


def test_documents_are_scored_apart():
    # The same mention ids in two documents must not be pooled into one cluster.
    pairs = [([frozenset("ab")], [frozenset("ab")]), ([frozenset("ab")], [frozenset("a"), frozenset("b")])]
    assert score_documents(pairs).muc.recall == pytest.approx(0.5)


def test_without_singletons_drops_one_mention_clusters():
    assert without_singletons([{"a"}, {"b", "c"}]) == [frozenset("bc")]
