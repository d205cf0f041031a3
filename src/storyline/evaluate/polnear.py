"""PolNeAR dev folder -> documents with their gold attributions (source, cue, content spans and kind).

PolNeAR (Newell et al., LREC 2018) is read in place from ../shared/data/polnear: internal evaluation
only, nothing of it is copied into the project. Each attribution ties a Content, a Cue and (not always)
a Source; spans may be discontinuous ("a;b" fragments). When an article was annotated by several
annotators, the first annotation file (by name) is used so that no attribution is counted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Spans = tuple[tuple[int, int], ...]


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


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, found independently of the quote stage: per line, a
    curly “ opens and ” closes (a ” that starts a word opens: a misprinted opening mark), straight marks
    toggle, and a quote still open at the line's end runs to it."""
    regions = []
    position = 0
    for line in text.split("\n"):
        opened: int | None = None
        for offset, char in enumerate(line):
            # a closing mark printed as the opening one ('”Fear. ...” ― a reader') opens when it starts a word
            misprinted = (
                char == "\u201d"
                and (offset == 0 or line[offset - 1] == " ")
                and line[offset + 1 : offset + 2].isalnum()
            )
            if opened is None and (char in ("\u201c", '"') or misprinted):
                opened = offset
            elif opened is not None and (char == "\u201d" or (char == '"' and line[opened] == '"')):
                regions.append((position + opened, position + offset + 1))
                opened = None
        if opened is not None:
            regions.append((position + opened, position + len(line)))
        position += len(line) + 1
    return regions


def content_kind(text: str, content: Spans, regions: list[tuple[int, int]]) -> str:
    """direct when every letter of the content lies inside quotation marks, mixed when some do, else indirect."""
    letters = [i for start, end in content for i in range(start, end) if text[i].isalnum()]
    if not letters:
        return "indirect"
    inside = sum(any(start <= i < end for start, end in regions) for i in letters)
    if inside == len(letters):
        return "direct"
    return "mixed" if inside else "indirect"


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
    # Some texts (the NYT's archive) print a double quotation mark as two apostrophes: read as one straight mark
    # (and a space, so offsets hold) when deciding which contents are quoted.
    regions = quoted_regions(re.sub("(?<!')''(?!')", '" ', text))
    for roles in events:
        refs = {
            role.split("-")[0] if role.startswith("Attribution") else role: ref for role, ref in roles.items()
        }
        content = spans.get(refs.get("Content", ""), ("", ()))[1]
        if not content:
            continue
        cue = spans.get(refs.get("Cue", ""), ("", ()))[1]
        source = spans.get(refs.get("Source", ""), ("", ()))[1]
        found.append(GoldAttribution(content, cue, source, content_kind(text, content, regions)))
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
