"""Text (+ its spaCy Doc) -> spans of TIMEX3 candidates, found by a regex grammar and vetted by token signals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .vocab import STREET_WORDS, TIME_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.|Sept\b)(?![a-z])")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-rt-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,.]\d|%|-\d)"
_PART = r"(?i:morning|afternoon|evening|night)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen" \
        r"|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMWORD = rf"(?:{_TENS}(?:[- ]{_ONES})?|{_ONES}|a\s+couple\s+of|a\s+dozen|a\s+half|half\s+an?|half|an?)"
_DIGITS = r"(?:(?!(?:1[5-9]|20)\d\d\b)\d+(?:\.\d+)?(?:\s+1/2)?)"
_QUANTITY = (rf"(?i:{_NUMWORD}|{_DIGITS}|a\s+few|few|several|some|many|a\s+number\s+of|dozens\s+of|hundreds\s+of|(?:a\s+)?couple\s+of"
             rf"|{_DIGITS}\s+(?:to|or)\s+{_DIGITS}|{_NUMWORD}\s+(?:to|or)\s+{_NUMWORD})")
_UNIT = r"(?i:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century|centurie)"
_UNITS = rf"(?:{_UNIT}s?|(?i:trading|business|working)\s+days)"
_APPROX = (r"(?i:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|over"
           r"|under|at\s+least|at\s+most|no\s+more\s+than|up\s+to|just|only|some|another|the\s+first|the\s+last"
           r"|the\s+past|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+latest|the\s+final"
           r"|the\s+preceding|the\s+entire|the\s+whole|the\s+same|each\s+of\s+the\s+past|the)")
_EDGE = r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_EDGE_I = rf"(?i:{_EDGE})"
_RELATIVE = r"(?i:this|last|next|past|coming|previous|current|that|the\s+same|the\s+following|the\s+next" \
            r"|the\s+previous|the\s+past|the\s+last|the\s+coming|the\s+current|the\s+latest|the\s+preceding)"
_ORDINAL_CENTURY = r"(?:\d{1,2}(?:st|nd|rd|th)|(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth" \
                   r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth" \
                   r"|nineteenth|twentieth|twenty-first))"
_CLOCK = (r"(?:(?<![\d:])(?<!:\s)\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|(?i:am|pm)\b|(?i:o'clock))(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?"
          r"|\d{1,2}:\d\d(?:\s+(?:GMT|UTC)\b)?|(?i:noon|midnight))")
_DEICTIC = (r"(?i:today|tonight|yesterday|tomorrow|right\s+now|now|currently|recently|lately|nowadays"
            r"|soon|overnight|the\s+past|the\s+future|the\s+present|these\s+days"
            r"|the\s+(?:near|distant|foreseeable)\s+future|the\s+(?:near|short|long)\s+term)")

# Each pattern is named for what it finds and tried only where its trigger word occurs (a pattern that opens
# with optional words is slow when tried at every character); overlapping finds are settled by the longest span.
PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("date_truncated", "month", rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},\s+[12]\d\d(?![\d,.])"),
    ("date_month_day", "month", rf"(?:{_WEEKDAY},?\s+)?(?:{_EDGE_I}\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?!\d)"),
    ("date_day_month", "month", rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"),
    ("date_numeric", "digit", r"\b(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/(?:\d\d){1,2})\b"),
    ("month_year", "month", rf"(?:{_EDGE_I}[\s-]+)?{_MONTH},?\s+(?:of\s+)?{_YEAR}"),
    ("month", "month", rf"(?:{_EDGE_I}[\s-]*|(?:{_RELATIVE}|(?i:earlier|later)\s+(?i:this|in|last))\s+)?{_MONTH}(?!\s+\d)"),
    ("weekday", "weekday", rf"(?:(?i:last|next|this|that|early|late|earlier|later|on)\s+)?{_WEEKDAY}s?"
                rf"(?:\s+{_PART})?(?:,?\s+{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)?"),
    ("part_of_day", "part", r"(?i:(?:(?:early|late|earlier|later)\s+)?(?:this|last|that|tomorrow|yesterday|the|mid)"
                    r"\s+(?:morning|afternoon|evening|night)|mid-?afternoon|overnight|tonight)"),
    ("clock", "clock", rf"(?:{_APPROX}\s+)?{_CLOCK}(?:,?\s+(?:(?:on\s+)?{_WEEKDAY}|(?i:today|tomorrow|yesterday)"
              rf"|{_MONTH}\s+{_DAY}))?"),
    ("weekday_clock", "weekday", rf"{_WEEKDAY}(?:\s+{_PART})?,?\s+(?i:at\s+)?{_CLOCK}"),
    ("deictic", "deictic", rf"(?:(?i:early|late|until|as\s+of)\s+)?{_DEICTIC}\b"),
    ("relative_unit", "unit", rf"(?:{_EDGE_I}\s+|(?i:earlier|later|early|late)\s+)?{_RELATIVE}\s+{_UNIT}\b"),
    ("edge_year", "edge", rf"{_EDGE_I}[\s-]+(?:(?i:this|last|next|the)\s+)?(?:{_UNIT}|{_YEAR})\b"),
    ("ago", "unit", rf"(?:{_APPROX}\s+)?{_QUANTITY}[\s-]+{_UNITS}\s+(?i:ago|earlier|later|before|after|hence|from\s+now)"
            rf"(?=[\s,.;:)]|$)"),
    ("unit_ago", "unit", rf"{_UNITS}\s+(?i:ago|earlier|later)"),
    ("anaphoric", "anaphoric", rf"(?i:the\s+(?:following|next|previous|preceding|same)\s+{_UNIT}|that\s+(?:{_UNIT})"
                  rf"|the\s+{_UNIT}\s+(?:before|after)|at\s+(?:the|that)\s+time)\b"),
    ("into", "unit", rf"(?:{_APPROX}\s+)?{_QUANTITY}\s+{_UNITS}\s+into\s+(?:the\s+|\w+(?:'s|’s)\s+)?(?:[\w'’]+\s+){{0,3}}"
             rf"(?i:term|tenure|presidency|mandate|administration|war|year|season|campaign|government)\b"),
    ("quarter", "unit", rf"(?:(?i:this\s+year's|last\s+year's|next\s+year's|the)\s+)?(?:(?i:fiscal|calendar|latest|current|same)\s+)?"
                rf"(?i:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?i:quarter|half)s?"
                rf"(?:\s+(?:of\s+)?(?:{_YEAR}|(?i:this|last|next)\s+year))?"),
    ("year_ago_period", "unit", r"(?i:(?:the\s+)?year-(?:earlier|ago)(?:\s+(?:quarter|period|nine\s+months|months|year))?)"),
    ("year_quarter", "digit", rf"(?i:the\s+){_YEAR}\s+(?:(?i:first|second|third|fourth)\s+)?(?i:quarter|period|half)\b"),
    ("fiscal_year", "digit", rf"(?i:fiscal|calendar|the\s+fiscal|the\s+year)\s+(?:year\s+)?{_YEAR}"),
    ("year", "digit", rf"(?<![\w$#.,/-]){_YEAR}\b"),
    ("decade", "decade", rf"(?:(?i:the)\s+)?(?:{_EDGE_I}[\s-]+)?(?:(?:1\d|20)\d0|'\d0)s\b"
               rf"|(?i:the\s+(?:{_EDGE}[\s-]+)?(?:nineteen[\s-])?(?:twenties|thirties|forties|fifties|sixties"
               rf"|seventies|eighties|nineties))"),
    ("century", "century", rf"(?:(?i:the)\s+)?(?:{_EDGE_I}[\s-]+)?{_ORDINAL_CENTURY}(?:[\s-]+(?i:century|centuries)"
                rf"|(?=\s+and\s+(?:{_EDGE_I}\s+)?{_ORDINAL_CENTURY}\s+(?i:centuries)))"),
    ("season", "season", rf"(?:(?:{_RELATIVE}|(?i:the|early|late|mid|last|this|next))[\s-]+)?(?i:spring|summer|fall|autumn"
               rf"|winter)(?:\s+(?:of\s+)?{_YEAR})?\b"),
    ("set", "set", rf"(?i:(?:once|twice|\w+\s+times)\s+(?:a|an|per|each|every)\s+{_UNIT}|(?:each|every|per)\s+(?:other\s+)?"
            rf"(?:{_UNIT}|{_WEEKDAY}|{_MONTH}|spring|summer|fall|autumn|winter)|daily|weekly|monthly|annually|yearly|hourly|quarterly|nightly"
            rf"|biweekly|semiannually)\b"),
    ("duration", "unit", rf"(?:{_APPROX}\s+)?{_QUANTITY}[\s-]+(?:(?i:additional|more|extra|further)\s+)?{_UNITS}(?:\s+and\s+a\s+half)?(?:-old)?\b(?!-)"),
    ("the_unit", "unit", r"(?i:(?:(?:earlier|later)\s+in\s+)?the\s+(?:(?:latest|current|full|fiscal|same|entire|whole)\s+)*"
                         r"(?:year|quarter|month|week|weekend|period|fiscal\s+year)\b(?!-)"
                         r"|(?:earlier|later)\s+in\s+the\s+day\b)"),
    ("ahead", "unit", r"(?i:(?:the\s+)?(?:days|weeks|months|years|quarters)\s+ahead|future\s+(?:days|weeks|months|years"
                      r"|quarters)|a\s+later\s+date)\b"),
    ("year_words", "year_words", r"(?i:(?:the\s+year\s+)?(?:nineteen[\s-](?:(?:twenty|thirty|forty|fifty|sixty|seventy"
                                 r"|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred)"
                                 r"|(?:the\s+year\s+)two\s+thousand(?:\s+and\s+\w+)?))\b"),
    ("bare_units", "unit", r"(?<![Tt]he\s)(?<!these\s)(?<!those\s)(?i:days|weeks|months|years|decades|centuries)\b"
                           r"(?![-'’])"),
    ("year_end", "unit", r"(?i:(?:around\s+|by\s+)?year(?:[\s-]|'s\s+)end)\b"),
    ("vague_units", "unit", rf"(?:(?i:for|in\s+recent|recent|the\s+coming|coming|in\s+the\s+coming|the\s+past|the\s+last"
                    rf"|in\s+the\s+past|over\s+the|over\s+the\s+past)\s+){_UNIT}s\b|(?i:decades|centuries)\b"),
)
_UNIT_WORDS = frozenset({"second", "minute", "hour", "day", "night", "week", "weekend", "month", "quarter", "year",
                         "decade", "century", "centurie", "period"})
_WORD_TRIGGERS = {
    "part": frozenset({"morning", "afternoon", "evening", "night", "overnight", "tonight"}),
    "deictic": frozenset({"today", "tonight", "yesterday", "tomorrow", "now", "currently", "recently", "lately",
                          "nowadays", "previously", "formerly", "soon", "overnight", "past", "future", "present",
                          "days", "time", "term"}),
    "edge": frozenset({"early", "mid", "late", "end", "beginning", "start", "middle"}),
    "season": frozenset({"spring", "summer", "fall", "autumn", "winter"}),
    "set": frozenset({"each", "every", "per", "daily", "weekly", "biweekly", "monthly", "annually", "semiannually",
                      "yearly", "hourly", "quarterly", "nightly"}),
    "clock": frozenset({"noon", "midnight"}),
    "year_words": frozenset({"nineteen", "thousand"}),
}
_MONTH_WORDS = frozenset(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"])
_WEEKDAY_WORDS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
_WORD = re.compile(r"\d+(?:st|nd|rd|th|s)?|[A-Za-z]+")
_COMPILED = tuple((name, trigger, re.compile(pattern)) for name, trigger, pattern in PATTERNS)
# How far before its trigger a pattern may start ("each of the past three years", "the end of the fiscal year").
_LOOKBACK = 48

# Leading words that belong to the sentence, not the expression (TimeML spans leave prepositions out).
_LEADING_NOISE = re.compile(r"^(?i:on|in|for|until|as\s+of|over|at(?!\s+(?:least|most)))\s+(?!the\s+time|that\s+time)")
_APPROXIMATORS = frozenset({"over", "about", "nearly", "almost", "some", "than", "around", "roughly", "approximately",
                            "least", "under", "only", "just"})
_ORG_LIKE = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "PERSON", "GPE", "LOC", "NORP"})


def find_candidates(text: str) -> list[tuple[int, int, str]]:
    """All pattern matches, overlaps settled leftmost-longest: (start, end, pattern name)."""
    starts_at = _trigger_starts(text)
    found = set()
    for name, key, pattern in _COMPILED:
        for position in starts_at.get(key, ()):
            match = pattern.match(text, position)
            if match is None or match.end() <= position:
                continue
            start, end = match.span()
            noise = _LEADING_NOISE.match(match.group())
            if noise:
                start += noise.end()
            if end > start:
                found.add((start, end, name))
    ordered = sorted(found, key=lambda item: (item[0], -(item[1] - item[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, name in ordered:
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, name))
    return kept


def _trigger_keys(word: str) -> tuple[str, ...]:
    lower = word.lower()
    keys = [key for key, words in _WORD_TRIGGERS.items() if lower in words]
    if word in _MONTH_WORDS:
        keys.append("month")
    if word.rstrip("s") in _WEEKDAY_WORDS:
        keys.append("weekday")
    if word[0].isdigit():
        keys += ["digit", "clock"]
        if word.endswith("0s"):
            keys.append("decade")
    if lower.endswith("ties"):
        keys.append("decade")
    if lower.rstrip("s") in _UNIT_WORDS or lower.startswith("centur"):
        keys += ["unit", "anaphoric"]
        if lower.startswith("centur"):
            keys.append("century")
    if lower == "time":
        keys.append("anaphoric")
    return tuple(keys)


def _trigger_starts(text: str) -> dict[str, list[int]]:
    """Per trigger kind, the word starts from which a pattern may match: each trigger word and the few words
    before it (one pass over the words; a pattern is never tried at every character)."""
    words = [(word.start(), word.group()) for word in _WORD.finditer(text)]
    starts: dict[str, set[int]] = {}
    for index, (position, word) in enumerate(words):
        keys = _trigger_keys(word)
        if not keys:
            continue
        window = [position]
        back = index - 1
        while back >= 0 and words[back][0] >= position - _LOOKBACK:
            window.append(words[back][0])
            back -= 1
        if position > 0 and text[position - 1] in "'’":
            window.append(position - 1)
        for key in keys:
            starts.setdefault(key, set()).update(window)
    return {key: sorted(found) for key, found in starts.items()}


def recognize_timexes(text: str, doc: Doc | None = None) -> Iterator[tuple[int, int, str]]:
    """Candidate spans that pass the token checks (no modal "may", no counts, no names holding numbers)."""
    for start, end, name in find_candidates(text):
        start, end = _trim(text, start, end)
        if end <= start:
            continue
        if doc is not None:
            start = _drop_leading_conjunction(doc, start, end)
        if doc is not None and not _passes_token_checks(doc, start, end, name):
            continue
        yield start, end, name


def _drop_leading_conjunction(doc: Doc, start: int, end: int) -> int:
    """ "added that Tuesday's meeting": a "that" which introduces a clause is not a demonstrative."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span) > 1 and span[0].lower_ == "that" and span[0].dep_ != "det" \
            and span[0].pos_ in ("SCONJ", "PRON"):
        return span[1].idx
    return start


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,;:-":
        end -= 1
    while start < end and text[start] in " ,;:-":
        start += 1
    return start, end


def _passes_token_checks(doc: Doc, start: int, end: int, name: str) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    first = span[0]
    if name in ("date_day_month", "date_month_day", "month", "month_year", "season", "set", "weekday") \
            and _names_something(span):
        return False
    if name in ("season", "set", "weekday", "relative_unit", "deictic") and any(t.text.istitle() for t in span) \
            and not _opens_sentence(doc, first) and _inside_name(doc, span):
        return False  # "the Winter Olympics", "LA Weekly": a capitalized time word inside a name
    if name == "month" and len(span) == 1:
        # "may" the modal, "March" the verb, "Theresa May" the person: a lone month must be a noun.
        if first.tag_ == "MD" or first.pos_ in ("VERB", "AUX") or first.ent_type_ in ("PERSON", "ORG"):
            return False
        if first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].ent_type_ == "PERSON":
            return False
    if name == "season" and any(t.lower_ == "fall" for t in span) and not re.search(
            r"(?i)\b(?:this|last|next|that|early|late|mid)[\s-]+fall\b|\bfall\s+(?:of\s+)?\d{4}", span.text):
        return False  # "died in the fall", "prices fall": autumn needs a year or a deictic word to be read so
    if name == "the_unit" and span[-1].text.istitle() and not _opens_sentence(doc, first):
        return False  # "Person of the Year": a title
    if name == "year":
        return _is_year_not_count(doc, span)
    if name == "set" and len(span) == 1 and first.pos_ == "ADJ":
        return False  # "a quarterly dividend": the adjective classifies the noun, it does not recur in the story
    if name in ("duration", "set", "bare_units") and not _is_unit_of_time(doc, span):
        return False
    if name == "duration" and _is_rate(doc, span):
        return False
    if name in ("bare_units", "duration") and span[-1].text.istitle() and not _opens_sentence(doc, span[0]):
        return False  # "One Hundred Years of Solitude": capitals mid-sentence make a title
    if name == "bare_units" and first.i > 0 and doc[first.i - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET", "PRON") \
            and doc[first.i - 1].lower_ not in ("past", "recent", "coming", "early", "final", "first", "last"):
        return False  # "his rebellion days", "the heady days": a noun phrase, not a length of time
    if name == "relative_unit" and len(span) == 2 and span[1].text.istitle() and not _opens_sentence(doc, span[0]):
        return False  # "ABC's This Week": a title, not a week
    return not (name in ("date_day_month", "date_month_day", "month", "month_year", "decade")
                and _inside_name(doc, span))


def _is_unit_of_time(doc: Doc, span) -> bool:  # noqa: ANN001 - a spaCy Span
    """ "three-quarters of", "a quarter of the vote", "a second term": fractions and ordinals, not time."""
    last = span[-1]
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if last.lower_.startswith("quarter") and (
            (following is not None and following.lower_ == "of") or "-quarter" in span.text.lower()):
        return False
    return not (last.lower_ == "second" and span[0].lower_ in ("a", "an", "the") and following is not None
                and following.pos_ in ("NOUN", "PROPN", "ADJ"))


def _opens_sentence(doc: Doc, token) -> bool:  # noqa: ANN001 - a spaCy Token
    """A capital is expected at a sentence start and at a line start (a heading's parse may run on)."""
    if token.is_sent_start or token.i == 0:
        return True
    before = doc[token.i - 1]
    return before.is_space or "\n" in before.whitespace_ or before.text in ("\u201c", '"', "(")


def _is_rate(doc: Doc, span) -> bool:  # noqa: ANN001 - a spaCy Span
    """ "$500 million a year", "four flights a week": "a year" after a count is the unit of a figure (a rate)."""
    if len(span) != 2 or span[0].lower_ not in ("a", "an") or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.like_num or before.tag_ in ("NNS", "CD", "$") or before.lower_ in ("million", "billion", "cents")


def _names_something(span) -> bool:  # noqa: ANN001 - a spaCy Span
    """ "the 19th of April Movement", "the July 26 Movement": a month that modifies a proper name is part of it."""
    for token in span:
        head = token.head
        if token.dep_ in ("compound", "nmod") and head.i >= span.end and head.pos_ == "PROPN" \
                and head.text.istitle() and head.lower_ not in TIME_NOUNS:
            return True
    return False


def _inside_name(doc: Doc, span) -> bool:  # noqa: ANN001 - a spaCy Span
    """True when a named entity (organisation, work, place...) holds the span and runs past it."""
    for token in span:
        if token.ent_type_ in _ORG_LIKE:
            ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
            if ent is not None and (ent.start < span.start or ent.end > span.end):
                return True
    after = doc[span.end] if span.end < len(doc) else None
    return bool(after is not None and after.ent_type_ in _ORG_LIKE and after.ent_iob_ == "I")


def _is_year_not_count(doc: Doc, span) -> bool:  # noqa: ANN001 - a spaCy Span
    """A four-digit number is a year unless it counts something, addresses a street or is a sum of money."""
    token = span[-1]
    if token.i > 0 and doc[token.i - 1].text in ("$", "#", "No.", "No", "number", "€", "£"):
        return False
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None:
        if following.text in ("%", "percent", "+") or following.lower_ in STREET_WORDS:
            return False
        if following.tag_ in ("NNS", "NNPS") and following.lower_ not in TIME_NOUNS:
            return False
        if following.i + 1 < len(doc) and doc[following.i + 1].lower_.rstrip(".") in STREET_WORDS \
                and following.pos_ == "PROPN":
            return False
    if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    previous = doc[token.i - 1].lower_ if token.i > 0 else ""
    if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS") and token.head.lower_ not in TIME_NOUNS \
            and (previous in _APPROXIMATORS or int(token.text[:4]) < 1500):
        return False  # "over 1000 featured articles" counts them; "1989 operating results" is a year
    return not _inside_name(doc, span)
