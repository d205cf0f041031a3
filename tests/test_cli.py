"""The storyline command end to end, as a user runs it: real files, real spaCy, real SQLite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from storyline.serialize import analysis_from_json, analysis_schema, analysis_to_json

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT.parent / "shared" / "seed" / "story.txt"
EXAMPLE = ROOT / "src" / "storyline" / "example" / "corpus"
needs_story = pytest.mark.skipif(not STORY.exists(), reason="../shared/seed/story.txt is not here")


def storyline(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "storyline", *args]
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=600)


def lines_of(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def check_offsets(obj: dict) -> None:
    text = obj["text"]
    for item in obj["quotes"] + obj["timexes"] + obj["figures"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for block in obj["blocks"]:
        assert 0 <= block["start"] < block["end"] <= len(text)
    for entity in obj["entities"]:
        for start, end in entity["mentions"]:
            assert 0 <= start < end <= len(text)


@pytest.fixture(scope="module")
def story_lines() -> list[dict]:
    if not STORY.exists():
        pytest.skip("../shared/seed/story.txt is not here")
    result = storyline("analyze", str(STORY))
    assert result.returncode == 0, result.stderr
    return lines_of(result.stdout)


@needs_story
def test_cli_analyze_story_validates_against_the_schema(story_lines):
    schema = analysis_schema()
    for obj in story_lines:
        jsonschema.validate(obj, schema)
        check_offsets(obj)


@needs_story
def test_cli_analyze_story_finds_four_dated_articles(story_lines):
    assert len(story_lines) == 4
    source = STORY.read_text(encoding="utf-8")
    for obj in story_lines:
        start, end = obj["source_span"]
        assert source[start:end] == obj["text"]
    assert story_lines[0]["published"]["value"] == "2026-02-03"
    assert all(obj["published"]["evidence"] for obj in story_lines if obj["published"]["value"])


@needs_story
def test_cli_analyze_fills_every_field_with_something_real(story_lines):
    for field in ("entities", "quotes", "timexes", "figures", "events"):
        assert any(obj[field] for obj in story_lines), field


@needs_story
def test_cli_analysis_json_round_trips(story_lines):
    for obj in story_lines:
        assert analysis_to_json(analysis_from_json(obj)) == obj


def test_cli_analyze_reads_stdin_and_writes_output_file(tmp_path):
    out = tmp_path / "out.jsonl"
    result = storyline("analyze", "-", "--date", "2024-05-02", "--output", str(out),
                       stdin="The mayor said on Tuesday that the bridge would reopen.\n")
    assert result.returncode == 0, result.stderr
    (obj,) = lines_of(out.read_text(encoding="utf-8"))
    assert obj["source"] == "-"
    assert obj["published"] == {"value": "2024-05-02", "how": "assumed", "evidence": None} or (
        obj["published"]["value"] == "2024-05-02"
    )


def test_cli_bad_date_is_bad_usage():
    result = storyline("analyze", "-", "--date", "May 2nd", stdin="text\n")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr


def test_cli_rejects_bad_inputs_by_name_and_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00\xff" * 50)
    (tmp_path / "good.txt").write_text("The council approved the budget on Monday, officials said.\n",
                                       encoding="utf-8")
    result = storyline("analyze", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.returncode == 0, result.stderr
    assert len(lines_of(result.stdout)) == 1
    for name in ("empty.txt", "binary.txt", "missing.txt"):
        assert name in result.stderr


def test_cli_build_twice_leaves_the_store_unchanged(tmp_path):
    from storyline.store import Store

    db = tmp_path / "dossier.db"
    first = storyline("build", str(EXAMPLE), "--db", str(db))
    assert first.returncode == 0, first.stderr
    with Store(db) as store:
        before = store.stats()
    second = storyline("build", str(EXAMPLE), "--db", str(db))
    assert second.returncode == 0, second.stderr
    with Store(db) as store:
        assert store.stats() == before
    assert before["articles"] > 0
    assert "0 articles added" in second.stderr


def test_cli_articles_lists_what_build_stored(tmp_path):
    db = tmp_path / "dossier.db"
    storyline("build", str(EXAMPLE), "--db", str(db))
    result = storyline("articles", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = lines_of(result.stdout)
    assert rows and all(row["id"] for row in rows)


def test_cli_report_writes_a_self_contained_page(tmp_path):
    db = tmp_path / "dossier.db"
    storyline("build", str(EXAMPLE), "--db", str(db))
    page = tmp_path / "report.html"
    result = storyline("report", "--db", str(db), "--output", str(page))
    assert result.returncode == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "<html" in html.lower()
    assert "<script src=" not in html and 'rel="stylesheet"' not in html  # nothing fetched from elsewhere


def test_cli_commands_on_a_missing_store_say_so(tmp_path):
    result = storyline("articles", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert "none.db" in result.stderr


def test_cli_timeline_lists_dated_points_in_time_order(tmp_path):
    db = tmp_path / "dossier.db"
    storyline("build", str(EXAMPLE), "--db", str(db))
    result = storyline("timeline", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    points = lines_of(result.stdout)
    assert points and [p["day"] for p in points] == sorted(p["day"] for p in points)
    assert all(p["text"] in p["sentence_text"] for p in points)
    bounded = lines_of(storyline("timeline", "--db", str(db), "--format", "json", "--from", points[-1]["day"]).stdout)
    assert bounded and all(p["day"] >= points[-1]["day"] for p in bounded) and len(bounded) < len(points)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [(["--entity", "Nobody Atall"], 1, "no entity"), (["--from", "March"], 2, "YYYY-MM-DD"), (["--to", "2025-13"], 2, "")],
)
def test_cli_timeline_refuses_what_it_cannot_read(tmp_path, args, code, message):
    db = tmp_path / "dossier.db"
    storyline("build", str(EXAMPLE / "wikinews-feed.jsonl"), "--db", str(db))
    result = storyline("timeline", "--db", str(db), *args)
    assert result.returncode == code
    assert message in result.stderr


QUOTED = """Floods close river crossings
Heavy rain closed three bridges over the river on Sunday.
"We expect the water to fall by Wednesday," said Marta Quispe, the head of civil defence.
"Nobody is safe near the bridges," one resident said.
Quispe said the army would help. "The soldiers arrive tomorrow," she said.
"""


@pytest.fixture(scope="module")
def quotes_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("quotes")
    (folder / "floods.txt").write_text(QUOTED, encoding="utf-8")
    db = folder / "dossier.db"
    result = storyline("build", str(folder / "floods.txt"), "--db", str(db), "--date", "2026-03-02", "--one-article")
    assert result.returncode == 0, result.stderr
    return db


def test_cli_quotes_of_one_speaker_as_json_lines(quotes_db):
    result = storyline("quotes", "--db", str(quotes_db), "--speaker", "quispe", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = lines_of(result.stdout)
    assert len(rows) >= 2 and {row["speaker_name"] for row in rows} == {"Marta Quispe"}
    assert all(row["text"] in row["sentence_text"] and row["published"] == "2026-03-02" for row in rows)


def test_cli_quotes_table_shows_speaker_kind_and_words(quotes_db):
    result = storyline("quotes", "--db", str(quotes_db), "--search", "bridges safe")
    assert result.returncode == 0, result.stderr
    assert "(unattributed)" in result.stdout and "direct" in result.stdout
    assert "Nobody is safe near the bridges" in result.stdout and "1 quote" in result.stdout and "1 quotes" not in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [(["--speaker", "Nobody Atall"], 1, "no speaker"), (["--kind", "sarcastic"], 2, "direct")],
)
def test_cli_quotes_refuses_what_it_cannot_read(quotes_db, args, code, message):
    result = storyline("quotes", "--db", str(quotes_db), *args)
    assert result.returncode == code
    assert message in result.stderr


BRIDGE_STORY = (
    "City council approves new bridge\n\nMaria Delgado, the mayor of Riverton, said on Monday that the new bridge "
    'would open in May. "We have waited long enough," Delgado said.\n',
    "Bridge opening delayed\n\nMayor Mary Delgado-Ruiz announced on Friday that the bridge would open in June "
    "instead. Delgado-Ruiz blamed the weather.\n",
)


def delgados(db: Path) -> list[dict]:
    result = storyline("entities", "--db", str(db), "--type", "PERSON", "--format", "json")
    assert result.returncode == 0, result.stderr
    return [row for row in lines_of(result.stdout) if "Delgado" in row["name"] or "mary delgado-ruiz" in row["variants"]]


def test_cli_entities_merge_and_split_change_the_stored_entities(tmp_path):
    paths = []
    for i, text in enumerate(BRIDGE_STORY):
        paths.append(tmp_path / f"{i}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    db = tmp_path / "dossier.db"
    built = storyline("build", *map(str, paths), "--db", str(db), "--one-article", "--date", "2026-03-02")
    assert built.returncode == 0, built.stderr
    assert {"Maria Delgado", "Mary Delgado-Ruiz"} <= {row["name"] for row in delgados(db)}

    merged = storyline("entities", "merge", "Mary Delgado-Ruiz", "Maria Delgado", "--db", str(db))
    assert merged.returncode == 0, merged.stderr
    (maria,) = [row for row in delgados(db) if "mary delgado-ruiz" in row["variants"]]
    assert maria["articles"] == 2 and "maria delgado" in maria["variants"]
    rebuilt = storyline("build", *map(str, paths), "--db", str(db), "--one-article", "--date", "2026-03-02")
    assert "2 already stored" in rebuilt.stderr  # the build respects the stored correction: nothing to redo

    split = storyline("entities", "split", "Mary Delgado-Ruiz", "--from", "Maria Delgado", "--db", str(db))
    assert split.returncode == 0, split.stderr
    assert {"Maria Delgado", "Mary Delgado-Ruiz"} <= {row["name"] for row in delgados(db)}


def test_cli_entities_refuses_a_correction_of_an_unknown_name(quotes_db):
    result = storyline("entities", "merge", "Nobody Atall", "Marta Quispe", "--db", str(quotes_db))
    assert result.returncode == 1 and "'Nobody Atall' is not a name of any entity" in result.stderr
    near = storyline("entities", "merge", "Chief Quispe", "Marta Quispe", "--db", str(quotes_db))
    assert near.returncode == 1 and "names holding those words: marta quispe, quispe" in near.stderr
    explained = storyline("entities", "--db", str(quotes_db), "--explain", "Quispe", "--format", "json")
    assert json.loads(explained.stdout)["corrections"] == []


def test_cli_entities_table_shows_variants_and_roles(quotes_db):
    result = storyline("entities", "--db", str(quotes_db))
    assert result.returncode == 0, result.stderr
    assert "Marta Quispe" in result.stdout and "marta quispe; quispe" in result.stdout
    assert "the head of civil defence" in result.stdout


@needs_story
def test_cli_entities_explain_prints_variants_roles_and_decisions_with_evidence(tmp_path):
    db = tmp_path / "story.db"
    assert storyline("build", str(STORY), "--db", str(db)).returncode == 0
    result = storyline("entities", "--db", str(db), "--explain", "Petro")
    assert result.returncode == 0, result.stderr
    assert "variants:" in result.stdout and "role (title)" in result.stdout
    assert "is the surname of" in result.stdout and "evidence: …" in result.stdout
    missing = storyline("entities", "--db", str(db), "--explain", "Nobody Atall")
    assert missing.returncode == 1 and "no entity" in missing.stderr


def test_cli_entities_merge_joins_two_names_of_one_article(tmp_path):
    text = "Talks resume\n\nAna Ortiz met Carlos Reyes on Monday. Ortiz said the talks went well. Reyes disagreed.\n"
    (tmp_path / "talks.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "dossier.db"
    assert storyline("build", str(tmp_path / "talks.txt"), "--db", str(db), "--one-article").returncode == 0
    result = storyline("entities", "merge", "Carlos Reyes", "Ana Ortiz", "--db", str(db))
    assert result.returncode == 0, result.stderr
    rows = lines_of(storyline("entities", "--db", str(db), "--format", "json").stdout)
    owners = [row for row in rows if {"ana ortiz", "carlos reyes"} & set(row["variants"])]
    assert len(owners) == 1
    assert {"ana ortiz", "carlos reyes"} <= set(owners[0]["variants"])


def test_cli_a_file_that_is_not_a_dossier_is_named(tmp_path):
    not_db = tmp_path / "notes.db"
    not_db.write_text("just some notes\n", encoding="utf-8")
    result = storyline("articles", "--db", str(not_db))
    assert result.returncode == 1
    assert "notes.db" in result.stderr and "Traceback" not in result.stderr


def test_cli_problem_lines_name_the_input_without_calling_warnings_skips(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = storyline("analyze", str(tmp_path / "empty.txt"))
    assert result.returncode == 0
    assert f"storyline: {tmp_path / 'empty.txt'}: empty file" in result.stderr
