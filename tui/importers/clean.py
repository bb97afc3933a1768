"""Text hygiene shared by every importer: line endings, control characters, paragraphs."""

from __future__ import annotations

import re

from tui.spaces import only_plain_spaces
from tui.textsafe import clean, strip_sequences

# Terminal escape sequences first (so their parameters go too), then lone control characters.
# Text is otherwise kept literally: "[bold]" stays text, the UI escapes it when rendering.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")


def clean_text(text: str) -> str:
    """Normalise line endings and drop BOMs, escape sequences and control characters.

    Keeps newlines; tabs become spaces; Unicode line/paragraph separators become newlines.
    """
    if text.isprintable():  # every character changed below is unprintable: a printable text stays as it is
        return text
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\x85", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n").replace("\t", " ")
    if "\x00" in text:  # a NUL between two words is a space: dropped, it glued them ("ferry\0crossing": cli38)
        text = _NUL_BETWEEN.sub(" ", text)
    return _CONTROLS.sub("", strip_sequences(text))


_NUL_BETWEEN = re.compile(r"(?<=\w)\x00+(?=\w)")


# An article's one-line fields at most this long (characters): a feed item's or a file's 1 MB title was stored,
# indexed, grouped and printed whole (`show`, `story`, the story view). Longer ones are cut with "…"; the body keeps
# all of its text. A URL longer than URL_MAX is no URL (cut, it would lead elsewhere).
FIELD_MAX = {"title": 1000, "source": 200, "byline": 300}
TAGS_MAX = 50  # tags kept of an article (an item's categories)
TAG_MAX = 100
URL_MAX = 8192


def bounded(text: str, limit: int) -> str:
    """`text` as it is when at most `limit` characters, else cut to `limit` with "…" at its end."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def bound_fields(a) -> None:
    """Cut an imported article's title, source, byline and tags to FIELD_MAX / TAGS_MAX / TAG_MAX, drop a URL longer
    than URL_MAX (in place)."""
    for name, limit in FIELD_MAX.items():
        value = getattr(a, name)
        if value and len(value) > limit:
            setattr(a, name, bounded(value, limit))
    if a.tags and (len(a.tags) > TAGS_MAX or any(len(t) > TAG_MAX for t in a.tags)):
        kept: list[str] = []
        for tag in (bounded(t, TAG_MAX) for t in a.tags):
            if tag not in kept:
                kept.append(tag)
            if len(kept) == TAGS_MAX:
                break
        a.tags = kept
    if a.url and len(a.url) > URL_MAX:
        a.url = None


def squash(line: str) -> str:
    """Collapse runs of whitespace (including no-break and other wide spaces) and strip the ends."""
    return " ".join(line.split())


def squash_lines(text: str) -> list[str]:
    """`[squash(line) for line in text.split("\n")]`, without re-joining lines that need nothing (most do)."""
    lines = text.split("\n")
    if only_plain_spaces(text, newlines=True):  # only plain spaces: squashing just trims and collapses them
        return _trimmed(lines)
    return [" ".join(line.split()) for line in lines]


def clean_lines(text: str) -> list[str]:
    """`squash_lines(clean_text(text))`. When every line is printable, clean_text changes nothing (all it
    removes or replaces is unprintable) and the only whitespace left is the plain space: one pass over the
    characters instead of a regex scan, eight replacements and the whitespace scans."""
    lines = text.split("\n")
    if all(map(str.isprintable, lines)):
        return _trimmed(lines)
    return squash_lines(clean_text(text))


def _trimmed(lines: list[str]) -> list[str]:
    """Squash lines whose only whitespace is the plain space (most need nothing)."""
    return [" ".join(line.split()) if "  " in line or line[:1] == " " or line[-1:] == " " else line for line in lines]


def blocks(lines: list[str]) -> list[list[str]]:
    """Group lines into blocks separated by blank lines (lines are kept, already squashed)."""
    out: list[list[str]] = []
    cur: list[str] = []
    for line in lines:
        if line:
            cur.append(line)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


# A block whose lines are all this short is treated as hard-wrapped prose and joined;
# a block with longer lines is "one paragraph per line" (text copied from a web page).
WRAP_WIDTH = 100


def block_paragraphs(block: list[str]) -> list[str]:
    """Turn one block of lines into paragraphs: join hard-wrapped lines, else one per line."""
    if len(block) == 1:
        return block
    if max(len(line) for line in block) <= WRAP_WIDTH:
        return [join_wrapped(block)]
    return block


def join_wrapped(lines: list[str]) -> str:
    """Join hard-wrapped lines with a space; a line ending in a hyphen joins without one.

    The hyphen is kept: "well-" + "known" must stay "well-known", and we cannot tell it
    from a word split by a typesetter.
    """
    out = lines[0]
    for line in lines[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out += line
        else:
            out += " " + line
    return out


def paragraphs(text: str) -> list[str]:
    """Split cleaned text into paragraphs (see `block_paragraphs`)."""
    lines = squash_lines(text)
    return [p for b in blocks(lines) for p in block_paragraphs(b)]


def shows(text: str) -> bool:
    """Whether `text` holds a character a reader sees: an entry whose title and text were bidi marks (U+202E, U+2066)
    or zero-width spaces only was stored as an article of nothing, a blank row in the list, the stories and the
    briefing (a file or page of them is "no article text found")."""
    return bool(text) and (text.isprintable() and not text.isspace() or bool(clean(text).strip()))
