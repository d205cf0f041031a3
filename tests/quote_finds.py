"""Shared by the reported-speech and recall tests: what the quote stage finds in one invented sentence."""

from __future__ import annotations

from storyline.models import Entity, Quote
from storyline.stages.quotes import extract_quotes

SPEAKER = "Maria Lopez"


def indirect_quotes(
    nlp, text: str, kinds: tuple[str, ...] = ("indirect",)
) -> list[tuple[str, str | None, str | None]]:
    """(content, cue, speaker name) of every quote of these kinds, the speaker known as one hand-made
    entity named at the first "Maria Lopez" of the text."""
    start = text.index(SPEAKER)
    entity = Entity("e0", SPEAKER, "PERSON", ((start, start + len(SPEAKER)),))
    quotes: tuple[Quote, ...] = extract_quotes(nlp(text), None, (entity,))
    return [
        (quote.text, quote.cue.text if quote.cue else None, quote.speaker.name)
        for quote in quotes
        if quote.kind in kinds
    ]


def unattributed_quotes(nlp, text: str) -> list[tuple[str, str | None]]:
    """(content, cue) of every indirect quote, no entities given."""
    return [
        (quote.text, quote.cue.text if quote.cue else None)
        for quote in extract_quotes(nlp(text))
        if quote.kind == "indirect"
    ]
