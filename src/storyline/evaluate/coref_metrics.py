"""Key and response clusterings -> MUC, B-cubed, CEAF-e and CoNLL F1, as in the CoNLL-2012 reference scorer.

Clusters are collections of hashable mention ids. A mention present in one clustering and not the other
("twinless") counts against recall or precision as the reference scorer (v8) does: it contributes no
overlap. Singletons are kept as given; callers drop them when their protocol says so.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

Clustering = Sequence[frozenset[Hashable]]


@dataclass(frozen=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


def as_clusters(clusters: Iterable[Iterable[Hashable]]) -> list[frozenset[Hashable]]:
    return [frozenset(c) for c in clusters if c]


def without_singletons(clusters: Iterable[Iterable[Hashable]]) -> list[frozenset[Hashable]]:
    return [frozenset(c) for c in clusters if len(frozenset(c)) > 1]


def muc_side(key: Clustering, response: Clustering) -> float:
    """MUC recall of `response` against `key` (swap the arguments for precision): Vilain et al. 1995."""
    owner = {m: n for n, cluster in enumerate(response) for m in cluster}
    numerator = denominator = 0
    for cluster in key:
        parts = {owner.get(m, ("alone", m)) for m in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    return Score(muc_side(key, response), muc_side(response, key))


def b_cubed_side(key: Clustering, response: Clustering) -> float:
    """B-cubed recall (Bagga & Baldwin 1998): per key mention, the share of its key cluster found with it."""
    owner = {m: cluster for cluster in response for m in cluster}
    total = sum(len(cluster) for cluster in key)
    if not total:
        return 0.0
    numerator = 0.0
    for cluster in key:
        for mention in cluster:
            found = owner.get(mention)
            if found is not None:
                numerator += len(cluster & found) / len(cluster)
    return numerator / total


def b_cubed(key: Clustering, response: Clustering) -> Score:
    return Score(b_cubed_side(key, response), b_cubed_side(response, key))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """Entity-based CEAF (Luo 2005) with phi4 = 2|K∩R| / (|K| + |R|) under the best one-to-one alignment."""
    if not key or not response:
        return Score(0.0, 0.0)
    similarity = [[2 * len(k & r) / (len(k) + len(r)) for r in response] for k in key]
    best = max_assignment(similarity)
    return Score(best / len(key), best / len(response))


def max_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one matching of rows to columns (Hungarian method, O(n^3))."""
    rows, cols = len(weights), len(weights[0])
    size = max(rows, cols)
    top = max((w for row in weights for w in row), default=0.0)
    # Minimise cost = top - weight over a square matrix padded with zero-weight cells.
    cost = [[top - (weights[i][j] if i < rows and j < cols else 0.0) for j in range(size)] for i in range(size)]
    infinity = float("inf")
    u = [0.0] * (size + 1)
    v = [0.0] * (size + 1)
    match = [0] * (size + 1)  # match[column] = row, 1-based
    way = [0] * (size + 1)
    for row in range(1, size + 1):
        match[0] = row
        column = 0
        least = [infinity] * (size + 1)
        used = [False] * (size + 1)
        while True:
            used[column] = True
            current_row, delta, next_column = match[column], infinity, 0
            for j in range(1, size + 1):
                if used[j]:
                    continue
                reduced = cost[current_row - 1][j - 1] - u[current_row] - v[j]
                if reduced < least[j]:
                    least[j], way[j] = reduced, column
                if least[j] < delta:
                    delta, next_column = least[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            column = next_column
            if match[column] == 0:
                break
        while column:
            previous = way[column]
            match[column] = match[previous]
            column = previous
    total = 0.0
    for j in range(1, size + 1):
        i = match[j]
        if i and i - 1 < rows and j - 1 < cols:
            total += weights[i - 1][j - 1]
    return total


@dataclass(frozen=True)
class CorefScores:
    muc: Score
    b_cubed: Score
    ceaf_e: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def as_dict(self) -> dict[str, float]:
        result: dict[str, float] = {}
        for name, score in (("muc", self.muc), ("b3", self.b_cubed), ("ceafe", self.ceaf_e)):
            result[f"{name}_r"] = round(score.recall, 4)
            result[f"{name}_p"] = round(score.precision, 4)
            result[f"{name}_f1"] = round(score.f1, 4)
        result["conll_f1"] = round(self.conll_f1, 4)
        return result


def score_clusterings(key: Iterable[Iterable[Hashable]], response: Iterable[Iterable[Hashable]]) -> CorefScores:
    key_clusters, response_clusters = as_clusters(key), as_clusters(response)
    return CorefScores(
        muc(key_clusters, response_clusters),
        b_cubed(key_clusters, response_clusters),
        ceaf_e(key_clusters, response_clusters),
    )


def score_documents(pairs: Iterable[tuple[Clustering, Clustering]]) -> CorefScores:
    """Corpus-level scores: documents pooled by giving every mention id its document number."""
    key: list[frozenset] = []
    response: list[frozenset] = []
    for number, (doc_key, doc_response) in enumerate(pairs):
        key.extend(frozenset((number, m) for m in cluster) for cluster in doc_key)
        response.extend(frozenset((number, m) for m in cluster) for cluster in doc_response)
    return score_clusterings(key, response)
