"""Cue + the relative pronoun the parse made its subject -> who speaks: the relative clause's own subject, or
whoever performs the text or remark the clause describes. Repairs in the shape of `repairs.py`, listed in its
REPAIRS.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import cues
from .lexicon import CONTROL_LEMMAS, MEDIUM_NOUNS
from .nouncues import SPEECH_NOUNS
from .speakers import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs whose subject voices the speech noun they take: "made the argument that", "persisted in arguments
# that", "repeated claims that" (not "rejected claims that", "faced criticism").
PERFORMING_LEMMAS = cues.word_set(
    "make persist repeat reiterate renew voice express issue offer advance raise air press publish release deliver"
)


# What a relative clause's words may be the words of: texts, media and speech ("a letter that says ...").
UTTERANCE_NOUNS = MEDIUM_NOUNS | SPEECH_NOUNS | cues.word_set("comment remark")


def performed_utterance(
    token: Token | None, cue: Token, quoted: Sequence[tuple[int, int]]
) -> tuple[bool, Token | None]:
    """'She published a memo that says ...', 'led him to make a remark that called ...': the words
    of a text or remark that someone performs (makes, releases, issues) are that performer's, as with a noun
    cue ('made the argument that ...'); the relative pronoun standing for the text is not the source."""
    if token is None or token.tag_ != "WDT" or token.head.i != cue.i or cue.dep_ != "relcl":
        return False, token
    text = cue.head
    verb = text.head
    if text.dep_ != "dobj" or text.lemma_.lower() not in UTTERANCE_NOUNS:
        return False, token
    if cues.lemma_of(verb) not in PERFORMING_LEMMAS:
        return False, token
    performer = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if performer is None and verb.dep_ == "xcomp" and cues.lemma_of(verb.head) in CONTROL_LEMMAS:
        performer = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    return (True, performer) if performer is not None else (False, token)


def relative_object(
    token: Token | None, cue: Token, quoted: Sequence[tuple[int, int]]
) -> tuple[bool, Token | None]:
    """'the reasons that Lee refuses to ...', 'the rule, which critics say hurts ...': a relative pronoun
    the parse made a subject beside the verb's own subject after it is its object; that subject speaks."""
    if token is None or token.tag_ not in ("WDT", "WP") or token.head.i != cue.i:
        return False, token
    other = next((c for c in cue.children if c.dep_ in SUBJECTS and token.i < c.i < cue.i), None)
    return (True, other) if other is not None else (False, token)
