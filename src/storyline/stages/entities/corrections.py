"""User corrections inside one article: `split NAME --from OTHER` cuts a cluster, `merge NAME INTO` joins two.

Across articles the registry applies them (Registry.find); these apply them to an article's own clusters
before the registry sees them, so a correction works whatever the articles the names are in.
"""

from __future__ import annotations

from .clusters import Cluster, Decision
from .names import form_of
from .registry import Registry


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
