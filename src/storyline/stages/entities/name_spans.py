"""An entity span as spaCy tagged it -> the words of the bare name: titles, role nouns written as titles, an
imperative opening the sentence, possessives and punctuation trimmed, a dropped number taken back; and the name's
head token."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import KINSHIP_NOUNS, NAME_TITLES, PERSON_NOUNS, TITLES_AND_ROLES, verb_forms

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def trim_name(ent: Span) -> tuple[int, int, tuple[int, int] | None]:
    """Token bounds of the bare name inside an entity span, and the title span it carried, if any."""
    first, last = ent.start, ent.end
    doc = ent.doc
    while first < last and doc[first].lower_ in ("the", "a", "an"):
        first += 1
    # A sentence-opening gerund the tagger ran into the name ("Having Moreno host the show") is not part of
    # it; other verb tags are left alone, as given names are tagged so ("Mark Reyes": Mark/VBP).
    if first < last - 1 and doc[first].tag_ == "VBG" and doc[first].is_sent_start:
        first += 1
    if first < last - 2 and ent.label_ == "PERSON" and is_opening_verb(doc[first]):
        first += 1
    while last > first and (doc[last - 1].tag_ == "POS" or doc[last - 1].text in ("'s", "’s", "'", "’")):
        last -= 1
    while last > first and doc[last - 1].is_punct:
        last -= 1
    title: tuple[int, int] | None = None
    title_first = first
    while first < last - 1 and (
        doc[first].lower_.rstrip(".") in NAME_TITLES
        or doc[first].lower_.startswith("then-")
        or is_role_before_name(ent, first, last)
    ):
        first += 1
    if first > title_first:
        title = (doc[title_first].idx, doc[first - 1].idx + len(doc[first - 1]))
    elif ent.label_ == "PERSON" or len(ent) == 1:
        # spaCy sometimes tags only the surname: "Ana [Marquez]". A capitalised proper noun compounded onto
        # the name, and not a title or role noun, is part of it; the growth stops at a role noun, so a
        # capitalised job title ("Public Relations Officer Karin Holm") stays a title (roles.premodifiers).
        while (
            first > 0
            and doc[first - 1].pos_ == "PROPN"
            and doc[first - 1].dep_ in ("compound", "flat")
            and first <= doc[first - 1].head.i < last
            and doc[first - 1].text[:1].isupper()
            and doc[first - 1].lower_.rstrip(".") not in TITLES_AND_ROLES
            and not doc[first - 1].ent_type_
            and not (last - first >= 2 and is_opening_verb(doc[first - 1]))
        ):
            first -= 1
    # spaCy sometimes leaves out the number of a numbered name ("stayed at [Jardin] 12"): a number hung on
    # the name's last word, right after it, is part of the name.
    if last < len(doc) and doc[last].text.isdigit() and doc[last].dep_ == "nummod" and doc[last].head.i == last - 1:
        last += 1
    return first, last, title


def is_role_before_name(ent: Span, first: int, last: int) -> bool:
    """A role noun capitalised as a title opening a person's name of two words or more ("Novelist Ana Ruiz",
    "Spokeswoman Karin Holm"): the person's role, not a given name. A name of one word after it is left
    whole, as a role noun can be a given name ("Rebel Wilson"), and so is a kinship word ("Son", "Sister") and
    a word before an initial ("Hunter S. Thompson": a given name and its middle initial)."""
    word, following = ent.doc[first].lower_, ent.doc[first + 1].text
    if ent.label_ != "PERSON" or first >= last - 2 or word not in PERSON_NOUNS or word in KINSHIP_NOUNS:
        return False
    return not (following.rstrip(".").isalpha() and len(following.rstrip(".")) == 1 and following[:1].isupper())


def is_opening_verb(token: Token) -> bool:
    """A sentence's first word that the lemmatizer knows as a verb ("Enter", "Cue", "Meet"): its capital comes
    from its place, so before a name of two words or more ("Cue Lena Park.") it is an imperative the tagger
    ran into the name, not a third name. A given name that is also a verb ("Mark") is lost only when it
    opens a sentence with two more names after it and no verb of its own ("Bill Reyes Cano said ..." keeps
    its given name: the name is the subject there, not the object of an imperative)."""
    if not (token.is_sent_start and token.text[:1].isupper()) or token.lower_ not in verb_forms():
        return False
    # A title or role noun that is a verb too ("Judge", "Coach") stays a title, and so does a verb opening
    # one ("Prime Minister"); "Vega's" is no verb before a name.
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_ in TITLES_AND_ROLES or following is None or following.pos_ != "PROPN":
        return False
    if following.lower_.rstrip(".") in TITLES_AND_ROLES:
        return False
    return not any(other.pos_ in ("VERB", "AUX") for other in token.sent if other.i != token.i)


def head_of(doc: Doc, first: int, last: int) -> int:
    """The token of [first, last) whose head lies outside the span (the last such, for flat names)."""
    heads = [i for i in range(first, last) if not (first <= doc[i].head.i < last) or doc[i].head.i == i]
    return heads[-1] if heads else last - 1
