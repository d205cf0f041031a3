"""What every storyline command shares: the Typer app, option types, problem messages, progress, the store."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..models import Problem

if TYPE_CHECKING:
    from ..store import Store

app = typer.Typer(
    help="Turn raw news into a sourced story dossier.", no_args_is_help=True, add_completion=False
)

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


def check_date(date: str | None) -> None:
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise typer.BadParameter(f"{date!r} is not a date of the form YYYY-MM-DD", param_hint="--date")


def report_problem(problem: Problem) -> None:
    """One line on stderr naming the input (and the stage, past ingest) and the reason."""
    where = f" ({problem.stage} stage)" if problem.stage != "ingest" else ""
    err.print(f"[yellow]storyline:[/yellow] {problem.source}{where}: {problem.reason}", highlight=False)


@contextmanager
def progress_of(description: str) -> Iterator[Callable[[Any], None]]:
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


def open_dossier(db: Path) -> Store:
    """The store at `db`, or a message and exit status 1 when there is none or it is not a dossier."""
    from ..store import StoreError, open_store

    if not db.exists():
        err.print(
            f"storyline: no dossier at {db}: run `storyline build PATH... --db {db}` first", highlight=False
        )
        raise typer.Exit(1)
    try:
        return open_store(db, create=False)
    except StoreError as error:
        err.print(f"storyline: {error}", highlight=False)
        raise typer.Exit(1) from None
