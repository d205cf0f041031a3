"""Doc -> reported speech found through its cue: "X said that ...", "according to X", "X has rejected any
attempt to ...", "X is afraid that ...", "the nominee was endorsed by X".

The content is the clause or object the cue governs; the speaker its subject (or the agent of a passive,
or the object of "according to"). Cues inside quotation marks are never used.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy

from .contents import content_span, that_clause_verb
from .cues import (
    COGNITIVE_LEMMAS,
    SPEECH_LEMMAS,
    Reported,
    cue_extent,
    lemma_of,
    subject_of,
    subtree_span,
)
from .frames import according_to, passive_attribution, stance_attribution
from .lexicon import (
    ADDRESSEE_LEMMAS,
    AGREEING_LEMMAS,
    AGREEMENT_PREPOSITIONS,
    FORCE_LEMMAS,
    GENERIC_PERSON,
    INTENT_LEMMAS,
    INTENTION_LEMMAS,
    JUDGEMENT_LEMMAS,
    LINKING_LEMMAS,
    MEDIUM_NOUNS,
    NAMING_LEMMAS,
    NOUN_OBJECT_CUES,
    OBJECT_VIEW_LEMMAS,
    PREPOSITIONAL_LEMMAS,
    PUTTING_LEMMAS,
    REPORTING_LEMMAS,
    REQUEST_LEMMAS,
)
from .nouncues import STANCE_NOUNS, UNOWNED_NOUNS, misread_verb_attribution, noun_attribution
from .views import APPEARANCE_LEMMAS, appearance_attribution, evident_attribution

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Lemmas whose every form the loop reads whatever its tag ("be" is mostly AUX; a verb of appearance may be too).
VERB_LIKE_LEMMAS = frozenset({"be"}) | APPEARANCE_LEMMAS


def token_starts(doc: Doc) -> Sequence[int]:
    """Each token's character offset, read from the Doc's array: no Token object is built per word."""
    return doc.to_array("IDX").tolist() if len(doc) else []


def covered_indices(starts: Sequence[int], spans: Sequence[tuple[int, int]]) -> Iterator[int]:
    """Indices of the tokens starting inside one of the spans, in text order, each once: a bisect per span
    (overlapping spans merged first), so a headline's few words cost a few steps, not a walk of the Doc."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        elif start < end:
            merged.append([start, end])
    for start, end in merged:
        yield from range(bisect_left(starts, start), bisect_left(starts, end))


def region_tokens(
    doc: Doc,
    regions: Sequence[tuple[int, int]],
    quoted: Sequence[tuple[int, int]],
    wanted: Sequence[bool] | None = None,
) -> Iterator[Token]:
    """The tokens starting inside one of the regions and inside no quotation, in text order; only those
    `wanted` marks when given (per token index), so that no Token is built for the words a sieve skips."""
    starts = token_starts(doc)
    in_quote = set(covered_indices(starts, quoted))
    return (
        doc[i]
        for i in covered_indices(starts, regions)
        if i not in in_quote and (wanted is None or wanted[i])
    )


def _may_report(doc: Doc) -> list[bool]:
    """Per token, whether find_reported's loop can use it: a noun or a verb, 'according', or a form of
    'be' or of a verb of appearance whatever its tag; every other word it skips. Computed on the Doc's
    arrays (parts of speech, lower forms, lemmas; hashes kept in numpy, as turning each into a Python
    int costs more than the loop saves), each distinct lemma folded once."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    columns = doc.to_array(["POS", "LOWER", "LEMMA"])
    wanted = numpy.isin(columns[:, 0], [strings["NOUN"], strings["VERB"]])
    wanted |= columns[:, 1] == numpy.uint64(strings["according"])
    lemmas = numpy.unique(columns[~wanted, 2])  # only the words not already read need their lemma folded
    verb_like = [h for h in lemmas.tolist() if strings[h].lower() in VERB_LIKE_LEMMAS]
    if verb_like:
        wanted |= numpy.isin(columns[:, 2], numpy.array(verb_like, dtype=numpy.uint64))
    return wanted.tolist()


def find_reported(
    doc: Doc, text: str, quoted: list[tuple[int, int]], regions: list[tuple[int, int]]
) -> list[Reported]:
    """Reported speech in the given regions: cue verbs with a content clause or object, and 'according to X'."""
    found = []
    for token in region_tokens(doc, regions, quoted, _may_report(doc)):
        lemma = lemma_of(token)
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            reported = according_to(doc, token)
            if reported:
                found.append(reported)
            continue
        if token.pos_ == "NOUN" and (lemma in INTENT_LEMMAS or lemma in SPEECH_LEMMAS):
            misread = misread_verb_attribution(token, quoted)
            if misread is not None:
                found.append(misread)
                continue
        if token.pos_ == "NOUN" and (lemma in STANCE_NOUNS or lemma in UNOWNED_NOUNS):
            claim = noun_attribution(token, quoted, NOUN_OBJECT_CUES)
            if claim is not None:
                found.append(claim)
            continue
        if lemma == "be":
            stance = stance_attribution(token, quoted) or evident_attribution(token, quoted)
            if stance is not None:
                found.append(stance)
            continue
        if lemma in APPEARANCE_LEMMAS:
            appearance = appearance_attribution(token, quoted)
            if appearance is not None:
                found.append(appearance)
            continue
        if token.pos_ != "VERB" or (
            lemma not in REPORTING_LEMMAS
            and lemma not in COGNITIVE_LEMMAS
            and lemma not in JUDGEMENT_LEMMAS
            and lemma not in PREPOSITIONAL_LEMMAS
            and lemma not in PUTTING_LEMMAS
            and lemma not in OBJECT_VIEW_LEMMAS
            and lemma not in INTENTION_LEMMAS
            and lemma not in REQUEST_LEMMAS
            and lemma not in LINKING_LEMMAS
            and lemma not in AGREEING_LEMMAS
            and not that_clause_verb(token)
        ):
            continue
        by_agent = passive_attribution(token)
        if by_agent is not None:
            if by_agent.speaker is not None or not _denied(token):
                found.append(by_agent)
            continue
        content = content_span(token, text) or _as_aside(token) or _agreed_with(token)
        if content is None or _physical_attack(token):
            continue
        speaker = subject_of(token, quoted)
        if speaker is None and token.dep_ == "acl" and token.tag_ == "VBG" and _can_speak(token.head):
            speaker = _acting_noun(token.head, quoted)
        if speaker is not None and speaker.lower_ in GENERIC_PERSON:
            continue  # "you know", "you might ask": nobody's statement
        if _supposition(token, speaker):
            continue
        passive = speaker is not None and speaker.dep_ == "nsubjpass" and speaker.head == token
        asked = speaker is None and _asked_aside(token)
        if asked:
            speaker = _agent_of(token)  # "Pressed by Holt about ...": the one pressing asks
        if passive:
            speaker = None  # "she is expected to win": the one expected is not the one expecting
        if (
            speaker is None
            and not passive
            and not asked
            and (lemma not in SPEECH_LEMMAS or not any(c.dep_ == "ccomp" for c in token.children))
        ):
            continue  # without a speaker, only a clause of saying is worth reporting ("..., saying that ...")
        start, end = content
        if end - start < 3:
            continue
        found.append(Reported(start, end, cue_extent(token), speaker))
    return drop_nested(clip_to_paragraphs(found, regions), quoted, doc)


def _holds_own_quote(reported: Reported, quoted: Sequence[tuple[int, int]], doc: Doc) -> bool:
    """Whether a nested attribution holding quoted words stays one of its own: it does unless its cue is
    the verb of a clause reported by another cue ("Lee said she thought that the fees were a “real
    burden”": Lee's statement holds the words), where only a verb of naming keeps its term ("what she
    called a “reckless” plan"); a participle or adjunct cue stays ("..., arguing that they use a
    “flawed model”")."""
    if not any(reported.start <= start and end <= reported.end + 1 for start, end in quoted):
        return False
    cue = doc.char_span(reported.cue[0], reported.cue[1], alignment_mode="expand")
    if cue is None:
        return True
    return cue.root.dep_ != "ccomp" or lemma_of(cue.root) in NAMING_LEMMAS


def _denied(cue: Token) -> bool:
    """ "He has never been charged with any crime", "Neither Lee nor Kim was accused of ...": a negated
    passive act with no agent reports what nobody said. A negated view is still one ("North Korea is not
    thought to be capable of ...": PolNeAR dev annotates it)."""
    if lemma_of(cue) in COGNITIVE_LEMMAS:
        return False
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    subject = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    return subject is not None and any(t.lower_ in ("neither", "no", "none") for t in subject.subtree)


def _supposition(cue: Token, speaker: Token | None) -> bool:
    """ "Let's say you think ...", "let us suppose ...": the writer supposing, nobody's statement (what is
    supposed may hold its own attribution)."""
    return (
        speaker is not None
        and speaker.lower_ in ("'s", "\u2019s", "us")
        and cue.head.lemma_.lower() == "let"
        and cue.head.i < cue.i
    )


def clip_to_paragraphs(found: list[Reported], regions: Sequence[tuple[int, int]]) -> list[Reported]:
    """Each content cut to its cue's paragraph: the parser may hang a clause of the paragraph before on a
    cue (a quotation closing with "..., said X." after a paragraph break), and a content that ran over
    the break would swallow the previous paragraph's own attributions as nested ones."""
    clipped = []
    for reported in found:
        paragraph = next((r for r in regions if r[0] <= reported.cue[0] < r[1]), None)
        if paragraph is None:
            clipped.append(reported)
            continue
        start, end = max(reported.start, paragraph[0]), min(reported.end, paragraph[1])
        if end - start >= 3:
            clipped.append(Reported(start, end, reported.cue, reported.speaker))
    return clipped


def _asked_aside(cue: Token) -> bool:
    """ "Asked about the bomb, the mayor said ...": a participle of asking before the clause it frames;
    what was asked is its content, the asker is unnamed unless an agent names them."""
    return (
        cue.tag_ == "VBN" and cue.dep_ == "advcl" and lemma_of(cue) in ADDRESSEE_LEMMAS and cue.i < cue.head.i
    )


def _agent_of(cue: Token) -> Token | None:
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def drop_nested(found: list[Reported], quoted: Sequence[tuple[int, int]], doc: Doc) -> list[Reported]:
    """An attribution whose cue lies inside another's content is part of what the outer source reports
    ("she said he believes the vote was rigged" is her statement), not a second attribution by the writer.
    PolNeAR dev bears this out: of 260 such nested attributions, 22 matched a gold attribution. One that
    holds quoted words stays (it is what attributes them: "he called them “defenders”") unless its cue
    heads a clause reported by another cue: of 12 such on PolNeAR dev, 2 matched a gold content, both
    by a verb of naming, which stays (see _holds_own_quote)."""
    kept = []
    for inner in found:
        if _holds_own_quote(inner, quoted, doc) or not any(
            outer is not inner
            and outer.start <= inner.cue[0] < outer.end
            and outer.start <= inner.start
            and inner.end <= outer.end
            for outer in found
        ):
            kept.append(inner)
    return kept


def _as_aside(cue: Token) -> tuple[int, int] | None:
    """ "As one adviser pointed out, the island rarely gets two storms": the clause the as-aside
    comments on is its content (the words after the aside, or the whole clause it interrupts)."""
    if cue.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    if lemma_of(cue) in PUTTING_LEMMAS and any(c.dep_ == "dobj" and c.lower_ == "it" for c in cue.children):
        pass  # "as the adviser put it, ...": an idiom of saying
    elif any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
        return None  # "as he signed the bill": an act at the time, not a comment on the clause
    head = cue.head
    if head.pos_ not in ("VERB", "AUX"):
        return None
    doc = cue.doc
    if cue.right_edge.i < head.i:
        first = cue.right_edge.i + 1
        while first < head.right_edge.i and doc[first].is_punct:
            first += 1
        start = doc[first].idx
        end = subtree_span(head)[1]
    else:
        start, end = subtree_span(head)
    return (start, end) if end - start >= 3 else None


def _agreed_with(cue: Token) -> tuple[int, int] | None:
    """ "agreed with the council about the fees", "disagrees with his old partner": whom (or what) the
    source agrees with is the view it holds, with what the agreement is about."""
    if lemma_of(cue) not in AGREEING_LEMMAS:
        return None
    preps = [c for c in cue.children if c.dep_ == "prep"]
    partner = next(
        (p for p in preps if p.lower_ == "with" and any(c.dep_ == "pobj" for c in p.children)), None
    )
    if partner is None:
        return None
    parts = [partner] + [p for p in preps if p.i > partner.i and p.lower_ in AGREEMENT_PREPOSITIONS]
    start = subtree_span(partner)[0]
    end = max(subtree_span(part)[1] for part in parts)
    return (start, end) if end - start >= 3 else None


def _physical_attack(cue: Token) -> bool:
    """ "The US attacked Venezuela": a verb of attack aimed at a place is force, not words."""
    if lemma_of(cue) not in FORCE_LEMMAS:
        return False
    return any(child.dep_ == "dobj" and child.ent_type_ in ("GPE", "LOC", "FAC") for child in cue.children)


def _can_speak(noun: Token) -> bool:
    """A person, a group, or a text or medium that carries words (not "a cap reading ...")."""
    if noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in MEDIUM_NOUNS


def _acting_noun(noun: Token, quoted: Sequence[tuple[int, int]]) -> Token:
    """Who acts through a participle on a noun: the noun itself ("a tweet attacking ..."), or the subject
    of the verb it is the object of ("lawyers filed papers opposing ...")."""
    held = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        held = noun.head.head  # "unleashed a series of tweets criticizing ...": the series is the object
    if held.dep_ == "dobj":
        subject = subject_of(held.head, quoted)
        if subject is not None:
            return subject
    return noun
