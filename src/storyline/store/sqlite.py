"""Analyses <-> one SQLite file: one transaction per article, content-hash ids, exact round trips, FTS search."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from ..models import Analysis, Problem, Published
from ..stages.timexes.timeline import TimelinePoint
from .entities import (
    Correction,
    EntityKnowledge,
    EntityOverview,
    delete_article_rows,
    delete_orphan_entities,
    insert_correction,
    replace_knowledge,
    select_corrections,
    select_explanation,
    select_overview,
    select_variant_owners,
)
from .migrations import applied_migrations, apply_migrations
from .quotes import select_quotes, select_speakers
from .read import select_analysis
from .records import ArticleSummary, EntitySummary, QuoteHit, SearchHit, SpeakerCount, StoreError, shorten
from .search import MATCH_CLOSE, MATCH_OPEN, build_fts_query, find_matches, search_terms, split_snippet
from .timeline import select_entity_ids, select_timeline
from .write import insert_analysis, insert_problem

# Tables counted by stats(), in the order a reader meets them.
TABLES = (
    "articles", "article_stages", "blocks", "sentences", "entities", "article_entities", "mentions",
    "quotes", "timexes", "events", "figures", "problems", "article_problems",
    "sentence_search", "quote_search", "entity_variants", "entity_roles", "entity_decisions", "entity_corrections",
)  # fmt: skip


class Store:
    """A storyline dossier in one SQLite file (WAL mode, foreign keys on, schema by named migrations)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such storyline store")
        if Path(self.path).is_dir():
            raise StoreError(f"{self.path}: a directory, not a storyline store file")
        try:
            # Autocommit mode: every write below opens its own explicit transaction.
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open: {error}") from error
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            # A reader (the web app) and a writer (build) may share the file: wait for a lock, don't fail.
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._conn.execute("PRAGMA journal_mode = WAL")
            apply_migrations(self._conn, self.path)
        except sqlite3.DatabaseError as error:
            self._conn.close()
            raise StoreError(
                f"{self.path}: not a storyline store (not an SQLite database?): {error}"
            ) from error
        except StoreError:
            self._conn.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def migrations(self) -> list[str]:
        """Names of the schema migrations applied to this file, in the order they were applied."""
        return applied_migrations(self._conn)

    # -- writing ---------------------------------------------------------------------------------------

    def __contains__(self, article_id: object) -> bool:
        row = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def save(self, analysis: Analysis, *, corrections: str = "") -> bool:
        """Store one article and everything found in it, all or nothing; False if its id is already stored.

        `corrections` is the fingerprint of the entity corrections the article was analysed under.
        Raises StoreError (naming the article) when a record breaks a constraint; nothing of that article
        is kept and earlier articles are untouched.
        """
        article = analysis.article
        if article.id in self:
            return False
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            if article.id in self:  # another writer got there between the check and the lock
                self._conn.execute("ROLLBACK")
                return False
            insert_analysis(self._conn, analysis)
            self._conn.execute("UPDATE articles SET corrections = ? WHERE id = ?", (corrections, article.id))
        except sqlite3.Error as error:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"article {article.id} ({article.source}) not saved: {error}") from error
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return True

    def replace(self, analysis: Analysis, *, corrections: str = "") -> None:
        """Store a new analysis of an already stored article in place of the old one, all or nothing; the
        article keeps its place in the list and its first_seen. StoreError as for save()."""
        article = analysis.article
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            # Checked at COMMIT, when the new rows are all in: the order of the deletes then cannot matter,
            # whatever tables later migrations add.
            self._conn.execute("PRAGMA defer_foreign_keys = ON")
            seq, first_seen = delete_article_rows(self._conn, article.id)
            insert_analysis(self._conn, analysis)
            self._conn.execute(
                "UPDATE articles SET seq = ?, first_seen = ?, corrections = ? WHERE id = ?",
                (seq, first_seen, corrections, article.id),
            )
            delete_orphan_entities(self._conn)
            self._conn.execute("COMMIT")  # inside: a deferred foreign key fails here and is rolled back
        except sqlite3.Error as error:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"article {article.id} ({article.source}) not replaced: {error}") from error
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def corrections_of(self, article_id: str) -> str | None:
        """The corrections fingerprint a stored article was analysed under ('' for none); None if not stored."""
        row = self._conn.execute("SELECT corrections FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else row[0]

    def add_correction(self, kind: str, name: str, other: str) -> Correction:
        """Record a user's `merge` (name into other) or `split` (name from other); ValueError for another kind."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            correction = insert_correction(self._conn, kind, name, other)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return correction

    def corrections(self) -> list[Correction]:
        """Every correction the user made, oldest first (the latest about a pair of names wins)."""
        return select_corrections(self._conn)

    def save_entity_knowledge(self, knowledge: EntityKnowledge, article_ids: list[str]) -> None:
        """Replace, in one transaction, the roles and merge/split log of these articles and the variants of
        the entities a run knew (see EntityKnowledge)."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            replace_knowledge(self._conn, knowledge, article_ids)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def entity_overview(self, type: str | None = None) -> list[EntityOverview]:
        """Every entity (or those of one type, any case) with counts, name variants and roles, most widely
        reported first."""
        return select_overview(self._conn, type)

    def variant_owners(self, name: str) -> set[str]:
        """Ids of the entities that have this name among their variants (any case, any accents)."""
        return select_variant_owners(self._conn, name)

    def explain_entity(self, name: str) -> dict:
        """Everything stored about a name: its entities with variants, type votes and roles (with article and
        span), and the merges, splits and user corrections involving its words."""
        return select_explanation(self._conn, name)

    def save_problem(self, problem: Problem) -> bool:
        """Record a problem with one input or article; False if the same problem is already recorded."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            added = insert_problem(self._conn, problem)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return added

    # -- reading ---------------------------------------------------------------------------------------

    def load(self, article_id: str) -> Analysis:
        """The Analysis saved under this id, equal to the one given to save(); KeyError if absent."""
        return select_analysis(self._conn, article_id)

    def analyses(self) -> Iterator[Analysis]:
        """Every stored Analysis, in the order the articles were first saved."""
        ids = [aid for (aid,) in self._conn.execute("SELECT id FROM articles ORDER BY seq")]
        for aid in ids:
            yield self.load(aid)

    def articles(self) -> list[ArticleSummary]:
        """One summary per stored article (dates and counts), in the order they were first saved."""
        counts = ", ".join(
            f"(SELECT COUNT(*) FROM {table} t WHERE t.article_id = a.id)"
            for table in ("article_entities", "quotes", "timexes", "events", "figures", "article_problems")
        )
        rows = self._conn.execute(
            "SELECT a.id, a.title, a.source, a.published_value, a.published_how, a.published_evidence, "
            f"a.url, a.outlet, LENGTH(a.text), {counts}, SUBSTR(a.text, 1, 200) FROM articles a ORDER BY a.seq"
        ).fetchall()
        return [
            ArticleSummary(
                aid, title, source, Published(value, how, evidence), url, outlet,
                chars, entities, quotes, timexes, events, figures, problems, lede,
            )
            for (
                aid, title, source, value, how, evidence, url, outlet,
                chars, entities, quotes, timexes, events, figures, problems, lede,
            ) in rows
        ]  # fmt: skip

    def entities(self) -> list[EntitySummary]:
        """Every entity with its article, mention and quote counts, the most widely reported first."""
        rows = self._conn.execute(
            "SELECT e.id, e.name, e.type, COUNT(DISTINCT ae.article_id), "
            "(SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.id), "
            "(SELECT COUNT(*) FROM quotes q WHERE q.speaker_entity = e.id) "
            "FROM entities e JOIN article_entities ae ON ae.entity_id = e.id "
            "GROUP BY e.id, e.name, e.type ORDER BY 4 DESC, 5 DESC, e.name, e.id"
        )
        return [EntitySummary(*row) for row in rows]

    def problems(self) -> list[Problem]:
        """Every recorded problem, each once, in the order first recorded."""
        rows = self._conn.execute("SELECT source, reason, stage, article_id FROM problems ORDER BY seq")
        return [Problem(*row) for row in rows]

    def stats(self) -> dict[str, int]:
        """Row counts per table."""
        return {table: self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}

    def entity_ids(self, name: str) -> list[str]:
        """The entity ids an id or a name (any case, or a part of a name) designates; [] when none."""
        return select_entity_ids(self._conn, name)

    def timeline(
        self, entity: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[TimelinePoint]:
        """The story's dated points in time order, each with its sentence and the entities mentioned there.

        `entity` is an entity id or name (see entity_ids); `since`/`until` are ISO dates bounding a point's
        first day, both inclusive.
        """
        ids = None if entity is None else self.entity_ids(entity)
        return select_timeline(self._conn, ids, since, until)

    def quotes(
        self,
        speaker: str | None = None,
        search: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteHit]:
        """Who said what: the stored quotes by article date then reading order, each with its provenance spans.

        `speaker` is an entity id or name (see entity_ids; a name written on a quote with no entity also
        counts); `search` keeps the quotes holding every word (any case, any accents); `kind` is one of
        QUOTE_KINDS (ValueError otherwise); `limit` keeps the first N.
        """
        ids = None if speaker is None else self.entity_ids(speaker)
        return select_quotes(self._conn, ids, speaker, search, kind, limit)

    def knows_speaker(self, speaker: str) -> bool:
        """True when `speaker` designates an entity, or a name written on a quote that has no entity."""
        return bool(self.entity_ids(speaker)) or bool(select_quotes(self._conn, [], speaker, limit=1))

    def speakers(self) -> list[SpeakerCount]:
        """Each speaker with its number of quotes, most quoted first; unattributed quotes one last row."""
        return select_speakers(self._conn)

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Sentences and quotes holding every word of `text` (any case, any accents), best first."""
        terms = search_terms(text)
        if not terms or limit <= 0:
            return []
        query = build_fts_query(terms)
        scored = []
        for kind, table, speaker in (
            ("sentence", "sentence_search", "NULL"),
            ("quote", "quote_search", "speaker"),
        ):
            rows = self._conn.execute(
                f'SELECT {table}.article_id, a.title, {table}.start, {table}."end", {table}.text, '
                f"snippet({table}, 0, ?, ?, '…', 24), bm25({table}), {speaker}, a.seq, SUBSTR(a.text, 1, 200) "
                f"FROM {table} JOIN articles a ON a.id = {table}.article_id "
                f"WHERE {table} MATCH ? ORDER BY bm25({table}) LIMIT ?",
                (MATCH_OPEN, MATCH_CLOSE, query, limit),
            ).fetchall()
            for aid, title, start, end, hit_text, snippet, score, who, seq, lede in rows:
                hit = SearchHit(
                    kind=kind,
                    article_id=aid,
                    article_title=title,
                    start=start,
                    end=end,
                    text=hit_text,
                    matches=find_matches(hit_text, start, terms),
                    snippet=split_snippet(snippet),
                    speaker=who,
                    article_label=title or shorten(lede),
                )
                scored.append(((score, seq, start, kind), hit))
        scored.sort(key=lambda pair: pair[0])
        return [hit for _, hit in scored[:limit]]
