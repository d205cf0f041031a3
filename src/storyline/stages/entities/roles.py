"""Name clusters + Doc -> roles with provenance: titles, appositives, kinship, nationality; gender hints."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .clusters import Cluster, Role
from .lexicon import FEMALE_WORDS, KINSHIP_NOUNS, MALE_WORDS, ORG_NOUNS, PERSON_NOUNS
from .mentions import Mention, sentence_index_of, text_of
from .name_spans import is_opening_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def span_text(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """Character span of tokens [start, end), trimmed of surrounding punctuation."""
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end:
        return 0, 0, ""
    first, last = doc[start], doc[end - 1]
    return first.idx, last.idx + len(last), text_of(doc)[first.idx : last.idx + len(last)]


def premodifiers(doc: Doc, mention: Mention) -> tuple[int, int]:
    """Token bounds of the words before a name that belong to its noun phrase ("Chilean President")."""
    start = mention.first
    while start > 0:
        token = doc[start - 1]
        # Grow leftwards while each word attaches to a word already in the phrase ("United States President").
        if not start <= token.head.i < mention.last:
            break
        if token.dep_ not in ("compound", "amod", "nmod") or token.text in (",", "(", "“", '"'):
            break
        # Titles are nouns ("writer", "President") and proper adjectives ("Chilean"); a lowercase
        # adjective or a participle the parser attached ("accepted Vega") is not part of the name.
        if not (token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.text[:1].isupper())):
            break
        if token.tag_ in ("VBD", "VBN", "VBG", "VB", "VBZ", "VBP") or is_opening_verb(token):
            break
        start -= 1
    return start, mention.first


def appositive_of(doc: Doc, mention: Mention, name_tokens: frozenset[int] = frozenset()) -> tuple[Token, int, int] | None:
    """The appositive noun phrase attached to a name: "X, a Chile expert at Y" or "his father, X".
    A word of another name mention is a name, not a description ("the Northern Defence Front (FDN)":
    the bracketed acronym is the front's other name), so `name_tokens` are never taken."""
    head = doc[mention.head]
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and not (mention.first <= child.i < mention.last):
            if child.pos_ == "PROPN" and child.ent_type_ or child.i in name_tokens:
                continue
            if crosses_line(doc, mention, child.left_edge.i, child.right_edge.i + 1):
                continue
            return child, child.left_edge.i, child.right_edge.i + 1
    governor = head.head
    if head.dep_ == "appos" and governor.pos_ == "NOUN" and governor.i < mention.first and governor.i not in name_tokens:
        left = governor.left_edge.i
        if crosses_line(doc, mention, left, governor.i + 1):
            return None
        return governor, left, governor.i + 1 if mention.first > governor.i + 1 else mention.first
    return None


def crosses_line(doc: Doc, mention: Mention, first: int, last: int) -> bool:
    """Whether a name and the phrase in apposition to it lie on two lines: the parser joins a headline
    ("... killed by a drunk driver") to the name opening the next line ("Jo Smith, 59, ..."), but a
    line break ends a phrase."""
    start = doc[min(first, mention.first)].idx
    end = doc[max(last, mention.last) - 1].idx
    return "\n" in text_of(doc)[start:end]


def widen(doc: Doc, mention: Mention, start: int) -> None:
    """A name mention covers its title too ("Chilean President Carlos Vega"): the whole noun phrase
    refers, and its syntactic head may be the title word."""
    if start < mention.start:
        mention.start = start
        mention.text = text_of(doc)[start : mention.end]


def collect_roles(doc: Doc, clusters: Sequence[Cluster], blocked: Sequence[tuple[int, int]]) -> list[Mention]:
    """Attach roles to person and organisation clusters; return appositive nominals as new mentions."""
    sentence_index = sentence_index_of(doc)
    nominals: list[Mention] = []
    name_tokens = frozenset(
        i for cluster in clusters for m in cluster.mentions if m.kind == "name" for i in range(m.first, m.last)
    )
    for cluster in clusters:
        for mention in list(cluster.mentions):
            if mention.kind != "name":
                continue
            if mention.title is not None:
                start, end = mention.title
                cluster.roles.append(Role(start, end, text_of(doc)[start:end], "title"))
            first, last = premodifiers(doc, mention)
            if first < last:
                start, end, text = span_text(doc, first, last)
                if text and (mention.title is None or start != mention.title[0]):
                    cluster.roles.append(Role(start, end, text, "title"))
                for token in doc[first:last]:
                    if token.ent_type_ in ("NORP", "GPE"):
                        cluster.roles.append(Role(token.idx, token.idx + len(token), token.text, "nationality"))
                if text:
                    widen(doc, mention, start)
            if mention.title is not None:
                widen(doc, mention, mention.title[0])
            found = appositive_of(doc, mention, name_tokens)
            if found is None:
                continue
            noun, first, last = found
            start, end, text = span_text(doc, first, last)
            if not text or any(s < end and start < e for s, e in blocked):
                continue
            lemma = noun.lemma_.lower()
            kind = "kinship" if lemma in KINSHIP_NOUNS else "appositive"
            cluster.roles.append(Role(start, end, text, kind))
            if describes(cluster.type, noun, mention, text):
                # The mention ends at its head noun ("director"), the role keeps the whole phrase.
                start, end, text = span_text(doc, first, noun.i + 1)
                if not text:
                    continue
                nominals.append(
                    Mention(
                        start=start,
                        end=end,
                        text=text,
                        kind="nominal",
                        label=cluster.type,
                        head=noun.i,
                        first=first,
                        last=noun.i + 1,
                        sentence=sentence_index[noun.sent.start],
                        features={"number": "singular", "appositive": "yes", "lemma": lemma},
                    )
                )
                cluster.mentions.append(nominals[-1])
        infer_gender(cluster)
    return nominals


def describes(type_: str, noun: Token, mention: Mention, span: str) -> bool:
    """Whether an appositive headed by `noun` is a mention of the entity `mention` names. The listed role
    nouns of its type always are; for people and organisations any other common noun too when it is a
    full noun phrase right after the name and set off by commas ("X, a practising homeopath,", "Y, a
    Christian denomination,"), since apposition itself says the two phrases name one thing. Nouns of the
    other type ("X, the agency that ...": a misattached appositive), bracketed or colon-led notes
    ("(source: Y)", "(golf)") and phrases across a line break are not."""
    lemma = noun.lemma_.lower()
    if type_ == "PERSON" and lemma in PERSON_NOUNS | KINSHIP_NOUNS or type_ == "ORG" and lemma in ORG_NOUNS:
        return True
    if type_ not in ("PERSON", "ORG") or lemma in PERSON_NOUNS | ORG_NOUNS | KINSHIP_NOUNS:
        return False
    if noun.pos_ != "NOUN" or noun.ent_type_ or not noun.is_alpha or noun.text[:1].isupper() or "\n" in span:
        return False
    doc = noun.doc
    left, right = noun.left_edge.i, noun.right_edge.i
    after_name = left == mention.last + 1 and doc[mention.last].text == ","
    closed = right + 1 >= len(doc) or doc[right + 1].text in (",", ".", ";")
    return after_name and closed and any(c.dep_ in ("det", "poss") for c in noun.children)


def infer_gender(cluster: Cluster) -> None:
    """Gender from titles and role nouns ("Mrs", "his father", "spokeswoman"); unknown stays None."""
    words = {w.lower().rstrip(".") for role in cluster.roles for w in role.text.replace(",", " ").split()}
    words |= {w for role in cluster.roles for w in [role.text.lower()]}
    male, female = bool(words & MALE_WORDS), bool(words & FEMALE_WORDS)
    if male != female:
        cluster.gender = "male" if male else "female"
