"""The sentence splitter's Punkt span_tokenize (NLTK's three generators in one function) gives NLTK's spans."""

from __future__ import annotations

import random

from nltk.tokenize.punkt import PunktSentenceTokenizer

from tui.assets import asset
from tui.engine.sentences import _tokenizer

_PIECES = """The council met. Mr. Holm said “it is fine.” (It was.) Then "we left!" she said… U.S. officials
agreed?! Acme Corp. said 3.5 percent. J. K. Rowling wrote. “Really?” “Yes.” [See p. 4.] Very bad acting!!! I
promise. end. a.m. then 1990. then ... ‘Quoted.’ ) ] Next\tline\nand\r\nmore\x0bvertical\x0cfeed  end.""".split(" ")


def _texts() -> list[str]:
    folder = asset("articles")
    out = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    out += [block for text in list(out) for block in text.split("\n\n")]
    rnd = random.Random(11)
    for _ in range(400):
        out.append(" ".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 30))))
    return out + ["", " ", ".", "..", "a.", " .a", "!!!", "a. ) b.", "x" * 50 + ". Y"]


def test_punkt_spans_equal_nltk_own():
    tok = _tokenizer()
    for text in _texts():
        assert list(tok.span_tokenize(text)) == list(PunktSentenceTokenizer.span_tokenize(tok, text)), text
    assert list(tok.span_tokenize("One. Two.")) == [(0, 4), (5, 9)]
