"""Doc + character span -> the tense that places it: "past", "present", "future", "prospective" or None.

"prospective" marks a date set as a deadline or a start ("payable Dec. 1", "effective Feb. 1", "through
January", "agreed to buy it in March"): the clause's own tense says when it was said, not when the date falls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
# Verbs whose infinitive complement lies ahead: "is expected to meet Tuesday", "plans to visit in May".
_FUTURE_HEADS = frozenset({"expect", "schedule", "plan", "set", "due", "intend", "hope", "aim", "go", "prepare",
                           "promise", "agree", "want", "seek", "vow", "threaten", "be"})


_PROSPECTIVE_WORDS = frozenset({"through", "until", "till", "by", "starting", "beginning", "before"})
# Words that set a date ahead of the statement: "payable Dec. 1", "effective June 1", "stock of record Nov. 10".
_DEADLINE_WORDS = frozenset({"payable", "effective", "due", "deadline", "record", "expiring", "expires"})


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """The tense of the verb governing the span, found by climbing the dependency tree from the span's root."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if any(child.tag_ == "POS" for child in token.children):
        return None  # "Tuesday's meeting" names the day of an event; the clause's tense does not place it
    before = doc[span.start - 1] if span.start > 0 else None
    neighbours = {token.head.lower_} | ({before.lower_} if before is not None else set())
    if neighbours & _DEADLINE_WORDS:
        return "future"
    if neighbours & _PROSPECTIVE_WORDS:
        return "prospective"
    if token.dep_ in ("compound", "nmod", "amod") and token.head.pos_ == "NOUN":
        return None  # "the Feb. 23 accord": the date names the event's day, the clause does not place it
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.i not in range(span.start, span.end):
            break
        if token.head is token:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        token = span.sent.root
    if token.dep_ in ("acl", "xcomp", "advcl") and any(child.lower_ == "to" and child.dep_ == "aux"
                                                       for child in token.children):
        # an infinitive looks ahead of the verb it depends on: "announced an agreement to acquire it in January"
        if token.head.lemma_ in _FUTURE_HEADS and not _is_pluperfect(token.head):
            return "future"
        return "prospective"
    for _ in range(4):
        tense = verb_tense(token)
        if tense or token.head is token:
            return tense
        token = token.head
    return None


def verb_tense(verb: Token) -> str | None:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & _FUTURE_AUX or ("going" in words and "to" in words):
        return "future"
    if verb.dep_ == "xcomp" and "to" in words and verb.head.lemma_ in _FUTURE_HEADS and not _is_pluperfect(verb.head):
        return "future"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxiliaries:
        return "past"  # "the agreement, announced Friday": a participle reports what was done
    tags = {verb.tag_} | {child.tag_ for child in auxiliaries}
    if "VBD" in tags or (verb.tag_ == "VBN" and any(child.lemma_ == "have" for child in auxiliaries)):
        return "past"
    if "MD" in tags:
        return None  # "could", "would", "may": possibility or reported speech, not a time ahead of the report
    if tags & {"VBZ", "VBP"}:
        return "present"
    return None


def _is_pluperfect(verb: Token) -> bool:
    """ "had been due to expire Friday": a plan set before an earlier time, now past."""
    return any(child.lower_ == "had" and child.dep_ in ("aux", "auxpass") for child in verb.children)
