"""Names spaCy tags PRODUCT -> the label their sentence shows: a person's, a group's, or PRODUCT as tagged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import ORG_NOUNS, PERSON_NOUNS, QUOTE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def group_names(doc: Doc) -> set[str]:
    """The texts of names tagged PRODUCT that one of their mentions shows to be a group (reads_as_group)."""
    return {ent.text for ent in doc.ents if ent.label_ == "PRODUCT" and reads_as_group(ent.root)}


def label_of(ent: Span) -> str:
    """spaCy's label, except for a name it takes for a product ("Her guide was Orla Pine, director of ...")
    that its own sentence shows to be a person: a role noun in apposition, a "who" clause, or saying."""
    if ent.label_ != "PRODUCT":
        return ent.label_
    root = ent.root
    described = any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in root.children)
    who = any(c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in root.children)
    speaking = root.dep_ == "nsubj" and root.head.lemma_.lower() in QUOTE_VERBS
    return "PERSON" if described or who or speaking else ent.label_


def reads_as_group(root: Token) -> bool:
    """A name its sentence shows to be a group of people, as spaCy's small model tags an armed or political
    group with a number in its name a product ("K-7"): described by an organisation noun ("X, a banned
    militia"; "the X group"), its members ("X members", "members of X"), or joined ("joined
    X", "belonged to X"). One such mention types every mention of the name in the text."""
    if any(c.dep_ == "appos" and c.lemma_.lower() in ORG_NOUNS for c in root.children):
        return True
    governor = root.head
    lemma = governor.lemma_.lower()
    if root.dep_ == "compound" and governor.pos_ == "NOUN" and (lemma in ORG_NOUNS or lemma == "member"):
        return True
    if root.dep_ == "dobj" and lemma == "join":
        return True
    if root.dep_ == "pobj" and governor.lower_ in ("to", "of"):
        above = governor.head.lemma_.lower()
        return (governor.lower_ == "to" and above == "belong") or (governor.lower_ == "of" and above == "member")
    return False
