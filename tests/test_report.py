"""The HTML report: self-contained, escaped, block kinds marked, and every found item shown with its words."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pages import class_texts
from storyline.ids import article_id
from storyline.models import (
    Actor,
    Analysis,
    Article,
    Block,
    Cue,
    Entity,
    Event,
    Figure,
    Published,
    Quote,
    Speaker,
    Timex,
    When,
)
from storyline.report import Mark, block_spans, build_article_view, mark_text, render_report
from storyline.store import Store

STORY = Path(__file__).resolve().parents[1] / ".." / "shared" / "seed" / "story.txt"


TEXT = (
    "Port deal signed\n"
    "LIMA, May 5 (Wire) — The minister signed a port deal on Monday.\n"
    '"We will carry 40,000 containers," she said.\n'
    "Workers at the dock. (Photo: Wire)\n"
    "Subscribe to our newsletter\n"
)


def line_blocks(text: str, kinds: list[str]) -> tuple[Block, ...]:
    blocks, position = [], 0
    for line, kind in zip(text.split("\n"), kinds, strict=False):
        blocks.append(Block(position, position + len(line), kind))
        position += len(line) + 1
    return tuple(blocks)


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def make_analysis(text: str = TEXT, title: str | None = "Port deal signed", **found: tuple) -> Analysis:
    kinds = ["heading", "dateline", "body", "caption", "boilerplate"]
    article = Article(
        id=article_id(text),
        source="port.txt",
        source_span=(0, len(text)),
        title=title,
        published=Published("2026-05-05", "dateline", "LIMA, May 5"),
        text=text,
        blocks=line_blocks(text, kinds),
    )
    return Analysis(article=article, **found)


def full_analysis() -> Analysis:
    minister = Entity(
        "e-minister", "The Minister", "PERSON", (span_of(TEXT, "The minister"), span_of(TEXT, "she"))
    )
    quote_span = span_of(TEXT, "We will carry 40,000 containers,")
    return make_analysis(
        entities=(minister,),
        quotes=(
            Quote(
                *quote_span,
                TEXT[slice(*quote_span)],
                "direct",
                Speaker("e-minister", "The Minister", span_of(TEXT, "she")),
                Cue(*span_of(TEXT, "said"), "said"),
            ),
        ),  # fmt: skip
        timexes=(Timex(*span_of(TEXT, "Monday"), "Monday", "DATE", "2026-05-04"),),
        figures=(
            Figure(
                *span_of(TEXT, "40,000 containers"), "40,000 containers", 40000.0, None, "containers", None
            ),
        ),
        events=(
            Event(
                "AGREE",
                "asserted",
                Actor("e-minister", "The Minister", "PER GOV"),
                Actor(),
                "2026-05-04",
                span_of(TEXT, "signed a port deal"),
                (17, 81),
            ),
        ),  # fmt: skip
    )


def render(*analyses: Analysis) -> str:
    with Store(":memory:") as store:
        for analysis in analyses:
            store.save(analysis)
        return render_report(store)


def test_report_needs_no_other_file() -> None:
    html = render(full_analysis())
    assert "<style>" in html
    assert not re.search(r"<link|<script[^>]*src=|@import|url\(|https?://", html)


def test_report_escapes_article_text_and_title() -> None:
    text = "<script>alert('x')</script> & <b>bold</b>\n"
    html = render(make_analysis(text, title="<img src=x onerror=alert(1)>"))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html


@pytest.mark.parametrize(
    "kind, words",
    [
        ("heading", "Port deal signed"),
        ("dateline", "LIMA, May 5 (Wire) — The minister signed a port deal on Monday."),
        ("caption", "Workers at the dock. (Photo: Wire)"),
        ("boilerplate", "Subscribe to our newsletter"),
    ],
)
def test_report_marks_block_kinds(kind: str, words: str) -> None:
    texts = class_texts(render(make_analysis()))
    assert texts[f"kind-{kind}"] == kind + words  # the visible kind label, then the block's words


def test_report_shows_publication_date_and_how_it_was_found() -> None:
    texts = class_texts(render(make_analysis()))
    assert "2026-05-05" in texts["published"] and "dateline" in texts["how-dateline"]
    assert "LIMA, May 5" in texts["evidence"]


@pytest.mark.parametrize(
    "css, words",
    [
        ("quote", "We will carry 40,000 containers,"),
        ("timex", "Monday"),
        ("figure", "40,000 containers"),
        ("mention", "The ministershe"),
        ("event", "signed a port deal"),
    ],
)
def test_report_marks_found_words_in_the_text(css: str, words: str) -> None:
    html = render(full_analysis())
    article_html = html[html.index('<div class="text">') : html.index('<section class="found">')]
    assert class_texts(article_html)[css] == words


def test_report_lists_speaker_then_quote() -> None:
    texts = class_texts(render(full_analysis()))
    assert texts["speaker"] == "The Minister"
    assert "We will carry 40,000 containers," in texts["quotes"]


@pytest.mark.parametrize(
    "table, cells",
    [("timexes", ["Monday", "DATE", "2026-05-04"]), ("figures", ["40,000 containers", "40,000"])],
)
def test_report_tables_show_values(table: str, cells: list[str]) -> None:
    texts = class_texts(render(full_analysis()))
    assert all(cell in texts[table] for cell in cells)


def test_report_of_an_empty_store_says_so() -> None:
    assert "No articles in this store yet" in render()


def test_report_renders_the_same_store_identically() -> None:
    assert render(full_analysis()) == render(full_analysis())


def test_block_spans_shows_uncovered_text_as_body() -> None:
    text = "Title\nBody without a block.\n"
    analysis = Analysis(article=Article("a", "s", None, None, Published(), text, (Block(0, 5, "heading"),)))
    assert block_spans(analysis) == [(0, 5, "heading"), (5, len(text), "body")]


@given(
    st.text(alphabet="ab \n", max_size=30),
    st.lists(
        st.tuples(st.integers(0, 35), st.integers(0, 35), st.sampled_from(["heading", "body"])), max_size=5
    ),
)
@settings(max_examples=200, deadline=None)
def test_block_spans_show_every_word_once(text: str, raw_blocks: list) -> None:
    blocks = tuple(Block(min(a, b), max(a, b), kind) for a, b, kind in raw_blocks)
    spans = block_spans(Analysis(article=Article("a", "s", None, None, Published(), text, blocks)))
    covered = [i for start, end, _ in spans for i in range(start, end)]
    assert covered == sorted(set(covered))
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= set(covered)


marks = st.builds(
    Mark,
    start=st.integers(0, 40),
    end=st.integers(0, 40),
    css=st.sampled_from(["quote", "timex", "hit"]),
    anchor=st.none() | st.sampled_from(["x", "y"]),
)


@given(st.text(min_size=0, max_size=40), st.lists(marks, max_size=6), st.integers(0, 40), st.integers(0, 40))
@settings(max_examples=200, deadline=None)
def test_mark_text_pieces_rebuild_the_text_and_carry_their_marks(
    text: str, given_marks: list[Mark], left: int, right: int
) -> None:
    start, end = sorted((min(left, len(text)), min(right, len(text))))
    pieces = mark_text(text, start, end, given_marks)
    assert "".join(piece.text for piece in pieces) == text[start:end]
    position = start
    for piece in pieces:
        expected = {
            m.css
            for m in given_marks
            if m.start <= position and position + len(piece.text) <= m.end and m.start < m.end
        }
        assert set(piece.css.split()) == expected
        position += len(piece.text)


def test_article_view_titles_an_untitled_article_by_its_first_words() -> None:
    view = build_article_view(make_analysis(title=None))
    assert view.title.startswith("Port deal signed LIMA, May 5")


@pytest.mark.slow
@pytest.mark.shared
def test_report_of_the_reference_story_shows_every_quote() -> None:
    if not STORY.is_file():
        pytest.skip(f"reference story absent: {STORY}")
    from storyline.models import RawItem
    from storyline.pipeline import run_pipeline

    item = RawItem(str(STORY), STORY.read_text(encoding="utf-8"), "text")
    analyses = list(run_pipeline([item]))
    html = render(*analyses)
    shown = class_texts(html)["quotes"]
    for analysis in analyses:
        for quote in analysis.quotes:
            assert quote.text in shown


def test_report_lists_entities_shared_by_several_articles() -> None:
    minister = Entity("e-minister", "The Minister", "PERSON", ((0, 4),))
    mayor = Entity("e-mayor", "Lone Mayor", "PERSON", ((0, 4),))
    other = make_analysis(
        "Port strike ends\nThe minister thanked the workers.\n", title="Port strike", entities=(minister,)
    )
    html = render(make_analysis(entities=(minister, mayor)), other)
    shared = class_texts(html)["shared-entities"]
    assert "The Minister" in shared and "Lone Mayor" not in shared


def test_report_draws_a_timeline_whose_points_link_to_their_date_marks() -> None:
    html = render(full_analysis())
    links = re.findall(r'<a class="tl-link" href="#([^"]+)"', html)
    assert links and all(f'id="{anchor}"' in html for anchor in links)
    assert "<svg" in html and "2026-05-04" in class_texts(html)["timeline"]


def test_report_leaves_out_the_timeline_when_nothing_is_dated() -> None:
    assert "<svg" not in render(make_analysis())


def test_report_shows_when_with_its_reason_and_a_date_note() -> None:
    analysis = full_analysis()
    quote = dataclasses.replace(analysis.quotes[0], when=When("2026-05-04", "explicit in its sentence: 'Monday'"))
    timex = dataclasses.replace(analysis.timexes[0], note="truncated year '202': not completed")
    html = render(dataclasses.replace(analysis, quotes=(quote,), timexes=(timex,)))
    assert 'title="explicit in its sentence: &#39;Monday&#39;">2026-05-04</code>' in html
    assert "truncated year" in class_texts(html)["note"]


SAID_NAME = re.compile(r'<h3 class="said-name">(.*?) <span class="count">(\d+) quotes</span>')


def test_report_who_said_what_links_each_quote_to_its_words() -> None:
    html = render(full_analysis())
    links = re.findall(r'<a class="said-link" href="#([^"]+)">', html)
    assert len(links) == 1 and f'id="{links[0]}"' in html
    start = html.index(">", html.index(f'id="{links[0]}"')) + 1
    marked = html[start : html.index("<", start)]  # the first piece of the quote's mark (a figure cuts it)
    assert marked and "We will carry 40,000 containers,".startswith(marked)


def test_report_who_said_what_puts_the_most_quoted_first_and_the_unattributed_last() -> None:
    analysis = full_analysis()
    minister, (said,) = analysis.entities[0], analysis.quotes
    mayor = Entity("e-mayor", "Lone Mayor", "PERSON", (span_of(TEXT, "Workers"),))
    quotes = (
        Quote(*span_of(TEXT, "Workers at the dock."), "Workers at the dock.", "direct", Speaker("e-mayor", "Lone Mayor")),
        Quote(*span_of(TEXT, "signed a port deal"), "signed a port deal", "indirect", Speaker("e-minister", "The Minister")),
        Quote(*span_of(TEXT, "newsletter"), "newsletter", "scare"),
        said,
    )  # fmt: skip
    html = render(dataclasses.replace(analysis, entities=(minister, mayor), quotes=quotes))
    assert SAID_NAME.findall(html) == [("The Minister", "2"), ("Lone Mayor", "1"), ("Unattributed", "1")]


def test_report_leaves_out_who_said_what_when_nobody_is_quoted() -> None:
    assert 'class="who-said-what"' not in render(make_analysis())


@pytest.mark.parametrize(
    ("marks", "anchor", "more"),
    [
        ([Mark(0, 4, "mention", anchor="e0"), Mark(0, 9, "quote", anchor="q0")], "e0", ("q0",)),
        ([Mark(0, 9, "quote", anchor="q0"), Mark(0, 4, "hit", anchor="hit")], "hit", ("q0",)),
        ([Mark(0, 9, "quote", anchor="q0"), Mark(2, 4, "mention", anchor="e0")], "q0", ()),
    ],
)
def test_mark_text_keeps_every_anchor_starting_at_one_character(marks: list, anchor: str, more: tuple) -> None:
    first = mark_text("The minister", 0, 12, marks)[0]
    assert (first.anchor, first.more_anchors) == (anchor, more)
