"""Phrase -> Phoenix actor codes: the country a phrase names or implies and the sector of a role word.

Read by the event stage to code actors and by the entity stage to know a country when one acts. The tables
(storyline/data/countries.tsv, agents.tsv) come from the Phoenix dictionaries; each is read once.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def _table(name: str) -> dict[str, str]:
    text = resources.files("storyline").joinpath(f"data/{name}").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {phrase: code for phrase, code in rows}


def country_code(words: str) -> str | None:
    """The country a phrase names or implies: 'Colombian' -> COL, 'the U.S.' -> USA."""
    countries = _table("countries.tsv")
    tokens = re.findall(r"[\w.'-]+", words.lower())
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            code = countries.get(" ".join(tokens[i: i + size]))
            if code:
                return code
    return None


def sector_code(words: str) -> str | None:
    agents = _table("agents.tsv")
    tokens = re.findall(r"[\w'-]+", words.lower())
    for size in (2, 1):
        for i in range(len(tokens) - size + 1):
            sector = agents.get(" ".join(tokens[i: i + size]))
            if sector:
                return sector
    return None


def country_table() -> dict[str, str]:
    """Every country name, adjective and capital (lower case) -> its ISO code."""
    return _table("countries.tsv")

