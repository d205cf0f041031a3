"""The web app: pages and JSON endpoints over a store built by the real pipeline from two short texts."""

from __future__ import annotations

import re
import warnings
from html import unescape
from urllib.parse import urlsplit

import pytest

from pages import FLOODS, HARBOUR, class_texts
from storyline.models import RawItem
from storyline.pipeline import run_pipeline
from storyline.store import Store, StoreError
from storyline.web import create_app
from storyline.web.app import parse_highlights

with warnings.catch_warnings():
    # Starlette's TestClient warns that it prefers httpx2; httpx is what the project installs.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("web") / "dossier.db")
    items = [RawItem("harbour.txt", HARBOUR, "text"), RawItem("floods.txt", FLOODS, "text")]
    with Store(path) as store:
        for analysis in run_pipeline(items, default_date="2026-03-04", one_article=True):
            store.save(analysis)
    return path


@pytest.fixture(scope="module")
def client(db_path: str) -> TestClient:
    return TestClient(create_app(db_path))


@pytest.fixture(scope="module")
def analyses(db_path: str) -> list:
    with Store(db_path) as store:
        return list(store.analyses())


def test_web_index_lists_every_article_with_its_date(client: TestClient, analyses: list) -> None:
    page = client.get("/")
    assert page.status_code == 200
    for analysis in analyses:
        assert f'href="/articles/{analysis.article.id}"' in page.text
    assert class_texts(page.text)["published"].count(analyses[0].article.published.value) >= 1


def test_web_index_has_a_search_box(client: TestClient) -> None:
    assert re.search(r'<form[^>]*action="/search"', client.get("/").text)
    assert 'type="search" name="q"' in client.get("/").text


def test_web_article_page_shows_blocks_and_quotes(client: TestClient, analyses: list) -> None:
    analysis = analyses[0]
    page = client.get(f"/articles/{analysis.article.id}")
    assert page.status_code == 200
    kinds = set(re.findall(r'data-kind="(\w+)"', page.text))
    assert kinds == {block.kind for block in analysis.article.blocks}
    shown = class_texts(page.text).get("quotes", "")
    assert all(quote.text in shown for quote in analysis.quotes)


def test_web_article_page_marks_the_highlighted_words(client: TestClient, analyses: list) -> None:
    article = analyses[0].article
    start = article.text.index("containers")
    page = client.get(f"/articles/{article.id}", params={"hl": f"{start}-{start + 10}"})
    assert class_texts(page.text)["hit"] == "containers"
    assert 'id="hit"' in page.text


def test_web_unknown_article_is_404(client: TestClient) -> None:
    assert client.get("/articles/a0000").status_code == 404
    assert client.get("/api/articles/a0000").status_code == 404


def test_web_search_links_to_the_exact_words(client: TestClient) -> None:
    page = client.get("/search", params={"q": "CONTAINERS"})
    links = re.findall(r'class="hit-link" href="([^"]+)"', page.text)
    assert links
    target = urlsplit(unescape(links[0]))
    assert target.fragment == "hit"
    article = client.get(f"{target.path}?{target.query}")
    assert class_texts(article.text)["hit"].casefold() == "containers"


def test_web_search_without_hits_says_so(client: TestClient) -> None:
    page = client.get("/search", params={"q": "zeppelin"})
    assert page.status_code == 200 and "Nothing found" in page.text


def test_web_search_escapes_the_query(client: TestClient) -> None:
    page = client.get("/search", params={"q": "<script>x</script>"})
    assert "<script>x" not in page.text and "&lt;script&gt;x" in page.text


def test_web_api_articles_lists_summaries(client: TestClient, analyses: list) -> None:
    rows = client.get("/api/articles").json()
    assert [row["id"] for row in rows] == [analysis.article.id for analysis in analyses]
    assert [row["quotes"] for row in rows] == [len(analysis.quotes) for analysis in analyses]


def test_web_api_article_is_the_analysis_json(client: TestClient, analyses: list) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from storyline.serialize import analysis_from_json, analysis_schema

    analysis = analyses[1]
    line = client.get(f"/api/articles/{analysis.article.id}").json()
    jsonschema.validate(line, analysis_schema())
    assert analysis_from_json(line).article == analysis.article
    assert analysis_from_json(line).quotes == analysis.quotes


def test_web_api_search_offsets_point_at_the_words(client: TestClient, analyses: list) -> None:
    texts = {analysis.article.id: analysis.article.text for analysis in analyses}
    hits = client.get("/api/search", params={"q": "bridges river"}).json()
    assert hits
    for hit in hits:
        assert texts[hit["article_id"]][hit["start"] : hit["end"]] == hit["text"]
        assert {texts[hit["article_id"]][s:e].casefold() for s, e in hit["matches"]} <= {"bridges", "river"}


def test_create_app_refuses_a_missing_store(tmp_path) -> None:
    with pytest.raises(StoreError, match=r"absent\.db"):
        create_app(tmp_path / "absent.db")
    assert not (tmp_path / "absent.db").exists()


@pytest.mark.parametrize(
    "values, spans",
    [(["3-9"], ((3, 9),)), (["3-9", "12-15"], ((3, 9), (12, 15))), (["9-3", "x", "-1-4", ""], ())],
)
def test_parse_highlights_keeps_only_well_formed_spans(values: list[str], spans: tuple) -> None:
    assert parse_highlights(values) == spans


def test_web_timeline_points_link_to_their_marked_sentence(client: TestClient) -> None:
    page = client.get("/timeline")
    assert page.status_code == 200 and "<svg" in page.text
    rows = client.get("/api/timeline").json()
    links = [unescape(link) for link in re.findall(r'<a class="tl-link" href="([^"]+)"', page.text)]
    assert links and links == [row["href"] for row in rows]
    for row in rows:
        target = urlsplit(row["href"])
        assert target.fragment == "hit"
        marked = class_texts(client.get(f"{target.path}?{target.query}").text)["hit"]
        assert marked == row["sentence_text"] and row["text"] in marked


def test_web_api_timeline_is_the_stored_timeline(client: TestClient, db_path: str) -> None:
    from storyline.serialize import timeline_point_to_json

    with Store(db_path) as store:
        expected = [timeline_point_to_json(p) for p in store.timeline()]
    rows = client.get("/api/timeline").json()
    assert [{k: v for k, v in row.items() if k != "href"} for row in rows] == expected
    assert expected


@pytest.mark.parametrize(("params", "keep"), [({"from": "2026-03-02"}, lambda d: d >= "2026-03-02"),
                                               ({"to": "2026-03-01"}, lambda d: d <= "2026-03-01")])
def test_web_api_timeline_bounds_the_days(client: TestClient, params: dict, keep) -> None:
    every = client.get("/api/timeline").json()
    rows = client.get("/api/timeline", params=params).json()
    assert rows == [row for row in every if keep(row["day"])]
    assert 0 < len(rows) < len(every)


def test_web_timeline_of_one_entity_keeps_its_sentences(client: TestClient) -> None:
    rows = client.get("/api/timeline", params={"entity": "Reyes"}).json()
    assert rows and all("Reyes" in row["sentence_text"] for row in rows)


@pytest.mark.parametrize("params", [{"from": "March"}, {"entity": "Nobody Atall"}])
def test_web_timeline_says_what_it_cannot_read(client: TestClient, params: dict) -> None:
    page = client.get("/timeline", params=params)
    assert page.status_code == 200 and class_texts(page.text)["empty"].strip()
    assert client.get("/api/timeline", params=params).status_code == 422


SAID_NAME = re.compile(r'<h3 class="said-name">(.*?) <span class="count">(\d+) quotes</span>')


def test_web_header_links_to_the_quotes_page(client: TestClient) -> None:
    assert re.search(r'<header class="site">.*<a href="/quotes">', client.get("/").text, re.DOTALL)


def test_web_quotes_groups_speakers_most_quoted_first_unattributed_last(client: TestClient) -> None:
    groups = [(unescape(name), int(count)) for name, count in SAID_NAME.findall(client.get("/quotes").text)]
    assert len(groups) >= 3 and groups[-1][0] == "Unattributed"
    named = [count for _, count in groups[:-1]]
    assert named == sorted(named, reverse=True)
    assert sum(count for _, count in groups) == len(client.get("/api/quotes").json())


def test_web_quotes_link_to_their_highlighted_words(client: TestClient) -> None:
    page = client.get("/quotes").text
    links = [unescape(link) for link in re.findall(r'class="said-link" href="([^"]+)"', page)]
    rows = client.get("/api/quotes").json()
    assert links and sorted(links) == sorted(row["href"] for row in rows)
    for row in rows:
        target = urlsplit(row["href"])
        assert target.fragment == "hit"
        assert class_texts(client.get(f"{target.path}?{target.query}").text)["hit"] == row["text"]


def test_web_api_quotes_is_the_stored_quotes(client: TestClient, db_path: str) -> None:
    with Store(db_path) as store:
        expected = [hit.as_dict() for hit in store.quotes()]
    rows = client.get("/api/quotes").json()
    assert expected and [{k: v for k, v in row.items() if k != "href"} for row in rows] == expected


def test_web_quotes_of_one_speaker(client: TestClient) -> None:
    rows = client.get("/api/quotes", params={"speaker": "marta quispe"}).json()
    assert rows and {row["speaker_name"] for row in rows} == {"Marta Quispe"}
    page = client.get("/quotes", params={"speaker": rows[0]["speaker_entity"]}).text
    assert [unescape(name) for name, _ in SAID_NAME.findall(page)] == ["Marta Quispe"]
    assert re.search(rf'<option value="{rows[0]["speaker_entity"]}" selected>Marta Quispe', page)


def test_web_quotes_search_keeps_quotes_with_the_words(client: TestClient) -> None:
    rows = client.get("/api/quotes", params={"search": "CONTAINERS harbour"}).json()
    assert [row["text"] for row in rows] == ["This harbour will carry 40,000 containers a year"]


@pytest.mark.parametrize("params", [{"speaker": "Nobody Atall"}, {"kind": "sarcastic"}])
def test_web_quotes_say_what_they_cannot_read(client: TestClient, params: dict) -> None:
    page = client.get("/quotes", params=params)
    assert page.status_code == 200 and class_texts(page.text)["empty"].strip()
    assert client.get("/api/quotes", params=params).status_code == 422


def test_web_quotes_escape_the_filters(client: TestClient) -> None:
    page = client.get("/quotes", params={"search": '"><script>x</script>'}).text
    assert "<script>x" not in page and "&lt;script&gt;x" in page


def test_web_api_speakers_counts_each_speakers_quotes(client: TestClient) -> None:
    speakers = client.get("/api/speakers").json()
    assert speakers[-1]["entity"] is None and speakers[-1]["name"] is None
    assert sum(s["quotes"] for s in speakers) == len(client.get("/api/quotes").json())
