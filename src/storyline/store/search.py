"""User search text -> a safe FTS5 query, and FTS results -> exact word offsets and snippet pieces."""

from __future__ import annotations

import re
import unicodedata

from ..models import Span

# Private-use characters as FTS5 snippet() markers: they cannot clash with article text the way '<b>'
# or '[' could, and they are stripped before anything is shown.
MATCH_OPEN = "\ue000"
MATCH_CLOSE = "\ue001"

# FTS5's unicode61 tokenizer splits on anything that is not a letter or digit; `\w` minus '_' is close.
WORD = re.compile(r"[^\W_]+")


def fold_word(word: str) -> str:
    """Fold a word the way unicode61 does by default: no diacritics, no case."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def search_terms(text: str) -> list[str]:
    """The words of a user's search, folded, in order, without repeats."""
    terms: list[str] = []
    for word in WORD.findall(text):
        folded = fold_word(word)
        if folded not in terms:
            terms.append(folded)
    return terms


def build_fts_query(terms: list[str]) -> str:
    # Each term becomes a quoted string so that FTS5 operators typed by a user (AND, NEAR, *, ^, quotes)
    # are read as words, never as syntax; juxtaposed strings mean AND.
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def find_matches(text: str, offset: int, terms: list[str]) -> tuple[Span, ...]:
    """Offsets (shifted by `offset`) of the words of `text` that fold to one of `terms`."""
    wanted = set(terms)
    return tuple(
        (offset + match.start(), offset + match.end())
        for match in WORD.finditer(text)
        if fold_word(match.group()) in wanted
    )


def split_snippet(marked: str) -> tuple[tuple[str, bool], ...]:
    """An FTS5 snippet() string with MATCH_OPEN/MATCH_CLOSE markers -> (text, is_match) pieces."""
    pieces: list[tuple[str, bool]] = []
    for part in re.split(f"({MATCH_OPEN}.*?{MATCH_CLOSE})", marked, flags=re.DOTALL):
        if not part:
            continue
        if part.startswith(MATCH_OPEN) and part.endswith(MATCH_CLOSE):
            pieces.append((part[1:-1], True))
        else:
            pieces.append((part, False))
    return tuple(pieces)
