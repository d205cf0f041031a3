"""Doc + quoted spans -> the cue that introduces each quote, and reported speech found through its cue.

A cue is a verb of saying, writing or stance ("said", "told", "tweeted", "argued", "has rejected") or
the phrase "according to". Cues inside quotation marks belong to the quoted speaker's own words and
are never used for attribution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True)
class Reported:
    """An attribution found through its cue: content span, the cue, and the speaker token if any."""

    start: int
    end: int
    cue: tuple[int, int]
    speaker: Token | None


def subtree_span(token: Token) -> tuple[int, int]:
    """A token's phrase as characters, without trailing punctuation other than a closing mark."""
    left, right = token.left_edge, token.right_edge
    while right.i > left.i and right.is_punct and right.text not in ("\u201d", '"', ")", "]"):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def opens_with_that(clause: Token) -> bool:
    """Whether "that" marks the clause as a complement ("said that ...", "the claim that ...")."""
    return any(child.dep_ == "mark" and child.lower_ == "that" for child in clause.children)


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_LEMMAS = word_set(
    """say tell add argue recall note ask warn insist joke write post tweet read claim state explain announce
    declare report suggest acknowledge admit deny reject accuse call describe confirm predict promise vow pledge
    urge demand complain criticize criticise praise indicate reveal point maintain contend observe respond reply
    remark concede agree disagree question wonder estimate echo cite blast attack condemn charge allege assert
    boast brag comment counter emphasize emphasise stress exclaim shout scream yell whisper chant testify tout
    repeat reiterate mention proclaim quip laugh retort remember recount dub label brand term decry denounce
    lament hail dismiss caution threaten advise recommend propose signal hint imply conclude continue press
    scrawl inscribe sign text email message blame mock slam rail lash tease muse speak interject
    characterize characterise summarize summarise pen defend endorse back support promote detail discuss raise
    present identify rule decide view oppose applaud ridicule complain encourage mention cite"""
)
# Verbs of thought and perception: attributions too (PolNeAR annotates them), but only with a clause.
COGNITIVE_LEMMAS = word_set(
    """believe think feel fear hope expect know worry find show learn see understand consider suspect doubt
    want plan seem"""
)
SENTENCE_STOPS = frozenset({".", "!", "?", ";"})
# Written things that "read" or "said" something: their author is the speaker.
DOCUMENT_NOUNS = word_set(
    "note letter post message statement sign tweet inscription memo card dedication banner placard"
)
# A speaker's name in capitals and a colon at the start of a quoted paragraph (interview transcripts).
TRANSCRIPT_TURN = re.compile(r"([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2}): +(?=\S)")
DASHES = "\u2015\u2014\u2013-"
CLOSE_MARKS = '\u201d\u00bb"\u2019'
OPEN_MARKS = '\u201c\u00ab\u201e"\u2018'
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})


# The model's lemmatizer strips a verb's "e" with its ending ("hoped" -> "hop", "rated" -> "rat"): the
# lemma each misread one stands for, taken back only for a form of the verb meant ("hopped" stays "hop").
MISREAD_LEMMAS = {"hop": "hope", "rat": "rate"}


def lemma_of(token: Token) -> str:
    """The token's lower-case lemma, with the lemmatizer's known misreadings of verbs undone."""
    lemma = token.lemma_.lower()
    meant = MISREAD_LEMMAS.get(lemma)
    if (
        meant is not None
        and token.pos_ == "VERB"
        and token.lower_ in (meant + "s", meant + "d", meant[:-1] + "ing")
    ):
        return meant
    return lemma


def is_cue(token: Token) -> bool:
    return token.pos_ == "VERB" and lemma_of(token) in SPEECH_LEMMAS


def cue_extent(token: Token) -> tuple[int, int]:
    """The cue's characters: the verb with its particle ("point out", "lash out")."""
    end = token.idx + len(token.text)
    for child in token.rights:
        if child.dep_ == "prt":
            end = child.idx + len(child.text)
    return token.idx, end


def inside(spans: Sequence[tuple[int, int]], position: int) -> bool:
    return any(start <= position < end for start, end in spans)


def find_governing_cue(
    doc: Doc, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> Token | None:
    """The nearest speech verb above the quote in the parse tree, outside every quotation and inside
    the quote's paragraph (a parse can run across a line break into the next paragraph's cue)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tops = [
        token
        for token in span
        if token.head.i < span.start or token.head.i >= span.end or token.head == token
    ]
    for top in reversed(tops):  # trailing cues ("..., he said") hang off the last piece
        token = top
        for _ in range(6):
            head = token.head
            if head == token:
                break
            came_by, token = token.dep_, head
            if not paragraph[0] <= token.idx < paragraph[1]:
                break
            if span.start <= token.i < span.end or inside(quoted, token.idx):
                continue
            if is_cue(token):
                return token
            if came_by == "ccomp" and token.pos_ == "VERB" and lemma_of(token) in COGNITIVE_LEMMAS:
                return token  # "X believes the talks failed because of “an ideologue”": X's view
            aside = _parenthetical_cue(token, quoted)
            if aside is not None:
                return aside
    return None


def _parenthetical_cue(token: Token, quoted: list[tuple[int, int]]) -> Token | None:
    """A cue set off inside the clause: "That attack, he said, was “kidnapping”"."""
    for child in token.children:
        if child.dep_ == "parataxis" and is_cue(child) and not inside(quoted, child.idx):
            return child
    return None


def find_nearby_cue(
    doc: Doc, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int], window: int = 6
) -> Token | None:
    """A speech verb within a few words before or after the quote, in its paragraph, outside quotes.

    The search never crosses a full stop or another quotation: a cue in the previous sentence ("...,"
    X said at the dinner, where Y also spoke. "...") belongs to that sentence's quote."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    # After the quote the subject may come first with an apposition ("..., his father, Jo Gil, once said"),
    # a title and a parenthesis ('"...!" his aunt, state Sen. Ann "Annie" Roe (D-Springfield), shouted'):
    # the window after is wide, the full stop still ends it.
    after = _first_cue(doc, range(span.end, min(len(doc), span.end + 4 * window + 4)), quoted, paragraph)
    before = _first_cue(doc, range(span.start - 1, max(-1, span.start - window - 3), -1), quoted, paragraph)
    if after is None or before is None:
        return after or before
    return after if after.i - span.end <= span.start - before.i else before


def _first_cue(
    doc: Doc, positions: range, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> Token | None:
    for i in positions:
        token = doc[i]
        if not (paragraph[0] <= token.idx < paragraph[1]) or token.text in SENTENCE_STOPS:
            return None
        if inside(quoted, token.idx):
            if token.text in OPEN_MARKS + CLOSE_MARKS:
                continue  # the quote's own marks
            return None
        if is_cue(token):
            return token
    return None


def dash_or_colon_cue(
    doc: Doc, text: str, start: int, end: int, quoted: list[tuple[int, int]], paragraph: tuple[int, int]
) -> tuple[tuple[int, int], Token] | None:
    """Quotes signed like a letter or a transcript: '“...” ― Jane Doe' and 'Jane Doe: “...”'.

    Returns the cue (the dash or the colon) and the name's head token."""
    after = end
    while after < paragraph[1] and (
        text[after] in CLOSE_MARKS or text[after] in ".,;" or text[after].isspace()
    ):
        after += 1
    if after < paragraph[1] and text[after] in DASHES:
        name = doc.char_span(after + 1, min(paragraph[1], after + 80), alignment_mode="expand")
        head = _leading_name(name) if name is not None else None
        if head is not None:
            return (after, after + 1), head
    before = start - 1
    while before > paragraph[0] and (text[before] in OPEN_MARKS or text[before].isspace()):
        before -= 1
    if before > paragraph[0] and text[before] == ":":
        lead = doc.char_span(paragraph[0], before, alignment_mode="expand")
        if lead is not None and 0 < len(lead) <= 8 and not inside(quoted, lead.start_char):
            root = lead.root
            if root.pos_ in ("PROPN", "NOUN") and not any(t.pos_ in ("VERB", "AUX") for t in lead):
                return (before, before + 1), root
    return None


def transcript_speaker(doc: Doc, text: str, start: int) -> tuple[int, tuple[int, int], Token] | None:
    """A transcript turn quoted as a whole ('"WALLACE: Let's start ..."'): the capitalised name before
    the colon speaks. Returns where the words start, the colon as cue and the name's last token."""
    match = TRANSCRIPT_TURN.match(text, start)
    if match is None:
        return None
    name = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
    if name is None:
        return None
    return match.end(), (match.end(1), match.end(1) + 1), name[-1]


def _leading_name(span: Span) -> Token | None:
    """The head of the proper name a span opens with ('Christina Lastra.' -> Lastra)."""
    words = []
    for token in span:
        if token.pos_ == "PROPN":
            words.append(token)
        elif words or not token.is_space:
            break
    return words[-1] if words else None


def subject_of(
    cue: Token, quoted: Sequence[tuple[int, int]] = (), bounds: tuple[int, int] | None = None
) -> Token | None:
    """The cue's subject, never a word inside a quotation (the parser sometimes hangs a quoted noun on
    the cue) nor outside the cue's paragraph. A participle ("..., Vega said, recalling ...") takes the
    nearest subject before it in its sentence; a conjoined verb its head's."""
    low, high = bounds or (0, len(cue.doc) * 1000 + 10**9)

    def allowed(child: Token) -> bool:
        return not inside(quoted, child.idx) and low <= child.idx < high

    token = cue
    for _ in range(3):
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS and allowed(child):
                return child
        if token.tag_ == "VBN" and not any(child.dep_ == "aux" for child in token.children):
            return None  # "often described as ...": a passive participle has no speaker of its own
        if token.tag_ == "VBG" and token.dep_ in ("advcl", "pcomp", "xcomp") and token.head != token:
            # "Tensions eased when Lee accepted, saying ...": the head's subject unless it is a common
            # noun and a named subject stands nearer before the participle.
            head = token.head.head if token.dep_ == "pcomp" else token.head  # "responded by saying"
            borrowed = subject_of(head, quoted, bounds)
            if borrowed is None or borrowed.pos_ == "NOUN":
                nearest = _nearest_subject_before(token, allowed)
                if nearest is not None and nearest.pos_ == "PROPN":
                    return nearest
            return borrowed
        if token.dep_ in ("conj", "advcl", "xcomp", "ccomp", "acl", "pcomp", "acomp") and token.head != token:
            if token.dep_ == "ccomp" and not is_cue(token.head):
                return None
            token = token.head.head if token.dep_ == "pcomp" else token.head
            continue
        return None
    return None


NOUN_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "NUM", "PUNCT", "SPACE", "ADP", "CCONJ"})


def noun_phrase_between(doc: Doc, end: int, cue: Token) -> Token | None:
    """'“...,” Tulsa police Chief Jo Ruiz said': when the parse gives the cue no subject, the noun
    phrase standing alone between the quote and the cue is the speaker (its last name or noun)."""
    words: list[Token] = []
    for i in range(cue.i - 1, max(-1, cue.i - 14), -1):
        if doc[i].idx < end:
            break
        words.insert(0, doc[i])
    # a capitalised word counts as a name whatever its tag ("Tulsa" is sometimes read as a verb)
    if (
        not words
        or len(words) > 12
        or any(token.pos_ not in NOUN_PHRASE_POS and not token.text[:1].isupper() for token in words)
    ):
        return None
    if any(token.text in SENTENCE_STOPS for token in words):
        return None
    nouns = [token for token in words if token.pos_ in ("PROPN", "NOUN") or token.text[:1].isupper()]
    return nouns[-1] if nouns else None


def nearest_subject(token: Token, allowed: Callable[[Token], bool] | None = None) -> Token | None:
    """The subject of the nearest word up the parse from the token (itself first) that has one it allows."""
    while True:
        subject = next(
            (c for c in token.children if c.dep_ in SUBJECT_DEPS and (allowed is None or allowed(c))), None
        )
        if subject is not None or token.head.i == token.i:
            return subject
        token = token.head


def _nearest_subject_before(participle: Token, allowed: object) -> Token | None:
    for i in range(participle.i - 1, participle.sent.start - 1, -1):
        token = participle.doc[i]
        if token.dep_ in SUBJECT_DEPS and allowed(token):  # type: ignore[operator]
            return token
    return None


def referent_of(subject: Token, quoted: Sequence[tuple[int, int]], bounds: tuple[int, int]) -> Token:
    """The word whose identity the speaker is, when the subject only stands in for it: a relative
    pronoun's antecedent ("the minister, who said ..."), a written thing's author ("it read")."""

    def allowed(token: Token) -> bool:
        return not inside(quoted, token.idx) and bounds[0] <= token.idx < bounds[1]

    verb = subject.head
    if subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" and allowed(verb.head):
        return verb.head
    if subject.lower_ == "it" or subject.lemma_.lower() in DOCUMENT_NOUNS:
        return author_of(subject, verb, allowed) or subject
    return subject


def author_of(written: Token, cue: Token, allowed: object) -> Token | None:
    """Who wrote a note, post or letter that "read": the writer of a relative clause on it ("a note they
    left"), else a person's possessive in the sentence ("followed by Lee's signature")."""
    for child in written.children:
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and allowed(subject):  # type: ignore[operator]
                return subject
    for token in cue.sent:
        if token.dep_ == "poss" and token.pos_ == "PROPN" and allowed(token):  # type: ignore[operator]
            return token
    return None


def inner_speaker_cue(cue: Token, quoted: list[tuple[int, int]]) -> Token:
    """'Lee remembered Vega telling him': the speaker is the inner cue's subject, not the rememberer's."""
    for child in cue.children:
        if (
            child.dep_ in ("ccomp", "xcomp")
            and not inside(quoted, child.idx)
            and is_cue(child)
            and any(grand.dep_ in SUBJECT_DEPS for grand in child.children)
        ):
            return child
    return cue
