"""Find the stretches of text between double quotation marks.

A single linear scan, paragraph by paragraph, so unbalanced marks can never
swallow more than the rest of one paragraph and a 1 MB line costs one pass.
"""

from __future__ import annotations

import re

from .. import rules

OPEN = "\u201c\u00ab\u201e"  # “ « „
LOW_OPEN = "\u201e"  # „ : closed by “ in German, by ” in Polish and others
CLOSE = "\u201d\u00bb"  # ” »
STRAIGHT = '"'
TYPO_CLOSE = "\u201c"  # “ : typed for ” now and then; after a word and before a space it can only close
MARKS = OPEN + CLOSE + STRAIGHT

MAX_QUOTE_CHARS = 3000  # longer "quotes" are almost always a lost closing mark

_PARA = re.compile(r"\n")  # a line break ends a paragraph in our bodies
_EDGE = " \t\r\n\u00a0"
_MARK = re.compile("[" + MARKS + "]")


def _paragraphs(text: str):
    """Yield (start, end) of each line-based paragraph."""
    pos = 0
    for m in _PARA.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def find_quoted(text: str, most: int | None = None) -> list[tuple[int, int, bool]]:
    """Return (start, end, closed) for the words inside each pair of double quotation marks.

    Spans exclude the marks and surrounding whitespace. A quote left open at the
    end of its paragraph ends there (news style for quotes that run over several
    paragraphs); `closed` is False for those. With `most`, the paragraphs after the one where
    `most` spans are reached are not read (the first `most` spans are the same; spans come in
    text order, paragraph by paragraph).
    """
    out: list[tuple[int, int, bool]] = []
    for p_start, p_end in _paragraphs(text):
        if most is not None and len(out) >= most:
            break
        opened, depth = -1, 0
        for m in _MARK.finditer(text, p_start, p_end):
            pos, ch = m.start(), m.group()
            if ch == TYPO_CLOSE and _closes_only(text, pos, p_start, p_end) and not text[pos - 1].isdigit() \
                    and rules.enabled("opening-mark-that-closes"):
                ch = CLOSE[0]  # '“It's unusual,“ said Lind': a “ typed for ” (after a word, before a space) closes
            if depth == 0:
                # a stray closing mark outside a quote is ignored, and so is a straight mark that
                # can only close (after a word, before a space) or is an inch sign (6'3")
                if ch not in CLOSE and not (ch == STRAIGHT and _closes_only(text, pos, p_start, p_end)):
                    opened, depth = pos, 1
            elif ch == STRAIGHT and depth == 1 and text[opened] == STRAIGHT and _opens_sentence(text, pos, p_end) \
                    and rules.enabled("straight-mark-opening-a-sentence"):
                _add(out, text, opened + 1, pos, True)  # '"... with that. "I think ...': a lost paragraph break
                opened = pos
            elif ch in OPEN and not (depth == 1 and text[opened] == LOW_OPEN and ch == "\u201c"):
                depth += 1  # a quote inside the quote (but „…“ is one German-style pair)
            else:
                depth -= 1
                if depth == 0:
                    _add(out, text, opened + 1, pos, True)
        if depth > 0:
            _add(out, text, opened + 1, p_end, False)
    return out


def _opens_sentence(text: str, pos: int, p_end: int) -> bool:
    """Is the straight mark at pos one that can only open, after a sentence's end ('... that. "I think')? Inside a
    quote opened by a straight mark it is the next quote's: the paragraph break between them was lost."""
    return pos + 1 < p_end and text[pos + 1].isupper() and pos >= 2 and text[pos - 1] == " " \
        and text[pos - 2] in ".!?"


def _closes_only(text: str, pos: int, p_start: int, p_end: int) -> bool:
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + 1] if pos + 1 < p_end else " "
    if before.isdigit() or before in "'’":
        return True
    return not before.isspace() and before not in "([{—–-/:" and (after.isspace() or after in ".,;:!?)")


def _add(out, text: str, s: int, e: int, closed: bool) -> None:
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    if s < e and e - s <= MAX_QUOTE_CHARS:
        out.append((s, e, closed))
