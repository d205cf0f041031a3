"""Cue token -> the span of what it reports: its clause, its object with a complement, the object of its
preposition, or the clause a parenthetical cue interrupts, by the cue's word class (lexicon.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import (
    CLOSE_MARKS,
    COGNITIVE_LEMMAS,
    OPEN_MARKS,
    SPEECH_LEMMAS,
    lemma_of,
    opens_with_that,
    subtree_span,
)
from .lexicon import (
    ABOUT_PREPOSITIONS,
    ADDRESSEE_LEMMAS,
    ANSWER_LEMMAS,
    ANSWER_PREPOSITIONS,
    ASKING_LEMMAS,
    ASPECT_LEMMAS,
    CAUSING_LEMMAS,
    CLAUSE_ONLY_LEMMAS,
    COGNITIVE_PREPOSITIONS,
    COMPARING_LEMMAS,
    DEMAND_LEMMAS,
    DEMAND_PREPOSITIONS,
    GROUNDS_LEMMAS,
    INTENT_LEMMAS,
    JUDGEMENT_LEMMAS,
    LINKING_LEMMAS,
    NO_OBJECT_LEMMAS,
    OBJECT_VIEW_LEMMAS,
    PERCEPTION_LEMMAS,
    PREPOSITIONAL_LEMMAS,
    PROPOSITION_NOUNS,
    REPORTING_LEMMAS,
    SPEAKING_TO_LEMMAS,
    STANCE_TOWARD_PREPOSITIONS,
    THING_OBJECT_LEMMAS,
    TIME_NOUNS,
    WHOLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

QUANTIFIER_PRONOUNS = frozenset({"everything", "nothing", "something", "anything", "much", "little", "so"})
GROUNDS_PREPOSITIONS = frozenset({"for", "of"})


def _without(head: Token, cue: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts: its head's words, from the first to the last."""
    start, end = subtree_span(head)
    return (start, end) if end - start >= 3 else None


def _clause_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX")


def content_span(cue: Token, text: str) -> tuple[int, int] | None:
    """The attributed content hanging off a cue: its clause ("said that ..."), the addressee's
    infinitive ("urged voters to ..."), an intention ("wants to ..."), or, for verbs of saying and stance,
    the object with its complement ("called him a “sick man”", "has rejected any attempt to ...") or the
    object of about/of/on ("complained about his microphone")."""
    lemma = lemma_of(cue)
    by_dep: dict[str, list[Token]] = {}
    for child in cue.children:
        if child.pos_ in ("PUNCT", "SPACE") and child.dep_ != "punct":
            continue  # a rule line ("___") the parser took for an object
        if child.dep_ == "ccomp" and _bracketed(child):
            continue
        by_dep.setdefault(child.dep_, []).append(child)
    parts: list[Token] = []
    if "ccomp" in by_dep:
        # the parser may cut one reported clause into several ("said they're convinced the department
        # mishandled it"): all clauses on the side of the cue where the first one stands
        # and within the paragraph (a parse may run on across a line break into a heading)
        # A clause before the cue behind a semicolon, colon or line break belongs to another statement
        # ("It's unlikely; her team says she'll return"): the one after the cue is reported.
        clauses = [c for c in by_dep["ccomp"] if not _cut_off(c, cue, text)]
        if not clauses:
            return None
        first = clauses[0]
        if first.i < cue.i and any(c.i > cue.i and opens_with_that(c) for c in clauses):
            # "Should the company fail, critics worry that ...": a clause opened by "that" after the cue
            # is what is reported, not a conditional or a topic before it
            first = next(c for c in clauses if c.i > cue.i)
        parts = [
            c
            for c in clauses
            if (c.i > cue.i) == (first.i > cue.i)
            and "\n" not in text[min(c.left_edge.idx, cue.idx) : max(c.right_edge.idx, cue.idx)]
        ] or [first]
        if lemma in PERCEPTION_LEMMAS and _bare_infinitive(parts[0]):
            return None
    elif lemma in SPEECH_LEMMAS and (misread := _bare_clause_after(cue, by_dep.get("advcl", []))) is not None:
        parts = [misread]  # "said after the convention he would not accept ...": a clause read as an adjunct
    elif lemma in SPEECH_LEMMAS and (misread := _misread_complement(by_dep.get("dobj", []))) is not None:
        # "told a meeting of island leaders that few people understood ...": the parser hangs the
        # clause on the addressee as a relative clause, but its "that" is a complementizer
        parts = [misread]
    elif (
        "xcomp" in by_dep
        and lemma not in ASPECT_LEMMAS
        and (lemma in ADDRESSEE_LEMMAS or lemma in INTENT_LEMMAS or lemma in REPORTING_LEMMAS)
    ):
        parts = (by_dep.get("dobj", [])[:1] if lemma in ADDRESSEE_LEMMAS else []) + by_dep["xcomp"][:1]
    elif (
        lemma in REPORTING_LEMMAS and lemma not in NO_OBJECT_LEMMAS | CLAUSE_ONLY_LEMMAS and "dobj" in by_dep
    ):
        obj = by_dep["dobj"][0]
        extra = by_dep.get("oprd", []) + [p for p in by_dep.get("prep", []) if p.lower_ == "as"]
        names_content = _names_content(lemma, obj)
        if names_content:
            extra += _second_object(by_dep["dobj"]) + _noun_infinitive(obj, by_dep)
        if lemma in GROUNDS_LEMMAS and obj.pos_ != "PRON":
            # a pronoun object is only the target; its content stays the phrase after it (below)
            extra += _grounds(obj, by_dep.get("prep", []))
        if lemma in COMPARING_LEMMAS:
            extra += [p for p in by_dep.get("prep", []) if p.lower_ in ("to", "with")]
        if not extra and not names_content:
            parts = _prepositional_object(lemma, by_dep)
            if not parts:
                return None
        elif obj.pos_ == "PRON" and not extra:
            # "accused her of lying": the pronoun is the target, the content the preposition's object;
            # "whom he accused", "said it": the content is elsewhere
            parts = _prepositional_object(lemma, by_dep)
            if not parts and obj.lower_ in QUANTIFIER_PRONOUNS and obj.tag_ not in ("WP", "WDT"):
                parts = [obj]  # "said as much", "says everything is rigged": the words themselves
            if not parts:
                return None
        else:
            parts = [obj, *extra]
    elif lemma in LINKING_LEMMAS and "dobj" in by_dep and (to := _to_phrase(by_dep)) is not None:
        parts = [by_dep["dobj"][0], to]  # "linked the attacks to the server"
    elif (
        (lemma in COGNITIVE_LEMMAS or lemma in JUDGEMENT_LEMMAS)
        and "dobj" in by_dep
        and ("oprd" in by_dep or _as_phrase(by_dep))
    ):
        # "critics see the program as a loophole", "consider him a threat": a view of the object
        extra = by_dep.get("oprd", []) + [p for p in by_dep.get("prep", []) if p.lower_ == "as"]
        parts = [by_dep["dobj"][0], *extra]
    elif lemma in OBJECT_VIEW_LEMMAS and "dobj" in by_dep and by_dep["dobj"][0].pos_ != "PRON":
        parts = by_dep["dobj"][:1]  # "Democrats want policies that ...", "despise the elites"
    elif cue.dep_ == "parataxis" and lemma in SPEECH_LEMMAS and cue.head.pos_ in ("VERB", "AUX"):
        return _without(cue.head, cue)  # "The plan, she said, would cost billions."
    elif cue.dep_ == "parataxis" and lemma in SPEECH_LEMMAS and _clause_subject(cue.head):
        # "The difference now, he told me, is that ...": the parse hangs the aside on the subject it
        # follows; the clause that subject opens is what is said
        return _without(cue.head.head, cue)
    elif lemma in REPORTING_LEMMAS or lemma in PREPOSITIONAL_LEMMAS or lemma in COGNITIVE_LEMMAS:
        parts = _prepositional_object(lemma, by_dep)
    if not parts:
        return None
    start = min(subtree_span(part)[0] for part in parts)
    end = max(subtree_span(part)[1] for part in parts)
    if text[end - 1] in ")]" and not any(bracket in text[start:end] for bracket in "(["):
        end -= 1  # the bracket that closes an aside the clause ends in, not one of its own
    if start > 0 and text[start - 1] in OPEN_MARKS:
        start -= 1  # the clause opens with a quotation: keep its mark with it
    if end < len(text) and text[end] in CLOSE_MARKS and text[start] in OPEN_MARKS:
        end += 1
    return start, end


def _second_object(objects: list[Token]) -> list[Token]:
    """The object right after the first, with nothing between ("is not giving patients the care they need",
    "named the fund a fraud"): what is given or said of the first. One set off by a comma or a
    conjunction is an apposition or a second item, which the first object's phrase already reaches."""
    if len(objects) != 2:
        return []
    first, second = objects
    return [second] if second.left_edge.i == first.right_edge.i + 1 else []


def _noun_infinitive(obj: Token, by_dep: dict[str, list[Token]]) -> list[Token]:
    """The infinitive of a plan or a promise that the parser hung on the verb instead of on its noun
    ("unveiled a plan on Monday to fund ..."): it is what the plan is."""
    if obj.lemma_.lower() not in PROPOSITION_NOUNS or any(c.dep_ in ("acl", "relcl") for c in obj.children):
        return []
    for clause in by_dep.get("advcl", []) + by_dep.get("xcomp", []):
        if clause.i > obj.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return [clause]
    return []


def _grounds(obj: Token, preps: list[Token]) -> list[Token]:
    """The "for"/"of" phrase after a judgement's object that gives its grounds, never a time ("praised
    her for years")."""
    for prep in preps:
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
        if prep.i > obj.i and prep.lower_ in GROUNDS_PREPOSITIONS and objects[:1]:
            if _is_time(objects[0]):
                continue
            return [prep]
    return []


def _is_time(head: Token) -> bool:
    """A time or duration: tagged DATE/TIME, headed by a noun of time, or over all of something."""
    if head.ent_type_ in ("DATE", "TIME") or head.lemma_.lower() in TIME_NOUNS:
        return True
    return any(c.dep_ == "amod" and c.lower_ in WHOLE_WORDS for c in head.children)


def _to_phrase(by_dep: dict[str, list[Token]]) -> Token | None:
    """The "to" phrase on the verb or, as the parser may hang it, on its object."""
    objects = by_dep.get("dobj", [])[:1]
    preps = [*by_dep.get("prep", []), *by_dep.get("dative", [])]
    preps += [c for o in objects for c in o.children if c.dep_ in ("prep", "dative")]
    return next(
        (p for p in preps if p.lower_ == "to" and any(c.dep_ in ("pobj", "pcomp") for c in p.children)), None
    )


def _as_phrase(by_dep: dict[str, list[Token]]) -> bool:
    """An "as" phrase on the verb or, as the parser often hangs it, on its object ("portrays the tax as a
    gift")."""
    objects = by_dep.get("dobj", [])[:1]
    return any(
        p.lower_ == "as"
        for p in [*by_dep.get("prep", []), *(c for o in objects for c in o.children if c.dep_ == "prep")]
    )


def _misread_complement(objects: list[Token]) -> Token | None:
    """A relative clause on the object whose "that" is a marker, not the clause's subject or object."""
    for obj in objects[:1]:
        for child in obj.subtree:
            if child.dep_ == "relcl" and opens_with_that(child):
                return child
    return None


def _bare_clause_after(cue: Token, adjuncts: list[Token]) -> Token | None:
    """A finite clause after a verb of saying, with its own subject and no word subordinating it, that the
    parser hung on the verb as an adjunct: it is what was said."""
    for clause in adjuncts:
        if (
            clause.i > cue.i
            and clause.pos_ in ("VERB", "AUX")
            and clause.tag_ not in ("VBG", "VBN", "TO")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and not any(c.dep_ in ("mark", "advmod") and c.i < clause.i for c in clause.children)
            and not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        ):
            return clause
    return None


def that_clause_verb(verb: Token) -> bool:
    """Any verb with a clause opened by "that" reports it ("made it clear that ...", "ruled that ..."),
    except verbs of bringing a state about ("ensure that ...", "means that ...")."""
    return (
        verb.pos_ == "VERB"
        and lemma_of(verb) not in CAUSING_LEMMAS
        and any(c.dep_ == "ccomp" and opens_with_that(c) for c in verb.children)
    )


def _cut_off(clause: Token, cue: Token, text: str) -> bool:
    """Whether a clause before its cue is parted from it by a semicolon, a colon, a dash or a line break."""
    if clause.i > cue.i:
        return False
    between = text[clause.right_edge.idx + len(clause.right_edge.text) : cue.idx]
    return any(mark in between for mark in (";", ":", "\n", "\u2014", " -- "))


def _bracketed(clause: Token) -> bool:
    """A clause in brackets is an aside of the writer's, not the complement of a verb outside them
    ("Growers want rules that cut costs (they want cheaper water ...)")."""
    first = clause.left_edge
    return first.text in ("(", "[") or (first.i > 0 and clause.doc[first.i - 1].text in ("(", "["))


def _bare_infinitive(clause: Token) -> bool:
    return clause.tag_ == "VB" and not any(c.dep_ in ("mark", "aux") for c in clause.children)


def _prepositional_object(lemma: str, by_dep: dict[str, list[Token]]) -> list[Token]:
    """The object of about/of/on/against ("complained about his microphone", "accused her of lying"), of
    "for" after a verb of demand ("called for cutting taxes"), of "by"/"with" after a verb of answering."""
    wanted = ABOUT_PREPOSITIONS | (DEMAND_PREPOSITIONS if lemma in DEMAND_LEMMAS else frozenset())
    if lemma in PREPOSITIONAL_LEMMAS:
        wanted = wanted | STANCE_TOWARD_PREPOSITIONS
    elif lemma in COGNITIVE_LEMMAS and lemma not in REPORTING_LEMMAS:
        wanted = COGNITIVE_PREPOSITIONS
    if lemma in SPEAKING_TO_LEMMAS:
        wanted -= {"to"}
    if lemma in ANSWER_LEMMAS:
        wanted |= ANSWER_PREPOSITIONS
    for prep in by_dep.get("prep", []):
        # a verb's prepositional complement follows it; a phrase before it is an adjunct ("The two
        # towns, for instance, argue over whether ...")
        if prep.lower_ in wanted and prep.i > prep.head.i:
            objects = [child for child in prep.children if child.dep_ == "pobj"] or [
                child for child in prep.children if child.dep_ == "pcomp"
            ]
            # "signed it on Friday": a time is when, never what was said
            if objects and objects[0].ent_type_ not in ("DATE", "TIME") and _names_content(lemma, objects[0]):
                return objects[:1]
    return []


def _names_addressee(obj: Token) -> bool:
    """The object of asking is its addressee when it names a person or group, or when the question itself
    is the quotation just before the cue ("“What does this mean?” he asked the shaman")."""
    if obj.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    cue = obj.head
    before = cue.doc[max(cue.left_edge.i - 2, 0) : cue.i]  # the parser may end the sentence at the mark
    return obj.pos_ == "NOUN" and any(t.text in CLOSE_MARKS for t in before)


def _names_content(lemma: str, obj: Token) -> bool:
    """Whether a cue's object phrase can be what was said: not the one asked ("asked Okafor", "“Why?” he
    asked the clerk"), nor a thing handed over or related unless its head names something said
    ("conceded territory" is no statement, "conceded the point" is)."""
    if lemma in ASKING_LEMMAS and _names_addressee(obj):
        return False
    if lemma in THING_OBJECT_LEMMAS and obj.pos_ in ("NOUN", "PROPN"):
        return obj.lemma_.lower() in PROPOSITION_NOUNS or any(
            c.dep_ in ("acl", "relcl", "ccomp") for c in obj.children
        )
    return True
