"""Cue + parse -> the token naming a quote's speaker: a subject the parse hid, or the subject a pronoun is bound to.

The quote stage asks the parse for a cue's subject first; these repair what a parse gets wrong around a
quotation (a dash read as a noun, a title taken for the subject, a line run into the one above), pass every
cue's subject through the repairs of `repairs.py`, and prefer the named subject a pronoun stands for in its
own sentence, which is the mention PolNeAR marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import cues
from .repairs import repair_subject
from .speakers import NEUTER, PLURAL, SUBJECTS, SpeakerContext, compatible

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

BINDABLE = frozenset({"he", "his", "she", "her", "they", "their", "it", "its"})
# How a possessive's noun hangs on its verb: "continues his attacks", "doubling down on his attacks".
POSSESSED_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "oprd", "conj"})
# What may stand between a paragraph's opening noun phrase and its verb: "is once again", "has long".
VERB_GROUP_POS = frozenset({"AUX", "ADV", "PART"})


def marked_speaker(
    doc: Doc, cue: Token, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> Token | None:
    """The speaker token of a quotation's cue: its subject, else what the parse missed around it.

    After the quote, the noun phrase alone between quote and cue speaks ('“...,” Berg, a senior aide,
    said'), and wins over a subject the parser found after the cue ('said on Radio Sur’s “Morning
    Desk”'). Before it, 'Said Ellis: “...”' names the speaker after the cue. A subject of no letters
    (a dash the parser took for a noun) is no speaker."""
    speaker = cues.subject_of(cue, quoted, paragraph)
    if speaker is not None and not any(char.isalnum() for char in speaker.text):
        speaker = next(
            (
                child
                for child in speaker.head.children
                if child.dep_ in cues.SUBJECT_DEPS
                and any(char.isalnum() for char in child.text)
                and not cues.inside(quoted, child.idx)
            ),
            None,
        )
    if cue.idx >= end and (speaker is None or speaker.i > cue.i):
        between = cues.noun_phrase_between(doc, end, cue)
        if between is not None and between.dep_ == "appos" and end <= between.head.idx < cue.idx:
            between = between.head  # "Berg, a senior aide,": the name, not its description
        speaker = between or speaker
    if speaker is None and cue.idx >= end:
        # '“...,” read a note they left': the written thing the parser took for the object speaks
        speaker = next(
            (c for c in cue.rights if c.dep_ == "dobj" and c.lemma_.lower() in cues.DOCUMENT_NOUNS),
            None,
        )
    if speaker is None and cue.idx + len(cue.text) <= start:
        names = []
        for token in doc[cue.i + 1 : cue.i + 5]:
            if token.pos_ != "PROPN":
                break
            names.append(token)
        if names and names[-1].i + 1 < len(doc) and doc[names[-1].i + 1].text in (":", ","):
            speaker = names[-1]
    return speaker


def opening_subject(doc: Doc, paragraph: tuple[int, int], cue: Token | None) -> Token | None:
    """'7 p.m.\n\nAna Ruiz is once again doubting ..., urging ...': when the parser runs a
    line into the one before and gives the cue no subject, the noun phrase that opens the cue's paragraph
    and runs straight into its verb group is the subject (its last noun). A participle of that verb
    ('..., encouraging') shares it."""
    if cue is None:
        return None
    verb = cue.head if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.head.i < cue.i else cue
    if verb.tag_ == "VBN" or cue.tag_ == "VBN":
        return None  # "Vega was dubbed ...": the one judged is not the judge
    if any(child.dep_ in SUBJECTS and child.idx >= paragraph[0] for child in verb.children):
        return None  # a subject in the paragraph was left out on purpose ("Lee seems to ..."), not missed
    words = [token for token in doc[: verb.i] if token.idx >= paragraph[0] and not token.is_space]
    while words and words[-1].pos_ in VERB_GROUP_POS:
        words.pop()
    if not words or len(words) > 10 or words[0].i == verb.i:
        return None
    if any(token.pos_ not in cues.NOUN_PHRASE_POS or token.text in cues.SENTENCE_STOPS for token in words):
        return None
    nouns = [token for token in words if token.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns and words[-1].pos_ in ("PROPN", "NOUN") else None


def bind_pronoun(token: Token | None, context: SpeakerContext, cue: Token | None = None) -> Token | None:
    """The speaker token of a cue: the parse's subject repaired (`repair_subject`), then a pronoun bound
    to its named subject (`bind_to_subject`)."""
    return bind_to_subject(repair_subject(token, cue, context.quoted), context, cue)


def bind_to_subject(token: Token | None, context: SpeakerContext, cue: Token | None = None) -> Token | None:
    """The subject a pronoun speaker is bound to in its own sentence, or the token itself: "Berg said
    he had fought a fever and called it mild" (he is Berg, and the source of "called"), "Lee
    continues her attacks on" (her is Lee). The named subject is the better mention of the two, and the one
    PolNeAR marks. A cue's own subject stays its source ("Lee said she would go": she said), unless the cue
    is itself the complement of a verb of saying, whose subject is then the source PolNeAR marks ("Lee said
    she recalled ...", "Lee explained why he backs ..."); only a complement clause binds its subject
    ("..., but he refused", "after she attacked" are clauses of their own)."""
    if token is None or token.pos_ != "PRON" or token.lower_ not in BINDABLE:
        return token
    if token.dep_ == "poss":
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in POSSESSED_DEPS and verb.head.i != verb.i:
            verb = verb.head
    elif token.dep_ in SUBJECTS and cue is not None and token.head.i != cue.i and token.head.dep_ == "ccomp":
        verb = token.head.head
    elif (
        token.dep_ in SUBJECTS
        and cue is not None
        and token.head.i == cue.i
        and cue.dep_ == "ccomp"
        and cues.is_cue(cue.head)
    ):
        verb = cue.head
    else:
        return token
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if (
        subject is not None
        and subject.i < token.i
        and subject.pos_ in ("PROPN", "NOUN")
        and _agrees(subject, token, context)
    ):
        return subject
    return token


def _agrees(subject: Token, pronoun: Token, context: SpeakerContext) -> bool:
    """Number, and person or gender where known: 'he' binds a singular person, 'they' a plural or a group,
    'its' a singular thing."""
    entity = context.mentions.entity_at(subject.idx, subject.idx + len(subject.text))
    form = pronoun.lower_
    if form in PLURAL:
        return subject.tag_ in ("NNS", "NNPS") or (
            entity is not None and entity.type in ("ORG", "NORP", "GPE")
        )
    if subject.tag_ in ("NNS", "NNPS"):
        return False
    if entity is None:
        if form in NEUTER:
            return subject.tag_ == "NN"  # "the missive was ridiculed for its prediction"
        return subject.pos_ == "PROPN"
    return compatible(entity, form, context)
