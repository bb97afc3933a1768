"""Bytes to text: refuse binaries, honour BOMs and declared charsets, detect the rest."""

from __future__ import annotations

import codecs
import re

MAX_BYTES = 20 * 1024 * 1024  # files over this are skipped, and never read past it

_MAGIC = [
    (b"\x89PNG", "PNG image"), (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"), (b"\x7fELF", "ELF executable"), (b"\x1f\x8b", "gzip archive"),
    (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"), (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"), (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"SQLite format 3\x00", "SQLite database"), (b"\x00asm", "WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "Mach-O/Java binary"), (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"RIFF", "RIFF media"), (b"OggS", "Ogg media"), (b"ID3", "MP3 audio"), (b"\x28\xb5\x2f\xfd", "zstd archive"),
]
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})["']""")
# Non-ASCII characters that Western text in CP1252/Latin-1 is made of; used to trust a
# CP1252 reading that charset detection gets wrong on short texts.
_WESTERN = set("‘’‚“”„–—…•€£¥¢©®™°±«»¿¡§¶·×÷\u00a0") | {chr(c) for c in range(0xC0, 0x100)}


_CONTROL_BYTES = bytes([c for c in range(32) if c not in (9, 10, 12, 13, 27)] + [127])
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # not ESC: colour codes are cleaned, not fatal


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is the one-line reason."""


def binary_kind(data: bytes) -> str | None:
    """Name the binary format of `data` ("PNG image", ...), "binary data", or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if _utf16_order(head) is not None or any(data.startswith(b) for b, _ in _BOMS):
        return None
    # (a few bytes need fewer: 9 bytes with 4 NULs, on stdin, read as "no article text found (title only)")
    few = min(8, len(head) // 4)
    if head.count(b"\x00") > max(few, len(head) * 0.01):
        return "binary data"
    # Text has almost no C0 control bytes besides tab, newline and carriage return.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > max(few, len(head) * 0.05):
        return "binary data"
    return None


def _utf16_order(head: bytes) -> str | None:
    """Guess UTF-16 without a BOM from the zero bytes of mostly-ASCII text."""
    if len(head) < 4 or b"\x00" not in head:  # no zero byte: neither share can pass 0.4
        return None
    even, odd = head[0::2], head[1::2]
    z_even, z_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if z_odd > 0.4 and z_even < 0.05:
        return "utf-16-le"
    if z_even > 0.4 and z_odd < 0.05:
        return "utf-16-be"
    return None


def decode(data: bytes, html: bool = False) -> str:
    """Decode file bytes to str or raise DecodeError with a one-line reason.

    Order: BOM, UTF-16 without BOM, strict UTF-8, a declared charset (HTML meta / XML
    declaration), UTF-8 with replacement when most of it is UTF-8, CP1252 when the result reads as
    Western text, then charset-normalizer.
    """
    if not data or data.isspace():  # what `not data.strip()` says, without copying the file
        raise DecodeError("empty file")
    kind = binary_kind(data)
    if kind:
        raise DecodeError(f"binary file ({kind})")
    boms = [(bom, enc) for bom, enc in _BOMS if data.startswith(bom)]
    for n, (bom, enc) in enumerate(boms):
        # FF FE 00 00 opens both UTF-32-LE and UTF-16-LE text starting with U+0000.
        try:
            return _strict(data[len(bom):], enc)
        except DecodeError:
            if n == len(boms) - 1:
                raise
    order = _utf16_order(data[:8192])
    if order:
        return _strict(data, order)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _XML_ENCODING.match(data) or (_META_CHARSET.search(data[:8192]) if html else None)
    if m:
        enc = m.group(1).decode("ascii").lower()
        try:
            # Pages that declare Latin-1 are in practice CP1252 (the WHATWG rule).
            return data.decode("cp1252" if enc in ("iso-8859-1", "latin-1", "latin1", "us-ascii") else enc, errors="replace")
        except LookupError:
            pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    western = _western(data)
    if western is not None:
        return western
    return _detect(data)


_ASCII_BYTES = bytes(range(128))


def _mostly_utf8(data: bytes) -> str | None:
    """The UTF-8 reading, each run of bytes that is not UTF-8 made U+FFFD, when at least as many characters above
    ASCII are read from UTF-8 as there are such runs: a UTF-8 text with a stray byte of another encoding in it. Read
    as a whole in another encoding, its UTF-8 letters and marks turned to nonsense ("cafÃ©"), and its bidi controls
    (U+202E, three bytes) to letters that hid them ("â€®", Mac Roman's "‚ÄÆ"): cli38. Those controls, read as what
    they are, are stripped where text is shown."""
    if not data.translate(None, _ASCII_BYTES):
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())  # (one for each run of bytes that is not UTF-8)
    wide = len(text) - len(text.encode("ascii", errors="ignore"))  # the characters above ASCII, those runs too
    return text if 0 < bad <= wide - bad else None


def _strict(data: bytes, enc: str) -> str:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        raise DecodeError(f"not valid {enc.upper()} despite its byte order mark") from None
    if not text.strip():
        raise DecodeError("empty file")
    return text


def _western(data: bytes) -> str | None:
    """The CP1252 reading, if it looks like Western European text: a few accented letters
    and typographic marks among mostly ASCII letters. Cyrillic (CP1251), Greek and the
    like also land in the accented range, but make up most letters, so they fail here."""
    text = data.decode("cp1252", errors="replace")
    odd = [c for c in text if ord(c) > 127]
    if not odd or sum(1 for c in odd if c not in _WESTERN) > len(odd) * 0.02:
        return None
    letters = sum(1 for c in text if c.isalpha())
    return text if len(odd) <= letters * 0.3 else None


def _detect(data: bytes) -> str:
    try:
        import charset_normalizer  # lazy: only non-UTF-8 files pay for it
    except ImportError:
        raise DecodeError("not UTF-8 and no encoding detected") from None
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None or not best.encoding:
        raise DecodeError("not UTF-8 and no encoding detected")
    return data.decode(best.encoding, errors="replace")


def looks_binary_text(text: str) -> bool:
    """True when decoded text is mostly control characters (a binary that decoded anyway)."""
    sample = text[:4096]
    controls = len(_CONTROL_CHARS.findall(sample))
    return controls > max(8, len(sample) * 0.05)


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_loads(text: str):
    """json.loads(text) with every lone surrogate in its strings made U+FFFD. JSON may escape half of a pair
    ("\\ud800", "\\udfff" alone), which json.loads keeps as it is: SQLite cannot store such a string, and one of them in
    a JSON Feed or an export stopped the whole `add` with "UnicodeEncodeError: 'utf-8' codec can't encode character
    '\\udfff' ...: surrogates not allowed", nothing of the run stored. Raises what json.loads raises."""
    import json

    value = json.loads(text)
    return _mended(value) if "\\u" in text and _SURROGATE_ESCAPE.search(text) else value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _mended(value):
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if not value.isascii() else value
    if isinstance(value, list):
        return [_mended(v) for v in value]
    if isinstance(value, dict):
        return {_mended(k): _mended(v) for k, v in value.items()}
    return value
