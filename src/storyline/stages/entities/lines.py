"""Article text -> the lines the mention finders treat apart: headlines (articles dropped, capitals everywhere)
and web addresses (a slug of the headline), and the headline clauses spaCy takes for names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import ORG_NOUNS, PERSON_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span


def web_address_lines(text: str) -> list[tuple[int, int]]:
    """Lines that are a web address ("http://www.example.com/2013/09/woman-killed-in-queens"): its words are
    a slug of the headline, not mentions."""
    found, start = [], 0
    for line in text.split("\n"):
        if line.lstrip().lower().startswith(("http", "www")):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def is_headline_clause(ent: Span) -> bool:
    """A capitalised headline clause spaCy took for a name ("Woman Killed In Queens Hit-And-Run", "Driver
    Charged"): it opens its line with a common person or organisation noun and holds a verb. The noun stays
    a nominal mention."""
    breaks = [t.i for t in ent if "\n" in t.text]
    words = [t for t in ent.doc[breaks[-1] + 1 if breaks else ent.start : ent.end] if not t.is_space]
    if not words or words[0].pos_ not in ("NOUN", "PROPN") or words[0].lower_ not in PERSON_NOUNS | ORG_NOUNS:
        return False
    return any(t.pos_ == "VERB" for t in words[1:])


# Words a headline has at most: ECB+ headlines run 5-12; a longer line without a stop is a paragraph.
HEADLINE_WORDS = 14


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of headline lines: short, with no sentence-final stop and no web address ("Woman
    Killed In Queens Hit-And-Run, Driver Charged", "Chargers receiver arrested for DUI"). Asking for most
    words capitalised too left sentence-case headlines out: ECB+ dev CoNLL F1 0.6689 against 0.6752."""
    found, start = [], 0
    for line in text.split("\n"):
        if len(line) > 40 * HEADLINE_WORDS:  # a paragraph: no need to count its words
            start += len(line) + 1
            continue
        words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
        stripped = line.strip()
        if (
            stripped and stripped[-1] not in ".!?\"'”’:;,])" and 2 <= len(words) <= HEADLINE_WORDS
            and "/" not in stripped
        ):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found
