"""Build the shipped actor tables from the Phoenix (petrarch2, MIT) dictionaries in ../shared/data.

    python scripts/make_actor_tables.py [DICTIONARY_DIR]

Writes src/storyline/data/countries.tsv (phrase -> ISO alpha-3 country code, country-level names,
adjectives and cities only: no dated individuals) and src/storyline/data/agents.tsv (agent noun ->
sector code such as GOV, MIL, REB). Both keep the MIT notice of their source in their header.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT / ".." / "shared" / "data" / "event-dictionaries"
OUT = ROOT / "src" / "storyline" / "data"
NOTICE = (
    "# Derived from the Phoenix actor dictionaries of openeventdata/petrarch2 (commit 676801cd),\n"
    "# (c) 2014 Open Event Data Alliance, MIT License; see NOTICE. Built by scripts/make_actor_tables.py.\n"
)


def phrase(raw: str) -> str:
    words = raw.split("#", 1)[0].strip().strip("+").replace("_", " ")
    return " ".join(words.split()).lower()


def country_rows(path: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    group: list[str] = []
    code: str | None = None

    def flush() -> None:
        if code and re.fullmatch(r"[A-Z]{3}", code):
            rows.extend((name, code) for name in group if name)

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        found = re.search(r"\[([A-Z]{3,6})(?:\s[^\]]*)?\]", line)
        if line.startswith("+"):
            group.append(phrase(line))
        elif line[0].isspace():
            if found and code is None:
                code = found.group(1) if " " not in found.group(0) else None
        else:
            flush()
            group = [phrase(line.split("[", 1)[0])]
            code = found.group(1) if found and " " not in found.group(0).strip("[]") else None
    flush()
    return rows


def agent_rows(path: Path) -> list[tuple[str, str]]:
    macros: dict[str, list[str]] = {}
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, values = line.split("=", 1)
            macros[name.strip()] = [v.strip() for v in values.split(",")]
            continue
        found = re.match(r"(.+?)\s*\[~([A-Z]{3})\]", line)
        if not found:
            continue
        names = [found.group(1)]
        for macro, values in macros.items():
            if macro in found.group(1):
                names = [found.group(1).replace(macro, v) for v in values]
        rows.extend((phrase(n), found.group(2)) for n in names)
    return rows


def write(path: Path, rows: list[tuple[str, str]]) -> None:
    unique = sorted(set(rows))
    path.write_text(NOTICE + "".join(f"{a}\t{b}\n" for a, b in unique), encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(unique)} rows")


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "countries.tsv", country_rows(folder / "Phoenix.Countries.actors.txt"))
    write(OUT / "agents.tsv", agent_rows(folder / "Phoenix.agents.txt"))


if __name__ == "__main__":
    main()
