"""The CLI's output on a terminal or a pipe whose encoding is not UTF-8 (PYTHONIOENCODING=ascii, a Latin-1 locale, a
Windows console): every command that printed a bullet, a dash or a name with an accent stopped at its first line with
"newsreader: error: UnicodeEncodeError: 'ascii' codec can't encode character '\\u2022'" (exit 1).

Text for a person is written in what the stream can take: the CLI's own marks in ASCII (• as *, … as ..., “ ” as "),
any other character it cannot encode as "?". Data meant to be read back (`export`, `feed export`, JSON) is written in
UTF-8 whatever the locale, every character kept: "?" there would lose the article's words for good."""
from __future__ import annotations

import codecs
import sys

# The marks the CLI prints itself and typography common in articles, as the nearest ASCII.
_ASCII = {"\u2022": "*", "\u00b7": "*", "\u2026": ".", "\u2013": "-", "\u2014": "--", "\u2212": "-", "\u2018": "'",
          "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
          "\u2192": "->", "\u2190": "<-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2010": "-", "\u2011": "-",
          "\u2032": "'", "\u2033": '"', "\u2248": "~", "\u00d7": "x", "\u2713": "v", "\u2717": "x"}
HANDLER = "newsreader-plain"


def _plain(error: UnicodeError):
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    return "".join(_ASCII.get(ch, "?") for ch in bad), error.end


codecs.register_error(HANDLER, _plain)


def _is_utf8(stream) -> bool:
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "ascii").name == "utf-8"
    except LookupError:
        return False


def fit(data: bool, app: bool = False) -> None:
    """Make stdout and stderr take any text: on a stream that is not UTF-8, stderr and (unless `data`) stdout replace
    what they cannot encode; with `data`, stdout is UTF-8. With `app` both are UTF-8: the app draws its frames and marks
    on stderr, and each character it lacked was drawn as "\\u256d", six columns for one, the screen torn apart (the
    terminal is shown UTF-8, as Python itself does under the C locale). Streams already UTF-8, closed or not
    reconfigurable are left as they are."""
    for stream, as_data in ((sys.stdout, data or app), (sys.stderr, app)):
        if stream is None or _is_utf8(stream) or not hasattr(stream, "reconfigure"):
            continue
        try:
            if as_data:
                stream.reconfigure(encoding="utf-8", errors="replace")
            else:
                stream.reconfigure(errors=HANDLER)
        except (ValueError, OSError):  # (a stream already written to in a way that forbids it)
            pass
