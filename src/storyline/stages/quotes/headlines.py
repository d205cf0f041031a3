"""An article's headline -> which of its claims may be attributed: an explicit cue with a named subject only.

A headline that reports speech ("Ruiz says Vega 'plainly wrong'", "Okafor: Vega needs to ...",
"Mayor Calls Port Plan 'A Scandal'") is a claim a dossier reader wants, but headlines are
written in telegraphic and often Title Case English that the parser reads badly, so only two shapes are
taken from them: a cue word with a subject that names someone, and a name followed by a colon. Section
headings further down an article, captions and a headline with no cue give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...models import Block, Entity
from ..text import text_of
from .kinds import TITLE_LOWER, WORD

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Named-entity labels that name a source; a poll, a report or "The Latest" is no named subject.
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# A name before a colon or a kicker is a few words ("Senator Alan Briggs:", "The Latest:"); a longer run
# is a phrase of its own ("A Bold Plan to Save the Harbour: ...").
MAX_NAME_WORDS = 4
# Fewer words after "Name:" are a label ("Lee: A Profile"), no claim.
MIN_CLAIM_WORDS = 3
# Title Case leaves some short words low ("if", "than"); a sentence-case headline capitalises only names.
TITLE_CASE_SHARE = 0.8
# "Name on Topic: claim", "Name about Topic: claim": a claim of the name's on the topic.
TOPIC_WORDS = frozenset({"on", "about"})


# Headline style prints quotations in single marks ("Mayor Sees 'Broken Promise' in ..."): a straight one
# opens at a word's start and closes at a word's end; inside a word or after an "s" alone it is an
# apostrophe ("Don't", "voters' rights").
STRAIGHT_SINGLE_PAIR = re.compile(r"(?<![\w'])'(?=\w)((?:[^'\n]|(?<=\w)'(?=\w))+?[\w.,!?])'(?!\w)")


def with_single_marks(text: str, headline: tuple[int, int]) -> str:
    """The text with each pair of straight single quotation marks in the headline read as curly single
    marks, which the quote stage pairs: same length, for finding marks only."""
    start, end = headline
    part = STRAIGHT_SINGLE_PAIR.sub("\u2018\\1\u2019", text[start:end])
    return text[:start] + part + text[end:]


def find_headline(blocks: Sequence[Block] | None) -> tuple[int, int] | None:
    """The heading that opens an article, before any body text; a heading after body text is a section
    heading, which attributes nothing."""
    for block in blocks or ():
        if block.kind == "body":
            return None
        if block.kind == "heading":
            return block.start, block.end
    return None


def is_title_case(text: str) -> bool:
    """Whether a headline capitalises its content words ("Mayor Sees 'Broken Promise' In ..."): then its
    quotes are capitalised too and look like titles of works."""
    words = [word for word in WORD.findall(text) if word.lower() not in TITLE_LOWER]
    return len(words) >= 3 and sum(word[0].isupper() for word in words) >= TITLE_CASE_SHARE * len(words)


def after_kicker(doc: Doc, text: str, headline: tuple[int, int]) -> tuple[int, int]:
    """The headline after a short kicker ("The Latest: Mayor urges ..."): the parser takes the kicker for
    the subject of the verb after the colon. A kicker that names the speaker is read first, by colon_claim."""
    start, end = headline
    colon = text.find(":", start, end)
    kicker = doc.char_span(start, colon, alignment_mode="contract") if colon > start else None
    if kicker is None or not 0 < len(kicker) <= MAX_NAME_WORDS:
        return headline
    return colon + 1, end


def names_someone(doc: Doc, mention: tuple[int, int] | None, entities: Sequence[Entity] = ()) -> bool:
    """Whether a speaker's words hold a name: a proper noun, a named entity, or words the article itself
    writes as a name (not "it", "Latest", "critics")."""
    if mention is None:
        return False
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None:
        return False
    if any(token.pos_ == "PROPN" for token in span):
        return True
    return any(ent.label_ in NAME_LABELS for ent in span.ents) or _is_article_name(
        span.text, text_of(doc), entities
    )


def colon_claim(
    doc: Doc, text: str, headline: tuple[int, int], entities: Sequence[Entity]
) -> tuple[tuple[int, int], Span, tuple[int, int]] | None:
    """'Name: claim' ("Okafor: Port Strike Will Not End Soon"): the colon as cue, the name, and the
    claim after it. The name must be a short run of capitalised content words (never "Stealth Over Health"
    or "The Latest") that the parser or the article's own entities know as a name."""
    start, end = headline
    colon = text.find(":", start, end)
    if colon < 0:
        return None
    name = doc.char_span(start, colon, alignment_mode="contract")
    topic = next((token for token in name or () if token.lower_ in TOPIC_WORDS), None)
    if (
        name is not None
        and topic is not None
        and topic.i - name.start > 0
        and name.end - topic.i <= MAX_NAME_WORDS
    ):
        name = name.doc[name.start : topic.i]  # "Vega on Water Rights: ...": the name before its topic
    claim_start = colon + 1
    while claim_start < end and text[claim_start].isspace():
        claim_start += 1
    if name is None or not 0 < len(name) <= MAX_NAME_WORDS or claim_start >= end:
        return None
    if text[claim_start] in "\u201c\u201d\"\u2018'\u00ab\u201e":
        return None  # a quotation after the colon is a marked quote, signed by the colon
    claim = doc.char_span(claim_start, end, alignment_mode="expand")
    if sum(token.is_alpha for token in claim or ()) < MIN_CLAIM_WORDS:
        return None
    if not all(token.text[:1].isupper() and not token.is_stop for token in name if not token.is_punct):
        return None
    if not (_is_entity_name(name) or _is_article_name(name.text, text, entities)):
        return None
    return (colon, colon + 1), name, (claim_start, end)


def _is_entity_name(name: Span) -> bool:
    return any(
        ent.label_ in NAME_LABELS and ent.start <= name.start and name.end <= ent.end for ent in name.doc.ents
    )


def _is_article_name(words: str, text: str, entities: Sequence[Entity]) -> bool:
    """The article itself writes these words as (part of) a named entity's mention: "Okafor" for a
    headline over a story about Mina Okafor, "Factline" where the parser took it for a noun."""
    for entity in entities:
        if entity.type not in NAME_LABELS:
            continue
        for start, end in entity.mentions:
            mention = text[start:end]
            if mention == words or mention.endswith(" " + words) or mention.startswith(words + " "):
                return True
    return False
