"""Stored quotes -> who said what: quotes filtered by speaker, words and kind, each with its provenance spans."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from ..models import QUOTE_KINDS, Block, Span
from ..stages.text import sentence_at
from .records import QuoteHit, SpeakerCount, shorten
from .search import build_fts_query, search_terms
from .timeline import ArticleSpans, name_holds

# A quote inside a longer quote of its article (a partial within a mixed quote) is flagged, not dropped: the
# stage emits both, and a reader wants the partial's words shown under the sentence that frames them.
QUOTE_ROWS = """
SELECT q.article_id, a.title, SUBSTR(a.text, 1, 200), a.published_value, q.position, q.start, q."end", q.text,
       q.kind, q.speaker_entity, COALESCE(e.name, q.speaker_name), q.speaker_start, q.speaker_end,
       q.cue_start, q.cue_end, q.cue_text, q.when_value, q.when_reason,
       EXISTS (SELECT 1 FROM quotes o WHERE o.article_id = q.article_id AND o.position != q.position
               AND o.start <= q.start AND q."end" <= o."end" AND o."end" - o.start > q."end" - q.start)
FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity
WHERE (?1 IS NULL OR q.speaker_entity IN (SELECT value FROM json_each(?1))
                  OR (q.speaker_entity IS NULL AND q.speaker_name IN (SELECT value FROM json_each(?2))))
  AND (?3 IS NULL OR q.kind = ?3)
  AND (?4 IS NULL OR (q.article_id, q.start, q."end") IN
       (SELECT article_id, start, "end" FROM quote_search WHERE quote_search MATCH ?4))
ORDER BY a.published_value IS NULL, a.published_value, a.seq, q.start, q.position
LIMIT ?5
"""


def block_at(blocks: Sequence[Block], offset: int) -> Block | None:
    return next((b for b in blocks if b.start <= offset < b.end), None)


def quote_sentence(sentences: Sequence[Span], blocks: Sequence[Block], quote: Span, cue: Span | None) -> Span:
    """The sentence(s) holding a quote, and its cue when the cue is in the same paragraph, clipped to those
    paragraphs: the parser's sentences can run from a heading into the body, and a cue in another paragraph
    (a continuation quote) would stretch the span over words that are not this quote's."""
    start, end = quote
    first, last = block_at(blocks, start), block_at(blocks, max(start, end - 1))
    if cue is not None and first is not None and block_at(blocks, cue[0]) in (first, last):
        start, end = min(start, cue[0]), max(end, cue[1])
    left = (sentence_at(sentences, start) or (start, end))[0]
    right = (sentence_at(sentences, max(start, end - 1)) or (start, end))[1]
    left = max(min(left, start), first.start) if first else min(left, start)
    right = min(max(right, end), last.end) if last else max(right, end)
    return min(left, quote[0]), max(right, quote[1])


def speaker_filter(conn: sqlite3.Connection, entity_ids: list[str], speaker: str) -> tuple[str, str]:
    """JSON lists for QUOTE_ROWS: the speaker's entity ids, and the names written on quotes with no entity
    that hold the speaker's words (a quote stage run without entities still names its speakers)."""
    rows = conn.execute(
        "SELECT DISTINCT speaker_name FROM quotes WHERE speaker_entity IS NULL AND speaker_name IS NOT NULL"
    ).fetchall()
    names = [name for (name,) in rows if name_holds(name, speaker)]
    return json.dumps(entity_ids), json.dumps(names)


def select_quotes(
    conn: sqlite3.Connection,
    entity_ids: list[str] | None = None,
    speaker: str | None = None,
    search: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[QuoteHit]:
    """The stored quotes matching every filter given, by article date (undated last), then reading order."""
    if kind is not None and kind not in QUOTE_KINDS:
        raise ValueError(f"{kind!r} is not a quote kind ({', '.join(QUOTE_KINDS)})")
    terms = search_terms(search) if search is not None else []
    if search is not None and not terms:
        return []
    ids, names = speaker_filter(conn, entity_ids or [], speaker) if speaker is not None else (None, "[]")
    rows = conn.execute(
        QUOTE_ROWS, (ids, names, kind, build_fts_query(terms) if terms else None, -1 if limit is None else limit)
    ).fetchall()
    articles: dict[str, ArticleSpans] = {}
    hits = []
    for (aid, title, lede, published, position, start, end, text, kind_, entity, name, m_start, m_end,
         c_start, c_end, c_text, w_value, w_reason, nested) in rows:  # fmt: skip
        spans = articles.get(aid) or articles.setdefault(aid, ArticleSpans(conn, aid))
        mention = None if m_start is None else (m_start, m_end)
        cue = None if c_start is None else (c_start, c_end)
        sentence = quote_sentence(spans.sentences, spans.blocks, (start, end), cue)
        hits.append(QuoteHit(
            article_id=aid, article_title=title, article_label=title or shorten(lede), published=published,
            position=position, start=start, end=end, text=text, kind=kind_, speaker_entity=entity,
            speaker_name=name, speaker_mention=mention,
            speaker_words=spans.text[mention[0]:mention[1]] if mention else None, cue=cue, cue_words=c_text,
            when=w_value, when_reason=w_reason, sentence=sentence,
            sentence_text=spans.text[sentence[0]:sentence[1]], nested=bool(nested),
        ))  # fmt: skip
    return hits


def select_speakers(conn: sqlite3.Connection) -> list[SpeakerCount]:
    """Each speaker with its number of quotes, most quoted first; the unattributed quotes are one row, last."""
    rows = conn.execute(
        "SELECT q.speaker_entity, COALESCE(e.name, q.speaker_name), e.type, COUNT(*) FROM quotes q "
        "LEFT JOIN entities e ON e.id = q.speaker_entity "
        "GROUP BY q.speaker_entity, CASE WHEN q.speaker_entity IS NULL THEN q.speaker_name END "
        "ORDER BY q.speaker_entity IS NULL AND q.speaker_name IS NULL, COUNT(*) DESC, 2, 1"
    ).fetchall()
    return [SpeakerCount(*row) for row in rows]
