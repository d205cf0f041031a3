"""Entity knowledge <-> rows: name variants, roles, the merge/split log, user corrections and their fingerprint."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..ids import content_hash, name_key
from .records import EntitySummary
from .timeline import name_holds, name_words

CORRECTION_KINDS = ("merge", "split")

# Rows that point at other rows of the same article go first (foreign keys are checked at once).
CHILD_TABLES = ("mentions", "article_problems")


@dataclass(frozen=True)
class Correction:
    """A user's correction: `merge` name into other (one entity), or `split` name from other (never one)."""

    kind: str
    name: str
    other: str
    made_at: str = ""


@dataclass(frozen=True)
class EntityOverview(EntitySummary):
    """One entity across the store with what the entity stage knew of it: variants, roles, counts."""

    variants: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "name": self.name, "type": self.type, "articles": self.articles,
            "mentions": self.mentions, "quotes": self.quotes, "variants": list(self.variants),
            "roles": list(self.roles),
        }  # fmt: skip


@dataclass
class EntityKnowledge:
    """What one run's entity stage knew, as plain data for the store (no stage objects cross this line)."""

    variants: list[tuple[str, str, dict[str, int]]] = field(default_factory=list)  # (entity, variant, votes)
    roles: list[dict] = field(default_factory=list)  # entity, article, start, end, text, kind
    decisions: list[dict] = field(default_factory=list)  # article, kind, names, reason, evidence
    names: dict[str, str] = field(default_factory=dict)  # entity -> the name the whole run gives it


def effective_corrections(corrections: Iterable[Correction]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(merges, splits) in force: for each pair of names the latest correction wins, so `split A B` undoes
    an earlier `merge A B` and the other way round."""
    latest: dict[frozenset[str], Correction] = {}
    for correction in corrections:
        pair = frozenset((name_key(correction.name), name_key(correction.other)))
        latest.pop(pair, None)  # re-inserted last: the dict keeps the order the corrections were made in
        latest[pair] = correction
    merges = [(c.name, c.other) for c in latest.values() if c.kind == "merge"]
    splits = [(c.name, c.other) for c in latest.values() if c.kind == "split"]
    return merges, splits


def corrections_fingerprint(corrections: Iterable[Correction]) -> str:
    """'' with no correction in force, else a hash of those in force: stored with each article analysed."""
    merges, splits = effective_corrections(corrections)
    if not merges and not splits:
        return ""
    folded = [["merge", name_key(a), name_key(b)] for a, b in merges]
    # A split's direction counts: `split A --from B` moves A out, `split B --from A` moves B.
    folded += [["split", name_key(a), name_key(b)] for a, b in splits]
    return "c" + content_hash(json.dumps(sorted(folded)))


def insert_correction(conn: sqlite3.Connection, kind: str, name: str, other: str) -> Correction:
    if kind not in CORRECTION_KINDS:
        raise ValueError(f"{kind!r} is not one of {', '.join(CORRECTION_KINDS)}")
    made_at = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        "INSERT INTO entity_corrections (seq, kind, name, other, made_at) "
        "SELECT COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM entity_corrections",
        (kind, name, other, made_at),
    )
    return Correction(kind, name, other, made_at)


def select_corrections(conn: sqlite3.Connection) -> list[Correction]:
    rows = conn.execute("SELECT kind, name, other, made_at FROM entity_corrections ORDER BY seq")
    return [Correction(*row) for row in rows]


def article_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table with an article_id column except the problems log, children first: read from the schema
    so that a table a later migration adds is cleared too."""
    names = [name for (name,) in conn.execute(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT IN ('articles', 'problems') "
        "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) p WHERE p.name = 'article_id') ORDER BY m.name"
    )]  # fmt: skip
    return sorted(names, key=lambda name: name not in CHILD_TABLES)


def delete_article_rows(conn: sqlite3.Connection, article_id: str) -> tuple[int, str]:
    """Delete every row of one article (not the problems log) and return its (seq, first_seen) to keep."""
    seq, first_seen = conn.execute("SELECT seq, first_seen FROM articles WHERE id = ?", (article_id,)).fetchone()
    for table in article_tables(conn):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    return seq, first_seen


def delete_orphan_entities(conn: sqlite3.Connection) -> None:
    # An entity no article mentions any more (its names were merged into another one) leaves the list.
    conn.execute("DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM article_entities)")
    conn.execute("DELETE FROM entity_variants WHERE entity_id NOT IN (SELECT id FROM entities)")


def replace_knowledge(conn: sqlite3.Connection, knowledge: EntityKnowledge, article_ids: Sequence[str]) -> None:
    """Replace the roles and decisions of these (stored) articles and the variants of the entities the run
    knew; the caller owns the transaction."""
    stored = {aid for (aid,) in conn.execute("SELECT id FROM articles")} & set(article_ids)
    for aid in stored:
        conn.execute("DELETE FROM entity_roles WHERE article_id = ?", (aid,))
        conn.execute("DELETE FROM entity_decisions WHERE article_id = ?", (aid,))
    known = {eid for (eid,) in conn.execute("SELECT id FROM entities")}
    entities = {eid for eid, _, _ in knowledge.variants if eid in known}
    for eid in entities:
        conn.execute("DELETE FROM entity_variants WHERE entity_id = ?", (eid,))
    conn.executemany(
        "INSERT INTO entity_variants (entity_id, variant, type_votes) VALUES (?, ?, ?) "
        "ON CONFLICT (entity_id, variant) DO NOTHING",
        [(eid, variant, json.dumps(votes, sort_keys=True)) for eid, variant, votes in knowledge.variants if eid in entities],
    )
    # An entity is stored under the name of the article that first mentions it ("a 34-year-old woman");
    # the run names it by what all its articles call it ("Sarah Miller").
    conn.executemany(
        "UPDATE entities SET name = ? WHERE id = ?",
        [(name, eid) for eid, name in knowledge.names.items() if eid in known],
    )
    positions: Counter[str] = Counter()
    for role in knowledge.roles:
        if role["article"] in stored:
            conn.execute(
                'INSERT INTO entity_roles (article_id, position, entity_id, start, "end", text, kind) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (role["article"], positions[role["article"]], role["entity"], role["start"], role["end"],
                 role["text"], role["kind"]),
            )  # fmt: skip
            positions[role["article"]] += 1
    positions.clear()
    for decision in knowledge.decisions:
        if decision["article"] in stored:
            conn.execute(
                "INSERT INTO entity_decisions (article_id, position, kind, names, reason, evidence) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (decision["article"], positions[decision["article"]], decision["kind"],
                 json.dumps(list(decision["names"]), ensure_ascii=False), decision["reason"], decision.get("evidence")),
            )  # fmt: skip
            positions[decision["article"]] += 1


def select_overview(conn: sqlite3.Connection, type_: str | None = None, ids: Sequence[str] | None = None) -> list[EntityOverview]:
    """Every entity (of one type, or among ids) with counts, variants and distinct roles, most widely
    reported first."""
    rows = conn.execute(
        "SELECT e.id, e.name, e.type, COUNT(DISTINCT ae.article_id), "
        "(SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id), "
        "(SELECT COUNT(*) FROM quotes q WHERE q.speaker_entity = e.id) "
        "FROM entities e JOIN article_entities ae ON ae.entity_id = e.id "
        "WHERE (?1 IS NULL OR UPPER(e.type) = UPPER(?1)) "
        "GROUP BY e.id, e.name, e.type ORDER BY 4 DESC, 5 DESC, e.name, e.id",
        (type_,),
    ).fetchall()
    wanted = None if ids is None else set(ids)
    overviews = []
    for eid, name, etype, articles, mentions, quotes in rows:
        if wanted is not None and eid not in wanted:
            continue
        variants = tuple(v for (v,) in conn.execute(
            "SELECT variant FROM entity_variants WHERE entity_id = ? ORDER BY variant", (eid,)
        ))  # fmt: skip
        roles = tuple(dict.fromkeys(text for (text,) in conn.execute(
            "SELECT r.text FROM entity_roles r JOIN articles a ON a.id = r.article_id "
            "WHERE r.entity_id = ? ORDER BY a.seq, r.position", (eid,)
        )))  # fmt: skip
        overviews.append(EntityOverview(eid, name, etype, articles, mentions, quotes, variants, roles))
    return overviews


def select_matching_ids(conn: sqlite3.Connection, name: str) -> list[str]:
    """Ids of entities whose name or one of whose variants holds the words of `name` (whole words, any case
    and accents), or whose id it is."""
    if conn.execute("SELECT 1 FROM entities WHERE id = ?", (name,)).fetchone():
        return [name]
    found = {eid for eid, ename in conn.execute("SELECT id, name FROM entities") if name_holds(ename, name)}
    found |= {eid for eid, variant in conn.execute("SELECT entity_id, variant FROM entity_variants") if name_holds(variant, name)}
    return sorted(found)


def select_variant_owners(conn: sqlite3.Connection, name: str) -> set[str]:
    """Ids of the entities one of whose variants is this name (folded)."""
    rows = conn.execute("SELECT entity_id FROM entity_variants WHERE variant = ?", (name_key(name),))
    return {eid for (eid,) in rows}


def select_explanation(conn: sqlite3.Connection, name: str) -> dict:
    """Everything stored about a name: its entities (variants, type votes, roles with provenance) and every
    merge and split whose names share a word with it, with reasons and evidence."""
    ids = select_matching_ids(conn, name)
    entities = []
    for overview in select_overview(conn, ids=ids):
        votes: Counter[str] = Counter()
        for (tally,) in conn.execute("SELECT type_votes FROM entity_variants WHERE entity_id = ?", (overview.id,)):
            votes.update(json.loads(tally))
        roles = [
            {"article": aid, "start": start, "end": end, "text": text, "kind": kind}
            for aid, start, end, text, kind in conn.execute(
                'SELECT r.article_id, r.start, r."end", r.text, r.kind FROM entity_roles r '
                "JOIN articles a ON a.id = r.article_id WHERE r.entity_id = ? ORDER BY a.seq, r.position",
                (overview.id,),
            )
        ]
        entities.append({**overview.as_dict(), "type_votes": dict(votes), "roles": roles})
    words = set(name_words(name))
    decisions = []
    for aid, kind, names, reason, evidence in conn.execute(
        "SELECT d.article_id, d.kind, d.names, d.reason, d.evidence FROM entity_decisions d "
        "JOIN articles a ON a.id = d.article_id ORDER BY a.seq, d.position"
    ):
        names = json.loads(names)
        if any(words & set(name_words(n)) for n in names):
            decisions.append({"article": aid, "kind": kind, "names": names, "reason": reason, "evidence": evidence})
    corrections = [
        {"kind": c.kind, "name": c.name, "other": c.other, "made_at": c.made_at}
        for c in select_corrections(conn)
        if words & (set(name_words(c.name)) | set(name_words(c.other)))
    ]
    return {"name": name, "entities": entities, "decisions": decisions, "corrections": corrections}
