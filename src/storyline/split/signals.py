"""Classified lines -> the per-line facts boundary features read: names, topic words, house style, cohesion.

Everything here is computed once per text in one pass (windows slide forward), so splitting stays
linear in the length of the text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .blocks import Line

COHESION_WORDS = 150  # words in each TextTiling window (Hearst uses blocks of a few sentences)
PEAK_REACH = 20  # lines a depth score climbs to find the peak on each side


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_CAP_WORD = r"[A-Z][\w'’.-]*[a-z][\w'’-]*"
_CAP_RUN = re.compile(rf"(?<![\w'’-]){_CAP_WORD}(?:\s+(?:(?:de|da|del|van|von|der|bin|al|la|le)\s+)?{_CAP_WORD})*")
FUNCTION_WORDS = _word_set(
    "the a an in on at by as if of to when after before for from with while since until during but and or "
    "so yet not no he she they it we i you his her their its our this that these those there here what "
    "who why how where according like unlike despite"
)
TITLES = _word_set(
    "president prime minister mr mrs ms dr senator sen rep representative governor gov general gen king "
    "queen pope judge chancellor secretary mayor colonel col captain capt professor prof sir lord lady "
    "saint st chairman chief director ambassador commander sheikh prince princess emperor archbishop"
)
_WORDS = re.compile(r"[a-z][a-z'’-]{2,}")

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
STYLE_PAIRS = (
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
    windows: dict[str, Window] = field(default_factory=dict)


def is_body(line: Line) -> bool:
    return line.kind in ("body", "dateline") and any(block.kind == "body" for block in line.blocks)


def body_text(line: Line) -> str:
    if line.kind == "dateline" and len(line.blocks) > 1:
        offset = line.blocks[1].start - line.start
        return line.text[offset:]
    return line.text


_IZE_ENDINGS = ("ized", "izing", "ization", "izes")
_ISE_ENDINGS = ("ised", "ising", "isation", "ises")
_GUARDS = {  # a substring that must be in the line before its pattern is worth running
    "dotted_us": "U.S.", "plain_us": "US", "percent": "percent", "percent_sign": "%",
    "straight_quotes": '"', "curly_quotes": "", "month_abbrev": ".", "month_full": "",
}
_MARKS = [
    (name, pattern, _GUARDS[name])
    for pair in STYLE_PAIRS for name, pattern in (pair[:2], pair[2:]) if name not in ("ize", "ise")
]


def _line_styles(text: str, tokens: list[str]) -> Counter[str]:
    """House-style marks of a line; -ize/-ise spellings are read off its lowercase words (faster)."""
    styles: Counter[str] = Counter()
    for name, pattern, guard in _MARKS:
        if guard in text:
            count = len(pattern.findall(text))
            if count:
                styles[name] += count
    for token in tokens:
        if len(token) < 7:
            continue
        if token.endswith(_IZE_ENDINGS):
            styles["ize"] += 1
        elif token.endswith(_ISE_ENDINGS) and not _ISE_WORDS.match(token):
            styles["ise"] += 1
    return styles


def _capitalized_runs(text: str) -> tuple[list[str], Counter[str]]:
    """Runs of capitalized words: names of two words or more, and single capitalized words."""
    names: list[str] = []
    singles: Counter[str] = Counter()
    for match in _CAP_RUN.finditer(text):
        tokens = match.group().split()
        while tokens and tokens[0].lower() in FUNCTION_WORDS:
            tokens.pop(0)
        if len(tokens) >= 2:
            names.append(" ".join(tokens))
        elif tokens:
            singles[tokens[0]] += 1
    return names, singles


def collect_features(lines: list[Line]) -> Features:
    facts = Features(lines)
    for line in lines:
        text = body_text(line) if is_body(line) else ""
        names, singles = _capitalized_runs(text)
        facts.names.append(names)
        facts.singles.append(singles)
        for word in [word for name in names for word in name.split()] + list(singles):
            facts.first_seen.setdefault(word, len(facts.names) - 1)
        tokens = _WORDS.findall(line.text.lower())
        if line.kind == "heading" or text:
            words = Counter(word for word in _WORDS.findall(text.lower()) if word not in _STOPWORDS)
            if line.kind == "heading":
                words = Counter(word for word in tokens if word not in _STOPWORDS)
        else:
            words = Counter()
        facts.words.append(words)
        facts.styles.append(_line_styles(line.text, tokens) if line.kind not in ("caption", "credit") else Counter())
    facts.cohesion = _cohesion_depths(facts)
    name_ends = [Counter(" ".join(name.split()[-2:]) for name in names) for names in facts.names]
    facts.windows = {
        "singles": Window(facts.singles),
        "name_ends": Window(name_ends),
        "styles_before": Window(facts.styles),
        "styles_after": Window(facts.styles),
    }
    return facts


class Window:
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
            row = self.rows[self.begin]
            self.total.subtract(row)
            # Drop emptied counts, or the window grows with the vocabulary of the whole text.
            for key in row:
                if self.total[key] <= 0:
                    del self.total[key]
            self.begin += 1
        return self.total


def _similarities(facts: Features) -> list[float]:
    """Cosine of the ~COHESION_WORDS words before and after each gap, with two windows sliding forward."""
    rows = facts.words
    sizes = [sum(row.values()) for row in rows]
    count = len(rows)
    left_window, right_window = Window(rows), Window(rows)
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
