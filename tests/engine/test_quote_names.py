"""quotes.names.lower_words: its letter-first pattern and its memo of the last text give the plain answer."""

from __future__ import annotations

from tui.assets import asset
from tui.engine.quotes import names

_TRICKY = """the council's plan, a well-known fact; x-ray and re-entry: 'quoted' words’ end ’tis naïve café
Vera lind0 said “it is fine and 0 more.” _under_score abc123 123abc a b c. Mid-sentence ok? yes! e.g. i.e.
don't O'Neill’s rock-’n’-roll ΑΒΓ αβγ straße über-cool end"""


def _texts() -> list[str]:
    folder = asset("articles")
    out = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    return out + [_TRICKY, _TRICKY.upper(), "", "a", "-a-", "'a'", "’a’", "a_b", "ab"]


def test_letter_first_pattern_finds_the_plain_pattern_words():
    for text in _texts():
        assert names._LOWER_WORD.findall(text) == names.PLAIN_LOWER_WORD.findall(text)
    assert names._LOWER_WORD.findall(_TRICKY).count("the") == 1


def test_lower_words_remembered_for_the_same_text_only():
    texts = _texts()
    for text in texts + texts[::-1]:
        plain = set(names.PLAIN_LOWER_WORD.findall(text))
        assert names.lower_words(text) == plain
        assert names.lower_words(text) == plain  # asked again: the remembered set
    copy = "".join(["plain words ", "Here"])
    assert names.lower_words(copy) == {"plain", "words"}
    assert names.lower_words("Other text here") == {"text", "here"}
