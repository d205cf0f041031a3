"""The speaker sieves' indexed mention look-up gives the entities stage's full-scan answer."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.models import Entity
from storyline.stages.entities import entity_at
from storyline.stages.quotes.antecedents import MentionIndex

spans = st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1]))
entity_lists = st.lists(st.lists(spans, min_size=0, max_size=5), min_size=0, max_size=6).map(
    lambda groups: tuple(
        Entity(f"e{n}", f"Name {n}", "PERSON", tuple(mentions)) for n, mentions in enumerate(groups)
    )
)


@given(entities=entity_lists, query=spans)
def test_mention_index_matches_full_scan(entities: tuple[Entity, ...], query: tuple[int, int]) -> None:
    assert MentionIndex(entities).entity_at(*query) == entity_at(entities, *query)


def test_mention_index_ties_go_to_first_scanned() -> None:
    # equal overlap and equal length: the full scan keeps the entity listed first, whatever the offsets
    entities = (Entity("e0", "A", "PERSON", ((10, 14),)), Entity("e1", "B", "PERSON", ((8, 12),)))
    assert MentionIndex(entities).entity_at(9, 13).id == "e0"
