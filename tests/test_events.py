"""The first PLOVER event stage: actor codes from the Phoenix tables, types, statuses."""

from __future__ import annotations

import pytest

import storyline
from storyline.models import Entity
from storyline.stages.actor_codes import country_code, sector_code
from storyline.stages.events import code_actor


@pytest.mark.parametrize(
    ("words", "code"),
    [("Colombian", "COL"), ("the United States", "USA"), ("Venezuela", "VEN"), ("Bogota", "COL"), ("Tuesday", None)],
)
def test_events_country_code(words, code):
    assert country_code(words) == code


@pytest.mark.parametrize(("words", "sector"), [("President", "GOV"), ("soldiers", None), ("soldier", "MIL"), ("rebel", "REB")])
def test_events_sector_code(words, sector):
    assert sector_code(words) == sector


@pytest.mark.parametrize(
    ("name", "type_", "code"),
    [("Belgium", "ORG", "BEL"), ("Belgium", "GPE", "BEL"), ("the Netherlands", "ORG", "NLD"), ("Shell", "ORG", "PAN")],
)
def test_events_code_a_country_acting_as_an_organisation(name, type_, code):
    # the name itself first; else the country named around it ("Back in Panama") as for any organisation
    text = f"Back in Panama, {name} won the match."
    start = text.index(name)
    assert code_actor(Entity("e1", name, type_, ((start, start + len(name)),)), text) == code


def test_events_code_a_threat_with_its_source_and_status():
    (analysis,) = storyline.analyze_text(
        "Russian President Vladimir Putin threatened Ukraine with new strikes on Monday.",
        published="2024-03-06", one_article=True,
    )
    events = [e for e in analysis.events if e.type == "THREATEN"]
    assert events, analysis.events
    event = events[0]
    assert event.source.name and "Putin" in event.source.name
    assert event.source.code == "RUS GOV"
    assert event.status == "asserted"
    text = analysis.article.text
    assert text[event.trigger[0]:event.trigger[1]] == "threatened"


def test_events_negated_verb_is_negated():
    (analysis,) = storyline.analyze_text(
        "German Chancellor Olaf Scholz did not criticize China during the visit.", one_article=True
    )
    assert any(e.type == "ACCUSE" and e.status == "negated" for e in analysis.events), analysis.events
