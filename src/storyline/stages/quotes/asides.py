"""Cue + subject -> a repaired subject where the parse took it from an aside: brackets, paired dashes, a dateline.

Repairs in the shape of `repairs.py` (each returns whether it applies and the repaired token), listed in its
REPAIRS; `in_aside` tells whether a token sits between brackets or two dashes of its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cues import nearest_subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def aside_subject(
    token: Token | None, cue: Token, quoted: Sequence[tuple[int, int]]
) -> tuple[bool, Token | None]:
    """'Nurses sent a petition to the board (where Lee sits), calling for ...', 'Fans circled the
    arena - where the team trains - while chanting ...': a subject inside an aside the
    cue is outside of never speaks for it; the nearest subject outside the aside up the parse does."""
    if token is None or not in_aside(token) or in_aside(cue):
        return False, token
    subject = nearest_subject(cue.head, lambda c: not in_aside(c))
    if subject is not None:
        return True, subject
    # 'Nurses - some of them in uniform - marched ..., chanting that ...': the parse gave the aside the
    # only subject; the noun opening the sentence before the dash is the one the aside describes.
    opener = _noun_before_dash(token)
    return (True, opener) if opener is not None else (False, token)


ASIDE_DASHES = frozenset({"--", "\u2014", "\u2013"})


def in_aside(token: Token) -> bool:
    """Whether the token is inside brackets, or between two dashes, that open before it in its sentence
    and close after it. A hyphen counts as a dash only when spaced (' - ')."""
    sentence = token.sent
    depth = 0
    for before in token.doc[sentence.start : token.i]:
        depth += {"(": 1, ")": -1}.get(before.text, 0)
    if depth > 0:
        return True
    start = _after_dateline(sentence)
    dashes_before = sum(_is_dash(t) for t in token.doc[start : token.i])
    return dashes_before % 2 == 1 and any(_is_dash(t) for t in token.doc[token.i + 1 : sentence.end])


def _after_dateline(sentence: Span) -> int:
    """Where an aside's dashes are counted from: after a dateline's dash ('LIMA -- Ana Ruiz -- the senator
    who ... -- said'), which opens no aside; else the sentence start. A dateline is the sentence's first
    words, capitalized, the last in capitals, ending at a dash (as `dateline_subject` reads it)."""
    doc = sentence.doc
    for token in sentence:
        if token.text in DATELINE_DASHES:
            before = doc[token.i - 1] if token.i > sentence.start else None
            if before is not None and before.text.isupper() and len(before.text) >= 2:
                return token.i + 1
            return sentence.start
        if not (token.is_punct or token.text[:1].isupper()):
            return sentence.start
    return sentence.start


def _noun_before_dash(token: Token) -> Token | None:
    """The noun right before the dash that opens the token's aside, when no verb comes before it in the
    sentence (it is the sentence's opening noun phrase, where a subject stands)."""
    doc, sentence = token.doc, token.sent
    dash = next((t for t in reversed(doc[sentence.start : token.i]) if _is_dash(t)), None)
    if dash is None or dash.i == sentence.start:
        return None
    noun = doc[dash.i - 1]
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[sentence.start : noun.i]):
        return None
    return noun


def _is_dash(token: Token) -> bool:
    if token.text in ASIDE_DASHES:
        return True
    spaced = token.i > 0 and bool(token.doc[token.i - 1].whitespace_) and bool(token.whitespace_)
    return token.text == "-" and spaced


DATELINE_DASHES = frozenset({"--", "-", "\u2014", "\u2013"})


def dateline_subject(
    token: Token | None, cue: Token, quoted: Sequence[tuple[int, int]]
) -> tuple[bool, Token | None]:
    """'LIMA -- President Ana Ruiz, opening the port, said ...': a dateline run into its first sentence is
    no subject; the parse hangs the real subject on it as an apposition. A dateline opens its line, is
    written in capitals and ends at a dash."""
    if token is None or not token.text.isupper() or len(token.text) < 2:
        return False, token
    first = token.left_edge
    if first.i > token.sent.start and "\n" not in token.doc[first.i - 1].text_with_ws:
        return False, token
    dash = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if dash is None or dash.text not in DATELINE_DASHES:
        return False, token
    apposition = next((c for c in token.children if c.dep_ == "appos" and c.i > dash.i), None)
    return (True, apposition) if apposition is not None else (False, token)
