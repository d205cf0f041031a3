"""The web app in a real browser: Debian's chromium driven by Playwright against uvicorn on a free local port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pages import FLOODS, HARBOUR

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} absent: install Debian's chromium package"),
]

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from storyline.models import RawItem
    from storyline.pipeline import run_pipeline
    from storyline.store import Store
    from storyline.web import create_app

    path = tmp_path_factory.mktemp("browser") / "dossier.db"
    items = [RawItem("harbour.txt", HARBOUR, "text"), RawItem("floods.txt", FLOODS, "text")]
    with Store(path) as store:
        for analysis in run_pipeline(items, default_date="2026-03-04", one_article=True):
            store.save(analysis)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def page(server_url: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        yield page
        browser.close()


def test_browser_lists_articles_then_opens_one(server_url: str, page) -> None:
    page.goto(server_url + "/")
    rows = page.locator("tr.article-row")
    assert rows.count() == 2
    rows.first.locator("a").click()
    page.wait_for_url("**/articles/*")
    kinds = set(page.locator(".block").evaluate_all("blocks => blocks.map(b => b.dataset.kind)"))
    assert {"heading", "body"} <= kinds
    assert page.locator("table.quotes tbody tr").count() >= 1
    assert page.locator(".text .quote").count() >= 1


def test_browser_search_box_lands_on_the_hit(server_url: str, page, tmp_path_factory) -> None:
    page.goto(server_url + "/")
    page.fill('input[name="q"]', "containers")
    page.press('input[name="q"]', "Enter")
    page.wait_for_url("**/search?q=containers")
    page.locator("a.hit-link").first.click()
    page.wait_for_url("**/articles/*#hit")
    hit = page.locator("#hit")
    assert hit.inner_text().casefold() == "containers"
    header = page.locator("header.site").bounding_box()
    box = hit.bounding_box()
    assert header and box and header["y"] + header["height"] <= box["y"] <= 900, (
        "the hit is hidden or off screen"
    )
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / "browser-hit.png"))


def test_browser_timeline_point_opens_its_sentence(server_url: str, page) -> None:
    page.goto(server_url + "/")
    page.locator("header.site a", has_text="Timeline").click()
    page.wait_for_url("**/timeline")
    points = page.locator("svg a.tl-link")
    assert points.count() >= 2
    label = points.last.locator("title").text_content() or ""
    points.last.click()
    page.wait_for_url("**/articles/*#hit")
    sentence = "".join(page.locator(".text .hit").all_inner_texts())
    assert sentence and " ".join(sentence.split()) in label, "the point's sentence is the one marked"
    assert page.locator(".text .hit.timex").count() >= 1, "the marked sentence holds the point's date"
    box = page.locator("#hit").bounding_box()
    assert box and 0 <= box["y"] <= 900, "the sentence is on screen"


def test_browser_quotes_of_one_speaker_open_their_words(server_url: str, page, tmp_path_factory) -> None:
    page.goto(server_url + "/")
    page.locator("header.site a", has_text="Quotes").click()
    page.wait_for_url("**/quotes")
    assert page.locator("section.said-group").count() >= 2
    option = page.locator('select[name="speaker"] option', has_text="Marta Quispe")
    page.select_option('select[name="speaker"]', value=option.get_attribute("value"))
    page.locator("form.quotes-filter button").click()
    page.wait_for_url("**/quotes?speaker=*")
    assert page.locator("h3.said-name").all_inner_texts() == [page.locator("h3.said-name").first.inner_text()]
    assert "Marta Quispe" in page.locator("h3.said-name").first.inner_text()
    link = page.locator("a.said-link").first
    words = (link.inner_text() or "").strip("“”")
    link.click()
    page.wait_for_url("**/articles/*#hit")
    assert "".join(page.locator(".text .hit").all_inner_texts()) == words
    header = page.locator("header.site").bounding_box()
    box = page.locator("#hit").bounding_box()
    assert header and box and header["y"] + header["height"] <= box["y"] <= 900, "the quote is hidden or off screen"
    page.screenshot(path=str(tmp_path_factory.getbasetemp() / "browser-quote.png"))
