"""Doc -> attributions to polls, surveys and studies: "In this poll, X leads", "polls show X with a lead".

PolNeAR-style attribution covers evidence as well as speech: a poll or a study is the source of what it
shows. Only evidence nouns qualify, so that "in the morning, X left" or "the team showed up" stay out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy

from .cues import cue_extent, is_cue, word_set
from .reported import Reported, region_tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

EVIDENCE_NOUNS = word_set(
    """poll polls survey surveys study studies analysis analyses data figures numbers census estimate estimates
    average averages polling research report findings tally count projection projections forecast model"""
)
EVIDENCE_VERBS = word_set("show find reveal indicate suggest confirm give put")
# What a record shows is its finding too ("Video of the incident shows him with his hands in the air"), but
# "in the video, X says" is X's statement: these count only as the subject of a verb of showing.
# "Poll: Vega and Ruiz level in race": a headline's evidence before a colon, a word or two ("New Poll").
MAX_HEADLINE_SOURCE_WORDS = 3
# "one of the polls", "most of the studies": a part of the evidence is evidence; a phrase around it is not
# ("in the wake of the report"): PolNeAR dev, the 2 predictions through such a phrase matched no gold content.
PARTITIVE_WORDS = word_set("one some most many several few all each any both none half majority part share")
# ... or a count of it: "a series of new polls" (see _is_collection).
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
RECORD_NOUNS = word_set(
    "video videos footage tape tapes transcript transcripts document documents record records"
)


def _evidence_noun(token: Token, records: bool = False) -> Token | None:
    """The evidence noun a phrase names: itself, or the noun after a part of it ("one of the ..."); a record
    when asked."""
    if token.lemma_.lower() in EVIDENCE_NOUNS or token.lower_ in EVIDENCE_NOUNS:
        return token
    if records and token.lower_ in RECORD_NOUNS:
        return token
    collection = _is_collection(token)
    if token.pos_ not in ("NUM", "PRON") and token.lower_ not in PARTITIVE_WORDS and not collection:
        return None  # "in the wake of the report", "in the course of their report": a time, not the finding
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.dep_ != "pobj" or (collection and grand.tag_ not in PLURAL_TAGS):
                    continue
                if grand.lemma_.lower() in EVIDENCE_NOUNS or grand.lower_ in EVIDENCE_NOUNS:
                    return token
    return None


def _is_collection(token: Token) -> bool:
    """'a series of new polls', 'a number of surveys', 'a handful of studies': an indefinite noun before
    'of' and a plural is a count of the evidence, whatever the noun; a time or circumstance around one
    ('the wake of', 'the course of', 'the midst of') is definite. The shape, not a word list, so
    'a raft of', 'a flurry of' count too."""
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


def _clause_around(
    doc: Doc, phrase_start: int, phrase_end: int, sentence_start: int, sentence_end: int
) -> tuple[int, int] | None:
    """The sentence's words outside a leading or trailing phrase (token indices), as characters."""
    if phrase_start <= sentence_start + 1:
        first = phrase_end
        while first < sentence_end and doc[first].is_punct:
            first += 1
        last = sentence_end - 1
    else:
        first = sentence_start
        last = phrase_start - 1
    while last > first and doc[last].is_punct:
        last -= 1
    if last < first:
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    return (start, end) if end - start >= 3 else None


def _in_evidence(doc: Doc, preposition: Token) -> Reported | None:
    """ "In this poll, Vega gained a point", "..., by one estimate": the clause is the poll's finding, the
    preposition the cue."""
    if preposition.dep_ != "prep" or preposition.head.pos_ not in ("VERB", "AUX") or is_cue(preposition.head):
        return None
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    source = _evidence_noun(objects[0]) if objects else None
    if source is None:
        return None
    if preposition.lower_ == "by" and not _set_apart(doc, preposition, source):
        return None  # "rents rose by an average of 3 percent": a measure of the change, not its source
    sentence = preposition.sent
    span = _clause_around(doc, preposition.i, source.right_edge.i + 1, sentence.start, sentence.end)
    if span is None:
        return None
    return Reported(span[0], span[1], cue_extent(preposition), source)


def _set_apart(doc: Doc, preposition: Token, source: Token) -> bool:
    """Whether a phrase opens its sentence or is set off by a comma: "By one estimate, ...", "..., by one
    estimate"; a "by" phrase bound into its clause measures ("grew by large numbers")."""
    before = doc[preposition.i - 1] if preposition.i > preposition.sent.start else None
    after_index = source.right_edge.i + 1
    after = doc[after_index] if after_index < preposition.sent.end else None
    return before is None or before.text == "," or (after is not None and after.text == ",")


def _evidence_shows(verb: Token) -> Reported | None:
    """ "Polling averages show Vega with a lead": the object and its complements are the finding."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None  # a clause is found by the reported-speech sieve
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if subject is None or not objects or _evidence_noun(subject, records=True) is None:
        return None
    parts = [objects[0]] + [c for c in verb.children if c.dep_ in ("prep", "oprd") and c.i > objects[0].i]
    start = min(p.left_edge.idx for p in parts)
    last = max(parts, key=lambda p: p.right_edge.i).right_edge
    return Reported(start, last.idx + len(last.text), cue_extent(verb), subject)


def _may_show(doc: Doc) -> list[bool]:
    """Per token, whether find_evidence's loop can use it ('in', 'by' or a verb), from the Doc's arrays."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    columns = doc.to_array(["POS", "LOWER"])
    wanted = columns[:, 0] == strings["VERB"]
    wanted |= numpy.isin(columns[:, 1], numpy.array([strings["in"], strings["by"]], dtype=numpy.uint64))
    return wanted.tolist()


def find_evidence(
    doc: Doc, quoted: list[tuple[int, int]], regions: Sequence[tuple[int, int]]
) -> list[Reported]:
    found = []
    for token in region_tokens(doc, regions, quoted, _may_show(doc)):
        reported = None
        if token.lower_ in ("in", "by"):
            reported = _in_evidence(doc, token)
        elif token.pos_ == "VERB" and token.lemma_.lower() in EVIDENCE_VERBS:
            reported = _evidence_shows(token)
        if reported is not None:
            found.append(reported)
    return found


def evidence_headline(
    doc: Doc, text: str, headline: tuple[int, int]
) -> tuple[tuple[int, int], Span, tuple[int, int]] | None:
    """'Poll: Vega and Ruiz level in race': the colon as cue, the evidence before it as source, the
    finding after it as content (a person's name before a colon is read by headlines.colon_claim)."""
    start, end = headline
    colon = text.find(":", start, end)
    if colon < 0:
        return None
    source = doc.char_span(start, colon, alignment_mode="contract")
    if source is None or not 0 < len(source) <= MAX_HEADLINE_SOURCE_WORDS:
        return None
    if source[-1].lower_ not in EVIDENCE_NOUNS:
        return None
    claim_start = colon + 1
    while claim_start < end and text[claim_start].isspace():
        claim_start += 1
    claim_end = end
    while claim_end > claim_start and text[claim_end - 1] in ". \n":
        claim_end -= 1
    if claim_end - claim_start < 3 or text[claim_start] in "\u201c\u201d\"\u2018'":
        return None
    return (colon, colon + 1), source, (claim_start, claim_end)
