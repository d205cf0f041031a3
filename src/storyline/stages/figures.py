"""Doc -> list[Figure]: numeric claims from spaCy's numeric spans, with value, unit, measure and qualifier.

A first version: spaCy's PERCENT, MONEY, QUANTITY and CARDINAL spans in body text; the number is parsed
from digits or number words, the unit from the span's own words, the measure from the noun the number
counts (or the "of" phrase after a percentage), the qualifier from the words just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..models import Analysis, Article, Figure, Timex
from .text import in_blocks

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..pipeline import RunContext

NUMERIC_LABELS = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}

UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "percentage points": "percentage point",
    "$": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD", "€": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "pounds sterling": "GBP", "pesos": "COP",
    "kilogrammes": "kg", "kilograms": "kg", "kilogram": "kg", "kg": "kg",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "metric tons": "t",
    "pounds": "lb", "pound": "lb", "lbs": "lb",
    "hectares": "ha", "hectare": "ha", "acres": "acre", "acre": "acre",
    "kilometres": "km", "kilometers": "km", "km": "km", "miles": "mi", "mile": "mi",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "feet": "ft", "foot": "ft",
}
QUALIFIERS = [
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("less than", "less than"), ("fewer than", "less than"), ("under", "less than"),
    ("at least", "at least"), ("nearly", "nearly"), ("almost", "nearly"),
    ("up to", "up to"), ("about", "about"), ("around", "about"), ("roughly", "about"),
    ("approximately", "about"), ("some", "about"), ("an estimated", "about"),
]
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def parse_number(text: str) -> float | None:
    """'276,000' -> 276000; '2.5 billion' -> 2.5e9; 'six' -> 6; 'tens of thousands' -> None."""
    lowered = text.lower().replace("\u2009", "")
    found = NUMBER.search(lowered)
    if found:
        value = float(found.group().replace(",", ""))
        rest = lowered[found.end():].split()
    else:
        words = re.findall(r"[a-z]+", lowered)
        if not words or words[0] not in NUMBER_WORDS:
            return None
        value = float(NUMBER_WORDS[words[0]])
        rest = words[1:]
    for word in rest[:2]:
        if word in SCALES:
            value *= SCALES[word]
    return value


def find_unit(text: str, label: str) -> str | None:
    lowered = text.lower()
    for surface, unit in sorted(UNITS.items(), key=lambda item: -len(item[0])):
        if surface in "$€£%":
            if surface in lowered:
                return unit
        elif re.search(rf"\b{re.escape(surface)}\b", lowered):
            return unit
    return "percent" if label == "PERCENT" else None


def find_qualifier(doc: Doc, span: Span) -> str | None:
    before = doc[max(0, span.start - 3): span.start].text.lower()
    inside = span.text.lower()
    for surface, qualifier in QUALIFIERS:
        if inside.startswith(surface + " ") or before.endswith(surface):
            return qualifier
    return None


def _noun_phrase(token: Token, outside: Span) -> str:
    words = [
        t for t in token.children
        if t.dep_ in {"compound", "amod"} and t.i < token.i and not outside.start <= t.i < outside.end
        and t.lower_ not in {"more", "less", "fewer"}
    ]
    return " ".join(t.text for t in sorted([*words, token], key=lambda t: t.i))


def _of_object(token: Token) -> Token | None:
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def find_unit_noun(span: Span) -> Token | None:
    """The unit written just after a number spaCy left out of the span: '276,000 [kilogrammes] of cocaine'."""
    head = span.root.head
    if span.root.dep_ == "nummod" and head.i == span.end and head.lower_ in UNITS:
        return head
    return None


def find_measure(span: Span) -> str | None:
    """The thing measured: the noun the number counts, the 'of' object after a unit or a percentage,
    or, for a bare percentage or amount, the subject of the verb it belongs to ("production surged by 65%")."""
    root = span.root
    counted = find_unit_noun(span) or root
    if (of_object := _of_object(counted)) is not None:
        return _noun_phrase(of_object, span)
    head = root.head
    counts_head = root.dep_ in {"nummod", "quantmod", "amod", "compound"} and head.pos_ in {"NOUN", "PROPN"}
    if counted is root and counts_head and not span.start <= head.i < span.end:
        return _noun_phrase(head, span)
    verb = next((t for t in root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is not None:
        subject = next((t for t in verb.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return _noun_phrase(subject, span)
    return None


def find_figures(doc: Doc, article: Article, timexes: Sequence[Timex] = ()) -> list[Figure]:
    """Numeric claims in body and caption text; numbers inside a date or a duration are the timexes' words."""
    figures = []
    for span in doc.ents:
        if span.label_ not in NUMERIC_LABELS:
            continue
        if not in_blocks(article.blocks, span.start_char, span.end_char, {"body", "caption"}):
            continue
        if any(t.start < span.end_char and span.start_char < t.end for t in timexes):
            continue
        value = parse_number(span.text)
        if value is None:
            continue
        unit_noun = find_unit_noun(span)
        unit = find_unit(span.text, span.label_) or (UNITS[unit_noun.lower_] if unit_noun is not None else None)
        if unit is None and not any(ch.isdigit() for ch in span.text) and value < 10:
            continue  # "one of his critics", "the two leaders": counting words, not claims
        if span.label_ == "CARDINAL" and span.root.head.ent_type_ in {"ORG", "GPE", "FAC", "PERSON"}:
            continue  # a number inside a name ("Bolivar 83") is not a claim
        figures.append(
            Figure(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                value=value,
                unit=unit,
                measure=find_measure(span),
                qualifier=find_qualifier(doc, span),
            )
        )
    return figures


class FigureStage:
    name = "figures"
    version = "figures.v1"
    field = "figures"

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> tuple[Figure, ...]:
        return tuple(find_figures(doc, article, found.timexes))


STAGE = FigureStage()
