"""Doc -> numbers standing for people ("Gunman kills 1", "killing one", "1 dead") as person nominals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..text import tokens_where
from .descriptions import number_of
from .mentions import Mention, overlaps, sentence_index_of

if TYPE_CHECKING:
    from spacy.tokens import Doc


# Verbs whose bare-number object counts people ("kills 1", "killing one"), and the adjective a headline
# counts them with ("1 dead").
HARM_VERBS = frozenset({"kill", "injure", "wound", "hurt", "shoot"})


def numeral_mentions(doc: Doc, blocked: Sequence[tuple[int, int]], named_tokens: set[int]) -> list[Mention]:
    """A number standing for people ("Gunman kills 1", "killing one", "1 dead"): a person nominal whose lemma
    is the number, so that another article's count of the same victims can meet it."""
    sentence_index = sentence_index_of(doc)
    found = []
    for index in tokens_where(doc, "POS", "NUM"):
        token = doc[index]
        value = number_of(token.text)
        if value is None or index in named_tokens or overlaps(blocked, token.idx, token.idx + len(token)):
            continue
        harmed = token.dep_ == "dobj" and token.head.lemma_.lower() in HARM_VERBS
        dead = token.dep_ == "nsubj" and token.head.lower_ == "dead"
        if not (harmed or dead) or any(c.dep_ == "prep" for c in token.children):
            continue
        found.append(
            Mention(
                start=token.idx, end=token.idx + len(token), text=token.text, kind="nominal", label="PERSON",
                head=index, first=index, last=index + 1, sentence=sentence_index[token.sent.start],
                features={
                    "number": "singular" if value == "1" else "plural", "definite": "no", "possessive": "no",
                    "lemma": value, "bare": "no", "quoted": "no",
                },
            )
        )
    return found
