"""Bytes -> text: a deterministic decoding cascade, mojibake repair and \\n line endings.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) -> NUL bytes: UTF-16 without a BOM when every other
byte is NUL, else binary -> strict UTF-8 (unless full of control characters) -> Windows-1252 when it
decodes and reads as text -> charset-normalizer's best guess when that also reads as text. Mojibake (UTF-8 read as cp1252, "Petroâ€™s") is repaired with ftfy's
fix_encoding only, so curly quotes and dashes stay as they are. Every offset storyline reports for a
plain-text input is into the text this module returns: decoded, repaired, with \\r\\n and \\r turned into \\n.
"""

from __future__ import annotations

import codecs
import re

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A character from the lead-byte range of UTF-8 read as cp1252/Latin-1, followed by one of the characters
# a continuation byte turns into. Text without such a pair has no mojibake ftfy could fix; testing for it
# first keeps a 50 MB file from paying ftfy's full cost (about 12 s for 50 MB on the dev machine).
MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)

# cp1252 decodes almost any byte string, so a decoding must also read as text: few control characters
# and mostly ASCII. Real Western-European prose has well under 10% non-ASCII letters; random bytes have
# about 50% high bytes. 0.25 leaves room for accent-heavy text (French, Portuguese) and rejects junk.
# Control characters: a few strays (an escape, a Word vertical tab, excluded here) are tolerated.
MAX_NON_ASCII_SHARE = 0.25
MAX_CONTROL_SHARE = 0.01
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


class DecodeError(ValueError):
    """The bytes are not text storyline can read; the message says why."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name); raises DecodeError with a reason when they are not text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DecodeError(f"starts with a {encoding} byte-order mark but does not decode: {error.reason}") from None
    if b"\x00" in data:  # valid UTF-8 may hold NULs, text never does (but BOM-less UTF-16 does)
        encoding = sniff_utf16(data)
        if encoding is None:
            raise DecodeError("binary content (NUL bytes), not text")
        return data.decode(encoding, errors="replace"), encoding
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not has_many_controls(text):
            return text, "utf-8"
        raise DecodeError("binary content (control characters), not text")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and looks_like_text(text):
        return text, "cp1252"
    guess = guess_encoding(data)
    if guess is not None:
        return guess
    raise DecodeError("not valid UTF-8 and not plausible Windows-1252 text (undecodable bytes)")


def sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    if odd_nuls > 0.9 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.9 and odd_nuls < 0.1:
        return "utf-16-be"
    return None


def guess_encoding(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return (text, best.encoding) if looks_like_text(text) else None


def looks_like_text(text: str) -> bool:
    if not text:
        return True
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    return not has_many_controls(text) and non_ascii <= MAX_NON_ASCII_SHARE * len(text)


def has_many_controls(text: str) -> bool:
    return len(CONTROL.findall(text)) > 2 + MAX_CONTROL_SHARE * len(text)


def repair_text(text: str) -> str:
    """Decoded text -> the text storyline reads: mojibake repaired, line endings \\n, no BOM."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if MOJIBAKE_HINT.search(text):
        text = "".join(fix_line(line) for line in text.splitlines(keepends=True))
    return text


def fix_line(line: str) -> str:
    if not MOJIBAKE_HINT.search(line):
        return line
    import ftfy

    return ftfy.fix_encoding(line)
