"""A quotation-mark span in its text -> what it is: a title (not a quote), a whole quote, or an embedded one.

Embedded words in quotation marks are a partial quote when a cue ties them to a speaker, and a scare
quote when nobody is quoted as saying them ("the so-called “self-defence” groups").
"""

from __future__ import annotations

import re

SENTENCE_END = ".?!\u2026"
WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
# A capitalised word (or an initial) right before a nickname's opening mark, and one right after its close.
NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+|\b[A-Z]\.) $")
NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")
# Short words a title leaves in lower case ("One Hundred Years of Solitude").
TITLE_LOWER = frozenset(
    ["a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "vs"]
)


def is_title(words_text: str) -> bool:
    """Title Case words of two or more ("Make America Great Again", “The Art of the Deal”): a name
    of a book, programme, slogan or plan, which nobody is quoted as saying."""
    words = WORD.findall(words_text)
    if len(words) < 2 or len(words) > 10:
        return False
    if words_text.rstrip(".,").endswith(("?", "!")):
        return False
    return all(word[0].isupper() or word.lower() in TITLE_LOWER for word in words) and words[0][0].isupper()


def stands_alone(text: str, start: int, end: int, paragraph: tuple[int, int]) -> bool:
    """Whether the quote is a sentence of its own (or follows a colon) rather than words inside one:
    it must not run on into the sentence after its closing mark ("“...point” to drive up the price")."""
    paragraph_start = paragraph[0]
    after = end + 1
    while after < paragraph[1] and text[after].isspace():
        after += 1
    runs_on = after < paragraph[1] and text[after].isalpha() and text[after].islower()
    last = end - 1
    while last > start and text[last] in "'\u2019":
        last -= 1  # it ends on a quote of its own ('"She told me, 'Not today,'" he said')
    if runs_on and text[last] not in SENTENCE_END + ",":
        return False
    i = start - 1
    if i >= paragraph_start and text[i] in "\u201d\u00bb":
        i -= 1  # its opening mark misprinted as a closing one ('”Fear. ...”')
    while i >= paragraph_start and (text[i].isspace() or text[i] in '\u201c\u00ab\u201e"\u2018'):
        i -= 1
    if i < paragraph_start:
        return True
    before = text[i]
    if before in SENTENCE_END + ":":
        return True
    # "he warned, “The jungle is burning”": a comma then a capitalised whole sentence.
    return (
        before == ","
        and text[start : start + 1].isupper()
        and len(WORD.findall(text[start : start + 80])) >= 4
    )


def trim_trailing_comma(text: str, start: int, end: int) -> int:
    """Drop the comma that belongs to the attribution ("...terrific,” he said"), keep . ? !"""
    while end > start and (text[end - 1] in ",;" or text[end - 1].isspace()):
        end -= 1
    return end


def is_nickname(text: str, start: int, end: int) -> bool:
    """One or two capitalised words in marks between a first name and a surname ('Robert C. "Bobby"
    Scott', 'Marcia “Cia” Price'): part of a name, which nobody is quoted as saying."""
    words = WORD.findall(text[start:end])
    if not 0 < len(words) <= 2 or not all(word[0].isupper() for word in words):
        return False
    before = NAME_BEFORE.search(text[max(0, start - 40) : max(0, start - 1)])
    after = NAME_AFTER.match(text, end + 1)
    return before is not None and after is not None
