"""JSON Lines of articles -> one RawItem per record; a bad line is a Problem naming path:LINE, the rest go on.

Each line is an object with `text` (required), and optionally `title`, `published` (YYYY-MM-DD, or an ISO
date-time whose date part is kept), `url` and `source` (the outlet's name; `outlet` is read too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ..models import Problem, RawItem
from .decode import repair_text

ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?$")
OPTIONAL_FIELDS = ("title", "published", "url", "source", "outlet")


def read_records(text: str, source: str) -> Iterator[RawItem | Problem]:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield from read_record(line, f"{source}:{number}")


def read_record(line: str, source: str) -> Iterator[RawItem | Problem]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        yield Problem(source, f"invalid JSON ({error.msg} at column {error.colno})")
        return
    if not isinstance(record, dict):
        yield Problem(source, f"not a JSON object but {type(record).__name__}")
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Problem(source, "no article text (the 'text' field is missing, empty or not a string)")
        return
    fields = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            yield Problem(source, f"field '{name}' is not a string; the record is read without it")
            value = None
        fields[name] = value.strip() if value and value.strip() else None
    published = fields["published"]
    if published is not None:
        match = ISO_DATE.match(published)
        if match is None:
            yield Problem(source, f"'published' {published!r} is not a YYYY-MM-DD date; the record is read without it")
        published = match.group(1) if match else None
    yield RawItem(
        source=source, text=repair_text(text), format="jsonl", splittable=False, source_offset=None,
        title=fields["title"], published=published, url=fields["url"],
        outlet=fields["source"] or fields["outlet"],
    )
