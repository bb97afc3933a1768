"""Make untrusted text safe to print: no escape sequences, control characters or reordering marks reach a terminal.

Two cleaners, for two kinds of text:
- `clean(text)` for prose (article fields, messages): escape sequences and controls are removed, bidi
  overrides/isolates and zero-width characters are removed, lone surrogates become U+FFFD.
- `visible(name)` for names (file names, paths, URLs, config values): one line where every control,
  bidi, zero-width character and undecodable byte is spelled out (`\\x1b`, `\\n`, `\\u202e`, `\\xe9`),
  so what the reader sees is what the name holds.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

# Whole escape sequences, payload included (7-bit and 8-bit forms), so no fragment like "31m" is left behind.
_SEQUENCES_PATTERN = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"                   # CSI ... final byte
    # String sequences only with their terminator: an unterminated one must not swallow the article,
    # so then only its introducer goes (by the rules below).
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"   # OSC ... BEL or ST
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]{0,4096}(?:\x1b\\|\x9c)"  # DCS, SOS, PM, APC
    r"|\x1b[^\n]?"                                         # any other escape
)
# Characters that reorder or hide what a reader sees: bidi embeddings, overrides and isolates
# (U+202A-202E, U+2066-2069), the Arabic letter mark, and zero-width spaces/joiners that carry no
# meaning in prose (U+200B, U+2060-2064, U+FEFF). ZWJ/ZWNJ (U+200C/D) and LRM/RLM (U+200E/F) are
# kept in prose: scripts and emoji need them and they reorder nothing on their own.
_REORDER = "\u061c\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"


# The patterns are compiled at their first use, not on import: compiling the five cost ~16 M instructions, 7 % of
# what the app's start-up adds to a bare Textual app's, and the text its first screen shows rarely needs them.
@lru_cache(maxsize=None)
def _sequences() -> re.Pattern:
    return re.compile(_SEQUENCES_PATTERN)


@lru_cache(maxsize=None)
def _escapes() -> re.Pattern:
    """The sequences, then every remaining control character but \\n and \\t."""
    return re.compile(_SEQUENCES_PATTERN + r"|[\x00-\x08\x0b-\x1f\x7f-\x9f" + _REORDER + "]")


@lru_cache(maxsize=None)
def _surrogates() -> re.Pattern:
    return re.compile("[\ud800-\udfff]")


def strip_sequences(text: str) -> str:
    """Remove terminal escape sequences with their payloads (controls are left to the caller)."""
    return _sequences().sub("", text) if ("\x1b" in text or any(c in text for c in "\x9b\x9d\x90\x98\x9e\x9f")) else text


def clean(text: str) -> str:
    """Remove escape sequences, control characters, bidi overrides and zero-width spaces; keep newlines and tabs.

    Lone surrogates (undecodable bytes of a file name) become U+FFFD, so the text can always be encoded.
    """
    if not text:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if text.isprintable():
        return text  # no control, format, separator or surrogate character: nothing below would change it
    text = _escapes().sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _surrogates().sub("\ufffd", text) if _surrogates().search(text) else text


# Everything a name must not hide: C0/C1 controls (newline and tab too: a name is one line), DEL,
# every bidi and zero-width format character, and lone surrogates (bytes that were not UTF-8).
@lru_cache(maxsize=None)
def _hidden() -> re.Pattern:
    return re.compile("[\x00-\x1f\x7f-\x9f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e"
                      "\u2060-\u206f\u3164\ufeff\ufff9-\ufffb\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _spell(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogateescape: the original byte
        return "\\x%02x" % (code - 0xDC00)
    return "\\x%02x" % code if code < 0x100 else "\\u%04x" % code


def visible(name) -> str:
    """A file name, path, URL or other untrusted label as one safe line, hidden characters spelled out.

    Accepts str, bytes (decoded as the file system does) or any os.PathLike.
    """
    if name is None:
        return ""
    if isinstance(name, (bytes, os.PathLike)):
        name = os.fsdecode(name)
    name = str(name)
    if name.isascii() and name.isprintable():
        return name  # space to tilde: nothing hidden
    return _hidden().sub(_spell, name) if _hidden().search(name) else name


# json.dumps escapes C0 controls but passes DEL, the C1 range (e.g. U+009B, an 8-bit CSI), bidi and
# zero-width characters and lone surrogates (which a strict UTF-8 stdout cannot encode) through raw.
@lru_cache(maxsize=None)
def _json_unsafe() -> re.Pattern:
    return re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


def json_safe(line: str) -> str:
    """Escape DEL, C1 controls, bidi/zero-width characters and lone surrogates in a JSON text as \\uXXXX.

    The JSON value is unchanged (character offsets into it still hold); only its spelling is.
    """
    return _json_unsafe().sub(lambda m: "\\u%04x" % ord(m.group()), line)


# Characters whose width Textual and terminals count differently, so a line holding them is drawn wider or narrower
# than it was laid out and pushes the pane's border out of place: the emoji skin-tone modifiers (U+1F3FB-1F3FF: no
# cell for Textual after an emoji, two for tmux and xterm, whose 👍🏽 takes four), the emoji presentation selector
# (U+FE0F: a cell more for Textual after ❤ or a keycap digit, none for tmux) and the zero-width joiner (U+200D:
# Textual leaves out the width of the character after it, a terminal that does not join the pair draws it). Without
# them every terminal and Textual count the same cells: 👍 and the family's members side by side (👨👩👧).
_UNEVEN = (0x200D, 0xFE0F, *range(0x1F3FB, 0x1F400))
_DROP_UNEVEN = dict.fromkeys(_UNEVEN)
_ZWNJ_FOR_UNEVEN = dict.fromkeys(_UNEVEN, 0x200C)  # a zero-width non-joiner: no cell anywhere, joins nothing


def even_width(text: str, keep_length: bool = False) -> str:
    """`text` for the screen: the characters Textual and terminals measure differently (_UNEVEN) taken out, or with
    `keep_length` each replaced by a zero-width non-joiner (an article's text, whose entity spans are offsets)."""
    if text.isascii():
        return text
    return text.translate(_ZWNJ_FOR_UNEVEN if keep_length else _DROP_UNEVEN)


# What makes an article's words do something in Markdown rather than read as words: a link or an image ("[x](…)"),
# raw HTML or an autolink ("<script>", "<javascript:…>"), a code span, and the backslash that would undo an escape.
_MARKDOWN_ACTIVE = str.maketrans({c: "\\" + c for c in "\\`[]<"})


def md_literal(text: str) -> str:
    """Untrusted text (a title, a sentence, a name) put in Markdown so that it reads as the words it is: `brief
    --format md`, `story --format md`, `summary --format md` and the app's copies printed an article's
    "[this](javascript:…)" as a live link and its "<script>" as HTML to whatever renders the Markdown. Emphasis
    marks (* and _) are left as they are: they change how words look, not what they do."""
    return text.translate(_MARKDOWN_ACTIVE)


def md_link(url: str) -> str:
    """An article's link in Markdown: an autolink ("<https://…>") only for an http(s) link with a host and nothing
    in it that would end the autolink; any other ("javascript:…", "file:///…", "data:…") as literal text."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        live = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:
        live = False
    if live and not re.search(r"[\s<>\\`]", url):
        return f"<{url}>"
    return md_literal(url)
