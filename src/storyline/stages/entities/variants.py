"""Two names from different articles -> whether one is a variant of the other (acronym, middle name, a
surname misspelt by one letter), and the pieces a name is indexed by so only possible variants are compared.
"""

from __future__ import annotations

from .names import NameForm, form_of, initials, is_acronym_of


def fits_acronym(acronym: NameForm, expansion: NameForm, acronym_side: set[str]) -> bool:
    """Whether an acronym from one article stands for a name from another. Two letters are too few:
    over the 59 bench articles 7 of the 8 two-letter matches were wrong ("CC" for "Comic Corps", "Cape
    Canaveral" and "Catholic Church"). A long name already on the acronym's side must spell the same
    letters ("Recognised" and "Recognized"), so one set of letters does not collect unrelated names."""
    if len(acronym.key) < 3 or not is_acronym_of(acronym, expansion):
        return False
    long_names = [form_of(surface) for surface in acronym_side if len(form_of(surface).words) >= 2]
    return all(is_acronym_of(acronym, name) for name in long_names)


def one_edit_apart(one: str, other: str) -> bool:
    """Whether two words differ by one inserted, dropped or changed letter ("Rait", "Raite")."""
    if abs(len(one) - len(other)) > 1 or one == other:
        return False
    short, long = sorted((one, other), key=len)
    for index, (a, b) in enumerate(zip(short, long, strict=False)):
        if a != b:
            rest = short[index:] if len(short) < len(long) else short[index + 1 :]
            return rest == long[index + 1 :]
    return True


def spelling_variant(short: tuple[str, ...], long: tuple[str, ...]) -> str:
    """Two full names of one person as different articles spell them: a middle name one of them adds
    ("Luann Johnson", "LuAnn Marie Johnson"), or a surname misspelt by one letter ("Duncan Rait",
    "Duncan Raite"). Both keep the given name, so namesakes sharing only a surname stay apart."""
    if len(short) < 2 or short[0] != long[0]:
        return ""
    if len(long) > len(short) == 2 and short[-1] == long[-1]:
        return f"'{' '.join(long)}' adds a middle name to '{' '.join(short)}'"
    same_rest = len(long) == len(short) and short[:-1] == long[:-1]
    if same_rest and min(len(short[-1]), len(long[-1])) >= 4 and one_edit_apart(short[-1], long[-1]):
        return f"'{' '.join(short)}' and '{' '.join(long)}' differ by one letter of the surname"
    return ""


def pieces_of(key: str) -> set[str]:
    """Every string two keys must share for `Registry.variant_reason` to join them: the key itself, its
    words, the hyphen parts of its words (a surname variant such as "sanchez garzoli" shares no whole word
    with "sanchez-garzoli"), and the initials of a longer name (an acronym shares no word with its
    expansion). A superset is safe: it only decides which entries are compared at all."""
    words = form_of(key).words
    pieces = {key, *key.split(), *words}
    pieces.update(part for word in words for part in word.split("-") if part)
    if len(words) >= 2:
        pieces.update((initials(words, True), initials(words, False)))
    return pieces
