"""Ingest: decoding, JSON Lines records, HTML extraction with captions apart, folder order and stdin."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.ingest import read_inputs, read_stdin
from storyline.ingest.decode import DecodeError, decode_bytes, repair_text
from storyline.models import Problem, RawItem

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "storyline" / "example" / "corpus"
PAGE = CORPUS / "wikinews-questionnaire.html"

RUSSIAN = "Всё хорошо, спасибо. Привет, как дела? " * 4
TEXT = "Petro’s “deal” — signed in Bogotá.\nThe café stayed open."


def read_all(*paths: Path | str, stdin=None) -> list[RawItem | Problem]:
    return list(read_inputs([str(path) for path in paths], stdin=stdin))


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-8-sig"), TEXT),
        (TEXT.encode("utf-16"), TEXT),  # Python writes a byte-order mark
        (TEXT.encode("utf-16-be"), TEXT),  # no byte-order mark: sniffed from the NUL pattern
        (TEXT.encode("cp1252"), TEXT),
        ("Petroâ€™s visit".encode(), "Petro’s visit"),  # UTF-8 read as cp1252 and saved again
        ("CafÃ© “open” â€” yes".encode(), "Café “open” — yes"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), TEXT),
        (TEXT.replace("\n", "\r").encode("cp1252"), TEXT),
        ("été".encode("cp1252"), "été"),  # short, mostly non-ASCII, still Western text
        ("Petro’s café ".encode() + b"\x92s visit", "Petro’s café ’s visit"),  # UTF-8 paste with a cp1252 byte
        (RUSSIAN.encode("cp1251"), RUSSIAN),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-be-no-bom", "cp1252", "mojibake", "mojibake-keeps-curly",
         "crlf", "cr-cp1252", "short-cp1252", "utf-8-with-cp1252-byte", "cp1251-by-charset-normalizer"],
)
def test_ingest_decodes_plain_text(tmp_path, data, expected):
    [item] = read_all(write(tmp_path / "story.txt", data))
    assert isinstance(item, RawItem)
    assert (item.text, item.format, item.splittable, item.source_offset) == (expected, "text", True, 0)


def test_ingest_keeps_curly_quotes_and_dashes():
    assert repair_text("“Yes” – she said ‘no’ — …") == "“Yes” – she said ‘no’ — …"


@pytest.mark.parametrize(
    "data",
    [bytes(range(128, 256)) * 8, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xfe\x00\xd8",
     random.Random(0).randbytes(3000).replace(b"\x00", b"a"), b"\x1b\x02\x03\x04 control \x05\x06\x07"],
    ids=["high-bytes", "png", "broken-utf16", "random-without-nul", "control-characters"],
)
def test_ingest_decode_rejects_non_text(data):
    with pytest.raises(DecodeError):
        decode_bytes(data)


def test_ingest_names_the_source_as_given(tmp_path):
    path = write(tmp_path / "a.txt", "One line.")
    [item] = read_all(path)
    assert item.source == str(path)


def test_ingest_jsonl_reads_one_item_per_record(tmp_path):
    records = [
        {"text": "First story.", "title": "One", "published": "2015-08-21", "url": "https://x.test/1", "source": "Wire"},
        {"text": "Second story.\r\nMore.", "published": "2015-08-22T10:00:00Z"},
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(record) for record in records) + "\n")
    first, second = read_all(path)
    assert (first.source, first.title, first.published, first.url, first.outlet) == (
        f"{path}:1", "One", "2015-08-21", "https://x.test/1", "Wire")
    assert (first.format, first.splittable, first.source_offset) == ("jsonl", False, None)
    assert (second.source, second.text, second.published) == (f"{path}:2", "Second story.\nMore.", "2015-08-22")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"text": "unterminated', "invalid JSON"),
        ('["a list"]', "not a JSON object"),
        ('{"title": "no text"}', "no article text"),
        ('{"text": "   "}', "no article text"),
        ('{"text": 42}', "no article text"),
    ],
)
def test_ingest_jsonl_bad_line_is_a_problem_and_the_rest_goes_on(tmp_path, line, reason):
    good = json.dumps({"text": "A good story."})
    path = write(tmp_path / "feed.ndjson", f"{good}\n{line}\n\n{good}\n")
    items = read_all(path)
    assert [type(item).__name__ for item in items] == ["RawItem", "Problem", "RawItem"]
    assert items[1].source == f"{path}:2" and reason in items[1].reason
    assert items[2].source == f"{path}:4"


def test_ingest_jsonl_bad_date_warns_and_keeps_the_record(tmp_path):
    path = write(tmp_path / "feed.jsonl", json.dumps({"text": "Story.", "published": "last Tuesday"}))
    problem, item = read_all(path)
    assert isinstance(problem, Problem) and "published" in problem.reason
    assert isinstance(item, RawItem) and item.published is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("feed.data", json.dumps({"text": "Story one."}) + "\n", "jsonl"),
        ("feed.json", json.dumps({"text": "Story one."}) + "\n", "jsonl"),
        ("notes.data", "{curly} braces open this note.", "text"),
        ("feed.txt", json.dumps({"text": "Story one."}), "text"),  # .txt is always plain text
    ],
)
def test_ingest_sniffs_jsonl_without_its_extension(tmp_path, name, content, expected):
    [item] = read_all(write(tmp_path / name, content))
    assert item.format == expected


@pytest.fixture(scope="module")
def page_item() -> RawItem:
    if not PAGE.exists():
        pytest.skip("the example page is missing from src/storyline/example/corpus")
    [item] = read_all(PAGE)
    return item


def test_ingest_html_reads_title_date_and_url(page_item):
    assert page_item.format == "html" and not page_item.splittable and page_item.source_offset is None
    assert page_item.title.startswith("Reports: 'streamlined' UK asylum process")
    assert page_item.published == "2023-02-23"
    assert page_item.url.startswith("https://en.wikinews.org/wiki/Reports:")


def test_ingest_html_puts_captions_and_credits_after_the_body(page_item):
    kinds = [block.kind for block in page_item.blocks]
    last_body = max(index for index, kind in enumerate(kinds) if kind in {"body", "heading"})
    assert set(kinds[last_body + 1:]) == {"caption", "credit"}
    assert set(kinds[:last_body + 1]) == {"body", "heading"}
    texts = {block.kind: [] for block in page_item.blocks}
    for block in page_item.blocks:
        texts[block.kind].append(page_item.text[block.start:block.end])
    assert "Braverman (left) and Sunak (right) on October 25, 2022." in texts["caption"]
    assert "Image: UK Government." in texts["credit"]
    assert not any("Image:" in text for text in texts["body"])


def test_ingest_html_blocks_cover_one_line_each(page_item):
    lines = page_item.text.split("\n")
    assert [page_item.text[block.start:block.end] for block in page_item.blocks] == lines


def test_ingest_html_leaves_navigation_and_date_line_out_of_the_body(page_item):
    assert "Main page" not in page_item.text and "Thursday, February 23, 2023" not in page_item.text


PAGE_TEMPLATE = """<!doctype html><html><head><title>Storm hits coast</title>{meta}</head><body>
<nav><a href="/">Home</a></nav><article><h1>Storm hits coast</h1>
<p>On Tuesday, May 5, 2015, a storm hit the northern coast and damaged hundreds of homes, officials said in a
statement released late in the evening.</p>
<figure><img src="a.jpg"><figcaption>{caption}</figcaption></figure>
<p>The storm brought winds of more than 120 km/h and cut power to about 30,000 households along the coast,
the regional utility said on Wednesday.</p>
<p>Rescue teams were still searching for two fishermen whose boat did not return to port, police said.</p>
</article><footer><figure><figcaption>Logo of the site</figcaption></figure></footer></body></html>"""


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Waves break over the harbour wall. [Reuters]", [("caption", "Waves break over the harbour wall."),
                                                          ("credit", "[Reuters]")]),
        ("Waves at dawn. Photo: J. Smith", [("caption", "Waves at dawn."), ("credit", "Photo: J. Smith")]),
        ('Waves at dawn. <span class="photo-credit">AP</span>', [("caption", "Waves at dawn."), ("credit", "AP")]),
        ("Waves at dawn.", [("caption", "Waves at dawn.")]),
        ("Waves at dawn <!-- photo 1 -->(<span class='credit'>Image: AFP</span>)",
         [("caption", "Waves at dawn"), ("credit", "Image: AFP")]),
        ("<span class='sr-only'>Image caption</span>Waves at dawn.", [("caption", "Waves at dawn.")]),
    ],
    ids=["bracketed", "labelled", "credit-class", "no-credit", "credit-in-brackets", "screen-reader-label"],
)
def test_ingest_html_splits_caption_credit(tmp_path, caption, expected):
    [item] = read_all(write(tmp_path / "page.html", PAGE_TEMPLATE.format(meta="", caption=caption)))
    found = [(block.kind, item.text[block.start:block.end]) for block in item.blocks
             if block.kind in {"caption", "credit"}]
    assert found == expected  # the footer's logo caption is page chrome, not a photo caption


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ('<div><img src="b.jpg"><p class="image-caption">Fishermen repair nets on the quay.</p></div>',
         ["Fishermen repair nets on the quay."]),
        ('<div><img src="b.jpg"><p class="caption">Advertisement</p></div>', []),  # too short to be a caption
        ('<div class="caption-text">Fishermen repair nets on the quay.</div>', []),  # no picture next to it
    ],
    ids=["class-caption-by-image", "ad-label", "no-image"],
)
def test_ingest_html_caption_class_needs_a_picture(tmp_path, snippet, expected):
    page = PAGE_TEMPLATE.format(meta="", caption="Waves.").replace("</article>", snippet + "</article>")
    [item] = read_all(write(tmp_path / "page.html", page))
    captions = [item.text[block.start:block.end] for block in item.blocks if block.kind == "caption"]
    assert captions == ["Waves.", *expected]


def test_ingest_html_date_only_from_metadata(tmp_path):
    without = write(tmp_path / "a.html", PAGE_TEMPLATE.format(meta="", caption="Waves."))
    meta = '<meta property="article:published_time" content="2015-05-06T08:00:00Z">'
    with_meta = write(tmp_path / "b.html", PAGE_TEMPLATE.format(meta=meta, caption="Waves."))
    first, second = read_all(without, with_meta)
    assert (first.published, second.published) == (None, "2015-05-06")


def test_ingest_html_sniffed_from_content(tmp_path):
    [item] = read_all(write(tmp_path / "saved_page", PAGE_TEMPLATE.format(meta="", caption="Waves.")))
    assert item.format == "html"


def test_ingest_html_reads_xhtml_with_an_xml_declaration(tmp_path):
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE_TEMPLATE.format(meta="", caption="Waves at dawn.")
    [item] = read_all(write(tmp_path / "page.xhtml", page))
    assert isinstance(item, RawItem) and ("caption", "Waves at dawn.") in [
        (block.kind, item.text[block.start:block.end]) for block in item.blocks]


def test_ingest_html_uses_declared_charset_when_not_utf8(tmp_path):
    page = PAGE_TEMPLATE.format(meta='<meta charset="iso-8859-15">', caption="Waves.").replace("Storm", "Sturm €")
    [item] = read_all(write(tmp_path / "page.htm", page.encode("iso-8859-15")))
    assert "Sturm €" in item.text


def test_ingest_walks_folders_in_sorted_order_and_skips_non_inputs(tmp_path):
    for name in ["b.txt", "a/2.txt", "a/10.md", "c.html", "d", ".hidden.txt", ".git/x.txt", "README.md",
                 "NOTICE", "notes.csv", "photo.jpg", "feed.jsonl"]:
        write(tmp_path / name, "<html><body><p>x</p></body></html>" if name == "c.html" else '{"text": "x"}'
              if name == "feed.jsonl" else f"Text of {name}.")
    found = [item.source for item in read_all(tmp_path)]
    expected = ["a/10.md", "a/2.txt", "b.txt", "c.html", "d", "feed.jsonl:1"]
    assert found == [str(tmp_path / name) for name in expected]


def test_ingest_reads_an_explicitly_named_hidden_file(tmp_path):
    [item] = read_all(write(tmp_path / ".draft", "A draft story."))
    assert item.text == "A draft story."


@pytest.mark.parametrize(
    "stream",
    [io.BytesIO(TEXT.encode("cp1252")), io.StringIO(TEXT), io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-16")))],
    ids=["bytes", "text", "text-with-buffer"],
)
def test_ingest_reads_stdin(stream):
    [item] = read_all("-", stdin=stream)
    assert (item.source, item.text, item.format) == ("-", TEXT, "text")


def test_ingest_stdin_empty_is_a_problem():
    [problem] = list(read_stdin(io.BytesIO(b"")))
    assert (problem.source, problem.reason) == ("-", "empty file")


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".html", ".jsonl", ""]))
def test_ingest_never_raises(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("any") / f"input{suffix}"
    path.write_bytes(data)
    for item in read_all(path):
        assert isinstance(item, Problem) or item.text.strip()
        if isinstance(item, RawItem):
            assert all(0 <= block.start <= block.end <= len(item.text) for block in item.blocks)
