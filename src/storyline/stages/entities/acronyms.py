"""Doc + name mentions -> the same mentions with each bracketed acronym paired to its expansion, the expansion
whole ("Council for Peace in Central Asia (CPCA)", which spaCy cuts into an ORG and a place) and the
acronym a name mention of its own even where spaCy left it untagged ("Northern Defence Front (FDN)")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import ACRONYM_SKIP, ORG_HEAD_NOUNS, ORG_NAME_WORDS
from .mentions import Mention, sentence_index_of, text_of
from .name_spans import head_of
from .names import form_of, initials

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# An expansion longer than this is not read off the words before a bracket ("Center for the Study of
# Security and Drugs" is 8 tokens; longer runs of capitals are lists or headlines).
MAX_EXPANSION = 12
# Labels of a bracketed token that say it is not an organisation's acronym: "Oxfam (UK)" is a place
# qualifier, "(AP)" a credit handled elsewhere.
NOT_ACRONYM_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE", "CARDINAL", "MONEY", "PERCENT"})


@dataclass(frozen=True)
class AcronymPair:
    """Token bounds of an acronym and of its expansion, and why the two are one name."""

    acronym: tuple[int, int]
    expansion: tuple[int, int]
    reason: str


def acronym_letters(token: Token) -> str | None:
    """ "CPCA" -> "cpca", "U.N." -> "un"; None for anything not written as an acronym."""
    letters = token.text.replace(".", "")
    if 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper():
        return letters.lower()
    return None


def letters_fit(acronym: str, words: tuple[str, ...]) -> str | None:
    """Why an acronym's letters fit a name's words, or None. Reordered letters fit a name translated from a
    language that puts adjectives after the noun ("Social Technical Action (ATS)"), from three letters up."""
    if len(words) < 2:
        return None
    if acronym in (initials(words, True), initials(words, False)):
        return "its letters are the initials of the name"
    if len(acronym) >= 3 and sorted(acronym) == sorted(initials(words, True)):
        return "its letters are the initials of the name, reordered (a translated name)"
    return None


def is_organisation(mention: Mention) -> bool:
    words = form_of(mention.name).words
    return mention.label == "ORG" or (len(words) > 1 and any(word in ORG_NAME_WORDS for word in words))


def expansion_before(doc: Doc, bracket: int, acronym: str, ending_here: Mention | None) -> tuple[int, str] | None:
    """The first token of the name right before "(", and why: the longest run of capitalised words (and the
    function words between them) whose initials spell the acronym; else an organisation's name of any
    letters (an acronym from another language: "Northern Defence Front (FDN)")."""
    sentence_start = doc[bracket].sent.start
    starts = []
    index = bracket - 1
    while index >= sentence_start and bracket - index <= MAX_EXPANSION:
        token = doc[index]
        if token.lower_ in ACRONYM_SKIP:
            index -= 1
            continue
        if not (token.text[:1].isupper() and token.is_alpha):
            break
        starts.append(index)
        index -= 1
    for start in reversed(starts):
        reason = letters_fit(acronym, form_of(text_of(doc)[doc[start].idx : doc[bracket - 1].idx + len(doc[bracket - 1])]).words)
        if reason:
            return start, reason
    if ending_here is not None and len(acronym) >= 3 and is_organisation(ending_here):
        return ending_here.first, "it is given in brackets right after the name"
    return None


def expansion_inside(doc: Doc, bracket: int, acronym: str, covering: Mention | None) -> tuple[int, int, str] | None:
    """ "FDN (Northern Defence Front)": the bracketed name after an acronym, when its letters fit or it is
    an organisation's name."""
    close = next((t.i for t in doc[bracket + 1 : bracket + MAX_EXPANSION + 2] if t.text == ")"), None)
    if close is None or close - bracket < 3:
        return None
    first = bracket + 1
    while first < close and doc[first].lower_ in ACRONYM_SKIP:
        first += 1
    tokens = doc[first:close]
    if not tokens or not all(t.lower_ in ACRONYM_SKIP or (t.text[:1].isupper() and t.is_alpha) for t in tokens):
        return None
    reason = letters_fit(acronym, form_of(tokens.text).words)
    if reason:
        return first, close, reason
    if covering is not None and (covering.first, covering.last) == (first, close) and len(acronym) >= 3 and is_organisation(covering):
        return first, close, "the name follows it in brackets"
    return None


def opening_brackets(doc: Doc) -> list[Token]:
    """The "(" tokens, found in the text rather than by walking every token (the stage looks twice)."""
    found = doc.user_data.get("storyline_brackets")
    if found is None:
        text = text_of(doc)
        spans = (doc.char_span(match.start(), match.start() + 1) for match in re.finditer(r"\(", text))
        found = doc.user_data["storyline_brackets"] = [span[0] for span in spans if span is not None]
    return found


def find_acronym_pairs(doc: Doc, mentions: Sequence[Mention]) -> list[AcronymPair]:
    """Every "Expansion (ACRONYM)" and "ACRONYM (Expansion)" in the document."""
    ending = {m.last: m for m in mentions}
    spans = {(m.first, m.last): m for m in mentions}
    pairs = []
    for token in opening_brackets(doc):
        if token.i + 2 >= len(doc):
            continue
        inner = doc[token.i + 1]
        acronym = acronym_letters(inner)
        if acronym and doc[token.i + 2].text == ")" and inner.ent_type_ not in NOT_ACRONYM_LABELS and token.i > 0:
            found = expansion_before(doc, token.i, acronym, ending.get(token.i))
            if found is not None:
                pairs.append(AcronymPair((inner.i, inner.i + 1), (found[0], token.i), found[1]))
            continue
        before = acronym_letters(doc[token.i - 1]) if token.i > 0 else None
        if before and doc[token.i - 1].ent_type_ not in NOT_ACRONYM_LABELS:
            close = next((t.i for t in doc[token.i + 1 : token.i + MAX_EXPANSION + 2] if t.text == ")"), None)
            covering = next((m for (first, last), m in spans.items() if first >= token.i and last == close), None)
            inside = expansion_inside(doc, token.i, before, covering)
            if inside is not None:
                pairs.append(AcronymPair((token.i - 1, token.i), (inside[0], inside[1]), inside[2]))
    return pairs


def joined_label(parts: Sequence[Mention], words: tuple[str, ...], head: str = "") -> str | None:
    """The label of an expansion made of several mentions: an organisation when any part is one, the
    words hold an organisation word or the expansion's head noun names a body ("Forum for Dialogue in
    Southeast Asia": the place only says where it works), else the label the parts share; None for a
    person's name."""
    labels = {m.label for m in parts}
    if "ORG" in labels or any(word in ORG_NAME_WORDS for word in words) or head in ORG_HEAD_NOUNS:
        return "ORG"
    if labels == {"PERSON"}:
        return None  # a person's initials are not read here
    return parts[-1].label if parts else "ORG"


def join_acronym_names(doc: Doc, mentions: Sequence[Mention]) -> list[Mention]:
    """The name mentions with every acronym pair applied: parts of a cut expansion replaced by one mention
    of the whole, an untagged acronym added as a mention. Each acronym mention's features name its
    expansion ("expansion") and the reason; the same mentions in, the same answer out."""
    pairs = find_acronym_pairs(doc, mentions)
    if not pairs:
        return list(mentions)
    sentence_index = sentence_index_of(doc)
    result = list(mentions)
    for pair in pairs:
        first, last = pair.expansion
        inside = [m for m in result if first <= m.first and m.last <= last]
        if any(m.first < last and first < m.last and m not in inside for m in result):
            continue  # a mention runs across the expansion's edge: leave spaCy's reading alone
        exact = next((m for m in inside if (m.first, m.last) == (first, last)), None)
        if exact is None:
            head = doc[head_of(doc, first, last)].lower_
            label = joined_label(inside, form_of(doc[first:last].text).words, head)
            if label is None:
                continue
            exact = new_mention(doc, first, last, label, sentence_index)
            result = [m for m in result if m not in inside] + [exact]
        elif exact.label == "PERSON":
            continue
        start, end = pair.acronym
        acronym = next((m for m in result if (m.first, m.last) == (start, end)), None)
        if acronym is None:
            if any(m.first < end and start < m.last for m in result):
                continue
            acronym = new_mention(doc, start, end, exact.label, sentence_index)
            result.append(acronym)
        acronym.features["expansion"] = form_of(exact.name).key
        acronym.features["expansion_reason"] = pair.reason
    result.sort(key=lambda m: (m.start, m.end))
    return result


def new_mention(doc: Doc, first: int, last: int, label: str, sentence_index: dict[int, int]) -> Mention:
    tokens = doc[first:last]
    return Mention(
        start=tokens.start_char, end=tokens.end_char, text=tokens.text, kind="name", label=label,
        head=head_of(doc, first, last), first=first, last=last, sentence=sentence_index[tokens.sent.start],
        name=tokens.text,
    )
