"""Registry + name -> what the run decided about that name: its entities, variants, type votes and merges."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ...ids import name_key

if TYPE_CHECKING:
    from .registry import Registry


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
