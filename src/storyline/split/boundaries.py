"""Classified lines -> the lines where a new article starts, each with the named features that fired.

Pasted text has no separators, so a gap between two lines is scored with the signals a reader uses:
a dateline, a headline over a new lead, a paragraph that re-introduces the cast by full name after the
text had been using surnames, a cast of names never seen before, a lead that opens a new time frame, the
end of a quote just before, a drop in lexical cohesion (TextTiling: the words of the windows either side
of the gap), and a change of house style ("U.S." vs "US", "-ize" vs "-ise"). A paragraph that opens
with a pronoun or connective continues the text before it and counts against a boundary. A gap is a
boundary when the weighted sum reaches THRESHOLD; `explain_gap` shows which features fired.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .blocks import Line, count_words

# Weights and threshold: chosen by hand on the GUM synthetic pastes (`storyline eval split`), then
# checked on the reference story; see evaluate/split.py for the figures.
WEIGHTS = {
    "dateline": 3.0,
    "headline": 1.5,
    "headline_echo": 1.0,
    "reintroduced_name": 1.5,
    "new_cast": 1.0,
    "new_person": 0.5,
    "time_frame": 0.5,
    "after_quote": 0.5,
    "cohesion_drop": 2.0,
    "style_shift": 1.0,
    "continuation": -1.5,
    "opening_quote": -0.5,
    "after_caption": -0.5,
    "announced_sections": -2.0,
}
THRESHOLD = 2.5
MIN_ARTICLE_LINES = 3
# Windows for names, cohesion and style, in lines and words.
NAME_WINDOW = 25
COHESION_WORDS = 150
STYLE_WINDOW = 12
PEAK_REACH = 20

_HEADER_KINDS = ("heading", "byline", "dateline", "credit", "boilerplate")
_TOP_KINDS = ("heading", "byline", "dateline", "caption", "credit")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CAP_WORD = r"[A-Z][\w'’.-]*[a-z][\w'’-]*"
_CAP_RUN = re.compile(rf"(?<![\w'’-]){_CAP_WORD}(?:\s+(?:(?:de|da|del|van|von|der|bin|al|la|le)\s+)?{_CAP_WORD})*")
_FUNCTION_WORDS = _word_set(
    "the a an in on at by as if of to when after before for from with while since until during but and or "
    "so yet not no he she they it we i you his her their its our this that these those there here what "
    "who why how where according like unlike despite"
)
_TITLES = _word_set(
    "president prime minister mr mrs ms dr senator sen rep representative governor gov general gen king "
    "queen pope judge chancellor secretary mayor colonel col captain capt professor prof sir lord lady "
    "saint st chairman chief director ambassador commander sheikh prince princess emperor archbishop"
)
_WORDS = re.compile(r"[a-z][a-z'’-]{2,}")
_TIME_FRAME = re.compile(
    r"^(?:In|By|On|During|Back in|Since|Until)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?(?:1[89]|20)\d\d(?:s)?|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?! \d))"
)
_CONTINUATION = re.compile(
    r"^(?:He|She|They|It|His|Her|Their|Its|This|These|That|Those|But|And|Or|However|Meanwhile|Also|Still|"
    r"Yet|So|Instead|Moreover|Furthermore|Besides|Then|There|Here|Such|Both|Neither|Nor|Likewise|"
    r"Similarly|Nevertheless|Nonetheless|Otherwise|Thus|Hence|Therefore|Indeed|Even so|Later|Afterwards|"
    r"Separately|Again|Despite this|As a result|In addition|In response|In turn|After that|Too)\b"
)
_CLOSING_QUOTE = re.compile(r"[”\"’']\s*$")
_OPENING_QUOTE = re.compile(r"^[“\"‘]")
_ANNOUNCED = re.compile(
    r"\b(?:here are|these are|below are)\s+(?:the\s+)?(?P<count>\w+)\s+(?:\w+\s+){0,2}"
    r"(?:takeaways|things|lessons|key points|points|questions|reasons|ways|moments)\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
# Words too common to carry a topic (a short closed-class list; TextTiling needs only the rough cut).
_STOPWORDS = _word_set(
    """the and for that with was were has have had are but not from this his her their they them she
    him who whom which what when where while also been being its than then there these those would could
    should will can may might said says say told into onto about after before over under more most some
    any all one two three new our out his hers its just very such other only even much many first last
    year years time times did does doing done made make like because since until during between against
    through while whose ago per how why yet still both each few own same too again further once here
    off down above below upon within without across among around toward towards via already another
    ever every however meanwhile well back way part now"""
)
# House-style markers: pairs of spellings an outlet uses one of, never both.
_STYLE_PAIRS = (
    ("dotted_us", re.compile(r"\bU\.S\.(?!\w)"), "plain_us", re.compile(r"\bUS\b")),
    ("ize", re.compile(r"\b\w{3,}(?:ized|izing|ization|izes)\b"),
     "ise", re.compile(r"\b\w{3,}(?:ised|ising|isation|ises)\b")),
    ("percent", re.compile(r"\bpercent\b"), "percent_sign", re.compile(r"\d\s?%")),
    ("straight_quotes", re.compile(r"\""), "curly_quotes", re.compile(r"[“”]")),
    ("month_abbrev", re.compile(r"\b(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.\s\d"),
     "month_full", re.compile(r"\b(?:January|February|August|September|October|November|December)\s\d")),
)
# -ise words that are not British spellings of -ize.
_ISE_WORDS = re.compile(
    r"\b(?:advis|supervis|revis|surpris|promis|exercis|compromis|televis|rais|prais|premis|devis|improvis|"
    r"compris|despis|franchis|appris|chastis|rais|pois|nois|cruis|bruis|wis|expertis|enterpris)"
)


@dataclass
class Features:
    """Per-line facts the boundary features read, computed once per text."""

    lines: list[Line]
    names: list[list[str]] = field(default_factory=list)
    singles: list[Counter[str]] = field(default_factory=list)
    words: list[Counter[str]] = field(default_factory=list)
    styles: list[Counter[str]] = field(default_factory=list)
    cohesion: list[float] = field(default_factory=list)
    first_seen: dict[str, int] = field(default_factory=dict)  # capitalized word -> first line using it
    windows: dict[str, _Window] = field(default_factory=dict)


def _is_body(line: Line) -> bool:
    return line.kind in ("body", "dateline") and any(block.kind == "body" for block in line.blocks)


def _body_text(line: Line) -> str:
    if line.kind == "dateline" and len(line.blocks) > 1:
        offset = line.blocks[1].start - line.start
        return line.text[offset:]
    return line.text


_STYLE_MARKS = re.compile(
    "|".join(f"(?P<{name}>{pattern.pattern})" for pair in _STYLE_PAIRS for name, pattern in (pair[:2], pair[2:]))
)


def _line_styles(text: str) -> Counter[str]:
    styles: Counter[str] = Counter()
    for match in _STYLE_MARKS.finditer(text):
        name = match.lastgroup or ""
        if name == "ise" and _ISE_WORDS.match(match.group().lower()):
            continue
        styles[name] += 1
    return styles


def _capitalized_runs(text: str) -> tuple[list[str], Counter[str]]:
    """Runs of capitalized words: names of two words or more, and single capitalized words."""
    names: list[str] = []
    singles: Counter[str] = Counter()
    for match in _CAP_RUN.finditer(text):
        tokens = match.group().split()
        while tokens and tokens[0].lower() in _FUNCTION_WORDS:
            tokens.pop(0)
        if len(tokens) >= 2:
            names.append(" ".join(tokens))
        elif tokens:
            singles[tokens[0]] += 1
    return names, singles


def collect_features(lines: list[Line]) -> Features:
    facts = Features(lines)
    for line in lines:
        text = _body_text(line) if _is_body(line) else ""
        names, singles = _capitalized_runs(text)
        facts.names.append(names)
        facts.singles.append(singles)
        for word in [word for name in names for word in name.split()] + list(singles):
            facts.first_seen.setdefault(word, len(facts.names) - 1)
        words = Counter(word for word in _WORDS.findall(text.lower()) if word not in _STOPWORDS)
        if line.kind == "heading":
            words = Counter(word for word in _WORDS.findall(line.text.lower()) if word not in _STOPWORDS)
        facts.words.append(words)
        facts.styles.append(_line_styles(line.text) if line.kind not in ("caption", "credit") else Counter())
    facts.cohesion = _cohesion_depths(facts)
    name_ends = [Counter(" ".join(name.split()[-2:]) for name in names) for names in facts.names]
    facts.windows = {
        "singles": _Window(facts.singles),
        "name_ends": _Window(name_ends),
        "styles_before": _Window(facts.styles),
        "styles_after": _Window(facts.styles),
    }
    return facts


class _Window:
    """The summed counts of a run of lines [begin, end) that moves forward: linear over a whole text."""

    def __init__(self, rows: list[Counter[str]]) -> None:
        self.rows = rows
        self.begin = self.end = 0
        self.total: Counter[str] = Counter()

    def span(self, begin: int, end: int) -> Counter[str]:
        begin, end = max(0, begin), min(len(self.rows), max(begin, end))
        if begin < self.begin or end < self.end or begin >= self.end:
            self.begin = self.end = begin
            self.total = Counter()
        while self.end < end:
            self.total.update(self.rows[self.end])
            self.end += 1
        while self.begin < begin:
            self.total.subtract(self.rows[self.begin])
            self.begin += 1
        return self.total


def _similarities(facts: Features) -> list[float]:
    """Cosine of the ~COHESION_WORDS words before and after each gap, with two windows sliding forward."""
    rows = facts.words
    sizes = [sum(row.values()) for row in rows]
    count = len(rows)
    left_window, right_window = _Window(rows), _Window(rows)
    similarity = [1.0] * count
    left_begin, left_size = 0, 0
    right_end, right_size = 0, 0
    for i in range(1, count):
        left_size += sizes[i - 1]
        # The shortest run of lines ending at the gap that holds COHESION_WORDS words.
        while left_begin < i - 1 and left_size - sizes[left_begin] >= COHESION_WORDS:
            left_size -= sizes[left_begin]
            left_begin += 1
        if right_end < i:
            right_end, right_size = i, 0
        else:
            right_size -= sizes[i - 1]
        while right_end < count and right_size < COHESION_WORDS:
            right_size += sizes[right_end]
            right_end += 1
        similarity[i] = _cosine(left_window.span(left_begin, i), right_window.span(i, right_end))
    return similarity


def _cosine(left: Counter[str], right: Counter[str]) -> float:
    if len(left) > len(right):
        left, right = right, left
    shared = sum(count * right.get(word, 0) for word, count in left.items() if count > 0)
    if not shared:
        return 0.0
    norm = math.sqrt(sum(v * v for v in left.values())) * math.sqrt(sum(v * v for v in right.values()))
    return shared / norm


def _cohesion_depths(facts: Features) -> list[float]:
    """TextTiling depth of the similarity valley at each gap (before line i); 0 at the first line."""
    count = len(facts.lines)
    similarity = _similarities(facts)
    depths = [0.0] * count
    for i in range(1, count):
        # Climb to the nearest peak on each side; the climb is bounded so flat stretches stay linear.
        left = similarity[i]
        j = i - 1
        while j >= max(1, i - PEAK_REACH) and similarity[j] >= left:
            left = similarity[j]
            j -= 1
        right = similarity[i]
        j = i + 1
        while j < min(count, i + PEAK_REACH) and similarity[j] >= right:
            right = similarity[j]
            j += 1
        depths[i] = (left - similarity[i]) + (right - similarity[i])
    return depths


def lead_start(lines: list[Line], position: int, *, dateline: bool) -> int:
    """Move an article start back over the header lines above its lead (headline, byline, date, photo).

    A photo caption above a lead goes with the text below it: pages put the photo at the top of an
    article or a section, rarely at the end.
    """
    start = position
    passed_heading = False
    while start > 0 and lines[start - 1].kind in _TOP_KINDS and not _is_body(lines[start - 1]) and (
        position - start < 4
    ):
        # A caption above a headline closes the previous article.
        if passed_heading and lines[start - 1].kind in ("caption", "credit"):
            break
        passed_heading = passed_heading or lines[start - 1].kind == "heading"
        start -= 1
    # A dateline is preceded by its headline or standfirst: one plain sentence with no quotation.
    if dateline and start == position and start > 0:
        above = lines[start - 1].text
        sentences = len(re.findall(r"[.!?](?:\s|$)", above))
        if lines[start - 1].kind == "body" and sentences <= 1 and count_words(above) <= 45 and not re.search(
            r"[“”\"]", above
        ):
            start -= 1
    return start


def _previous_body(lines: list[Line], before: int) -> Line | None:
    for position in range(before - 1, -1, -1):
        if lines[position].kind not in ("caption", "credit", "boilerplate"):
            return lines[position]
    return None


def score_gap(facts: Features, position: int) -> tuple[int, dict[str, float]]:
    """The start line (index into lines) a new article at `position` would have, and the fired features."""
    lines = facts.lines
    line = lines[position]
    start = lead_start(lines, position, dateline=line.kind == "dateline")
    fired: dict[str, float] = {}
    if any(lines[i].kind == "dateline" for i in range(start, position + 1)):
        fired["dateline"] = 1.0
    headings = [lines[i].text for i in range(start, position) if lines[i].kind == "heading"]
    if headings:
        # News headlines are longer than section headings and do not ask questions.
        long_statement = count_words(headings[0]) >= 6 and not headings[0].endswith("?")
        fired["headline"] = 1.0 if long_statement else 0.5
        echo = _headline_echo(facts, start, position)
        if echo > 0:
            fired["headline_echo"] = echo
    lead_text = _body_text(line)
    lead = range(position, min(len(lines), position + 2))
    if _reintroduces_name(facts, start, range(position, position + 1)):
        fired["reintroduced_name"] = 1.0
    if _has_new_cast(facts, start, lead):
        fired["new_cast"] = 1.0
    elif _introduces_new_person(facts, start, range(position, min(len(lines), position + 3))):
        fired["new_person"] = 1.0
    if any(_TIME_FRAME.match(_body_text(lines[i])) for i in lead if _is_body(lines[i])):
        fired["time_frame"] = 1.0
    previous = _previous_body(lines, start)
    if previous is not None and previous.kind == "body" and _CLOSING_QUOTE.search(previous.text):
        fired["after_quote"] = 1.0
    depth = facts.cohesion[start]
    if depth > 0.3:
        fired["cohesion_drop"] = round(min(1.0, (depth - 0.3) / 0.4), 3)
    if _style_shift(facts, start):
        fired["style_shift"] = 1.0
    if _CONTINUATION.match(lead_text):
        fired["continuation"] = 1.0
    if _OPENING_QUOTE.match(lead_text):
        fired["opening_quote"] = 1.0
    if start > 0 and lines[start - 1].kind in ("caption", "credit"):
        fired["after_caption"] = 1.0
    return start, fired


def _headline_echo(facts: Features, start: int, position: int) -> float:
    """How much more the headline's words recur in the lead below than in the text above.

    A headline is restated by the lead under it and is new to the text before; a section heading
    belongs to the story the text above was already telling.
    """
    heading = next(i for i in range(start, position + 1) if facts.lines[i].kind == "heading")
    words = set(facts.words[heading])
    if len(words) < 2:
        return 0.0
    after: set[str] = set()
    for i in range(position, min(len(facts.lines), position + 3)):
        after.update(facts.words[i])
    before: set[str] = set()
    for i in range(max(0, start - 10), start):
        before.update(facts.words[i])
    gain = (len(words & after) - len(words & before)) / len(words)
    return round(min(1.0, gain / 0.5), 3) if gain >= 0.2 else 0.0


def _reintroduces_name(facts: Features, start: int, lead: range) -> bool:
    """A full name in the lead whose surname the text just before had been using on its own."""
    singles = facts.windows["singles"].span(start - NAME_WINDOW, start)
    full = facts.windows["name_ends"].span(start - NAME_WINDOW, start)
    for position in lead:
        for name in facts.names[position]:
            tokens = name.split()
            surname = tokens[-1]
            if tokens[-2].rstrip(".").lower() in _TITLES or tokens[-2].lower() in _FUNCTION_WORDS:
                continue
            if singles[surname] >= 2 and full[" ".join(tokens[-2:])] <= 0:
                return True
    return False


def _introduces_new_person(facts: Features, start: int, lead: range) -> bool:
    """A full personal name (given name + surname) in the lead, no word of which the text before has used."""
    first_seen = facts.first_seen
    for position in lead:
        for name in facts.names[position]:
            tokens = name.split()
            if len(tokens) == 2 and tokens[0].lower() not in _TITLES and all(
                first_seen.get(word, start) >= start for word in tokens
            ):
                return True
    return False


def _has_new_cast(facts: Features, start: int, lead: range) -> bool:
    """At least two names in the lead, none of whose words the text before has used."""
    names = {name for position in lead for name in facts.names[position]}
    if len(names) < 2:
        return False
    first_seen = facts.first_seen
    return all(first_seen.get(word, start) >= start for name in names for word in name.split())


def _style_shift(facts: Features, start: int) -> bool:
    """One house-style marker only before the gap, its rival only after."""
    before = facts.windows["styles_before"].span(start - STYLE_WINDOW, start)
    after = facts.windows["styles_after"].span(start, start + STYLE_WINDOW)
    for name_a, _, name_b, _ in _STYLE_PAIRS:
        if before[name_a] >= 1 and after[name_b] >= 1 and before[name_b] <= 0 and after[name_a] <= 0:
            return True
        if before[name_b] >= 1 and after[name_a] >= 1 and before[name_a] <= 0 and after[name_b] <= 0:
            return True
    return False


def weigh(fired: dict[str, float]) -> float:
    return sum(WEIGHTS[name] * value for name, value in fired.items())


def _announced_sections(lines: list[Line]) -> list[bool]:
    """Lines inside a "Here are five takeaways" list: its headings are sections, not new articles."""
    inside = [False] * len(lines)
    remaining = 0
    for position, line in enumerate(lines):
        match = _ANNOUNCED.search(line.text) if line.kind == "body" else None
        if match:
            word = match.group("count").lower()
            remaining = _NUMBER_WORDS.get(word, int(word) if word.isdigit() else 0)
            continue
        if remaining and line.kind == "heading":
            remaining -= 1
            inside[position] = True
        elif remaining:
            inside[position] = True
    return inside


@dataclass(frozen=True)
class Boundary:
    """A line where a new article starts (index into the lines), its score and the features that fired."""

    line: int
    score: float
    features: dict[str, float]


def score_gaps(lines: list[Line]) -> list[Boundary]:
    """Every candidate gap with its score (the start of the text excluded), best start per lead line."""
    if len(lines) < 2:
        return []
    facts = collect_features(lines)
    announced = _announced_sections(lines)
    candidates = []
    for position in range(1, len(lines)):
        if lines[position].kind in _HEADER_KINDS + ("caption",) and not _is_body(lines[position]):
            continue
        start, fired = score_gap(facts, position)
        if start == 0:
            continue
        if announced[start]:
            fired["announced_sections"] = 1.0
        candidates.append(Boundary(start, round(weigh(fired), 3), fired))
    return candidates


def find_boundaries(lines: list[Line], threshold: float = THRESHOLD) -> list[Boundary]:
    """The article starts after the first: best-scoring gaps first, at least MIN_ARTICLE_LINES apart."""
    chosen: list[Boundary] = []
    taken: list[int] = []  # chosen lines, sorted
    for boundary in sorted(score_gaps(lines), key=lambda found: -found.score):
        if boundary.score < threshold:
            break
        if boundary.line < MIN_ARTICLE_LINES or len(lines) - boundary.line < MIN_ARTICLE_LINES:
            continue
        at = bisect.bisect_left(taken, boundary.line)
        neighbours = taken[max(0, at - 1):at + 1]
        if any(abs(boundary.line - other) < MIN_ARTICLE_LINES for other in neighbours):
            continue
        taken.insert(at, boundary.line)
        chosen.append(boundary)
    return sorted(chosen, key=lambda found: found.line)


def explain_gap(lines: list[Line], line_index: int) -> dict[str, object]:
    """Why a new article does or does not start at the given text line (0-based line number)."""
    position = next((i for i, line in enumerate(lines) if line.index >= line_index), len(lines) - 1)
    # A gap above a headline is scored at the lead under it, as find_boundaries does.
    while position + 1 < len(lines) and lines[position].kind in _TOP_KINDS and not _is_body(lines[position]):
        position += 1
    facts = collect_features(lines)
    start, fired = score_gap(facts, position)
    return {
        "line": lines[position].index,
        "start": lines[start].index,
        "score": round(weigh(fired), 3),
        "threshold": THRESHOLD,
        "features": {name: round(WEIGHTS[name] * value, 3) for name, value in fired.items()},
    }
