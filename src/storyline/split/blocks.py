"""Text -> lines and their block kinds (body, heading, caption, credit, dateline, byline, boilerplate).

A block is one line without its newline and without surrounding whitespace; blank lines belong to no
block. Two kinds of line are cut finer than the line: a caption that ends in a bracketed credit
("... on February 3 [Jose Luis Magana/AP]") becomes a `caption` block and a `credit` block for the
bracketed part (brackets included), and a lead that opens with a dateline ("BOGOTA, Colombia — ...")
becomes a `dateline` block for the prefix (dash included) and a `body` block for the rest. The kind of a
line (`Line.kind`) is the kind of its first block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import Block
from ..stages.text import trim_span

# Agencies and outlets that sign photo credits and bylines; a general list, not one text's.
AGENCIES = (
    r"AP|Associated Press|Reuters|AFP|Getty(?: Images)?|EPA|Bloomberg|Al Jazeera|BBC|CNN|Xinhua|"
    r"ANSA|Anadolu|dpa|UPI|Shutterstock|Alamy|NurPhoto|Sipa|Pool|Handout|Wikimedia Commons|NASA"
)

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_BOILERPLATE = re.compile(
    r"^(?:recommended(?: stories| for you| reading)?|list of \d+ items.*|end of list|"
    r"share(?: this)?(?: article| story| on \w+)?|advertisement|sponsored(?: content)?|"
    r"read more(?:[: ].*)?|read next|see also|related(?: articles| stories| content| coverage)?|"
    r"sign up(?: for| to)? .*newsletter.*|subscribe(?: now| to .*)?|(?:get|sign up for) .*newsletter.*|"
    r"most (?:read|popular|viewed)|skip to (?:main )?content|continue reading.*|story continues below.*|"
    r"click here.*|follow us on .*|listen to (?:this )?(?:article|story).*|\d+ min(?:ute)?s? read|"
    r"(?:print|email|e-mail|copy link|comments?|tweet|save|show comments|hide caption|toggle caption|"
    r"enlarge this image|back to top|watch|video|more on this story|top stories|trending|"
    r"this article is more than \d+ \w+ old|image source,?.*|image caption,?.*)\s*[:.]?)\s*$",
    re.IGNORECASE,
)
_BRACKET_CREDIT = re.compile(r"\s*(\[(?P<inner>[^\[\]]{2,90})\])\s*$")
_TRAILING_CREDIT = re.compile(
    rf"(?:\s|^)(?P<credit>(?:\((?:(?:AP|Reuters|AFP) )?Photo(?:graph)?s?[:/][^()]{{2,80}}\))|"
    rf"(?:(?:Image|Photo(?:graph)?|Picture|Credit|Illustration|Source)s?(?: credit)?\s*:\s*[^.:]{{2,80}}\.?)|"
    rf"(?:\((?:{AGENCIES})(?: Photo)?\)))\s*$",
    re.IGNORECASE,
)
_STANDALONE_CREDIT = re.compile(
    rf"^(?:(?:Image|Photo(?:graph)?|Picture|Credit|Illustration|Video)s?(?: credit| by)?\s*[:\-–]\s*\S.*|"
    rf"\((?:{AGENCIES}) Photo[^()]*\)|(?:[\w.' -]{{1,60}}/)?(?:{AGENCIES})(?: Photo)?(?: via (?:{AGENCIES}))?|"
    rf"\[[^\[\]]{{2,90}}\])$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:By|From|Words by|Reporting by)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]*|de|da|van|von|al|bin|and|&)){0,7}"
    r"(?:\s*(?:,|\||-|–|—|and|in)\s*[\w .,'’&-]{0,60})?$"
)
_NAME_AGENCY_BYLINE = re.compile(
    rf"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){{1,3}}\s*(?:,|\||–|—)\s*(?:{AGENCIES}|"
    r"(?:[\w ]{0,30}(?:correspondent|reporter|editor|staff writer|contributor|columnist)))\.?$"
)
_MONTHS = (
    r"Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sep(?:t|tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
)
_WEEKDAYS = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun"
_DATE = (
    rf"(?:(?:{_MONTHS})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS}),?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
_TIME = r"(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[apAP]\.?[mM]\.?)?(?:\s*(?:[A-Z]{2,4}|hrs|GMT[+-]?\d*|UTC[+-]?\d*))?"
# Words in capitals that open a line with a colon but are labels, not places.
_LABELS = (
    r"NOTE|UPDATE|UPDATED|WATCH|READ|EDITOR'?S NOTE|CORRECTION|BREAKING|EXCLUSIVE|ANALYSIS|OPINION|LIVE|"
    r"VIDEO|PHOTOS?|Q|A|FAQ|WARNING|SPOILER|DISCLAIMER|TL;DR|PS"
)
# A dateline: optionally an agency and a date, a place in capitals (optionally ", Region" and a date), an
# agency in parentheses, then a dash or colon and the lead. "BOGOTA, Colombia —", "WASHINGTON (AP) —",
# "LONDON, Feb. 3 (Reuters) -", "TNN Nov 12, 2011, 05.51AM IST MUMBAI: ".
DATELINE = re.compile(
    rf"^(?P<dateline>(?:[A-Z]{{2,6}}\s+)?(?:(?P<date_pre>{_DATE})(?:[ ,]+{_TIME})?,?\s+)?"
    rf"(?!(?:{_LABELS})\b)(?P<place>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){{0,3}})"
    rf"(?:,\s*(?:[A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){{0,2}}))?(?:,?\s*(?P<date>(?:{_MONTHS})\s+\d{{1,2}}(?:,\s*\d{{4}})?))?"
    rf"\s*(?:\((?:{AGENCIES}|[A-Z]{{2,8}})\))?\s*(?:—|–|--|\s-|:)\s?)(?=\S)"
)
# A place in title case with its region, then a dash: "Taipei, Taiwan — ".
TITLE_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}"
    rf"(?:\s*\((?:{AGENCIES})\))?\s*(?:—|–|--)\s?)(?=\S)"
)
# A full date opening a lead: "Thursday, May 7, 2015 On Tuesday, the government ..."
DATE_PREFIX = re.compile(rf"^(?P<dateline>(?:(?:{_WEEKDAYS}),?\s+)?{_DATE}(?:[ ,]+{_TIME})?\s*(?:—|–|-|:)?\s)(?=[A-Z])")
# At the top of an article only: a place in title case and a colon, "New Delhi/Mumbai: An Indian warship".
TOP_DATELINE = re.compile(
    r"^(?P<dateline>(?!(?:Updated|Published|Posted|Note|Photo|Image|Source|Credit|Read|Watch|Update|Editor|"
    r"Correction|Question|Answer|Q|A|Wikinews|Interview|Categories|Category|Tags|Sources|Related|Share|Filed)\b)"
    r"[A-Z][a-z]+(?:[ /-][A-Z][a-z]+){0,3}:\s?)(?=[A-Z])"
)
# A line that is only a date: "Friday, July 21, 2017", "3 February 2026", "Published on: Fri, 11 Nov 2011 at 09:56 IST".
DATE_LINE = re.compile(
    rf"^(?:(?:Published|Updated|Posted|Last updated|First published)(?: on)?:?\s*)?(?:(?:{_WEEKDAYS})\.?,?\s+)?"
    rf"{_DATE}(?:[ ,]+{_TIME})?\.?$",
    re.IGNORECASE,
)
_QUOTED_LINE = re.compile(r"^[‘“'\"][^‘’“”\"]{2,100}[’”'\"]$")
_SENTENCE_END = ".!;:,…"
_CAPTION_CUE = re.compile(
    r"\((?:left|right|center|centre|C|L|R|top|bottom|front|back|foreground|background|pictured|inset|"
    r"(?:second|third) from (?:left|right))\)|"
    r",\s(?:left|right|centre|center|(?:second|third) from (?:left|right)),\s|"
    r"^(?:File photo|Pictured|Above|Top|Left|Right|Main image|Picture)(?: of\b|:)"
)
# Words that open a question put to someone, not a question headline.
_QUESTION_OPENER = re.compile(
    r"^(?:how|what|why|who|whom|whose|when|where|which|do|does|did|is|are|was|were|has|have|had|can|could|"
    r"would|will|shall|should|may|might|must|any|anything|if|and|but|so|or|you|i|we|it|it['’]s|isn['’]t|"
    r"don['’]t|doesn['’]t|didn['’]t|aren['’]t|wasn['’]t|oh|well|really|ok|okay)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One non-blank line of a text: its span (whitespace trimmed), its kind and its blocks."""

    index: int  # 0-based line number in the text
    start: int
    end: int
    text: str
    kind: str
    blocks: tuple[Block, ...]


def iter_lines(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (line index, start, end) of every non-blank line, trimmed of surrounding whitespace."""
    position = 0
    index = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        start = position
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            yield index, start, stop
        if newline == -1:
            break
        position = newline + 1
        index += 1


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def is_boilerplate(text: str) -> bool:
    return len(text) <= 90 and bool(_BOILERPLATE.match(text))


def is_credit(text: str) -> bool:
    return len(text) <= 100 and count_words(text) <= 12 and bool(_STANDALONE_CREDIT.match(text))


def is_byline(text: str) -> bool:
    if len(text) > 100 or count_words(text) > 12:
        return False
    return bool(_BYLINE.match(text) or _NAME_AGENCY_BYLINE.match(text))


def is_date_line(text: str) -> bool:
    return len(text) <= 80 and bool(DATE_LINE.match(text))


def _looks_like_credit(inner: str) -> bool:
    """Whether the words in a trailing [bracket] name a photographer or agency, not an editorial insert."""
    if "/" in inner or re.match(r"^(?:File|Photo|Image|Courtesy|Handout|Screengrab|Screenshot)\b", inner, re.I):
        return True
    if re.search(rf"\b(?:{AGENCIES})\b", inner):
        return True
    words = inner.split()
    return 1 <= len(words) <= 4 and all(word[:1].isupper() for word in words)


def find_caption_credit(text: str) -> int | None:
    """Where the trailing photo credit of a caption line starts, or None when the line is no caption."""
    if count_words(text) < 4:
        return None
    match = _BRACKET_CREDIT.search(text)
    if match and _looks_like_credit(match.group("inner")) and match.start(1) > 0:
        return match.start(1)
    match = _TRAILING_CREDIT.search(text)
    if match and match.start("credit") > 0:
        return match.start("credit")
    return None


def is_uncredited_caption(text: str) -> bool:
    """A photo caption without a credit, known by the words captions use to point at people in a picture:
    "(left)", ", second from right,", "(C)", "File photo of ...", "Pictured: ..."."""
    if count_words(text) > 45 or len(re.findall(r"[.!?](?:\s|$)", text)) > 2 or text[:1] in "“\"‘'":
        return False
    return bool(_CAPTION_CUE.search(text))


def find_dateline(text: str) -> int | None:
    """The length of a dateline prefix at the start of a lead ("BOGOTA, Colombia — "), or None."""
    if count_words(text) < 8:
        return None
    match = DATELINE.match(text)
    # An all-capitals place of two letters or more, and a lead that goes on as a sentence.
    if match and len(match.group("place").replace(".", "")) >= 2:
        return len(match.group("dateline").rstrip())
    match = TITLE_DATELINE.match(text) or DATE_PREFIX.match(text)
    return len(match.group("dateline").rstrip()) if match else None


def is_heading(text: str) -> bool:
    """A title-like line: short, no sentence punctuation at the end (a question or a quoted phrase is ok)."""
    words = count_words(text)
    if words == 0 or words > 16 or len(text) > 130:
        return False
    if _QUOTED_LINE.match(text):
        # A quoted section heading is a phrase; a quoted sentence standing alone is a quote paragraph.
        return words <= 12 and text[-2] not in _SENTENCE_END + "?"
    first = text.lstrip("‘“'\"(")[:1]
    if not (first.isupper() or first.isdigit()) or text[:1] in "“\"":
        return False
    last = text[-1]
    if last in "’”'\"":
        # A headline may end on a quoted phrase ("... in 'quasi-state of war'"), not on a quoted sentence.
        return len(text) > 2 and text[-2] not in _SENTENCE_END + "?" and _opens_quote(text[:-1], last)
    if last == "?":
        # "A turning point in a tense relationship?" heads a section; "How did you meet?" asks a question.
        return words <= 10 and not _QUESTION_OPENER.match(text)
    return not (last in _SENTENCE_END or last in ")]-—–")


def _opens_quote(text: str, closing: str) -> bool:
    openers = {"’": "‘", "”": "“", "'": "'", '"': '"'}
    return openers[closing] in text[1:] if closing in "'\"" else openers[closing] in text


def classify_line(text: str) -> str:
    """The kind of a whole line, judged from the line alone (captions and datelines are refined later)."""
    if is_boilerplate(text):
        return "boilerplate"
    if is_date_line(text):
        return "dateline"
    if is_credit(text):
        return "credit"
    if is_byline(text):
        return "byline"
    if find_caption_credit(text) is not None or is_uncredited_caption(text):
        return "caption"
    if is_heading(text):
        return "heading"
    return "body"


def blocks_of_line(text: str, start: int, end: int, kind: str) -> tuple[Block, ...]:
    """The blocks of one line: one block, or caption + credit, or dateline + body."""
    line = text[start:end]
    if kind == "caption":
        cut = find_caption_credit(line)
        if cut is not None:
            caption = trim_span(text, start, start + cut)
            credit = trim_span(text, start + cut, end)
            if caption[1] > caption[0] and credit[1] > credit[0]:
                return (Block(*caption, "caption"), Block(*credit, "credit"))
    if kind == "body":
        cut = find_dateline(line)
        if cut is not None:
            body = trim_span(text, start + cut, end)
            if body[1] > body[0]:
                return (Block(start, start + cut, "dateline"), Block(*body, "body"))
    return (Block(start, end, kind),)


def _refine_headings(lines: list[tuple[int, int, int, str]], text: str) -> list[str]:
    """A heading must be followed by text; a heading-like last line or a run of them is body, not heading."""
    kinds = [kind for *_, kind in lines]
    for position, kind in enumerate(kinds):
        if kind != "heading":
            continue
        following = kinds[position + 1] if position + 1 < len(kinds) else None
        if following is None:
            kinds[position] = "body"
    return kinds


def classify_lines(text: str, given: tuple[Block, ...] = ()) -> list[Line]:
    """Every non-blank line of `text` with its kind and blocks; `given` blocks (from markup) win."""
    raw = [(index, start, end, classify_line(text[start:end])) for index, start, end in iter_lines(text)]
    kinds = _refine_headings(raw, text)
    given_sorted = sorted(given, key=lambda block: block.start)
    given_starts = [block.start for block in given_sorted]
    lines: list[Line] = []
    for (index, start, end, _), kind in zip(raw, kinds, strict=True):
        # Only markup blocks that start before this line's end and after the longest block before it.
        nearby = given_sorted[max(0, bisect.bisect_left(given_starts, start) - 8):bisect.bisect_left(given_starts, end)]
        known = _given_kind(nearby, start, end)
        if known is not None and known != "body":
            kind = known
        blocks = blocks_of_line(text, start, end, kind)
        if kind == "body" and len(blocks) == 1 and (not lines or lines[-1].kind in ("heading", "dateline", "byline")):
            blocks = _top_dateline_blocks(text, start, end) or blocks
        lines.append(Line(index, start, end, text[start:end], blocks[0].kind, blocks))
    return lines


def _top_dateline_blocks(text: str, start: int, end: int) -> tuple[Block, ...] | None:
    """A title-case place and colon opening the first line under a headline: a dateline + body."""
    match = TOP_DATELINE.match(text[start:end])
    if not match or count_words(text[start:end]) < 8:
        return None
    cut = len(match.group("dateline").rstrip())
    body = trim_span(text, start + cut, end)
    return (Block(start, start + cut, "dateline"), Block(*body, "body"))


def _given_kind(given: list[Block], start: int, end: int) -> str | None:
    """The kind of the markup block that covers most of a line, if any."""
    best = None
    best_overlap = 0
    for block in given:
        if block.start >= end:
            break
        overlap = min(end, block.end) - max(start, block.start)
        if overlap > best_overlap:
            best, best_overlap = block.kind, overlap
    return best if best_overlap * 2 >= end - start else None
