"""The store's schema as an ordered list of named migrations, each applied once and recorded in `migrations`.

Adding a migration later is one more `(name, sql)` pair at the end of MIGRATIONS (sqlite-utils'
migrations.py style). A database whose `migrations` table names a migration this list does not know was
written by a newer storyline and is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from .records import StoreError

Migration = tuple[str, str | Callable[[sqlite3.Connection], None]]

# Plain SQL that PostgreSQL also accepts where cheap (no AUTOINCREMENT, no WITHOUT ROWID, explicit
# positions instead of rowid order); only the FTS5 tables are SQLite-specific and stay in their own step.
CORE_TABLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    source TEXT NOT NULL,
    source_start INTEGER,
    source_end INTEGER,
    title TEXT,
    published_value TEXT,
    published_how TEXT NOT NULL
        CHECK (published_how IN ('given', 'metadata', 'dateline', 'inferred', 'assumed')),
    published_evidence TEXT,
    text TEXT NOT NULL,
    url TEXT,
    outlet TEXT,
    first_seen TEXT NOT NULL,
    CHECK ((source_start IS NULL) = (source_end IS NULL))
);
CREATE TABLE article_stages (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE blocks (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('body', 'heading', 'caption', 'credit', 'dateline', 'byline', 'boilerplate')),
    PRIMARY KEY (article_id, position),
    CHECK (0 <= start AND start <= "end")
);
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, position),
    CHECK (0 <= start AND start <= "end")
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL
);
CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id);
CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    entity_position INTEGER NOT NULL,
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_position, position),
    FOREIGN KEY (article_id, entity_position) REFERENCES article_entities (article_id, position),
    CHECK (0 <= start AND start <= "end")
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'indirect', 'mixed', 'scare')),
    speaker_entity TEXT,
    speaker_name TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_text TEXT,
    PRIMARY KEY (article_id, position),
    CHECK (0 <= start AND start <= "end"),
    CHECK ((speaker_start IS NULL) = (speaker_end IS NULL)),
    CHECK ((cue_start IS NULL) = (cue_end IS NULL) AND (cue_start IS NULL) = (cue_text IS NULL))
);
CREATE INDEX quotes_speaker ON quotes (speaker_entity);
CREATE TABLE timexes (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
    value TEXT,
    PRIMARY KEY (article_id, position),
    CHECK (0 <= start AND start <= "end")
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('asserted', 'reported', 'negated', 'hypothetical')),
    source_entity TEXT,
    source_name TEXT,
    source_code TEXT,
    target_entity TEXT,
    target_name TEXT,
    target_code TEXT,
    date TEXT,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,  -- REAL affinity in SQLite, a 64-bit float (not float4) in PostgreSQL
    unit TEXT,
    measure TEXT,
    qualifier TEXT,
    PRIMARY KEY (article_id, position),
    CHECK (0 <= start AND start <= "end")
);
CREATE TABLE problems (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    article_id TEXT,
    reason TEXT NOT NULL
);
CREATE TABLE article_problems (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    problem_id TEXT NOT NULL REFERENCES problems(id),
    PRIMARY KEY (article_id, position)
)
"""

# Full-text search over sentences and quotes; article id and offsets ride along unindexed so that a hit
# links to its exact words in the article text.
SEARCH_TABLES = """
CREATE VIRTUAL TABLE sentence_search USING fts5(
    text, article_id UNINDEXED, start UNINDEXED, "end" UNINDEXED
);
CREATE VIRTUAL TABLE quote_search USING fts5(
    text, article_id UNINDEXED, start UNINDEXED, "end" UNINDEXED, speaker UNINDEXED
)
"""

# Time for everything: a timex's note, the time of each quote and figure with its reason, an event's date reason,
# and the timeline's sort keys (a timex's first day and granularity), indexed so the timeline is read in SQL.
TIME_COLUMNS = """
ALTER TABLE timexes ADD COLUMN note TEXT;
ALTER TABLE timexes ADD COLUMN day TEXT;
ALTER TABLE timexes ADD COLUMN granularity TEXT;
ALTER TABLE quotes ADD COLUMN when_value TEXT;
ALTER TABLE quotes ADD COLUMN when_reason TEXT;
ALTER TABLE figures ADD COLUMN when_value TEXT;
ALTER TABLE figures ADD COLUMN when_reason TEXT;
ALTER TABLE events ADD COLUMN date_reason TEXT;
CREATE INDEX timexes_day ON timexes (day, granularity)
"""


def add_time_columns(conn: sqlite3.Connection) -> None:
    """The time columns, then the timeline keys of timexes stored before them (the same rule as new rows)."""
    from ..stages.timexes.timeline import place_on_timeline

    for statement in split_statements(TIME_COLUMNS):
        conn.execute(statement)
    rows = conn.execute("SELECT article_id, position, type, value FROM timexes").fetchall()
    for article_id, position, type_, value in rows:
        place = place_on_timeline(type_, value)
        if place is not None:
            conn.execute(
                "UPDATE timexes SET day = ?, granularity = ? WHERE article_id = ? AND position = ?",
                (*place, article_id, position),
            )


# What the entity stage knows beyond the entities themselves: each entity's name variants (folded) with their
# type votes, its roles (titles, appositives, kinship) with provenance, the log of merges and splits with
# reasons and evidence, and the user's corrections. `articles.corrections` is the fingerprint of the
# corrections an article was analysed under, so a build knows which stored articles to analyse again.
ENTITY_TABLES = """
CREATE TABLE entity_variants (
    entity_id TEXT NOT NULL,
    variant TEXT NOT NULL,
    type_votes TEXT NOT NULL,
    PRIMARY KEY (entity_id, variant)
);
CREATE TABLE entity_roles (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    PRIMARY KEY (article_id, position),
    CHECK (0 <= start AND start <= "end")
);
CREATE INDEX entity_roles_entity ON entity_roles (entity_id);
CREATE TABLE entity_decisions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    names TEXT NOT NULL,
    reason TEXT NOT NULL,
    evidence TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE TABLE entity_corrections (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    name TEXT NOT NULL,
    other TEXT NOT NULL,
    made_at TEXT NOT NULL
);
ALTER TABLE articles ADD COLUMN corrections TEXT NOT NULL DEFAULT ''
"""


MIGRATIONS: list[Migration] = [
    ("0001_core_tables", CORE_TABLES),
    ("0002_search_tables", SEARCH_TABLES),
    ("0003_time", add_time_columns),
    ("0005_entities", ENTITY_TABLES),
]


def split_statements(sql: str) -> list[str]:
    # executescript() would commit the surrounding transaction; running statements one by one keeps a
    # migration and its record in `migrations` atomic. The schema has no triggers and no ';' in comments or
    # strings, so ';' ends statements.
    return [statement.strip() for statement in sql.split(";") if statement.strip()]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM migrations ORDER BY applied_order").fetchall()
    return [name for (name,) in rows]


def check_known(conn: sqlite3.Connection, path: str, migrations: list[Migration]) -> None:
    """Refuse a file that is not a storyline store, or one written by a newer version."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "migrations" not in tables:
        raise StoreError(f"{path}: an SQLite database, but not a storyline store (no migrations table)")
    if "migrations" not in tables:
        return
    known = {name for name, _ in migrations}
    unknown = [name for name in applied_migrations(conn) if name not in known]
    if unknown:
        raise StoreError(
            f"{path}: written by a newer storyline (unknown schema migration {unknown[0]!r}); upgrade storyline"
        )


def apply_migrations(
    conn: sqlite3.Connection, path: str, migrations: list[Migration] | None = None
) -> list[str]:
    """Apply, in order and each in its own transaction, the migrations not yet recorded; return their names."""
    migrations = MIGRATIONS if migrations is None else migrations
    check_known(conn, path, migrations)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations "
        "(name TEXT PRIMARY KEY, applied_order INTEGER NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
    )
    done = set(applied_migrations(conn))
    newly = []
    for name, step in migrations:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if callable(step):
                step(conn)
            else:
                for statement in split_statements(step):
                    conn.execute(statement)
            # The order of application, not the position in the list: a migration added to the list
            # before one a file already has (two branches each adding one) still gets a free number.
            conn.execute(
                "INSERT INTO migrations (name, applied_order, applied_at) "
                "SELECT ?, COALESCE(MAX(applied_order), 0) + 1, ? FROM migrations",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        newly.append(name)
    return newly
