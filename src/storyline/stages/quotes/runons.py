"""Reported clauses -> the same clauses cut where a second attribution starts inside them, and that one added.

The parser often hangs a second verb of the speaker on the verb of the reported clause instead of on
the cue ("X said he would order a review and warned against hackers", "X said it failed, arguing that
..."), so the clause runs on over a second statement: one prediction then covers two attributions and
the second is lost. A coordinated or participial cue verb with no subject of its own is the speaker's own
second statement; one with a named subject of its own ("... and experts say ...") or a relative clause
with its own cue (", which state media claimed ...") is another source's. The clause stops before it,
and it becomes an attribution of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import COGNITIVE_LEMMAS, Reported, cue_extent, lemma_of
from .lexicon import (
    INTENTION_LEMMAS,
    JUDGEMENT_LEMMAS,
    OBJECT_VIEW_LEMMAS,
    PREPOSITIONAL_LEMMAS,
    REPORTING_LEMMAS,
    REQUEST_LEMMAS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

COORDINATORS = frozenset({"and", "but", "or"})
CONCESSIVES = frozenset({"although", "though", "while", "whereas"})
RELATIVES = frozenset({"who", "which", "whose"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
MIN_CONTENT = 3
# A concessive clause with a subject of its own is a statement apart whatever its cue ("..., although he
# refused to pledge ...", "..., while she insisted on ..."): PolNeAR dev, these beside the verbs of saying
# gave source TP +2 for one prediction more; the same for coordinated and relative clauses gave +0.
CONCESSIVE_CUE_LEMMAS = (
    REPORTING_LEMMAS
    | COGNITIVE_LEMMAS
    | JUDGEMENT_LEMMAS
    | PREPOSITIONAL_LEMMAS
    | OBJECT_VIEW_LEMMAS
    | INTENTION_LEMMAS
    | REQUEST_LEMMAS
)


def split_run_ons(doc: Doc, found: list[Reported]) -> list[Reported]:
    """Each reported clause cut before a second cue of its speaker, which is added as its own clause."""
    result = []
    for reported in found:
        second = _second_cue(doc, reported)
        if second is None:
            result.append(reported)
            continue
        cue, cut, speaker = second
        content = _content_after(cue, reported.end)
        end = _end_before(doc, cut)
        if content is None or end - reported.start < MIN_CONTENT:
            result.append(reported)
            continue
        result.append(Reported(reported.start, end, reported.cue, reported.speaker))
        result.append(Reported(content[0], content[1], cue_extent(cue), speaker or reported.speaker))
    return result


def _second_cue(doc: Doc, reported: Reported) -> tuple[Token, Token, Token | None] | None:
    """The first cue verb inside the clause that starts a second attribution, with the token the clause
    stops before (the conjunction or the comma) and the second attribution's own subject if it has one:
    the speaker's second verb ("..., and warned", "..., arguing"), a coordinated clause of another named
    source ("... and experts say ..."), a concessive clause with its own subject and cue ("..., though she
    noted that ..."), a relative clause with its own cue ("the test, which state media claimed ...",
    "Democrats, who have questioned ...")."""
    span = doc.char_span(reported.start, reported.end, alignment_mode="expand")
    outer = doc.char_span(reported.cue[0], reported.cue[1], alignment_mode="expand")
    if span is None or outer is None:
        return None
    for token in span:
        if (
            token.pos_ != "VERB"
            or lemma_of(token) not in CONCESSIVE_CUE_LEMMAS
            or token.idx < reported.cue[1]
        ):
            continue
        if not span.start < token.left_edge.i or not span.start <= token.head.i < span.end:
            continue
        before = doc[token.left_edge.i - 1]
        subject = next((child for child in token.children if child.dep_ in SUBJECTS), None)
        if lemma_of(token) not in REPORTING_LEMMAS:
            if _concessive(token, before, subject, outer.root):
                return token, before, subject
            continue
        if token.dep_ == "relcl":
            if before.text == "," and subject is not None and token.left_edge.lower_ in RELATIVES:
                return token, before, subject
            continue
        if _coordinates_with_cue(token, before, subject, outer.root):
            return token, before, None
        if token.head.head != outer.root:
            continue  # only a verb hung on the clause's own verb, as the speaker's second verb is
        if token.dep_ == "conj" and before.lower_ in COORDINATORS:
            if subject is None:
                return token, before, None
            if subject.pos_ in ("PROPN", "NOUN"):
                return (
                    token,
                    before,
                    subject,
                )  # "... and Democrats accused ...": a pronoun may be the content's
            continue
        if token.dep_ == "advcl" and token.tag_ == "VBG" and before.text == "," and subject is None:
            return token, before, None
        if _concessive(token, before, subject, outer.root):
            return token, before, subject  # "..., though she noted that ...": her second statement
    return None


def _coordinates_with_cue(token: Token, before: Token, subject: Token | None, root: Token) -> bool:
    """'to blame the board for the delay and urge members to ...': a verb after "and" in the form of the
    cue but not of the verb it hangs on is the cue's own second verb (only like forms coordinate), which
    the parser hung deeper inside the clause."""
    return (
        token.dep_ == "conj"
        and before.lower_ in COORDINATORS
        and subject is None
        and token.tag_ == root.tag_
        and token.head.tag_ != token.tag_
        and token.head != root
        # not a clause of its own ("..., which he was doing when the guards found him and told him to go")
        and token.head.dep_ not in ("relcl", "advcl", "acl")
        and not any(child.dep_ in SUBJECTS for child in token.head.children)
    )


def _concessive(token: Token, before: Token, subject: Token | None, root: Token) -> bool:
    """'..., although he refused to ...': an adverbial clause of concession, set off by a comma, with its
    own subject, hung on the reported clause's verb."""
    return (
        token.dep_ == "advcl"
        and token.head.head == root
        and before.text == ","
        and subject is not None
        and token.left_edge.lower_ in CONCESSIVES
    )


def _content_after(cue: Token, limit: int) -> tuple[int, int] | None:
    """What the second cue governs: the words after it (and its particle) to the end of its phrase."""
    first = cue.i + 1
    doc = cue.doc
    while first < len(doc) and doc[first].dep_ == "prt" and doc[first].head == cue:
        first += 1
    last = cue.right_edge.i
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if last < first:
        return None
    start, end = doc[first].idx, min(limit, doc[last].idx + len(doc[last].text))
    return (start, end) if end - start >= MIN_CONTENT else None


def _end_before(doc: Doc, cut: Token) -> int:
    """Where the first clause ends: before the conjunction or comma, and a comma before "and"."""
    i = cut.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    return doc[i].idx + len(doc[i].text) if i >= 0 else cut.idx
