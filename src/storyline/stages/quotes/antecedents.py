"""Relative pronoun or nominal speaker -> the noun it stands for and the entity whose mention holds that noun;
the article's mentions indexed by offset for those look-ups."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...models import Entity
from .cues import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def antecedent_of(token: Token) -> Token | None:
    """The noun a relative pronoun subject stands for: the head of the relative clause's verb ("the
    minister, who said ...", "the agency, which said ...", "a group that warned ...")."""
    if (
        token.lower_ not in RELATIVE_PRONOUNS
        or token.tag_ not in ("WP", "WDT")
        or token.dep_ not in SUBJECT_DEPS
    ):
        return None
    verb = token.head
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ != "relcl" and token.lower_ == "that":
        return None  # a "that" outside a relative clause is a demonstrative, not a relative pronoun
    # The parse hung the clause on a verb or missed it ('it was a “great honor to speak with the
    # president,” who called'): a relative pronoun follows its noun phrase, past commas and closing
    # marks; "X of Y" is headed by X. Without a relative clause, only a comma or closing mark before the
    # pronoun makes it one ("asked the mayor who said it" is a question).
    doc = token.doc
    before = token.i - 1
    while before >= 0 and (doc[before].is_punct or doc[before].is_space):
        before -= 1
    if before < 0 or doc[before].pos_ not in ("NOUN", "PROPN"):
        return None
    if verb.dep_ != "relcl" and before == token.i - 1:
        return None
    noun = doc[before]
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def entity_covering(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention that holds all of [start, end), its shortest such mention winning ("the
    president" over a longer phrase around it); unlike entity_at, a mere overlap is not enough."""
    best: tuple[int, Entity] | None = None
    for entity in entities:
        for mention_start, mention_end in entity.mentions:
            covers = mention_start <= start and end <= mention_end
            if covers and (best is None or mention_end - mention_start < best[0]):
                best = (mention_end - mention_start, entity)
    return best[1] if best is not None else None


def relative_agrees(entity: Entity, pronoun: Token) -> bool:
    """A "which" is never a person; "who" and "that" may be anyone ("the ministry, who said")."""
    return not (pronoun.lower_ == "which" and entity.type == "PERSON")


class MentionIndex:
    """The entities' mentions sorted by start, so that the speaker sieves' many look-ups read the few
    mentions near a word rather than every mention of the article each time."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        # order = the place of the mention in entities' own order, which breaks ties as a full scan would
        rows = sorted(
            (start, end, order, entity)
            for order, (entity, (start, end)) in enumerate(
                (entity, mention) for entity in entities for mention in entity.mentions
            )
        )
        self.rows = rows
        self.starts = [row[0] for row in rows]
        self.longest = max((end - start for start, end, _, _ in rows), default=0)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """`storyline.stages.entities.entity_at` on the indexed mentions, with the same answer: the
        largest overlap in characters, ties to the mention closest in length, then the first scanned."""
        low = bisect_right(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        nearby = sorted((row for row in self.rows[low:high] if row[1] > start), key=lambda row: row[2])
        best: tuple[int, int] | None = None
        chosen: Entity | None = None
        for mention_start, mention_end, _, entity in nearby:
            overlap = min(end, mention_end) - max(start, mention_start)
            if overlap <= 0:
                continue
            score = (overlap, -abs((mention_end - mention_start) - (end - start)))
            if best is None or score > best:
                best, chosen = score, entity
        return chosen
