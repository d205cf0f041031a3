"""Doc (+ blocks, entities) -> Quotes: marked spans and reported speech, each with its cue and speaker.

The order is that of the text, so that a quote with no cue of its own can inherit the speaker of the
attribution right before it when nothing else intervenes (a continuation paragraph, a second sentence
after "..., he said."), and a pronoun can fall back on the previous speaker.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...models import Block, Cue, Entity, Quote, Speaker
from ..text import text_of
from . import cues, headlines, kinds, marks, quotecues, runons
from .candidates import (
    GAP_PUNCTUATION,
    Candidate,
    cue_span,
    drop_nested_parts,
    drop_unclosed_uncued,
    share_chain_cues,
    words_end,
)
from .evidence import evidence_headline, find_evidence
from .reported import find_reported
from .speakers import SpeakerContext, mention_span, resolve_speaker
from .subjects import bind_pronoun, marked_speaker, opening_subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SPEECH_BLOCKS = frozenset({"body"})
# A share of a reported clause already inside quotation marks above which it is the direct quote itself.
DIRECT_SHARE = 0.8


def speech_regions(text: str, blocks: Sequence[Block] | None) -> list[tuple[int, int]]:
    """Body paragraphs: no speech is taken from headings, captions, credits or boilerplate (an article's
    headline is read apart, by find_in_headline)."""
    if not blocks:
        return marks.split_paragraphs(text)
    regions = []
    for block in blocks:
        if block.kind in SPEECH_BLOCKS:
            regions.extend(marks.split_paragraphs(text, block.start, block.end))
    return regions


def _paragraph_of(paragraphs: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in paragraphs:
        if start <= position < end:
            return start, end
    return position, position


def find_marked(
    doc: Doc, text: str, paragraphs: list[tuple[int, int]], keep_titles: bool = False
) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """Quotation-mark spans with their cue and speaker token; titles dropped unless kept (in a Title Case
    headline every quote looks like a title)."""
    spans = [
        span
        for span in marks.find_marked_spans(text, paragraphs, text_of(doc))
        if (keep_titles or not kinds.is_title(text[span.start : span.end]))
        and not kinds.is_nickname(text, span.start, span.end)
    ]
    quoted = [span.marks for span in spans]
    found: list[Candidate] = []
    for span in spans:
        paragraph = _paragraph_of(paragraphs, span.start)
        alone = kinds.stands_alone(text, span.start, span.end, paragraph)
        turn = cues.transcript_speaker(doc, text, span.start) if alone else None
        if alone and not turn:
            # '“...” ― Jane Doe, 25, who ...': a signature names the speaker before any verb after it
            turn = quotecues.signature(doc, text, span.start, span.end, quoted, paragraph)
        cue = None if turn else cues.find_governing_cue(doc, span.start, span.end, quoted, paragraph)
        if cue is None and alone and not turn:
            cue = cues.find_nearby_cue(doc, span.start, span.end, quoted, paragraph)
        if cue is not None and quotecues.next_sentence_cue(text, cue, span.end):
            cue = None
        lead_in = None
        if cue is None and alone and not turn:
            lead_in = quotecues.lead_in(doc, text, paragraphs, paragraph, span.start, quoted)
        start = turn[0] if turn else span.start
        end = kinds.trim_trailing_comma(text, start, span.end)
        if end <= start:
            continue  # nothing but a comma between the marks
        candidate = Candidate(start, end, "direct" if alone else "partial", paragraph, chain=span.chain)
        if turn:
            candidate.cue, candidate.speaker_token = turn[1], turn[2]
        if cue is not None:
            cue = quotecues.own_cue(cue, span.start, span.end, quoted, paragraph)
            # The paragraph bounds the search: a parse may run across a line break into a heading.
            speaker = marked_speaker(doc, cue, span.start, span.end, quoted, paragraph)
            if speaker is not None and quotecues.speaks_to_reader(speaker, quoted):
                cue = speaker = None  # "you might ask": a cue of the quoted words, not of the article
            candidate.cue, candidate.speaker_token = cue, speaker
            if speaker is not None:
                candidate.referent = cues.referent_of(speaker, quoted, paragraph)
        if lead_in is not None:
            candidate.cue, candidate.speaker_token, candidate.referent = lead_in
        if cue is None and alone and not turn and lead_in is None:
            signed = cues.dash_or_colon_cue(doc, text, span.start, span.end, quoted, paragraph)
            if signed is None:
                signed = quotecues.colon_clause(doc, text, span.start, quoted, paragraph)
            if signed is not None:
                candidate.cue, candidate.speaker_token = signed
        candidate.closed = span.closed
        found.append(candidate)
    for paragraph, cue, speaker, referent in quotecues.block_quotes(doc, text, paragraphs, quoted):
        found.append(Candidate(paragraph[0], paragraph[1], "direct", paragraph, cue, speaker, referent))
    share_chain_cues(found)
    return drop_unclosed_uncued(found), quoted


def find_indirect(
    doc: Doc,
    text: str,
    paragraphs: list[tuple[int, int]],
    marked: list[Candidate],
    quoted: list[tuple[int, int]],
) -> list[Candidate]:
    """Reported speech; a clause that is mostly a quote already found is left to that quote."""
    found = []
    found_reported = find_reported(doc, text, quoted, paragraphs) + find_evidence(doc, quoted, paragraphs)
    for reported in runons.split_run_ons(doc, found_reported):
        inside = sum(
            max(0, min(reported.end, m.end) - max(reported.start, m.start))
            for m in marked
            if m.kind == "direct"
        )
        length = reported.end - reported.start
        if inside >= DIRECT_SHARE * length:
            continue
        if any(m.start <= reported.start and reported.end <= m.end + 1 for m in marked):
            continue  # the clause is a quoted title or a partial quote already found
        has_marks = any(
            reported.start <= m.start and words_end(text, m.start, m.end) <= reported.end for m in marked
        )
        paragraph = _paragraph_of(paragraphs, reported.cue[0])
        start, end = max(reported.start, paragraph[0]), min(reported.end, paragraph[1])
        end = min(_past_closing_mark(text, quoted, start, end), paragraph[1])
        if end - start < 3:
            continue
        speaker = reported.speaker
        if speaker is not None and not paragraph[0] <= speaker.idx < paragraph[1]:
            speaker = _subject_within(speaker.head, paragraph)
        if speaker is None:
            speaker = opening_subject(doc, paragraph, _cue_token(doc, reported.cue))
        kind = "mixed" if has_marks else "indirect"
        referent = cues.referent_of(speaker, quoted, paragraph) if speaker is not None else None
        found.append(Candidate(start, end, kind, paragraph, reported.cue, speaker, referent=referent))
    return found


def _past_closing_mark(text: str, quoted: list[tuple[int, int]], start: int, end: int) -> int:
    """A clause that ends on the last word of a quotation it holds ends past its closing mark, with the
    full stop printed inside it ('said it was an “intentional act.”'), not between the words and the mark."""
    for region in quoted:
        if start <= region[0] < end < region[1] and words_end(text, *region) <= end:
            return region[1]
    return end


def _subject_within(verb: Token, paragraph: tuple[int, int]) -> Token | None:
    """A second subject the parser gave the verb inside its own paragraph, when the first it found lies
    outside it (a line run into the next: "The Latest: Mayor urges ...")."""
    return next(
        (
            child
            for child in verb.children
            if child.dep_ in ("nsubj", "nsubjpass") and paragraph[0] <= child.idx < paragraph[1]
        ),
        None,
    )


def _attribution_end(doc: Doc, candidate: Candidate) -> int:
    """Where the attribution's words stop: after a trailing cue's clause ("..., he said at one point.")."""
    end = candidate.end
    cue = candidate.cue
    if isinstance(cue, tuple) and candidate.kind == "direct":
        return end  # a dash or colon signature closes its quote ('“...” ― Jo Ruiz')
    cue = cue_span(cue)
    if cue is not None and cue[0] >= candidate.end:
        # A trailing cue's clause runs to the paragraph's end ("..., she said, recalling his visit."); a
        # cue-less quote later in the same paragraph is then hers too ("“A,” she said. “B.”", and after a
        # reported clause: "A, she said. “B.”").
        end = max(end, candidate.paragraph[1])
    return end


def _cue_token(doc: Doc, cue: Token | tuple[int, int]) -> Token | None:
    """The word a cue hangs on: the token itself, or the head of a cue span ("waved away questions about")."""
    if not isinstance(cue, tuple):
        return cue
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _holds_words(candidate: Candidate, mention: tuple[int, int]) -> bool:
    """Whether a speaker's phrase runs over the quote's words or its cue."""
    spans = [(candidate.start, candidate.end), cue_span(candidate.cue)]
    return any(span is not None and mention[0] < span[1] and span[0] < mention[1] for span in spans)


def _nothing_between(text: str, start: int, end: int) -> bool:
    return all(char in GAP_PUNCTUATION for char in text[start:end])


def attribute(
    doc: Doc,
    text: str,
    candidates: list[Candidate],
    entities: Sequence[Entity],
    quoted: Sequence[tuple[int, int]],
) -> None:
    """Resolve speakers in text order; cue-less quotes inherit when nothing intervenes, else stay unknown."""
    context = SpeakerContext(doc, entities, quoted=quoted)
    last: Candidate | None = None
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if candidate.cue is not None:
            # Quoted words are first-person speech: whom they call "he" is not the speaker. Reported words
            # are not ("she said she would go").
            context.quote = (candidate.start, candidate.end) if candidate.kind == "direct" else None
            bound = bind_pronoun(candidate.speaker_token, context, _cue_token(doc, candidate.cue))
            referent = candidate.referent if bound is candidate.speaker_token else None
            candidate.speaker = resolve_speaker(bound, context, referent)
            mention = candidate.speaker.mention
            if bound is not None and mention is not None and _holds_words(candidate, mention):
                # "the groups calling themselves “defenders”": the phrase holds the cue or the quote
                core = mention_span(bound, whole=False)
                candidate.speaker = dataclasses.replace(candidate.speaker, mention=core)
        elif (
            candidate.kind == "direct"
            and last is not None
            and (last.kind != "indirect" or last.paragraph == candidate.paragraph)
            and _nothing_between(text, last.attribution_end, candidate.start)
        ):
            candidate.cue, candidate.speaker = last.cue, last.speaker
        else:
            candidate.speaker = Speaker()
        speaker = candidate.speaker or Speaker()
        if candidate.kind == "partial" and speaker.mention is None:
            candidate.kind = "scare"
        candidate.attribution_end = _attribution_end(doc, candidate)
        if speaker.mention is not None or speaker.name is not None:
            context.previous = speaker
            if candidate.kind == "indirect" and last is not None and last.paragraph == candidate.paragraph:
                # "“...,” explained Correa, noting that ...": the clause extends the quote's attribution
                last.attribution_end = max(last.attribution_end, candidate.attribution_end)
            else:
                last = candidate
        elif candidate.kind == "direct":
            last = None


def find_in_headline(
    doc: Doc, text: str, headline: tuple[int, int], entities: Sequence[Entity]
) -> list[Candidate]:
    """Attributions in an article's headline with a cue and a named speaker (see headlines.py), attributed
    on their own: a headline's speaker never carries over to a cue-less quote or a pronoun in the body."""
    region = [headline]
    text = headlines.with_single_marks(text, headline)
    marked, quoted = find_marked(doc, text, region, headlines.is_title_case(text[headline[0] : headline[1]]))
    claim = headlines.colon_claim(doc, text, headline, entities) or evidence_headline(doc, text, headline)
    clause = [headline if claim is not None else headlines.after_kicker(doc, text, headline)]
    candidates = marked + find_indirect(doc, text, clause, marked, quoted)
    named: set[int] = set()
    if claim is not None:
        cue, name, (start, end) = claim
        candidates.append(Candidate(start, end, "indirect", headline, cue, name.root))
        named.add(id(candidates[-1]))  # colon_claim has checked the name
    attribute(doc, text, candidates, entities, quoted)
    return [
        candidate
        for candidate in candidates
        if candidate.cue is not None
        and candidate.kind != "scare"
        and candidate.speaker is not None
        and (
            id(candidate) in named
            or candidate.speaker.name is not None  # "Ruiz backs Vega, who says ...": named through "who"
            or headlines.names_someone(doc, candidate.speaker.mention, entities)
        )
        and not (candidate.start <= headline[0] + 1 and candidate.end >= headline[1] - 2)
    ]


def extract_quotes(
    doc: Doc, blocks: Sequence[Block] | None = None, entities: Sequence[Entity] = ()
) -> tuple[Quote, ...]:
    """The pure core: every quote and reported statement in the body of `doc` and its headline, in text order."""
    words = text_of(doc)
    text = marks.with_apostrophe_marks(words)  # the offsets of `words`, the quotation marks made plain
    paragraphs = speech_regions(text, blocks)
    marked, quoted = find_marked(doc, text, paragraphs)
    candidates = marked + find_indirect(doc, text, paragraphs, marked, quoted)
    attribute(doc, text, candidates, entities, quoted)
    headline = headlines.find_headline(blocks)
    if headline is not None:
        candidates += find_in_headline(doc, text, headline, entities)
    quotes = []
    for candidate in sorted(drop_nested_parts(candidates, text), key=lambda c: (c.start, c.end)):
        extent = cue_span(candidate.cue)
        cue = Cue(extent[0], extent[1], words[extent[0] : extent[1]]) if extent else None
        speaker = candidate.speaker or Speaker()
        quotes.append(
            Quote(
                candidate.start,
                candidate.end,
                words[candidate.start : candidate.end],
                candidate.kind,
                speaker,
                cue,
            )
        )
    return tuple(quotes)
