"""Content-derived ids: the same content always gets the same id, so re-ingesting adds nothing."""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache


def content_hash(*parts: str, size: int = 16) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:size]


def article_id(text: str) -> str:
    """The id of an article: a hash of its text, whitespace-normalized, so the same text gets the same id."""
    return "a" + content_hash(" ".join(text.split()))


@lru_cache(maxsize=65536)  # the entity registry compares the same names many times over a run
def name_key(name: str) -> str:
    """A name folded for comparison: no diacritics, no case, single spaces ("Nicolás" == "Nicolas")."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("\u2019", "'").split())


def entity_id(type_: str, name: str) -> str:
    return "e" + content_hash(type_, name_key(name), size=12)
