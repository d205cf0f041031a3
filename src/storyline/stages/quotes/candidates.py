"""Quotes while they are attributed (Candidate) and the passes that prune them: a long quote's paragraphs
share one cue, an unclosed run no cue attributes is left out, and marked words a clause of the same statement
holds are part of it, not a second quote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...models import Speaker
from . import cues

if TYPE_CHECKING:
    from spacy.tokens import Token

GAP_PUNCTUATION = set('.,;:!?\u2026\u201c\u201d\u00ab\u00bb\u201e"\u2018\u2019()[]\u2014\u2013- \n\t')


@dataclass
class Candidate:
    """A quote while it is being attributed: its words, its cue (a token, or a span for "according to",
    a dash or a colon), the subject token naming the speaker, and the token the speaker is resolved
    through (an antecedent, an author) when the subject only stands in for it."""

    start: int
    end: int
    kind: str
    paragraph: tuple[int, int]
    cue: Token | tuple[int, int] | None = None
    speaker_token: Token | None = None
    referent: Token | None = None
    chain: int | None = None
    speaker: Speaker | None = None
    attribution_end: int = 0
    closed: bool = True


def cue_span(cue: Token | tuple[int, int] | None) -> tuple[int, int] | None:
    if cue is None:
        return None
    if isinstance(cue, tuple):
        return cue
    return cues.cue_extent(cue)


def drop_unclosed_uncued(found: list[Candidate]) -> list[Candidate]:
    """A run of paragraphs opened with a mark that never closes and that no cue attributes is not a
    quote we can vouch for (a transcript pasted in quotation marks, a stray mark): leave it out."""
    chains: dict[int | None, list[Candidate]] = {}
    for candidate in found:
        chains.setdefault(candidate.chain, []).append(candidate)
    dropped = {
        id(part)
        for parts in chains.values()
        if not any(part.closed for part in parts) and all(part.cue is None for part in parts)
        for part in parts
    }
    return [candidate for candidate in found if id(candidate) not in dropped]


def share_chain_cues(found: list[Candidate]) -> None:
    """All paragraphs of one long quote share the cue found for them: each cue-less part takes the cue of
    the nearest part before it that has one, else of the first after it (a trailing "..., she said"). A
    transcript pasted as one long quote changes speaker at each "NAME:" turn, so the nearest turn counts,
    not the first."""
    chains: dict[int, list[Candidate]] = {}
    for candidate in found:
        chains.setdefault(candidate.chain if candidate.chain is not None else candidate.start, []).append(
            candidate
        )
    for parts in chains.values():
        if len(parts) < 2 or all(part.cue is None for part in parts):
            continue
        parts = sorted(parts, key=lambda part: part.start)
        for number, part in enumerate(parts):
            if part.cue is not None:
                continue
            before = [other for other in parts[:number] if other.cue is not None]
            source = (
                before[-1] if before else next(other for other in parts[number:] if other.cue is not None)
            )
            part.cue, part.speaker_token, part.referent = source.cue, source.speaker_token, source.referent
            part.kind = "direct"


def words_end(text: str, start: int, end: int) -> int:
    """The end of a quote's last word: a clause ends there, while marked words keep the full stop printed
    inside their marks ('said it was an “intentional act.”')."""
    while end > start and text[end - 1] in GAP_PUNCTUATION:
        end -= 1
    return end


def drop_nested_parts(candidates: list[Candidate], text: str) -> list[Candidate]:
    """A quote is one record: the marked words inside a mixed quote or reported clause of the same cue
    ('called him a “sick man”') are part of it, not a second quote of the same statement; nor are marked
    words whose own cue lies inside another cue's clause with them when that cue names no one else ('she
    said she wanted to speak “directly to white people”'): the outer speaker's statement holds them, and
    PolNeAR dev annotates none of these (5). Marked words inside another's clause with a speaker of their
    own stay their own quote ('she said he called it “hell”': the store flags it as nested)."""
    outer = [c for c in candidates if c.kind in ("mixed", "indirect") and c.cue]
    return [
        c
        for c in candidates
        if c.kind not in ("partial", "scare")
        or c.cue is None
        or not any(_holds_part(other, c, text) for other in outer)
    ]


def _holds_part(outer: Candidate, part: Candidate, text: str) -> bool:
    """Whether a clause holds a partial quote as its own words: the same cue, or the part's cue inside the
    clause with no speaker but the clause's; the full stop inside the part's marks does not put it outside."""
    inside = outer.start <= part.start and words_end(text, part.start, part.end) <= outer.end
    if not inside or (outer.start, outer.end) == (part.start, part.end):
        return False
    cue, own = cue_span(outer.cue), cue_span(part.cue)
    if cue == own:
        return True
    if own is None or not (outer.start <= own[0] and own[1] <= outer.end):
        return False
    return _same_speaker(outer.speaker, part.speaker)


def _same_speaker(outer: Speaker | None, inner: Speaker | None) -> bool:
    """No speaker of the inner cue's own, or the outer's (the same entity or the same words)."""
    if inner is None or (inner.mention is None and inner.entity is None):
        return True
    if outer is None:
        return False
    if inner.entity is not None and inner.entity == outer.entity:
        return True
    return inner.mention is not None and inner.mention == outer.mention
