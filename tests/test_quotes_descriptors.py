"""The descriptions learned per entity for the nominal sieve: roles from 'as' phrases and copulas, shared per Doc."""

from __future__ import annotations

import re

import pytest

from storyline.models import Entity
from storyline.pipeline import load_nlp
from storyline.stages.quotes.descriptors import _as_roles, learn_descriptors, roles_of
from storyline.stages.quotes.speakers import SpeakerContext


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def person(text: str, name: str) -> Entity:
    mentions = tuple((m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text))
    return Entity("e0", name, "PERSON", mentions)


@pytest.mark.parametrize(
    ("text", "role", "learned"),
    [
        ("Okafor served as a judge for ten years.", "judge", True),
        ("Okafor was a nurse before the war.", "nurse", True),
        ("Okafor worked as a reporter in Lagos.", "reporter", True),
        ("Okafor described the man as a thief.", "thief", False),  # the object's role, not hers
        ("The board hired Mensah as a consultant, and Okafor left.", "consultant", False),
    ],
)
def test_descriptors_learn_role_of_as_phrase_and_copula(nlp, text: str, role: str, learned: bool) -> None:
    doc = nlp(text)
    entity = person(text, "Okafor")
    descriptors, _ = learn_descriptors(doc, (entity,))
    assert (role in descriptors[entity.id]) is learned


@pytest.mark.parametrize(
    "text",
    [
        "Okafor served as a judge and later worked as an adviser to the mayor.",
        "After he retired as a pilot, Mensah said Okafor had acted as a broker.",
    ],
)
def test_descriptors_roles_of_same_with_and_without_doc_index(nlp, text: str) -> None:
    doc = nlp(text)
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    assert subjects
    index = _as_roles(doc)
    for subject in subjects:
        assert [t.i for t in roles_of(subject)] == [t.i for t in roles_of(subject, index)]


def test_descriptors_shared_context_starts_with_fresh_genders(nlp) -> None:
    text = "Okafor spoke first. Later Okafor left."
    doc = nlp(text)
    entities = (person(text, "Okafor"),)
    first = SpeakerContext(doc, entities)
    first.genders["e0"] = "f"
    first.descriptors.setdefault("e0", set()).add("nurse")
    second = SpeakerContext(doc, entities)
    assert "e0" not in second.genders
    assert "nurse" not in second.descriptors.get("e0", set())
