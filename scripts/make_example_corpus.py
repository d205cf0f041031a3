"""Maintainer tool: ../shared/data (ECB+, GUM Wikinews) -> the example corpus in src/storyline/example/.

Run from the repo root: `.venv/bin/python scripts/make_example_corpus.py`. It writes the inputs
into src/storyline/example/corpus/ and the source list beside that folder. The output files are
committed; this script only documents how they were made and lets them be rebuilt. It is not used at run time.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "src" / "storyline" / "example"
CORPUS = HERE / "corpus"  # the inputs only: `storyline build src/storyline/example/corpus` reads them all
DATA = ROOT / ".." / "shared" / "data"

# ECB+ topic 12, subtopic "ecbplus": Indian Navy ship INS Sukanya foils a pirate attack (10 Nov 2011).
# Five reports from five outlets, pasted in the order they were published.
ECB_TOPIC = "12"
ECB_DOCS = ("12_4ecbplus", "12_2ecbplus", "12_1ecbplus", "12_11ecbplus", "12_7ecbplus")
ECB_OUTLETS = {
    "12_4ecbplus": "Pardaphash",
    "12_2ecbplus": "NDTV",
    "12_1ecbplus": "The Hindu",
    "12_11ecbplus": "The Indian Express",
    "12_7ecbplus": "The Times of India",
}
PASTED = "sukanya-pasted.txt"
SOURCES = "sukanya-sources.csv"

WIKINEWS_FEED = ("GUM_news_korea", "GUM_news_asylum", "GUM_news_crane")
WIKINEWS_PAGE = "GUM_news_questionnaire"
FEED = "wikinews-feed.jsonl"
PAGE = "wikinews-questionnaire.html"

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "”", "'s", "n't"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "/"}
CONTRACTION_TAILS = {"s", "t", "d", "ll", "re", "ve", "m"}


def detokenize(sentences: list[list[str]]) -> list[str]:
    """Token lists (one per sentence) -> paragraphs of readable text.

    A new paragraph starts at each sentence, except that a sentence continues the paragraph when a
    quotation is still open (unless it reopens with a quote mark, the multi-paragraph quote
    convention) or when the previous sentence ends in a dateline's ':' or '-'.
    """
    paragraphs: list[str] = []
    quote_open = False
    for tokens in sentences:
        starts_with_quote = bool(tokens) and tokens[0].startswith('"')
        continues = bool(paragraphs) and (
            (quote_open and not starts_with_quote) or paragraphs[-1].endswith((":", " -"))
        )
        if quote_open and starts_with_quote:
            quote_open = False  # the reopening mark of a quote that runs over paragraphs
        text, quote_open = join_tokens(tokens, quote_open)
        if continues:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(text)
    return paragraphs


def join_tokens(tokens: list[str], quote_open: bool) -> tuple[str, bool]:
    """One sentence's tokens -> text, tracking whether a straight double quote is open."""
    out = ""
    glue_next = False
    for i, token in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        space = bool(out) and not glue_next
        if token == '"':
            if quote_open:
                space = False
            glue_next = not quote_open
            quote_open = not quote_open
            out += (" " if space else "") + token
            continue
        if token.startswith('"') or token == "“":
            quote_open = True
        if token == "”":
            quote_open = False
        glue_next = token in NO_SPACE_AFTER
        if token in NO_SPACE_BEFORE or token == "’" and prev[-1:].isalpha():
            space = False
            glue_next = token == "’" and nxt in CONTRACTION_TAILS
        if token in {".", ":"} and prev.isdigit() and nxt[:1].isdigit():
            glue_next = True  # 9 . 25 -> 9.25, 20 : 09 -> 20:09
        if token == "." and len(prev) == 1 and prev.isalpha() and len(nxt) == 1 and nxt.isalpha():
            glue_next = True  # a . m . -> a.m.
        if token == "-" and prev and nxt and prev[-1].isalnum() and nxt[0].isalnum():
            space, glue_next = False, True  # anti - piracy -> anti-piracy
        if token == "/":
            space = False
        out += (" " if space else "") + token
    return out, quote_open


def read_ecb_document(path: Path) -> tuple[str, list[list[str]]]:
    """An ECB+ XML file -> (the source URL of sentence 0, the token lists of the other sentences)."""
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    url = "".join(sentences.pop(0)) if sentences.get(0, [""])[0] == "http" else ""
    return url, [sentences[number] for number in sorted(sentences)]


def build_pasted() -> None:
    folder = DATA / "ecbplus" / "ECB+" / ECB_TOPIC
    lines: list[str] = []
    rows = []
    for name in ECB_DOCS:
        url, sentences = read_ecb_document(folder / f"{name}.xml")
        paragraphs = detokenize(sentences)
        title = paragraphs[0] if not re.match(r"(Updated|Published)\b", paragraphs[0]) else paragraphs[1]
        rows.append({"file": f"ECB+/{ECB_TOPIC}/{name}.xml", "outlet": ECB_OUTLETS[name], "title": title, "url": url})
        lines.extend(paragraphs)
    (CORPUS / PASTED).write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (HERE / SOURCES).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["file", "outlet", "title", "url"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def read_wikinews(doc: str) -> tuple[dict, list[str]]:
    meta = {}
    for line in (DATA / "gum-wikinews" / "metadata.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["doc"] == doc:
            meta = record
    lines = (DATA / "gum-wikinews" / "text" / f"{doc}.txt").read_text(encoding="utf-8").splitlines()
    # Line 1 is the headline and line 2 the date line; both become fields of the record or page.
    return meta | {"dateLine": lines[1].strip()}, [line for line in lines[2:] if line.strip()]


def build_feed() -> None:
    with (CORPUS / FEED).open("w", encoding="utf-8") as handle:
        for doc in WIKINEWS_FEED:
            meta, paragraphs = read_wikinews(doc)
            record = {
                "title": meta["title"],
                "published": meta["dateCreated"],
                "url": meta["sourceURL"],
                "source": "Wikinews",
                "text": "\n".join(paragraphs),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


CAPTION = re.compile(r"^(?P<caption>.+?\.) (?P<credit>Image: .+)$")


def build_page() -> None:
    from html import escape

    meta, paragraphs = read_wikinews(WIKINEWS_PAGE)
    body = []
    for paragraph in paragraphs:
        match = CAPTION.match(paragraph)
        if match and len(paragraph) < 200:
            body.append(
                "  <figure>\n    <img src=\"photo.jpg\" alt=\"\">\n"
                f"    <figcaption>{escape(match['caption'], quote=False)} "
                f"<span class=\"credit\">{escape(match['credit'], quote=False)}</span></figcaption>\n  </figure>"
            )
        else:
            body.append(f"  <p>{escape(paragraph, quote=False)}</p>")
    title = escape(meta["title"], quote=False)
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - Wikinews, the free news source</title>
<meta property="og:title" content="{escape(meta['title'])}">
<meta property="article:published_time" content="{meta['dateCreated']}">
<link rel="canonical" href="{meta['sourceURL']}">
</head>
<body>
<nav><a href="/">Main page</a> | <a href="/wiki/Special:Random">Random article</a></nav>
<article>
  <h1>{title}</h1>
  <p class="published"><time datetime="{meta['dateCreated']}">{meta['dateLine']}</time></p>
{chr(10).join(body)}
</article>
<footer><p>This page was converted by storyline from Wikinews (CC BY 2.5) through the GUM corpus.</p></footer>
</body>
</html>
"""
    (CORPUS / PAGE).write_text(page, encoding="utf-8")


def main() -> int:
    if not DATA.is_dir():
        print(f"shared data not found at {DATA}", file=sys.stderr)
        return 1
    build_pasted()
    build_feed()
    build_page()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
