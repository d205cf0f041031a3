"""The SQLite store: exact round trips, idempotent saves, per-article rollback, migrations, refusals."""

from __future__ import annotations

import dataclasses
import math
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ids import article_id
from storyline.models import (
    BLOCK_KINDS,
    EVENT_STATUSES,
    PUBLISHED_HOW,
    QUOTE_KINDS,
    TIMEX_TYPES,
    Actor,
    Analysis,
    Article,
    Block,
    Cue,
    Entity,
    Event,
    Figure,
    Problem,
    Published,
    Quote,
    Speaker,
    Timex,
    When,
)
from storyline.stages.timexes import build_timeline
from storyline.store import Store, StoreError, open_store
from storyline.store.migrations import MIGRATIONS, apply_migrations

optional_text = st.none() | st.text(max_size=20)
# TIMEX3 values the timeline places (and some it must leave off), beside arbitrary text.
timex_values = st.sampled_from(
    ("2026-02-03", "2025-10", "1990-Q2", "2025-W07", "198X", "19", "PAST_REF", "XXXX-10-24", "2026-02-03T14:00")
)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    """A random Analysis whose offsets all point inside its text and whose quoted texts are their slices."""
    text = draw(st.text(max_size=120))
    size = len(text)

    def span() -> st.SearchStrategy[tuple[int, int]]:
        return st.tuples(st.integers(0, size), st.integers(0, size)).map(lambda pair: tuple(sorted(pair)))

    def sliced(pair: tuple[int, int]) -> tuple[int, int, str]:
        return (pair[0], pair[1], text[pair[0] : pair[1]])

    blocks = st.builds(lambda s, kind: Block(s[0], s[1], kind), span(), st.sampled_from(BLOCK_KINDS))
    entity = st.builds(
        Entity,
        id=st.sampled_from(["e1", "e2"]) | st.text(min_size=1, max_size=6),  # shared ids across articles
        name=st.text(max_size=20),
        type=st.sampled_from(("PERSON", "ORG", "GPE", "NORP")),
        mentions=st.lists(span(), max_size=4).map(tuple),
    )
    speaker = st.builds(Speaker, entity=optional_text, name=optional_text, mention=st.none() | span())
    cue = st.none() | span().map(lambda s: Cue(*sliced(s)))
    when = st.none() | st.builds(When, value=optional_text | timex_values, reason=st.text(max_size=20))
    quote = st.builds(
        lambda s, kind, who, how, at: Quote(*sliced(s), kind, who, how, at),
        span(), st.sampled_from(QUOTE_KINDS), speaker, cue, when,
    )  # fmt: skip
    timex = st.builds(
        lambda s, kind, value, note: Timex(*sliced(s), kind, value, note),
        span(),
        st.sampled_from(TIMEX_TYPES),
        optional_text | timex_values,
        optional_text,
    )
    actor = st.builds(Actor, entity=optional_text, name=optional_text, code=optional_text)
    event = st.builds(
        Event,
        type=st.sampled_from(("AGREE", "CONSULT", "THREATEN")),
        status=st.sampled_from(EVENT_STATUSES),
        source=actor,
        target=actor,
        date=optional_text,
        trigger=span(),
        sentence=span(),
        date_reason=optional_text,
    )
    figure = st.builds(
        lambda s, value, unit, measure, qualifier, at: Figure(*sliced(s), value, unit, measure, qualifier, at),
        span(), st.floats(allow_nan=False), optional_text, optional_text, optional_text, when,
    )  # fmt: skip
    problem = st.builds(Problem, source=st.text(max_size=10), reason=st.text(max_size=20), stage=st.text(max_size=8),
                        article_id=optional_text)  # fmt: skip
    article = Article(
        id=draw(st.text(min_size=1, max_size=10)),
        source=draw(st.text(max_size=20)),
        source_span=draw(st.none() | span()),
        title=draw(optional_text),
        published=draw(
            st.builds(
                Published, value=optional_text, how=st.sampled_from(PUBLISHED_HOW), evidence=optional_text
            )
        ),
        text=text,
        blocks=tuple(draw(st.lists(blocks, max_size=5))),
        url=draw(optional_text),
        outlet=draw(optional_text),
    )
    return Analysis(
        article=article,
        entities=tuple(draw(st.lists(entity, max_size=4))),
        quotes=tuple(draw(st.lists(quote, max_size=3))),
        timexes=tuple(draw(st.lists(timex, max_size=3))),
        events=tuple(draw(st.lists(event, max_size=2))),
        figures=tuple(draw(st.lists(figure, max_size=3))),
        problems=tuple(draw(st.lists(problem, max_size=2))),
        sentences=tuple(draw(st.lists(span(), max_size=4))),
        stage_versions=tuple(draw(st.lists(st.tuples(st.text(max_size=8), st.text(max_size=4)), max_size=3))),
    )


def make_analysis(text: str, **found: tuple) -> Analysis:
    article = Article(
        id=article_id(text),
        source="test.txt",
        source_span=(0, len(text)),
        title=text.split(".")[0],
        published=Published("2026-02-03", "given", "--date"),
        text=text,
        blocks=(Block(0, len(text), "body"),),
    )
    sentences = found.pop("sentences", ((0, len(text)),))
    return Analysis(article=article, sentences=sentences, **found)


def table_dump(path: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


@given(analyses())
@settings(max_examples=150, deadline=None)
def test_store_round_trips_any_analysis(analysis: Analysis) -> None:
    with Store(":memory:") as store:
        assert store.save(analysis) is True
        assert store.load(analysis.article.id) == analysis


@given(st.lists(analyses(), min_size=2, max_size=3, unique_by=lambda analysis: analysis.article.id))
@settings(max_examples=60, deadline=None)
def test_store_round_trips_several_analyses_sharing_entity_ids(given_analyses: list[Analysis]) -> None:
    with Store(":memory:") as store:
        for analysis in given_analyses:
            store.save(analysis)
        assert list(store.analyses()) == given_analyses


def test_store_resave_leaves_the_file_unchanged(tmp_path) -> None:
    path = str(tmp_path / "dossier.db")
    first = make_analysis(
        "Ministers met in Bogotá. They agreed.", problems=(Problem("test.txt", "odd", "quotes"),)
    )
    second = make_analysis("A second article about a meeting.")
    with Store(path) as store:
        assert [store.save(first), store.save(second)] == [True, True]
        before = (store.stats(), table_dump(path))
        assert [store.save(first), store.save(second)] == [False, False]
        assert (store.stats(), table_dump(path)) == before


@pytest.mark.parametrize(
    "bad_field, bad_records",
    [
        ("timexes", (Timex(0, 4, "When", "MOMENT", None),)),
        ("quotes", (Quote(9, 3, "", "direct"),)),
        ("figures", (Figure(0, 4, "When", math.nan, None, None, None),)),
        ("events", (Event("AGREE", "rumoured", Actor(), Actor(), None, (0, 1), (0, 4)),)),
    ],
)
def test_store_failed_save_rolls_back_only_that_article(bad_field: str, bad_records: tuple) -> None:
    good = make_analysis("When leaders met, they talked.")
    # Entities, blocks and sentences are written before the bad record: they must vanish with it.
    bad = make_analysis(
        "When nobody met, nothing happened.",
        entities=(Entity("e1", "Nobody", "PERSON", ((5, 11),)),),
        **{bad_field: bad_records},
    )
    later = make_analysis("Later, an article saved after the failure.")
    with Store(":memory:") as store:
        store.save(good)
        counts = store.stats()
        with pytest.raises(StoreError, match=bad.article.id):
            store.save(bad)
        assert bad.article.id not in store
        assert store.stats() == counts
        assert store.save(later) is True
        assert [summary.id for summary in store.articles()] == [good.article.id, later.article.id]


def test_store_applies_migrations_once(tmp_path) -> None:
    path = str(tmp_path / "dossier.db")
    Store(path).close()
    with Store(path) as store:
        assert store.migrations() == [name for name, _ in MIGRATIONS]


def test_store_applies_only_a_new_migration(tmp_path) -> None:
    path = str(tmp_path / "dossier.db")
    Store(path).close()
    added = MIGRATIONS + [("9999_notes", "CREATE TABLE notes (body TEXT)")]
    with sqlite3.connect(path, isolation_level=None) as conn:
        assert apply_migrations(conn, path, added) == ["9999_notes"]
        assert apply_migrations(conn, path, added) == []


def test_store_refuses_a_newer_schema(tmp_path) -> None:
    path = str(tmp_path / "dossier.db")
    Store(path).close()
    with sqlite3.connect(path, isolation_level=None) as conn:
        apply_migrations(conn, path, MIGRATIONS + [("9999_future", "CREATE TABLE future (x TEXT)")])
    with pytest.raises(StoreError, match=r"dossier\.db.*newer.*9999_future"):
        Store(path)


@pytest.mark.parametrize(
    "content",
    [b"storyline is not a database\n" * 100, b"SQLite format 3\x00" + b"\xff" * 200],
    ids=["text", "corrupt"],
)
def test_store_refuses_a_file_that_is_not_sqlite(tmp_path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=r"notes\.db"):
        Store(path)


def test_store_refuses_a_directory(tmp_path) -> None:
    with pytest.raises(StoreError, match=r"a directory"):
        Store(tmp_path)


def test_store_refuses_an_sqlite_file_of_another_program(tmp_path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    with pytest.raises(StoreError, match=r"other\.db.*not a storyline store"):
        Store(path)


def test_open_store_refuses_a_missing_file_when_not_creating(tmp_path) -> None:
    with pytest.raises(StoreError, match=r"missing\.db"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_store_uses_wal_mode(tmp_path) -> None:
    path = tmp_path / "dossier.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_records_a_problem_once() -> None:
    problem = Problem("feed.jsonl:3", "no text field", "ingest")
    with Store(":memory:") as store:
        assert [store.save_problem(problem), store.save_problem(problem)] == [True, False]
        assert store.problems() == [problem]


def test_store_keeps_entity_ids_shared_across_articles() -> None:
    petro = "e-petro"
    first = make_analysis("Petro spoke.", entities=(Entity(petro, "Gustavo Petro", "PERSON", ((0, 5),)),))
    second = make_analysis(
        "Later Petro left.", entities=(Entity(petro, "Gustavo Petro", "PERSON", ((6, 11),)),)
    )
    with Store(":memory:") as store:
        store.save(first)
        store.save(second)
        assert store.stats()["entities"] == 1
        assert store.stats()["mentions"] == 2


def test_store_summarizes_articles_with_counts() -> None:
    analysis = make_analysis(
        "He said it rained on Tuesday.",
        quotes=(Quote(8, 17, "it rained", "indirect", cue=Cue(3, 7, "said")),),
        timexes=(Timex(21, 28, "Tuesday", "DATE", "2026-02-03"),),
    )
    with Store(":memory:") as store:
        store.save(analysis)
        [summary] = store.articles()
    assert (summary.id, summary.quotes, summary.timexes, summary.entities, summary.chars) == (
        analysis.article.id, 1, 1, 0, len(analysis.article.text),
    )  # fmt: skip
    assert summary.published == analysis.article.published


SEARCH_TEXT = "Nicolás Maduro spoke. “We AGREED on trade,” the minister said. Trade fell 5%."
SEARCH_ANALYSIS = make_analysis(
    SEARCH_TEXT,
    sentences=((0, 21), (22, 62), (63, 77)),
    quotes=(Quote(23, 41, "We AGREED on trade", "direct", Speaker("e1", "The Minister", (43, 55))),),
)


@pytest.mark.parametrize(
    "query, kind, words",
    [
        ("nicolas", "sentence", ["Nicolás"]),
        ("agreed", "quote", ["AGREED"]),
        ("Maduro SPOKE", "sentence", ["Maduro", "spoke"]),
        ("trade fell", "sentence", ["Trade", "fell"]),
    ],
)
def test_store_search_finds_words_at_their_offsets(query: str, kind: str, words: list[str]) -> None:
    with Store(":memory:") as store:
        store.save(SEARCH_ANALYSIS)
        hits = [hit for hit in store.search(query) if hit.kind == kind]
    assert hits, f"no {kind} hit for {query!r}"
    hit = hits[0]
    assert SEARCH_TEXT[hit.start : hit.end] == hit.text
    assert [SEARCH_TEXT[s:e] for s, e in hit.matches] == words
    assert any(is_match for _, is_match in hit.snippet)


def test_store_search_names_the_speaker_of_a_quote_hit() -> None:
    with Store(":memory:") as store:
        store.save(SEARCH_ANALYSIS)
        [hit] = [hit for hit in store.search("agreed") if hit.kind == "quote"]
    assert hit.speaker == "The Minister"


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", "trade OR", "a AND NOT b", "col:val", "^x", ""])
def test_store_search_reads_fts_syntax_as_words(query: str) -> None:
    with Store(":memory:") as store:
        store.save(SEARCH_ANALYSIS)
        hits = store.search(query)
    assert all(SEARCH_TEXT[hit.start : hit.end] == hit.text for hit in hits)


def test_store_search_respects_the_limit() -> None:
    many = make_analysis("Trade. " * 30, sentences=tuple((i * 7, i * 7 + 6) for i in range(30)))
    with Store(":memory:") as store:
        store.save(many)
        assert len(store.search("trade", limit=5)) == 5


@given(st.lists(st.sampled_from(["alpha", "Beta", "gámma", "delta", ",", " ", "."]), min_size=1, max_size=30))
@settings(max_examples=60, deadline=None)
def test_store_search_hit_offsets_round_trip(pieces: list[str]) -> None:
    text = " ".join(pieces)
    analysis = dataclasses.replace(make_analysis(text), sentences=((0, len(text)),))
    with Store(":memory:") as store:
        store.save(analysis)
        hits = store.search("gamma")
    assert bool(hits) == ("gámma" in pieces)
    for hit in hits:
        assert [text[s:e] for s, e in hit.matches] == ["gámma"] * pieces.count("gámma")


BUILD_TEXTS = {
    "harbour.txt": "Harbour deal signed\n"
    "The minister signed a port agreement with the mayor on Tuesday.\n"
    '"This harbour will carry 40,000 containers a year," she said.\n',
    "floods.txt": "Floods close river crossings\n"
    "Heavy rain closed three bridges on Sunday, the regional government said.\n"
    '"We expect the water to fall by Wednesday," said Marta Quispe.\n',
}


def test_store_build_twice_leaves_the_store_unchanged(tmp_path) -> None:
    from storyline.api import build

    paths = []
    for name, text in BUILD_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    db = str(tmp_path / "dossier.db")
    first = build(paths, db, date="2026-03-04")
    before = table_dump(db)
    second = build(paths, db, date="2026-03-04")
    assert (first.articles_added, second.articles_added, second.articles_unchanged) == (2, 0, 2)
    assert table_dump(db) == before


def test_store_counts_an_entity_across_articles() -> None:
    petro = Entity("e-petro", "Gustavo Petro", "PERSON", ((0, 5),))
    first = make_analysis(
        "Petro spoke: we agree.",
        entities=(petro,),
        quotes=(Quote(13, 21, "we agree", "direct", Speaker("e-petro", "Gustavo Petro", (0, 5))),),
    )
    second = make_analysis(
        "Petro left. Petro returned.", entities=(dataclasses.replace(petro, mentions=((0, 5), (12, 17))),)
    )
    lone = make_analysis("Trump stayed.", entities=(Entity("e-trump", "Donald Trump", "PERSON", ((0, 5),)),))
    with Store(":memory:") as store:
        for analysis in (first, second, lone):
            store.save(analysis)
        summaries = {(e.name, e.articles, e.mentions, e.quotes) for e in store.entities()}
    assert summaries == {("Gustavo Petro", 2, 3, 1), ("Donald Trump", 1, 1, 0)}


@given(analyses())
@settings(max_examples=60, deadline=None)
def test_store_timeline_is_build_timeline_of_what_was_saved(analysis: Analysis) -> None:
    with Store(":memory:") as store:
        store.save(analysis)
        assert store.timeline() == build_timeline([analysis])
