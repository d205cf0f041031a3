"""Clusters of one article -> the same clusters with a person described before being named joined to the name.

News introduces a person by what they are and names them a sentence later: "A woman has died after being
struck by a bus ... Neighbours say 64-year-old Mina Okafor was crossing the road"; "A Dover man stabbed ... The
suspect, 41-year-old Paul Reed, was". The coreference sieve links a definite nominal back to a
name; this links the indefinite introduction forward to the first person named after it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .clusters import Cluster, Decision
from .descriptions import age_after, describe, describe_role
from .lexicon import FEMALE_WORDS, MALE_WORDS
from .mentions import text_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .mentions import Mention

# How many sentences after the introduction the name may come: ECB+ dev CoNLL F1 with 1: 0.6083, 2: 0.6083,
# 3: 0.6088; 2 covers a dateline or a quote between the two.
SENTENCES_TO_NAME = 2


# Words a headline has at most: ECB+ headlines run 5-12; longer lines without a stop are captions or
# paragraphs.
HEADLINE_WORDS = 14
# How far below its headline the story's first use of the noun may be, in sentences.
SENTENCES_BELOW_HEADLINE = 4


def gender_of_noun(lemma: str) -> str | None:
    return "female" if lemma in FEMALE_WORDS else "male" if lemma in MALE_WORDS else None


def introduction_of(cluster: Cluster) -> Mention | None:
    """The mention an unnamed person cluster opens with when it is an indefinite singular description."""
    if cluster.type != "PERSON" or any(m.kind == "name" for m in cluster.mentions):
        return None
    nominals = sorted((m for m in cluster.mentions if m.kind == "nominal"), key=lambda m: m.start)
    if not nominals:
        return None
    first = nominals[0]
    features = first.features
    if features.get("number") != "singular" or features.get("definite") == "yes" or features.get("possessive") == "yes":
        return None
    if features.get("quoted") == "yes":
        return None
    return first


def age_before(doc: Doc, mention: Mention) -> str | None:
    """The age news style puts before a name ("64-year-old Mina Okafor", "41 - year - old Paul")."""
    words = [t.lower_ for t in doc[max(0, mention.first - 6) : mention.first]]
    for index, word in enumerate(words):
        rest = "".join(words[index + 1 :])
        if word.isdigit() and (rest.startswith("-year-old") or rest.startswith("year-old")):
            return word
        if word.endswith("-year-old") and word.split("-")[0].isdigit():
            return word.split("-")[0]
    return None


def is_subject(doc: Doc, mention: Mention) -> bool:
    """Whether a name is what its clause is about: a subject, or in apposition to one ("The suspect,
    41-year-old Paul Reed, was")."""
    token = doc[mention.head]
    while token.dep_ in ("appos", "compound") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def ages_of_named(doc: Doc, cluster: Cluster) -> set[str]:
    ages = {
        age for m in cluster.mentions if m.kind == "name" for age in (age_after(doc, m), age_before(doc, m)) if age
    }
    for role in cluster.roles:
        if role.kind in ("title", "appositive") and (described := describe_role(doc, role.start, role.end)):
            ages |= described.ages
    return ages


def join_introduced_names(doc: Doc, clusters: list[Cluster], decisions: list[Decision]) -> None:
    """Join each person introduced by an indefinite description to the first person named after it
    within SENTENCES_TO_NAME sentences, unless their ages or genders differ."""
    named = [c for c in clusters if c.type == "PERSON" and any(m.kind == "name" for m in c.mentions)]
    if not named:
        return
    first_named = {
        id(c): min((m for m in c.mentions if m.kind == "name"), key=lambda m: m.start) for c in named
    }
    intros = [(c, m) for c in sorted(clusters, key=Cluster.first_at) if (m := introduction_of(c)) is not None]
    per_sentence = Counter(m.sentence for _, m in intros)
    subjects = Counter(m.sentence for _, m in intros if is_subject(doc, m))
    for cluster, intro in intros:
        # Of two people introduced in one sentence the subject is the one the story goes on to name ("A
        # Dover man stabbed one person"); with no subject among them ("arrested a man in the death of a
        # woman") the words do not say which.
        if per_sentence[intro.sentence] > 1 and not (subjects[intro.sentence] == 1 and is_subject(doc, intro)):
            continue
        description = describe(doc, intro)
        gender = cluster.gender or gender_of_noun(description.lemma)
        later = [
            c for c in named
            if intro.start < first_named[id(c)].start
            and first_named[id(c)].sentence - intro.sentence <= SENTENCES_TO_NAME
            and len(first_named[id(c)].name.split()) >= 2
            and is_subject(doc, first_named[id(c)])
        ]
        if not later:
            continue
        target = min(later, key=lambda c: first_named[id(c)].start)
        if gender and target.gender and gender != target.gender:
            continue
        ages = ages_of_named(doc, target)
        # The person a story is about is given an age; a spokesman or officer quoted is not.
        if not ages or (description.ages and not description.ages & ages):
            continue
        target.mentions.extend(cluster.mentions)
        target.mentions.sort(key=lambda m: m.start)
        target.gender = target.gender or gender
        cluster.mentions = []
        decisions.append(
            Decision("merge", (intro.text, target.name), f"'{intro.text}' introduces '{target.name}' named next", intro.start)
        )
    clusters[:] = [c for c in clusters if c.mentions]


def line_of(doc: Doc, mention: Mention) -> str:
    text = text_of(doc)  # Doc.text re-joins every token on each access
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    return text[line_start : line_end if line_end >= 0 else len(text)].rstrip()


def in_headline(doc: Doc, mention: Mention) -> bool:
    """Whether a mention stands in a headline: a short line with no sentence-final stop ("Woman Killed In
    Queens Hit-And-Run"). A photo caption ends in its credit ("... [Fernando Vergara/AP Photo]") and a
    long line is a paragraph that lost its stop."""
    line = line_of(doc, mention)
    words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
    return bool(line) and line[-1] not in ".!?\"'”’:;,])" and len(words) <= HEADLINE_WORDS


def in_prose(doc: Doc, mention: Mention) -> bool:
    """Whether a mention stands in a line of sentences (ending in a stop), not an address or a dateline."""
    line = line_of(doc, mention)
    return bool(line) and line[-1] in ".!?\"'”’"


def join_headline_nouns(doc: Doc, clusters: list[Cluster], decisions: list[Decision]) -> None:
    """Join an unnamed headline noun ("Woman Killed ...", "Driver Charged") to the first mention of the
    same noun in the text below it ("A woman has died ..."): a headline names what its story tells of."""
    mentions = sorted(
        ((m, c) for c in clusters for m in c.mentions if m.kind == "nominal"), key=lambda pair: pair[0].start
    )
    for cluster in sorted(clusters, key=Cluster.first_at):
        if not cluster.mentions or any(m.kind == "name" for m in cluster.mentions):
            continue
        first = min(cluster.mentions, key=lambda m: m.start)
        features = first.features
        if first.kind != "nominal" or features.get("definite") == "yes" or features.get("possessive") == "yes":
            continue
        if not in_headline(doc, first):
            continue
        lemma, number = features.get("lemma"), features.get("number")
        target = next(
            (
                c for m, c in mentions
                if m.start > first.end and c is not cluster and c.type == cluster.type and c.mentions
                and m.features.get("lemma") == lemma and m.features.get("number") == number
                and m.sentence - first.sentence <= SENTENCES_BELOW_HEADLINE and in_prose(doc, m)
            ),
            None,
        )
        if target is None:
            continue
        target.mentions.extend(cluster.mentions)
        target.mentions.sort(key=lambda m: m.start)
        cluster.mentions = []
        decisions.append(
            Decision("merge", (first.text, target.name), f"the headline's '{first.text}' is the story's '{target.name}'", first.start)
        )
    clusters[:] = [c for c in clusters if c.mentions]
