"""What the store hands back besides Analyses: article summaries, search hits, and its one error type."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Published, Span


def shorten(text: str, size: int = 90) -> str:
    words = " ".join(text.split())
    return words if len(words) <= size else words[: size - 1].rsplit(" ", 1)[0] + "…"


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
    lede: str = ""

    @property
    def display_title(self) -> str:
        """The title, or the article's first words when no title was found (split does not always find one)."""
        return self.title or shorten(self.lede)

    def as_dict(self) -> dict[str, object]:
        """A flat JSON-ready dict (the publication date spread into published/published_how/..._evidence)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published.value,
            "published_how": self.published.how,
            "published_evidence": self.published.evidence,
            "url": self.url,
            "outlet": self.outlet,
            "chars": self.chars,
            "entities": self.entities,
            "quotes": self.quotes,
            "timexes": self.timexes,
            "events": self.events,
            "figures": self.figures,
            "problems": self.problems,
            "lede": self.lede,
        }


@dataclass(frozen=True)
class EntitySummary:
    """One entity across the whole store: in how many articles it appears, how often, how often it speaks."""

    id: str
    name: str
    type: str
    articles: int
    mentions: int
    quotes: int


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
    article_label: str = ""  # the title, or the article's first words when it has none

    @property
    def snippet_text(self) -> str:
        return "".join(piece for piece, _ in self.snippet)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "matches": [list(span) for span in self.matches],
            "snippet": self.snippet_text,
            "speaker": self.speaker,
            "article_label": self.article_label,
        }


@dataclass(frozen=True)
class QuoteHit:
    """One stored quote with its provenance: who said it, through which words, where and when.

    Every span is a pair of offsets into the article's text: `start`/`end` the quoted words (without their
    marks), `speaker_mention` the words naming the speaker, `cue` the saying verb, `sentence` the sentence(s)
    holding quote and cue, clipped to their blocks. `speaker_name` is the entity's canonical name (or the name
    the quote stage wrote when it found no entity); `nested` is True when the words lie inside a longer quote of
    the same article (a partial quote within a mixed one), so a list can show it under that quote.
    """

    article_id: str
    article_title: str | None
    article_label: str
    published: str | None
    position: int
    start: int
    end: int
    text: str
    kind: str
    speaker_entity: str | None
    speaker_name: str | None
    speaker_mention: Span | None
    speaker_words: str | None
    cue: Span | None
    cue_words: str | None
    when: str | None
    when_reason: str | None
    sentence: Span
    sentence_text: str
    nested: bool = False

    @property
    def speaker_key(self) -> str | None:
        """What groups quotes by speaker: the entity id, else the written name, else None (unattributed)."""
        return self.speaker_entity or self.speaker_name

    def as_dict(self) -> dict[str, object]:
        return {
            "article_id": self.article_id,
            "article_title": self.article_title,
            "article_label": self.article_label,
            "published": self.published,
            "position": self.position,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker_entity": self.speaker_entity,
            "speaker_name": self.speaker_name,
            "speaker_mention": list(self.speaker_mention) if self.speaker_mention else None,
            "speaker_words": self.speaker_words,
            "cue": list(self.cue) if self.cue else None,
            "cue_words": self.cue_words,
            "when": self.when,
            "when_reason": self.when_reason,
            "sentence": list(self.sentence),
            "sentence_text": self.sentence_text,
            "nested": self.nested,
        }


@dataclass(frozen=True)
class SpeakerCount:
    """One speaker and how many stored quotes are theirs; entity and name both None for the unattributed."""

    entity: str | None
    name: str | None
    type: str | None
    quotes: int
