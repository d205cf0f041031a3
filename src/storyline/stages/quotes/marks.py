"""Text + paragraph spans -> quotation-mark spans, paired per paragraph and recovered locally when unbalanced.

News prints an opening mark at the start of every paragraph of a long quote and a closing mark only at
the end; marks also go missing or stray. Pairing is therefore done paragraph by paragraph, so that one
bad mark can never swallow the rest of the document: a quote still open at the end of its paragraph
either continues (the next paragraph opens with a mark of the same family) or is closed there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..text import trim_span

# Families of double marks: a mark only closes a quote opened by its own family, so the other
# families inside it are nested quotes (a straight-quoted answer citing a curly-quoted question).
OPENERS = {"\u201c": "curly", "\u00ab": "guillemet", "\u201e": "low"}
CLOSERS = {"\u201d": "curly", "\u00bb": "guillemet"}
CLOSER_OF_LOW = {"\u201c", "\u201d"}  # German-style „...“ closes with a high mark
STRAIGHT = '"'
OPENING_CHARS = '\u201c\u00ab\u201e\u201d"\u2018'
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"
# What may come right before an opening straight mark; anything else makes it a closing mark.
OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:;\u201c\u2018")
SENTENCE_END = ".?!\u2026"
DOUBLE_MARKS = re.compile('[\u201c\u201d\u00ab\u00bb\u201e"]')
SINGLE_MARKS = re.compile("[\u2018\u2019]")
LINE = re.compile("[^\n]+")


@dataclass(frozen=True)
class MarkedSpan:
    """Words between quotation marks: start/end exclude the marks and surrounding spaces.

    `opened`/`closed` tell whether a real mark stood there (False when recovered); parts of one
    quote that runs over several paragraphs share `chain` (the index of its first part). `marks` is
    the quoted region with its marks, from the first character of the opening mark to past the closing
    one (the words' own edge where a mark was recovered): a mark may be two characters wide ('' in
    archived text) and spaces may stand between a mark and the words.
    """

    start: int
    end: int
    opened: bool
    closed: bool
    chain: int
    marks: tuple[int, int]


def _classify_mark(text: str, i: int) -> tuple[str, str] | None:
    """(family, "open"|"close") for the double mark at i, or None when text[i] is no double mark."""
    char = text[i]
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if char in OPENERS:
        if char == "\u201c" and before in SENTENCE_END + "," and after.isspace():
            # '... is 51 percent.“': an opening mark printed where the closing one belongs
            return OPENERS[char], "close"
        return OPENERS[char], "open"
    if char in CLOSERS:
        if before in OPEN_CONTEXT and after.isalnum():
            # '”Fear. I am afraid ...” ― a reader': a closing mark printed where the opening one belongs
            return CLOSERS[char], "open"
        return CLOSERS[char], "close"
    if char == STRAIGHT:
        return "straight", ("open" if before in OPEN_CONTEXT else "close")
    return None


def _last_sentence_end(text: str, start: int, end: int) -> int | None:
    for i in range(end - 1, start, -1):
        if text[i] in SENTENCE_END:
            return i + 1
    return None


def _starts_with_opener(text: str, start: int, end: int, family: str) -> bool:
    start, end = trim_span(text, start, end)
    if start >= end:
        return False
    found = _classify_mark(text, start)
    return (
        found is not None
        and found[0] in (family, "low" if family == "curly" else family)
        and found[1] == "open"
    )


def _marks_in(positions: list[int], start: int, end: int) -> list[int]:
    return positions[bisect_left(positions, start) : bisect_left(positions, end)]


def _closes_mixed(text: str, marks: list[int], at: int, open_family: str) -> bool:
    if open_family not in ("curly", "straight"):
        return False
    for i in marks:
        if i > at:
            later = _classify_mark(text, i)
            if later is not None and later[0] == open_family:
                return False
    return True


def _nests(text: str, marks: list[int], at: int, family: str) -> bool:
    """Whether a second opening mark of the open quote's own family opens a quote inside it ('“I'd rather
    live in what he calls “hell” than here.”'): the next marks of the family after it are two closing
    ones, the inner quote's and the outer's. Straight marks have no direction to tell this by."""
    if family == "straight":
        return False
    later = [found[1] for i in marks if i > at and (found := _classify_mark(text, i)) and found[0] == family]
    return later[:2] == ["close", "close"]


def pair_double_marks(
    text: str, paragraphs: list[tuple[int, int]], words: str | None = None
) -> list[MarkedSpan]:
    """Pair double quotation marks paragraph by paragraph (see the module docstring); `words` is the text
    before with_apostrophe_marks made its view, to measure the marks."""
    positions = [match.start() for match in DOUBLE_MARKS.finditer(text)]
    spans: list[tuple[int, int, bool, bool, int]] = []
    carry: tuple[str, int] | None = None  # family and chain of a quote continuing into this paragraph
    for number, (para_start, para_end) in enumerate(paragraphs):
        open_family: str | None = None
        open_at = para_start
        chain = -1
        seen_mark = False
        nested = 0  # quotes of another family opened inside the open one and not yet closed
        inner = 0  # quotes of the open one's own family opened inside it and not yet closed
        in_paragraph = _marks_in(positions, para_start, para_end)
        # Straight marks that come in pairs alternate open/close whatever the spacing around them
        # ('Wilkins said," [Warhol] liked ..."'); an odd count falls back to reading the spacing.
        straight_pairs = sum(text[i] == STRAIGHT for i in in_paragraph) % 2 == 0
        for i in in_paragraph:
            mark = _classify_mark(text, i)
            if mark is None:
                continue
            family, direction = mark
            if family == "straight" and straight_pairs:
                direction = "close" if open_family == "straight" else "open"
            if open_family == "low" and text[i] in CLOSER_OF_LOW:
                family, direction = "low", "close"
            if open_family is None:
                if direction == "open":
                    open_family, open_at, nested, inner = family, i, 0, 0
                    chain = carry[1] if carry and not seen_mark and carry[0] == family else len(spans)
                elif not seen_mark and i > para_start and text[i - 1] in SENTENCE_END + ",":
                    # A closing mark with no opening one: the quote began at the paragraph's start.
                    spans.append((para_start, i, False, True, len(spans)))
                seen_mark = True
                continue
            seen_mark = True
            if family != open_family:
                if direction == "open":
                    nested += 1
                elif nested:
                    nested -= 1  # the close of a nested quote ('"... as “The Journal” wrote, ...')
                elif _closes_mixed(text, in_paragraph, i, open_family):
                    # '“... the FBI," he said': sites mix curly and straight marks; a closing mark of
                    # another family closes the quote when its own family has no mark left to close it
                    spans.append((open_at + 1, i, True, True, chain))
                    open_family = None
                continue  # a nested quote of another family
            if direction == "close":
                if inner:
                    inner -= 1  # the close of a quote of the same family nested in the open one
                    continue
                spans.append((open_at + 1, i, True, True, chain))
                open_family = None
                continue
            if _nests(text, in_paragraph, i, family):
                inner += 1
                continue
            # A second opening mark of the same family: the first was never closed. Close it at
            # its last full stop if it has one, else drop it; then start over at this mark.
            stop = _last_sentence_end(text, open_at + 1, i)
            if stop is not None:
                spans.append((open_at + 1, stop, True, False, chain))
            open_family, open_at, chain, nested, inner = family, i, len(spans), 0, 0
        carry = None
        if open_family is not None:
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            spans.append((open_at + 1, para_end, True, False, chain))
            if following and _starts_with_opener(text, *following, open_family):
                carry = (open_family, chain)
    return _finish(text, spans, words)


def _mark_end(words: str | None, at: int) -> int:
    """Past the closing mark at `at`: two apostrophes read as one mark (with_apostrophe_marks) end a
    character later."""
    return at + 2 if words is not None and words.startswith("''", at) else at + 1


def _finish(text: str, spans: list[tuple[int, int, bool, bool, int]], words: str | None) -> list[MarkedSpan]:
    found = []
    chain_start: dict[int, int] = {}
    for start, end, opened, closed, chain in spans:
        # untrimmed, a real opening mark stands right before start and a real closing one at end
        region = (start - 1 if opened else start, _mark_end(words, end) if closed else end)
        start, end = trim_span(text, start, end)
        if start >= end:
            continue
        first = chain_start.setdefault(chain, start)
        found.append(MarkedSpan(start, end, opened, closed, first, region))
    return found


def pair_single_marks(
    text: str, paragraphs: list[tuple[int, int]], inside: list[MarkedSpan]
) -> list[MarkedSpan]:
    """‘Single-quoted’ speech outside double quotes, for outlets that print speech that way.

    U+2019 doubles as the apostrophe, so a pair needs an opening U+2018 at a word start and a U+2019
    at a word end that is not followed by a letter ("don’t", "Vega’s" never close a quote).
    """
    found = []
    positions = [match.start() for match in SINGLE_MARKS.finditer(text)]
    for para_start, para_end in paragraphs:
        open_at: int | None = None
        for i in _marks_in(positions, para_start, para_end):
            char = text[i]
            if any(span.marks[0] <= i < span.marks[1] for span in inside):
                continue
            before = text[i - 1] if i > para_start else " "
            after = text[i + 1] if i + 1 < para_end else " "
            if char == SINGLE_OPEN and (before in OPEN_CONTEXT or before == '"'):
                open_at = i
            elif (
                char == SINGLE_CLOSE and open_at is not None and not after.isalnum() and not before.isspace()
            ):
                start, end = trim_span(text, open_at + 1, i)
                if start < end:
                    found.append(MarkedSpan(start, end, True, True, start, (open_at, i + 1)))
                open_at = None
    return found


# Two apostrophes standing for a double quotation mark (''like this'', in archived newspaper text), never
# three or more (a possessive after a quoted word, a typo).
APOSTROPHE_PAIR = re.compile("(?<!')''(?!')")


def with_apostrophe_marks(text: str) -> str:
    """The text with each pair of apostrophes used as a double quotation mark read as one straight mark and a
    space: same length, so every offset stays valid; for finding marks only, never for the words reported."""
    return APOSTROPHE_PAIR.sub('" ', text) if "''" in text else text


def find_marked_spans(
    text: str, paragraphs: list[tuple[int, int]], words: str | None = None
) -> list[MarkedSpan]:
    """All quotation-mark spans in the given paragraphs, in text order; `text` may be the view of `words`
    made by with_apostrophe_marks."""
    doubles = pair_double_marks(text, paragraphs, words)
    singles = pair_single_marks(text, paragraphs, doubles)
    return sorted(doubles + singles, key=lambda span: span.start)


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of text[start:end] as (start, end) spans, without their outer spaces."""
    end = len(text) if end is None else end
    paragraphs = []
    for match in LINE.finditer(text, start, end):
        s, e = trim_span(text, match.start(), match.end())
        if s < e:
            paragraphs.append((s, e))
    return paragraphs
