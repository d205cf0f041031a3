"""Article + Doc -> canonical Entities (people, organisations, places) with run-wide shared ids."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...ids import entity_id, name_key
from ...models import Analysis, Article, Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...pipeline import RunContext

STAGE_VERSION = "entities.v1"

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART"})
# Credits and boilerplate name photographers and agencies, not actors; headings are not people.
SKIPPED_BLOCKS = frozenset({"credit", "boilerplate"})


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity one of whose mentions covers or overlaps [start, end) best, or None.

    Best = largest overlap in characters; ties go to the mention closest in length to the span
    (so "Petro" inside "Gustavo Petro's aide" picks the mention that is exactly the name).
    """
    best: tuple[int, int] | None = None
    chosen: Entity | None = None
    for entity in entities:
        for mention_start, mention_end in entity.mentions:
            overlap = min(end, mention_end) - max(start, mention_start)
            if overlap <= 0:
                continue
            mismatch = abs((mention_end - mention_start) - (end - start))
            score = (overlap, -mismatch)
            if best is None or score > best:
                best, chosen = score, entity
    return chosen


def skipped_spans(article: Article) -> list[tuple[int, int]]:
    return [(block.start, block.end) for block in article.blocks if block.kind in SKIPPED_BLOCKS]


def find_entities(article: Article, doc: Doc) -> tuple[Entity, ...]:
    """The pure core: NER spans outside credits/boilerplate, grouped by folded name."""
    skipped = skipped_spans(article)
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    names: dict[tuple[str, str], str] = {}
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        if any(start < ent.end_char and ent.start_char < end for start, end in skipped):
            continue
        key = (ent.label_, name_key(ent.text))
        groups.setdefault(key, []).append((ent.start_char, ent.end_char))
        names.setdefault(key, ent.text)
    return tuple(
        Entity(id=entity_id(label, names[key]), name=names[key], type=label, mentions=tuple(spans))
        for key, spans in groups.items()
        for label in [key[0]]
    )


class EntityStage:
    name = "entities"
    version = STAGE_VERSION
    field = "entities"

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> tuple[Entity, ...]:
        return find_entities(article, doc)


STAGE = EntityStage()

__all__ = ["STAGE", "STAGE_VERSION", "entity_at", "find_entities"]
