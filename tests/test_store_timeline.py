"""The stored timeline: the same points as build_timeline, read by the indexed day, filtered by entity and dates."""

from __future__ import annotations

import sqlite3

import pytest

from storyline.models import RawItem
from storyline.pipeline import run_pipeline
from storyline.stages.timexes import build_timeline, filter_timeline
from storyline.store import Store
from storyline.store.migrations import MIGRATIONS

TALKS = """Port talks resume
Transport minister Ana Reyes met the dock workers' union on Tuesday.
In March 2024 the union had walked out for four days.
"We will sign by June," Reyes said.
"""
FLOODS = """Floods close river crossings
Heavy rain closed three bridges over the river on Sunday, the regional government said.
Marta Quispe, the head of civil defence, said the river last rose this high in 1998.
"""


@pytest.fixture(scope="module")
def analyses() -> list:
    items = [RawItem("talks.txt", TALKS, "text"), RawItem("floods.txt", FLOODS, "text")]
    return list(run_pipeline(items, default_date="2026-03-04", one_article=True))


@pytest.fixture
def store(analyses: list) -> Store:
    store = Store(":memory:")
    for analysis in analyses:
        store.save(analysis)
    yield store
    store.close()


def test_store_timeline_holds_the_points_of_build_timeline(store: Store, analyses: list) -> None:
    points = store.timeline()
    assert points == build_timeline(analyses)
    assert [p.day for p in points] == sorted(p.day for p in points)
    assert {"1998", "2024-03", "2026-03-03"} <= {p.value for p in points}


@pytest.mark.parametrize(("since", "until"), [("2024-01-01", None), (None, "2025-12-31"), ("2026-03-01", "2026-03-03")])
def test_store_timeline_bounds_the_first_day(store: Store, analyses: list, since, until) -> None:
    expected = filter_timeline(build_timeline(analyses), since=since, until=until)
    assert store.timeline(since=since, until=until) == expected
    assert expected, "the case must keep some points"


@pytest.mark.parametrize("entity", ["Ana Reyes", "ana reyes", "Reyes"])
def test_store_timeline_keeps_sentences_naming_the_entity(store: Store, entity: str) -> None:
    points = store.timeline(entity=entity)
    assert points and all("Reyes" in p.sentence_text for p in points)
    (entity_id,) = store.entity_ids(entity)
    assert all(entity_id in p.entities for p in points)


def test_store_timeline_of_an_unknown_entity_is_empty(store: Store) -> None:
    assert store.entity_ids("Nobody Atall") == []
    assert store.timeline(entity="Nobody Atall") == []


def test_store_timeline_reads_the_day_index(store: Store) -> None:
    plan = store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT start FROM timexes WHERE day IS NOT NULL AND day >= ? AND day <= ?",
        ("2024-01-01", "2024-12-31"),
    ).fetchall()
    assert any("timexes_day" in row[-1] for row in plan)


def test_store_time_migration_fills_the_timeline_of_an_older_store(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    conn = sqlite3.connect(path, isolation_level=None)
    from storyline.store.migrations import apply_migrations

    apply_migrations(conn, path, MIGRATIONS[:2])
    conn.execute(
        "INSERT INTO articles (id, seq, source, title, published_how, text, first_seen) "
        "VALUES ('a1', 1, 'x.txt', NULL, 'given', 'It rained on 3 May 2025 and for two days.', 'now')"
    )
    conn.executemany(
        'INSERT INTO timexes (article_id, position, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [("a1", 0, 13, 23, "3 May 2025", "DATE", "2025-05-03"), ("a1", 1, 32, 40, "two days", "DURATION", "P2D")],
    )
    conn.close()
    with Store(path) as store:
        assert "0003_time" in store.migrations()
        assert [(p.day, p.granularity, p.text) for p in store.timeline()] == [("2025-05-03", "day", "3 May 2025")]
        assert store.load("a1").timexes[1].note is None
