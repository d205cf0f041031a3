"""entity_at: mapping a speaker span to the entity whose mention covers it best."""

from __future__ import annotations

import pytest

from storyline.models import Entity
from storyline.stages.entities import entity_at

ENTITIES = (
    Entity(id="e1", name="Carlos Vega", type="PERSON", mentions=((0, 13), (40, 45))),
    Entity(id="e2", name="Ana Ruiz", type="PERSON", mentions=((20, 32),)),
    Entity(id="e3", name="Vega administration", type="ORG", mentions=((60, 80),)),
)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 13, "e1"),  # exact mention
        (40, 45, "e1"),  # second mention of the same entity
        (26, 32, "e2"),  # surname inside the full-name mention
        (18, 34, "e2"),  # span wider than the mention
        (60, 65, "e3"),  # part of a longer organisation mention
        (13, 20, None),  # between mentions
    ],
)
def test_entity_at_picks_covering_mention(start, end, expected):
    found = entity_at(ENTITIES, start, end)
    assert (found.id if found else None) == expected


def test_entity_at_prefers_larger_overlap():
    entities = (
        Entity(id="a", name="A", type="PERSON", mentions=((0, 5),)),
        Entity(id="b", name="B", type="PERSON", mentions=((3, 20),)),
    )
    assert entity_at(entities, 2, 12).id == "b"


def test_entity_at_empty_list_is_none():
    assert entity_at((), 0, 10) is None
