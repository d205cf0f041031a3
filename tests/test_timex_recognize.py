"""Recognition sieves: which words of a sentence are temporal expressions, and which look like ones but are not."""

from __future__ import annotations

import pytest

from storyline.pipeline import load_nlp
from storyline.stages.timexes import find_timexes
from storyline.stages.timexes.recognize import find_candidates


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def spans(nlp, text: str, published: str | None = "2026-02-03") -> list[str]:
    return [timex.text for timex in find_timexes(nlp(text), published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("But on Tuesday, the president welcomed his counterpart.", ["Tuesday"]),
        ("The feud began on January 26, 2025, over two flights.", ["January 26, 2025"]),
        ("The administration sanctioned him in October.", ["October"]),
        ("They reached a turning point last month.", ["last month"]),
        ("Last year, he lashed out at a visiting leader.", ["Last year"]),
        ("The vote takes place this year.", ["this year"]),
        ("He was elected in 1998. Two years later, he ran again.", ["1998", "Two years later"]),
        ("He moved to the capital in 1987. The following year, he married.", ["1987", "The following year"]),
        ("In the early 1980s, he edited a newsletter.", ["the early 1980s"]),
        ("Growth slowed through the 2000s and 2010s.", ["the 2000s", "2010s"]),
        ("The saga runs through the 19th and early 20th centuries.", ["the 19th", "early 20th centuries"]),
        ("Harvests fall every winter.", ["every winter"]),
        ("The museum reopens this fall.", ["this fall"]),
        ("It closed in the fall of 1999.", ["the fall of 1999"]),
        ("He was jailed for 16 months.", ["16 months"]),
        ("The talks lasted four days.", ["four days"]),
        ("A 22-year-old activist led the squatters.", ["22-year-old"]),
        ("At the time, he was a senator.", ["At the time"]),
        ("It was only six days into the president's second term.", ["only six days into the president's second term"]),
        ("The market fell 3% yesterday and rose again at 10 a.m. today.", ["yesterday", "10 a.m. today"]),
        ("Profit rose in the third quarter.", ["the third quarter"]),
        ("October 24, 202 was the date printed.", ["October 24, 202"]),
    ],
)
def test_timex_recognizes_expressions(nlp, sentence, expected) -> None:
    assert spans(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He began his career as a rebel with the M-19, an underground movement.",
        "The community became a neighbourhood named Bolivar 83.",
        "Leaders met at the G20 summit.",
        "The detente may help his coalition avoid condemnation.",
        "We don't operate under blackmail, he said.",
        "Production has surged by at least 65% to more than 3,000 tons.",
        "She spoke at the 77th session of the General Assembly.",
        "Protesters gathered at 1600 Pennsylvania Avenue.",
        "Families measured out 6-by-12 metre plots.",
        "It outlined the goals of the 19th of April Movement.",
        "The company paid $2000 for the permit.",
        "About 1500 soldiers took part.",
        "A second round of talks is planned.",
        "The Mayor of Bogota spoke.",
        "Shares rose by three-quarters of a point.",
        "She won a quarterly award.",
        "He loved the novel One Hundred Years of Solitude.",
        "The unease of his rebellion days stuck with him.",
        "The hotel charges $55 a night.",
        "He spoke on ABC's This Week program.",
        "The wiki has over 1000 featured articles.",
        "She told LA Weekly that the case was closed.",
        "He worked the Winter Olympics.",
        "The climber died in the fall from the ridge.",
        "She was named Person of the Year.",
        "The clock read 12 : 41am when it stopped.",
    ],
)
def test_timex_no_false_dates(nlp, sentence) -> None:
    assert spans(nlp, sentence) == []


def test_timex_candidates_settle_overlaps_by_longest_span() -> None:
    text = "He arrived on Sunday, January 26, 2025."
    assert [text[s:e] for s, e, _ in find_candidates(text)] == ["Sunday, January 26, 2025"]


def test_timex_candidates_leave_out_leading_prepositions() -> None:
    text = "He was jailed for 16 months."
    assert [text[s:e] for s, e, _ in find_candidates(text)] == ["16 months"]
