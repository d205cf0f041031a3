"""Bad inputs: each becomes a Problem naming the input and the reason, and the rest of the batch goes on."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from storyline.ingest import read_inputs
from storyline.models import Problem, RawItem

GOOD = "The minister said on Tuesday that talks would resume."
PAGE_WITHOUT_ARTICLE = "<!doctype html><html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"


def make_empty(folder: Path) -> Path:
    return write(folder / "empty.txt", b"")


def make_blank(folder: Path) -> Path:
    return write(folder / "blank.txt", b" \r\n\t\n")


def make_binary(folder: Path) -> Path:
    return write(folder / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")


def make_undecodable(folder: Path) -> Path:
    # No NUL bytes, not UTF-8, and as cp1252 it would be mostly accented symbols: not text.
    return write(folder / "garbage.txt", bytes(range(0xA0, 0x100)) * 20)


def make_missing(folder: Path) -> Path:
    return folder / "missing.txt"


def make_broken_symlink(folder: Path) -> Path:
    link = folder / "link.txt"
    link.symlink_to(folder / "gone.txt")
    return link


def make_fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("this platform has no FIFOs")
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)  # opening it would block forever with no writer: ingest must not try
    return fifo


def make_under_a_file(folder: Path) -> Path:
    # A path whose parent is a regular file cannot be opened (ENOTDIR), whoever runs the test.
    return write(folder / "story.txt", GOOD) / "child.txt"


def make_empty_page(folder: Path) -> Path:
    return write(folder / "menu.html", PAGE_WITHOUT_ARTICLE)


def make_json_document(folder: Path) -> Path:
    return write(folder / "articles.json", '[\n  {"text": "One story."}\n]\n')


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (make_empty, "empty file"),
        (make_blank, "empty file (only whitespace)"),
        (make_binary, "binary content (NUL bytes), not text"),
        (make_undecodable, "not valid UTF-8 and not plausible Windows-1252 text"),
        (make_missing, "no such file or directory"),
        (make_broken_symlink, "broken symbolic link"),
        (make_fifo, "not a regular file but a FIFO"),
        (make_under_a_file, "cannot open: Not a directory"),
        (make_empty_page, "no article text found in the page"),
        (make_json_document, "a JSON document, not JSON Lines"),
    ],
    ids=["empty", "blank", "binary", "undecodable", "missing", "broken-symlink", "fifo", "under-a-file", "empty-page",
         "json-document"],
)
def test_bad_input_is_a_problem_and_the_batch_goes_on(tmp_path, make, reason):
    before = write(tmp_path / "before.txt", GOOD)
    bad = make(tmp_path)
    after = write(tmp_path / "after.txt", GOOD)
    items = list(read_inputs([str(before), str(bad), str(after)]))
    assert [type(item).__name__ for item in items] == ["RawItem", "Problem", "RawItem"]
    problem = items[1]
    assert problem.source == str(bad)
    assert problem.reason.startswith(reason)
    assert problem.stage == "ingest"
    assert [item.source for item in (items[0], items[2])] == [str(before), str(after)]


def test_bad_input_in_a_folder_walk_is_reported(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    write(tmp_path / "b.txt", b"\x00\x01\x02binary")
    make_broken_symlink(tmp_path)
    write(tmp_path / "z.txt", GOOD)
    items = list(read_inputs([str(tmp_path)]))
    assert [(Path(item.source).name, type(item).__name__) for item in items] == [
        ("a.txt", "RawItem"), ("b.txt", "Problem"), ("link.txt", "Problem"), ("z.txt", "RawItem")]


def test_bad_input_folder_without_inputs(tmp_path):
    write(tmp_path / "README.md", "About this folder.")
    write(tmp_path / "table.csv", "a,b")
    [problem] = list(read_inputs([str(tmp_path)]))
    assert problem.source == str(tmp_path) and problem.reason.startswith("no news inputs in the folder")


def can_read_chmod_000() -> bool:
    """Root (CAP_DAC_OVERRIDE) reads a file whatever its mode; then permission tests cannot fail."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder, "probe")
        probe.write_text("x")
        probe.chmod(0)
        try:
            probe.read_text()
        except PermissionError:
            return False
        finally:
            probe.chmod(0o644)
    return True


root_reads_everything = pytest.mark.skipif(
    os.name != "posix" or can_read_chmod_000(),
    reason="this process reads chmod 000 files (root); run under "
    "`setpriv --bounding-set=-dac_override,-dac_read_search` to test",
)


@root_reads_everything
def test_bad_input_unreadable_folder(tmp_path):
    write(tmp_path / "a.txt", GOOD)
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked / "b.txt", GOOD)
    locked.chmod(0)
    try:
        items = list(read_inputs([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert [(item.source, type(item).__name__) for item in items] == [
        (str(locked), "Problem"), (str(tmp_path / "a.txt"), "RawItem")]


@root_reads_everything
def test_bad_input_unreadable_file(tmp_path):
    path = write(tmp_path / "secret.txt", GOOD)
    path.chmod(0)
    try:
        [problem] = list(read_inputs([str(path)]))
    finally:
        path.chmod(0o644)
    assert isinstance(problem, Problem) and "Permission denied" in problem.reason


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_bad_input_huge_file_is_read_whole(tmp_path, encoding):
    line = "Officials said on Tuesday that 26 people were “rescued” — the navy’s café confirmed it.\n"
    path = tmp_path / "huge.txt"
    with path.open("w", encoding=encoding) as handle:
        handle.write(line * (50_000_000 // len(line.encode(encoding)) + 1))
    size = path.stat().st_size
    started = time.perf_counter()
    [item] = list(read_inputs([str(path)]))
    seconds = time.perf_counter() - started
    print(f"read {size / 1e6:.1f} MB of {encoding} in {seconds:.2f} s")  # shown with -s; machines differ
    assert size >= 50_000_000
    assert isinstance(item, RawItem) and len(item.text) == len(path.read_text(encoding=encoding))
