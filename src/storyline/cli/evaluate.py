"""`storyline eval`: score each capability against annotated data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .common import DataOption, JsonFlag, LimitOption, app

eval_app = typer.Typer(help="Score a capability against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("split")
def eval_split(
    gold: Annotated[
        list[Path] | None, typer.Option("--gold", help="A gold file (default: the bundled ones).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Article boundaries and block kinds against gold files and synthetic pastes."""
    from ..evaluate.split import main

    raise typer.Exit(main(gold, as_json))


@eval_app.command("quotes")
def eval_quotes(data: DataOption = None, limit: LimitOption = None, as_json: JsonFlag = False) -> None:
    """Quotations and attribution on PolNeAR dev and the reference story, beside textacy."""
    from ..evaluate.quotes import main

    raise typer.Exit(main(data, limit, as_json))


@eval_app.command("entities")
def eval_entities(data: DataOption = None, limit: LimitOption = None, as_json: JsonFlag = False) -> None:
    """Entity coreference on GUM Wikinews and ECB+ dev, beside exact-name clustering."""
    from ..evaluate.entities import main

    raise typer.Exit(main(data, limit, as_json))


@eval_app.command("timex")
def eval_timex(data: DataOption = None, limit: LimitOption = None, as_json: JsonFlag = False) -> None:
    """Temporal expressions on TimeBank (TempEval-3 scoring), beside dateparser."""
    from ..evaluate.timex import main

    raise typer.Exit(main(data, limit, as_json))
