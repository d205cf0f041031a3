"""The `storyline` command line: each command parses its arguments and calls one library function.

`common` holds the app and what commands share; `dossier`, `entities` and `evaluate` register their
commands on it when imported, in the order `storyline --help` lists them.
"""

from . import dossier, entities, evaluate  # noqa: F401  (importing registers the commands)
from .common import app

__all__ = ["app"]
