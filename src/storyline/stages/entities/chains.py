"""Cluster -> what its words say for matching it across articles: set against someone ("another
candidate"), generic ("many people"), somebody's relative ("his father"), or saying no more of its noun
than an entity's descriptions do."""

from __future__ import annotations

from collections.abc import Sequence

from .clusters import Cluster
from .descriptions import Description

# An unnamed chain may also join a named entity of its own article that other articles describe by the
# same noun ("a woman" where Mina Okafor is named, and other articles call her "the woman"), when the chain
# says nothing of the noun the entity's descriptions do not and is not set against someone ("another
# candidate"). ECB+ dev CoNLL F1 0.6080 -> 0.6114 (0.6206 with no such check, but the reference story
# then joins an armed group's "rebel leader" to its president and one armed group to another).
CONTRASTIVE_WORDS = frozenset({"another", "other", "second", "different"})

# A role noun joins an unnamed chain to a named entity of another article only when their articles share
# this many telling names (telling.py), at registration and in the corpus pass (relink.py) alike, as
# does a group introduced as new ("a group") that shortens an organisation's name: the evidence is weaker
# than an age or the name itself. Corpus pass, ECB+ dev CoNLL F1 with 1: 0.7040, with 2:
# 0.7043; over the 59 bench articles 2 leaves out 3 of 18 joins, all wrong (two "group"
# chains of GUM articles as an armed group of the reference story, through one shared name). Registration,
# over the GUM documents run together: 1 made "Mr. President" of one interview another interview's named
# guest, "the regional government" a newspaper; 2: joins 26 -> 20, ECB+ dev 0.7042 -> 0.7034 (topic 5 only).
SHARED_NAMES_FOR_A_NOUN = 2


def contrasted(cluster: Cluster) -> bool:
    """Whether a chain is set against someone already mentioned ("another candidate", "the other man")."""
    return any(
        set(m.text.lower().split()[:2]) & CONTRASTIVE_WORDS for m in cluster.mentions if m.kind == "nominal"
    )


def says_no_more(description: Description, descriptions: Sequence[Description]) -> bool:
    """Whether a description says nothing of its noun that the others do not: "a woman" of a Mina Okafor
    described as "a 59-year-old woman", not "a rebel leader" of a president once "the leader"."""
    said: set[str] = set()
    for theirs in descriptions:
        if theirs.noun == description.noun:
            said |= theirs.modifiers | theirs.places
    # Places count: "the K-7 group" is not another armed group described as "the group".
    return (description.modifiers | description.places) <= said


# Words that make a plural generic ("many people", "some residents"): such a chain is a share of everyone so
# described, not a group another article can name again. Over the 59 bench articles 9 of the 219 joins by
# role noun were such chains pooled across unrelated articles; ECB+ dev CoNLL F1 unchanged.
QUANTIFIERS = frozenset({"many", "some", "few", "several", "most", "numerous", "countless"})


def generic(cluster: Cluster) -> bool:
    """Whether every nominal of a chain is a quantified plural ("many people", "some of the residents")."""
    nominals = [m for m in cluster.mentions if m.kind == "nominal"]
    return bool(nominals) and all(
        m.text.lower().split()[0] in QUANTIFIERS and m.features.get("number") != "singular" for m in nominals
    )


POSSESSIVE_WORDS = frozenset({"his", "her", "their", "its", "my", "our", "your"})


def is_relative(cluster: Cluster) -> bool:
    """Whether a cluster is introduced as somebody's relative ("his father, X", "Vega's son"): a kinship
    role with a possessor. "a 59-year-old grandmother" says what she is, not whose."""
    for role in cluster.roles:
        if role.kind != "kinship":
            continue
        words = role.text.lower().split()
        if set(words) & POSSESSIVE_WORDS or any(w.endswith(("'s", "’s", "'", "’")) for w in words):
            return True
    return False


def plural_for_a_person(entity_type: str, same_noun: Sequence[tuple[Description, Description]]) -> bool:
    """Whether only plurals ("people", "the players") would join an entity that is one person by name:
    chains once linked to a named person through their head noun are more than that person."""
    return entity_type == "PERSON" and all(mine.number == "plural" for mine, _ in same_noun)


def introduced(descriptions: Sequence[Description]) -> bool:
    """Whether a chain opens by introducing someone new ("a professor", "critics"): its first nominal."""
    return bool(descriptions) and descriptions[0].indefinite
