"""Name mentions -> the same with sports clubs whole: a place or untagged proper noun before a plural nickname
("San Diego Chargers", "the Philadelphia 76ers", which spaCy cuts into a place and a number) is one organisation,
and later bare uses of the nickname ("the 76ers", "the Sixers fired ...") are mentions of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicon import ORG_NOUNS, PERSON_NOUNS, is_portfolio
from .mentions import Mention, is_heading_like, overlaps, sentence_index_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def team_nickname(doc: Doc, mention: Mention) -> int | None:
    """The token after a place name that makes it a club: a capitalised or numeric plural noun the place
    name modifies ("Philadelphia 76ers", "San Diego Chargers"), which spaCy tags as a place and a number."""
    if mention.label != "GPE" or mention.last >= len(doc):
        return None
    token = doc[mention.last]
    if token.ent_type_ in ("PERSON", "ORG") or not (token.text[:1].isupper() or token.text[:1].isdigit()):
        return None
    plural = token.tag_ in ("NNS", "NNPS") or (token.text.endswith("s") and token.text[:1].isdigit())
    if not plural or token.pos_ not in ("NOUN", "PROPN") or doc[mention.head].head.i != token.i:
        return None
    return token.i


def is_nickname(token: Token) -> bool:
    """A capitalised or digit-initial plural noun: a club's nickname ("Chargers", "76ers")."""
    if not (token.text[:1].isupper() or token.text[:1].isdigit()) or token.pos_ not in ("NOUN", "PROPN"):
        return False
    return token.tag_ in ("NNS", "NNPS") or (token.text.endswith("s") and token.text[:1].isdigit())


def untagged_team(doc: Doc, token: Token, taken: set[int]) -> int | None:
    """First token of a club name spaCy tagged no place in: a capitalised proper noun it left untagged
    (or took for a place) compounded onto a plural nickname ("the Philadelphia 76ers", where spaCy tags
    only "76ers", as a number). Returns None when `token` ends no such name."""
    if token.i == 0 or token.i in taken or token.ent_type_ in ("PERSON", "ORG", "NORP") or not is_nickname(token):
        return None
    if bare_club(token):
        return token.i
    first = token.i
    while first > 0:
        word = doc[first - 1]
        if word.i in taken or word.pos_ != "PROPN" or word.dep_ != "compound" or not first <= word.head.i <= token.i:
            break
        if not word.text[:1].isupper() or word.ent_type_ not in ("", "GPE", "LOC"):
            break
        first -= 1
    # "Public Relations", "Foreign Affairs": a portfolio's plural noun ("... Officer Karin Holm") is an office,
    # not a club's nickname.
    if is_portfolio([t.lower_ for t in doc[first : token.i + 1]]):
        return None
    return first if first < token.i else None


def bare_club(token: Token) -> bool:
    """A nickname alone as an actor: "the Sixers fired their coach": a capitalised plural word spaCy left
    untagged, after "the", subject of a verb, not the sentence's first word nor a known role noun."""
    if token.ent_type_ or not token.text[:1].isupper() or token.i == token.sent.start or token.dep_ != "nsubj":
        return False
    if token.lemma_.lower() in PERSON_NOUNS | ORG_NOUNS or token.head.pos_ != "VERB":
        return False
    return any(c.lower_ == "the" and c.i == token.i - 1 for c in token.children)


def add_team_names(doc: Doc, blocked: Sequence[tuple[int, int]], mentions: list[Mention]) -> list[Mention]:
    """Place + plural nickname -> one organisation name; later bare uses of the nickname ("the 76ers") too."""
    sentence_index = sentence_index_of(doc)
    nicknames: dict[str, str] = {}
    result: list[Mention] = []
    for mention in mentions:
        end = team_nickname(doc, mention)
        if end is None:
            result.append(mention)
            continue
        team = organisation_name(doc, mention.first, end + 1, sentence_index)
        nicknames.setdefault(doc[end].lower_, team.name)
        result.append(team)
    taken = {i for m in result for i in range(m.first, m.last)}
    for token in doc:
        first = untagged_team(doc, token, taken)
        if first is None or overlaps(blocked, doc[first].idx, token.idx + len(token)) or is_heading_like(token.sent):
            continue
        team = organisation_name(doc, first, token.i + 1, sentence_index)
        nicknames.setdefault(token.lower_, team.name)
        result.append(team)
        taken.update(range(first, token.i + 1))
    if not nicknames:
        return result
    for token in doc:
        # Only as written in the name: "standards" is not the "Food Standards" agency.
        if token.lower_ in nicknames and is_nickname(token) and token.i not in taken and not overlaps(blocked, token.idx, token.idx + len(token)):
            # The bare nickname carries the full name, so name clustering puts it with the club.
            result.append(organisation_name(doc, token.i, token.i + 1, sentence_index, nicknames[token.lower_]))
    result.sort(key=lambda m: m.start)
    return result


def organisation_name(doc: Doc, first: int, last: int, sentence_index: dict[int, int], name: str = "") -> Mention:
    tokens = doc[first:last]
    return Mention(
        start=tokens.start_char, end=tokens.end_char, text=tokens.text, kind="name", label="ORG",
        head=last - 1, first=first, last=last, sentence=sentence_index[tokens.sent.start], name=name or tokens.text,
    )
