"""Nominal mention + Doc -> Description: head noun, number, and the modifiers that tell two referents apart.

Across articles an unnamed "the driver" can only be matched by what it is said to be. A description keeps
the head lemma and grammatical number, the counts ("26 pirates") and ages ("a 61-year-old man") that
contradict another description when both give one and they differ, and the place words ("a British
climber") and other modifiers ("former", "fired") that only make a match more likely.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...ids import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .mentions import Mention

NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
    "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "dozen": "12", "twenty": "20",
}  # fmt: skip
PLACE_LABELS = frozenset({"NORP", "GPE", "LOC", "FAC"})
SKIPPED_DEPS = frozenset({"det", "poss", "punct", "predet", "case", "cc"})
# Determiners that introduce a referent rather than point back to a known one.
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "some", "any", "no", "each", "every", "many", "several", "few"})


@dataclass(frozen=True)
class Description:
    lemma: str
    number: str  # singular | plural
    numbers: frozenset[str] = frozenset()
    ages: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    phrase: str = ""  # the folded words after the determiner ("indian navy"): a name written in lower case
    owner: str = ""  # whose relative it is ("his brother": the run-wide id of the entity "his" refers to)
    names: frozenset[str] = frozenset()  # people named in it ("the Vega administration")
    # Introduced as someone new ("a professor", "critics", "88 schools"): not a referent the reader is
    # expected to know already, so the same head noun in another article is no evidence it is the same one.
    indefinite: bool = False

    @property
    def noun(self) -> str:
        """The piece the registry indexes entries by: head lemma and number."""
        return f"noun:{self.lemma}:{self.number}"

    @property
    def pieces(self) -> set[str]:
        """Everything the registry indexes a description by: its noun and each age it gives."""
        return ({self.noun} if self.lemma else set()) | {f"age:{age}" for age in self.ages}


def number_of(text: str) -> str | None:
    word = text.lower().replace(",", "")
    if word.isdigit():
        return word
    return NUMBER_WORDS.get(word)


def describe(doc: Doc, mention: Mention) -> Description:
    """What a nominal mention says of its referent, read from the words before its head."""
    return describe_words(doc, mention.first, mention.head, mention.features.get("number", ""))


def describe_role(doc: Doc, start: int, end: int) -> Description | None:
    """What a title or appositive says of a named entity ("Comedian", "a 59-year-old grandmother")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or span.root.pos_ not in ("NOUN", "PROPN"):
        return None
    head = span.root
    if head.ent_type_ and head.ent_type_ not in PLACE_LABELS:
        return None  # a name in the appositive ("Mina Okafor"), not a description
    return describe_words(doc, span.start, head.i, "")


def describe_words(doc: Doc, first: int, head_index: int, number: str) -> Description:
    head = doc[head_index]
    numbers: set[str] = set()
    ages: set[str] = set()
    places: set[str] = set()
    modifiers: set[str] = set()
    names: set[str] = set()
    tokens = [doc[i] for i in range(first, head_index) if doc[i].dep_ not in SKIPPED_DEPS]
    words = [t.lower_ for t in tokens]
    for index, token in enumerate(tokens):
        value = number_of(token.text)
        if value is not None:
            # "61-year-old" (tokenized "61 - year - old" or "61-year-old"): an age, not a count.
            if "year" in words[index + 1 : index + 3] or token.lower_.endswith("year-old"):
                ages.add(value)
            else:
                numbers.add(value)
        elif token.ent_type_ in PLACE_LABELS or token.pos_ == "PROPN":
            places.add(token.lower_)
            if token.ent_type_ == "PERSON":
                names.add(token.lower_)
        elif token.pos_ in ("ADJ", "NOUN", "VERB") and token.lower_ not in ("year", "old", "-"):
            modifiers.add(token.lemma_.lower())
    phrase = " ".join(t.lower_ for t in doc[first : head_index + 1] if t.dep_ not in SKIPPED_DEPS)
    number = number or ("plural" if head.tag_ in ("NNS", "NNPS") else "singular")
    return Description(
        lemma=head.lemma_.lower(),
        phrase=name_key(phrase),
        number=number,
        numbers=frozenset(numbers),
        ages=frozenset(ages),
        places=frozenset(places),
        modifiers=frozenset(modifiers),
        names=frozenset(names),
        indefinite=introduces(doc, first, head_index, number),
    )


def introduces(doc: Doc, first: int, head_index: int, number: str) -> bool:
    """Whether a nominal introduces its referent: an indefinite determiner ("a professor", "some
    residents") or a plural with no determiner or possessor ("critics", "88 schools"). A bare singular
    ("police", "US President") is a title or a mass noun, not an introduction."""
    before = [t for t in doc[first:head_index] if t.dep_ in ("det", "predet", "poss")]
    if not before:
        return number == "plural" and doc[head_index].pos_ != "PROPN"
    return any(t.dep_ != "poss" and t.lower_ in INDEFINITE_DETERMINERS for t in before) and not any(
        t.dep_ == "poss" or t.lower_ in ("the", "this", "that", "these", "those") for t in before
    )


def age_after(doc: Doc, mention: Mention) -> str | None:
    """The age news style puts after a name between commas ("Mina Okafor, 59, was crossing...")."""
    after = doc[mention.last : mention.last + 3]
    if len(after) < 2 or after[0].text != "," or not after[1].text.isdigit():
        return None
    if len(after) == 3 and after[2].text not in (",", ".", ";", ")"):
        return None
    return after[1].text if 0 < int(after[1].text) < 120 else None


def describe_age(age: str) -> Description:
    """A description that only gives an age: the noun stays empty, so it matches by the age alone."""
    return Description(lemma="", number="singular", ages=frozenset({age}))


def conflict(one: Description, other: Description, same_noun: bool = True) -> str:
    """Why two descriptions cannot be one referent ('' when nothing says so): an age given by both and
    different, or with the same head noun a different count ("12 hostages", "14 hostages"). Places are no
    evidence against: "a Leeds man" and "a Yorkshire man" are one man, and no gazetteer says so (ECB+ dev
    CoNLL F1 0.588 without place conflicts, 0.585 with)."""
    if same_noun and one.owner != other.owner:
        return "relative of another"  # "his brother" and "her brother", or one whose owner is not known
    for label, mine, theirs in (
        ("number", one.numbers if same_noun else frozenset(), other.numbers),
        ("age", one.ages, other.ages),
        ("named", one.names if same_noun else frozenset(), other.names),
    ):
        if mine and theirs and not mine & theirs:
            return f"{label} {'/'.join(sorted(mine))} vs {'/'.join(sorted(theirs))}"
    return ""


def agreement(one: Description, other: Description) -> int:
    """How much two compatible descriptions share beyond the head: counts, ages and places weigh more
    than other modifiers."""
    specific = len(one.numbers & other.numbers) + len(one.ages & other.ages) + len(one.places & other.places)
    return 2 * specific + len(one.modifiers & other.modifiers)


def share_specifics(one: Description, other: Description) -> bool:
    """Whether two descriptions share what only one story says: a count, an age or a place."""
    return bool(one.numbers & other.numbers or one.places & other.places or one.ages & other.ages)


def told_apart(mine: Description, theirs: Description) -> bool:
    """Whether two descriptions of one noun each say what kind it is, and not the same ("a militia
    commander", "the veteran commander"). "a delivery driver" and "the driver" are not told apart: the second
    says nothing of its noun (ECB+ topic 21 loses two right joins when every new modifier counts)."""
    mine_said, theirs_said = mine.modifiers | mine.places, theirs.modifiers | theirs.places
    return bool(mine_said) and bool(theirs_said) and not mine_said & theirs_said
