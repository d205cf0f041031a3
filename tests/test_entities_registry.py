"""The run-wide registry: which clusters from different articles become one entity."""

from __future__ import annotations

import pytest

from storyline.stages.entities.clusters import Cluster
from storyline.stages.entities.mentions import Mention
from storyline.stages.entities.names import form_of
from storyline.stages.entities.registry import Registry


def cluster_of(type_: str, *names: str) -> Cluster:
    mentions = []
    at = 0
    for name in names:
        mentions.append(Mention(at, at + len(name), name, "name", type_, 0, 0, 1, 0, name=name))
        at += len(name) + 1
    return Cluster(number=0, type=type_, mentions=mentions, keys={form_of(n).key for n in names})


def ids_of(type_: str, first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, str]:
    registry = Registry()
    return registry.register(cluster_of(type_, *first), "a1"), registry.register(cluster_of(type_, *second), "a2")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Washington Office on Latin America",), ("WOLA",)),
        (("WOLA",), ("Washington Office on Latin America",)),
        (("Internationally Recognised Transit Corridor", "IRTC"), ("Internationally Recognized Transit Corridor",)),
    ],
)
def test_registry_joins_acronym_to_expansion_across_articles(first, second):
    one, two = ids_of("ORG", first, second)
    assert one == two


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Comic Corps",), ("CC",)),  # two letters stand for too many things
        (("World Health Organization",), ("who",)),  # a word in lower case is no acronym
        (("WHO", "Wildlife Heritage Trust"), ("World Health Organization",)),  # the letters already name another
    ],
)
def test_registry_keeps_apart_names_that_only_share_letters(first, second):
    one, two = ids_of("ORG", first, second)
    assert one != two


def test_registry_joins_surname_written_without_its_hyphen():
    one, two = ids_of("PERSON", ("Gimena Sánchez-Garzoli",), ("Sánchez Garzoli",))
    assert one == two


def test_registry_compares_only_entries_sharing_a_name_piece():
    registry = Registry()
    for number, name in enumerate(["Ana Ruiz", "Tomas Berg", "Lena Ruiz"]):
        registry.register(cluster_of("PERSON", name), f"a{number}")
    assert [e.name for e in registry.candidates_of({"ruiz"})] == ["Ana Ruiz", "Lena Ruiz"]
