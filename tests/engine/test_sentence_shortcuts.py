"""Sentence splitting's quick look: a span without a period followed by a space is not searched for the
abbreviations that can end a sentence ("... in the U.S. The deal ..."), since every such end holds one."""

from __future__ import annotations

from tui.assets import asset
from tui.engine import sentences
from tui.engine.sentences import split_sentences

# Our own sentences: each final abbreviation before an opener, a quote mark, a tab or a line break; lower-cased ones.
_OWN = ("The plant is in the U.S. The deal closed at 4 a.m. \"But a city clerk said no. Acme Inc.\tHe left Acme Corp.\n"
        "They met Bros. Ltd. It rained. Dingle Co. Residents fled. U.K. Officials, E.U. However, D.C. Now etc. We "
        "left at 5 p.m. ‘Yes’ said Ada. the firm is in the u.s. the deal closed. a.m. he said; ltd. this one went.")


def _texts() -> list[str]:
    folder = asset("articles")
    out = [(folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    return out + [_OWN, _OWN.lower(), _OWN.replace(" ", "\u00a0"), "\n\n".join([_OWN] * 3)]


def test_every_abbreviation_end_holds_a_period_and_a_space():
    found = 0
    for text in _texts():
        for rx in (sentences._ABBREV_END_CASED, sentences._ABBREV_END_LOWER):
            for m in rx.finditer(text):
                assert sentences._PERIOD_SPACE.search(m.group()), m.group()
                found += 1
    assert found >= 12


def test_the_quick_look_splits_as_the_full_search(monkeypatch):
    texts = _texts()
    fast = [[(s.start, s.end) for s in split_sentences(t)] for t in texts]
    monkeypatch.setattr(sentences, "_PERIOD_SPACE", type("Always", (), {"search": staticmethod(lambda *a: True)}))
    assert fast == [[(s.start, s.end) for s in split_sentences(t)] for t in texts]
    assert any(len(f) > 3 for f in fast)
