"""Doc + entities -> the descriptions each person or organisation is given (titles, appositions, roles) and genders.

What the nominal sieve of `speakers.py` matches a description against: "the Chilean leader" is the woman
titled "Chilean President", "the former pilot" the man who "started out as a navy pilot".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...models import Entity
from ..text import tokens_where
from .cues import SUBJECT_DEPS, nearest_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MASCULINE_TITLES = frozenset({"mr", "mr.", "sir", "father", "son", "husband", "brother", "king", "lord"})
FEMININE_TITLES = frozenset(
    {"ms", "ms.", "mrs", "mrs.", "miss", "mother", "daughter", "wife", "sister", "queen"}
)
DESCRIPTION_POS = frozenset({"NOUN", "ADJ", "PROPN"})
# Verbs whose complement says what their subject is: "Lee was a nurse", "Lee became senator".
COPULA_LEMMAS = frozenset({"be", "become", "remain"})
# An 'as' phrase on a verb with one of these is no role of the subject's: the object's role ("offered him a
# post as minister"), or denied ("never served as a judge").
OBJECT_DEPS = frozenset({"dobj", "dative", "neg"})


def learn_descriptors(doc: Doc, entities: Sequence[Entity]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Titles, appositions and roles each person or organisation is given in the article ("Chilean
    President X", "X, a teacher", "X was a nurse", "he served as a judge"), lower-cased lemmas; and a
    gender when a title or kinship word says it."""
    descriptors: dict[str, set[str]] = {}
    genders: dict[str, str] = {}
    as_roles = _as_roles(doc)
    for entity in entities:
        if entity.type not in ("PERSON", "ORG"):
            continue
        words = descriptors.setdefault(entity.id, set())
        name_words = {word.casefold() for word in entity.name.split()}
        for start, end in entity.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            pieces = list(span)
            for child in list(head.lefts) + [c for c in head.rights if c.dep_ == "appos"]:
                pieces.extend(child.subtree)
            for role in roles_of(head, as_roles):
                # the role noun and its adjectives: a "rebel group" is a group, not a rebel
                pieces.append(role)
                pieces.extend(c for c in role.lefts if c.dep_ == "amod")
            for piece in pieces:
                if piece.pos_ in DESCRIPTION_POS and piece.lower_ not in name_words:
                    words.add(title_word(piece))
            previous = doc[span.start - 1].lower_ if span.start > 0 else ""
            if previous in MASCULINE_TITLES:
                genders[entity.id] = "m"
            elif previous in FEMININE_TITLES:
                genders[entity.id] = "f"
    return descriptors, genders


def shared_descriptors(doc: Doc, entities: Sequence[Entity]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """`learn_descriptors`, learned once per Doc and entities (the body's and the headline's contexts ask
    alike) and handed out as copies: the sieves add genders as they go, and each context starts afresh."""
    cached = doc.user_data.get("storyline_descriptors")
    if cached is None or cached[0] is not entities:
        cached = doc.user_data["storyline_descriptors"] = (entities, *learn_descriptors(doc, entities))
    _, descriptors, genders = cached
    return {key: set(words) for key, words in descriptors.items()}, dict(genders)


def roles_of(subject: Token, as_roles: dict[int, list[Token]] | None = None) -> list[Token]:
    """The nouns its clause predicates of a subject: a copula's complement ("Lee was a nurse") and an 'as'
    phrase on a verb without an object ("Lee served as a judge", "He began his career being hunted as an
    armed rebel"), whose nearest subject up the parse is this one. Not with an object, whose role it gives
    instead ("Lee described the man as a thief", "offered him a post as minister"); not when negated ("Lee
    is not a doctor"). `as_roles` is `_as_roles(subject.doc)`, passed when many subjects of one Doc ask."""
    if subject.dep_ not in SUBJECT_DEPS:
        return []
    verb = subject.head
    roles = []
    if verb.lemma_ in COPULA_LEMMAS and not any(c.dep_ == "neg" for c in verb.children):
        roles.extend(c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN"))
    if as_roles is None:
        as_roles = _as_roles(subject.doc)
    roles.extend(as_roles.get(subject.i, ()))
    return roles


def _as_roles(doc: Doc) -> dict[int, list[Token]]:
    """The role nouns of the Doc's 'as' phrases on a verb without an object, by the index of their nearest
    subject, in text order: found once per Doc rather than by a walk of the verb's subtree per subject (the
    phrase is in the subtree of that subject's verb, since the nearest subject hangs on the phrase's host
    or on one of its heads)."""
    found: dict[int, list[Token]] = {}
    for i in tokens_where(doc, "LOWER", "as"):
        token = doc[i]
        if token.dep_ != "prep":
            continue
        role = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
        host = token.head
        if (
            role is None
            or host.pos_ not in ("VERB", "AUX")
            or any(c.dep_ in OBJECT_DEPS for c in host.children)
        ):
            continue
        nearest = nearest_subject(host)
        if nearest is not None:
            found.setdefault(nearest.i, []).append(role)
    return found


def title_word(token: Token) -> str:
    """A title word folded for matching: "U.S." and "US" are one word."""
    return token.lemma_.lower().replace(".", "")
