"""Span-keeping word tokenizer for the entity tagger (no downloaded data needed)."""

from __future__ import annotations

import re
import string

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
# Punctuation (no letter, digit, "_" or space among it), each character of which is a token of its own at either end
# of a run of non-space characters; and the words that take a period after them into their token (_DOTTED's second
# form: one capital letter, "vs", an abbreviation).
_EDGES = "".join(c for c in string.punctuation if c != "_") + "“”‘’«»‹›„‚—–…•·¡¿"
_DOTTED_WORDS = frozenset(string.ascii_uppercase) | {"vs"} | {a.capitalize() for a in ABBREVIATIONS}


def tokenize(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the tokens of `text`; possessive 's is split off."""
    return tokenize_line(text, 0, len(text))[0]


def tokenize_line(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans (into `text`) and words of the tokens of `text[start:end]`: what `tokenize` of that slice gives,
    shifted by `start`, when `start` is 0 or follows a line break (the pattern then sees the same edges).

    Worked out run by run (a run: non-space characters between spaces), mostly without the pattern, which costs
    a memory allocation per match; the same tokens as tokenize_line_by_match, ~3x faster
    (tests/engine/test_entity_token_lines.py compares them on our texts and on every character):
    - no token holds white space and the pattern looks at no character beyond the ones next to a token, so the
      tokens of a line are those of its runs in turn; they cover each run (any other character is a token, `\\S`);
    - a run of letters and digits only is one token (a word, or a number going on with letters);
    - the tokens of any other run are worked out once per distinct run (`_run_tokens`) and kept with their
      lengths (a page of numbered quotations repeats its runs with edge punctuation: "“We", "frost,”");
    - a run starts one character after the end of the last one when single spaces part them (else `str.find`).
    """
    line = text[start:end]
    runs = line.split()
    spaced = " ".join(runs) == line  # single spaces between the runs and none at the ends
    spans: list[tuple[int, int]] = []
    words: list[str] = []
    add_span, add_word, find, memo = spans.append, words.append, text.find, _RUNS
    pos = start
    for run in runs:
        if not spaced:
            pos = find(run, pos)
        if run.isalnum():
            add_word(run)
            add_span((pos, pos + len(run)))
            pos += len(run) + 1
            continue
        got = memo.get(run)
        if got is None:  # (each distinct run's tokens worked out once)
            if len(memo) > _RUNS_LIMIT:
                memo.clear()
            got = memo[run] = _run_tokens(run)
        words += got[0]
        for n in got[1]:
            add_span((pos, pos + n))
            pos += n
        pos += 1
    return spans, words


_RUNS: dict[str, tuple] = {}  # run -> (its tokens' words, their lengths): `_run_tokens`, memoised
_RUNS_LIMIT = 50_000  # distinct runs kept; a full memo is dropped


def _run_tokens(run: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The words of the tokens of one run of non-space characters that is not letters and digits only, and their
    lengths (the tokens cover the run, one after the other):
    - punctuation (_EDGES) at either end of a run is a token per character, and what it encloses, when letters
      and digits only, is one token, with the period after it when it is one of _DOTTED_WORDS ("Mr.", "J.");
    - any other run goes through the pattern, and a possessive 's is split off its word."""
    left = run.lstrip(_EDGES)
    core = left.rstrip(_EDGES)
    words: list[str] = []
    if core and not core.isalnum():
        for word in _TOKEN.findall(run):
            if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":  # a possessive 's is split off
                words += (word[:-2], word[-2:])
            else:
                words.append(word)
    else:
        words += run[: len(run) - len(left)]
        n = len(core)
        if n:
            if left[n : n + 1] == "." and core in _DOTTED_WORDS:
                n += 1
            words.append(left[:n])
        words += left[n:]
    return tuple(words), tuple(map(len, words))


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
