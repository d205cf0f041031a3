"""The first figure stage: number parsing, units, qualifiers and measures on real parses."""

from __future__ import annotations

import pytest

from storyline.ids import article_id
from storyline.models import Article, Published
from storyline.pipeline import load_nlp
from storyline.stages.figures import find_figures, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("276,000", 276000), ("2.5 billion", 2.5e9), ("six", 6), ("68 percent", 68), ("$5 million", 5e6),
     ("tens of thousands", None), (".5", 0.5)],
)
def test_figures_parse_number(text, value):
    assert parse_number(text) == value


def _figures(text: str):
    article = Article(article_id(text), "t", None, None, Published(), text, ())
    return find_figures(load_nlp()(text), article)


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier"),
    [
        ("Colombia is responsible for 68 percent of the global supply.", 68, "percent", None),
        ("Police seized nearly 14 tonnes of cocaine last year.", 14, "t", "nearly"),
        ("Production has surged by at least 65% since then.", 65, "percent", "at least"),
        ("The farmers replaced about 74,100 acres of crops.", 74100, "acre", "about"),
    ],
)
def test_figures_find_value_unit_and_qualifier(sentence, value, unit, qualifier):
    (figure,) = _figures(sentence)
    assert (figure.value, figure.unit, figure.qualifier) == (value, unit, qualifier)
    assert sentence[figure.start:figure.end] == figure.text


def test_figures_measure_is_the_counted_noun():
    (figure,) = _figures("The agency destroyed 18,000 laboratories in the south.")
    assert figure.measure == "laboratories"


def test_figures_skip_counting_words():
    assert _figures("The two leaders met one of his critics.") == []


def test_figures_leave_numbers_inside_dates_to_the_timexes():
    import storyline

    (analysis,) = storyline.analyze_text(
        "The court ruled on October 24, 202 that 13 ministers had left in three months.", one_article=True
    )
    assert [f.text for f in analysis.figures] == ["13"]
