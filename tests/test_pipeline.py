"""The stage loop: order, per-article failure capture, shared run state."""

from __future__ import annotations

import pytest

from storyline.ids import article_id
from storyline.models import Analysis, Article, Published, RawItem
from storyline.pipeline import RunContext, analyze_articles, default_stages, load_nlp


def _article(text: str) -> Article:
    return Article(article_id(text), "test", (0, len(text)), None, Published(), text, ())


class FailingOn:
    """A real stage that raises on articles containing a word, to show the batch goes on."""

    name = "failing"
    version = "failing.v1"
    field = "figures"

    def __init__(self, word: str) -> None:
        self.word = word

    def __call__(self, article, doc, found, run):
        if self.word in article.text:
            raise ValueError(f"cannot handle {self.word!r}")
        return ()


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_pipeline_records_a_failing_stage_and_goes_on(nlp):
    articles = [_article("The minister met the press on Monday."), _article("A poison pill sentence."),
                _article("The mayor spoke on Friday.")]
    stages = [*default_stages()[:1], FailingOn("poison")]
    analyses = list(analyze_articles(articles, nlp=nlp, stages=stages))
    assert [a.article.id for a in analyses] == [a.id for a in articles]
    assert [len(a.problems) for a in analyses] == [0, 1, 0]
    problem = analyses[1].problems[0]
    assert problem.stage == "failing" and "poison" in problem.reason and problem.article_id == articles[1].id


def test_pipeline_runs_stages_in_order_and_records_versions(nlp):
    (analysis,) = analyze_articles([_article("Colombian President Gustavo Petro met Donald Trump.")], nlp=nlp)
    names = [name for name, _version in analysis.stage_versions]
    assert names == ["entities", "timexes", "quotes", "figures", "events", "time"]
    assert isinstance(analysis, Analysis) and analysis.sentences


def test_pipeline_accumulates_stage_seconds_in_the_run(nlp):
    run = RunContext()
    list(analyze_articles([_article("The talks ended on Tuesday.")], nlp=nlp, run=run))
    assert set(run.seconds) == {"entities", "timexes", "quotes", "figures", "events", "time"}
    assert all(seconds >= 0 for seconds in run.seconds.values())


def test_analyze_text_api_returns_one_analysis_per_article():
    import storyline

    analyses = storyline.analyze_text("The council met on Tuesday.\n", published="2024-05-02", one_article=True)
    assert len(analyses) == 1
    assert analyses[0].article.published.value == "2024-05-02"


def test_raw_item_defaults_describe_a_splittable_plain_text():
    item = RawItem("x.txt", "text", "text")
    assert item.splittable and item.source_offset == 0


def test_pipeline_leaves_out_an_article_longer_than_the_parser_takes():
    import spacy

    from storyline import settings

    nlp = spacy.load(settings.MODEL)  # a fresh pipeline, so the shared one keeps its limit
    nlp.max_length = 200
    problems = []
    articles = [_article("Short news: the bridge reopened."), _article("Long news. " * 40), _article("Another short one.")]
    analyses = list(analyze_articles(articles, nlp=nlp, on_problem=problems.append))
    assert [a.article.id for a in analyses] == [articles[0].id, articles[2].id]
    (problem,) = problems
    assert problem.stage == "parse" and problem.article_id == articles[1].id
    assert "440 characters" in problem.reason and "200" in problem.reason


@pytest.mark.parametrize(
    "text, first_sentence",
    [
        ("www.example.com/news/gunman-kills-1\nGunman kills 1 in bar\nA man was shot dead.", "www.example.com/news/gunman-kills-1\n"),
        ("Mayor Resigns\nThe mayor of Riverton resigned on Monday.", "Mayor Resigns\n"),
    ],
)
def test_load_nlp_starts_a_sentence_at_every_line(nlp, text, first_sentence):
    sentences = [sentence.text for sentence in nlp(text).sents]
    assert sentences[0] == first_sentence
    assert sentences[-1].endswith(".") and "\n" not in sentences[-1]
