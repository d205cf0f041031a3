"""PolNeAR dev folder -> documents with their gold attributions (source, cue, content spans and kind).

PolNeAR (Newell et al., LREC 2018) is read in place from ../shared/data/polnear: internal evaluation
only, nothing of it is copied into the project. Each attribution ties a Content, a Cue and (not always)
a Source; spans may be discontinuous ("a;b" fragments). When an article was annotated by several
annotators, the first annotation file (by name) is used so that no attribution is counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

Spans = tuple[tuple[int, int], ...]
OPENING = ("\u201c", '"', "\u00ab", "\u2018")
CLOSING = ("\u201d", '"', "\u00bb", "\u2019")


@dataclass(frozen=True)
class GoldAttribution:
    content: Spans
    cue: Spans
    source: Spans  # empty when the annotator found no source
    kind: str  # "direct" | "mixed" | "indirect", from the quotation marks in the content


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _spans(field: str) -> Spans:
    pieces = []
    for fragment in field.split(";"):
        start, end = fragment.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def content_kind(text: str, content: Spans) -> str:
    """direct when every fragment is wholly inside quotation marks, mixed when some words are, else indirect."""
    fragments = [text[start:end].strip() for start, end in content]
    if all(f.startswith(OPENING) and f.rstrip(".,;:!?").endswith(CLOSING) for f in fragments if f):
        return "direct"
    if any(mark in f for f in fragments for mark in OPENING + CLOSING[:1]):
        return "mixed"
    return "indirect"


def read_annotations(text: str, ann: str) -> tuple[GoldAttribution, ...]:
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = (label, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles[role] = ref
            events.append(roles)
    found = []
    for roles in events:
        refs = {
            role.split("-")[0] if role.startswith("Attribution") else role: ref for role, ref in roles.items()
        }
        content = spans.get(refs.get("Content", ""), ("", ()))[1]
        if not content:
            continue
        cue = spans.get(refs.get("Cue", ""), ("", ()))[1]
        source = spans.get(refs.get("Source", ""), ("", ()))[1]
        found.append(GoldAttribution(content, cue, source, content_kind(text, content)))
    return tuple(found)


def load_polnear(folder: Path, limit: int | None = None) -> list[GoldDocument]:
    """The dev documents in name order, at most `limit` of them."""
    texts = sorted((folder / "dev" / "text").glob("*.txt"))
    annotations = sorted((folder / "dev" / "attributions").glob("*.ann"))
    documents = []
    for path in texts:
        matching = [ann for ann in annotations if ann.name.rsplit("_", 1)[0] == path.stem]
        if not matching:
            continue
        text = path.read_text(encoding="utf-8")
        documents.append(
            GoldDocument(path.stem, text, read_annotations(text, matching[0].read_text(encoding="utf-8")))
        )
        if limit is not None and len(documents) >= limit:
            break
    return documents
