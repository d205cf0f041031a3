"""A marked quote -> the cue that introduces it where the verb above it in the parse is not that cue.

A paragraph ending in a colon before the quote ("He said:"), a clause ending in a colon right before it
('The piece used her words as its headline: “...”'), a dash signature after it ('“...” ― Jo Ruiz'), a
participle of saying right before it ('X said, adding later, “...”'), the cue verb the quote's own words
hang on; never an inner cue from another paragraph, where a parse run over the break can reach, nor a cue
opening the sentence after a quote closed by a full stop, nor a "you" that names no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues, marks

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def own_cue(
    cue: Token, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> Token:
    """The cue of these quoted words among the verbs around the one found: an inner cue of the clause
    ("remembered Vega telling him"), but never one in another paragraph (a parse running over the break
    hung the next paragraph's "Democrats noted" on this quote's "said"); and a participle of saying right
    before the quote ('X said, adding later, “...”', 'X attacked Y, saying, “...”'), the quote's own cue."""
    inner = cues.inner_speaker_cue(cue, quoted)
    if inner is not cue and paragraph[0] <= inner.idx < paragraph[1]:
        return inner
    governing = _complement_cue(cue.doc, start, end, quoted, paragraph)
    if governing is not None:
        return governing
    for child in cue.children:
        if (
            child.i > cue.i
            and child.dep_ in ("advcl", "conj", "xcomp")
            and child.tag_ == "VBG"
            and cues.is_cue(child)
            and child.idx < start
            and _only_asides_between(child, start)
        ):
            return child
    return cue


def _complement_cue(
    doc: Doc, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> Token | None:
    """The cue verb whose complement the quote's own words are ('..., and when pressed, the mother
    replied, “It is meant to ...”' is 'replied', though the parse hung the closing stop on the sentence's
    first 'said')."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        head = token.head
        if token.is_punct or span.start <= head.i < span.end or head == token:
            continue
        if (
            cues.is_cue(head)
            and paragraph[0] <= head.idx < paragraph[1]
            and not cues.inside(quoted, head.idx)
        ):
            return head
    return None


def _only_asides_between(token: Token, start: int) -> bool:
    """Only punctuation and adverbs ("adding later,") between a participle and the quote it introduces."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].idx < start:
        if not (doc[i].is_punct or doc[i].is_space or doc[i].pos_ == "ADV"):
            return False
        i += 1
    return True


def lead_in(
    doc: Doc,
    text: str,
    paragraphs: list[tuple[int, int]],
    paragraph: tuple[int, int],
    start: int,
    quoted: list[tuple[int, int]],
) -> tuple[Token | tuple[int, int], Token | None, Token | None] | None:
    """'He said:' closing the paragraph before: the cue, speaker and referent of a quote that opens the
    next paragraph with nothing before its mark."""
    if text[paragraph[0] : start].strip(marks.OPENING_CHARS + " ") or paragraph not in paragraphs:
        return None
    number = paragraphs.index(paragraph)
    if number == 0:
        return None
    previous = paragraphs[number - 1]
    if not text[previous[0] : previous[1]].rstrip().endswith(":"):
        return None
    lead = doc.char_span(previous[0], previous[1], alignment_mode="expand")
    if lead is None:
        return None
    for token in reversed(lead[-12:]):
        if cues.is_cue(token) and not cues.inside(quoted, token.idx):
            speaker = cues.subject_of(token, quoted, previous)
            referent = cues.referent_of(speaker, quoted, previous) if speaker is not None else None
            return token, speaker, referent
    # "Okafor made the following comment:": no verb of saying, the colon introduces the clause's subject
    colon = text.rindex(":", previous[0], previous[1])
    speaker = _clause_subject(doc, colon, quoted, previous)
    if speaker is None:
        return None
    return (colon, colon + 1), speaker, cues.referent_of(speaker, quoted, previous)


def block_quotes(
    doc: Doc, text: str, paragraphs: list[tuple[int, int]], quoted: list[tuple[int, int]]
) -> list[tuple[tuple[int, int], Token, Token, Token]]:
    """Paragraphs quoted without marks after a paragraph that ends in its speaker's verb of saying and a
    colon ("The governor added:" / "It's typical of her. She knows nothing ..."), a block quote: each
    with its cue, speaker and the speaker's referent. Only the paragraph right after the colon."""
    found = []
    for previous, paragraph in zip(paragraphs, paragraphs[1:], strict=False):
        lead_text = text[previous[0] : previous[1]].rstrip()
        if not lead_text.endswith(":") or text[paragraph[0]] in marks.OPENING_CHARS:
            continue
        if cues.inside(quoted, paragraph[0]) or cues.inside(quoted, previous[1] - 1):
            continue
        lead = doc.char_span(previous[0], previous[1], alignment_mode="expand")
        words = [token for token in lead or () if not (token.is_punct or token.is_space)]
        cue = next((token for token in reversed(words[-3:]) if cues.is_cue(token)), None)
        if cue is None:
            continue
        speaker = cues.subject_of(cue, quoted, previous)
        if speaker is not None and speaker.i < cue.i:
            found.append((paragraph, cue, speaker, cues.referent_of(speaker, quoted, previous)))
    return found


def signature(
    doc: Doc, text: str, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> tuple[int, tuple[int, int], Token] | None:
    """A dash signature after the quote, as (words start, cue, name token) like a transcript turn."""
    signed = cues.dash_or_colon_cue(doc, text, start, end, quoted, paragraph)
    if signed is None or signed[0][0] < end:
        return None  # only the dash after the quote; a colon before it is no signature
    return start, signed[0], signed[1]


def colon_clause(
    doc: Doc, text: str, start: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> tuple[tuple[int, int], Token] | None:
    """A clause closed by a colon right before the quote ('The piece used her words as its headline:
    “...”', 'Vega is trying out a new slogan: "..."'): the colon as cue, the clause's subject as the
    speaker. Only a subject written out in the paragraph, outside every quote."""
    before = start - 1
    while before > paragraph[0] and (text[before] in cues.OPEN_MARKS or text[before].isspace()):
        before -= 1
    if before <= paragraph[0] or text[before] != ":":
        return None
    subject = _clause_subject(doc, before, quoted, paragraph)
    return ((before, before + 1), subject) if subject is not None else None


def _clause_subject(
    doc: Doc, colon: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> Token | None:
    """The subject of the clause a colon closes, written out in the paragraph and outside every quote."""
    lead = doc.char_span(paragraph[0], colon, alignment_mode="contract")
    if lead is None or not len(lead):
        return None
    verb = lead[-1]
    for _ in range(8):
        subject = next((c for c in verb.children if c.dep_ in cues.SUBJECT_DEPS and c.i < verb.i), None)
        if subject is not None and verb.pos_ in ("VERB", "AUX"):
            if paragraph[0] <= subject.idx and not cues.inside(quoted, subject.idx):
                return subject
            return None
        if verb.head == verb:
            return None
        verb = verb.head
    return None


def next_sentence_cue(text: str, cue: Token, end: int) -> bool:
    """A cue after a quote that closes its sentence with a full stop opens the next sentence and belongs
    to what follows it ('“... I was just kidding.” To which she said, “...”'); after '?' or '!' the
    cue may still be the quote's ('“Why?” Lee asked.')."""
    if cue.idx < end:
        return False
    words = text[:end].rstrip().rstrip("\"'\u201d\u2019").rstrip()
    return words.endswith(".") and cue.sent.start_char >= end


def speaks_to_reader(speaker: Token, quoted: list[tuple[int, int]]) -> bool:
    """A first or second person subject that names no one: "you" ("you might ask"), or "I"/"we" inside
    other quoted words. The writer's own "I laughed and said, “...”" is a speaker (PolNeAR marks the "I")."""
    if speaker.lower_ not in cues.FIRST_SECOND_PERSON:
        return False
    return speaker.lower_ == "you" or any(start <= speaker.idx < end for start, end in quoted)
