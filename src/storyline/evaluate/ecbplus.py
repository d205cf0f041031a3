"""ECB+ dev topics -> cross-document coreference of people and organisations, scored like Barhom et al. (2019).

Gold mentions (HUMAN_PART_PER and HUMAN_PART_ORG markables in the sentences ECBplus_coreference_sentences.csv
lists), one run per topic (both subtopics together, the stricter level Cattan et al. 2021 ask for), singletons
kept as the gold-mention setting does. Each gold mention takes the run-wide id of the person/org entity whose
mention overlaps it best (entity_at), as the corpus pass leaves it once the topic's run is over (finish_run);
a mention no entity covers stays alone. Baseline: spaCy PERSON/ORG
entities clustered by their exact folded text.

Also GUM Wikinews documents (unrelated stories) -> false joins of unnamed chains when run through one
registry (evaluate_unrelated): false merges across unrelated stories, which a run of one ECB+ topic rarely meets.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..ids import name_key
from ..models import Entity
from .coref_metrics import score_clusterings

if TYPE_CHECKING:
    from spacy.tokens import Doc

ECB_TYPES = ("HUMAN_PART_PER", "HUMAN_PART_ORG")
ECB_DEV_TOPICS = ("2", "5", "12", "18", "21", "23", "34", "35")
PREDICTED_TYPES = ("PERSON", "ORG")


def load_ecb_document(path: Path, sentences: set[int]) -> tuple[str, list[tuple[int, int, str]]]:
    """An ECB+ document's text (one sentence a line) and its gold person/organisation mentions
    [(start, end, cluster id)] in the listed sentences."""
    root = ET.parse(path).getroot()
    lines: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for token in root.iter("token"):
        lines[int(token.get("sentence"))].append((token.get("t_id"), token.text or ""))
    text_parts, offsets, cursor = [], {}, 0
    for sentence in sorted(lines):
        for index, (t_id, word) in enumerate(lines[sentence]):
            if index:
                text_parts.append(" ")
                cursor += 1
            offsets[t_id] = (cursor, cursor + len(word), sentence)
            text_parts.append(word)
            cursor += len(word)
        text_parts.append("\n")
        cursor += 1
    markables = root.find("Markables")
    anchored: dict[str, tuple[str, list[str]]] = {}
    for markable in markables if markables is not None else []:
        anchors = [a.get("t_id") for a in markable.iter("token_anchor")]
        if anchors:
            anchored[markable.get("m_id")] = (markable.tag, anchors)
    cluster_of: dict[str, str] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        label = relation.get("note") if relation.tag == "CROSS_DOC_COREF" else None
        target = relation.find("target")
        label = label or f"{path.name}:{target.get('m_id') if target is not None else relation.get('r_id')}"
        for source in relation.iter("source"):
            cluster_of[source.get("m_id")] = label
    mentions = []
    for m_id, (tag, anchors) in anchored.items():
        if tag not in ECB_TYPES:
            continue
        spans = [offsets[a] for a in anchors if a in offsets]
        if not spans or spans[0][2] not in sentences:
            continue
        start, end = min(s[0] for s in spans), max(s[1] for s in spans)
        mentions.append((start, end, cluster_of.get(m_id, f"{path.name}:{m_id}:alone")))
    return "".join(text_parts), mentions


def evaluate_ecb(data_dir: Path, limit: int | None, nlp) -> dict:
    from ..pipeline import RunContext
    from ..stages.entities import entity_at, finish_run, resolve_entities
    from ..stages.entities.registry import registry_of

    folder = data_dir / "ecbplus"
    listed: dict[str, set[int]] = defaultdict(set)
    with (folder / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            listed[f"{row['Topic']}_{row['File']}.xml"].add(int(row["Sentence Number"]))
    key: dict[str, set] = defaultdict(set)
    ours: dict[str, set] = defaultdict(set)
    baseline: dict[str, set] = defaultdict(set)
    documents = uncovered = 0
    per_topic: dict[str, float] = {}
    for topic in ECB_DEV_TOPICS:
        run = RunContext()
        topic_key: dict[str, set] = defaultdict(set)
        topic_ours: dict[str, set] = defaultdict(set)
        paths = sorted((folder / "ECB+" / topic).glob("*.xml"))
        if limit:
            paths = paths[: max(2, limit // 3)]  # documents per topic: cross-document links need several
        found_ids: list[tuple[tuple[str, int, int], str, str | None]] = []  # (mention, gold cluster, entity id)
        for path in paths:
            text, gold = load_ecb_document(path, listed.get(path.name, set()))
            if not gold:
                continue
            documents += 1
            doc = nlp(text)
            entities = resolve_entities(doc, (), registry_of(run.memory), path.name).entities
            people = [e for e in entities if e.type in PREDICTED_TYPES]
            names = {(ent.start_char, ent.end_char): f"{ent.label_}:{name_key(ent.text)}" for ent in doc.ents if ent.label_ in PREDICTED_TYPES}
            for start, end, cluster in gold:
                mention = (path.name, start, end)
                found: Entity | None = entity_at(people, start, end)
                found_ids.append((mention, cluster, found.id if found else None))
                spacy_name = next((n for (s, e), n in names.items() if s < end and start < e), None)
                baseline[f"{topic}:{spacy_name}" if spacy_name else f"alone:{mention}"].add(mention)
        # The run is over: the corpus pass may merge entries the input order kept apart (relink.py).
        registry = registry_of(run.memory)
        finish_run(run)
        for mention, cluster, id_ in found_ids:
            uncovered += id_ is None
            response = f"{topic}:{registry.final_id(id_)}" if id_ else f"alone:{mention}"
            key[cluster].add(mention)
            ours[response].add(mention)
            topic_key[cluster].add(mention)
            topic_ours[response].add(mention)
        if topic_key:
            per_topic[topic] = round(score_clusterings(topic_key.values(), topic_ours.values()).conll_f1, 4)
    return {
        "documents": documents,
        "gold_mentions": sum(len(c) for c in key.values()),
        "gold_entities": len(key),
        "uncovered_mentions": uncovered,  # gold mentions no person/org entity of the stage covers (each alone)
        "per_topic_conll_f1": per_topic,
        "storyline": score_clusterings(key.values(), ours.values()).as_dict(),
        "spacy_baseline": score_clusterings(key.values(), baseline.values()).as_dict(),
    }


# --- unrelated articles in one run ---------------------------------------------------------------------


def count_unnamed_joins(registry) -> int:
    """How many times a chain with no name joined an entity of another article: for each entity, the
    articles that hold it only through unnamed chains, less one when no article names it at all (its
    first unnamed chain is where it began). Over articles on unrelated stories every such join is false."""
    joins = 0
    for entry in registry.entries.values():
        unnamed = len(set(entry.articles) - entry.named_articles)
        joins += unnamed - (1 if unnamed and not entry.named_articles else 0)
    return joins


def evaluate_unrelated(named_docs: Sequence[tuple[str, Doc]]) -> dict:
    """The GUM Wikinews documents, each on another story, run together through one registry: joins of
    unnamed chains across them (count_unnamed_joins), all false merges. Named people may be one entity
    across documents (the same politician) and are not counted. Takes the Docs evaluate_gum scored (the
    entity stage only caches on a Doc, so running it again gives the same mentions)."""
    from ..pipeline import RunContext
    from ..stages.entities import finish_run, resolve_entities
    from ..stages.entities.registry import registry_of

    run = RunContext()
    for name, doc in named_docs:
        resolve_entities(doc, (), registry_of(run.memory), name)
    registry = registry_of(run.memory)
    at_registration = count_unnamed_joins(registry)
    finish_run(run)
    joins = count_unnamed_joins(registry)
    return {"documents": len(named_docs), "unnamed_joins": joins, "unnamed_joins_at_registration": at_registration}
