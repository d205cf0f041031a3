"""An entity's display name holds the name only: no imperative that opens the sentence, no title before it, parsed by
the real pipeline."""

from __future__ import annotations

import pytest

from storyline.pipeline import load_nlp
from storyline.stages.entities import resolve_entities


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


# (case, text, the display name of the person named in it)
NAMES = [
    ("imperative run into the name", "Nobody wanted the job. Cue Beatriz Olmos. A young engineer, Olmos rebuilt the bridge.",
     "Beatriz Olmos"),
    ("three names opening a sentence", "Pedro Luis Ortega won the race. Ortega thanked his team.", "Pedro Luis Ortega"),
]


# (case, text, the display name): a given name that is also a verb, opening a sentence where the name is
# the subject of a verb, is the name's own first word, not an imperative.
GIVEN_NAMES = [
    ("as the subject of 'said'", "Bill Reyes Cano said the bridge would reopen. Cano thanked the crew.", "Bill Reyes Cano"),
    ("as the subject of 'wrote'", "Mark Ellis Ward wrote the report. Ward thanked the crew.", "Mark Ellis Ward"),
]


def people_in(nlp, text: str) -> list[str]:
    return [e.name for e in resolve_entities(nlp(text)).entities if e.type == "PERSON" and e.name[:1].isupper()]


@pytest.mark.parametrize(("case", "text", "name"), NAMES, ids=[c[0] for c in NAMES])
def test_display_name_leaves_out_sentence_opening_verb(nlp, case, text, name):
    people = people_in(nlp, text)
    assert name in people, people
    assert not any(other.endswith(name) and other != name for other in people), people


@pytest.mark.parametrize(("case", "text", "name"), GIVEN_NAMES, ids=[c[0] for c in GIVEN_NAMES])
def test_display_name_keeps_a_given_name_that_is_a_verb(nlp, case, text, name):
    assert name in people_in(nlp, text)


# (case, text, the display name, the title recorded as the person's role): a capitalised job title of several
# words before a name spaCy tagged alone is the person's title, not more of the name.
TITLED = [
    ("title of three words", "Public Relations Officer Karin Holm said the plant was safe.", "Karin Holm",
     "Public Relations Officer"),
    ("title of two words", "Yesterday Press Officer Tomas Brandt denied the report.", "Tomas Brandt", "Press Officer"),
    # spaCy tags a role noun capitalised as a title into the PERSON span
    ("role noun opening the sentence", "Novelist Ana Ruiz said the book was done.", "Ana Ruiz", "Novelist"),
    ("role noun as a title", "Spokeswoman Karin Holm said the plant was safe.", "Karin Holm", "Spokeswoman"),
]


# (case, text, the display name): a role noun that is a given name stays in a name of two words, or before an
# initial.
ROLE_WORD_NAMES = [
    ("given name that is a role noun", "Rebel Wilson starred in the film. Wilson thanked the crew.", "Rebel Wilson"),
    ("given name before an initial", "Hunter S. Thompson wrote the book. Thompson thanked the editor.",
     "Hunter S. Thompson"),
]


def roles_of_person(nlp, text: str, name: str) -> list[str]:
    clusters = resolve_entities(nlp(text)).clusters
    return [role.text for c in clusters if c.type == "PERSON" and c.name == name for role in c.roles]


@pytest.mark.parametrize(("case", "text", "name", "title"), TITLED, ids=[c[0] for c in TITLED])
def test_display_name_leaves_out_capitalised_job_title(nlp, case, text, name, title):
    people = people_in(nlp, text)
    assert name in people, people
    assert not any(other.endswith(name) and other != name for other in people), people


@pytest.mark.parametrize(("case", "text", "name", "title"), TITLED, ids=[c[0] for c in TITLED])
def test_display_name_title_left_out_is_still_the_role(nlp, case, text, name, title):
    assert title in roles_of_person(nlp, text, name)


@pytest.mark.parametrize(("case", "text", "name"), ROLE_WORD_NAMES, ids=[c[0] for c in ROLE_WORD_NAMES])
def test_display_name_keeps_a_given_name_that_is_a_role_noun(nlp, case, text, name):
    assert name in people_in(nlp, text)
