"""Noun token -> the attribution a noun of saying or stance cues: "Lee's claim that ...", "made a strong
condemnation of ...", "has questions about ...", "unveiled a proposal for ...".

The noun carries the stance; its clause, infinitive or prepositional object is the content; its owner
(a possessive) or the subject of the verb it is the object of is the source ("the council made a strong
condemnation of the test": the council condemns). A verb that is a cue itself keeps its own object.
A noun of claiming that nobody named holds is the writer's report, without a source ("claims of abuse",
"growing concerns that ..."); a verb in -s the tagger read as a plural noun is taken back as a verb.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cues import (
    FIRST_SECOND_PERSON,
    Reported,
    inside,
    lemma_of,
    opens_with_that,
    subject_of,
    subtree_span,
    word_set,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of saying that carry their content as a that-clause ("her claim that ...").
SPEECH_NOUNS = word_set(
    """claim statement assertion argument warning promise pledge suggestion accusation allegation view belief
    insistence announcement contention charge complaint admission prediction threat vow"""
)
# Nouns of realizing, concluding and stressing: views only with a that-clause ("her acknowledgment that
# ...", "a recognition that ..."), never through a preposition ("a sense of humor", "recognition of Taiwan").
REALIZING_NOUNS = word_set(
    """acknowledgment acknowledgement recognition realization realisation conclusion emphasis feeling sense
    impression awareness perception assumption"""
)
# Nouns of saying or worry that report a that-clause with no one named ("charges that he ...").
UNOWNED_NOUNS = (
    SPEECH_NOUNS | REALIZING_NOUNS | word_set("concern fear report rumor rumour speculation suspicion worry")
)
# Nouns of claiming and judging that report what they are about even with no one named as holding them
# ("claims of sexual abuse", "the intense criticism of the anchor", "skepticism about the union's value").
CLAIM_NOUNS = word_set(
    """claim accusation allegation report criticism condemnation protest skepticism scepticism assessment
    complaint charge warning"""
)
# Nouns of a stance, a judgement or a proposal held by someone ("has reservations about", "made the case
# for", "took offense at"): content only through their clause or preposition, source only through an owner.
STANCE_NOUNS = SPEECH_NOUNS | word_set(
    """question concern doubt reservation illusion position stance case offense offence secret determination
    decision proposal idea plan agreement message call criticism condemnation support opposition endorsement
    praise adulation admiration interest comment remark insult attack appeal plea demand request objection
    protest skepticism scepticism suspicion confidence faith opinion conviction forecast assessment estimate
    theory hope fear expectation desire wish doubt warning concern complaint message pitch vision understanding
    assurance guarantee commitment intention intent bid offer bet wager thesis worry trust pride debate
    discussion dispute"""
) | REALIZING_NOUNS
# Nouns whose infinitive is what is proposed or intended ("a decision to grant", "plans to give").
INTENTION_NOUNS = word_set(
    """decision proposal promise pledge vow threat call demand request appeal agreement bid offer
    commitment intention intent determination effort attempt"""
)
CONTENT_PREPOSITIONS = frozenset({"about", "on", "against", "over", "toward", "towards", "at", "of"})
# "the view of the river", "the support of the party": these nouns take "of" for what they are or who
# holds them, not for what they are about.
NO_OF_NOUNS = word_set("view case position question call message plan idea secret support endorsement")
# "questions for the director", "a position at the agency": "for" names the addressee or a place except
# after nouns of support and demand ("made the case for", "a call for", "support for").
FOR_NOUNS = word_set("case call proposal bid forecast criticism praise appeal plea demand support")
# "an interest in few policies", "faith in the justice system": these take "in" for what they are about.
IN_NOUNS = word_set("interest faith belief confidence trust pride")
# Verbs through which the subject holds such a noun itself ("has an interest in"), unlike those that
# raise it in others ("the program is cultivating new interest in Warhol").
HOLDING_VERBS = word_set("have express voice show take share signal keep lose retain place put")
OWNER_ENTITY_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
OWNED_BY_WRITER = FIRST_SECOND_PERSON | {"my", "our", "your"}


def noun_attribution(
    noun: Token, quoted: Sequence[tuple[int, int]], verb_cues: frozenset[str]
) -> Reported | None:
    """The content a stance noun carries and whose it is: its possessive owner, or the subject of the
    verb it is the object of (unless that verb is a cue in `verb_cues`, which reports the noun itself)."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and not inside(quoted, c.idx)), None)
    owner = owner or _named_owner(noun, quoted)
    verb = None
    if owner is None:
        verb = noun.head
        if noun.dep_ != "dobj" or verb.pos_ != "VERB" or lemma_of(verb) in verb_cues:
            return _unowned_claim(noun)
        owner = subject_of(verb, quoted)
    if owner is None:
        return _unowned_claim(noun)
    if owner.lower_ in OWNED_BY_WRITER or owner.dep_ == "nsubjpass":
        return None
    if owner.ent_type_ in ("DATE", "TIME") or owner.lemma_.lower() in STANCE_NOUNS:
        return None  # "the day sends a message", "the decision raises questions": no one holds the view
    content = _noun_content(noun)
    if content is None:
        return None
    start, end = subtree_span(content)
    if end - start < 3:
        return None
    cue_start = verb.idx if verb is not None and verb.i < noun.i else noun.idx
    cue_end = noun.idx + len(noun.text)
    if content.dep_ in ("pobj", "pcomp") and content.head.head == noun:
        cue_end = content.head.idx + len(content.head.text)
    return Reported(start, end, (cue_start, cue_end), owner)


def _unowned_claim(noun: Token) -> Reported | None:
    """ "Growing concerns that Europe depends on ...", "reports that the plant closed", "claims of abuse": a
    noun of saying with its that-clause (or a noun of claiming with what it is about) that nobody named
    holds, the writer's report of what is said."""
    if noun.lemma_.lower() not in UNOWNED_NOUNS | CLAIM_NOUNS:
        return None
    content = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and opens_with_that(c)), None)
    if content is None and noun.lemma_.lower() in CLAIM_NOUNS:
        content = _noun_content(noun)
    if content is None:
        return None
    return _cued_by_noun(noun, content, None)


def _named_owner(noun: Token, quoted: Sequence[tuple[int, int]]) -> Token | None:
    """A name before the noun ("a New York Times report that ...") or its agent after it ("the decision
    by the FBI to ...") owns it."""
    for child in noun.children:
        if inside(quoted, child.idx):
            continue
        if child.dep_ == "compound" and child.i < noun.i and child.ent_type_ in OWNER_ENTITY_TYPES:
            return child
        if child.dep_ == "prep" and child.lower_ == "by":
            agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            if agent is not None and (agent.ent_type_ in OWNER_ENTITY_TYPES or agent.pos_ == "PRON"):
                return agent
    return None


def _noun_content(noun: Token) -> Token | None:
    """A that-clause ("the claim that ..."), an infinitive of intention ("a decision to grant ..."), or
    the object of a preposition of stance ("questions about ...", "condemnation of ...")."""
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and opens_with_that(child):
            return child
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "Ms. Vega's bet is that ...", "her view is that ...": the clause after "is" is the noun's
        clause = next(
            (c for c in noun.head.children if c.dep_ in ("ccomp", "attr") and opens_with_that(c)), None
        )
        if clause is not None:
            return clause
    if lemma in REALIZING_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "acl" and lemma in INTENTION_NOUNS and _opens_with_to(child):
            return child
    for child in noun.children:
        if child.dep_ != "prep" or child.lower_ not in CONTENT_PREPOSITIONS | {"for", "in"}:
            continue
        if child.lower_ == "of" and lemma in NO_OF_NOUNS or child.lower_ == "for" and lemma not in FOR_NOUNS:
            continue
        if child.lower_ == "in" and (lemma not in IN_NOUNS or not _held(noun)):
            continue
        objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
            return objects[0]
    return _light_verb_object(noun)


def _light_verb_object(noun: Token) -> Token | None:
    """ "took offense at suggestions that ...", "has doubts about the plan" read with the preposition on
    the verb: after a verb of holding, the preposition that follows the noun still says what it is about."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in HOLDING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.i > noun.i and child.lower_ in CONTENT_PREPOSITIONS - {"of"}:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
                return objects[0]
    return None


def _held(noun: Token) -> bool:
    """Whether the noun's holder is named as holding it: its possessor, or the subject of a verb of having."""
    return any(c.dep_ == "poss" for c in noun.children) or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in HOLDING_VERBS
    )


def _opens_with_to(clause: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in clause.children)


def misread_verb_attribution(noun: Token, quoted: Sequence[tuple[int, int]]) -> Reported | None:
    """ "The Vega campaign plans to hire ...": a verb of intention or saying in -s read as a plural
    noun keeps its clause as a child (a noun takes no infinitive or clause complement of its own), and
    the noun phrase before it, read as its compound, is its subject."""
    clause = next((c for c in noun.children if c.dep_ in ("xcomp", "ccomp") and c.i > noun.i), None)
    if clause is None or noun.tag_ != "NNS" or inside(quoted, noun.idx):
        return None
    subject = next(
        (
            c
            for c in reversed(list(noun.lefts))
            if c.dep_ in ("compound", "nsubj") and c.pos_ in ("NOUN", "PROPN")
        ),
        None,
    )
    if subject is None:
        return None
    return _cued_by_noun(noun, clause, subject)


def _cued_by_noun(noun: Token, content: Token, source: Token | None) -> Reported | None:
    """The content's phrase with the noun alone as its cue; under three characters it is a fragment
    of a bad parse, no content."""
    start, end = subtree_span(content)
    if end - start < 3:
        return None
    return Reported(start, end, (noun.idx, noun.idx + len(noun.text)), source)
