"""`storyline entities`: list, explain and correct (merge, split) the people and organisations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from .. import settings
from .common import DbOption, app, err, open_dossier, progress_of, report_problem

entities_app = typer.Typer(
    help="People and organisations: list them, explain them, correct them (merge, split).",
    invoke_without_command=True,
)
app.add_typer(entities_app, name="entities")
TypeOption = Annotated[
    str | None, typer.Option("--type", help="Only entities of this type (PERSON, ORG, GPE...).")
]
FormatOption = Annotated[str, typer.Option("--format", help="table or json")]
LaterFlag = Annotated[
    bool, typer.Option("--later", help="Only record the correction; the next build applies it.")
]


@entities_app.callback()
def entities(
    ctx: typer.Context,
    db: DbOption = settings.DEFAULT_DB,
    explain: Annotated[
        str | None,
        typer.Option("--explain", help="Why this name is what it is: variants, roles, merges and splits."),
    ] = None,
    type: TypeOption = None,
    format: FormatOption = "table",
) -> None:
    """List the stored entities with their variants, roles and counts (or --explain one name)."""
    if ctx.invoked_subcommand is not None:
        return
    with open_dossier(db) as store:
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

    table = Table(
        "type",
        "name",
        "variants",
        "articles",
        "mentions",
        "quotes",
        "roles",
        caption=f"{len(overview)} entities",
    )
    for e in overview:
        table.add_row(
            e.type,
            e.name,
            "; ".join(e.variants),
            str(e.articles),
            str(e.mentions),
            str(e.quotes),
            "; ".join(e.roles),
        )
    Console().print(table)


def _print_explanation(found: dict, format: str) -> None:
    if format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return
    out = Console(highlight=False)
    for e in found["entities"]:
        votes = ", ".join(f"{t} {n}" for t, n in sorted(e["type_votes"].items(), key=lambda kv: -kv[1]))
        out.print(
            f"[bold]{e['name']}[/bold] ({e['type']}, {e['id']}): {e['articles']} articles, "
            f"{e['mentions']} mentions, {e['quotes']} quotes"
        )
        out.print(f"  variants: {'; '.join(e['variants']) or '-'}")
        out.print(f"  type votes: {votes or '-'}")
        for role in e["roles"]:
            out.print(
                f"  role ({role['kind']}): {role['text']!r} in {role['article']} at {role['start']}-{role['end']}"
            )
    for d in found["decisions"]:
        out.print(f"{d['kind']} {' + '.join(repr(n) for n in d['names'])} in {d['article']}: {d['reason']}")
        if d["evidence"]:
            out.print(f"  evidence: …{' '.join(d['evidence'].split())}…")
    for c in found["corrections"]:
        out.print(f"user {c['kind']} {c['name']!r} / {c['other']!r} ({c['made_at']})")


def _correct(db: Path, kind: str, name: str, other: str, later: bool) -> None:
    """Record a correction, then analyse the stored articles again under it (unless later)."""
    from .. import api

    with open_dossier(db) as store:
        # Corrections act on the names the entity stage matches (its folded variants): refuse any other.
        for given in (name, other):
            if not store.variant_owners(given):
                found = [e for word in given.split() for e in store.explain_entity(word)["entities"]]
                near = sorted({v for e in found for v in e["variants"]})
                hint = f"; names holding those words: {', '.join(near)}" if near else ""
                err.print(
                    f"storyline: {given!r} is not a name of any entity in {db}{hint}; nothing recorded",
                    highlight=False,
                )
                raise typer.Exit(1)
        store.add_correction(kind, name, other)
    if later:
        err.print(f"{db}: {kind} recorded; the next `storyline build` applies it", highlight=False)
        return
    with progress_of("re-analysing") as advance:
        summary = api.reanalyse(db, on_article=advance)
    for problem in summary.problems:
        report_problem(problem)
    err.print(
        f"{db}: {kind} recorded; {summary.articles_reanalysed} stored articles re-analysed", highlight=False
    )
    with open_dossier(db) as store:
        owners = store.variant_owners(name), store.variant_owners(other)
    # Say so rather than let the user believe it (a split made later on the same names wins, for one).
    if kind == "merge" and all(owners) and owners[0] != owners[1]:
        err.print(f"storyline: warning: {name!r} and {other!r} are still apart somewhere", highlight=False)
    if kind == "split" and owners[0] & owners[1]:
        err.print(
            f"storyline: warning: {name!r} and {other!r} are still one entity somewhere", highlight=False
        )


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
