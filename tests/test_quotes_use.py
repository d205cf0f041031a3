"""Who said what from the store: quotes by speaker, words and kind, with the spans they came from."""

from __future__ import annotations

import pytest

from storyline.models import Block, RawItem
from storyline.pipeline import run_pipeline
from storyline.store import Store
from storyline.store.quotes import quote_sentence
from storyline.store.timeline import name_holds

PORT = """Port workers end strike in Valparaíso
Chile's transport minister Ana Lucía Reyes met the dock workers' union on Tuesday.
She added that the government would "never abandon the waterfront".
The union leader, Tomás Ibarra, said the strike was over.
"We got what we came for," Ibarra told reporters.
Reyes said Ibarra had called the deal "a fair end to the dispute".
"""
FLOODS = """Floods close river crossings
Heavy rain closed three bridges over the river on Sunday.
"We expect the water to fall by Wednesday," said Marta Quispe, the head of civil defence.
"Nobody is safe near the bridges," one resident said.
Quispe said the army would help. "The soldiers arrive tomorrow," she said.
"""


@pytest.fixture(scope="module")
def store():
    # The port story is saved first but published later: quotes must come in publication order.
    items = [
        RawItem("port.txt", PORT, "text", published="2026-03-05"),
        RawItem("floods.txt", FLOODS, "text", published="2026-03-02"),
    ]
    store = Store(":memory:")
    for analysis in run_pipeline(items, one_article=True):
        store.save(analysis)
    yield store
    store.close()


@pytest.fixture(scope="module")
def texts(store: Store) -> dict[str, str]:
    return {analysis.article.id: analysis.article.text for analysis in store.analyses()}


def test_quotes_use_offsets_are_the_exact_words(store: Store, texts: dict[str, str]) -> None:
    hits = store.quotes()
    assert len(hits) >= 6
    for hit in hits:
        text = texts[hit.article_id]
        assert text[hit.start : hit.end] == hit.text
        assert text[slice(*hit.sentence)] == hit.sentence_text
        assert hit.sentence[0] <= hit.start and hit.end <= hit.sentence[1]
        if hit.cue:
            assert text[slice(*hit.cue)] == hit.cue_words
        if hit.speaker_mention:
            assert text[slice(*hit.speaker_mention)] == hit.speaker_words


def test_quotes_use_sorts_by_publication_date_then_position(store: Store) -> None:
    keys = [(hit.published, hit.start) for hit in store.quotes()]
    assert keys == sorted(keys)
    assert keys[0][0] == "2026-03-02" and keys[-1][0] == "2026-03-05"


@pytest.mark.parametrize("speaker", ["Marta Quispe", "marta quispe", "MARTA QUISPE", "Quispe", "quíspe"])
def test_quotes_use_finds_a_speaker_by_name_in_any_case_and_accents(store: Store, speaker: str) -> None:
    hits = store.quotes(speaker=speaker)
    assert hits and {hit.speaker_name for hit in hits} == {"Marta Quispe"}
    assert hits == store.quotes(speaker=hits[0].speaker_entity)


def test_quotes_use_finds_a_speaker_whose_name_has_accents(store: Store) -> None:
    hits = store.quotes(speaker="tomas ibarra")
    assert hits and {hit.speaker_name for hit in hits} == {"Tomás Ibarra"}


def test_quotes_use_keeps_a_pronoun_speaker_with_its_entity(store: Store) -> None:
    hits = store.quotes(speaker="Quispe")
    pronoun = [hit for hit in hits if hit.speaker_words and hit.speaker_words.casefold() == "she"]
    assert [hit.text for hit in pronoun] == ["The soldiers arrive tomorrow"]


def test_quotes_use_counts_unattributed_quotes_apart_and_last(store: Store) -> None:
    speakers = store.speakers()
    assert (speakers[-1].entity, speakers[-1].name) == (None, None) and speakers[-1].quotes >= 1
    unattributed = [hit.text for hit in store.quotes() if hit.speaker_key is None]
    assert "Nobody is safe near the bridges" in unattributed
    assert len(unattributed) == speakers[-1].quotes


def test_quotes_use_speaker_counts_match_their_quotes(store: Store) -> None:
    speakers = store.speakers()
    named = [speaker for speaker in speakers if speaker.entity]
    assert [s.quotes for s in named] == sorted((s.quotes for s in named), reverse=True)
    for speaker in named:
        assert len(store.quotes(speaker=speaker.entity)) == speaker.quotes
    assert sum(speaker.quotes for speaker in speakers) == len(store.quotes())


@pytest.mark.parametrize(
    ("words", "expected"),
    [("BRIDGES safe", "Nobody is safe near the bridges"), ("soldiers", "The soldiers arrive tomorrow")],
)
def test_quotes_use_search_keeps_quotes_holding_every_word(store: Store, words: str, expected: str) -> None:
    assert [hit.text for hit in store.quotes(search=words)] == [expected]


@pytest.mark.parametrize("words", ["zeppelin", "!!!", "rain"])  # "rain" is in a sentence, in no quote
def test_quotes_use_search_without_a_quote_finds_nothing(store: Store, words: str) -> None:
    assert store.quotes(search=words) == []


def test_quotes_use_search_and_speaker_combine(store: Store) -> None:
    assert [hit.text for hit in store.quotes(speaker="Quispe", search="water")] == [
        "We expect the water to fall by Wednesday"
    ]
    assert store.quotes(speaker="Ibarra", search="water") == []


@pytest.mark.parametrize("kind", ["direct", "indirect"])
def test_quotes_use_filters_by_kind(store: Store, kind: str) -> None:
    hits = store.quotes(kind=kind)
    assert hits and {hit.kind for hit in hits} == {kind}
    assert len(hits) < len(store.quotes())


def test_quotes_use_refuses_an_unknown_kind(store: Store) -> None:
    with pytest.raises(ValueError, match="not a quote kind"):
        store.quotes(kind="sarcastic")


def test_quotes_use_limit_keeps_the_first(store: Store) -> None:
    assert store.quotes(limit=2) == store.quotes()[:2]


def test_quotes_use_unknown_speaker_has_no_quotes(store: Store) -> None:
    assert store.entity_ids("Nobody Atall") == [] and store.quotes(speaker="Nobody Atall") == []
    assert not store.knows_speaker("Nobody Atall") and store.knows_speaker("quispe")


def test_quotes_use_partial_quote_is_one_hit_with_its_clause(store: Store) -> None:
    hits = store.quotes(search="abandon waterfront")
    assert [(hit.kind, hit.text) for hit in hits] == [
        ("mixed", 'that the government would "never abandon the waterfront"')
    ]


def test_quotes_use_flags_a_quote_inside_a_longer_one(store: Store) -> None:
    hits = store.quotes(search="fair dispute")
    inner = [hit for hit in hits if hit.cue_words == "called"]
    assert len(inner) == 1 and inner[0].nested
    outer = [hit for hit in hits if hit.start < inner[0].start and inner[0].end <= hit.end]
    assert outer and not any(hit.nested for hit in outer)


@pytest.mark.parametrize(
    ("name", "wanted", "holds"),
    [
        ("Gustavo Petro", "petro", True),
        ("Gimena Sánchez-Garzoli", "sanchez garzoli", True),
        ("Ana Lucía Reyes", "LUCIA reyes", True),
        ("Petrobras", "petro", False),
        ("Ana Lucía Reyes", "reyes ana", False),
        ("Ana Reyes", "", False),
    ],
)
def test_name_holds_matches_whole_words_in_order(name: str, wanted: str, holds: bool) -> None:
    assert name_holds(name, wanted) is holds


# One heading, then one paragraph of two sentences, then a paragraph holding only a cue.
SENTENCE_TEXT = 'Port deal\n"We will sign," she said. It rained.\nShe said so.'
SENTENCE_BLOCKS = (Block(0, 9, "heading"), Block(10, 46, "body"), Block(47, 59, "body"))


@pytest.mark.parametrize(
    ("sentences", "quote", "cue", "expected"),
    [
        ([(10, 35), (36, 46)], (11, 23), (30, 34), (10, 35)),  # the sentence of quote and cue
        ([(0, 35), (36, 46)], (11, 23), (30, 34), (10, 35)),  # a sentence run on from the heading is clipped
        # the cue's sentence joins the quote's
        ([(10, 23), (24, 35), (36, 46)], (11, 23), (30, 34), (10, 35)),
        # a cue in another paragraph stays out
        ([(10, 23), (24, 35), (36, 46)], (11, 23), (51, 55), (10, 23)),
        ([], (11, 23), (30, 34), (11, 34)),  # no parse: the quote and its cue
    ],
)
def test_quote_sentence_holds_quote_and_cue_within_their_paragraph(sentences, quote, cue, expected) -> None:
    assert quote_sentence(sentences, SENTENCE_BLOCKS, quote, cue) == expected


def test_quotes_use_a_speaker_named_without_an_entity_is_found_and_counted() -> None:
    from storyline.ids import article_id
    from storyline.models import Analysis, Article, Published, Quote, Speaker

    text = '"We will keep fighting," the ELN said in a statement.\n"Nobody listens," a farmer said.\n'
    article = Article(article_id(text), "eln.txt", None, None, Published("2026-03-01", "given"), text,
                      (Block(0, 53, "body"), Block(54, len(text) - 1, "body")))  # fmt: skip
    said = Quote(1, 22, "We will keep fighting", "direct", Speaker(None, "ELN", (29, 32)))
    unsaid = Quote(55, 69, "Nobody listens", "direct")
    with Store(":memory:") as store:
        store.save(Analysis(article, quotes=(said, unsaid)))
        assert [hit.text for hit in store.quotes(speaker="eln")] == ["We will keep fighting"]
        assert [(s.entity, s.name, s.quotes) for s in store.speakers()] == [(None, "ELN", 1), (None, None, 1)]
        assert store.quotes(speaker="eln")[0].speaker_words == "ELN"
        assert store.knows_speaker("ELN") and not store.knows_speaker("farmer")
