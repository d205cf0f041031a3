"""db path -> FastAPI app: article list, article view, FTS search, the timeline, who said what, and their JSON twins."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..models import QUOTE_KINDS, Analysis, Span
from ..report import build_article_view, group_by_speaker, template_env
from ..serialize import analysis_to_json, timeline_point_to_json
from ..store import QuoteHit, SearchHit, Store, TimelinePoint, open_store
from ..store.timeline import read_bound
from ..timeline_chart import layout_timeline

SPAN = re.compile(r"^(\d+)-(\d+)$")
SEARCH_LIMIT = 50


def parse_highlights(values: list[str]) -> tuple[Span, ...]:
    """`?hl=15-20&hl=62-70` -> ((15, 20), (62, 70)); anything malformed is ignored, not an error."""
    spans = []
    for value in values:
        match = SPAN.match(value)
        if match and int(match[1]) < int(match[2]):
            spans.append((int(match[1]), int(match[2])))
    return tuple(spans)


def hit_href(hit: SearchHit) -> str:
    """The article page with the hit's matching words marked, scrolled to the first of them."""
    spans = hit.matches or ((hit.start, hit.end),)
    return f"/articles/{hit.article_id}?{urlencode([('hl', f'{s}-{e}') for s, e in spans])}#hit"


def point_href(point: TimelinePoint) -> str:
    """The article page with the point's sentence marked, scrolled to it."""
    start, end = point.sentence
    return f"/articles/{point.article_id}?{urlencode([('hl', f'{start}-{end}')])}#hit"


def quote_href(hit: QuoteHit) -> str:
    """The article page with the quote's own words marked, scrolled to them."""
    return f"/articles/{hit.article_id}?{urlencode([('hl', f'{hit.start}-{hit.end}')])}#hit"


def read_quotes(db: Store, speaker: str, search: str, kind: str, limit: int | None = None) -> list[QuoteHit]:
    """The stored quotes for the page's filters (blank means any); ValueError names an unknown speaker or kind."""
    speaker, search, kind = speaker.strip(), search.strip(), kind.strip()
    if kind and kind not in QUOTE_KINDS:
        raise ValueError(f"{kind!r} is not a quote kind ({', '.join(QUOTE_KINDS)})")
    hits = db.quotes(speaker=speaker or None, search=search or None, kind=kind or None, limit=limit)
    if speaker and not hits and not db.knows_speaker(speaker):
        raise ValueError(f"no speaker {speaker!r} in this dossier")
    return hits


def read_timeline(db: Store, entity: str, since: str, until: str) -> list[TimelinePoint]:
    """The stored timeline for the page's filters; ValueError names a bad date or an unknown entity."""
    bounds = read_bound(since), read_bound(until, last=True)
    if entity.strip() and not db.entity_ids(entity.strip()):
        raise ValueError(f"no entity {entity.strip()!r} in this dossier")
    return db.timeline(entity=entity.strip() or None, since=bounds[0], until=bounds[1])


def render(template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(template_env().get_template(template).render(**context))


def open_request_store(request: Request) -> Iterator[Store]:
    # One connection per request: SQLite connections are cheap and WAL lets readers run side by side.
    with open_store(request.app.state.db_path, create=False) as store:
        yield store


StoreDep = Annotated[Store, Depends(open_request_store)]


def create_app(db_path: str | Path) -> FastAPI:
    """The web app over the store at db_path; a missing or foreign file is refused now, not at first request."""
    open_store(db_path, create=False).close()
    app = FastAPI(title="storyline", docs_url="/api/docs", redoc_url=None)
    app.state.db_path = db_path

    def load_or_404(db: Store, article_id: str) -> Analysis:
        try:
            return db.load(article_id)
        except KeyError:
            raise HTTPException(status_code=404, detail=f"no article {article_id}") from None

    @app.get("/", response_class=HTMLResponse)
    def index(db: StoreDep) -> HTMLResponse:
        return render("index.html", articles=db.articles())

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(db: StoreDep, article_id: str, hl: Annotated[list[str], Query()] = []) -> HTMLResponse:  # noqa: B006
        view = build_article_view(load_or_404(db, article_id), parse_highlights(hl))
        return render("article.html", view=view)

    @app.get("/search", response_class=HTMLResponse)
    def search(db: StoreDep, q: str = "") -> HTMLResponse:
        hits = [{"hit": hit, "href": hit_href(hit)} for hit in db.search(q, limit=SEARCH_LIMIT)]
        return render("search.html", query=q, hits=hits)

    @app.get("/timeline", response_class=HTMLResponse)
    def timeline(
        db: StoreDep,
        entity: str = "",
        since: Annotated[str, Query(alias="from")] = "",
        until: Annotated[str, Query(alias="to")] = "",
    ) -> HTMLResponse:
        message = None
        try:
            points = read_timeline(db, entity, since, until)
        except ValueError as error:
            points, message = [], str(error)
        chart = layout_timeline(points, point_href)
        return render("timeline.html", chart=chart, entity=entity, since=since, until=until, message=message)

    @app.get("/api/timeline")
    def api_timeline(
        db: StoreDep,
        entity: str = "",
        since: Annotated[str, Query(alias="from")] = "",
        until: Annotated[str, Query(alias="to")] = "",
    ) -> list[dict[str, Any]]:
        try:
            points = read_timeline(db, entity, since, until)
        except ValueError as error:
            raise HTTPException(status_code=422, detail=str(error)) from None
        return [{**timeline_point_to_json(p), "href": point_href(p)} for p in points]

    @app.get("/quotes", response_class=HTMLResponse)
    def quotes(db: StoreDep, speaker: str = "", search: str = "", kind: str = "") -> HTMLResponse:
        message = None
        try:
            hits = read_quotes(db, speaker, search, kind)
        except ValueError as error:
            hits, message = [], str(error)
        return render(
            "quotes.html", groups=group_by_speaker(hits, quote_href), count=len(hits), speakers=db.speakers(),
            selected=speaker, words=search, kind=kind, kinds=QUOTE_KINDS, message=message,
        )  # fmt: skip

    @app.get("/api/quotes")
    def api_quotes(
        db: StoreDep,
        speaker: str = "",
        search: str = "",
        kind: str = "",
        limit: Annotated[int | None, Query(ge=1)] = None,
    ) -> list[dict[str, Any]]:
        try:
            hits = read_quotes(db, speaker, search, kind, limit)
        except ValueError as error:
            raise HTTPException(status_code=422, detail=str(error)) from None
        return [{**hit.as_dict(), "href": quote_href(hit)} for hit in hits]

    @app.get("/api/speakers")
    def api_speakers(db: StoreDep) -> list[dict[str, Any]]:
        return [dataclasses.asdict(speaker) for speaker in db.speakers()]

    @app.get("/api/entities")
    def api_entities(db: StoreDep, type: str = "") -> list[dict[str, Any]]:
        """The entities with variants, roles and counts (as `storyline entities --format json`)."""
        return [entity.as_dict() for entity in db.entity_overview(type or None)]

    @app.get("/api/entities/explain")
    def api_entities_explain(db: StoreDep, name: str) -> dict[str, Any]:
        """What `storyline entities --explain NAME` prints: variants, type votes, roles, merges, splits."""
        found = db.explain_entity(name)
        if not found["entities"] and not found["decisions"]:
            raise HTTPException(status_code=404, detail=f"no entity {name!r}")
        return found

    @app.get("/api/articles")
    def api_articles(db: StoreDep) -> list[dict[str, Any]]:
        return [summary.as_dict() for summary in db.articles()]

    @app.get("/api/articles/{article_id}")
    def api_article(db: StoreDep, article_id: str) -> dict[str, Any]:
        return analysis_to_json(load_or_404(db, article_id))

    @app.get("/api/search")
    def api_search(
        db: StoreDep, q: str = "", limit: Annotated[int, Query(ge=1, le=200)] = 20
    ) -> list[dict[str, Any]]:
        return [{**hit.as_dict(), "href": hit_href(hit)} for hit in db.search(q, limit=limit)]

    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the web app with uvicorn until interrupted; loopback only unless another host is asked for."""
    import uvicorn

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="warning")
