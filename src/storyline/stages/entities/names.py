"""Name forms and the rules that say when two names can be one entity, with the reason either way."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ...ids import name_key
from .lexicon import ACRONYM_SKIP


@dataclass(frozen=True)
class NameForm:
    """A folded name split into words: "Gimena Sánchez-Garzoli" -> ("gimena", "sanchez-garzoli")."""

    key: str
    words: tuple[str, ...]

    @property
    def is_acronym(self) -> bool:
        return len(self.words) == 1 and self.words[0].isalpha() and 2 <= len(self.words[0]) <= 8 and self.raw_upper

    raw_upper: bool = False


@lru_cache(maxsize=65536)  # the registry compares each new name with every known variant, over and over
def form_of(name: str) -> NameForm:
    stripped = name.strip()
    for suffix in ("'s", "’s", "'", "’"):
        if stripped.endswith(suffix) and len(stripped) > len(suffix) + 1:
            stripped = stripped[: -len(suffix)]
            break
    if stripped.lower().startswith("the "):
        stripped = stripped[4:]
    bare = stripped.replace(".", "") if stripped.replace(".", "").isupper() else stripped
    key = name_key(bare)
    words = tuple(joined_initials(word) for word in key.replace(",", " ").split() if word)
    return NameForm(key=" ".join(words), words=words, raw_upper=bare.isupper() and bare.replace(" ", "").isalpha())


def joined_initials(word: str) -> str:
    """ "a.j." -> "aj": initials written with full stops are the same name as without ("A.J. Butler",
    "AJ Butler"); a single initial ("j.") keeps its stop, which is_initial reads."""
    letters = word.rstrip(".").split(".")
    if len(letters) >= 2 and all(len(letter) == 1 and letter.isalpha() for letter in letters):
        return "".join(letters)
    return word


def initials(words: tuple[str, ...], skip_function_words: bool) -> str:
    parts = [w for w in words if not (skip_function_words and w in ACRONYM_SKIP)]
    letters = []
    for word in parts:
        letters.extend(piece[0] for piece in word.split("-") if piece)
    return "".join(letters)


def is_acronym_of(short: NameForm, long: NameForm) -> bool:
    """ "CPCA" of "Council for Peace in Central Asia", "US" of "United States", "FDN" of "Frente de Defensa del Norte"."""
    if not short.is_acronym or len(long.words) < 2:
        return False
    acronym = short.words[0]
    return acronym in (initials(long.words, True), initials(long.words, False))


def is_initial(word: str) -> bool:
    """ "j." or "j": one letter standing for a given or middle name."""
    letters = word.strip(".,[]()")
    return len(letters) == 1 and letters.isalpha()


def without_middle_initials(words: tuple[str, ...]) -> tuple[str, ...]:
    """ "john f. kennedy" -> ("john", "kennedy"): a middle initial is dropped as often as it is written."""
    if len(words) < 3:
        return words
    return (words[0], *(w for w in words[1:-1] if not is_initial(w)), words[-1])


def abbreviates(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """ "j. smith" abbreviates "john smith": the same surname, a given name written as its initial."""
    return (
        len(short) == len(long) >= 2
        and is_initial(short[0])
        and not is_initial(long[0])
        and long[0].startswith(short[0].strip(".,[]()"))
        and short[1:] == long[1:]
    )


def acronym_verdict(acronym: NameForm, expansion: NameForm, rivals: Iterable[NameForm] = ()) -> Verdict | None:
    """Whether an acronym stands for a name met without brackets (elsewhere in the run): its letters must be
    the name's initials. Two letters say little ("CC": "Catholic Church", "Cape Canaveral"), so a
    two-letter acronym is refused when another of the `rivals` spells it too."""
    if not is_acronym_of(acronym, expansion):
        return None
    letters = acronym.words[0].upper()
    others = sorted({r.key for r in rivals if r.key != expansion.key and is_acronym_of(acronym, r)})
    if others and len(letters) < 3:
        return Verdict(False, f"'{letters}' fits '{expansion.key}' and '{others[0]}' alike")
    return Verdict(True, f"'{letters}' is the acronym of '{expansion.key}'")


def surname_variants(form: NameForm) -> set[tuple[str, ...]]:
    """Word sequences that can stand alone for a person: the last word, the last two (compound Hispanic
    surnames, "Garcia Marquez"), the parts of a hyphenated surname read as one ("sanchez garzoli")."""
    words = form.words
    variants: set[tuple[str, ...]] = set()
    if len(words) < 2:
        return variants
    variants.add(words[-1:])
    if len(words) >= 3 and not is_initial(words[1]):
        variants.add(words[-2:])
        variants.add(words[1:2])  # paternal surname of "Carlos Vega Rojas" is "Vega"
    if "-" in words[-1]:
        variants.add(tuple(words[-1].split("-")))
    return variants


@dataclass(frozen=True)
class Verdict:
    """Whether a short name may join a longer one, and why (kept for `entities --explain`)."""

    same: bool
    reason: str


def compare_person_names(short: NameForm, long: NameForm) -> Verdict | None:
    """How a person name relates to a longer (or equal) one; None when they share no word at all."""
    if short.key == long.key:
        return Verdict(True, "same name")
    if abbreviates(short.words, long.words) or abbreviates(long.words, short.words):
        initialled, full = (short, long) if is_initial(short.words[0]) else (long, short)
        return Verdict(True, f"'{initialled.key}' writes the given name of '{full.key}' as its initial")
    bare_short, bare_long = without_middle_initials(short.words), without_middle_initials(long.words)
    # Only one side may have lost its initials: "George W. Bush" is not "George H. W. Bush".
    if (bare_short == short.words) != (bare_long == long.words):
        if bare_short == bare_long:
            return Verdict(True, f"'{short.key}' and '{long.key}' differ only by a middle initial")
        verdict = compare_person_names(NameForm(" ".join(bare_short), bare_short), NameForm(" ".join(bare_long), bare_long))
        if verdict is None or verdict.same:
            return verdict
    if not set(short.words) & set(long.words) and short.words not in surname_variants(long):
        return None
    if short.words in surname_variants(long):
        return Verdict(True, f"'{short.key}' is the surname of '{long.key}'")
    if len(short.words) >= 2 and len(long.words) > len(short.words) and long.words[: len(short.words)] == short.words:
        return Verdict(True, f"'{long.key}' extends '{short.key}' with a second surname")
    if len(short.words) == 1 and long.words[0] == short.words[0]:
        return Verdict(False, f"'{short.key}' shares only a given name with '{long.key}'")
    if len(short.words) >= 2 and short.words[0] != long.words[0]:
        return Verdict(False, f"'{short.key}' and '{long.key}' have different given names")
    return Verdict(False, f"'{short.key}' and '{long.key}' share a word but neither is a form of the other")


def compare_org_names(short: NameForm, long: NameForm) -> Verdict | None:
    if short.key == long.key:
        return Verdict(True, "same name")
    if is_acronym_of(short, long):
        return Verdict(True, f"'{short.words[0].upper()}' is the acronym of '{long.key}'")
    return None
