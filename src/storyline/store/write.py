"""Analysis -> rows: the INSERTs of one article and of a problem, run inside a transaction the Store opens."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from ..ids import content_hash
from ..models import Analysis, Problem, When
from ..stages.timexes.timeline import place_on_timeline


def when_columns(when: When | None) -> tuple[str | None, str | None]:
    # A When always has a reason, so a NULL reason is how "no When" is stored.
    return (None, None) if when is None else (when.value, when.reason)


def problem_id(problem: Problem) -> str:
    """Problems are deduplicated on their content: the same failure reported twice is stored once."""
    # JSON keeps None apart from "" and cannot be confused by a separator inside a field.
    fields = [problem.source, problem.stage, problem.article_id, problem.reason]
    return "p" + content_hash(json.dumps(fields, ensure_ascii=False))


def insert_problem(conn: sqlite3.Connection, problem: Problem) -> bool:
    # WHERE true: SQLite needs it to tell an upsert's ON CONFLICT from a join's ON.
    cursor = conn.execute(
        "INSERT INTO problems (id, seq, source, stage, article_id, reason) "
        "SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM problems WHERE true "
        "ON CONFLICT (id) DO NOTHING",
        (problem_id(problem), problem.source, problem.stage, problem.article_id, problem.reason),
    )
    return cursor.rowcount > 0


def insert_analysis(conn: sqlite3.Connection, analysis: Analysis) -> None:
    """Insert every row of one Analysis; the caller owns the transaction."""
    article = analysis.article
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
    insert_quotes(conn, analysis)
    conn.executemany(
        'INSERT INTO timexes (article_id, position, start, "end", text, type, value, note, day, granularity) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, i, t.start, t.end, t.text, t.type, t.value, t.note, *(place_on_timeline(t.type, t.value) or (None, None)))
            for i, t in enumerate(analysis.timexes)
        ],
    )
    conn.executemany(
        "INSERT INTO events (article_id, position, type, status, source_entity, source_name, source_code, "
        "target_entity, target_name, target_code, date, trigger_start, trigger_end, sentence_start, "
        "sentence_end, date_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, i, ev.type, ev.status, ev.source.entity, ev.source.name, ev.source.code,
                ev.target.entity, ev.target.name, ev.target.code, ev.date, *ev.trigger, *ev.sentence,
                ev.date_reason,
            )
            for i, ev in enumerate(analysis.events)
        ],
    )  # fmt: skip
    conn.executemany(
        'INSERT INTO figures (article_id, position, start, "end", text, value, unit, measure, qualifier, '
        "when_value, when_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, i, f.start, f.end, f.text, f.value, f.unit, f.measure, f.qualifier, *when_columns(f.when))
            for i, f in enumerate(analysis.figures)
        ],
    )
    for i, problem in enumerate(analysis.problems):
        insert_problem(conn, problem)
        conn.execute(
            "INSERT INTO article_problems (article_id, position, problem_id) VALUES (?, ?, ?)",
            (aid, i, problem_id(problem)),
        )


def insert_quotes(conn: sqlite3.Connection, analysis: Analysis) -> None:
    aid, text = analysis.article.id, analysis.article.text
    rows = []
    for i, q in enumerate(analysis.quotes):
        mention = q.speaker.mention or (None, None)
        cue = (q.cue.start, q.cue.end, q.cue.text) if q.cue else (None, None, None)
        rows.append(
            (aid, i, q.start, q.end, q.text, q.kind, q.speaker.entity, q.speaker.name, *mention, *cue,
             *when_columns(q.when))
        )
    conn.executemany(
        'INSERT INTO quotes (article_id, position, start, "end", text, kind, speaker_entity, speaker_name, '
        "speaker_start, speaker_end, cue_start, cue_end, cue_text, when_value, when_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    # Indexed text is the article's own slice, so a hit's offsets always point at the words it shows.
    conn.executemany(
        'INSERT INTO quote_search (text, article_id, start, "end", speaker) VALUES (?, ?, ?, ?, ?)',
        [(text[q.start : q.end], aid, q.start, q.end, q.speaker.name) for q in analysis.quotes],
    )
