"""Registry at the end of a run -> entries the input order kept apart merged, as id aliases (the corpus pass).

The registry decides each article's ids when the article is read, so an early article's unnamed chain ("the
driver", "the Indian navy") is fixed before a later article names the person or organisation it describes.
Once every article is in, each unnamed entry is compared with the named entries as a whole: the name its
words spell, an age both give, or a role noun the named entry is described by in articles that share names
with its own. Each merge is recorded with its evidence; ambiguous ones (two named entries fit as well) are
recorded as kept apart. The merged entry's id becomes an alias of the kept one (Registry.final_id).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...ids import name_key
from .chains import SHARED_NAMES_FOR_A_NOUN, introduced, plural_for_a_person, says_no_more
from .descriptions import agreement, conflict
from .lexicon import FEMALE_WORDS, MALE_WORDS, ORG_NAME_WORDS, ORG_NOUNS
from .names import form_of
from .registry import name_by_vote
from .telling import shared_names
from .variants import pieces_of

if TYPE_CHECKING:
    from .registry import Entry, Registry


# A second named entry fitting an unnamed one by the same kind of evidence makes the match ambiguous unless
# the first shares more than this many times as many names with it. Over ECB+ dev: any rival at all kept
# apart: CoNLL F1 0.6528; 2, 4 or 8 times: 0.6546 (2 keeps "India's navy" with "Indian Navy" against a
# group once described as a navy).
RIVAL_SHARE = 2


# Words run on after an organisation's name that make another organisation ("University of Texas Arlington"
# + "Muslim Student Association", "Kennedy Space Center" + "Visitor Complex"): a unit of it, not it.
ORG_KINDS = ORG_NAME_WORDS | ORG_NOUNS | {"complex", "museum", "program", "programme", "project"}

NOUN_GENDERS = (("female", FEMALE_WORDS), ("male", MALE_WORDS))


@dataclass(frozen=True)
class Link:
    """Why an unnamed entry is taken to be a named one: the rank of the evidence and its words."""

    rank: tuple[int, int, int]  # evidence kind (user > name > age > role noun), shared names, description agreement
    reason: str


def relink_entries(registry: Registry) -> dict[str, str]:
    """Merge each unnamed entry into the one named entry its descriptions fit best, repeated until nothing
    changes (a merge adds descriptions to the named entry), then the relatives of one person. Returns
    id -> id it became."""
    changed = True
    while changed:
        changed = relink_short_names(registry) | relink_run_on_names(registry)
        for entry in [e for e in registry.entries.values() if not e.keys and not e.relative]:
            target, link = best_named_entry(registry, entry)
            if target is not None and link is not None:
                merge_entries(registry, entry, target, f"after the run: {link.reason}")
                changed = True
    relink_relatives(registry)
    return dict(registry.aliases)


def relink_relatives(registry: Registry) -> None:
    """Merge the unnamed relatives of one person: "his brother" in articles whose "his" was, when they were
    read, two entries the pass has since found to be one person. Two of one article stay apart (two brothers)."""
    groups: dict[tuple[str, str], list[Entry]] = {}
    for entry in list(registry.entries.values()):
        relatives = {(d.noun, registry.final_id(d.owner)) for d in entry.descriptions if d.owner}
        if not entry.keys and len(relatives) == 1:
            groups.setdefault(relatives.pop(), []).append(entry)
    for (noun, owner), entries in sorted(groups.items()):
        kept = entries[0]
        for entry in entries[1:]:
            if set(entry.articles) & set(kept.articles) or (gender_of(entry) or "") not in (
                "",
                gender_of(kept) or "",
            ):
                continue
            owner_name = registry.entries[owner].name if owner in registry.entries else owner
            merge_entries(
                registry,
                entry,
                kept,
                f"after the run: the same relative ('{noun.split(':')[1]}') of '{owner_name}'",
            )


def relink_short_names(registry: Registry) -> bool:
    """Merge an organisation known only by one word into the one organisation whose full name that word
    shortens ("Chargers": "San Diego Chargers"; "Academy": "Academy of Motion Picture Arts and Sciences"),
    when their articles share names and nothing (an article's recorded split, the user) set them apart.
    Registering an article refuses the join when the article itself names both: its clusters were not
    joined, but no rule said they differ. Returns whether anything was merged."""
    merged = False
    for short in [
        e
        for e in registry.entries.values()
        if e.type == "ORG" and e.keys and all(" " not in k for k in e.keys)
    ]:
        longer: dict[str, tuple[Entry, str]] = {}
        for key in sorted(short.keys):
            for entry in registry.candidates_of({key}):
                long_key = next((k for k in sorted(entry.keys) if shortens(key, k)), None)
                if entry.type == "ORG" and entry is not short and long_key:
                    longer[entry.id] = (entry, f"'{key}' is a short form of '{long_key}'")
        if len(longer) != 1:
            continue  # "Navy" beside "Indian Navy" and "U.S. Navy"
        ((long, reason),) = longer.values()
        if registry.split_by_user(short.keys, long.keys) or split_in_an_article(registry, short, long):
            continue
        if not set(short.articles) - set(long.articles):
            continue  # only ever beside the full name, never standing for it alone ("Home" by "Shadow Home")
        context = shared_names(registry, short, long)
        if context >= 1:
            merge_entries(
                registry, short, long, f"after the run: {reason}, in articles sharing {context} name(s)"
            )
            merged = True
    return merged


def relink_run_on_names(registry: Registry) -> bool:
    """Merge an organisation named once or twice, in one article, by a known organisation's full name with words run
    on after it, as a headline does ("Philadelphia 76ers Fire Coach": "Philadelphia 76ers"), into that
    organisation when it is the only one whose name it starts with. Returns whether anything was merged."""
    merged = False
    for entry in [
        e
        for e in registry.entries.values()
        if e.type == "ORG" and e.keys and len(e.articles) == 1 and e.mentions <= 2
    ]:
        starts: dict[str, tuple[Entry, str]] = {}
        for key in sorted(entry.keys):
            words = tuple(w.rstrip(".") for w in key.split())
            for other in registry.candidates_of({key}):
                if other is entry or other.type != "ORG":
                    continue
                for other_key in sorted(other.keys):
                    prefix = tuple(w.rstrip(".") for w in other_key.split())
                    if (
                        2 <= len(prefix) < len(words)
                        and words[: len(prefix)] == prefix
                        and not set(words[len(prefix) :]) & ORG_KINDS
                    ):
                        starts[other.id] = (other, f"'{key}' runs words on after '{other_key}'")
        if len(starts) == 1 and not any(
            registry.split_by_user(entry.keys, o.keys) for o, _ in starts.values()
        ):
            ((other, reason),) = starts.values()
            merge_entries(registry, entry, other, f"after the run: {reason}")
            merged = True
    return merged


def shortens(word: str, name: str) -> bool:
    """Whether one word is how news shortens an organisation's name: its last word ("Chargers"), or its
    first before "of" ("Academy" of "Academy of Motion Picture Arts and Sciences")."""
    words = name.split()
    return len(words) >= 2 and (words[-1] == word or (words[0] == word and words[1] == "of"))


def split_in_an_article(registry: Registry, one: Entry, other: Entry) -> bool:
    """Whether an article recorded a split between a name of one entry and a name of the other."""
    for decision in registry.decisions:
        if decision["kind"] != "split":
            continue
        names = {name_key(n) for n in decision["names"]}
        if names & one.keys and names & other.keys:
            return True
    return False


def best_named_entry(registry: Registry, unnamed: Entry) -> tuple[Entry | None, Link | None]:
    """The named entry an unnamed one is, or None when none fits or two fit equally well (then the tie is
    recorded: namesakes by description are not guessed between)."""
    descriptions = unnamed.descriptions
    phrases = {d.phrase for d in descriptions if " " in d.phrase}
    found: list[tuple[Entry, Link]] = []
    words = names_of(unnamed)
    lemmas = {d.lemma for d in descriptions if d.lemma}  # "the police" may shorten "New York Police"
    for entry in registry.candidates_of(
        phrases | lemmas | {registry.merges[w] for w in words if w in registry.merges},
        (p for d in descriptions for p in d.pieces),
    ):
        if entry is unnamed or not entry.keys or entry.relative or registry.split_by_user(words, entry.keys):
            continue
        by_user = registry.merged_by_user(words, entry.keys) if registry.merges else ""
        link = (
            Link((4, 0, 0), f"merged by the user ({by_user})")
            if by_user
            else link_of(registry, unnamed, entry, phrases)
        )
        if link is not None:
            found.append((entry, link))
    if not found:
        return None, None
    found.sort(key=lambda pair: pair[1].rank, reverse=True)
    best, link = found[0]
    rivals = [
        entry.name
        for entry, other in found[1:]
        if other.rank[0] == link.rank[0] and other.rank[1] * RIVAL_SHARE >= link.rank[1]
    ]
    if rivals:
        note = f"after the run: '{unnamed.name}' fits '{best.name}' and '{rivals[0]}' alike ({link.reason}); kept apart"
        decision = {
            "article": unnamed.articles[0],
            "kind": "split",
            "names": [unnamed.name, best.name],
            "reason": note,
        }
        if decision not in registry.decisions:
            registry.decisions.append(decision)
        return None, None
    return best, link


def shortens_name(phrase: str, key: str) -> bool:
    """Whether a nominal's words shorten an organisation's name: the name's last word, written as the name
    writes it, with no word the name lacks ("the police" and "the Vancouver police" of "Vancouver Police";
    not "the Detroit police", nor "foreign navies" of "Indian Navy")."""
    words, name = phrase.split(), key.split()
    return (
        len(name) >= 2 and bool(words) and words[-1] == name[-1] and set(words) <= set(name) and phrase != key
    )


def names_of(unnamed: Entry) -> set[str]:
    """What a user calls an unnamed entry in `entities merge/split`: the words of its first mention, with
    or without its article ("the driver", "driver")."""
    return {name_key(unnamed.name), form_of(unnamed.name).key}


def link_of(registry: Registry, unnamed: Entry, named: Entry, phrases: set[str]) -> Link | None:
    """The evidence that an unnamed entry is a named one, by an ordered sieve; None when nothing says so or
    something says not (another type, gender, age or count)."""
    spelled = sorted(phrases & named.keys)
    if spelled:
        return Link((3, 0, 0), f"'{spelled[0]}' is its name")
    if (unnamed.type == "PERSON") != (named.type == "PERSON"):
        return None
    mine, theirs = gender_of(unnamed), gender_of(named)
    if mine and theirs and mine != theirs:
        return None
    pairs = [(mine, theirs) for mine in unnamed.descriptions for theirs in named.descriptions]
    if any(conflict(mine, theirs, mine.noun == theirs.noun) for mine, theirs in pairs):
        return None
    context = shared_names(registry, unnamed, named)
    ages = sorted({age for mine, theirs in pairs for age in mine.ages & theirs.ages})
    if ages:
        return Link((2, context, len(ages)), f"same age {ages[0]}")
    # "a group" is some group, not the one whose name ends in "Group" unless the story is plainly the same.
    needed = SHARED_NAMES_FOR_A_NOUN if introduced(unnamed.descriptions) else 1
    if unnamed.type != "PERSON" and named.type == "ORG" and context >= needed:
        shortened = sorted(
            (d.phrase, key)
            for d in unnamed.descriptions
            for key in named.keys
            if shortens_name(d.phrase, key)
        )
        if shortened:
            phrase, key = shortened[0]
            return Link(
                (1, context, 0), f"'{phrase}' shortens the name '{key}' in articles sharing {context} name(s)"
            )
    same_noun = [(mine, theirs) for mine, theirs in pairs if mine.lemma and mine.noun == theirs.noun]
    if plural_for_a_person(named.type, same_noun):
        return None
    if not same_noun or context < SHARED_NAMES_FOR_A_NOUN:
        return None  # a role noun alone is everyone's: "the driver" of another story
    if set(unnamed.articles) & set(named.articles) and (
        unnamed.contrasted or not all(says_no_more(mine, named.descriptions) for mine, _ in same_noun)
    ):
        return None  # one article that kept them apart and tells them apart ("a rebel leader", "the leader")
    score = max(agreement(mine, theirs) for mine, theirs in same_noun)
    return Link(
        (1, context, score), f"same role noun '{same_noun[0][0].lemma}' in articles sharing {context} name(s)"
    )


def gender_of(entry: Entry) -> str | None:
    """An entry's gender: what its nouns say ("a woman", "his mother") before the vote of the pronouns
    linked to it, one wrong "he" of which can outvote a chain that only ever says "the woman"."""
    said = {gender for d in entry.descriptions for gender, words in NOUN_GENDERS if d.lemma in words}
    return said.pop() if len(said) == 1 else entry.gender


def merge_entries(registry: Registry, gone: Entry, kept: Entry, reason: str) -> None:
    """Fold one entry into another: its names, mentions, articles, roles and descriptions; its id becomes
    an alias of the kept one."""
    registry.decisions.append(
        {
            "article": gone.articles[0] if gone.articles else "",
            "kind": "merge",
            "names": [gone.name, kept.name],
            "reason": reason,
        }
    )
    registry.index_entry(kept, gone.keys - kept.keys, gone.descriptions)
    kept.keys |= gone.keys
    kept.surfaces |= gone.surfaces
    kept.mentions += gone.mentions
    kept.articles.extend(a for a in gone.articles if a not in kept.articles)
    kept.named_articles |= gone.named_articles
    kept.roles.extend(gone.roles)
    kept.descriptions.extend(d for d in gone.descriptions if d not in kept.descriptions)
    kept.gender_votes.update(gone.gender_votes)
    if gone.keys and gone.type == kept.type:  # an unnamed entry's "a driver" is no name
        kept.name_votes.update(gone.name_votes)
    if kept.name_votes:
        kept.name = name_by_vote(kept.name_votes)
    if kept.gender_votes:
        kept.gender = max(sorted(kept.gender_votes), key=kept.gender_votes.__getitem__)
    kept.relative = kept.relative or gone.relative
    pieces = {p for key in gone.keys for p in pieces_of(key)} | {
        p for d in gone.descriptions for p in d.pieces
    }
    for piece in pieces:
        registry.index.get(piece, set()).discard(gone.id)
    for article in gone.articles:
        ids = registry.named_in.get(article, set())
        if gone.id in ids:
            ids.discard(gone.id)
            if kept.id not in ids:
                ids.add(kept.id)
                registry.naming[kept.id] += 1
    registry.naming.pop(gone.id, None)
    del registry.entries[gone.id]
    registry.aliases[gone.id] = kept.id
    for old, new in registry.aliases.items():
        if new == gone.id:
            registry.aliases[old] = kept.id
