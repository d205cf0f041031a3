"""The timex stage over whole articles: blocks, the narrative's reference time, offsets, timeline and time_of."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.models import Analysis, Article, Block, Entity, Published
from storyline.pipeline import RunContext, analyze_articles, load_nlp
from storyline.stages.timexes import STAGE, build_timeline, filter_timeline, find_timexes, time_of


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def make_article(text: str, published: str | None = "2026-02-03", blocks: tuple[Block, ...] = ()) -> Article:
    return Article(id=f"a{abs(hash(text)) % 10**8}", source="test", source_span=None, title=None,
                   published=Published(published, "given"), text=text, blocks=blocks)


def analyze(text: str, published: str | None = "2026-02-03", blocks: tuple[Block, ...] = ()) -> Analysis:
    [analysis] = analyze_articles([make_article(text, published, blocks)], stages=[STAGE])
    return analysis


def values(nlp, text: str, published: str | None = "2026-02-03") -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(nlp(text), published)}


def test_timex_stage_follows_the_narrative_reference_time(nlp) -> None:
    text = "He surrendered his gun in March 1990. The following month, he was assassinated."
    assert values(nlp, text)["The following month"] == "1990-04"


def test_timex_stage_comparison_does_not_move_reference_time(nlp) -> None:
    text = "Profit rose in the third quarter. It was $5 million a year earlier. Sales fell in the quarter."
    found = values(nlp, text, "1989-10-26")
    assert (found["a year earlier"], found["the quarter"]) == ("1988-Q3", "1989-Q3")


def test_timex_stage_gives_an_offset_into_a_term_the_date_beside_it(nlp) -> None:
    text = "It was only six days into his second term, on January 26, 2025, that the feud began."
    assert values(nlp, text)["only six days into his second term"] == "2025-01-26"


def test_timex_stage_reads_deadlines_as_prospective(nlp) -> None:
    text = "The board declared a dividend, payable Dec. 1 to stock of record Nov. 10."
    assert values(nlp, text, "1989-10-27") == {"Dec. 1": "1989-12-01", "Nov. 10": "1989-11-10"}


def test_timex_stage_reads_possessive_weekday_as_the_nearest(nlp) -> None:
    text = "There is speculation that Tuesday's detente may help the coalition."
    assert values(nlp, text) == {"Tuesday": "2026-02-03"}


def test_timex_stage_skips_credits_and_boilerplate() -> None:
    text = "Leaders met on Tuesday.\nPhoto taken March 3 [AP]\nCopyright 2026"
    blocks = (Block(0, 23, "body"), Block(24, 49, "credit"), Block(50, 64, "boilerplate"))
    assert [t.text for t in analyze(text, blocks=blocks).timexes] == ["Tuesday"]


def test_timex_stage_falls_back_to_the_run_date() -> None:
    article = make_article("The leaders met on Tuesday.", published=None)
    [analysis] = analyze_articles([article], stages=[STAGE], run=RunContext(default_date="2026-02-05"))
    assert analysis.timexes[0].value == "2026-02-03"


def test_timex_stage_without_any_date_leaves_values_open() -> None:
    assert [t.value for t in analyze("The leaders met on Tuesday last month.", published=None).timexes] == [
        "XXXX-WXX-2", None]


WORDS = st.sampled_from(
    ["On", "Tuesday", ",", "the", "two", "leaders", "met", "in", "October", "2025", ".", "Last", "year", "he", "said", "that", "may", "be", "so", ";", "we", "saw", "65%", "of", "M-19", "in", "the", "1980s", "and", "two", "years", "later", ",", "at", "the", "time", ",", "16", "months", "ago", "\n"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(WORDS, min_size=1, max_size=30))
def test_timex_stage_offsets_round_trip(nlp, words) -> None:
    text = " ".join(words)
    for timex in find_timexes(nlp(text), "2026-02-03"):
        assert text[timex.start:timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


def test_timex_timeline_sorts_points_and_leaves_out_durations() -> None:
    analysis = analyze("In 1987 he moved. On Tuesday they met. In October 2025 he was sanctioned for 16 months.")
    assert [(p.value, p.text) for p in build_timeline([analysis])] == [
        ("1987", "1987"), ("2025-10", "October 2025"), ("2026-02-03", "Tuesday")]


def test_timex_timeline_links_each_point_to_its_sentence() -> None:
    analysis = analyze("In 1987 he moved. On Tuesday they met.")
    point = build_timeline([analysis])[-1]
    assert point.sentence_text == "On Tuesday they met."


def test_timex_timeline_filters_by_entity_and_dates() -> None:
    base = analyze("In 1987 Petro moved. On Tuesday they met.")
    analysis = Analysis(article=base.article, timexes=base.timexes, sentences=base.sentences,
                        entities=(Entity("e1", "Petro", "PERSON", ((8, 13),)),))
    points = build_timeline([analysis])
    assert [p.value for p in filter_timeline(points, entity="e1")] == ["1987"]
    assert [p.value for p in filter_timeline(points, since="2000-01-01")] == ["2026-02-03"]


@pytest.mark.parametrize(
    ("needle", "expected_value", "reason_start"),
    [
        ("signed", "2025-10", "explicit in its sentence"),
        ("praised", "2025-10", "inherited from the narrative's reference time"),
        ("Opening", "2026-02-03", "the publication date"),
    ],
)
def test_timex_time_of_explains_where_the_time_comes_from(needle, expected_value, reason_start) -> None:
    text = "Opening words. He signed the deal in October 2025. Critics praised it."
    analysis = analyze(text)
    start = text.index(needle)
    value, reason = time_of(start, start + len(needle), analysis)
    assert (value, reason.startswith(reason_start)) == (expected_value, True)
