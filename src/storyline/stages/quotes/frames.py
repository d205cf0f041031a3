"""Tokens -> attributions framed otherwise than by a verb and its complement: a stance adjective ("X is
afraid that ..."), a passive ("the nominee was endorsed by X", "a curfew was announced") and "according to X".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cues import (
    SPEECH_LEMMAS,
    SUBJECT_DEPS,
    Reported,
    cue_extent,
    inside,
    lemma_of,
    subtree_span,
)
from .lexicon import (
    GENERIC_PERSON,
    JUDGEMENT_LEMMAS,
    JUDGEMENT_PREPOSITIONS,
    STANCE_ADJECTIVES,
    STANCE_PREPOSITIONS,
    UNSOURCED_PASSIVE_LEMMAS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def stance_attribution(be: Token, quoted: Sequence[tuple[int, int]]) -> Reported | None:
    """ "Democrats are afraid that ...", "She was critical of the plan", "He is bearish on bonds": a stance
    adjective's clause or object is the attributed content, the subject its source, "are afraid" the cue.
    The parser hangs the preposition on the adjective or on "be"; a participle ("are convinced") counts
    by its written form."""
    adjective = next(
        (
            c
            for c in be.children
            if c.dep_ == "acomp" and (c.lemma_.lower() in STANCE_ADJECTIVES or c.lower_ in STANCE_ADJECTIVES)
        ),
        None,
    )
    subject = next((c for c in be.children if c.dep_ in SUBJECT_DEPS and not inside(quoted, c.idx)), None)
    if adjective is None or subject is None or subject.lower_ in GENERIC_PERSON | {"it"}:
        return None
    content: Token | None = None
    later_preps = [c for c in be.children if c.dep_ == "prep" and c.i > adjective.i]
    for child in [*adjective.children, *later_preps]:
        if child.dep_ in ("ccomp", "xcomp"):
            content = child
            break
        if child.dep_ == "prep" and child.lower_ in STANCE_PREPOSITIONS:
            content = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if content is not None:
                break
    if content is None or content.tag_ in ("WDT", "WP"):
        return None  # "the one thing she is passionate about that ...": the content is the antecedent
    start, end = subtree_span(content)
    return Reported(start, end, (be.idx, adjective.idx + len(adjective.text)), subject)


def passive_attribution(cue: Token) -> Reported | None:
    """'The nominee has been endorsed by dozens of papers': the subject is the content, the agent the source."""
    subject = next((child for child in cue.children if child.dep_ == "nsubjpass"), None)
    agent = next((child for child in cue.children if child.dep_ == "agent"), None)
    lemma = lemma_of(cue)
    if subject is None or subject.pos_ == "PRON" and subject.tag_ in ("WP", "WDT"):
        return None
    if agent is None:
        # "He has been criticized for ...", "North Korea is thought to be capable of ...": a judgement
        # whose holders go unnamed; the content runs from the judged subject to what it is judged for.
        if lemma in UNSOURCED_PASSIVE_LEMMAS:
            # "a curfew was announced", "the deal was rejected": what was said, by someone unnamed
            start, end = subtree_span(subject)
            return Reported(start, end, cue_extent(cue), None) if end - start >= 3 else None
        if lemma not in JUDGEMENT_LEMMAS:
            return None
        complement = next(
            (
                c
                for c in cue.children
                if c.dep_ in ("oprd", "xcomp") or c.dep_ == "prep" and c.lower_ in JUDGEMENT_PREPOSITIONS
            ),
            None,
        )
        if complement is None:
            return None
        start = subtree_span(subject)[0]
        end = subtree_span(complement)[1]
        return Reported(start, end, cue_extent(cue), None)
    if lemma not in SPEECH_LEMMAS:
        return None
    source = next((child for child in agent.children if child.dep_ == "pobj"), None)
    start, end = subtree_span(subject)
    return Reported(start, end, cue_extent(cue), source)


def according_to(doc: Doc, according: Token) -> Reported | None:
    to = doc[according.i + 1]
    objects = [child for child in to.children if child.dep_ == "pobj"] or [
        child for child in according.children if child.dep_ == "pobj"
    ]
    source = objects[0] if objects else None
    sentence: Span = according.sent
    phrase_end = (source.right_edge.i + 1) if source is not None else to.i + 1
    if source is not None:
        # "According to the host, the plan reeks of ...": the parser may hang the clause on the name;
        # the phrase ends at the first comma after it
        comma = next((t.i for t in doc[source.i + 1 : phrase_end] if t.text == ","), None)
        phrase_end = comma if comma is not None else phrase_end
    if according.i <= sentence.start + 1:
        start_token = phrase_end
        while start_token < sentence.end and doc[start_token].is_punct:
            start_token += 1
        if start_token >= sentence.end:
            return None
        start, end = doc[start_token].idx, _sentence_content_end(sentence)
    else:
        last = according.i - 1
        while last > sentence.start and doc[last].is_punct:
            last -= 1
        start, end = sentence[0].idx, doc[last].idx + len(doc[last].text)
    if end - start < 3:
        return None
    return Reported(start, end, (according.idx, to.idx + len(to.text)), source)


def _sentence_content_end(sentence: Span) -> int:
    last = sentence[-1]
    while last.i > sentence.start and last.is_punct:
        last = sentence.doc[last.i - 1]
    return last.idx + len(last.text)
