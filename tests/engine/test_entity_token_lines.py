"""Entity tokens: each line is tokenised in place (no slice copied), with the same tokens as the line alone;
the decoder's letter-or-digit test is str.isalnum."""

from __future__ import annotations

from tui.assets import asset
from tui.engine.entities.tokens import lines, tokenize, tokenize_line

# Our own lines with every kind of token edge: dotted abbreviations at a line's start and end, possessives,
# numbers with separators, glued punctuation, non-Latin letters and digits, and an empty line.
_LINES = ["U.S. officials met Mr. Brandt's team at 9:30", "Acme Corp.", "J. R. Lind's ferry cost 1,200.50 Jan.",
          "", "St. Olaf’s 3rd-year students (A.B. and Ph.D.) left", "Ó Briain said: „Tak.“", "٣ ٢٠١٥ Zürich Inc.",
          "   indented line, ending with Co.", "x.y.z. vs. O'Neill's AT&T Diaz-Canel's 1996-08-30"]


def _texts() -> list[str]:
    folder = asset("articles")
    samples = [(folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    return samples + ["\n".join(_LINES), "\n".join(reversed(_LINES)) + "\n"]


def test_each_line_in_place_equals_the_line_alone():
    checked = 0
    for text in _texts():
        for ls, le in lines(text):
            spans, words = tokenize_line(text, ls, le)
            alone = tokenize(text[ls:le])
            assert spans == [(s + ls, e + ls) for s, e in alone]
            assert words == [text[s:e] for s, e in spans]
            checked += len(spans)
    assert checked > 1000
    assert tokenize_line("Brandt's", 0, 8) == ([(0, 6), (6, 8)], ["Brandt", "'s"])


def test_decodes_alnum_pattern_is_str_isalnum_for_every_character():
    from tui.engine.entities.tagger import _ALNUM

    assert not [c for c in map(chr, range(0x110000)) if (_ALNUM.match(c) is not None) != c.isalnum()]


def test_fast_path_equals_the_match_by_match_path():
    from tui.engine.entities.tokens import tokenize_line_by_match

    fast = 0
    for text in _texts():
        for variant in (text, text.replace("'", " ").replace("’", " ")):  # lines without an apostrophe take the fast path
            for ls, le in lines(variant):
                assert tokenize_line(variant, ls, le) == tokenize_line_by_match(variant, ls, le)
                fast += "'" not in variant[ls:le] and "’" not in variant[ls:le]
    assert fast > 200
