"""The `storyline` command line: each command parses its arguments and calls one library function."""

from __future__ import annotations

import json
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import settings
from .models import Problem

app = typer.Typer(
    help="Turn raw news into a sourced story dossier.", no_args_is_help=True, add_completion=False
)
eval_app = typer.Typer(help="Score a capability against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

err = Console(stderr=True)

Paths = Annotated[
    list[str], typer.Argument(help="Files or folders (plain text, HTML, JSON Lines); - for stdin.")
]
DateOption = Annotated[
    str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) to assume where none is found.")
]
OneArticle = Annotated[
    bool, typer.Option("--one-article", help="Treat each input file as exactly one article.")
]
DbOption = Annotated[Path, typer.Option("--db", help="The SQLite dossier file.")]
DataOption = Annotated[Path | None, typer.Option("--data", help="The data folder (default: ../shared/data).")]
LimitOption = Annotated[int | None, typer.Option("--limit", help="Score only the first N documents.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")]


def _check_date(date: str | None) -> None:
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise typer.BadParameter(f"{date!r} is not a date of the form YYYY-MM-DD", param_hint="--date")


def _report_problem(problem: Problem) -> None:
    where = f" ({problem.stage})" if problem.stage != "ingest" else ""
    err.print(
        f"[yellow]storyline: skipped[/yellow] {problem.source}{where}: {problem.reason}", highlight=False
    )


@contextmanager
def _progress(description: str):
    """A Rich progress line on stderr counting articles; quiet when stderr is not a terminal."""
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with progress:
        task = progress.add_task(description, total=None)
        yield lambda _analysis: progress.advance(task)


@app.command()
def analyze(
    paths: Paths,
    date: DateOption = None,
    one_article: OneArticle = False,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write JSON Lines here.")] = None,
) -> None:
    """Analyse articles and write one storyline/analysis@1 JSON object per article (JSON Lines)."""
    from .api import analyze_paths
    from .serialize import dumps_line

    _check_date(date)
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with _progress("analysing") as advance:
            for analysis in analyze_paths(
                paths, date=date, one_article=one_article, on_problem=_report_problem, on_article=advance
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
    from . import api
    from .store import StoreError

    _check_date(date)
    try:
        with _progress("building") as advance:
            summary = api.build(
                paths, db, date=date, one_article=one_article, on_problem=_report_problem, on_article=advance
            )
    except StoreError as error:
        err.print(f"storyline: {error}", highlight=False)
        raise typer.Exit(1) from None
    err.print(
        f"{db}: {summary.articles_added} articles added, {summary.articles_unchanged} already stored, "
        f"{len(summary.problems)} problems",
        highlight=False,
    )


def _open_store(db: Path):
    from .store import Store

    if not db.exists():
        err.print(
            f"storyline: no dossier at {db}: run `storyline build PATH... --db {db}` first", highlight=False
        )
        raise typer.Exit(1)
    return Store(db)


@app.command()
def articles(
    db: DbOption = settings.DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """List the stored articles with their publication dates."""
    from rich.table import Table

    with _open_store(db) as store:
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
    entity: Annotated[str | None, typer.Option("--entity", help="Only sentences naming this entity (name or id).")] = None,
    since: Annotated[str | None, typer.Option("--from", help="First day (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last day (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """The story's timeline: every dated expression in time order, with its sentence."""
    from rich.table import Table

    from .serialize import timeline_point_to_json
    from .store.timeline import read_bound

    try:
        bounds = read_bound(since), read_bound(until, last=True)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--from/--to") from None
    with _open_store(db) as store:
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
    speaker: Annotated[str | None, typer.Option("--speaker", help="Only this speaker's quotes (name, part of a name or id).")] = None,
    search: Annotated[str | None, typer.Option("--search", help="Only quotes holding every one of these words.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, partial, indirect, mixed or scare.")] = None,
    format: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """Who said what: the stored quotes by article date, each with its speaker, cue and sentence."""
    from rich.table import Table

    from .models import QUOTE_KINDS
    from .store.records import shorten

    if kind is not None and kind not in QUOTE_KINDS:
        raise typer.BadParameter(f"{kind!r} is not one of {', '.join(QUOTE_KINDS)}", param_hint="--kind")
    with _open_store(db) as store:
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
        table.add_row(who, hit.kind, ("  ↳ " if hit.nested else "") + shorten(hit.text, 100), hit.published or "?")
    Console().print(table)


entities_app = typer.Typer(
    help="People and organisations: list them, explain them, correct them (merge, split).",
    invoke_without_command=True,
)
app.add_typer(entities_app, name="entities")
TypeOption = Annotated[str | None, typer.Option("--type", help="Only entities of this type (PERSON, ORG, GPE...).")]
FormatOption = Annotated[str, typer.Option("--format", help="table or json")]
LaterFlag = Annotated[
    bool, typer.Option("--later", help="Only record the correction; the next build applies it.")
]


@entities_app.callback()
def entities(
    ctx: typer.Context,
    db: DbOption = settings.DEFAULT_DB,
    explain: Annotated[str | None, typer.Option("--explain", help="Why this name is what it is: variants, roles, merges and splits.")] = None,
    type: TypeOption = None,
    format: FormatOption = "table",
) -> None:
    """List the stored entities with their variants, roles and counts (or --explain one name)."""
    if ctx.invoked_subcommand is not None:
        return
    with _open_store(db) as store:
        if explain is not None:
            found = store.explain_entity(explain)
            if not found["entities"] and not found["decisions"]:
                err.print(f"storyline: no entity {explain!r} in {db}", highlight=False)
                raise typer.Exit(1)
        else:
            overview = store.entity_overview(type)
    if explain is not None:
        _print_explanation(found, format)
        return
    if format == "json":
        for entity in overview:
            print(json.dumps(entity.as_dict(), ensure_ascii=False))
        return
    from rich.table import Table

    table = Table("type", "name", "variants", "articles", "mentions", "quotes", "roles", caption=f"{len(overview)} entities")
    for e in overview:
        table.add_row(e.type, e.name, "; ".join(e.variants), str(e.articles), str(e.mentions), str(e.quotes), "; ".join(e.roles))
    Console().print(table)


def _print_explanation(found: dict, format: str) -> None:
    if format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return
    out = Console(highlight=False)
    for e in found["entities"]:
        votes = ", ".join(f"{t} {n}" for t, n in sorted(e["type_votes"].items(), key=lambda kv: -kv[1]))
        out.print(f"[bold]{e['name']}[/bold] ({e['type']}, {e['id']}): {e['articles']} articles, "
                  f"{e['mentions']} mentions, {e['quotes']} quotes")
        out.print(f"  variants: {'; '.join(e['variants']) or '-'}")
        out.print(f"  type votes: {votes or '-'}")
        for role in e["roles"]:
            out.print(f"  role ({role['kind']}): {role['text']!r} in {role['article']} at {role['start']}-{role['end']}")
    for d in found["decisions"]:
        out.print(f"{d['kind']} {' + '.join(repr(n) for n in d['names'])} in {d['article']}: {d['reason']}")
        if d["evidence"]:
            out.print(f"  evidence: …{' '.join(d['evidence'].split())}…")
    for c in found["corrections"]:
        out.print(f"user {c['kind']} {c['name']!r} / {c['other']!r} ({c['made_at']})")


def _correct(db: Path, kind: str, name: str, other: str, later: bool) -> None:
    """Record a correction, then analyse the stored articles again under it (unless later)."""
    from . import api

    with _open_store(db) as store:
        # Corrections act on the names the entity stage matches (its folded variants): refuse any other.
        for given in (name, other):
            if not store.variant_owners(given):
                found = [e for word in given.split() for e in store.explain_entity(word)["entities"]]
                near = sorted({v for e in found for v in e["variants"]})
                hint = f"; names holding those words: {', '.join(near)}" if near else ""
                err.print(f"storyline: {given!r} is not a name of any entity in {db}{hint}; nothing recorded", highlight=False)
                raise typer.Exit(1)
        store.add_correction(kind, name, other)
    if later:
        err.print(f"{db}: {kind} recorded; the next `storyline build` applies it", highlight=False)
        return
    with _progress("re-analysing") as advance:
        summary = api.reanalyse(db, on_article=advance)
    for problem in summary.problems:
        _report_problem(problem)
    err.print(f"{db}: {kind} recorded; {summary.articles_reanalysed} stored articles re-analysed", highlight=False)
    with _open_store(db) as store:
        owners = store.variant_owners(name), store.variant_owners(other)
    # Say so rather than let the user believe it: inside one article the stage's own evidence still wins.
    if kind == "merge" and all(owners) and owners[0] != owners[1]:
        err.print(
            f"storyline: warning: {name!r} and {other!r} are still apart in some article (a merge joins "
            "entities across articles; inside one article the entity stage's own evidence wins)",
            highlight=False,
        )
    if kind == "split" and owners[0] & owners[1]:
        err.print(f"storyline: warning: {name!r} and {other!r} are still one entity somewhere", highlight=False)


@entities_app.command("merge")
def entities_merge(
    name: Annotated[str, typer.Argument(help="A name of the entity to merge (for instance a variant).")],
    into: Annotated[str, typer.Argument(help="A name of the entity it is the same as.")],
    db: DbOption = settings.DEFAULT_DB,
    later: LaterFlag = False,
) -> None:
    """Say that two names are one entity; stored and respected on every rebuild."""
    _correct(db, "merge", name, into, later)


@entities_app.command("split")
def entities_split(
    name: Annotated[str, typer.Argument(help="The name variant to set apart.")],
    other: Annotated[str, typer.Option("--from", help="The name it must never be one entity with.")],
    db: DbOption = settings.DEFAULT_DB,
    later: LaterFlag = False,
) -> None:
    """Say that two names are never one entity (undoes a merge of the same names); respected on every rebuild."""
    _correct(db, "split", name, other, later)


@app.command()
def report(
    db: DbOption = settings.DEFAULT_DB,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
) -> None:
    """Write the dossier as one self-contained HTML page."""
    from .report import render_report

    with _open_store(db) as store:
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
    from .web import serve as serve_app

    _open_store(db).close()
    err.print(f"storyline: serving {db} at http://{host}:{port}/", highlight=False)
    serve_app(db, host=host, port=port)


@eval_app.command("split")
def eval_split(
    gold: Annotated[
        list[Path] | None, typer.Option("--gold", help="A gold file (default: the bundled ones).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Article boundaries and block kinds against gold files and synthetic pastes."""
    from .evaluate.split import main

    raise typer.Exit(main(gold, as_json))


@eval_app.command("quotes")
def eval_quotes(data: DataOption = None, limit: LimitOption = None, as_json: JsonFlag = False) -> None:
    """Quotations and attribution on PolNeAR dev and the reference story, beside textacy."""
    from .evaluate.quotes import main

    raise typer.Exit(main(data, limit, as_json))


@eval_app.command("entities")
def eval_entities(data: DataOption = None, limit: LimitOption = None, as_json: JsonFlag = False) -> None:
    """Entity coreference on GUM Wikinews and ECB+ dev, beside exact-name clustering."""
    from .evaluate.entities import main

    raise typer.Exit(main(data, limit, as_json))


@eval_app.command("timex")
def eval_timex(data: DataOption = None, limit: LimitOption = None, as_json: JsonFlag = False) -> None:
    """Temporal expressions on TimeBank (TempEval-3 scoring), beside dateparser."""
    from .evaluate.timex import main

    raise typer.Exit(main(data, limit, as_json))
