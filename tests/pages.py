"""Shared by the report, web and browser tests: two small real-looking articles and an HTML reader."""

from __future__ import annotations

from html.parser import HTMLParser

HARBOUR = """Harbour deal signed in Valparaíso
VALPARAÍSO, March 3 (Wire) — Chile's transport minister Ana Lucía Reyes signed a port agreement with the mayor of the city on Tuesday.
"This harbour will carry 40,000 containers a year," Reyes said at the ceremony.
The mayor, Tomás Ibarra, called the deal "a new start for the waterfront".
Dock workers watch the signing ceremony. (Photo: Wire)
"""

FLOODS = """Floods close river crossings
Heavy rain closed three bridges over the river on Sunday, the regional government said.
"We expect the water to fall by Wednesday," said Marta Quispe, the head of civil defence.
About 1,200 people left their homes.
"""


class ClassText(HTMLParser):
    """Collects, per CSS class, the text inside elements carrying that class (nested elements included)."""

    VOID = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[set[str]] = []
        self.texts: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(set((dict(attrs).get("class") or "").split()))

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for css in set().union(*self.stack) if self.stack else ():
            self.texts.setdefault(css, []).append(data)


def class_texts(html: str) -> dict[str, str]:
    parser = ClassText()
    parser.feed(html)
    return {css: "".join(parts) for css, parts in parser.texts.items()}
