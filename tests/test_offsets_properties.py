"""Property: whatever news-like text goes in, nothing raises and every offset points at its own words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import storyline
from storyline.models import Analysis

PIECES = [
    "The minister said on Tuesday that talks would resume.",
    "“We will not accept this,” she told reporters.",
    "“It was a long night. We kept going.",
    "Nobody expected it,” he added.",
    "Police seized nearly 14 tonnes of cocaine in 2023, officials said.",
    "Production rose by about 10 percent last year.",
    "WASHINGTON (AP) — The president met his counterpart at the White House.",
    "A turning point?",
    "Protesters march in the capital on May 3 [Jane Roe/Reuters]",
    "Recommended Stories",
    "In the early 1980s, the group signed a truce; two years later it collapsed.",
    "He called the plan a “scam” and warned of sanctions.",
    "‘A quiet deal’",
    "Prices fell 3.5% to $1.2 billion.",
    "",
]

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(min_size=0, max_size=40)), min_size=1, max_size=12
).map("\n".join)


def assert_offsets(analysis: Analysis) -> None:
    text = analysis.article.text
    for record in (*analysis.quotes, *analysis.timexes, *analysis.figures):
        assert text[record.start:record.end] == record.text
    for quote in analysis.quotes:
        if quote.cue:
            assert text[quote.cue.start:quote.cue.end] == quote.cue.text
        if quote.speaker.mention:
            start, end = quote.speaker.mention
            assert 0 <= start < end <= len(text)
    for entity in analysis.entities:
        for start, end in entity.mentions:
            assert 0 <= start < end <= len(text)
    for event in analysis.events:
        for start, end in (event.trigger, event.sentence):
            assert 0 <= start < end <= len(text)
    for block in analysis.article.blocks:
        assert 0 <= block.start < block.end <= len(text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_pipeline_offsets_round_trip_on_any_text(text):
    analyses = storyline.analyze_text(text, published="2024-05-07")
    covered = "".join(a.article.text for a in analyses)
    assert len(covered) <= len(text)
    for analysis in analyses:
        assert not analysis.problems, analysis.problems
        span = analysis.article.source_span
        assert span is not None and text[span[0]:span[1]] == analysis.article.text
        assert_offsets(analysis)
