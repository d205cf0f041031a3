"""A person introduced by a description and named a sentence later is one entity with the name."""

from __future__ import annotations

import pytest

from storyline.stages.entities import resolve_entities


@pytest.fixture(scope="module")
def nlp():
    from storyline.pipeline import load_nlp

    return load_nlp()


def entity_with(entities, text: str, word: str):
    start = text.index(word)
    return next((e for e in entities if any(s <= start < end for s, end in e.mentions)), None)


@pytest.mark.parametrize(
    ("text", "description", "name"),
    [
        (
            "A woman died on Friday after a car hit her in the town centre. "
            "Witnesses said 61-year-old Maria Lopez was crossing the road when she was hit.",
            "A woman",
            "Maria Lopez",
        ),
        (
            "A fired accountant shot two of his former bosses on Monday, police said. "
            "The suspect, 44-year-old Peter Hallam, was arrested two hours later.",
            "A fired accountant",
            "Peter Hallam",
        ),
        # Two people introduced in one sentence: the subject is the one named next.
        (
            "A Leeds man shot to death one person on Monday, police said. "
            "The suspect, 44-year-old Peter Hallam, was arrested two hours later.",
            "A Leeds man",
            "Peter Hallam",
        ),
    ],
)
def test_entities_indefinite_introduction_joins_next_name(nlp, text: str, description: str, name: str) -> None:
    entities = resolve_entities(nlp(text)).entities
    described = entity_with(entities, text, description)
    assert described is not None and described is entity_with(entities, text, name)


@pytest.mark.parametrize(
    ("text", "description", "name"),
    [
        # Two people introduced in one sentence: which one the name is, the words do not say.
        (
            "Police arrested a man over the death of a woman in the car park. "
            "Maria Lopez, 66, was hit while walking to her car.",
            "a man",
            "Maria Lopez",
        ),
        # The ages differ: another person.
        (
            "A 30-year-old man was injured in the crash. Peter Hallam, 52, was driving the other car.",
            "A 30-year-old man",
            "Peter Hallam",
        ),
        # A name given no age is a spokesman or official quoted, not the person introduced.
        (
            "A woman died on Friday after a car hit her. Peter Hallam said the road was closed for hours.",
            "A woman",
            "Peter Hallam",
        ),
        # Named too far away.
        (
            "A woman died on Friday. The road was closed. The police came. A report followed. "
            "Maria Lopez, 61, was a teacher.",
            "A woman",
            "Maria Lopez",
        ),
    ],
)
def test_entities_introduction_kept_apart_from_unfitting_name(nlp, text: str, description: str, name: str) -> None:
    entities = resolve_entities(nlp(text)).entities
    described = entity_with(entities, text, description)
    assert described is None or described is not entity_with(entities, text, name)


@pytest.mark.parametrize(
    ("text", "headline", "body"),
    [
        (
            "Driver Charged After Fatal Crash In Leeds\nA driver was charged on Monday after a crash killed two people.",
            "Driver",
            "A driver",
        ),
        (
            "Pirates Seize Tanker Off Somalia\nPirates seized an oil tanker on Saturday, the navy said.\nThe pirates asked for money.",
            "Pirates",
            "Pirates seized",
        ),
    ],
)
def test_entities_headline_noun_joins_story_noun(nlp, text: str, headline: str, body: str) -> None:
    entities = resolve_entities(nlp(text)).entities
    in_headline = entity_with(entities, text, headline)
    below = text.index(body, text.index("\n"))
    assert in_headline is not None and any(s <= below < e for s, e in in_headline.mentions)


@pytest.mark.parametrize(
    "text",
    [
        # A photo caption ends in its credit: not a headline.
        "Woman killed in crash in Leeds (Photo: John Smith)\n\nA woman was hit by a car on Monday.",
        # The same noun far below the headline is someone else.
        "Woman Killed In Crash\nThe road was closed. It rained. The mayor spoke. A band played. Police watched.\n"
        "A woman was hit by a car on Monday.",
    ],
)
def test_entities_headline_noun_kept_apart_when_not_a_headline(nlp, text: str) -> None:
    entities = resolve_entities(nlp(text)).entities
    first = entity_with(entities, text, "Woman")
    below = text.index("A woman")
    assert first is None or not any(s <= below < e for s, e in first.mentions)


def test_entities_possessed_relative_keeps_its_owner(nlp):
    from storyline.stages.entities import describe_cluster, owner_of

    text = "Mark Vinar died on the mountain. His brother flew to the town on Monday."
    doc = nlp(text)
    resolution = resolve_entities(doc)
    vinar = entity_with(resolution.entities, text, "Mark Vinar")
    start = text.index("His")
    owners = {t.i: vinar.id for t in doc if t.idx == start}
    cluster = next(c for c in resolution.clusters if any(m.text == "His brother" for m in c.mentions))
    mention = next(m for m in cluster.mentions if m.text == "His brother")
    assert owner_of(doc, mention, owners) == vinar.id
    assert any(d.owner == vinar.id and d.lemma == "brother" for d in describe_cluster(doc, cluster, owners))
