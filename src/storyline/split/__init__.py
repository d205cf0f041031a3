"""RawItem -> list[Article]: articles cut out of pasted text, their blocks, titles and publication dates.

Each article's text is an exact slice of the item's text, from its first line to the end of its last
line, so the articles and the blank gaps between them rebuild the item exactly. Block offsets point
into the article's text. `blocks.py` classifies lines, `signals.py` gathers per-line facts,
`boundaries.py` finds where articles start, `published.py` dates them.
"""

from __future__ import annotations

import datetime as dt

from ..ids import article_id
from ..models import Article, Block, Published, RawItem
from .blocks import Line, classify_lines
from .boundaries import explain_gap, find_boundaries
from .published import find_published

STAGE_VERSION = "split.v1"

__all__ = ["STAGE_VERSION", "explain_gap", "split_item", "split_text"]


def split_text(text: str, *, one_article: bool = False, given: tuple[Block, ...] = ()) -> list[list[Line]]:
    """The lines of each article in `text` (offsets into `text`), in order."""
    lines = classify_lines(text, given)
    if not lines:
        return []
    if one_article:
        return [lines]
    starts = [0] + [boundary.line for boundary in find_boundaries(lines)] + [len(lines)]
    return [lines[begin:end] for begin, end in zip(starts, starts[1:], strict=False) if end > begin]


def _title_of(text: str, blocks: tuple[Block, ...], fallback: str | None) -> str | None:
    for block in blocks[:3]:
        if block.kind == "heading":
            return text[block.start:block.end]
        if block.kind not in ("byline", "dateline", "boilerplate", "credit"):
            break
    # A one-line standfirst right above a dateline lead ("US President X is set to ...\nBOGOTA, Colombia — ")
    # is the only headline such a paste keeps.
    if len(blocks) >= 2 and blocks[0].kind == "body" and blocks[1].kind == "dateline":
        return text[blocks[0].start:blocks[0].end]
    return fallback


def _parse_iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def split_item(item: RawItem, *, default_date: str | None = None, one_article: bool = False) -> list[Article]:
    """Split one decoded input into its articles; the whole item is one article when it is not splittable."""
    whole = one_article or not item.splittable
    parts = split_text(item.text, one_article=whole, given=item.blocks)
    drafts = []
    for part in parts:
        start, end = part[0].start, part[-1].end
        text = item.text[start:end]
        blocks = tuple(
            Block(block.start - start, block.end - start, block.kind) for line in part for block in line.blocks
        )
        drafts.append((start, end, text, blocks))
    # Dates in two passes: what an article says exactly, then neighbours' exact dates as context for the rest.
    exact = [
        find_published(text, blocks, metadata=item.published, exact_only=True) for _, _, text, blocks in drafts
    ]
    articles = []
    for position, (start, end, text, blocks) in enumerate(drafts):
        published = exact[position]
        if published.value is None:
            context = _nearest_date(exact, position)
            published = find_published(text, blocks, default_date=default_date, context=context)
        span = None if item.source_offset is None else (item.source_offset + start, item.source_offset + end)
        # A page's own title (metadata) beats a heading in its text, which may be a section heading.
        title = item.title if whole and item.title else _title_of(text, blocks, item.title if position == 0 else None)
        articles.append(
            Article(
                id=article_id(text),
                source=item.source,
                source_span=span,
                title=title,
                published=published,
                text=text,
                blocks=blocks,
                url=item.url,
                outlet=item.outlet,
            )
        )
    return articles


def _nearest_date(exact: list[Published], position: int) -> dt.date | None:
    """The exact date of the nearest article of the same input, earlier ones first on a tie."""
    for distance in range(1, len(exact)):
        for other in (position - distance, position + distance):
            if 0 <= other < len(exact):
                found = _parse_iso(exact[other].value)
                if found:
                    return found
    return None
