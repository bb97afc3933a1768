"""Make untrusted article text safe to print: no escape sequences or control characters reach a terminal."""

from __future__ import annotations

import re

# Whole escape sequences, payload included (7-bit and 8-bit forms), so no fragment like "31m" is left behind.
_SEQUENCES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"                   # CSI ... final byte
    # String sequences only with their terminator: an unterminated one must not swallow the article,
    # so then only its introducer goes (by the rules below).
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]{0,4096}(?:\x07|\x1b\\|\x9c)"   # OSC ... BEL or ST
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]{0,4096}(?:\x1b\\|\x9c)"  # DCS, SOS, PM, APC
    r"|\x1b[^\n]?"                                         # any other escape
)
# Then every remaining control character but \n and \t.
_ESCAPES = re.compile(_SEQUENCES.pattern + r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_sequences(text: str) -> str:
    """Remove terminal escape sequences with their payloads (controls are left to the caller)."""
    return _SEQUENCES.sub("", text) if ("\x1b" in text or any(c in text for c in "\x9b\x9d\x90\x98\x9e\x9f")) else text


def clean(text: str) -> str:
    """Remove terminal escape sequences and control characters; keep newlines and tabs."""
    if not text:
        return ""
    return _ESCAPES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# json.dumps escapes C0 controls but passes DEL and the C1 range (e.g. U+009B, an 8-bit CSI) through raw.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f]")


def json_safe(line: str) -> str:
    """Escape DEL and C1 controls in a JSON text as \\u00XX (still the same JSON value, safe to print)."""
    return _JSON_UNSAFE.sub(lambda m: "\\u%04x" % ord(m.group()), line)
