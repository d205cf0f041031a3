"""Analysis <-> the `storyline/analysis@1` JSON line (../shared/contract/analysis-format.md).

`analysis_to_json` writes exactly the fields of the contract (plus fields added later, never renamed);
`analysis_from_json` is its inverse for those fields. The JSON Schema lives in schema/analysis-1.json.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .models import (
    Actor,
    Analysis,
    Article,
    Block,
    Cue,
    Entity,
    Event,
    Figure,
    Published,
    Quote,
    Speaker,
    Timex,
    When,
)

if TYPE_CHECKING:
    from .stages.timexes.timeline import TimelinePoint

SCHEMA_ID = "storyline/analysis@1"


def _span(pair: Any) -> tuple[int, int] | None:
    return None if pair is None else (int(pair[0]), int(pair[1]))


def _list(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def _number(value: float) -> float | int:
    """Whole numbers are written as integers (276000, not 276000.0)."""
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _when(when: When | None) -> dict[str, Any] | None:
    return None if when is None else {"value": when.value, "reason": when.reason}


def _when_from(obj: Any) -> When | None:
    return None if obj is None else When(obj.get("value"), obj["reason"])


def analysis_to_json(analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    return {
        "schema": SCHEMA_ID,
        "article_id": article.id,
        "source": article.source,
        "source_span": _list(article.source_span),
        "title": article.title,
        "published": {
            "value": article.published.value,
            "how": article.published.how,
            "evidence": article.published.evidence,
        },
        "text": article.text,
        "blocks": [{"start": b.start, "end": b.end, "kind": b.kind} for b in article.blocks],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "mentions": [list(m) for m in e.mentions]}
            for e in analysis.entities
        ],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": {
                    "entity": q.speaker.entity,
                    "name": q.speaker.name,
                    "mention": _list(q.speaker.mention),
                },
                "cue": None if q.cue is None else {"start": q.cue.start, "end": q.cue.end, "text": q.cue.text},
                "when": _when(q.when),
            }
            for q in analysis.quotes
        ],
        "timexes": [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "note": t.note}
            for t in analysis.timexes
        ],
        "events": [
            {
                "type": ev.type,
                "status": ev.status,
                "source": {"entity": ev.source.entity, "name": ev.source.name, "code": ev.source.code},
                "target": {"entity": ev.target.entity, "name": ev.target.name, "code": ev.target.code},
                "date": ev.date,
                "date_reason": ev.date_reason,
                "trigger": list(ev.trigger),
                "sentence": list(ev.sentence),
            }
            for ev in analysis.events
        ],
        "figures": [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "value": _number(f.value),
                "unit": f.unit,
                "measure": f.measure,
                "qualifier": f.qualifier,
                "when": _when(f.when),
            }
            for f in analysis.figures
        ],
    }


def analysis_from_json(obj: dict[str, Any]) -> Analysis:
    published = obj.get("published") or {}
    article = Article(
        id=obj["article_id"],
        source=obj["source"],
        source_span=_span(obj.get("source_span")),
        title=obj.get("title"),
        published=Published(published.get("value"), published.get("how", "assumed"), published.get("evidence")),
        text=obj["text"],
        blocks=tuple(Block(b["start"], b["end"], b["kind"]) for b in obj.get("blocks", ())),
    )
    return Analysis(
        article=article,
        entities=tuple(
            Entity(e["id"], e["name"], e["type"], tuple((m[0], m[1]) for m in e["mentions"]))
            for e in obj.get("entities", ())
        ),
        quotes=tuple(
            Quote(
                q["start"],
                q["end"],
                q["text"],
                q["kind"],
                Speaker(q["speaker"]["entity"], q["speaker"]["name"], _span(q["speaker"]["mention"])),
                None if q["cue"] is None else Cue(q["cue"]["start"], q["cue"]["end"], q["cue"]["text"]),
                _when_from(q.get("when")),
            )
            for q in obj.get("quotes", ())
        ),
        timexes=tuple(
            Timex(t["start"], t["end"], t["text"], t["type"], t["value"], t.get("note"))
            for t in obj.get("timexes", ())
        ),
        events=tuple(
            Event(
                ev["type"],
                ev["status"],
                Actor(**ev["source"]),
                Actor(**ev["target"]),
                ev["date"],
                (ev["trigger"][0], ev["trigger"][1]),
                (ev["sentence"][0], ev["sentence"][1]),
                ev.get("date_reason"),
            )
            for ev in obj.get("events", ())
        ),
        figures=tuple(
            Figure(f["start"], f["end"], f["text"], float(f["value"]), f["unit"], f["measure"], f["qualifier"],
                   _when_from(f.get("when")))
            for f in obj.get("figures", ())
        ),
    )


def timeline_point_to_json(point: TimelinePoint) -> dict[str, Any]:
    """One timeline point as a flat JSON object (what `storyline timeline --format json` and /api/timeline give)."""
    return {
        "day": point.day,
        "value": point.value,
        "granularity": point.granularity,
        "type": point.type,
        "text": point.text,
        "article_id": point.article_id,
        "start": point.start,
        "end": point.end,
        "sentence": list(point.sentence),
        "sentence_text": point.sentence_text,
        "entities": list(point.entities),
    }


def dumps_line(analysis: Analysis) -> str:
    return json.dumps(analysis_to_json(analysis), ensure_ascii=False)


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    """The JSON Schema of one analysis line, shipped with the package."""
    text = resources.files("storyline").joinpath("schema/analysis-1.json").read_text(encoding="utf-8")
    return json.loads(text)
