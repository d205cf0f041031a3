"""Stored timexes -> the story's timeline: dated points read by their indexed first day, each with its sentence."""

from __future__ import annotations

import calendar
import re
import sqlite3
from collections.abc import Collection

from ..models import Block, Span
from ..stages.timexes.timeline import TimelinePoint, point_sentence, timeline_order
from .search import WORD, fold_word


def read_bound(text: str | None, *, last: bool = False) -> str | None:
    """A timeline bound as an ISO day: YYYY-MM-DD as it is, YYYY and YYYY-MM as their first day (or their last
    with last=True); None for none. ValueError names anything else."""
    if text is None or not text.strip():
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match or not 1 <= int(match[2] or 1) <= 12:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month = int(match[1]), int(match[2] or (12 if last else 1))
    if match[3]:
        day = int(match[3])
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    else:
        day = calendar.monthrange(year, month)[1] if last else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def name_words(text: str) -> list[str]:
    """A name's words folded as the search index folds them: no case, no diacritics, no punctuation."""
    return [fold_word(word) for word in WORD.findall(text)]


def name_holds(name: str, wanted: str) -> bool:
    """True when the words of `wanted` appear, in order and side by side, among the words of `name`
    ("petro" in "Gustavo Petro", "sanchez garzoli" in "Gimena Sánchez-Garzoli"; "petro" not in "Petrobras")."""
    words, part = name_words(name), name_words(wanted)
    return bool(part) and any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def select_entity_ids(conn: sqlite3.Connection, name: str) -> list[str]:
    """Ids of the entities an id or a name designates: the exact id, else the same name in any case and with or
    without diacritics, else every entity whose name holds the words (so `--entity Petro` finds "Gustavo Petro")."""
    if conn.execute("SELECT 1 FROM entities WHERE id = ?", (name,)).fetchone():
        return [name]
    rows = conn.execute("SELECT id, name FROM entities ORDER BY id").fetchall()
    wanted = name_words(name)
    exact = [eid for eid, ename in rows if wanted and name_words(ename) == wanted]
    return exact or [eid for eid, ename in rows if name_holds(ename, name)]


class ArticleSpans:
    """One article's text, sentences and mentions, read once however many points it holds."""

    def __init__(self, conn: sqlite3.Connection, article_id: str) -> None:
        (self.text,) = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        self.sentences = [
            (s, e) for s, e in conn.execute(
                'SELECT start, "end" FROM sentences WHERE article_id = ? ORDER BY position', (article_id,)
            )
        ]  # fmt: skip
        self.blocks = [
            Block(s, e, kind) for s, e, kind in conn.execute(
                'SELECT start, "end", kind FROM blocks WHERE article_id = ? ORDER BY position', (article_id,)
            )
        ]  # fmt: skip
        self.mentions = conn.execute(
            'SELECT entity_id, start, "end" FROM mentions WHERE article_id = ?', (article_id,)
        ).fetchall()

    def entities_in(self, sentence: Span) -> tuple[str, ...]:
        return tuple(sorted({eid for eid, s, e in self.mentions if sentence[0] <= s and e <= sentence[1]}))


def select_timeline(
    conn: sqlite3.Connection,
    entity_ids: Collection[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[TimelinePoint]:
    """The points of build_timeline over the stored analyses (same rule, same order), read by the indexed
    `day` column: those whose first day lies in [since, until] and, given entity ids, whose sentence
    mentions one of them."""
    rows = conn.execute(
        'SELECT article_id, start, "end", text, type, value, day, granularity FROM timexes '
        "WHERE day IS NOT NULL AND (?1 IS NULL OR day >= ?1) AND (?2 IS NULL OR day <= ?2)",
        (since, until),
    ).fetchall()
    articles: dict[str, ArticleSpans] = {}
    points = []
    for article_id, start, end, text, type_, value, day, granularity in rows:
        spans = articles.get(article_id) or articles.setdefault(article_id, ArticleSpans(conn, article_id))
        sentence = point_sentence(spans.sentences, spans.blocks, start, end)
        entities = spans.entities_in(sentence)
        if entity_ids is not None and not set(entities) & set(entity_ids):
            continue
        points.append(TimelinePoint(
            value=value, day=day, granularity=granularity, type=type_, article_id=article_id, start=start,
            end=end, text=text, sentence=sentence, sentence_text=spans.text[sentence[0]:sentence[1]],
            entities=entities,
        ))  # fmt: skip
    return sorted(points, key=timeline_order)
