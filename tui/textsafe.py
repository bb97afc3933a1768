"""Make untrusted article text safe to print: no escape sequences or control characters reach a terminal."""

from __future__ import annotations

import re

# ESC-based sequences (CSI, OSC up to BEL/ST, two-byte escapes), 8-bit C1 controls, and the rest of C0 but \n and \t.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"          # CSI ... final byte
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL or ST
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"      # DCS, SOS, PM, APC strings
    r"|\x1b.?"                             # any other escape
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"      # remaining controls (keeps \t and \n)
)


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
