"""Bytes -> text: a deterministic decoding cascade, mojibake repair and \\n line endings.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) -> NUL bytes: UTF-16 without a BOM when every other
byte is NUL, else binary -> strict UTF-8 (unless full of control characters) -> UTF-8 with each invalid
byte read as Windows-1252 (for a pure cp1252 file this is exactly cp1252; for a UTF-8 paste with a few
cp1252 bytes it keeps both right) when the result reads as Western text -> charset-normalizer's best
guess (it declines random bytes) -> a DecodeError. Mojibake (UTF-8 read as cp1252,
"Petroâ€™s") is repaired with ftfy's fix_encoding only, so curly quotes and dashes stay as they are. Every offset storyline reports for a
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

# Any byte string decodes as cp1252, so the result must also read as text. Real Western-European prose
# has well under 10% non-ASCII characters; when a short text has more (“été”), they must still stand
# mostly alone: runs of 3+ non-ASCII characters are at most a third of them. Random high bytes and
# KOI8-R or Shift-JIS read as cp1252 are nearly all runs. Control characters: a few strays (an escape;
# Word's vertical tab is not counted) are tolerated.
MAX_NON_ASCII_SHARE = 0.25
MAX_RUN_SHARE = 0.34
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f\s]{3,}")
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
    text, encoding = decode_western(data)
    if reads_as_western_text(text):
        return text, encoding
    guess = guess_encoding(data)
    if guess is not None:
        return guess
    raise DecodeError("not valid UTF-8 and not plausible Windows-1252 text (undecodable bytes)")


def decode_western(data: bytes) -> tuple[str, str]:
    """Bytes that are not UTF-8 -> cp1252 text, keeping any valid UTF-8 sequences among them.

    Read as cp1252, a valid UTF-8 sequence turns into a mojibake pair; without one the file is plain
    cp1252, decoded in C. Otherwise each invalid byte is read as cp1252 by an error handler (slow per
    byte, but such mixed files have few invalid bytes). 50 MB of French cp1252 is read in 3 s this way, 22 s
    through the handler alone.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if not MOJIBAKE_HINT.search(text):
            return text, "cp1252"
    return data.decode("utf-8", errors=CP1252_FALLBACK), "utf-8+cp1252"


def read_invalid_byte_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: one byte that is not UTF-8 -> its Windows-1252 character (Latin-1 where undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    byte = error.object[error.start : error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


CP1252_FALLBACK = "storyline-cp1252"
codecs.register_error(CP1252_FALLBACK, read_invalid_byte_as_cp1252)


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
    return None if has_many_controls(text) else (text, best.encoding)


def reads_as_western_text(text: str) -> bool:
    """Few control characters, and non-ASCII letters mostly alone inside ASCII words.

    Another encoding read as cp1252 (KOI8-R, Shift-JIS) or random high bytes give runs of accented
    symbols; Western prose gives isolated ones (été, naïve, “quotes”).
    """
    if has_many_controls(text):
        return False
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii <= MAX_NON_ASCII_SHARE * len(text):
        return True
    in_runs = sum(len(run) for run in NON_ASCII_RUN.findall(text))
    return in_runs <= MAX_RUN_SHARE * non_ascii


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
