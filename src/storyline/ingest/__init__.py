"""Paths and stdin -> RawItems (plain text, HTML, JSON Lines), and a Problem for each input that cannot be read.

`read_inputs` never raises for a bad input: an empty, binary, undecodable, missing or unreadable input
becomes a Problem that names it and says why, and the rest of the batch goes on.

Offsets: a plain-text RawItem's text is the decoded source with mojibake repaired and line endings turned
into \\n (see `decode`); its source_offset is 0 and every span storyline reports for it is into that text,
not into the raw bytes. HTML pages and JSON Lines records are extracted text: source_offset is None.

Folders are read recursively in a stable order: sorted by path components in Python string order
(a/10.md, a/2.txt, a.txt, b.txt). In a folder, hidden files and folders and files that are not news inputs (other
extensions, README/NOTICE/LICENSE...) are skipped silently; a file named explicitly is always read, its
format sniffed from its content when the extension does not say. There is no size cap: a 50 MB file is
read whole (peak memory 234 MB for 50 MB of UTF-8 with curly quotes: bytes plus a
two-byte-per-character str).
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from ..models import Problem, RawItem
from .decode import DecodeError, decode_bytes, repair_text
from .html import extract_page, sniff_charset
from .jsonl import read_records

STAGE_VERSION = "ingest.v1"

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# Files that sit beside news inputs in a folder but are never news: skipped in folder walks.
NON_INPUT_STEMS = {"readme", "notice", "license", "licence", "copying", "authors", "changelog", "makefile"}
HTML_SIGNATURES = ("<!doctype html", "<html")


def read_inputs(
    paths: Sequence[str], *, stdin: TextIO | BinaryIO | None = None
) -> Iterator[RawItem | Problem]:
    """Each path (file, folder, or `-` for stdin) -> its RawItems, or Problems naming what went wrong."""
    for given in paths:
        if given == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(given)
        if path.is_dir():
            yield from read_folder(path)
        else:
            yield from read_file(path, given)


def read_folder(folder: Path) -> Iterator[RawItem | Problem]:
    paths, problems = walk_folder(folder)
    yield from problems
    if not paths and not problems:
        suffixes = ", ".join(sorted(suffix for suffix in INPUT_SUFFIXES if suffix))
        yield Problem(str(folder), f"no news inputs in the folder (looked for {suffixes} and files without extension)")
    for path in paths:
        yield from read_file(path, str(path))


def walk_folder(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The news inputs under a folder, in a stable order; hidden entries and non-inputs left out.

    A subfolder that cannot be listed is a Problem; symlinked folders are not followed (no loops).
    """
    found: list[Path] = []
    problems: list[Problem] = []

    def report(error: OSError) -> None:
        problems.append(Problem(str(error.filename), f"cannot list the folder: {error.strerror or error}"))

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            path = Path(root, name)
            if not name.startswith(".") and is_input_name(path):
                found.append(path)
    return sorted(found, key=lambda path: path.relative_to(folder).parts), problems


def is_input_name(path: Path) -> bool:
    return path.suffix.lower() in INPUT_SUFFIXES and path.stem.lower() not in NON_INPUT_STEMS


def read_file(path: Path, source: str) -> Iterator[RawItem | Problem]:
    problem = check_path(path, source)
    if problem:
        yield problem
        return
    try:
        data = path.read_bytes()
    except OSError as error:
        yield Problem(source, f"cannot read: {error.strerror or error}")
        return
    yield from read_bytes(data, source, path.suffix.lower())


def check_path(path: Path, source: str) -> Problem | None:
    """A Problem when the path is not a regular file one can open, before trying (a FIFO would block)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return Problem(source, f"broken symbolic link (its target {os.readlink(path)!r} does not exist)")
        return Problem(source, "no such file or directory")
    except OSError as error:
        return Problem(source, f"cannot open: {error.strerror or error}")
    if not stat.S_ISREG(mode):
        return Problem(source, f"not a regular file but {describe_mode(mode)}")
    return None


def describe_mode(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "special file"


def read_stdin(stream: TextIO | BinaryIO) -> Iterator[RawItem | Problem]:
    """`-`: plain text from stdin (an HTML page piped in is recognised by its opening tag)."""
    binary = getattr(stream, "buffer", stream)
    data = binary.read()
    if isinstance(data, str):
        yield from read_text(data, "-")
    else:
        yield from read_bytes(data, "-", "")


def read_bytes(data: bytes, source: str, suffix: str) -> Iterator[RawItem | Problem]:
    if not data.strip():
        yield Problem(source, "empty file" if data == b"" else "empty file (only whitespace)")
        return
    try:
        text = decode_input(data, suffix)
    except DecodeError as error:
        yield Problem(source, str(error))
        return
    yield from read_text(text, source, suffix)


def decode_input(data: bytes, suffix: str) -> str:
    """Bytes -> str; a web page's declared charset is used when the bytes are not UTF-8."""
    if suffix in HTML_SUFFIXES or looks_like_html(data[:1024]):
        declared = sniff_charset(data)
        # Pages often declare a charset they do not use: bytes that decode as UTF-8 are UTF-8. Browsers
        # read a declared Latin-1 as Windows-1252 (WHATWG Encoding), and so does this.
        if declared and declared not in {"utf-8", "latin-1", "iso8859-1"}:
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    return data.decode(declared)
                except UnicodeDecodeError:
                    pass  # a wrong declaration: the cascade decides
    return decode_bytes(data)[0]


def read_text(text: str, source: str, suffix: str = "") -> Iterator[RawItem | Problem]:
    """Decoded text -> RawItems by format: the extension decides, else the content."""
    kind = detect_format(text, suffix)
    if kind == "jsonl":
        yield from read_records(text.replace("\r\n", "\n").replace("\r", "\n"), source)
        return
    if kind == "json":
        yield Problem(source, "a JSON document, not JSON Lines: give one article object per line (.jsonl)")
        return
    text = repair_text(text)
    if not text.strip():
        yield Problem(source, "empty file (only whitespace)")
    elif kind == "html":
        try:
            item = extract_page(text, source)
        except Exception as error:  # a page the extractor chokes on must not stop the batch
            yield Problem(source, f"could not extract the page: {type(error).__name__}: {error}")
            return
        yield item if item is not None else Problem(source, "no article text found in the page")
    else:
        yield RawItem(source=source, text=text, format="text")


def detect_format(text: str, suffix: str) -> str:
    """"html", "jsonl", "json" (a JSON document that is not JSON Lines) or "text"."""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    head = text[:1024].lstrip("\ufeff \t\r\n")
    if head.lower().startswith(HTML_SIGNATURES):
        return "html"
    if suffix in TEXT_SUFFIXES or not head.startswith("{"):
        return "json" if suffix == ".json" else "text"
    first_line = head[: head.find("\n")] if "\n" in head else text.lstrip("\ufeff \t\r\n")[:100_000]
    try:
        record = json.loads(first_line)
    except ValueError:
        record = None
    if isinstance(record, dict) and "text" in record:
        return "jsonl"
    return "json" if suffix == ".json" else "text"


def looks_like_html(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith(tuple(sig.encode() for sig in HTML_SIGNATURES))
