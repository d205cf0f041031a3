"""The dossier commands: analyze, build, articles, timeline, quotes, report, serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .. import settings
from .common import (
    DateOption,
    DbOption,
    OneArticle,
    Paths,
    app,
    check_date,
    err,
    open_dossier,
    progress_of,
    report_problem,
)


@app.command()
def analyze(
    paths: Paths,
    date: DateOption = None,
    one_article: OneArticle = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON Lines here.")] = None,
) -> None:
    """Analyse articles and write one storyline/analysis@1 JSON object per article (JSON Lines)."""
    from ..api import analyze_paths
    from ..serialize import dumps_line

    check_date(date)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with progress_of("analysing") as advance:
            for analysis in analyze_paths(
                paths, date=date, one_article=one_article, on_problem=report_problem, on_article=advance
            ):
                out.write(dumps_line(analysis) + "\n")
    finally:
        if output:
            out.close()


@app.command()
def build(
    paths: Paths, db: DbOption = settings.DEFAULT_DB, date: DateOption = None, one_article: OneArticle = False
) -> None:
    """Analyse articles into the dossier store; articles already stored are left as they are."""
    from .. import api
    from ..store import StoreError

    check_date(date)
    try:
        with progress_of("building") as advance:
            summary = api.build(
                paths, db, date=date, one_article=one_article, on_problem=report_problem, on_article=advance
            )
    except StoreError as error:
        err.print(f"storyline: {error}", highlight=False)
        raise typer.Exit(1) from None
    err.print(
        f"{db}: {summary.articles_added} articles added, {summary.articles_unchanged} already stored, "
        f"{len(summary.problems)} problems",
        highlight=False,
    )


@app.command()
def articles(
    db: DbOption = settings.DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """List the stored articles with their publication dates."""
    from rich.table import Table

    with open_dossier(db) as store:
        rows = [summary.as_dict() for summary in store.articles()]
    if format == "json":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table("id", "published", "how", "title", "source")
    for row in rows:
        table.add_row(
            row["id"], row["published"] or "?", row["published_how"], row["title"] or "", row["source"]
        )
    Console().print(table)


@app.command()
def timeline(
    db: DbOption = settings.DEFAULT_DB,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Only sentences naming this entity (name or id).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--from", help="First day (YYYY, YYYY-MM or YYYY-MM-DD).")
    ] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last day (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """The story's timeline: every dated expression in time order, with its sentence."""
    from rich.table import Table

    from ..serialize import timeline_point_to_json
    from ..store.timeline import read_bound

    try:
        bounds = read_bound(since), read_bound(until, last=True)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--from/--to") from None
    with open_dossier(db) as store:
        if entity is not None and not store.entity_ids(entity):
            err.print(f"storyline: no entity {entity!r} in {db}", highlight=False)
            raise typer.Exit(1)
        points = store.timeline(entity=entity, since=bounds[0], until=bounds[1])
    if format == "json":
        for point in points:
            print(json.dumps(timeline_point_to_json(point), ensure_ascii=False))
        return
    table = Table("day", "value", "as written", "sentence", "article")
    for point in points:
        table.add_row(point.day, point.value, point.text, point.sentence_text.strip(), point.article_id)
    Console().print(table)


@app.command()
def quotes(
    db: DbOption = settings.DEFAULT_DB,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only this speaker's quotes (name, part of a name or id).")
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Only quotes holding every one of these words.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="direct, partial, indirect, mixed or scare.")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """Who said what: the stored quotes by article date, each with its speaker, cue and sentence."""
    from rich.table import Table

    from ..models import QUOTE_KINDS
    from ..store.records import shorten

    if kind is not None and kind not in QUOTE_KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(QUOTE_KINDS)}", param_hint="--kind")
    with open_dossier(db) as store:
        hits = store.quotes(speaker=speaker, search=search, kind=kind)
        if speaker is not None and not hits and not store.knows_speaker(speaker):
            err.print(f"storyline: no speaker {speaker!r} in {db}", highlight=False)
            raise typer.Exit(1)
    if format == "json":
        for hit in hits:
            print(json.dumps(hit.as_dict(), ensure_ascii=False))
        return
    caption = f"{len(hits)} quote{'' if len(hits) == 1 else 's'}"
    table = Table("speaker", "kind", "quote", "published", caption=caption)
    for hit in hits:
        who = hit.speaker_name or "(unattributed)"
        table.add_row(
            who, hit.kind, ("  ↳ " if hit.nested else "") + shorten(hit.text, 100), hit.published or "?"
        )
    Console().print(table)


@app.command()
def report(
    db: DbOption = settings.DEFAULT_DB,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """Write the dossier as one self-contained HTML page."""
    from ..report import render_report

    with open_dossier(db) as store:
        html = render_report(store)
    output.write_text(html, encoding="utf-8")
    err.print(f"wrote {output}", highlight=False)


@app.command()
def serve(
    db: DbOption = settings.DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind (loopback only by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the dossier web app."""
    from ..web import serve as serve_app

    open_dossier(db).close()
    err.print(f"storyline: serving {db} at http://{host}:{port}/", highlight=False)
    serve_app(db, host=host, port=port)
