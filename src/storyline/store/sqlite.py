"""Analyses <-> one SQLite file: one transaction per article, content-hash ids, exact round trips, FTS search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from ..ids import content_hash
from ..models import (
    Actor,
    Analysis,
    Article,
    Block,
    Cue,
    Entity,
    Event,
    Figure,
    Problem,
    Published,
    Quote,
    Speaker,
    Timex,
)
from .migrations import applied_migrations, apply_migrations
from .records import ArticleSummary, SearchHit, StoreError, shorten
from .search import MATCH_CLOSE, MATCH_OPEN, build_fts_query, find_matches, search_terms, split_snippet

# Tables counted by stats(), in the order a reader meets them.
TABLES = (
    "articles", "article_stages", "blocks", "sentences", "entities", "article_entities", "mentions",
    "quotes", "timexes", "events", "figures", "problems", "article_problems",
    "sentence_search", "quote_search",
)  # fmt: skip


def problem_id(problem: Problem) -> str:
    """Problems are deduplicated on their content: the same failure reported twice is stored once."""
    # JSON keeps None apart from "" and cannot be confused by a separator inside a field.
    fields = [problem.source, problem.stage, problem.article_id, problem.reason]
    return "p" + content_hash(json.dumps(fields, ensure_ascii=False))


def span_or_none(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (start, end)


class Store:
    """A storyline dossier in one SQLite file (WAL mode, foreign keys on, schema by named migrations)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and self.path != ":memory:" and not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such storyline store")
        try:
            # Autocommit mode: every write below opens its own explicit transaction.
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open: {error}") from error
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
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

    def save(self, analysis: Analysis) -> bool:
        """Store one article and everything found in it, all or nothing; False if its id is already stored.

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
            self._write_analysis(analysis)
        except sqlite3.Error as error:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"article {article.id} ({article.source}) not saved: {error}") from error
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return True

    def save_problem(self, problem: Problem) -> bool:
        """Record a problem with one input or article; False if the same problem is already recorded."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            added = self._write_problem(problem)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return added

    def _write_problem(self, problem: Problem) -> bool:
        # WHERE true: SQLite needs it to tell an upsert's ON CONFLICT from a join's ON.
        cursor = self._conn.execute(
            "INSERT INTO problems (id, seq, source, stage, article_id, reason) "
            "SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM problems WHERE true "
            "ON CONFLICT (id) DO NOTHING",
            (problem_id(problem), problem.source, problem.stage, problem.article_id, problem.reason),
        )
        return cursor.rowcount > 0

    def _write_analysis(self, analysis: Analysis) -> None:
        conn, article = self._conn, analysis.article
        aid = article.id
        start, end = article.source_span if article.source_span is not None else (None, None)
        conn.execute(
            "INSERT INTO articles (id, seq, source, source_start, source_end, title, published_value, "
            "published_how, published_evidence, text, url, outlet, first_seen) "
            "SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM articles",
            (
                aid, article.source, start, end, article.title, article.published.value,
                article.published.how, article.published.evidence, article.text, article.url,
                article.outlet, datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO article_stages (article_id, position, stage, version) VALUES (?, ?, ?, ?)",
            [(aid, i, stage, version) for i, (stage, version) in enumerate(analysis.stage_versions)],
        )
        conn.executemany(
            'INSERT INTO blocks (article_id, position, start, "end", kind) VALUES (?, ?, ?, ?, ?)',
            [(aid, i, b.start, b.end, b.kind) for i, b in enumerate(article.blocks)],
        )
        conn.executemany(
            'INSERT INTO sentences (article_id, position, start, "end") VALUES (?, ?, ?, ?)',
            [(aid, i, s, e) for i, (s, e) in enumerate(analysis.sentences)],
        )
        conn.executemany(
            'INSERT INTO sentence_search (text, article_id, start, "end") VALUES (?, ?, ?, ?)',
            [(article.text[s:e], aid, s, e) for s, e in analysis.sentences],
        )
        for i, entity in enumerate(analysis.entities):
            conn.execute(
                "INSERT INTO entities (id, name, type) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                (entity.id, entity.name, entity.type),
            )
            conn.execute(
                "INSERT INTO article_entities (article_id, position, entity_id, name, type) VALUES (?, ?, ?, ?, ?)",
                (aid, i, entity.id, entity.name, entity.type),
            )
            conn.executemany(
                'INSERT INTO mentions (article_id, entity_position, position, entity_id, start, "end") '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(aid, i, j, entity.id, s, e) for j, (s, e) in enumerate(entity.mentions)],
            )
        self._write_quotes(analysis)
        conn.executemany(
            'INSERT INTO timexes (article_id, position, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(aid, i, t.start, t.end, t.text, t.type, t.value) for i, t in enumerate(analysis.timexes)],
        )
        conn.executemany(
            "INSERT INTO events (article_id, position, type, status, source_entity, source_name, source_code, "
            "target_entity, target_name, target_code, date, trigger_start, trigger_end, sentence_start, "
            "sentence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid, i, ev.type, ev.status, ev.source.entity, ev.source.name, ev.source.code,
                    ev.target.entity, ev.target.name, ev.target.code, ev.date, *ev.trigger, *ev.sentence,
                )
                for i, ev in enumerate(analysis.events)
            ],
        )  # fmt: skip
        conn.executemany(
            'INSERT INTO figures (article_id, position, start, "end", text, value, unit, measure, qualifier) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (aid, i, f.start, f.end, f.text, f.value, f.unit, f.measure, f.qualifier)
                for i, f in enumerate(analysis.figures)
            ],
        )
        for i, problem in enumerate(analysis.problems):
            self._write_problem(problem)
            conn.execute(
                "INSERT INTO article_problems (article_id, position, problem_id) VALUES (?, ?, ?)",
                (aid, i, problem_id(problem)),
            )

    def _write_quotes(self, analysis: Analysis) -> None:
        aid, text = analysis.article.id, analysis.article.text
        rows = []
        for i, q in enumerate(analysis.quotes):
            mention = q.speaker.mention or (None, None)
            cue = (q.cue.start, q.cue.end, q.cue.text) if q.cue else (None, None, None)
            rows.append(
                (aid, i, q.start, q.end, q.text, q.kind, q.speaker.entity, q.speaker.name, *mention, *cue)
            )
        self._conn.executemany(
            'INSERT INTO quotes (article_id, position, start, "end", text, kind, speaker_entity, speaker_name, '
            "speaker_start, speaker_end, cue_start, cue_end, cue_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        # Indexed text is the article's own slice, so a hit's offsets always point at the words it shows.
        self._conn.executemany(
            'INSERT INTO quote_search (text, article_id, start, "end", speaker) VALUES (?, ?, ?, ?, ?)',
            [(text[q.start : q.end], aid, q.start, q.end, q.speaker.name) for q in analysis.quotes],
        )

    # -- reading ---------------------------------------------------------------------------------------

    def _rows(self, sql: str, article_id: str) -> list[tuple]:
        return self._conn.execute(sql, (article_id,)).fetchall()

    def load(self, article_id: str) -> Analysis:
        """The Analysis saved under this id, equal to the one given to save(); KeyError if absent."""
        row = self._conn.execute(
            "SELECT id, source, source_start, source_end, title, published_value, published_how, "
            "published_evidence, text, url, outlet FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise KeyError(article_id)
        aid, source, s_start, s_end, title, p_value, p_how, p_evidence, text, url, outlet = row
        blocks = self._rows(
            'SELECT start, "end", kind FROM blocks WHERE article_id = ? ORDER BY position', aid
        )
        article = Article(
            id=aid,
            source=source,
            source_span=span_or_none(s_start, s_end),
            title=title,
            published=Published(p_value, p_how, p_evidence),
            text=text,
            blocks=tuple(Block(*b) for b in blocks),
            url=url,
            outlet=outlet,
        )
        return Analysis(
            article=article,
            entities=self._load_entities(aid),
            quotes=self._load_quotes(aid),
            timexes=tuple(
                Timex(*t)
                for t in self._rows(
                    'SELECT start, "end", text, type, value FROM timexes WHERE article_id = ? ORDER BY position',
                    aid,
                )
            ),
            events=self._load_events(aid),
            figures=tuple(
                Figure(*f)
                for f in self._rows(
                    'SELECT start, "end", text, value, unit, measure, qualifier FROM figures '
                    "WHERE article_id = ? ORDER BY position",
                    aid,
                )
            ),
            problems=tuple(
                Problem(*p)
                for p in self._rows(
                    "SELECT p.source, p.reason, p.stage, p.article_id FROM article_problems ap "
                    "JOIN problems p ON p.id = ap.problem_id WHERE ap.article_id = ? ORDER BY ap.position",
                    aid,
                )
            ),
            sentences=tuple(
                (s, e)
                for s, e in self._rows(
                    'SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY position', aid
                )
            ),
            stage_versions=tuple(
                (stage, version)
                for stage, version in self._rows(
                    "SELECT stage, version FROM article_stages WHERE article_id = ? ORDER BY position", aid
                )
            ),
        )

    def _load_entities(self, aid: str) -> tuple[Entity, ...]:
        mentions: dict[int, list[tuple[int, int]]] = {}
        for position, start, end in self._rows(
            'SELECT entity_position, start, "end" FROM mentions WHERE article_id = ? '
            "ORDER BY entity_position, position",
            aid,
        ):
            mentions.setdefault(position, []).append((start, end))
        return tuple(
            Entity(entity_id, name, type_, tuple(mentions.get(position, ())))
            for position, entity_id, name, type_ in self._rows(
                "SELECT position, entity_id, name, type FROM article_entities WHERE article_id = ? ORDER BY position",
                aid,
            )
        )

    def _load_quotes(self, aid: str) -> tuple[Quote, ...]:
        quotes = []
        for start, end, text, kind, entity, name, m_start, m_end, c_start, c_end, c_text in self._rows(
            'SELECT start, "end", text, kind, speaker_entity, speaker_name, speaker_start, speaker_end, '
            "cue_start, cue_end, cue_text FROM quotes WHERE article_id = ? ORDER BY position",
            aid,
        ):
            cue = None if c_start is None else Cue(c_start, c_end, c_text)
            speaker = Speaker(entity, name, span_or_none(m_start, m_end))
            quotes.append(Quote(start, end, text, kind, speaker, cue))
        return tuple(quotes)

    def _load_events(self, aid: str) -> tuple[Event, ...]:
        return tuple(
            Event(
                type=row[0],
                status=row[1],
                source=Actor(*row[2:5]),
                target=Actor(*row[5:8]),
                date=row[8],
                trigger=(row[9], row[10]),
                sentence=(row[11], row[12]),
            )
            for row in self._rows(
                "SELECT type, status, source_entity, source_name, source_code, target_entity, target_name, "
                "target_code, date, trigger_start, trigger_end, sentence_start, sentence_end FROM events "
                "WHERE article_id = ? ORDER BY position",
                aid,
            )
        )

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
                aid, title, source, Published(value, how, evidence), url, outlet, *numbers, lede=lede
            )
            for aid, title, source, value, how, evidence, url, outlet, *numbers, lede in rows
        ]

    def problems(self) -> list[Problem]:
        """Every recorded problem, each once, in the order first recorded."""
        rows = self._conn.execute("SELECT source, reason, stage, article_id FROM problems ORDER BY seq")
        return [Problem(*row) for row in rows]

    def stats(self) -> dict[str, int]:
        """Row counts per table."""
        return {table: self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}

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
