"""The corpus pass: entries the input order kept apart merged once every article of the run is in."""

from __future__ import annotations

import pytest

from storyline.models import Actor, Analysis, Article, Entity, Event, Published, Quote, Speaker
from storyline.pipeline import RunContext
from storyline.stages.entities import relabel
from storyline.stages.entities.clusters import Cluster
from storyline.stages.entities.descriptions import Description
from storyline.stages.entities.mentions import Mention
from storyline.stages.entities.names import form_of
from storyline.stages.entities.registry import Registry
from storyline.stages.entities.relink import relink_entries


def named(registry: Registry, name: str, article: str, descriptions: list[Description] | None = None) -> str:
    mention = Mention(0, len(name), name, "name", "PERSON", 0, 0, 1, 0, name=name)
    return registry.register(
        Cluster(0, "PERSON", [mention], {form_of(name).key}), article, descriptions or []
    )


def unnamed(
    registry: Registry, text: str, article: str, description: Description, type_: str = "PERSON"
) -> str:
    cluster = Cluster(0, type_, [Mention(0, len(text), text, "nominal", type_, 0, 0, 1, 0)])
    return registry.register(cluster, article, [description])


def role(lemma: str, **sets: set[str]) -> Description:
    return Description(
        lemma=lemma, number="singular", phrase=lemma, **{k: frozenset(v) for k, v in sets.items()}
    )


def story_registry(names_of_a1: tuple[str, ...] = ("Tomas Berg", "Riverton")) -> tuple[Registry, str]:
    """a1 only says "the driver"; a2, read later, names Ana Ruiz, calls her the driver, and names Tomas
    Berg and Riverton as well."""
    registry = Registry()
    for name in names_of_a1:
        named(registry, name, "a1")
    driver = unnamed(registry, "the driver", "a1", role("driver"))
    for name in ("Tomas Berg", "Riverton"):
        named(registry, name, "a2")
    named(registry, "Ana Ruiz", "a2", [role("driver")])
    return registry, driver


def test_relink_joins_an_earlier_unnamed_chain_to_the_name_a_later_article_gives():
    registry, driver = story_registry()
    ana = named(registry, "Ana Ruiz", "a3")
    assert registry.final_id(driver) == driver  # nothing moves before the pass
    relink_entries(registry)
    assert registry.final_id(driver) == ana
    assert driver not in registry.entries


@pytest.mark.parametrize("names_of_a1", [("Lena Holm",), ("Tomas Berg", "Lena Holm")])
def test_relink_needs_two_names_shared_by_the_articles(names_of_a1):
    registry, driver = story_registry(names_of_a1=names_of_a1)
    relink_entries(registry)
    assert registry.final_id(driver) == driver


def test_relink_records_each_merge_with_its_evidence():
    registry, _ = story_registry()
    relink_entries(registry)
    merge = registry.decisions[-1]
    assert merge["kind"] == "merge" and merge["names"] == ["the driver", "Ana Ruiz"]
    assert "same role noun 'driver'" in merge["reason"]


def test_relink_joins_a_nominal_to_the_name_its_words_spell():
    registry = Registry()
    navy = Description(lemma="navy", number="singular", places=frozenset({"indian"}), phrase="indian navy")
    early = unnamed(registry, "the Indian navy", "a1", navy, "ORG")
    mention = Mention(0, 11, "Indian Navy", "name", "ORG", 0, 0, 1, 0, name="Indian Navy")
    later = registry.register(Cluster(0, "ORG", [mention], {"indian navy"}), "a2")
    relink_entries(registry)
    assert registry.final_id(early) == later


def test_relink_keeps_apart_a_chain_two_names_fit_alike():
    registry, driver = story_registry()
    named(registry, "Lena Holm", "a2", [role("driver")])  # a second driver in the same articles
    relink_entries(registry)
    assert registry.final_id(driver) == driver
    assert "alike" in registry.decisions[-1]["reason"]


@pytest.mark.parametrize(("noun", "same"), [("woman", True), ("person", False)])
def test_relink_reads_gender_from_the_nouns_before_the_pronoun_vote(noun, same):
    registry = Registry()
    for article in ("a1", "a2"):
        named(registry, "Tomas Berg", article)
        named(registry, "Riverton", article)
    chain = Cluster(0, "PERSON", [Mention(0, 8, f"a {noun}", "nominal", "PERSON", 0, 0, 1, 0)], gender="male")
    early = registry.register(chain, "a1", [role(noun)])  # one wrong "he" voted the chain male
    mention = Mention(0, 8, "Ana Ruiz", "name", "PERSON", 0, 0, 1, 0, name="Ana Ruiz")
    ana = registry.register(
        Cluster(0, "PERSON", [mention], {"ana ruiz"}, gender="female"), "a2", [role(noun)]
    )
    relink_entries(registry)
    assert (registry.final_id(early) == ana) is same


def test_relabel_pools_entities_that_became_one_and_renames_speakers():
    run = RunContext()
    registry = run.memory["entities"] = Registry()
    driver = unnamed(registry, "the driver", "a1", role("driver"))
    ana = named(registry, "Ana Ruiz", "a1")
    registry.aliases[driver] = ana  # as the corpus pass leaves it
    article = Article("a1", "s", None, None, Published(), "The driver said she drove. Ruiz", ())
    analysis = Analysis(
        article=article,
        entities=(
            Entity(driver, "the driver", "PERSON", ((0, 10),)),
            Entity(ana, "Ana Ruiz", "PERSON", ((27, 31),)),
        ),
        quotes=(Quote(11, 25, "said she drove", "indirect", Speaker(entity=driver, name="the driver")),),
        events=(Event("ACCUSE", "", Actor(entity=driver), Actor(), None, (0, 1), (0, 1)),),
    )
    moved = relabel(analysis, run)
    assert [(e.id, e.name, e.mentions) for e in moved.entities] == [(ana, "Ana Ruiz", ((0, 10), (27, 31)))]
    assert moved.quotes[0].speaker.entity == ana and moved.events[0].source.entity == ana


def organisation(registry: Registry, name: str, article: str) -> str:
    mention = Mention(0, len(name), name, "name", "ORG", 0, 0, 1, 0, name=name)
    return registry.register(Cluster(0, "ORG", [mention], {form_of(name).key}), article)


@pytest.mark.parametrize(
    ("full_names", "short", "same"),
    [
        (("San Diego Chargers",), "Chargers", True),
        (("Academy of Motion Picture Arts",), "Academy", True),
        (("Portland Trail Blazers",), "Portland", False),  # a first word is a city before a club
        (("Indian Navy", "Royal Navy"), "Navy", False),  # two organisations end with it
    ],
)
def test_relink_joins_an_organisation_to_the_one_full_name_it_shortens(full_names, short, same):
    registry = Registry()
    full = [organisation(registry, name, "a1") for name in full_names]
    for article in ("a1", "a2", "a3"):
        named(registry, "Ana Ruiz", article)
    registry.article_keys = {form_of(short).key, form_of(full_names[0]).key}
    organisation(registry, full_names[0], "a2")
    alone = organisation(registry, short, "a2")  # a2 names both apart: registering it refuses the join
    registry.article_keys = {form_of(short).key}
    organisation(registry, short, "a3")  # a3 only says the short form
    relink_entries(registry)
    assert (registry.final_id(alone) == full[0]) is same


def test_relink_keeps_a_short_form_only_ever_beside_its_full_name_apart():
    registry = Registry()
    named(registry, "Ana Ruiz", "a1")
    full = organisation(registry, "Shadow Home", "a1")
    home = organisation(registry, "Home", "a1")
    relink_entries(registry)
    assert registry.final_id(home) != full


def test_relink_leaves_apart_what_the_user_split():
    registry, driver = story_registry()
    registry.splits = {frozenset(("the driver", "ana ruiz"))}
    relink_entries(registry)
    assert registry.final_id(driver) == driver


def test_relink_joins_what_the_user_merged_without_other_evidence():
    registry, driver = story_registry(names_of_a1=("Lena Holm",))  # no name shared: no evidence of its own
    registry.merges = {"driver": "ana ruiz"}
    relink_entries(registry)
    merge = registry.decisions[-1]
    assert registry.entries[registry.final_id(driver)].name == "Ana Ruiz" and "by the user" in merge["reason"]


def test_registry_entity_name_is_the_full_name_most_articles_give():
    registry = Registry()
    first = named(registry, "Ana Ruiz", "a1")
    named(registry, "Thoughts on Why Ana Ruiz", "a2")  # a headline run into the name: one article
    named(registry, "Ana Ruiz", "a3")
    assert registry.entries[first].name == "Ana Ruiz"


@pytest.mark.parametrize(
    ("owners", "articles", "same"),
    [
        (("ana", "ana-early"), ("a1", "a2"), True),  # the pass found "ana-early" to be Ana
        (("ana", "tomas"), ("a1", "a2"), False),
        (("ana", "ana-early"), ("a1", "a1"), False),  # one article's two brothers
    ],
)
def test_relink_joins_the_relatives_of_one_person(owners, articles, same):
    registry = Registry()
    registry.aliases["ana-early"] = "ana"
    brothers = [
        unnamed(registry, "his brother", article, Description("brother", "singular", owner=owner))
        for owner, article in zip(owners, articles, strict=True)
    ]
    relink_entries(registry)
    assert (registry.final_id(brothers[0]) == registry.final_id(brothers[1])) is same


@pytest.mark.parametrize(("number", "same"), [("singular", True), ("plural", False)])
def test_relink_never_makes_a_named_person_a_group(number, same):
    registry = Registry()
    for article in ("a1", "a2"):
        named(registry, "Tomas Berg", article)
        named(registry, "Riverton", article)
    players = unnamed(registry, "the player", "a1", Description("player", number, phrase="player"))
    ana = named(registry, "Ana Ruiz", "a2", [Description("player", number, phrase="player")])
    relink_entries(registry)
    assert (registry.final_id(players) == ana) is same


def test_entity_stage_settles_an_early_article_under_the_merged_id():
    from storyline.stages.entities import STAGE

    run = RunContext()
    registry, driver = story_registry()
    run.memory["entities"] = registry
    article = Article("a1", "s", None, None, Published(), "The driver", ())
    analysis = Analysis(article=article, entities=(Entity(driver, "the driver", "PERSON", ((0, 10),)),))
    untouched = Analysis(article=article, entities=(Entity("other", "Riverton", "ORG", ((0, 3),)),))
    aliases = STAGE.finish_run(run)
    assert STAGE.settle(analysis, run).entities[0].id == aliases[driver] != driver
    assert STAGE.settle(untouched, run) is untouched


def test_relink_counts_only_the_articles_that_name_the_entity():
    registry = Registry()
    for name in ("Lena Holm", "Bo Lind", "Kim Park", "Ola Berg"):
        named(registry, name, "a1")
    host = unnamed(registry, "the host", "a1", role("host"))
    for name in ("Lena Holm", "Bo Lind"):
        named(registry, name, "a2")
    ana = named(registry, "Ana Ruiz", "a2", [role("host"), role("presenter")])
    for name in ("Kim Park", "Ola Berg"):  # a3 shares names only with a1, where Ana is "the host", unnamed
        named(registry, name, "a3")
    presenter = unnamed(registry, "the presenter", "a3", role("presenter"))
    relink_entries(registry)
    assert registry.final_id(host) == ana and registry.final_id(presenter) == presenter


@pytest.mark.parametrize(
    ("run_on", "same"),
    [
        ("Philadelphia Rangers Fire", True),  # a headline ran a verb on after the club's name
        ("Philadelphia Rangers Supporters Association", False),  # another organisation, of its fans
    ],
)
def test_relink_joins_a_name_with_words_run_on_to_the_organisation_it_starts_with(run_on, same):
    registry = Registry()
    club = organisation(registry, "Philadelphia Rangers", "a1")
    headline = organisation(registry, run_on, "a2")
    relink_entries(registry)
    assert (registry.final_id(headline) == club) is same


@pytest.mark.parametrize(
    ("phrase", "key", "shortens"),
    [
        ("police", "vancouver police", True),
        ("vancouver police", "vancouver police department", False),  # not the name's last word
        ("detroit police", "troy police", False),  # a word the name lacks
        ("navies", "indian navy", False),  # written otherwise than the name writes it
        ("police", "police", False),  # the name itself, not a short form
    ],
)
def test_shortens_name_reads_a_nominal_as_the_end_of_an_organisation_name(phrase, key, shortens):
    from storyline.stages.entities.relink import shortens_name

    assert shortens_name(phrase, key) is shortens


def test_relink_joins_an_unnamed_group_to_the_organisation_whose_name_it_shortens():
    registry = Registry()
    named(registry, "Ana Ruiz", "a1")
    police = unnamed(registry, "the police", "a1", Description("police", "plural", phrase="police"), "ORG")
    named(registry, "Ana Ruiz", "a2")
    force = organisation(registry, "Riverton Police", "a2")
    relink_entries(registry)
    assert registry.final_id(police) == force


@pytest.mark.parametrize(("shared", "same"), [(("Ana Ruiz",), False), (("Ana Ruiz", "Tomas Berg"), True)])
def test_relink_joins_a_group_introduced_as_new_to_a_name_it_shortens_only_with_two_shared_names(shared, same):
    registry = Registry()
    for name in shared:
        named(registry, name, "a1")
    group = unnamed(registry, "a group", "a1", Description("group", "singular", phrase="group", indefinite=True), "ORG")
    for name in shared:
        named(registry, name, "a2")
    assault = organisation(registry, "Riverton Assault Group", "a2")
    relink_entries(registry)
    assert (registry.final_id(group) == assault) is same
