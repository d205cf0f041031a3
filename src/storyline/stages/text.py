"""Spans in an article: which block kinds one falls in, which sentence holds it, its trimmed extent; a Doc's text
and the tokens with a given attribute, read once from its arrays."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ..models import Block, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

READABLE_KINDS = frozenset({"body"})


def text_of(doc: Doc) -> str:
    """The Doc's text, built once and shared by the stages: spaCy's Doc.text re-joins every token on each access."""
    text = doc.user_data.get("storyline_text")
    if text is None:
        text = doc.user_data["storyline_text"] = doc.text
    return text


def tokens_where(doc: Doc, attribute: str, value: str) -> list[int]:
    """Indexes of the tokens whose attribute ("LOWER", "DEP") has a value, read from the Doc's array in one
    call: a Python loop over the Doc builds a Token object per word."""
    from spacy.attrs import IDS

    column = doc.to_array([IDS[attribute]])
    wanted = doc.vocab.strings[value]  # the hash of the string, stored or not
    return [int(i) for i in (column == wanted).nonzero()[0]]


def block_kind_at(blocks: Sequence[Block], offset: int) -> str | None:
    """The kind of the block holding `offset`, or None between blocks. Blocks are sorted by start."""
    index = bisect_right([b.start for b in blocks], offset) - 1
    if index >= 0 and blocks[index].start <= offset < blocks[index].end:
        return blocks[index].kind
    return None


def in_blocks(blocks: Sequence[Block], start: int, end: int, kinds: Collection[str] = READABLE_KINDS) -> bool:
    """True when the span starts inside a block of one of `kinds`; with no blocks at all, everything is body."""
    if not blocks:
        return "body" in kinds
    return block_kind_at(blocks, start) in kinds


def trim_span(text: str, start: int, end: int) -> Span:
    """The span without the whitespace at either end (empty spans stay where they are)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(sentences: Sequence[Span], offset: int) -> Span | None:
    index = bisect_right([s[0] for s in sentences], offset) - 1
    if index >= 0 and sentences[index][0] <= offset < sentences[index][1]:
        return sentences[index]
    return None
