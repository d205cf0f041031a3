"""Doc -> candidate mentions: names (spaCy NER, trimmed), pronouns and definite role nominals."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text import text_of, tokens_where
from .lexicon import (
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
)
from .lines import headline_lines, is_headline_clause, web_address_lines
from .name_spans import head_of, trim_name
from .product_names import group_names, label_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "WORK_OF_ART"})
# Credits and boilerplate name photographers and agencies, not actors; a heading is a label, not a sentence
# about someone, so nothing in it is reported.
SKIPPED_BLOCKS = frozenset({"credit", "boilerplate", "heading"})
QUOTE_OPEN = "\"“‘«"
# Characters a quotation holding a label has at most ("a 'sick man'", "the 'Mets Poet'").
SCARE_QUOTE_MAX = 40
QUOTE_CLOSE = "\"”’»"


@dataclass
class Mention:
    """One span that may refer to an entity; `kind` is name, pronoun or nominal."""

    start: int
    end: int
    text: str
    kind: str
    label: str  # spaCy's label for names; PERSON/ORG/ANY for pronouns and nominals
    head: int  # token index of the syntactic head
    first: int  # token index of the first token
    last: int  # token index one past the last token
    sentence: int
    name: str = ""  # the name without titles, articles or possessive ('s)
    title: tuple[int, int] | None = None  # character span of a title the name carried ("President")
    features: dict[str, str] = field(default_factory=dict)


def sentence_index_of(doc: Doc) -> dict[int, int]:
    """First token of each sentence -> the sentence's number, built once per Doc like its text: the entity
    sieves each ask for it, and every pass over doc.sents builds a Span per sentence."""
    index = doc.user_data.get("storyline_sentence_index")
    if index is None:
        index = doc.user_data["storyline_sentence_index"] = {sent.start: n for n, sent in enumerate(doc.sents)}
    return index


def overlaps(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def blocked_spans(blocks: Iterable, text_length: int) -> list[tuple[int, int]]:
    return [(block.start, block.end) for block in blocks if block.kind in SKIPPED_BLOCKS]


def is_credit(ent: Span) -> bool:
    """Photo and agency credits: "Fernando Vergara/AP Photo", "[Jose Luis Magana/AP]", "(Reuters)"."""
    doc = ent.doc
    if "/" in ent.text:
        return True
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end].text if ent.end < len(doc) else ""
    if before == "/" or after == "/" or after.startswith("/"):
        return True
    line_start = text_of(doc).rfind("\n", 0, ent.start_char) + 1
    line_end = text_of(doc).find("\n", ent.end_char)
    line_end = len(text_of(doc)) if line_end < 0 else line_end
    opening = text_of(doc).rfind("[", line_start, ent.start_char)
    # A bracketed tail at the end of a line is a caption credit.
    return opening >= 0 and "]" not in text_of(doc)[opening : ent.start_char] and text_of(doc)[ent.end_char : line_end].rstrip().endswith("]")


def is_heading_like(sentence: Span) -> bool:
    """A line with no verb and no final punctuation reads as a heading even where blocks do not say so."""
    text = sentence.text.strip()
    if not text or text[-1] in ".!?\"”’:;)]":
        return False
    line_start = text_of(sentence.doc).rfind("\n", 0, sentence.start_char) + 1
    line_end = text_of(sentence.doc).find("\n", sentence.end_char)
    line_end = len(text_of(sentence.doc)) if line_end < 0 else line_end
    line = text_of(sentence.doc)[line_start:line_end].strip()
    return line == text and len(sentence) <= 12 and not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" for t in sentence)


@lru_cache(maxsize=8)
def quoted_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges inside quotation marks (curly or straight), paired left to right. Cached: the
    entity sieves ask for one article's ranges five times (a str caches its own hash, so a hit is cheap)."""
    return tuple(find_quoted_ranges(text))


def find_quoted_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    opened: int | None = None
    for index, char in enumerate(text):
        if opened is None and (char in "“«" or (char == '"' and (index == 0 or not text[index - 1].isalnum()))):
            opened = index
        elif opened is not None and (char in "”»" or char == '"'):
            ranges.append((opened + 1, index))
            opened = None
        elif char == "\n" and opened is not None and text[opened] == '"':
            # A quotation running over paragraphs opens each one and closes only the last; the part
            # up to the line break is quoted all the same.
            ranges.append((opened + 1, index))
            opened = None
    return ranges


def name_mentions(doc: Doc, blocked: Sequence[tuple[int, int]]) -> list[Mention]:
    mentions: list[Mention] = []
    sentence_index = sentence_index_of(doc)
    groups = group_names(doc)
    for ent in doc.ents:
        label = "ORG" if ent.label_ == "PRODUCT" and ent.text in groups else label_of(ent)
        if label not in NER_LABELS or overlaps(blocked, ent.start_char, ent.end_char):
            continue
        if is_credit(ent) or is_heading_like(ent.sent) or is_headline_clause(ent) or is_nationality_noun(ent.root):
            continue
        for first, last, title in name_parts(ent):
            add_name_mention(doc, ent, first, last, title, sentence_index, mentions, label)
    return mentions


def name_parts(ent: Span) -> list[tuple[int, int, tuple[int, int] | None]]:
    """A span "World Health Organisation (WHO" is two names: the expansion and the bracketed acronym."""
    doc = ent.doc
    # A name never runs across a line break ("...html\nNora Vance"): keep the part after the last one.
    breaks = [t.i for t in ent if "\n" in t.text]
    if breaks:
        if breaks[-1] + 1 >= ent.end:
            return []
        ent = doc[breaks[-1] + 1 : ent.end]
    bracket = next((t.i for t in ent if t.text == "("), None)
    if bracket is None:
        return [trim_name(ent)]
    parts = [trim_name(doc[ent.start : bracket])] if bracket > ent.start else []
    inner_end = next((t.i for t in doc[bracket:ent.end] if t.text == ")"), ent.end)
    if inner_end > bracket + 1:
        parts.append((bracket + 1, inner_end, None))
    return parts


def add_name_mention(
    doc: Doc,
    ent: Span,
    first: int,
    last: int,
    title: tuple[int, int] | None,
    sentence_index: dict[int, int],
    mentions: list[Mention],
    label: str = "",
) -> None:
    if first >= last:
        return
    tokens = doc[first:last]
    # A name has a capitalised word that is not a sentence-initial verb ("Combating ...").
    if not any(t.text[:1].isupper() and (t.pos_ in ("PROPN", "NOUN", "ADJ", "X") or t.is_upper) for t in tokens):
        return
    if all(t.pos_ in ("VERB", "ADV", "ADP", "AUX") for t in tokens):
        return
    mentions.append(
        Mention(
            start=tokens.start_char,
            end=tokens.end_char,
            text=tokens.text,
            kind="name",
            label=label or ent.label_,
            head=head_of(doc, first, last),
            first=first,
            last=last,
            sentence=sentence_index[ent.sent.start],
            name=tokens.text,
            title=title,
        )
    )


def pronoun_mentions(doc: Doc, blocked: Sequence[tuple[int, int]]) -> list[Mention]:
    mentions: list[Mention] = []
    sentence_index = sentence_index_of(doc)
    for token in doc:
        features = PRONOUNS.get(token.lower_)
        if features is None or token.pos_ not in ("PRON", "DET") or overlaps(blocked, token.idx, token.idx + len(token)):
            continue
        mentions.append(
            Mention(
                start=token.idx,
                end=token.idx + len(token),
                text=token.text,
                kind="pronoun",
                label="ANY",
                head=token.i,
                first=token.i,
                last=token.i + 1,
                sentence=sentence_index[token.sent.start],
                # "her" is an object or a possessive: the tagger says which ("leaving her car" is not "saw her"),
                # and binding rules out a same-clause antecedent only for the object.
                features=dict(features) | ({"case": "poss"} if token.tag_ == "PRP$" else {}),
            )
        )
    return mentions


def is_nationality_noun(token: Token) -> bool:
    """A nationality word heading its own noun phrase names a person ("one Australian and one English
    climber", "the New Zealand-born Australian was planning"), not the nation: singular, with a determiner
    or a number, and not modifying another noun."""
    return (
        token.ent_type_ == "NORP"
        and token.tag_ in ("NN", "NNP")
        and token.dep_ not in ("amod", "compound", "nmod", "poss")
        and any(c.dep_ in ("det", "nummod") for c in token.children)
    )


def nominal_kind(head: Token, headline: bool = False) -> str | None:
    lemma = head.lemma_.lower()
    if is_nationality_noun(head):
        return "PERSON"
    # "the President", "the Church": a capitalised role word outside any name is still a role noun; in a
    # headline, even one the tagger put in a name ("Driver Charged").
    if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and (headline or not head.ent_type_)):
        return None
    if lemma in PERSON_NOUNS:
        return "PERSON"
    if lemma in ORG_NOUNS:
        return "ORG"
    return None


def nominal_mentions(doc: Doc, blocked: Sequence[tuple[int, int]], names: Sequence[Mention]) -> list[Mention]:
    """Noun phrases headed by a person or organisation noun ("the former rebel", "his company", "critics"),
    bare singulars only where a headline drops its articles, and numbers standing for people (numerals.py)."""
    named_tokens = {i for m in names for i in range(m.first, m.last)}
    addresses = web_address_lines(text_of(doc))
    sentence_index = sentence_index_of(doc)
    quotes = quoted_ranges(text_of(doc))
    mentions: list[Mention] = []
    headlines = headline_lines(text_of(doc))
    for chunk_start, head in noun_phrases(doc, headlines):
        in_headline = any(s <= head.idx < e for s, e in headlines)
        kind = nominal_kind(head, in_headline)
        if kind is None or head.i in named_tokens or overlaps(blocked, doc[chunk_start].idx, head.idx + len(head)):
            continue
        if any(s <= head.idx < e for s, e in addresses):
            continue
        # A noun chunk never runs across a line break ("...2013\nA 36-year-old climber"): the line before is
        # a dateline or a headline, not words of the phrase.
        start = max((t.i + 1 for t in doc[chunk_start : head.i] if "\n" in t.text), default=chunk_start)
        determiners = [t for t in doc[start : head.i] if t.dep_ in ("det", "poss")]
        number = "plural" if head.tag_ in ("NNS", "NNPS") else "singular"
        modified = any(t.ent_type_ in ("NORP", "GPE", "LOC") or t.pos_ in ("PROPN", "NUM") or t.like_num for t in doc[start : head.i])
        # A headline drops its articles ("Gunman kills 1", "..., Driver Charged"): there, and at the start of
        # any line, a bare singular may be a reference.
        opens_line = start == 0 or "\n" in doc[start - 1].text_with_ws
        if not determiners and number == "singular" and not modified and not opens_line and not in_headline:
            continue  # a bare singular is a role ("as president"), not a reference
        first = start
        while first < head.i and doc[first].dep_ in ("predet",):
            first += 1
        # Keep a following "of"/"at" phrase out: "the director of X" is linked to its head, not to X.
        mentions.append(
            Mention(
                start=doc[first].idx,
                end=head.idx + len(head),
                text=text_of(doc)[doc[first].idx : head.idx + len(head)],
                kind="nominal",
                label=kind,
                head=head.i,
                first=first,
                last=head.i + 1,
                sentence=sentence_index[head.sent.start],
                features={
                    "number": number,
                    "definite": "yes" if any(t.lower_ in ("the", "this", "that", "these", "those") for t in determiners) else "no",
                    "possessive": "yes" if any(t.dep_ == "poss" for t in determiners) else "no",
                    "lemma": head.lemma_.lower(),
                    # a bare plural with no modifier ("pirates"), the kind a later article repeats
                    "bare": "yes" if not determiners and number == "plural" and first == head.i else "no",
                    # Words in a short quotation are someone's label ("a 'sick man'"); a long one is a
                    # statement or a quoted report, whose nouns refer like any others.
                    "quoted": "yes" if any(s <= head.idx < e and e - s <= SCARE_QUOTE_MAX for s, e in quotes) else "no",
                },
            )
        )
    from .numerals import numeral_mentions  # numerals.py builds on this module's Mention

    return mentions + numeral_mentions(doc, blocked, named_tokens)


def noun_phrases(doc: Doc, headlines: Sequence[tuple[int, int]] = ()) -> list[tuple[int, Token]]:
    """(first token, head) of spaCy's noun chunks and of the possessors inside them, which spaCy folds into
    the possessed noun's chunk ("the team's second arrest", "his company's party", "the academy's standard");
    in a headline, whose capitals and dropped articles defeat the parser, any noun outside a chunk too."""
    phrases = [(chunk.start, chunk.root) for chunk in doc.noun_chunks]
    roots = {head.i for _, head in phrases}
    chunked = {i for start, head in phrases for i in range(start, head.i + 1)}
    for index in tokens_where(doc, "DEP", "poss"):
        token = doc[index]
        if token.pos_ == "NOUN" and index not in roots and index in chunked:
            phrases.append((token.left_edge.i, token))
    for line_start, line_end in headlines:
        span = doc.char_span(line_start, line_end, alignment_mode="expand")
        if span is not None:
            phrases += [(t.i, t) for t in span if t.pos_ in ("NOUN", "PROPN") and t.i not in chunked]
    return phrases
