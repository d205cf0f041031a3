"""Verb or adjective token -> a judgement of how things appear, with no one named as holding it: "the
plan seems too risky", "Melania seems to have vanished", "it is clear that the talks failed".

PolNeAR counts such appearances as attributions whose source is the writer (no source span), unless
someone is named as the one things seem so to ("seems credible to me").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cues import FIRST_SECOND_PERSON, SUBJECT_DEPS, Reported, inside, lemma_of, subtree_span, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

APPEARANCE_LEMMAS = word_set("seem appear look sound")
# Adjectives of evidence after an expletive "it": "it is clear that ...", "it's likely that ...".
EVIDENCE_ADJECTIVES = word_set("clear evident obvious apparent likely unlikely certain doubtful plain")
COMPLEMENT_DEPS = frozenset({"xcomp", "oprd", "acomp", "ccomp"})


def appearance_attribution(verb: Token, quoted: Sequence[tuple[int, int]]) -> Reported | None:
    """ "X seems to ...", "X looks unlikely", "X seemed like a loophole": from the subject to the end of
    its complement; the one it seems so to ("to me") is the source, else nobody."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in APPEARANCE_LEMMAS:
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside(quoted, c.idx)), None)
    complement = next((c for c in verb.children if c.dep_ in COMPLEMENT_DEPS), None)
    if complement is None:
        complement = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "like" and any(c.children)), None
        )
    lemma = lemma_of(verb)
    if subject is None or complement is None or lemma != "seem" and complement.dep_ == "xcomp":
        return None  # "looks to maximize profits": a purpose, not an appearance
    if lemma == "appear" and complement.dep_ != "ccomp":
        return None  # "Reagan appeared unsteady": how someone looked on stage, PolNeAR marks 1 of 4
    if subject.lower_ in FIRST_SECOND_PERSON:
        return None  # "I seem", "you look": the writer about themselves or the reader
    holder = None
    for child in [*verb.children, *complement.children]:
        if child.dep_ == "prep" and child.lower_ == "to":
            holder = next((c for c in child.children if c.dep_ == "pobj"), None)
    start = subtree_span(subject)[0]
    end = subtree_span(complement)[1]
    if subject.lower_ in ("it", "there") or end - start < 3:
        start = subtree_span(complement)[0]
    return Reported(start, end, (verb.idx, verb.idx + len(verb.text)), holder)


def evident_attribution(be: Token, quoted: Sequence[tuple[int, int]]) -> Reported | None:
    """ "It was clear (that) Vega is reaching out": the clause is a judgement whose holder is unnamed."""
    subject = next((c for c in be.children if c.dep_ in SUBJECT_DEPS), None)
    adjective = next(
        (c for c in be.children if c.dep_ == "acomp" and c.lemma_.lower() in EVIDENCE_ADJECTIVES), None
    )
    if subject is None or adjective is None or subject.lower_ != "it" or inside(quoted, adjective.idx):
        return None
    clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None) or next(
        (c for c in be.children if c.dep_ == "ccomp"), None
    )
    if clause is None:
        return None
    start, end = subtree_span(clause)
    if end - start < 3:
        return None
    return Reported(start, end, (subject.idx, adjective.idx + len(adjective.text)), None)
