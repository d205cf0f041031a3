"""An HTML page -> one RawItem: trafilatura's body text, title and metadata date; captions and credits apart.

Body paragraphs and headings come from trafilatura (comments excluded, precision favoured). Photo
captions (<figcaption>, elements with a caption class) and their credits are read from the page
separately and follow the body as blocks of kind caption/credit, so that no caption is read as article
text. The text is one block a line; block offsets are into RawItem.text. `published` is the page's
date only when htmldate finds it in metadata (meta tags, JSON-LD, <time>, the URL), never a guess from
the running text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Block, RawItem

PUBLISHED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
CREDIT_CLASS = re.compile(r"credit|copyright|photographer|attribution|byline|source", re.IGNORECASE)
CAPTION_CLASS = re.compile(r"caption", re.IGNORECASE)
# A credit written at the end of a caption: "... Image: UK Government.", "... Photo: AFP", "... [Reuters]",
# "... (Photo by J. Smith)", "... © Agency".
TRAILING_CREDIT = re.compile(
    r"\s*((?:(?:Image|Photo|Photograph|Picture|Credit|Source|Foto)s?(?: credit)?\s*:|©)\s*\S.{0,80}"
    r"|\[[^\[\]]{2,80}\]|\((?:Photo|Image|Picture)s? (?:by|:|credit)[^()]{2,80}\))\s*$",
    re.IGNORECASE,
)
# Where captions are not article photos: page chrome around the article.
CHROME_TAGS = {"nav", "footer", "header", "aside"}
BLOCK_TAGS = {"p", "div", "br", "li", "figcaption"}  # a word break around them
MEDIA_TAGS = {"img", "picture", "video", "svg", "iframe", "figure"}
HIDDEN_CLASS = re.compile(r"off-?screen|visually-?hidden|sr-only|screen-?reader", re.IGNORECASE)
# A caption names a picture in a sentence or phrase; three words is the shortest seen on the extraction
# benchmark's dev pages, while the ad labels and player controls that also carry a caption class
# ("Advertisement", "Caption Close") are shorter. A "caption" of more than 500 characters is a menu.
MIN_CAPTION_WORDS = 3
EMPTY_BRACKETS = re.compile(r"\s*[(\[]\s*[)\]]")
MAX_CAPTION_CHARS = 500


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first 4 KB, when Python knows it."""
    import codecs

    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def extract_page(html: str, source: str) -> RawItem | None:
    """HTML -> RawItem, or None when the page holds no article text."""
    from lxml import html as lxml_html
    from trafilatura import bare_extraction

    # Only metadata dates: a date guessed from the running text is worse than none.
    dates = {"extensive_search": False, "original_date": True}
    document = None
    for precision in (True, False):  # precision first; a short page it rejects still gets a plain extraction
        document = bare_extraction(
            html, include_comments=False, favor_precision=precision, with_metadata=True,
            include_tables=True, date_extraction_params=dates,
        )
        if document is not None and (document.text or "").strip():
            break
    if document is None or document.body is None or not (document.text or "").strip():
        return None
    # lxml refuses a str that still carries an XML declaration (XHTML pages); the text is decoded already.
    tree = lxml_html.fromstring(XML_DECLARATION.sub("", html, count=1))
    captions = list(find_captions(tree))
    caption_texts = {normalize_space(text) for _, text in captions}
    parts = [(kind, text) for kind, text in find_body_blocks(document.body) if text not in caption_texts]
    if not any(kind == "body" for kind, _ in parts):
        return None
    text, blocks = join_blocks(parts + captions)
    published = document.date if document.date and PUBLISHED.match(document.date) else None
    return RawItem(
        source=source, text=text, format="html", splittable=False, source_offset=None,
        title=normalize_space(document.title or "") or None, published=published,
        url=document.url or None, outlet=document.sitename or None, blocks=blocks,
    )


def find_body_blocks(body) -> Iterator[tuple[str, str]]:
    """trafilatura's XML body -> (kind, text) for each heading, paragraph, list item and table row."""
    for element in body:
        if element.tag in {"list", "table", "quote"} and len(element):
            children = element.iter("item", "row", "p") if element.tag != "quote" else element
            for child in children:
                yield from text_block("body", child)
        elif element.tag == "head":
            yield from text_block("heading", element)
        elif element.tag != "graphic":
            yield from text_block("body", element)


def text_block(kind: str, element) -> Iterator[tuple[str, str]]:
    separator = " | " if element.tag == "row" else " "
    cells = element.iter("cell") if element.tag == "row" else [element]
    text = separator.join(normalize_space("".join(cell.itertext())) for cell in cells)
    if text.strip(" |"):
        yield kind, text


def find_captions(tree) -> Iterator[tuple[str, str]]:
    """The page's photo captions and credits as (kind, text), in page order, outside page chrome.

    A <figcaption> is always a caption; another element with a caption class only when an image or
    video sits next to it (a "caption" class also marks ad labels and player controls) and it reads like
    a caption (at least MIN_CAPTION_WORDS words). Repeated captions (galleries) are given once.
    """
    seen = set()
    for element in tree.iter():
        if not is_caption(element) or in_chrome(element):
            continue
        if any(is_caption(ancestor) for ancestor in element.iterancestors()):
            continue
        parts = tuple(split_credit(element))
        words = len(" ".join(text for _, text in parts).split())
        if element.tag != "figcaption" and (words < MIN_CAPTION_WORDS or not near_media(element)):
            continue
        if parts and parts not in seen and all(len(text) <= MAX_CAPTION_CHARS for _, text in parts):
            seen.add(parts)
            yield from parts


def is_caption(element) -> bool:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return False
    return element.tag == "figcaption" or (
        element.tag != "figure" and bool(CAPTION_CLASS.search(class_of(element)))
    )


def near_media(element) -> bool:
    """An image, picture or video in the element's parent or grandparent, below the article level."""
    for ancestor in list(element.iterancestors())[:2]:
        if ancestor.tag in {"article", "main", "section", "body", "html"}:
            return False
        if any(isinstance(node.tag, str) and node.tag in MEDIA_TAGS for node in ancestor.iter()):
            return True
    return False


def split_credit(caption) -> Iterator[tuple[str, str]]:
    """A caption element -> its caption text, then its credit when one is marked or written at the end."""
    credits = [child for child in caption.iter() if child is not caption and CREDIT_CLASS.search(class_of(child))]
    credits = [child for child in credits if not any(other in credits for other in child.iterancestors())]
    credit_text = " ".join(visible_text(child) for child in credits)
    text = visible_text(caption, skip=credits)
    figure = caption.getparent()
    if figure is not None and figure.tag == "figure":
        # A credit may sit in the figure beside the caption rather than in it.
        for sibling in figure:
            if sibling is not caption and CREDIT_CLASS.search(class_of(sibling)):
                credit_text = normalize_space(f"{credit_text} {visible_text(sibling)}")
    if not credit_text:
        match = TRAILING_CREDIT.search(text)
        if match and match.start() > 0:
            text, credit_text = text[: match.start()], match.group(1)
    # A credit marked inside "( ... )" leaves the brackets split between caption and credit.
    text = EMPTY_BRACKETS.sub("", text).rstrip(" ([")
    if credit_text.count(")") > credit_text.count("("):
        credit_text = credit_text.rstrip(" )")
    if text:
        yield "caption", text
    if credit_text.strip():
        yield "credit", credit_text.strip()


def visible_text(element, skip=()) -> str:
    """The element's text without screen-reader labels ("Image caption") and without the `skip` subtrees."""
    pieces: list[str] = []

    def walk(node) -> None:
        hidden = node in skip or bool(HIDDEN_CLASS.search(class_of(node)))
        block = isinstance(node.tag, str) and node.tag in BLOCK_TAGS
        if isinstance(node.tag, str) and not hidden:
            pieces.append((" " if block else "") + (node.text or ""))
            for child in node:
                walk(child)
            pieces.append(" " if block else "")
        if node is not element:
            pieces.append(node.tail or "")

    walk(element)
    return normalize_space("".join(pieces))


def class_of(element) -> str:
    """The class attribute, or "" for elements without one and for comments."""
    return (element.get("class") or "") if isinstance(element.tag, str) else ""


def in_chrome(element) -> bool:
    return any(ancestor.tag in CHROME_TAGS for ancestor in element.iterancestors())


def normalize_space(text: str) -> str:
    return " ".join(text.split())


def join_blocks(parts: list[tuple[str, str]]) -> tuple[str, tuple[Block, ...]]:
    """(kind, text) pairs -> one text, a block a line, and the blocks' offsets into it."""
    blocks = []
    position = 0
    for kind, text in parts:
        blocks.append(Block(position, position + len(text), kind))
        position += len(text) + 1
    return "\n".join(text for _, text in parts), tuple(blocks)
