"""The run settled once every article is in: an entity an early article describes and a later one names has
one id in every output (the API, `storyline analyze`, the store), and a failing corpus pass loses nothing."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline import build
from storyline.api import analyze_paths
from storyline.cli import app
from storyline.models import Problem, RawItem
from storyline.pipeline import RunContext, default_stages, run_pipeline, settle
from storyline.store import open_store

# The first article only says "the driver"; the second, read later, names her and calls her the driver.
# Both name the same two people, which is what tells the registry they are one story.
EARLY = (
    "Bus crash injures twelve in Riverton\n"
    "A bus carrying twelve passengers overturned in Riverton on Monday after a car hit it. "
    "Police Chief Karen Doyle said the driver of the car, a 34-year-old woman, was arrested at the scene. "
    "Tomas Berg, the mayor of Riverton, said the town was in shock. The driver was taken to hospital.\n"
)
LATER = (
    "Driver charged after Riverton bus crash\n"
    "Sarah Miller, 34, the driver of the car that hit a bus in Riverton on Monday, was charged on Tuesday. "
    "Mayor Tomas Berg said he hoped the passengers would recover. Police Chief Karen Doyle thanked the "
    "witnesses. Miller did not speak in court.\n"
)


def entity_of(analysis, words: str):
    """The entity holding the first mention that reads `words` in this analysis."""
    text = analysis.article.text
    for entity in analysis.entities:
        if any(text[start:end] == words for start, end in entity.mentions):
            return entity
    raise AssertionError(f"no entity holds {words!r}")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    (folder / "1-early.txt").write_text(EARLY, encoding="utf-8")
    (folder / "2-later.txt").write_text(LATER, encoding="utf-8")
    return folder


def test_settle_gives_an_early_description_the_id_of_the_name_a_later_article_gives():
    run = RunContext()
    items = [RawItem(source="early", text=EARLY, format="text"), RawItem(source="later", text=LATER, format="text")]
    early, later = list(run_pipeline(items, run=run))
    assert entity_of(early, "the driver").id != entity_of(later, "Sarah Miller").id  # as the input order left it
    settled_early, settled_later = settle([early, later], run)
    driver = entity_of(settled_early, "the driver")
    assert driver.id == entity_of(settled_later, "Sarah Miller").id
    assert driver.name == "Sarah Miller"
    assert settled_later is later  # an analysis the pass does not touch is the same object


def test_analyze_paths_yields_settled_analyses_in_input_order(inputs):
    early, later = list(analyze_paths([str(inputs)]))
    assert early.article.text.startswith("Bus crash")
    assert entity_of(early, "the driver").id == entity_of(later, "Sarah Miller").id


def test_cli_analyze_writes_the_settled_ids(inputs):
    result = CliRunner().invoke(app, ["analyze", str(inputs)])
    assert result.exit_code == 0, result.output
    early, later = (json.loads(line) for line in result.stdout.splitlines())
    names = {entity["id"]: entity["name"] for entity in later["entities"]}
    early_names = [entity["name"] for entity in early["entities"] if entity["id"] in names]
    assert "Sarah Miller" in early_names


def test_build_stores_the_run_wide_name_and_the_corpus_pass_decision(inputs, tmp_path):
    db = tmp_path / "dossier.db"
    build([str(inputs)], db)
    with open_store(db) as store:
        names = [entity.name for entity in store.entity_overview("PERSON")]
        explained = store.explain_entity("Sarah Miller")
    assert "Sarah Miller" in names and "a 34-year-old woman" not in names
    assert any(d["names"] == ["the driver", "Sarah Miller"] for d in explained["decisions"])


def test_build_stores_the_settled_analysis_in_place_of_the_first(inputs, tmp_path):
    db = tmp_path / "dossier.db"
    summary = build([str(inputs)], db)
    assert summary.articles_added == 2 and not summary.problems
    with open_store(db) as store:
        early, later = (store.load(a.id) for a in store.articles())
        assert len(store.articles()) == 2
    assert entity_of(early, "the driver").id == entity_of(later, "Sarah Miller").id
    again = build([str(inputs)], db)
    assert again.articles_unchanged == 2 and again.articles_added == 0


class BrokenPass:
    """A real stage whose corpus pass raises: the analyses must come back as they were, with a problem."""

    name = "broken"
    version = "broken.v1"
    field = "figures"

    def __call__(self, article, doc, found, run):
        return ()

    def finish_run(self, run):
        raise RuntimeError("registry unreadable")

    def settle(self, analysis, run):  # never reached
        raise AssertionError


def test_settle_reports_a_failing_corpus_pass_and_keeps_the_analyses():
    run = RunContext()
    stages = [*default_stages()[:1], BrokenPass()]
    analyses = list(run_pipeline([RawItem(source="early", text=EARLY, format="text")], run=run, stages=stages))
    problems: list[Problem] = []
    assert settle(analyses, run, stages=stages, on_problem=problems.append) == analyses
    assert [p.stage for p in problems] == ["broken"]
    assert "registry unreadable" in problems[0].reason
