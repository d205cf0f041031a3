"""Article + Doc -> canonical Entities (people, organisations, places) with pronouns and nominals, ids shared by the run.

Order of work: name mentions (spaCy NER without credits, boilerplate and headings) -> one type per name by
evidence and vote (entity_types) -> name clusters with recorded merges and splits (clusters) -> roles and
appositives (roles) -> role nominals and pronouns by sieve (coref) -> a person described, then named
(introductions) -> run-wide ids (registry) -> once every article is in, entries the input order kept apart
merged (relink: finish_run gives the id aliases, relabel applies them to an article's analysis).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...ids import entity_id
from ...models import Actor, Analysis, Article, Block, Entity
from .clusters import Cluster, Decision, add_untagged_names, cluster_names
from .coref import resolve_first_person, resolve_pronouns
from .corrections import apply_user_merges, apply_user_splits
from .descriptions import Description, age_after, describe, describe_age, describe_role
from .entity_types import decide_types
from .introductions import join_headline_nouns, join_introduced_names
from .lexicon import KINSHIP_NOUNS
from .mentions import (
    Mention,
    blocked_spans,
    name_mentions,
    nominal_mentions,
    pronoun_mentions,
    quoted_ranges,
    text_of,
)
from .nominals import resolve_nominals
from .predicates import attach_predicates, attach_reported_it
from .registry import Registry, explain, registry_of
from .relink import relink_entries
from .roles import collect_roles
from .teams import add_team_names

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...pipeline import RunContext

STAGE_VERSION = "entities.v5"


@dataclass
class Resolution:
    """The pure core's full answer: the entities, and the clusters and decisions behind them."""

    entities: tuple[Entity, ...]
    clusters: list[Cluster]
    decisions: list[Decision]


def entity_at(entities: Sequence[Entity], start: int, end: int) -> Entity | None:
    """The entity one of whose mentions covers or overlaps [start, end) best, or None.

    Best = largest overlap in characters; ties go to the mention closest in length to the span
    (so "Vega" inside "Carlos Vega's aide" picks the mention that is exactly the name).
    """
    best: tuple[int, int] | None = None
    chosen: Entity | None = None
    for entity in entities:
        for mention_start, mention_end in entity.mentions:
            overlap = min(end, mention_end) - max(start, mention_start)
            if overlap <= 0:
                continue
            mismatch = abs((mention_end - mention_start) - (end - start))
            score = (overlap, -mismatch)
            if best is None or score > best:
                best, chosen = score, entity
    return chosen


def resolve_entities(
    doc: Doc, blocks: Sequence[Block] = (), registry: Registry | None = None, article_id: str = ""
) -> Resolution:
    """The pure core: a parsed text (and its blocks) -> entities with all their mentions."""
    blocked = blocked_spans(blocks, len(text_of(doc)))
    names = add_team_names(doc, blocked, name_mentions(doc, blocked))
    known = registry.known_words() if registry else {}
    person_words = frozenset(word for word, type_ in known.items() if type_ == "PERSON")
    types, tallies = decide_types(doc, names, registry.votes if registry else None, person_words)
    clusters, decisions = cluster_names(doc, names, types)
    names += add_untagged_names(doc, clusters, blocked, decisions, known)
    if registry is not None and registry.splits:
        apply_user_splits(clusters, registry, decisions)
    if registry is not None and registry.merges:
        apply_user_merges(clusters, registry, decisions)
    appositives = collect_roles(doc, clusters, blocked)
    taken_heads = {m.head for m in appositives} | {i for m in names for i in range(m.first, m.last)}
    nominals = [m for m in nominal_mentions(doc, blocked, names) if m.head not in taken_heads]
    resolve_nominals(doc, clusters, nominals)
    pronouns = pronoun_mentions(doc, blocked)
    quotes = quoted_ranges(text_of(doc))
    resolve_pronouns(doc, clusters, pronouns, quotes)
    resolve_first_person(doc, clusters, pronouns, quotes)
    attach_predicates(doc, clusters, blocked)
    attach_reported_it(doc, clusters, pronouns)
    join_introduced_names(doc, clusters, decisions)
    join_headline_nouns(doc, clusters, decisions)
    if registry is not None:
        registry.add_votes(tallies)
        registry.note(article_id, decisions, text_of(doc))
    grouped: dict[str, tuple[Cluster, set[tuple[int, int]]]] = {}
    local_ids: set[str] = set()
    if registry is not None:
        registry.article_keys = {key for cluster in clusters for key in cluster.keys}
    owners: dict[int, str] = {}  # token of a name or pronoun -> the run-wide id of its entity
    # Named clusters first: what an unnamed one is matched by across articles includes the names around it.
    for cluster in sorted(clusters, key=lambda c: not c.keys):
        keep = any(m.kind == "name" or worth_keeping(m) or owner_of(doc, m, owners) for m in cluster.mentions)
        if len(cluster.mentions) < 2 and not keep:
            continue
        if registry is not None:
            id_ = registry.register(cluster, article_id, describe_cluster(doc, cluster, owners))
        else:
            id_ = entity_id(cluster.type, cluster.name)
            suffix = 2
            while id_ in local_ids:
                id_ = entity_id(cluster.type, f"{cluster.name}#{suffix}")
                suffix += 1
        local_ids.add(id_)
        owners.update((i, id_) for m in cluster.mentions if m.kind in ("name", "pronoun") for i in range(m.first, m.last))
        # Two clusters of one article may turn out to be one run-wide entity: their mentions are pooled.
        first, spans = grouped.setdefault(id_, (cluster, set()))
        spans.update((m.start, m.end) for m in cluster.mentions)
    entities = [
        Entity(id=id_, name=cluster.name, type=cluster.type, mentions=tuple(sorted(spans)))
        for id_, (cluster, spans) in grouped.items()
    ]
    entities.sort(key=lambda e: e.mentions[0])
    return Resolution(tuple(entities), clusters, decisions)


def owner_of(doc: Doc, mention: Mention, owners: dict[int, str]) -> str:
    """Whose relative a possessed kinship nominal is ("his brother", "Vinar's brother"): the run-wide id of
    the entity its possessor belongs to, when that entity is already registered; '' otherwise."""
    if mention.kind != "nominal" or mention.features.get("possessive") != "yes":
        return ""
    if mention.features.get("lemma") not in KINSHIP_NOUNS or mention.features.get("quoted") == "yes":
        return ""
    possessor = next((t.i for t in doc[mention.first : mention.head] if t.dep_ == "poss"), None)
    return owners.get(possessor, "") if possessor is not None else ""


def describe_cluster(doc: Doc, cluster: Cluster, owners: dict[int, str] | None = None) -> list[Description]:
    """What a cluster's nominals, titles, appositives and "Name, 59," say of it, for matching across articles;
    a possessed kinship nominal whose possessor is a known entity says whose relative it is."""
    descriptions = [describe(doc, m) for m in cluster.mentions if worth_keeping(m)]
    for mention in cluster.mentions:
        if owners and (owner := owner_of(doc, mention, owners)):
            descriptions.append(replace(describe(doc, mention), owner=owner))
    roles = (describe_role(doc, r.start, r.end) for r in cluster.roles if r.kind in ("title", "appositive"))
    descriptions += [d for d in roles if d is not None]
    ages = sorted({age for m in cluster.mentions if m.kind == "name" and (age := age_after(doc, m))})
    return descriptions + [describe_age(age) for age in ages]


def worth_keeping(mention: Mention) -> bool:
    """A lone role nominal is kept as an entity when a later article may name the same group or person
    ("the host", "pirates") and it is not words inside a quotation ("a 'sick man'")."""
    features = mention.features
    return (
        mention.kind == "nominal"
        and features.get("quoted") != "yes"
        and features.get("possessive") != "yes"
    )


def find_entities(article: Article, doc: Doc, registry: Registry | None = None) -> tuple[Entity, ...]:
    return resolve_entities(doc, article.blocks, registry, article.id).entities


class EntityStage:
    name = "entities"
    version = STAGE_VERSION
    field = "entities"

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> tuple[Entity, ...]:
        return find_entities(article, doc, registry_of(run.memory))

    def finish_run(self, run: RunContext) -> dict[str, str]:
        """The corpus pass once every article is in (pipeline.settle): see finish_run below."""
        return finish_run(run)

    def settle(self, analysis: Analysis, run: RunContext) -> Analysis:
        """One article's analysis under the ids the corpus pass left (the same object when none moved)."""
        return relabel(analysis, run)


STAGE = EntityStage()


def finish_run(run: RunContext) -> dict[str, str]:
    """The corpus pass, once every article of the run went through the stage: merges entries the input
    order kept apart (an early article's "the driver" with the person a later article names). Returns the
    aliases, old id -> id it became, for the analyses already made (see relabel)."""
    return relink_entries(registry_of(run.memory))


def relabel(analysis: Analysis, run: RunContext) -> Analysis:
    """An article's analysis with the ids the corpus pass merged (finish_run) replaced: its entities (two of
    one article that became one entity pool their mentions, under the kept entity's name), quote speakers
    and event actors."""
    registry = registry_of(run.memory)
    aliases = registry.aliases
    if not aliases or not any(e.id in aliases for e in analysis.entities):
        return analysis
    pooled: dict[str, Entity] = {}
    for entity in analysis.entities:
        id_ = registry.final_id(entity.id)
        entry = registry.entries.get(id_)
        name = entry.name if entry is not None and id_ != entity.id else entity.name
        if id_ in pooled:
            first = pooled[id_]
            pooled[id_] = replace(first, mentions=tuple(sorted(set(first.mentions) | set(entity.mentions))))
        else:
            pooled[id_] = replace(entity, id=id_, name=name)
    entities = sorted(pooled.values(), key=lambda e: e.mentions[0])
    quotes = tuple(
        replace(q, speaker=replace(q.speaker, entity=aliases[q.speaker.entity])) if q.speaker.entity in aliases else q
        for q in analysis.quotes
    )
    events = tuple(
        replace(e, source=relabel_actor(e.source, aliases), target=relabel_actor(e.target, aliases))
        for e in analysis.events
    )
    return replace(analysis, entities=tuple(entities), quotes=quotes, events=events)


def relabel_actor(actor: Actor, aliases: dict[str, str]) -> Actor:
    return replace(actor, entity=aliases[actor.entity]) if actor.entity in aliases else actor


def explain_name(run: RunContext, name: str) -> dict:
    """Data for `storyline entities --explain NAME`: entities, variants, type votes, merges and splits."""
    return explain(registry_of(run.memory), name)


def roles_of(run: RunContext, entity_id: str) -> list[dict]:
    """Titles, appositives, kinship and nationality said of one entity across the run, each with the
    article and the character span it was read from (provenance for the dossier)."""
    entry = registry_of(run.memory).entries.get(entity_id)
    if entry is None:
        return []
    return [
        {"article": article, "start": start, "end": end, "text": text, "kind": kind}
        for article, start, end, text, kind in entry.roles
    ]


__all__ = [
    "STAGE",
    "STAGE_VERSION",
    "Registry",
    "entity_at",
    "explain_name",
    "find_entities",
    "finish_run",
    "relabel",
    "resolve_entities",
    "roles_of",
]
