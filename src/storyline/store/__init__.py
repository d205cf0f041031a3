"""The dossier store: Analyses in, Analyses, summaries, quotes and search hits out; the only code that speaks SQL."""

from __future__ import annotations

from pathlib import Path

from .entities import Correction, EntityKnowledge, EntityOverview
from .records import ArticleSummary, EntitySummary, QuoteHit, SearchHit, SpeakerCount, StoreError
from .sqlite import Store
from .timeline import TimelinePoint

__all__ = [
    "ArticleSummary", "Correction", "EntityKnowledge", "EntityOverview", "EntitySummary", "QuoteHit",
    "SearchHit", "SpeakerCount", "Store", "StoreError", "TimelinePoint", "open_store",
]


def open_store(location: str | Path, *, create: bool = True) -> Store:
    """Open the store at `location` (an SQLite file path); with create=False a missing file is an error.

    This is the backend boundary: a PostgreSQL URL will pick another Store class here, with the same methods.
    """
    text = str(location)
    if text.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{text}: PostgreSQL stores are not supported yet; give an SQLite file path")
    return Store(location, create=create)
