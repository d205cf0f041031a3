"""What the store hands back besides Analyses: article summaries, search hits, and its one error type."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Published, Span


class StoreError(Exception):
    """The store cannot be opened or cannot take a record; the message names the file or the article."""


@dataclass(frozen=True)
class ArticleSummary:
    """One stored article as a line of a list: what it is, where it came from, what was found in it."""

    id: str
    title: str | None
    source: str
    published: Published
    url: str | None
    outlet: str | None
    chars: int
    entities: int
    quotes: int
    timexes: int
    events: int
    figures: int
    problems: int


@dataclass(frozen=True)
class SearchHit:
    """A sentence or a quote that matches a search, located in its article.

    `start`/`end` are the sentence's (or quote's) offsets into the article text; `matches` are the
    offsets of the matching words themselves, so that `text[start:end]` of the article is exactly what
    was found. `snippet` is the FTS snippet as (text, is_match) pieces, for display without markup.
    """

    kind: str  # "sentence" | "quote"
    article_id: str
    article_title: str | None
    start: int
    end: int
    text: str
    matches: tuple[Span, ...]
    snippet: tuple[tuple[str, bool], ...]
    speaker: str | None = None

    @property
    def snippet_text(self) -> str:
        return "".join(piece for piece, _ in self.snippet)
