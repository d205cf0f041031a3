"""What the entity stage knows, stored and used: variants, roles, the merge/split log, user corrections that
every rebuild respects (real spaCy, real SQLite)."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from storyline import api
from storyline.ids import article_id
from storyline.models import Analysis, Article, Entity, Published
from storyline.store import Correction, EntityKnowledge, Store, StoreError
from storyline.store.entities import corrections_fingerprint, effective_corrections
from storyline.store.migrations import MIGRATIONS, apply_migrations

# Two short articles on one story: the stage keeps "Maria Delgado" and "Mary Delgado-Ruiz" apart.
FIRST = (
    "City council approves new bridge\n\n"
    "Maria Delgado, the mayor of Riverton, said on Monday that the new bridge would open in May. "
    '"We have waited long enough," Delgado said.\n'
)
SECOND = (
    "Bridge opening delayed\n\n"
    "Mayor Mary Delgado-Ruiz announced on Friday that the bridge would open in June instead. "
    "Delgado-Ruiz blamed the weather.\n"
)


def make_analysis(text: str, entities: tuple[Entity, ...] = ()) -> Analysis:
    article = Article(id=article_id(text), source="t.txt", source_span=None, title=None,
                      published=Published(None, "assumed", None), text=text, blocks=())  # fmt: skip
    return Analysis(article=article, entities=entities)


@pytest.fixture
def two_articles(tmp_path):
    paths = []
    for name, text in (("first.txt", FIRST), ("second.txt", SECOND)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths, tmp_path / "dossier.db"


def build(paths, db) -> api.BuildSummary:
    return api.build(paths, db, one_article=True, date="2026-03-02")


def ids_named(db, words: str) -> set[str]:
    with Store(db) as store:
        return {e.id for e in store.entity_overview("PERSON") if words in e.name}


@pytest.mark.parametrize(
    ("corrections", "merges", "splits"),
    [
        ([], [], []),
        ([Correction("merge", "A B", "C")], [("A B", "C")], []),
        ([Correction("merge", "A B", "C"), Correction("split", "c", "a b")], [], [("c", "a b")]),
        ([Correction("split", "A", "C"), Correction("merge", "A", "C")], [("A", "C")], []),
        ([Correction("merge", "A", "C"), Correction("split", "D", "E")], [("A", "C")], [("D", "E")]),
    ],
)
def test_entities_use_latest_correction_of_a_pair_wins(corrections, merges, splits) -> None:
    assert effective_corrections(corrections) == (merges, splits)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ([], [], True),
        ([Correction("split", "A", "B")], [Correction("split", "a", "b")], True),
        ([Correction("split", "A", "B")], [Correction("split", "B", "A")], False),  # the other name moves
        ([Correction("merge", "A", "B")], [Correction("merge", "B", "A")], False),
        ([Correction("merge", "A", "B")], [Correction("merge", "A", "B"), Correction("split", "A", "B")], False),
        ([], [Correction("merge", "A", "B"), Correction("split", "A", "B")], False),
    ],
)
def test_entities_use_fingerprint_changes_with_the_corrections_in_force(first, second, same) -> None:
    assert (corrections_fingerprint(first) == corrections_fingerprint(second)) is same


def test_entities_use_no_corrections_fingerprint_is_the_stored_default() -> None:
    assert corrections_fingerprint([]) == ""


def test_entities_use_store_refuses_an_unknown_correction_kind() -> None:
    with Store(":memory:") as store, pytest.raises(ValueError, match="rename"):
        store.add_correction("rename", "A", "B")


def test_entities_use_store_keeps_corrections_in_order() -> None:
    with Store(":memory:") as store:
        store.add_correction("merge", "A", "B")
        store.add_correction("split", "A", "B")
        assert [(c.kind, c.name, c.other) for c in store.corrections()] == [("merge", "A", "B"), ("split", "A", "B")]


def test_entities_use_store_lists_variants_and_roles_with_provenance() -> None:
    analysis = make_analysis("Ana Ruiz, the minister, spoke.", (Entity("e1", "Ana Ruiz", "PERSON", ((0, 8),)),))
    aid = analysis.article.id
    knowledge = EntityKnowledge(
        variants=[("e1", "ana ruiz", {"PERSON": 3}), ("e1", "ruiz", {"PERSON": 1, "ORG": 1})],
        roles=[{"entity": "e1", "article": aid, "start": 10, "end": 22, "text": "the minister", "kind": "appositive"}],
        decisions=[{"article": aid, "kind": "merge", "names": ["ruiz", "Ana Ruiz"], "reason": "surname", "evidence": "x"}],
    )
    with Store(":memory:") as store:
        store.save(analysis)
        store.save_entity_knowledge(knowledge, [aid])
        (overview,) = store.entity_overview()
        found = store.explain_entity("ruiz")
    assert (overview.variants, overview.roles) == (("ana ruiz", "ruiz"), ("the minister",))
    assert found["entities"][0]["type_votes"] == {"PERSON": 4, "ORG": 1}
    assert found["entities"][0]["roles"] == [{"article": aid, "start": 10, "end": 22, "text": "the minister", "kind": "appositive"}]
    assert [d["reason"] for d in found["decisions"]] == ["surname"]


def test_entities_use_store_replace_keeps_place_and_drops_old_rows() -> None:
    old = make_analysis("Ana Ruiz spoke. Ben Ortiz listened.", (
        Entity("e1", "Ana Ruiz", "PERSON", ((0, 8),)), Entity("e2", "Ben Ortiz", "PERSON", ((16, 25),)),
    ))  # fmt: skip
    other = make_analysis("Another text entirely.")
    new = dataclasses.replace(old, entities=(Entity("e1", "Ana Ruiz", "PERSON", ((0, 8), (16, 25))),))
    with Store(":memory:") as store:
        store.save(old)
        store.save(other)
        store.replace(new, corrections="c1")
        assert [a.id for a in store.articles()] == [old.article.id, other.article.id]
        assert store.load(old.article.id).entities == new.entities
        assert [e.id for e in store.entity_overview()] == ["e1"]  # e2 is mentioned nowhere any more
        assert store.corrections_of(old.article.id) == "c1"
        assert store.corrections_of(other.article.id) == ""


def test_entities_use_migration_gives_older_articles_no_corrections(tmp_path) -> None:
    path = str(tmp_path / "old.db")
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, path, [m for m in MIGRATIONS if m[0] != "0005_entities"])
    conn.execute(
        "INSERT INTO articles (id, seq, source, published_how, text, first_seen) VALUES ('a1', 1, 'x', 'given', 't', 'now')"
    )
    conn.close()
    with Store(path) as store:
        assert "0005_entities" in store.migrations()
        assert store.corrections_of("a1") == ""


def test_entities_use_migration_added_before_an_applied_one_gets_a_free_order(tmp_path) -> None:
    path = str(tmp_path / "branches.db")
    conn = sqlite3.connect(path, isolation_level=None)
    apply_migrations(conn, path, MIGRATIONS)
    late = MIGRATIONS[:-1] + [("0004_other_branch", "CREATE TABLE other (x TEXT)")] + MIGRATIONS[-1:]
    assert apply_migrations(conn, path, late) == ["0004_other_branch"]
    conn.close()


def test_entities_use_build_stores_variants_roles_and_decisions(two_articles) -> None:
    paths, db = two_articles
    build(paths, db)
    with Store(db) as store:
        found = store.explain_entity("Maria Delgado")
    maria = next(e for e in found["entities"] if e["name"] == "Maria Delgado")
    assert "maria delgado" in maria["variants"]
    role = next(r for r in maria["roles"] if r["kind"] == "appositive")
    assert FIRST[role["start"] : role["end"]] == role["text"]
    assert any(d["kind"] == "merge" and d["evidence"] for d in found["decisions"])


def test_entities_use_merge_then_split_are_respected_by_every_build(two_articles) -> None:
    paths, db = two_articles
    build(paths, db)
    assert len(ids_named(db, "Delgado")) >= 2
    apart = ids_named(db, "Delgado-Ruiz") | ids_named(db, "Maria")

    with Store(db) as store:
        store.add_correction("merge", "Mary Delgado-Ruiz", "Maria Delgado")
    summary = build(paths, db)
    assert (summary.articles_reanalysed, summary.articles_unchanged) == (2, 0)
    merged = ids_named(db, "Delgado-Ruiz") | ids_named(db, "Maria")
    assert len(apart) == 2 and len(merged) == 1
    with Store(db) as store:
        (maria,) = [e for e in store.entity_overview() if e.id in merged]
        assert maria.articles == 2 and "mary delgado-ruiz" in maria.variants

    assert build(paths, db).articles_unchanged == 2  # the same corrections: nothing to do again

    with Store(db) as store:
        store.add_correction("split", "Mary Delgado-Ruiz", "Maria Delgado")
    assert api.reanalyse(db).articles_reanalysed == 2
    assert len(ids_named(db, "Delgado-Ruiz") | ids_named(db, "Maria")) == 2


def test_entities_use_merge_joins_two_names_of_one_article(tmp_path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Robert Carver opened the shop in 1990. Bob Carver said the shop would close next year.\n")
    db = tmp_path / "dossier.db"
    build([str(path)], db)
    assert len(ids_named(db, "Carver")) == 2
    with Store(db) as store:
        store.add_correction("merge", "Bob Carver", "Robert Carver")
    build([str(path)], db)
    assert len(ids_named(db, "Carver")) == 1


def test_entities_use_report_describes_shared_entities_by_their_roles(two_articles) -> None:
    from storyline.report import render_report

    paths, db = two_articles
    build(paths, db)
    with Store(db) as store:
        html = render_report(store)
        (maria,) = [e for e in store.entity_overview() if e.articles > 1 and "maria delgado" in e.variants]
    assert maria.roles and f'<td class="roles">{maria.roles[0]}' in html


def test_entities_use_store_replace_rolls_back_a_broken_analysis() -> None:
    old = make_analysis("Ana Ruiz spoke.", (Entity("e1", "Ana Ruiz", "PERSON", ((0, 8),)),))
    broken = dataclasses.replace(old, sentences=((5, 2),))  # a span ending before it starts
    with Store(":memory:") as store:
        store.save(old)
        with pytest.raises(StoreError, match="not replaced"):
            store.replace(broken, corrections="c1")
        assert store.load(old.article.id) == old and store.corrections_of(old.article.id) == ""


def test_entities_use_reanalysis_from_stored_text_gives_the_built_analyses(two_articles) -> None:
    paths, db = two_articles
    build(paths, db)
    with Store(db) as store:
        before = list(store.analyses())
        store.add_correction("split", "Xavier Nobody", "Yolanda Nobody")  # changes nothing in these texts
    assert api.reanalyse(db).articles_reanalysed == 2
    with Store(db) as store:
        assert list(store.analyses()) == before


@pytest.mark.parametrize(("path", "status"), [("/api/entities/explain?name=Delgado", 200), ("/api/entities/explain?name=Nobody+Atall", 404)])
def test_entities_use_web_explains_a_name_or_says_it_is_unknown(two_articles, path, status) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette's TestClient prefers httpx2
        from fastapi.testclient import TestClient
    from storyline.web import create_app

    paths, db = two_articles
    build(paths, db)
    response = TestClient(create_app(db)).get(path)
    assert response.status_code == status
    if status == 200:
        assert {"maria delgado", "delgado"} <= set(response.json()["entities"][0]["variants"])


def test_entities_use_web_lists_entities_of_one_type(two_articles) -> None:
    from fastapi.testclient import TestClient

    from storyline.web import create_app

    paths, db = two_articles
    build(paths, db)
    rows = TestClient(create_app(db)).get("/api/entities?type=person").json()
    assert rows and {row["type"] for row in rows} == {"PERSON"} and all("roles" in row for row in rows)
