"""Clusters + parse -> mentions linked by syntax alone: predicate nominals joined to their subject ("X is the only
candidate", "X was named coach"; a role said of someone is a mention of them, as GUM's "pred" and ECB+ annotate it)
and "it" reported by an organisation ("the navy said it ..."), "its" bound by an organisation subject."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..text import tokens_where
from .clusters import Cluster
from .lexicon import OBJECT_AS_VERBS, SPEECH_VERBS
from .mentions import Mention, nominal_kind, overlaps, quoted_ranges, sentence_index_of, text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Modifiers kept inside a bare role predicate's span ("head coach", "talk show host").
ROLE_MODIFIER_DEPS = ("compound", "amod", "nmod")


def attach_predicates(doc: Doc, clusters: list[Cluster], blocked: Sequence[tuple[int, int]] = ()) -> None:
    """Predicate nominatives join their subject: "I am the only candidate who..." (copula "be" only); bare
    singular role nouns predicated of a mention ("will be host", "fired as coach", "named him coach") join it too."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    by_head = {m.head: m for c in clusters for m in c.mentions}
    for cluster in list(clusters):
        if any(m.kind == "name" for m in cluster.mentions):
            continue
        # A group of repeated role nominals ("a third party candidate ... the only candidate") moves whole
        # when one of them is predicated of a named subject ("I am the only candidate ...").
        for nominal in cluster.mentions:
            head = doc[nominal.head]
            if head.dep_ == "attr" and head.head.lemma_ == "be":
                subject = next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), None)
            elif head.dep_ == "oprd" or (head.dep_ == "pobj" and head.head.lower_ == "as"):
                # "X was elected the party's chairman", "named him the coach", "arrested as a suspected smuggler"
                subject = predicated_of(head)
            else:
                continue
            mention = by_head.get(subject.i) if subject is not None else None
            target = owner.get(id(mention)) if mention is not None else None
            if target is None or target is cluster or target.type != cluster.type:
                continue
            target.mentions.extend(cluster.mentions)
            for moved in cluster.mentions:
                owner[id(moved)] = target
            clusters.remove(cluster)
            break
    attach_bare_roles(doc, clusters, blocked, owner, by_head)
    attach_predicate_nouns(doc, blocked, owner, by_head)
    attach_relative_who(doc, blocked, owner, by_head)


def attach_predicate_nouns(doc: Doc, blocked: Sequence[tuple[int, int]], owner: dict[int, Cluster], by_head: dict[int, Mention]) -> None:
    """Any noun phrase said of a named person by "be" is a mention of them, whatever its noun ("Okafor has been
    the mayor's first choice", "X is a TV personality"): what the lexicon does not list as a role still
    describes the subject. Negated copulas ("X is not the choice") are left out."""
    sentence_index = sentence_index_of(doc)
    quotes = quoted_ranges(text_of(doc))
    for index in tokens_where(doc, "DEP", "attr"):
        token = doc[index]
        if token.pos_ != "NOUN" or token.i in by_head or token.head.lemma_ != "be":
            continue
        if negated(token.head) or not any(c.dep_ in ("det", "poss") for c in token.children):
            continue
        subject = next((c for c in token.head.children if c.dep_ in SUBJECT_DEPS), None)
        mention = by_head.get(subject.i) if subject is not None else None
        target = owner.get(id(mention)) if mention is not None else None
        if target is None or target.type != "PERSON" or mention.kind != "name":
            continue
        first = token.left_edge.i
        if overlaps(blocked, doc[first].idx, token.idx + len(token)):
            continue
        number = "plural" if token.tag_ == "NNS" else "singular"
        nominal = predicate_nominal(doc, first, token, "PERSON", number, quotes, sentence_index)
        target.mentions.append(nominal)
        owner[id(nominal)] = target
        by_head[token.i] = nominal


def predicate_nominal(
    doc: Doc, first: int, token: Token, label: str, number: str, quotes: Sequence[tuple[int, int]],
    sentence_index: dict[int, int],
) -> Mention:
    """The nominal mention of words said of someone ("X is a TV personality", "X will be host"), from its first
    token to its head noun: indefinite and unpossessed, as a predicate is, and marked as one."""
    start, end = doc[first].idx, token.idx + len(token)
    return Mention(
        start=start, end=end, text=text_of(doc)[start:end], kind="nominal", label=label, head=token.i,
        first=first, last=token.i + 1, sentence=sentence_index[token.sent.start],
        features={
            "number": number, "definite": "no", "possessive": "no", "lemma": token.lemma_.lower(), "bare": "no",
            "quoted": "yes" if any(s <= token.idx < e for s, e in quotes) else "no", "predicate": "yes",
        },
    )


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative "who" stands for: the head of the relative clause it opens ("the driver who hit
    her"), through reporting verbs inside it ("the man who they say hit a woman")."""
    verb = token.head
    while verb.dep_ == "ccomp" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > token.i:
        return None
    return verb.head


def attach_relative_who(doc: Doc, blocked: Sequence[tuple[int, int]], owner: dict[int, Cluster], by_head: dict[int, Mention]) -> None:
    """A relative "who" is a mention of the person or organisation it stands for, as ECB+ annotates it
    ("the driver who hit her", "Jim O'Brien, who had been under fire")."""
    sentence_index = sentence_index_of(doc)
    for index in tokens_where(doc, "LOWER", "who"):
        token = doc[index]
        if token.tag_ != "WP" or token.i in by_head:
            continue
        antecedent = relative_antecedent(token)
        mention = by_head.get(antecedent.i) if antecedent is not None else None
        target = owner.get(id(mention)) if mention is not None else None
        if target is None or target.type not in ("PERSON", "ORG") or overlaps(blocked, token.idx, token.idx + 3):
            continue
        # Never of a plural: "people who ..." picks out part of a group. Measured at commit 7a95cb9, CoNLL F1
        # with "who" only of a singular the article mentions again / of any singular (this): GUM Wikinews
        # (which marks no relative pronouns) 0.6542 / 0.6529, ECB+ dev 0.6585 / 0.6625; of plurals too, GUM
        # lost a further 0.002 (s2 patch).
        if doc[antecedent.i].tag_ in ("NNS", "NNPS"):
            continue
        who = Mention(
            start=token.idx, end=token.idx + len(token), text=token.text, kind="pronoun", label="ANY",
            head=token.i, first=token.i, last=token.i + 1, sentence=sentence_index[token.sent.start],
            features={"gender": "any", "number": mention.features.get("number", "singular"), "animacy": "person",
                      "case": "subj", "relative": "yes"},
        )
        target.mentions.append(who)
        owner[id(who)] = target
        by_head[token.i] = who


def predicated_of(token: Token) -> Token | None:
    """The token a bare role noun is said of: the subject of "be", the object (else subject) of the verb
    an "as" phrase or object predicate hangs on. A relative pronoun subject stands for the noun it modifies."""
    verb, prefer_object = None, False
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ in ("VERB", "AUX"):
        verb = token.head.head
        prefer_object = verb.lemma_.lower() in OBJECT_AS_VERBS
    elif token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ == "NOUN":
        # "his duties as head coach", "her role as host": the post is the possessor's.
        return next((c for c in token.head.head.children if c.dep_ == "poss"), None)
    elif token.dep_ == "oprd":
        verb, prefer_object = token.head, True
    if verb is None:
        return None
    children = list(verb.children)
    found = next((c for c in children if c.dep_ == "dobj"), None) if prefer_object else None
    found = found or next((c for c in children if c.dep_ in SUBJECT_DEPS), None)
    if found is None and verb.dep_ == "xcomp":  # "she is to return as host": the subject of the verb it completes
        found = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    if found is not None and found.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        found = verb.head
    if found is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # A participle on a noun is said of that noun, or of its possessor as "his duties as coach" are ("her
        # youth spent as a deckhand").
        found = next((c for c in verb.head.children if c.dep_ == "poss"), verb.head)
    return found


def attach_bare_roles(
    doc: Doc,
    clusters: list[Cluster],
    blocked: Sequence[tuple[int, int]],
    owner: dict[int, Cluster],
    by_head: dict[int, Mention],
) -> None:
    sentence_index = sentence_index_of(doc)
    quotes = quoted_ranges(text_of(doc))
    for token in doc:
        if token.i in by_head or token.tag_ != "NN":
            continue
        kind = nominal_kind(token)
        if kind is None or any(c.dep_ in ("det", "poss") for c in token.children):
            continue
        subject = predicated_of(token) if kind is not None else None
        mention = by_head.get(subject.i) if subject is not None else None
        target = owner.get(id(mention)) if mention is not None else None
        if target is None or target.type != kind or overlaps(blocked, token.idx, token.idx + len(token)):
            continue
        first = token.i
        while first > 0 and doc[first - 1].dep_ in ROLE_MODIFIER_DEPS and doc[first - 1].head.i in range(first, token.i + 1):
            first -= 1
        role = predicate_nominal(doc, first, token, kind, "singular", quotes, sentence_index)
        target.mentions.append(role)
        owner[id(role)] = target
        by_head[token.i] = role


def attach_reported_it(doc: Doc, clusters: list[Cluster], pronouns: Sequence[Mention]) -> None:
    """"it" as the subject of what an organisation says is the organisation ("The navy said it captured 23"):
    elsewhere "it" is left alone, as it names things far more often than organisations."""
    owner = {id(m): c for c in clusters for m in c.mentions}
    by_head = {m.head: m for c in clusters for m in c.mentions}
    quotes = quoted_ranges(text_of(doc))
    for pronoun in pronouns:
        token = doc[pronoun.head]
        if token.lower_ != "it" or token.dep_ not in SUBJECT_DEPS or pronoun.head in by_head:
            continue
        if any(s <= pronoun.start < e for s, e in quotes):
            continue  # inside a quotation, "it" is what the speaker talks about
        verb = token.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        # "said it was ..." / "said it is time": a copula or passive clause about a state, mostly a thing or expletive.
        if verb.pos_ == "AUX" or verb.lemma_ in ("be", "seem", "appear", "become") or token.dep_ == "nsubjpass":
            continue
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        mention = by_head.get(speaker.i) if speaker is not None else None
        target = owner.get(id(mention)) if mention is not None else None
        # spaCy's own label counts too: the speech-verb vote may have typed "Google said" a person.
        if target is not None and (target.type == "ORG" or any(m.label == "ORG" for m in target.mentions)):
            target.mentions.append(pronoun)
            by_head[pronoun.head] = pronoun
    attach_own_its(doc, pronouns, owner, by_head)


def attach_own_its(doc: Doc, pronouns: Sequence[Mention], owner: dict[int, Cluster], by_head: dict[int, Mention]) -> None:
    """"its" bound by its clause's subject when that is a named organisation ("NASA tweeted support via its
    account", "the council raised its fees"): the organisation's own, as a reflexive would be."""
    quotes = quoted_ranges(text_of(doc))
    for pronoun in pronouns:
        token = doc[pronoun.head]
        if token.lower_ != "its" or pronoun.head in by_head or any(s <= pronoun.start < e for s, e in quotes):
            continue
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT" and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":  # "X rescued them and brought them to its base"
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        mention = by_head.get(subject.i) if subject is not None else None
        target = owner.get(id(mention)) if mention is not None else None
        if target is not None and target.type == "ORG" and mention.kind == "name":
            target.mentions.append(pronoun)
            by_head[pronoun.head] = pronoun
