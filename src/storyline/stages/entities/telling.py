"""The names that tell an article's story: a run's record of the named entities each article mentions (the
registry's named_in and naming) -> those that say which story it tells, and how many two articles share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .registry import Entry, Registry

# Runs shorter than this have no background: every name may be the story's.
BACKGROUND_RUN = 6
# Types of named entity that say which story an article tells (telling_names). A named ship tells it as a
# person does: once ships were typed PRODUCT, not PERSON, ECB+ dev topic 12 (a navy ship and pirates) lost
# its cross-article "pirates" joins with PERSON and ORG alone (CoNLL F1 0.678 -> 0.646; with PRODUCT 0.678).
# Events are background shared by unrelated stories (one games named in two GUM interviews): with EVENT
# too, GUM documents run together made 16 false unnamed joins against 13.
TELLING_TYPES = ("PERSON", "ORG", "PRODUCT")


def note_named(registry: Registry, entry: Entry, article_id: str) -> None:
    """Record that the article names the entry: once per article, however many of its chains do."""
    named = registry.named_in.setdefault(article_id, set())
    if entry.id not in named:
        named.add(entry.id)
        registry.naming[entry.id] += 1


def telling_names(registry: Registry, ids: Iterable[str]) -> set[str]:
    """The named entities that say which story an article tells: people, organisations and named things
    (a ship; not events, nor the places and nationalities the registry also holds), and not named in more
    than half the run's articles once it has BACKGROUND_RUN of them (the publisher's own name, the country
    most of its stories happen in: over the 43 GUM Wikinews documents run together these made most of
    the shared names behind false joins)."""
    kept = {i for i in ids if i in registry.entries and registry.entries[i].type in TELLING_TYPES}
    if len(registry.named_in) >= BACKGROUND_RUN:
        kept = {i for i in kept if registry.naming[i] * 2 <= len(registry.named_in)}
    return kept


def shared_context(registry: Registry, entry: Entry, article_id: str) -> int:
    """How many named entities the article shares with the articles of an entry (the entry aside):
    of two drivers in a corpus, the one whose articles name the same town and victim."""
    here = telling_names(registry, registry.named_in.get(article_id, set()))
    there = set().union(*(registry.named_in.get(a, set()) for a in entry.articles))
    return len((here & there) - {entry.id})


def shared_names(registry: Registry, unnamed: Entry, named: Entry) -> int:
    """How many named entities (the named entry aside) the unnamed entry's articles share with the articles
    that name the named entry: of two drivers in a corpus, the one whose articles name the same victim.
    Articles it only holds through chains merged into it do not count, or each merge would widen the next
    (over the 59 bench articles a story's "guerrilla group" reached a GUM article's organisation that way;
    ECB+ dev unchanged)."""
    here = set().union(*(registry.named_in.get(a, set()) for a in unnamed.articles))
    naming = (a for a in named.articles if named.id in registry.named_in.get(a, ()))
    there = set().union(*(registry.named_in.get(a, set()) for a in naming))
    return len(telling_names(registry, here & there) - {named.id})
