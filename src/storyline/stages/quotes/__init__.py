"""Article + Doc -> Quotes: who said what, each quote with its kind, cue and speaker entity."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...models import Analysis, Article, Quote
from .extract import extract_quotes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ...pipeline import RunContext

STAGE_VERSION = "quotes.v3"


class QuoteStage:
    name = "quotes"
    version = STAGE_VERSION
    field = "quotes"

    def __call__(self, article: Article, doc: Doc, found: Analysis, run: RunContext) -> tuple[Quote, ...]:
        return extract_quotes(doc, article.blocks, found.entities)


STAGE = QuoteStage()


def create_quotes_component(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent:
    """The stage as a spaCy component: sets `doc._.quotes` (entities from doc.ents are not canonical
    there, so speakers keep their mention and a name only when one is written out)."""

    def __init__(self) -> None:
        from spacy.tokens import Doc

        if not Doc.has_extension("quotes"):
            Doc.set_extension("quotes", default=())

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = extract_quotes(doc)
        return doc


def register_component() -> None:
    """Register the "storyline_quotes" factory (idempotent): `nlp.add_pipe("storyline_quotes")`."""
    from spacy.language import Language

    if not Language.has_factory("storyline_quotes"):
        Language.factory("storyline_quotes", func=create_quotes_component)


register_component()

__all__ = ["STAGE", "STAGE_VERSION", "QuotesComponent", "extract_quotes", "register_component"]
