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


# Pieces of our own lines with every kind of run: dotted words and abbreviations with punctuation around them,
# possessives, numbers with separators, "_", a combining mark, fractions, CJK, spaces of other kinds and doubled.
_ODD = ["Mr.", "Mrs.", "J.", "vs.", "Vs.", "Inc.", "Sept.", "Sep.", "Mrx.", "U.S.", "A.B.", "3.5", "1,200", "9:30",
        "don't", "Brandt's", "Lind’s", "dogs'", "_x", "x_", "Mr._", "—", "–", "…", "“", "”", "‘", "’", "'", '"', ".",
        "..", ",", "(", ")", "-", "&", "AT&T", "e\u0301", "½", "²", "٣", "東京", "Zürich", "é", "said", "Vera", "17",
        "3rd", "A", "a", " ", " ", " ", "  ", "\t", "\u00a0", "\u3000", "\r"]


def test_runs_with_punctuation_at_their_ends_equal_the_pattern():
    """Lines made of odd runs, and every BMP character next to a dotted word, a number and punctuation: the
    run-by-run tokens (punctuation at a run's ends stripped off as one-character tokens) equal the pattern's."""
    import random

    from tui.engine.entities.tokens import _EDGES, tokenize_line_by_match

    assert not any(c.isalnum() or c.isspace() or c == "_" for c in _EDGES)
    rnd = random.Random(4)
    lines_ = ["".join(rnd.choice(_ODD) for _ in range(rnd.randint(1, 14))) for _ in range(5000)]
    lines_ += ["".join(rnd.choice(_ODD) + rnd.choice(("", " ")) for _ in range(rnd.randint(1, 14))) for _ in range(5000)]
    for cp in range(0x10000):
        c = chr(cp)
        lines_ += [c, "Mr" + c + ".", "(" + c + "Mr.)", c + "J.", "“17" + c + "”", c + ".", "x " + c + c + " y"]
    split_by_runs = 0
    for line in lines_:
        want = tokenize_line_by_match(line, 0, len(line))
        assert tokenize_line(line, 0, len(line)) == want, repr(line)
        split_by_runs += any(len(w) == 1 and not w.isalnum() for w in want[1])
    assert split_by_runs > 5000

def test_a_runs_tokens_are_worked_out_once_per_distinct_run(monkeypatch):
    """A run that is not letters and digits only ("“We", "frost,”") is tokenised once and its tokens kept: the
    next line holding it reads them from the memo, placed at its own position."""
    from tui.engine.entities import tokens as T

    T._RUNS.clear()
    seen = []
    real = T._run_tokens
    monkeypatch.setattr(T, "_run_tokens", lambda run: seen.append(run) or real(run))
    text = ("“We will mend bridge 4 before the frost,” said Vera Lind4.\n"
            "  “We will  mend bridge 5 before the frost,” said Vera Lind5.")
    got = [tokenize_line(text, a, b) for a, b in lines(text)]
    assert got == [T.tokenize_line_by_match(text, a, b) for a, b in lines(text)]
    assert got[1][1][:3] == ["“", "We", "will"] and got[1][0][:2] == [(61, 62), (62, 64)]
    assert seen == ["“We", "frost,”", "Lind4.", "Lind5."]
