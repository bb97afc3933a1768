"""Span-keeping word tokenizer for the entity tagger (no downloaded data needed)."""

from __future__ import annotations

import re

# Words that keep a following period ("Mr.", "Inc.", "Jan.") so the tagger sees them as one token.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr inc corp co ltd plc gov sen rep gen col lt sgt capt cmdr adm prof rev hon pres
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    vs mt ft ave blvd dept univ assn bros messrs mme mlle sta""".split()
)

_DOTTED = (
    r"(?:[^\W\d_]\.){2,}"  # U.S. D.C. U.N.
    r"|\b(?:[A-Z]|vs|" + "|".join(sorted((a.capitalize() for a in ABBREVIATIONS), key=len, reverse=True)) + r")\.(?!\w)"  # J. Mr. Inc.
)
_REST = (
    r"|\d\w*(?:[.,:/\-]\d+)*"  # 1,200  3.5  1996-08-30  3rd
    r"|[^\W\d_][\w]*(?:[-'’&][^\W_]+)*"  # words, Diaz-Canel, O'Neill, AT&T
    r"|\S"
)
# Both dotted forms are letters and then a period, so they are tried only where such a run starts (the same
# tokens, found ~20% faster: tests/engine/test_tagger_scoring.py compares the two patterns).
PLAIN_TOKEN = re.compile(_DOTTED + _REST)
_TOKEN = re.compile(r"(?=[^\W\d_]+\.)(?:" + _DOTTED + ")" + _REST)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the tokens of `text`; possessive 's is split off."""
    return tokenize_line(text, 0, len(text))[0]


def tokenize_line(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans (into `text`) and words of the tokens of `text[start:end]`: what `tokenize` of that slice gives,
    shifted by `start`, when `start` is 0 or follows a line break (the pattern then sees the same edges)."""
    line = text[start:end]
    if "'" in line or "’" in line:  # a possessive may have to be split off
        return tokenize_line_by_match(text, start, end)
    # The words, then each one's place: only white space lies between two tokens (any other character is a
    # token, `\S`), so the next token is the first occurrence of its word from the end of the last one. The
    # same as tokenize_line_by_match, ~25% faster (tests/engine/test_entity_token_lines.py compares them).
    words = _TOKEN.findall(line)
    spans: list[tuple[int, int]] = []
    append, find, pos = spans.append, text.find, start
    for word in words:
        s = find(word, pos)
        pos = s + len(word)
        append((s, pos))
    return spans, words


def tokenize_line_by_match(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    """`tokenize_line` match by match, splitting a possessive 's off its word (the reference path)."""
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        if e - s > 2 and word[-2] in "'’" and word[-1] in "sS":
            spans += ((s, e - 2), (e - 2, e))
            words += (word[:-2], word[-2:])
            continue
        spans.append((s, e))
        words.append(word)
    return spans, words


def lines(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines; very long lines are cut so a segment stays manageable."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out
