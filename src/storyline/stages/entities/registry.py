"""Per-article clusters -> run-wide entity ids: one id per person or organisation across every article.

The registry lives in RunContext.memory["entities"]. It is filled in input order and is deterministic:
the same articles in the same order always get the same ids. User corrections (merge two names, split
two names) can be given when the registry is created; they are applied on every rebuild.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ...ids import entity_id, name_key
from .clusters import Cluster, Decision
from .names import NameForm, compare_person_names, form_of, initials, is_acronym_of


@dataclass
class Entry:
    id: str
    name: str
    type: str
    keys: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)
    roles: list[tuple[str, int, int, str, str]] = field(default_factory=list)  # (article, start, end, text, kind)
    gender: str | None = None
    relative: bool = False
    surfaces: set[str] = field(default_factory=set)  # names as written: folded keys lose "WOLA"'s capitals


def surfaces_of(cluster: Cluster) -> set[str]:
    return {m.name for m in cluster.mentions if m.kind == "name"}


def fits_acronym(acronym: NameForm, expansion: NameForm, acronym_side: set[str]) -> bool:
    """Whether an acronym from one article stands for a name from another. Two letters are too few:
    over the 59 bench articles 7 of the 8 two-letter matches were wrong ("CC" for "Comic Corps", "Cape
    Canaveral" and "Catholic Church"). A long name already on the acronym's side must spell the same
    letters ("Recognised" and "Recognized"), so one set of letters does not collect unrelated names."""
    if len(acronym.key) < 3 or not is_acronym_of(acronym, expansion):
        return False
    long_names = [form_of(surface) for surface in acronym_side if len(form_of(surface).words) >= 2]
    return all(is_acronym_of(acronym, name) for name in long_names)


def is_relative(cluster: Cluster) -> bool:
    return any(role.kind == "kinship" for role in cluster.roles)


def pieces_of(key: str) -> set[str]:
    """Every string two keys must share for `Registry.variant_reason` to join them: the key itself, its
    words, the hyphen parts of its words (a surname variant such as "sanchez garzoli" shares no whole word
    with "sanchez-garzoli"), and the initials of a longer name (an acronym shares no word with its
    expansion). A superset is safe: it only decides which entries are compared at all."""
    words = form_of(key).words
    pieces = {key, *key.split(), *words}
    pieces.update(part for word in words for part in word.split("-") if part)
    if len(words) >= 2:
        pieces.update((initials(words, True), initials(words, False)))
    return pieces


@dataclass
class Registry:
    entries: dict[str, Entry] = field(default_factory=dict)
    votes: dict[str, Counter] = field(default_factory=dict)  # folded name -> type tallies over the run
    decisions: list[dict] = field(default_factory=list)
    merges: dict[str, str] = field(default_factory=dict)  # user correction: folded name -> folded name
    splits: set[frozenset[str]] = field(default_factory=set)  # user correction: never one entity
    # split pair -> the name the user set apart (`split NAME --from OTHER` moves NAME, OTHER stays)
    split_moves: dict[frozenset[str], str] = field(default_factory=dict)
    roles_used: set[tuple[str, str]] = field(default_factory=set)  # (article, role noun) given a shared id
    # piece of a key -> ids of entries holding it, so `find` compares a new cluster only with the entries
    # that could match instead of all of them (407k name comparisons over the 59 bench articles before, 2.4k after).
    index: dict[str, set[str]] = field(default_factory=dict, repr=False)
    order: dict[str, int] = field(default_factory=dict, repr=False)  # entry id -> position in self.entries

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            self.index_entry(entry, entry.keys)

    def index_entry(self, entry: Entry, keys: set[str]) -> None:
        self.order.setdefault(entry.id, len(self.order))
        for key in keys:
            for piece in pieces_of(key):
                self.index.setdefault(piece, set()).add(entry.id)

    def candidates_of(self, keys: set[str]) -> list[Entry]:
        """The entries sharing a piece with keys, in the order of self.entries so ties resolve as before."""
        ids: set[str] = set()
        for key in keys:
            for piece in pieces_of(key):
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
            if (entry.type == "PERSON") != (cluster.type == "PERSON"):
                continue
            if article_id in entry.articles:
                continue  # the article's own clusters were already kept apart on its own evidence
            shared = keys & entry.keys
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
            return self.acronym_reason(surfaces_of(cluster), entry.surfaces)
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
        return ""

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

    def register(self, cluster: Cluster, article_id: str) -> str:
        """The run-wide id of a cluster, creating an entry when no known entity fits."""
        keys = self.keys_of(cluster)
        if not keys:
            return self.register_unnamed(cluster, article_id)
        entry, reason = self.find(cluster, keys, article_id)
        if entry is None:
            entry = self.create(cluster)
        elif not keys <= entry.keys:
            self.decisions.append(
                {"article": article_id, "kind": "merge", "names": [cluster.name, entry.name], "reason": f"across articles: {reason}"}
            )
        self.index_entry(entry, keys - entry.keys)
        entry.keys |= keys
        entry.surfaces |= surfaces_of(cluster)
        entry.mentions += len(cluster.mentions)
        if article_id not in entry.articles:
            entry.articles.append(article_id)
        if len(form_of(cluster.name).words) > len(form_of(entry.name).words) and cluster.type == entry.type:
            entry.name = cluster.name
        entry.gender = entry.gender or cluster.gender
        entry.relative = entry.relative or is_relative(cluster)
        entry.roles.extend((article_id, r.start, r.end, r.text, r.kind) for r in cluster.roles)
        return entry.id

    def register_unnamed(self, cluster: Cluster, article_id: str) -> str:
        """A chain with no name ("the pirates", "the host"): in a corpus about one story, the same role noun
        in another article is taken to be the same group or person (ECB+ dev cross-document CoNLL F1
        0.531 -> 0.570 against keeping indefinite ones apart); it never joins a named entity. Possessed,
        quoted and pronoun-only chains stay with their article."""
        nominals = [m for m in cluster.mentions if m.kind == "nominal"]
        shared = [
            m for m in nominals
            if m.features.get("possessive") != "yes" and m.features.get("quoted") != "yes"
        ]
        first = min(m.start for m in cluster.mentions)
        local = entity_id(cluster.type, f"{article_id}:{first}:{cluster.mentions[0].text}")
        if not shared:
            return local
        role = f"role:{shared[0].features.get('lemma', '')}:{shared[0].features.get('number', '')}"
        if (article_id, role) in self.roles_used:
            return local  # the article kept its own groups of that noun apart
        self.roles_used.add((article_id, role))
        return entity_id(cluster.type, role)

    def create(self, cluster: Cluster) -> Entry:
        new_id = entity_id(cluster.type, cluster.name)
        suffix = 2
        while new_id in self.entries:  # a namesake: same name, different entity
            new_id = entity_id(cluster.type, f"{cluster.name}#{suffix}")
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


def apply_user_splits(clusters: list[Cluster], registry: Registry, decisions: list[Decision], at: int = 0) -> None:
    """A user's `split NAME --from OTHER` wins over the name rules: a cluster holding both names is cut
    in two, the mentions named NAME (and nothing else) moving to a cluster of their own; OTHER stays."""
    for cluster in list(clusters):
        for pair in sorted(registry.splits, key=sorted):
            if not pair <= cluster.keys:
                continue
            moved_key = registry.split_moves.get(pair) or sorted(pair)[1]
            (kept_key,) = pair - {moved_key}
            moved = [m for m in cluster.mentions if m.kind == "name" and form_of(m.name).key == moved_key]
            cluster.mentions = [m for m in cluster.mentions if m not in moved]
            cluster.keys.discard(moved_key)
            twin = Cluster(number=len(clusters), type=cluster.type, mentions=moved, keys={moved_key})
            clusters.append(twin)
            decisions.append(Decision("split", (moved_key, kept_key), "split by the user", moved[0].start if moved else at))


def apply_user_merges(clusters: list[Cluster], registry: Registry, decisions: list[Decision]) -> None:
    """A user's `merge NAME INTO` joins the two names inside one article too: the stage's own evidence
    kept them apart there, and the registry never joins two clusters of one article on its own."""
    index = 0
    while index < len(clusters):
        cluster = clusters[index]
        for other in clusters[index + 1 :]:
            reason = registry.merged_by_user(cluster.keys, other.keys)
            if not reason or registry.split_by_user(cluster.keys, other.keys):
                continue
            first, second = sorted((cluster, other), key=Cluster.first_at)
            decisions.append(Decision("merge", (first.name, second.name), f"merged by the user ({reason})", second.first_at()))
            cluster.mentions = sorted(cluster.mentions + other.mentions, key=lambda m: m.start)
            cluster.keys |= other.keys
            cluster.roles.extend(other.roles)
            cluster.gender = cluster.gender or other.gender
            cluster.type = first.type
            clusters.remove(other)
            break
        else:
            index += 1


def registry_of(memory: dict) -> Registry:
    registry = memory.get("entities")
    if not isinstance(registry, Registry):
        registry = Registry()
        memory["entities"] = registry
    return registry


def explain(registry: Registry, name: str) -> dict:
    """Everything the run decided about a name: the entities it belongs to, their variants, type votes,
    roles, and every merge and split that involved it, with reasons and evidence."""
    key = name_key(name)
    words = set(key.split())
    entries = [e for e in registry.entries.values() if key in e.keys or words & {w for k in e.keys for w in k.split()}]
    decisions = [
        d for d in registry.decisions if any(words & set(name_key(n).split()) for n in d["names"])
    ]
    return {
        "name": name,
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "variants": sorted(e.keys),
                "type_votes": dict(sum((registry.votes.get(k, Counter()) for k in e.keys), Counter())),
                "roles": sorted({r[3] for r in e.roles}),
                "articles": len(e.articles),
                "mentions": e.mentions,
            }
            for e in entries
        ],
        "decisions": decisions,
    }
