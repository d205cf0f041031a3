"""Per-article clusters -> run-wide entity ids: one id per person or organisation across every article.

The registry lives in RunContext.memory["entities"]. It is filled in input order and is deterministic:
the same articles in the same order always get the same ids. User corrections (merge two names, split
two names) can be given when the registry is created; they are applied on every rebuild. What the input
order decided too early (an article's "the driver" before a later one names the driver) is revised once
the run is in by the corpus pass (relink.py), whose merges become `aliases` (final_id).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ...ids import entity_id, name_key
from .chains import (
    SHARED_NAMES_FOR_A_NOUN,
    contrasted,
    generic,
    introduced,
    is_relative,
    plural_for_a_person,
    says_no_more,
)
from .clusters import Cluster, Decision
from .descriptions import Description, agreement, conflict, share_specifics, told_apart
from .explanations import explain  # noqa: F401  (the package imports it from here)
from .names import compare_person_names, form_of
from .telling import note_named, shared_context, telling_names
from .variants import fits_acronym, pieces_of, spelling_variant


@dataclass
class Entry:
    id: str
    name: str
    type: str
    keys: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)
    roles: list[tuple[str, int, int, str, str]] = field(default_factory=list)  # (article, start, end, text, kind)
    gender: str | None = None  # the gender most of its clusters gave
    gender_votes: Counter = field(default_factory=Counter, repr=False)
    relative: bool = False
    surfaces: set[str] = field(default_factory=set)  # names as written: folded keys lose "CPCA"'s capitals
    descriptions: list[Description] = field(default_factory=list)  # what its nominal mentions said of it
    name_votes: Counter = field(default_factory=Counter, repr=False)  # each article's name for it
    contrasted: bool = False  # a chain of it was set against someone ("another candidate")
    named_articles: set[str] = field(default_factory=set)  # the articles where a chain of it has a name


# An unnamed chain joins an entity by its role noun only when its article shares this many named entities
# with the entity's articles: "the host" of one ceremony is not the host of another. Over ECB+ dev (whose
# topics mix two stories) joining named entities with 2: CoNLL F1 0.588, with 1: 0.582, never: 0.586;
# then the same for unnamed groups: 0.588 -> 0.591 (1: 0.589). Swept again once descriptions were joined
# to the names they describe within articles (introductions.py): 1: 0.6222, 2: 0.6180, 3: 0.6185, no
# topic lower with 1 than with 2; the reference story keeps 0 false merges.
SHARED_NAMES_FOR_A_ROLE = 1
# A chain that opens by introducing someone ("a professor", "critics") joins another article's entity by
# its head noun only when the articles share this many telling names (telling.py), or a count, age or
# place. Over the GUM Wikinews documents run together (43 unrelated stories) with the telling names:
# joins of unnamed chains across documents 104 -> 38; ECB+ dev CoNLL F1 0.7042 -> 0.7029 (never on the
# noun alone: 0.6803, ECB+ articles each introduce "a gunman" anew).
SHARED_NAMES_FOR_A_NEW_ONE = 2


def name_by_vote(votes: Counter) -> str:
    """The name an entity goes by: the full name (two words or more) most articles call it, so a headline
    that ran the name into its neighbours ("Why the Jury Picked Nora Vance") does
    not rename it; the longer name on a tie, then the first given."""
    return max(votes, key=lambda name: (len(form_of(name).words) >= 2, votes[name], len(form_of(name).words)))


def surfaces_of(cluster: Cluster) -> set[str]:
    return {m.name for m in cluster.mentions if m.kind == "name"}


@dataclass
class Registry:
    entries: dict[str, Entry] = field(default_factory=dict)
    votes: dict[str, Counter] = field(default_factory=dict)  # folded name -> type tallies over the run
    decisions: list[dict] = field(default_factory=list)
    merges: dict[str, str] = field(default_factory=dict)  # user correction: folded name -> folded name
    splits: set[frozenset[str]] = field(default_factory=set)  # user correction: never one entity
    # split pair -> the name the user set apart (`split NAME --from OTHER` moves NAME, OTHER stays)
    split_moves: dict[frozenset[str], str] = field(default_factory=dict)
    article_keys: set[str] = field(default_factory=set, repr=False)  # names of the article being registered
    named_in: dict[str, set[str]] = field(default_factory=dict)  # article -> ids of the named entries it mentions
    # piece of a key -> ids of entries holding it, so `find` compares a new cluster only with the entries
    # that could match instead of all of them (407k name comparisons over the 59 bench articles before, 2.4k after).
    index: dict[str, set[str]] = field(default_factory=dict, repr=False)
    order: dict[str, int] = field(default_factory=dict, repr=False)  # entry id -> position in self.entries
    aliases: dict[str, str] = field(default_factory=dict)  # id of an entry merged after the run -> id it became
    naming: Counter = field(default_factory=Counter, repr=False)  # entry id -> how many articles name it

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            self.index_entry(entry, entry.keys, entry.descriptions)

    def final_id(self, id_: str) -> str:
        """The id an entity has once the run is over: ids the corpus pass merged point to the kept entry."""
        return self.aliases.get(id_, id_)

    def index_entry(self, entry: Entry, keys: set[str], descriptions: Sequence[Description] = ()) -> None:
        self.order.setdefault(entry.id, len(self.order))
        for piece in {p for key in keys for p in pieces_of(key)} | {p for d in descriptions for p in d.pieces}:
            self.index.setdefault(piece, set()).add(entry.id)

    def candidates_of(self, keys: set[str], nouns: Iterable[str] = ()) -> list[Entry]:
        """The entries sharing a name piece with keys or a described noun, in the order of self.entries
        so ties resolve as before."""
        ids: set[str] = set()
        for piece in {p for key in keys for p in pieces_of(key)} | set(nouns):
            ids |= self.index.get(piece, set())
        return [self.entries[i] for i in sorted(ids, key=self.order.__getitem__)]

    @classmethod
    def with_corrections(cls, merges=(), splits=()) -> Registry:
        """Corrections as the store keeps them: merges (NAME, INTO) and splits (NAME, FROM), raw names."""
        return cls(
            merges={name_key(a): name_key(b) for a, b in merges},
            splits={frozenset((name_key(a), name_key(b))) for a, b in splits},
            split_moves={frozenset((name_key(a), name_key(b))): name_key(a) for a, b in splits},
        )

    def keys_of(self, cluster: Cluster) -> set[str]:
        keys = set(cluster.keys)
        return keys | {self.merges[k] for k in keys if k in self.merges}

    def split_by_user(self, keys: set[str], other_keys: set[str]) -> bool:
        return any(frozenset((a, b)) in self.splits for a in keys for b in other_keys)

    def merged_by_user(self, keys: set[str], other_keys: set[str]) -> str:
        """The user's merge joining two sets of names ('a' -> 'b'), or ''."""
        for key in sorted(keys):
            if self.merges.get(key) in other_keys:
                return f"'{key}' -> '{self.merges[key]}'"
        for key in sorted(other_keys):
            if self.merges.get(key) in keys:
                return f"'{key}' -> '{self.merges[key]}'"
        return ""

    def find(self, cluster: Cluster, keys: set[str], article_id: str) -> tuple[Entry | None, str]:
        candidates: list[tuple[int, Entry, str]] = []
        for entry in self.candidates_of(keys):
            if self.split_by_user(keys, entry.keys):
                continue
            by_user = self.merged_by_user(keys, entry.keys) if self.merges else ""
            if by_user:
                # The user's word wins over the article's own evidence and over the types.
                candidates.append((3, entry, f"merged by the user ({by_user})"))
                continue
            if article_id in entry.articles:
                continue  # the article's own clusters were already kept apart on its own evidence
            shared = keys & entry.keys
            # A full name typed PERSON here and ORG there is one mistyped entity ("Indian Navy"), a bare
            # word is not ("Jordan"). ECB+ dev CoNLL F1 0.573 -> 0.581.
            if (entry.type == "PERSON") != (cluster.type == "PERSON") and not any(len(k.split()) >= 2 for k in shared):
                continue
            if shared:
                candidates.append((2, entry, f"same name '{sorted(shared)[0]}'"))
                continue
            if is_relative(cluster) or entry.relative:
                # A relative introduced as "his father, X" joins another article's entity only by its full name.
                continue
            reason = self.variant_reason(cluster, keys, entry)
            if reason:
                candidates.append((1, entry, reason))
        if not candidates:
            return None, ""
        best = max(candidates, key=lambda c: (c[0], c[1].mentions))
        if len([c for c in candidates if c[0] == best[0]]) > 1:
            others = [c[1].name for c in candidates if c[0] == best[0] and c[1] is not best[1]]
            return best[1], f"{best[2]}; the most mentioned of the namesakes (not {', '.join(sorted(others))})"
        return best[1], best[2]

    def variant_reason(self, cluster: Cluster, keys: set[str], entry: Entry) -> str:
        if cluster.type != "PERSON":
            return self.acronym_reason(surfaces_of(cluster), entry.surfaces) or self.short_form_reason(cluster, keys, entry)
        # Compare full names with full names: a surname key of one entity says nothing about a namesake.
        longest = max(len(k.split()) for k in keys)
        entry_longest = max(len(k.split()) for k in entry.keys)
        # Sorted: the reason names the keys it compared, and set order varies with PYTHONHASHSEED.
        for key in sorted(k for k in keys if len(k.split()) == longest):
            mine = form_of(key)
            for other_key in sorted(k for k in entry.keys if len(k.split()) == entry_longest):
                other = form_of(other_key)
                short, long = (mine, other) if len(mine.words) <= len(other.words) else (other, mine)
                verdict = compare_person_names(short, long)
                if verdict is not None and verdict.same and verdict.reason != "same name":
                    return verdict.reason
                reason = spelling_variant(short.words, long.words)
                if reason:
                    return reason
        return ""

    def short_form_reason(self, cluster: Cluster, keys: set[str], entry: Entry) -> str:
        """An organisation called by the last word of its full name in another article ("Chargers" for
        "San Diego Chargers"), only when no other known organisation's name ends with that word ("Navy"
        stays alone beside "Indian Navy" and "U.S. Navy"). The first word is no such form: "Portland"
        is a city before it is the Portland Trail Blazers."""
        if cluster.type != "ORG" or entry.type != "ORG":
            return ""
        elsewhere = self.article_keys - keys  # names the article gave to its other clusters
        for short_keys, long_keys in ((keys, entry.keys), (entry.keys, keys)):
            for word in sorted(k for k in short_keys if " " not in k):
                longer = sorted(k for k in long_keys if len(k.split()) >= 2 and k.split()[-1] == word)
                if not longer or not self.organisations_ending_with(word) <= {entry.id}:
                    continue
                # An article that names both apart ("Chargers" beside "San Diego Chargers") keeps its own split.
                if word not in elsewhere and not elsewhere & set(longer):
                    return f"'{word}' is a short form of '{longer[0]}'"
        return ""

    def organisations_ending_with(self, word: str) -> set[str]:
        return {
            i for i in self.index.get(word, set())
            if self.entries[i].type == "ORG" and any(len(k.split()) >= 2 and k.split()[-1] == word for k in self.entries[i].keys)
        }

    def acronym_reason(self, surfaces: set[str], entry_surfaces: set[str]) -> str:
        """An acronym joins its expansion across articles. The test reads names as written: a folded key
        has lost the capitals that tell the acronym "WHO" from the word "who"."""
        for surface in sorted(surfaces):
            mine = form_of(surface)
            for other_surface in sorted(entry_surfaces):
                other = form_of(other_surface)
                if fits_acronym(mine, other, surfaces) or fits_acronym(other, mine, entry_surfaces):
                    return f"acronym: '{surface}' ~ '{other_surface}'"
        return ""

    def register(self, cluster: Cluster, article_id: str, descriptions: Sequence[Description] = ()) -> str:
        """The run-wide id of a cluster, creating an entry when no known entity fits. `descriptions` are
        what the cluster's shareable nominal mentions say of it ("a 61-year-old former employee")."""
        keys = self.keys_of(cluster)
        if not keys:
            return self.register_unnamed(cluster, article_id, descriptions)
        entry, reason = self.find(cluster, keys, article_id)
        if entry is None and any(d.ages for d in descriptions):
            # "Mina Okafor, 59" names the "59-year-old woman" of earlier articles.
            entry, reason = self.find_described(cluster, descriptions, article_id, unnamed_only=True)
            if entry is not None:
                entry.name = cluster.name  # the group or person described so far now has a name
        if entry is None:
            entry = self.create(cluster)
        elif not keys <= entry.keys:
            self.decisions.append(
                {"article": article_id, "kind": "merge", "names": [cluster.name, entry.name], "reason": f"across articles: {reason}"}
            )
        self.index_entry(entry, keys - entry.keys, descriptions)
        entry.keys |= keys
        entry.surfaces |= surfaces_of(cluster)
        if cluster.type == entry.type:
            entry.name_votes[cluster.name] += 1
            entry.name = name_by_vote(entry.name_votes)
        self.add_cluster(entry, cluster, article_id, descriptions)
        return entry.id

    def add_cluster(self, entry: Entry, cluster: Cluster, article_id: str, descriptions: Sequence[Description]) -> None:
        entry.mentions += len(cluster.mentions)
        if article_id not in entry.articles:
            entry.articles.append(article_id)
        if cluster.keys:
            entry.named_articles.add(article_id)
        # By vote: one article's wrong pronoun link ("he" on a woman named beside the driver) must not
        # decide it for the run (ECB+ dev CoNLL F1 0.6154 -> 0.6180 with the possessor rule of is_relative).
        if cluster.gender:
            entry.gender_votes[cluster.gender] += 1
            entry.gender = max(sorted(entry.gender_votes), key=entry.gender_votes.__getitem__)
        entry.relative = entry.relative or is_relative(cluster)
        entry.contrasted = entry.contrasted or contrasted(cluster)
        entry.roles.extend((article_id, r.start, r.end, r.text, r.kind) for r in cluster.roles)
        # Each different description once: "a woman" said in 300 articles is one thing to compare with.
        entry.descriptions.extend(d for d in dict.fromkeys(descriptions) if d not in entry.descriptions)
        if entry.keys:
            note_named(self, entry, article_id)

    def register_unnamed(self, cluster: Cluster, article_id: str, descriptions: Sequence[Description] = ()) -> str:
        """A chain with no name ("the pirates", "the host"): in a corpus about one story, a chain in another
        article described by the same noun with no count, age or place against it is taken to be the same
        group or person (ECB+ dev cross-document CoNLL F1 0.531 -> 0.570 for the bare noun against keeping
        them apart). Possessed, quoted and pronoun-only chains have no description and stay with their article."""
        if generic(cluster):
            descriptions = ()
        if not descriptions:
            first = min(m.start for m in cluster.mentions)
            return entity_id(cluster.type, f"{article_id}:{first}:{cluster.mentions[0].text}")
        entry, reason = self.find_described(cluster, descriptions, article_id)
        if entry is None:
            entry = self.create(cluster, f"role:{descriptions[0].lemma}:{descriptions[0].number}")
        else:
            self.decisions.append(
                {"article": article_id, "kind": "merge", "names": [cluster.name, entry.name], "reason": f"across articles: {reason}"}
            )
        self.index_entry(entry, set(), descriptions)
        self.add_cluster(entry, cluster, article_id, descriptions)
        return entry.id

    def find_described(
        self, cluster: Cluster, descriptions: Sequence[Description], article_id: str, unnamed_only: bool = False
    ) -> tuple[Entry | None, str]:
        """The entry a chain's descriptions fit, by an ordered sieve: the entry named by the very words of
        its nominal ("the Indian navy" for "Indian Navy"); a person of the same age ("a 59-year-old
        woman", "Mina Okafor, 59", the same article included); the entry whose nominals share its head
        noun, named ones first when their articles share names with this one (a named entity of the same
        article only as CONTRASTIVE_WORDS' note says), then by shared modifiers and size. Nothing joins against a different age or (same noun) count. `unnamed_only`: a name
        looking for the unnamed entry it names, by age alone."""
        # Only a phrase of two words or more spells a name: "host" alone is a noun, even where a headline
        # made it a name ("Oscar Host").
        phrases = {d.phrase for d in descriptions if " " in d.phrase}
        candidates: list[tuple[tuple[int, int, int, int], Entry, str]] = []
        for entry in self.candidates_of(phrases, (p for d in descriptions for p in d.pieces)):
            if entry.relative or (unnamed_only and entry.keys):
                continue
            here = article_id in entry.articles  # the article's own other groups, or its named entities
            named = sorted(phrases & entry.keys)
            if named and not here:
                candidates.append(((4, 0, 0, entry.mentions), entry, f"'{named[0]}' is its name"))
                continue
            if (entry.type == "PERSON") != (cluster.type == "PERSON") or (here and not entry.keys):
                continue
            if cluster.gender and entry.gender and cluster.gender != entry.gender:
                continue
            pairs = [(mine, theirs) for mine in descriptions for theirs in entry.descriptions]
            if any(conflict(mine, theirs, mine.noun == theirs.noun) for mine, theirs in pairs):
                continue
            context = shared_context(self, entry, article_id)
            ages = sorted({age for mine, theirs in pairs for age in mine.ages & theirs.ages})
            if ages:
                candidates.append(((3, context, len(ages), entry.mentions), entry, f"same age {ages[0]}"))
                continue
            same_noun = [(mine, theirs) for mine, theirs in pairs if mine.lemma and mine.noun == theirs.noun]
            if not same_noun:
                continue
            if entry.keys and plural_for_a_person(entry.type, same_noun):
                continue
            if here and (contrasted(cluster) or not all(says_no_more(mine, entry.descriptions) for mine, _ in same_noun)):
                continue
            needed = SHARED_NAMES_FOR_A_NOUN if entry.keys else SHARED_NAMES_FOR_A_ROLE
            if context < needed and (entry.keys or telling_names(self, self.named_in.get(article_id, ()))):
                continue  # another story's driver; an article naming no one who tells its story has only the noun
            if introduced(descriptions) and context < SHARED_NAMES_FOR_A_NEW_ONE and not any(share_specifics(m, t) for m, t in same_noun):
                continue  # "a professor" is someone new to the reader, not the professor of another story
            if introduced(descriptions) and entry.keys and all(told_apart(mine, theirs) for mine, theirs in same_noun):
                continue  # "a militia commander" is someone new, not the general once "the veteran commander"
            score = max(agreement(mine, theirs) for mine, theirs in same_noun)
            rank = 2 if entry.keys else 1
            candidates.append(((rank, context, score, entry.mentions), entry, f"same role noun '{same_noun[0][0].lemma}'"))
        if unnamed_only:
            candidates = [c for c in candidates if c[0][0] == 3]
        if not candidates:
            return None, ""
        best = max(candidates, key=lambda c: c[0])
        return best[1], best[2]

    def create(self, cluster: Cluster, label: str = "") -> Entry:
        label = label or cluster.name
        new_id = entity_id(cluster.type, label)
        suffix = 2
        while new_id in self.entries:  # a namesake: same name, different entity
            new_id = entity_id(cluster.type, f"{label}#{suffix}")
            suffix += 1
        entry = Entry(id=new_id, name=cluster.name, type=cluster.type)
        self.entries[new_id] = entry
        self.index_entry(entry, entry.keys)
        return entry

    def note(self, article_id: str, decisions: list[Decision], text: str) -> None:
        for decision in decisions:
            context = text[max(0, decision.at - 60) : decision.at + 60].replace("\n", " ")
            self.decisions.append(
                {
                    "article": article_id,
                    "kind": decision.kind,
                    "names": list(decision.names),
                    "reason": decision.reason,
                    "evidence": context,
                }
            )

    def known_words(self) -> dict[str, str]:
        """Single words that name exactly one person or organisation of the run so far (surnames, one-word
        names), for finding them where spaCy missed them in later articles."""
        owners: dict[str, set[str]] = {}
        types: dict[str, str] = {}
        for entry in self.entries.values():
            if entry.type not in ("PERSON", "ORG"):
                continue
            for key in entry.keys:
                words = key.split()
                word = words[-1] if entry.type == "PERSON" and len(words) > 1 else (words[0] if len(words) == 1 else None)
                if word:
                    owners.setdefault(word, set()).add(entry.id)
                    types[word] = entry.type
        return {w: types[w] for w, ids in owners.items() if len(ids) == 1}

    def add_votes(self, tallies: dict[str, Counter]) -> None:
        for key, tally in tallies.items():
            self.votes.setdefault(key, Counter()).update(tally)


def registry_of(memory: dict) -> Registry:
    registry = memory.get("entities")
    if not isinstance(registry, Registry):
        registry = Registry()
        memory["entities"] = registry
    return registry
