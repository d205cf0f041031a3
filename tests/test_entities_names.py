"""Name rules: forms, surnames, given names, acronyms; each verdict carries its reason."""

from __future__ import annotations

import pytest

from storyline.stages.entities.names import (
    compare_org_names,
    compare_person_names,
    form_of,
    is_acronym_of,
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Nicolás Maduro", "nicolas maduro"),  # diacritics folded
        ("Sánchez-Garzoli", "sanchez-garzoli"),
        ("Trump’s", "trump"),  # possessive dropped
        ("Trump's", "trump"),
        ("the United Nations", "united nations"),
        ("U.S.", "us"),
    ],
)
def test_form_of_folds_name(name, key):
    assert form_of(name).key == key


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Petro", "Gustavo Petro"),  # surname
        ("Garcia Marquez", "Gabriel Garcia Marquez"),  # compound surname
        ("Sanchez-Garzoli", "Gimena Sánchez-Garzoli"),  # hyphenated surname, diacritics
        ("Gustavo Petro", "Gustavo Petro Urrego"),  # second surname added
        ("Maduro", "Nicolás Maduro"),
    ],
)
def test_person_names_that_are_one_person(short, long):
    verdict = compare_person_names(form_of(short), form_of(long))
    assert verdict is not None and verdict.same, verdict


@pytest.mark.parametrize(
    ("short", "long", "reason"),
    [
        ("Nicolas", "Nicolas Maduro", "given name"),
        ("Francia Marquez", "Gabriel Garcia Marquez", "different given names"),
        ("Juan Manuel Santos", "Juan David Correa", "neither is a form"),
    ],
)
def test_person_names_kept_apart_with_reason(short, long, reason):
    verdict = compare_person_names(form_of(short), form_of(long))
    assert verdict is not None and not verdict.same
    assert reason in verdict.reason


def test_person_names_without_shared_word_are_unrelated():
    assert compare_person_names(form_of("Maria Lopez"), form_of("Ana Ruiz")) is None


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("WOLA", "Washington Office on Latin America", True),  # function words skipped
        ("US", "United States", True),
        ("UN", "United Nations", True),
        ("FARC", "Revolutionary Armed Forces of Colombia", False),  # Spanish acronym: only via brackets
        ("Petro", "Petroleum Export Treaty Remaining Open", False),  # not written in capitals
    ],
)
def test_acronym_of_expansion(acronym, name, expected):
    assert is_acronym_of(form_of(acronym), form_of(name)) is expected


def test_org_names_same_after_article_dropped():
    verdict = compare_org_names(form_of("the United Nations"), form_of("United Nations"))
    assert verdict is not None and verdict.same


def test_entities_a_place_before_a_bracketed_acronym_does_not_take_it():
    import storyline

    (analysis,) = storyline.analyze_text(
        "Maria Lopez, an advocate at the Washington Office on Latin America (WOLA), said the talks failed. "
        "WOLA has followed the region for decades.",
        one_article=True,
    )
    names = {e.name for e in analysis.entities}
    text = analysis.article.text
    latin = [e for e in analysis.entities if e.name == "Latin America"]
    assert all(text[s:e] != "WOLA" for entity in latin for s, e in entity.mentions), names

