"""Cue + parse -> the token naming a quote's speaker: a subject the parse hid, or the subject a pronoun is bound to.

The quote stage asks the parse for a cue's subject first; these repair what a parse gets wrong on news
text (a line run into the timestamp above it, a dash read as a noun, a title taken for the subject) and
prefer the named subject a pronoun stands for in its own sentence, which is the mention PolNeAR marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..entities import entity_at
from . import cues
from .lexicon import STANCE_ADJECTIVES
from .speakers import NEUTER, PLURAL, SUBJECTS, SpeakerContext, compatible

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

BINDABLE = frozenset({"he", "his", "she", "her", "they", "their", "it", "its"})
# How a possessive's noun hangs on its verb: "continues his attacks", "doubling down on his attacks".
POSSESSED_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "oprd", "conj"})
# Verbs whose object does what their complement says: "forced Lee to admit", "left voters feeling".
CONTROL_LEMMAS = cues.word_set(
    """force compel lead leave prompt push drive cause get persuade convince urge encourage ask tell invite
    pressure press allow let help inspire spur provoke dare challenge order instruct remind advise"""
)
# What may stand between a paragraph's opening noun phrase and its verb: "is once again", "has long".
VERB_GROUP_POS = frozenset({"AUX", "ADV", "PART"})


def marked_speaker(
    doc: Doc, cue: Token, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> Token | None:
    """The speaker token of a quotation's cue: its subject, else what the parse missed around it.

    After the quote, the noun phrase alone between quote and cue speaks ('“...,” Flynn, a top aide,
    said'), and wins over a subject the parser found after the cue ('said on Fox News’s “Fox and
    Friends”'). Before it, 'Said Ellis: “...”' names the speaker after the cue. A subject of no letters
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
            between = between.head  # "Flynn, a top aide,": the name, not its description
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
    """'7 p.m.\n\nDonald Trump is once again questioning ..., encouraging ...': when the parser runs a
    line into the one before and gives the cue no subject, the noun phrase that opens the cue's paragraph
    and runs straight into its verb group is the subject (its last noun). A participle of that verb
    ('..., encouraging') shares it."""
    if cue is None:
        return None
    verb = cue.head if cue.tag_ == "VBG" and cue.dep_ == "advcl" and cue.head.i < cue.i else cue
    if verb.tag_ == "VBN" or cue.tag_ == "VBN":
        return None  # "Pence was dubbed ...": the one judged is not the judge
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
    return bind_to_subject(repair_subject(token, cue), context, cue)


def repair_subject(token: Token | None, cue: Token | None) -> Token | None:
    """The cue's own subject where the parse gave it another clause's (or none): ordered repairs, the first
    that applies deciding."""
    if cue is None:
        return token
    for repair in REPAIRS:
        applies, repaired = repair(token, cue)
        if applies:
            return repaired
    return token


def _nearest_of_subjects(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'2:45 p.m.\n\nThe commissioner says ...', 'Back when he wrote, Lee said ...': a verb the parse gave
    two subjects, the first a heading or timestamp run into its line or an opening phrase, has the one that
    runs straight into it. Not an apposition ('Lee, the mayor, said') or a list ('Lee, Kim and Ruiz said'),
    where the parse split one subject in two."""
    subjects = [c for c in cue.children if c.dep_ in SUBJECTS and c.i < cue.i]
    if len(subjects) < 2 or (token is not None and token.i >= subjects[-1].i):
        return False, token
    first, nearest = subjects[-2], subjects[-1]
    between = cue.doc[first.right_edge.i + 1 : nearest.left_edge.i]
    if any("\n" in t.text_with_ws for t in cue.doc[first.i : nearest.left_edge.i]):
        return True, nearest
    if not any(t.text == "," for t in between) or any(c.dep_ in ("cc", "conj") for c in nearest.children):
        return False, token
    if any(t.text == "," for t in cue.doc[nearest.i + 1 : cue.i]):
        return False, token
    return True, nearest


def _controlling_object(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'forced Lee to admit that ...', 'left many nations feeling that ...': the object of the verb that
    governs a subjectless complement of saying or thinking is its subject, not the governing verb's
    subject ('obliges states to offer help' is no one's statement of the states)."""
    if cue.dep_ != "xcomp" or any(c.dep_ in SUBJECTS for c in cue.children):
        return False, token
    if not (cues.is_cue(cue) or cues.lemma_of(cue) in cues.COGNITIVE_LEMMAS):
        return False, token
    if cues.lemma_of(cue.head) not in CONTROL_LEMMAS:
        return False, token  # "used part of his speech to question ...": the object is a means, not an agent
    obj = next((c for c in cue.head.children if c.dep_ == "dobj" and c.i < cue.i), None)
    if obj is None or obj.pos_ not in ("PROPN", "NOUN"):
        return False, token
    return True, obj


def _participle_subject(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'..., aside from saying he wants ...', 'going on to say that ...': a participle the parse gave no
    subject shares the nearest main subject before it in its sentence."""
    if token is not None or cue.tag_ not in ("VBG", "VB") or cue.dep_ not in ("advcl", "pcomp", "xcomp"):
        return False, token
    governor = cue.head.head if cue.dep_ == "pcomp" else cue.head
    if governor.pos_ not in ("VERB", "AUX", "ADV"):
        return False, token  # "contributors intent on deciding ...": the participle describes a noun
    for i in range(cue.i - 1, cue.sent.start - 1, -1):
        candidate = cue.doc[i]
        if candidate.dep_ in SUBJECTS:
            return True, candidate
    return False, token


def _expletive_it(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'It is worth noting that ...', 'it is clear that ...': the 'it' of a copula is nobody."""
    if token is None or token.lower_ != "it" or token.head.lemma_ != "be":
        return False, token
    if not any(c.dep_ in ("acomp", "attr") for c in token.head.children):
        return False, token
    return True, None


def _faulted_object(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'held Lee in contempt for refusing to ...', 'criticized Lee for saying ...': the one blamed or praised
    for a gerund did it, not the one blaming."""
    if cue.tag_ != "VBG" or cue.dep_ != "pcomp" or cue.head.lower_ != "for":
        return False, token
    verb = cue.head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < cue.i), None)
    if verb.pos_ != "VERB" or obj is None or obj.pos_ not in ("PROPN", "PRON", "NOUN"):
        return False, token
    return True, obj


def _depicted_speaker(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'footage of Clinton asking, “...”', 'a video of him saying ...': the one shown speaks."""
    if cue.tag_ != "VBG" or cue.i == 0:
        return False, token
    shown = cue.doc[cue.i - 1]
    if shown.dep_ != "pobj" or shown.head.lower_ != "of" or shown.pos_ not in ("PROPN", "PRON"):
        return False, token
    if token is not None and token.i == shown.i:
        return False, token
    return True, shown


def _occasion_participle(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'she said at a news conference announcing that ...': a participle on an occasion the parse gave no
    speaker is said by the subject of the verb the occasion belongs to."""
    if token is not None or cue.tag_ != "VBG" or cue.dep_ != "acl":
        return False, token
    noun = cue.head
    if noun.pos_ != "NOUN":
        return False, token  # "one saying ...": the pronoun speaks for itself
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False, token
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return (True, subject) if subject is not None else (False, token)


# Verbs whose subject receives words rather than says them: "faced criticism for", "drew questions about".
RECEIVING_LEMMAS = cues.word_set("face receive draw attract earn weather endure")


def _receiver(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'Lee has faced sharp criticism for ...': the subject is the one criticised, the critics are unnamed."""
    if token is None or token.head.i != cue.i or cues.lemma_of(cue) not in RECEIVING_LEMMAS:
        return False, token
    return True, None


def _passive_subject(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """A passive cue's subject is the one spoken of ('what is being criticized as “...”'), its agent the
    speaker; but one 'frustrated' or 'convinced that ...' holds the view."""
    passive = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if passive is None:
        return False, token
    if cue.lower_ in STANCE_ADJECTIVES and any(c.dep_ == "ccomp" for c in cue.children):
        return (True, passive) if token is None else (False, token)
    if token is None or token.i != passive.i:
        return False, token
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    return True, next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _noun_cue_source(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'repeated warnings from his attorney that ...', 'a statement by the ministry': the words of a noun
    cue without a speaker come from the object of its 'from' or 'by'."""
    if token is not None or cue.pos_ != "NOUN":
        return False, token
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None and source.pos_ in ("PROPN", "NOUN", "PRON"):
                return True, source
    return False, token


def _adjacent_name(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'In a meeting with the board of the Post Trump said ...', '$20 million experts say ...': a finite cue
    the parse gave no subject has the noun written right before it, which the parse ran into the phrase
    before."""
    if token is not None or cue.tag_ not in ("VBD", "VBZ", "VBP") or cue.i == 0:
        return False, token
    if any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") and c.i < cue.i for c in cue.children):
        return False, token
    before = cue.doc[cue.i - 1]
    if before.text == ",":
        before = _before_aside(cue)
    if before is None:
        return False, token
    if before.pos_ not in ("PROPN", "NOUN") or before.head.i == cue.i:
        return False, token
    return True, before


def _before_aside(cue: Token) -> Token | None:
    """'President Obama, dedicating the museum on Saturday, said': the word before a participle clause set
    off by commas right before the cue."""
    doc = cue.doc
    for i in range(cue.i - 2, max(cue.sent.start, cue.i - 25), -1):
        if doc[i].text == ",":
            opening = doc[i + 1]
            return doc[i - 1] if opening.tag_ in ("VBG", "VBN") and i > cue.sent.start else None
    return None


def _according_to_source(token: Token | None, cue: Token) -> tuple[bool, Token | None]:
    """'according to show insiders', the parse reading 'show' as a verb: the last noun of the words
    after 'to' before any punctuation is the source."""
    if token is not None or cue.lower_ != "according" or cue.i + 2 >= len(cue.doc):
        return False, token
    words = []
    for following in cue.doc[cue.i + 2 : cue.i + 8]:
        if following.is_punct or following.is_space:
            break
        words.append(following)
    nouns = [w for w in words if w.pos_ in ("PROPN", "NOUN", "PRON")]
    return (True, nouns[-1]) if nouns else (False, token)


REPAIRS = (
    _nearest_of_subjects,
    _controlling_object,
    _depicted_speaker,
    _occasion_participle,
    _receiver,
    _passive_subject,
    _participle_subject,
    _expletive_it,
    _noun_cue_source,
    _adjacent_name,
    _according_to_source,
)


def bind_to_subject(token: Token | None, context: SpeakerContext, cue: Token | None = None) -> Token | None:
    """The subject a pronoun speaker is bound to in its own sentence, or the token itself: "Rendell said
    he had battled pneumonia and called it common" (he is Rendell, and the source of "called"), "Lee
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
    entity = entity_at(context.entities, subject.idx, subject.idx + len(subject.text))
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
