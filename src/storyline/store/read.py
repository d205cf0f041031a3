"""Rows -> Analysis: the SELECTs that rebuild one stored article exactly as it was saved."""

from __future__ import annotations

import sqlite3
from typing import Any

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
    When,
)


def span_or_none(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (start, end)


def when_or_none(value: str | None, reason: str | None) -> When | None:
    return None if reason is None else When(value, reason)


def rows_of(conn: sqlite3.Connection, sql: str, article_id: str) -> list[tuple[Any, ...]]:
    return conn.execute(sql, (article_id,)).fetchall()


def select_analysis(conn: sqlite3.Connection, article_id: str) -> Analysis:
    """The Analysis saved under this id, equal to the one that was inserted; KeyError if absent."""
    row = conn.execute(
        "SELECT id, source, source_start, source_end, title, published_value, published_how, "
        "published_evidence, text, url, outlet FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        raise KeyError(article_id)
    aid, source, s_start, s_end, title, p_value, p_how, p_evidence, text, url, outlet = row
    blocks = rows_of(
        conn, 'SELECT start, "end", kind FROM blocks WHERE article_id = ? ORDER BY position', aid
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
        entities=select_entities(conn, aid),
        quotes=select_quotes(conn, aid),
        timexes=tuple(
            Timex(*t)
            for t in rows_of(
                conn,
                'SELECT start, "end", text, type, value, note FROM timexes WHERE article_id = ? ORDER BY position',
                aid,
            )
        ),
        events=select_events(conn, aid),
        figures=tuple(
            Figure(start, end, text, value, unit, measure, qualifier, when_or_none(w_value, w_reason))
            for start, end, text, value, unit, measure, qualifier, w_value, w_reason in rows_of(
                conn,
                'SELECT start, "end", text, value, unit, measure, qualifier, when_value, when_reason FROM figures '
                "WHERE article_id = ? ORDER BY position",
                aid,
            )
        ),
        problems=tuple(
            Problem(*p)
            for p in rows_of(
                conn,
                "SELECT p.source, p.reason, p.stage, p.article_id FROM article_problems ap "
                "JOIN problems p ON p.id = ap.problem_id WHERE ap.article_id = ? ORDER BY ap.position",
                aid,
            )
        ),
        sentences=tuple(
            (s, e)
            for s, e in rows_of(
                conn, 'SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY position', aid
            )
        ),
        stage_versions=tuple(
            (stage, version)
            for stage, version in rows_of(
                conn, "SELECT stage, version FROM article_stages WHERE article_id = ? ORDER BY position", aid
            )
        ),
    )


def select_entities(conn: sqlite3.Connection, aid: str) -> tuple[Entity, ...]:
    mentions: dict[int, list[tuple[int, int]]] = {}
    for position, start, end in rows_of(
        conn,
        'SELECT entity_position, start, "end" FROM mentions WHERE article_id = ? '
        "ORDER BY entity_position, position",
        aid,
    ):
        mentions.setdefault(position, []).append((start, end))
    return tuple(
        Entity(entity_id, name, type_, tuple(mentions.get(position, ())))
        for position, entity_id, name, type_ in rows_of(
            conn,
            "SELECT position, entity_id, name, type FROM article_entities WHERE article_id = ? ORDER BY position",
            aid,
        )
    )


def select_quotes(conn: sqlite3.Connection, aid: str) -> tuple[Quote, ...]:
    quotes = []
    for start, end, text, kind, entity, name, m_start, m_end, c_start, c_end, c_text, w_value, w_reason in rows_of(
        conn,
        'SELECT start, "end", text, kind, speaker_entity, speaker_name, speaker_start, speaker_end, '
        "cue_start, cue_end, cue_text, when_value, when_reason FROM quotes WHERE article_id = ? ORDER BY position",
        aid,
    ):
        cue = None if c_start is None else Cue(c_start, c_end, c_text)
        speaker = Speaker(entity, name, span_or_none(m_start, m_end))
        quotes.append(Quote(start, end, text, kind, speaker, cue, when_or_none(w_value, w_reason)))
    return tuple(quotes)


def select_events(conn: sqlite3.Connection, aid: str) -> tuple[Event, ...]:
    return tuple(
        Event(
            type=row[0],
            status=row[1],
            source=Actor(*row[2:5]),
            target=Actor(*row[5:8]),
            date=row[8],
            trigger=(row[9], row[10]),
            sentence=(row[11], row[12]),
            date_reason=row[13],
        )
        for row in rows_of(
            conn,
            "SELECT type, status, source_entity, source_name, source_code, target_entity, target_name, "
            "target_code, date, trigger_start, trigger_end, sentence_start, sentence_end, date_reason FROM events "
            "WHERE article_id = ? ORDER BY position",
            aid,
        )
    )
