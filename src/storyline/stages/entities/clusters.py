"""Typed name mentions -> clusters of one entity each, with every merge and split recorded with its reason."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .acronyms import join_acronym_names
from .lexicon import KINSHIP_NOUNS
from .mentions import Mention, sentence_index_of
from .names import NameForm, Verdict, compare_org_names, compare_person_names, form_of, is_initial

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Role:
    """A title, appositive, kinship or nationality said of an entity, with its span in the article."""

    start: int
    end: int
    text: str
    kind: str  # title | appositive | kinship | nationality


@dataclass
class Cluster:
    number: int
    type: str
    mentions: list[Mention] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None
    kin_of: list[tuple[str, int]] = field(default_factory=list)  # (relation, index of the possessor mention)

    @property
    def name(self) -> str:
        names = [m for m in self.mentions if m.kind == "name"]
        if not names:
            return self.mentions[0].text if self.mentions else ""
        best = max(names, key=lambda m: (len(form_of(m.name).words), not form_of(m.name).raw_upper, -m.start))
        return best.name

    def first_at(self) -> int:
        return min(m.start for m in self.mentions)


@dataclass
class Decision:
    """One merge or split, for `entities --explain`: which names, what happened and why."""

    kind: str  # merge | split
    names: tuple[str, str]
    reason: str
    at: int  # character offset of the mention that prompted it


def kinship_word(doc: Doc, mention: Mention) -> str | None:
    """The kinship noun a name is introduced by ("his father, X", "his son X", "a son named X"), if any."""
    head = doc[mention.head]
    candidates = [head.head] if head.dep_ in ("appos", "compound", "npadvmod", "oprd", "attr", "dobj", "nsubj") else []
    candidates += [child for child in head.children if child.dep_ == "appos"]
    if head.dep_ in ("oprd", "xcomp", "dobj") and head.head.lemma_ in ("name", "call"):
        candidates.append(head.head.head)
    for token in candidates:
        if token.lemma_.lower() in KINSHIP_NOUNS and token.i != head.i and abs(token.i - head.i) <= 4:
            return token.lower_
    return None


def cluster_names(doc: Doc, mentions: Sequence[Mention], types: dict[str, str]) -> tuple[list[Cluster], list[Decision]]:
    """Group name mentions into clusters by type-specific name rules."""
    clusters: list[Cluster] = []
    decisions: list[Decision] = []
    by_type: dict[str, list[Mention]] = {}
    for mention in join_acronym_names(doc, mentions):
        by_type.setdefault(types.get(form_of(mention.name).key, mention.label), []).append(mention)
    for type_, group in by_type.items():
        if type_ == "PERSON":
            cluster_people(doc, group, clusters, decisions)
        else:
            cluster_other(doc, group, type_, clusters, decisions)
    for number, cluster in enumerate(sorted(clusters, key=Cluster.first_at)):
        cluster.number = number
    clusters.sort(key=lambda c: c.number)
    return clusters, decisions


def new_cluster(clusters: list[Cluster], type_: str) -> Cluster:
    cluster = Cluster(number=len(clusters), type=type_)
    clusters.append(cluster)
    return cluster


def add_mention(cluster: Cluster, mention: Mention) -> None:
    cluster.mentions.append(mention)
    cluster.keys.add(form_of(mention.name).key)


def cluster_people(doc: Doc, group: Sequence[Mention], clusters: list[Cluster], decisions: list[Decision]) -> None:
    kin = {id(m): kinship_word(doc, m) for m in group}
    for mention in group:
        if kin[id(mention)]:
            mention.features["kin"] = kin[id(mention)]
    forms = {id(m): form_of(m.name) for m in group}
    people: list[Cluster] = []
    # Longest names first: each full name seeds a cluster unless it extends one already seeded.
    full = sorted((m for m in group if len(forms[id(m)].words) >= 2), key=lambda m: (-len(forms[id(m)].words), m.start))
    short: list[Mention] = [m for m in group if len(forms[id(m)].words) < 2]
    # "J. Smith" is placed once every full name is known, so a "Jane Smith" named later still competes.
    initialled = [m for m in full if is_initial(forms[id(m)].words[0])]
    full = [m for m in full if m not in initialled]
    for mention in full:
        form = forms[id(mention)]
        target = None
        for cluster in people:
            verdict = best_person_verdict(form, cluster)
            if verdict is None:
                continue
            kin_here = kin[id(mention)] or next((kin[id(m)] for m in cluster.mentions if kin[id(m)]), None)
            if verdict.same and verdict.reason != "same name" and kin_here:
                verdict = Verdict(False, f"{verdict.reason}, but one is introduced as a relative ('{kin_here}')")
            if verdict.same and len(form.words) < max(len(k.split()) for k in cluster.keys) and verdict.reason != "same name":
                # A shorter multi-word form ("Garcia Marquez") is placed mention by mention below.
                short.append(mention)
                target = "deferred"
                break
            record(decisions, verdict, form.key, cluster, mention)
            if verdict.same:
                target = cluster
                break
        if target == "deferred":
            continue
        if target is None:
            target = new_cluster(clusters, "PERSON")
            people.append(target)
        add_mention(target, mention)
    for mention in initialled:
        place_initialled(mention, forms[id(mention)], people, clusters, decisions)
    for mention in sorted(short, key=lambda m: m.start):
        form = forms[id(mention)]
        candidates: list[tuple[Cluster, Verdict]] = []
        for cluster in people:
            verdict = best_person_verdict(form, cluster)
            if verdict is None:
                continue
            if verdict.same and verdict.reason != "same name" and kin[id(mention)]:
                verdict = Verdict(False, f"{verdict.reason}, but '{form.key}' is introduced as a relative ('{kin[id(mention)]}')")
            if verdict.same:
                candidates.append((cluster, verdict))
            else:
                record(decisions, verdict, form.key, cluster, mention)
        # A relative introduced as "his father, X" shares the surname of the person it is related to; a bare
        # surname goes to the relative only when no one else carries it.
        unrelated = [c for c in candidates if not any(kin[id(m)] for m in c[0].mentions if id(m) in kin)]
        candidates = unrelated or candidates
        if candidates:
            cluster, verdict = nearest(candidates, mention.start)
            if len(candidates) > 1:
                others = ", ".join(sorted(c.name for c, _ in candidates if c is not cluster))
                verdict = Verdict(True, f"{verdict.reason}; nearest of the namesakes (not {others})")
            record(decisions, verdict, form.key, cluster, mention)
            add_mention(cluster, mention)
            continue
        given = given_name_cluster(form, people, mention) if not kin[id(mention)] else None
        if given is not None:
            record(decisions, Verdict(True, f"'{form.key}' is the given name of the only '{given.name}' named before"), form.key, given, mention)
            add_mention(given, mention)
            continue
        target = new_cluster(clusters, "PERSON")
        people.append(target)
        add_mention(target, mention)


def place_initialled(
    mention: Mention, form: NameForm, people: list[Cluster], clusters: list[Cluster], decisions: list[Decision]
) -> None:
    """ "J. Smith" joins the one person whose name it abbreviates; with a "John Smith" and a "Jane Smith"
    both in the article it could be either, so it stays apart."""
    candidates = [(c, v) for c in people if (v := best_person_verdict(form, c)) is not None and v.same]
    if len(candidates) == 1:
        cluster, verdict = candidates[0]
        record(decisions, verdict, form.key, cluster, mention)
        add_mention(cluster, mention)
        return
    target = next((c for c in people if form.key in c.keys), None)
    if target is None:
        if len(candidates) > 1:
            names = " and ".join(sorted(c.name for c, _ in candidates))
            decisions.append(Decision("split", (form.key, names), f"the initial fits {names} alike", mention.start))
        target = new_cluster(clusters, "PERSON")
        people.append(target)
    add_mention(target, mention)


def given_name_cluster(form: NameForm, people: Sequence[Cluster], mention: Mention) -> Cluster | None:
    """The one person named earlier whose given name this single word is ("Daniel" after "Daniel Ortiz")."""
    if len(form.words) != 1:
        return None
    owners = [
        c for c in people
        if any(len(k.split()) > 1 and k.split()[0] == form.key for k in c.keys)
        and not any(m.features.get("kin") for m in c.mentions)
    ]
    if len(owners) == 1 and owners[0].first_at() < mention.start:
        return owners[0]
    return None


def best_person_verdict(form: NameForm, cluster: Cluster) -> Verdict | None:
    verdicts = []
    for key in cluster.keys:
        other = form_of(key)
        short, long = (form, other) if len(form.words) <= len(other.words) else (other, form)
        verdict = compare_person_names(short, long)
        if verdict is not None:
            verdicts.append(verdict)
    if not verdicts:
        return None
    refusals = [v for v in verdicts if not v.same and "relative" in v.reason]
    if refusals:
        return refusals[0]
    agreeing = [v for v in verdicts if v.same]
    if agreeing and not any("different given names" in v.reason for v in verdicts):
        return agreeing[0]
    return next((v for v in verdicts if not v.same), verdicts[0])


def nearest(candidates: list[tuple[Cluster, Verdict]], at: int) -> tuple[Cluster, Verdict]:
    """The candidate mentioned most recently before `at`, else the first one mentioned after it."""

    def last_before(cluster: Cluster) -> int:
        starts = [m.start for m in cluster.mentions if m.start < at]
        return max(starts) if starts else -1

    preceding = [c for c in candidates if last_before(c[0]) >= 0]
    if preceding:
        return max(preceding, key=lambda c: last_before(c[0]))
    return min(candidates, key=lambda c: c[0].first_at())


def record(decisions: list[Decision], verdict: Verdict, key: str, cluster: Cluster, mention: Mention) -> None:
    if verdict.reason == "same name":
        return
    pair = (key, cluster.name)
    if any(d.names == pair and d.kind == ("merge" if verdict.same else "split") for d in decisions):
        return
    decisions.append(Decision("merge" if verdict.same else "split", pair, verdict.reason, mention.start))


def cluster_other(
    doc: Doc, group: Sequence[Mention], type_: str, clusters: list[Cluster], decisions: list[Decision]
) -> None:
    """Organisations and places: same folded name, acronym of a longer name, or "Name (ACRONYM)"."""
    forms = {id(m): form_of(m.name) for m in group}
    by_key: dict[str, Cluster] = {}
    # "Northern Defence Front (FDN)", "FDN (Northern Defence Front)": paired by `join_acronym_names`.
    aliases = {
        forms[id(m)].key: (m.features["expansion"], m.features.get("expansion_reason", "paired in brackets"))
        for m in group
        if "expansion" in m.features
    }
    ordered = sorted(group, key=lambda m: (-len(forms[id(m)].words), m.start))
    for mention in ordered:
        form = forms[id(mention)]
        target = by_key.get(form.key)
        if target is None and form.key in aliases and aliases[form.key][0] in by_key:
            long_key, why = aliases[form.key]
            target = by_key[long_key]
            record(decisions, Verdict(True, f"acronym '{mention.name}' of '{long_key}': {why}"), form.key, target, mention)
        if target is None:
            candidates = []
            for cluster in {id(c): c for c in by_key.values()}.values():
                verdicts = [compare_org_names(form, form_of(k)) for k in cluster.keys]
                verdict = next((v for v in verdicts if v is not None and v.same), None)
                if verdict is not None:
                    candidates.append((cluster, verdict))
            # Letters read off initials alone are ambiguous when two names spell them ("CC": "Catholic
            # Church", "Cape Canaveral"): such an acronym joins neither.
            if len({spelling_of(c) for c, _ in candidates}) > 1 and form.is_acronym:
                names = " and ".join(sorted(c.name for c, _ in candidates))
                decisions.append(Decision("split", (form.key, names), f"the letters fit {names} alike", mention.start))
            elif candidates:
                target, verdict = candidates[0]
                record(decisions, verdict, form.key, target, mention)
        if target is None:
            target = new_cluster(clusters, type_)
        by_key[form.key] = target
        add_mention(target, mention)


def spelling_of(cluster: Cluster) -> str:
    """A cluster's longest name without apostrophes: "New People's Party" and "New People Party" are
    two spellings of one name, not two names competing for "NPP"."""
    longest = max(cluster.keys, key=lambda k: (len(k.split()), k))
    return " ".join(word.removesuffix("'s").replace("'", "") for word in longest.split())


def add_untagged_names(
    doc: Doc,
    clusters: list[Cluster],
    blocked: Sequence[tuple[int, int]],
    decisions: list[Decision],
    known: dict[str, str] | None = None,
) -> list[Mention]:
    """Capitalised words spaCy left untagged that repeat a known person's surname or a known single-word
    name ("Sarvis" after "Robert Sarvis"): the same words are the same name. `known` maps such words
    learnt in earlier articles of the run to their type ("Lopez" -> PERSON)."""
    taken = {i for c in clusters for m in c.mentions for i in range(m.first, m.last)}
    owners: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.type not in ("PERSON", "ORG"):
            continue
        for key in cluster.keys:
            words = key.split()
            if cluster.type == "PERSON" and len(words) > 1:
                owners.setdefault(words[-1], []).append(cluster)
            elif len(words) == 1:
                owners.setdefault(words[0], []).append(cluster)
    acronyms = {form_of(m.name).key for c in clusters for m in c.mentions if "expansion" in m.features}
    sentence_index = sentence_index_of(doc)
    added = []
    for token in doc:
        # An acronym introduced in brackets is often tagged a common noun later ("the FDN"); a word in
        # capitals that no bracket introduced is more often a shouted headline ("CHARGERS").
        proper = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and form_of(token.text).key in acronyms)
        if token.i in taken or not proper or not token.text[:1].isupper() or token.ent_type_:
            continue
        if any(s < token.idx + len(token) and token.idx < e for s, e in blocked):
            continue  # checked first: a known name in a credit must not leave an empty cluster behind
        key = form_of(token.text).key
        found = owners.get(key)
        if not found and known and key in known:
            found = owners[key] = [new_cluster(clusters, known[key])]
            decisions.append(Decision("merge", (key, key), "untagged, but a name known from earlier articles", token.idx))
        if not found or len({id(c) for c in found}) != 1:
            continue
        if found[0].mentions:
            record(decisions, Verdict(True, f"untagged repeat of a word of '{found[0].name}'"), key, found[0],
                   Mention(token.idx, token.idx + len(token), token.text, "name", "", token.i, token.i, token.i + 1, 0))
        mention = Mention(
            start=token.idx, end=token.idx + len(token), text=token.text, kind="name", label=found[0].type,
            head=token.i, first=token.i, last=token.i + 1, sentence=sentence_index[token.sent.start], name=token.text,
        )
        add_mention(found[0], mention)
        added.append(mention)
    return added
