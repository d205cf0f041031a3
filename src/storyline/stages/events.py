"""Doc + entities + timexes -> list[Event]: who did what to whom, coded in PLOVER.

A first version: a verb whose lemma is in a small PLOVER lexicon, with an entity as its subject and
another as its object (or the object of its preposition), makes an event. Actors are coded by country
(the Phoenix country table: names, adjectives, capitals) and sector (the Phoenix agent table: president ->
GOV, soldier -> MIL) from the entity's name and the words just before its mentions. The status comes
from negation, modality and speech verbs above the trigger; the date from a timex in the same sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Actor, Analysis, Article, Entity, Event, Timex
from .actor_codes import country_code, country_table, sector_code
from .text import in_blocks, sentence_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..pipeline import RunContext

# Verb lemmas per PLOVER event type (PLOVER manual, Draft 0.8: the 16 types and their usual verbs).
PLOVER_VERBS = {
    "AGREE": "agree sign settle ratify endorse",
    "CONSULT": "meet host welcome visit consult discuss negotiate talk phone",
    "SUPPORT": "support praise hail back defend applaud commend",
    "CONCEDE": "concede yield relent ease lift",
    "COOPERATE": "cooperate collaborate partner ally",
    "AID": "aid help fund finance supply donate assist",
    "RETREAT": "withdraw retreat pull evacuate",
    "REQUEST": "request ask urge demand appeal",
    "ACCUSE": "accuse criticise criticize condemn denounce blame blast charge",
    "REJECT": "reject refuse deny veto dismiss oppose",
    "THREATEN": "threaten warn",
    "PROTEST": "protest march demonstrate boycott",
    "SANCTION": "sanction strip embargo suspend expel ban freeze decertify",
    "MOBILIZE": "mobilize mobilise deploy",
    "COERCE": "arrest detain deport seize raid capture abduct kidnap imprison",
    "ASSAULT": "attack strike bomb kill shoot assassinate invade ambush",
}
VERB_TYPES = {lemma: kind for kind, lemmas in PLOVER_VERBS.items() for lemma in lemmas.split()}
SPEECH_LEMMAS = {"say", "tell", "claim", "report", "allege", "announce", "state", "add", "argue", "write"}
HYPOTHETICAL_MARKS = {"may", "might", "could", "would", "should", "will", "if", "'ll"}
ACTOR_TYPES = {"PERSON", "ORG", "GPE", "NORP"}


def code_actor(entity: Entity, text: str) -> str | None:
    """'COL GOV' for 'Colombian President Gustavo Petro': country and sector from names and titles."""
    context = " ".join(text[max(0, start - 40): end] for start, end in entity.mentions[:6])
    named = entity.name.lower().removeprefix("the ")
    # a country acting (typed ORG by the entity stage: "Belgium faced Panama") is coded as that country
    acting_country = entity.type == "ORG" and named in country_table()
    country = country_code(entity.name) if entity.type in {"GPE", "NORP"} or acting_country else None
    country = country or country_code(context)
    sector = sector_code(context) if entity.type in {"PERSON", "ORG"} else None
    return " ".join(part for part in (country, sector) if part) or None


def _entity_of(token: Token, spans: dict[int, Entity]) -> Entity | None:
    for candidate in [token, *token.children]:
        if candidate.idx in spans:
            return spans[candidate.idx]
    for candidate in token.subtree:
        if candidate.idx in spans:
            return spans[candidate.idx]
    return None


def _status(verb: Token) -> str:
    if any(child.dep_ == "neg" for child in verb.children):
        return "negated"
    if any(child.lower_ in HYPOTHETICAL_MARKS for child in verb.children if child.dep_ in {"aux", "mark"}):
        return "hypothetical"
    if any(ancestor.lemma_ in SPEECH_LEMMAS for ancestor in verb.ancestors):
        return "reported"
    return "asserted"


def _date_in(sentence: tuple[int, int] | None, timexes: tuple[Timex, ...]) -> str | None:
    if sentence is None:
        return None
    for timex in timexes:
        if sentence[0] <= timex.start < sentence[1] and timex.type == "DATE" and timex.value:
            return timex.value
    return None


def find_events(doc: Doc, found: Analysis) -> list[Event]:
    article = found.article
    starts: dict[int, Entity] = {}
    for entity in found.entities:
        if entity.type in ACTOR_TYPES:
            for start, _end in entity.mentions:
                starts[start] = entity
    codes: dict[str, str | None] = {}
    events = []
    for verb in doc:
        kind = VERB_TYPES.get(verb.lemma_.lower())
        if kind is None or verb.pos_ != "VERB" or not in_blocks(article.blocks, verb.idx, verb.idx + 1):
            continue
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        source = next((e for e in (_entity_of(s, starts) for s in subjects) if e), None)
        target = next((e for e in (_entity_of(o, starts) for o in objects) if e and e is not source), None)
        if source is None:
            continue
        for entity in (source, target):
            if entity is not None and entity.id not in codes:
                codes[entity.id] = code_actor(entity, article.text)
        sentence = sentence_at(found.sentences, verb.idx) or (verb.sent.start_char, verb.sent.end_char)
        events.append(
            Event(
                type=kind,
                status=_status(verb),
                source=Actor(source.id, source.name, codes[source.id]),
                target=Actor() if target is None else Actor(target.id, target.name, codes[target.id]),
                date=_date_in(sentence, found.timexes),
                trigger=(verb.idx, verb.idx + len(verb.text)),
                sentence=sentence,
            )
        )
    return events


class EventStage:
    name = "events"
    version = "events.v2"
    field = "events"

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> tuple[Event, ...]:
        return tuple(find_events(doc, found))


STAGE = EventStage()
