"""Speaker token + the article's entities -> Speaker (canonical entity name, or unknown), by ordered sieves.

Sieves, tried in order: a name (the entity whose mention it is), a pronoun (the most recent compatible
subject, else the previous quote's speaker), a nominal ("the Chilean leader": the entity whose titles and
appositions match it; "his father, X": the apposition), a relative pronoun ("X, who said": the entity whose
mention holds its antecedent). Unknown stays unknown: a sieve that is not sure
returns nothing rather than a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...models import Entity, Speaker
from ..text import text_of
from .antecedents import MentionIndex, antecedent_of, entity_covering, relative_agrees
from .descriptors import shared_descriptors, title_word

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MENTION_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case", "flat"})
SPEAKER_TYPES = ("PERSON", "ORG", "NORP", "GPE")
CLOSERS = {")": "(", "]": "[", "\u201d": "\u201c"}
MASCULINE = frozenset({"he", "him", "his", "himself"})
FEMININE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their"})
NEUTER = frozenset({"it", "its"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Role words that name the same office: "the Chilean leader" is the woman titled "Chilean President".
LEADER_WORDS = frozenset({"leader", "president", "head", "chief", "premier"})
LOOKBACK_SENTENCES = 6
DESCRIPTION_STARTS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "our", "my", "one"]
)


@dataclass
class SpeakerContext:
    """What the sieves know about one article: its entities, titles learned per entity, genders."""

    doc: Doc
    entities: Sequence[Entity]
    descriptors: dict[str, set[str]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    previous: Speaker | None = None
    quote: tuple[int, int] | None = None  # the words being attributed, while their speaker is resolved
    quoted: Sequence[tuple[int, int]] = ()  # the article's quoted regions, marks included
    text: str = ""
    mentions: MentionIndex = field(init=False)

    def __post_init__(self) -> None:
        self.descriptors, self.genders = shared_descriptors(self.doc, self.entities)
        self.text = text_of(self.doc)
        self.mentions = MentionIndex(self.entities)


def mention_span(token: Token, whole: bool = True) -> tuple[int, int]:
    """The words naming the speaker. Whole: the noun phrase the subject heads, as PolNeAR marks sources ("A
    spokeswoman for Ana Ruiz", "Okafor, a Ruiz ally,", "Mr. Berg and Mr. Vega"), kept
    to the head's line (a parse may run across a line break). Not whole: the head with its determiners,
    titles and compound names, the words a name is read from ("the CEO", not its apposition)."""
    doc = token.doc
    if whole:
        # doc.text joins every token on each use: walk the tokens instead
        left, right = token.left_edge, token.right_edge
        for between in doc[left.i : token.i]:
            if "\n" in between.text_with_ws:
                left = doc[between.i + 1]  # the phrase starts on the head's line
        for between in doc[token.i : right.i]:
            if "\n" in between.text_with_ws:
                right = between
                break
        while left.i < token.i and not any(c.isalnum() for c in left.text):
            left = doc[left.i + 1]
        while right.i > token.i and (right.is_punct or right.is_space):
            right = doc[right.i - 1]
        following = doc[right.i + 1] if right.i + 1 < len(doc) else None
        if following is not None and following.text in CLOSERS:
            words = doc[left.i : right.i + 1].text
            if words.count(CLOSERS[following.text]) > words.count(following.text):
                right = following  # "(WOLA)", "calling themselves “X”" keep the mark that closes inside
        return left.idx, right.idx + len(right.text)
    left = token
    for child in token.lefts:
        if child.dep_ in MENTION_DEPS and child.left_edge.i < left.i:
            left = child.left_edge
    while left.i < token.i and not any(char.isalnum() for char in left.text):
        left = doc[left.i + 1]  # a mark or dash glued onto the name ('”― Jo Ruiz')
    right = token
    for child in token.rights:
        if child.dep_ in ("flat", "compound") and child.right_edge.i > right.i:
            right = child.right_edge
    return left.idx, right.idx + len(right.text)


def is_name(entity: Entity) -> bool:
    """Whether the entity's canonical name is a name ("Jane Doe", "the White House"), not a description
    ("his son", "a man") that a speaker's name must never be."""
    first = entity.name.split()[0] if entity.name.split() else ""
    if first.lower() in DESCRIPTION_STARTS:
        return entity.type == "ORG" and len(entity.name.split()) > 1 and entity.name.split()[1][:1].isupper()
    return first[:1].isupper()


def entity_speaker(entity: Entity, mention: tuple[int, int]) -> Speaker:
    return Speaker(entity=entity.id, name=entity.name, mention=mention)


def resolve_speaker(token: Token | None, context: SpeakerContext, referent: Token | None = None) -> Speaker:
    """Run the sieves on the speaker token; Speaker() when there is no speaker token. The mention stays
    the subject's words ("who", "it"); the sieves run on `referent` (its antecedent, its author) if given."""
    if token is None:
        return Speaker()
    mention = mention_span(token)
    antecedent = antecedent_of(token)
    if antecedent is not None:
        if token.lower_ == "that":
            # "nations that oppose ...": a bare "that" names no one; PolNeAR dev marks the antecedent's
            # phrase (8 times), the "that" (5) or both (1): the mention runs from the one through the other
            mention = (mention_span(antecedent, whole=False)[0], mention[1])
        return sieve_relative_pronoun(token, antecedent, mention, context)
    if referent is not None and referent is not token:
        through = resolve_speaker(referent, context)
        return Speaker(entity=through.entity, name=through.name, mention=mention)
    # For a pronoun, a subject in the same or the previous sentence is the strongest evidence there is;
    # then the entities stage's coreference; then a longer look back and the previous quote's speaker.
    sieves = (
        (sieve_nearby_subject, sieve_entity_mention, sieve_pronoun)
        if token.pos_ == "PRON"
        else (sieve_entity_mention, sieve_entity_nominal, sieve_same_name, sieve_name, sieve_nominal)
    )
    for sieve in sieves:
        found = sieve(token, mention, context)
        if found is not None:
            return found
    return Speaker(mention=mention)


def sieve_relative_pronoun(
    token: Token, antecedent: Token, mention: tuple[int, int], context: SpeakerContext
) -> Speaker:
    """Who/which/that: the entity one of whose mentions covers the antecedent's head, else what the noun
    sieves make of the antecedent, else unknown. The mention stays the pronoun (PolNeAR marks the local
    "who"). The antecedent may sit inside the quote ('... speak with the president,” who called'), and
    "which" is never a person: a parse that hangs it on the nearest name ('a magazine founded by Lee,
    which ran ...') gives no speaker rather than the wrong one."""
    entity = entity_covering(context.entities, antecedent.idx, antecedent.idx + len(antecedent.text))
    if entity is not None:
        if entity.type not in SPEAKER_TYPES or not relative_agrees(entity, token):
            return Speaker(mention=mention)
        return entity_speaker(entity, mention)
    found = resolve_speaker(antecedent, context) if antecedent.pos_ in ("PROPN", "NOUN") else Speaker()
    return Speaker(entity=found.entity, name=found.name, mention=mention)


def sieve_entity_mention(token: Token, mention: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """The entities stage already knows whom this word refers to (names, and pronouns it resolved)."""
    if token.pos_ == "NOUN":
        return None  # "Vega's father" overlaps Vega but is not him
    head = (token.idx, token.idx + len(token.text))
    entity = context.mentions.entity_at(*head)
    if entity is None or entity.type not in SPEAKER_TYPES or not is_name(entity):
        return None
    return entity_speaker(entity, mention)


def sieve_entity_nominal(token: Token, mention: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """A possessed description the entities stage made a mention of an entity ("his government", "Lee's
    ministry"): that entity, when one of its mentions holds the head noun itself. Never the possessor: his
    government is not he. Limited to possessed nouns: on bare ones ("Analysts note", "a note they left
    read") the stage's coverage named the wrong speaker in the goldens."""
    if token.pos_ != "NOUN" or not any(child.dep_ == "poss" for child in token.children):
        return None
    entity = entity_covering(context.entities, token.idx, token.idx + len(token.text))
    if entity is None or entity.type not in SPEAKER_TYPES or not is_name(entity):
        return None
    return entity_speaker(entity, mention)


def sieve_same_name(token: Token, mention: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """A capitalised word the parser did not take for a name ("Vega, without any proof, has accused"
    tagged as an interjection) that is, letter for letter, a mention of one named entity elsewhere."""
    if not (token.is_alpha and token.text[:1].isupper()) or token.pos_ in ("PROPN", "PRON", "NOUN"):
        return None  # a capitalised noun opening a sentence ("Analysts say") is no name
    text = context.text
    found = {
        entity.id: entity
        for entity in context.entities
        if entity.type in SPEAKER_TYPES
        and is_name(entity)
        and any(text[start:end] == token.text for start, end in entity.mentions)
    }
    if len(found) != 1:
        return None
    return entity_speaker(next(iter(found.values())), mention)


def sieve_name(token: Token, mention: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """A proper name the entities stage did not list (or a transcript's "SMITH"): its own words are the
    best name we have."""
    if not _looks_like_name(token):
        return None
    start, end = mention_span(token, whole=False)  # "the CEO, Jo Ruiz": the name is the head's own words
    words = [
        t for t in context.doc.char_span(start, end, alignment_mode="expand") or [] if _looks_like_name(t)
    ]
    if not words:
        return None
    return Speaker(name=" ".join(t.text for t in words), mention=mention)


def _looks_like_name(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.is_upper and token.is_alpha and len(token) > 1)


def _gender_of(pronoun: str) -> str | None:
    if pronoun in MASCULINE:
        return "m"
    if pronoun in FEMININE:
        return "f"
    return None


def compatible(entity: Entity, pronoun: str, context: SpeakerContext) -> bool:
    if pronoun in PLURAL:
        return entity.type in ("ORG", "NORP", "GPE")
    if pronoun in NEUTER:
        return entity.type in ("ORG", "GPE")
    if entity.type != "PERSON":
        return False
    wanted = _gender_of(pronoun)
    known = context.genders.get(entity.id)
    return wanted is None or known is None or known == wanted


def sieve_nearby_subject(token: Token, mention: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """He/she/they/it: a compatible named subject earlier in this sentence or in the one before."""
    return sieve_pronoun(token, mention, context, lookback=1, fallback=False)


def sieve_pronoun(
    token: Token,
    mention: tuple[int, int],
    context: SpeakerContext,
    lookback: int = LOOKBACK_SENTENCES,
    fallback: bool = True,
) -> Speaker | None:
    """He/she/they/it: the most recent compatible subject in the last few sentences, else the speaker of
    the preceding quote when compatible. A sentence whose subject is the same pronoun carries the chain one
    sentence further back ("Lee's bill failed. He blamed the press. “...,” he said.")."""
    pronoun = token.lower_
    if token.pos_ != "PRON" or pronoun not in MASCULINE | FEMININE | PLURAL | NEUTER:
        return None
    doc = context.doc
    sentence_start = token.sent.start
    sentences_seen = 0
    i = token.i - 1
    while i >= 0 and sentences_seen <= lookback:
        candidate = doc[i]
        if candidate.i < sentence_start:
            sentence_start = candidate.sent.start
            sentences_seen += 1
        if _continues_chain(candidate, token, context):
            lookback = max(lookback, sentences_seen + 1)
        named = _named_subject(candidate)
        if named is not None:
            entity = context.mentions.entity_at(named.idx, named.idx + len(named.text))
            if entity is not None and is_name(entity) and compatible(entity, pronoun, context):
                holder = (
                    _viewpoint_holder(candidate, pronoun, context) if _speaks_of(context, pronoun) else None
                )
                return _learned(entity_speaker(holder or entity, mention), pronoun, context)
        i -= 1
    previous = context.previous
    if fallback and previous is not None and previous.entity is not None:
        entity = next((e for e in context.entities if e.id == previous.entity), None)
        if entity is not None and compatible(entity, pronoun, context):
            return Speaker(entity=previous.entity, name=previous.name, mention=mention)
    return None


def _named_subject(candidate: Token) -> Token | None:
    """The name a main clause's subject gives: the subject itself, the owner of a subject ("Lee's plan
    failed. He said ..."), or the name in apposition to a noun subject ("his father, Jo Ruiz, said")."""
    if candidate.dep_ == "poss" and candidate.head.dep_ in SUBJECTS:
        return candidate if candidate.pos_ == "PROPN" and candidate.head.head.dep_ == "ROOT" else None
    if candidate.dep_ not in SUBJECTS or not _main_clause(candidate):
        return None
    if candidate.pos_ == "PROPN":
        return candidate
    if candidate.pos_ == "NOUN":
        return next((c for c in candidate.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return None


def _continues_chain(candidate: Token, pronoun: Token, context: SpeakerContext) -> bool:
    """An earlier main-clause subject that is the same pronoun, outside the quote being attributed: the
    same person still talked about, so the search may go one sentence further back."""
    quote = context.quote
    if quote is not None and quote[0] <= candidate.idx < quote[1]:
        return False
    return (
        candidate.pos_ == "PRON"
        and candidate.dep_ in SUBJECTS
        and _same_person(candidate.lower_, pronoun.lower_)
        and _main_clause(candidate)
    )


def _same_person(first: str, second: str) -> bool:
    return any(first in forms and second in forms for forms in (MASCULINE, FEMININE, PLURAL))


def _speaks_of(context: SpeakerContext, pronoun: str) -> bool:
    """Whether the quoted words speak of someone by the speaker pronoun's own person ('“I think he
    knows ...,” he said'): that someone is another person than the speaker."""
    if context.quote is None:
        return False
    words = context.doc.char_span(*context.quote, alignment_mode="expand")
    return words is not None and any(_same_person(word.lower_, pronoun) for word in words)


def _viewpoint_holder(subject: Token, pronoun: str, context: SpeakerContext) -> Entity | None:
    """'For Ruiz, Lee is ...', 'According to Ruiz, Lee is ...': the person whose view the subject's sentence
    gives, when a compatible name opens it."""
    sentence = subject.sent
    opening = sentence[0]
    if opening.lower_ == "according" and len(sentence) > 1:
        opening = sentence[1]
    if opening.lower_ not in ("for", "to") or opening.i >= subject.i:
        return None
    holder = next((child for child in opening.children if child.dep_ == "pobj"), None)
    if holder is None or holder.pos_ != "PROPN":
        return None
    entity = context.mentions.entity_at(holder.idx, holder.idx + len(holder.text))
    if entity is None or not is_name(entity) or not compatible(entity, pronoun, context):
        return None
    return entity


def _main_clause(subject: Token) -> bool:
    """A subject of the sentence's main verb (or of a verb conjoined to it), not of a relative clause."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT" or verb.dep_ in ("ccomp", "advcl") and verb.head.dep_ == "ROOT"


def _learned(speaker: Speaker, pronoun: str, context: SpeakerContext) -> Speaker:
    gender = _gender_of(pronoun)
    if gender and speaker.entity:
        context.genders.setdefault(speaker.entity, gender)
    return speaker


def sieve_nominal(token: Token, mention: tuple[int, int], context: SpeakerContext) -> Speaker | None:
    """A description ("the Chilean leader", "his father, X", "the ministry"): an apposed name first, then
    the entity whose learned titles share the most words with it, most recent first on ties."""
    if token.pos_ != "NOUN":
        return None
    for child in token.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            entity = context.mentions.entity_at(child.idx, child.idx + len(child.text))
            if entity is not None:
                return entity_speaker(entity, mention)
            return Speaker(name=child.text, mention=mention)
    determiner = next((child.lower_ for child in token.lefts if child.dep_ in ("det", "poss")), None)
    if determiner not in ("the", "this", "that"):
        return None  # "a spokesperson", "sources", "his father" without a name: unknown
    words = {title_word(t) for t in token.subtree if t.pos_ in ("NOUN", "ADJ", "PROPN") and t.i <= token.i}
    best: tuple[int, int, Entity] | None = None
    for entity in context.entities:
        if entity.type not in ("PERSON", "ORG") or not is_name(entity):
            continue
        if entity.type == "PERSON" and token.tag_ == "NNS":
            continue  # "the narcos", "the rebels": a plural description is a group, not one person
        if not any(s < token.idx for s, _ in entity.mentions):
            continue
        titles = context.descriptors.get(entity.id, set())
        if entity.type == "ORG":
            titles = titles | {word.lower() for word in entity.name.split()}
        head = token.lemma_.lower()
        role = head in titles or (head in LEADER_WORDS and bool(titles & LEADER_WORDS))
        if not role:
            continue  # a shared adjective alone ("Chilean") is not enough without the role
        score = len(words & titles) + 1
        recent = max(s for s, _ in entity.mentions if s < token.idx)
        if best is None or (score, recent) > best[:2]:
            best = (score, recent, entity)
    if best is None:
        return None
    return entity_speaker(best[2], mention)
