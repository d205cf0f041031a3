"""storyline: turn raw news into a sourced story dossier.

>>> import storyline
>>> analyses = storyline.analyze_text(text, published="2026-02-03")
>>> analyses[0].quotes[0].speaker.name
"""

from .api import analyze_paths, analyze_text, build
from .models import Analysis, Article, Entity, Event, Figure, Quote, Timex

__version__ = "0.1.0"
__all__ = [
    "Analysis",
    "Article",
    "Entity",
    "Event",
    "Figure",
    "Quote",
    "Timex",
    "analyze_paths",
    "analyze_text",
    "build",
    "__version__",
]
