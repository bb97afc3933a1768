"""The tagger's lines repeated but for their digits (a page of numbered quotations) are tokenised once per digit key
(tagger._keyed_segments): a line and its key have their tokens at the same places, with the same sentence starts,
capitals and case, so the segments are those of tokenising every line."""

from __future__ import annotations

import random

from tui.assets import asset
from tui.engine.entities import tagger
from tui.engine.entities.features import initial_flags, is_upper_line
from tui.engine.entities.tokens import lines, tokenize_line
from tui.engine.tokens import digit_key

# Our own pieces with digits where the tokenizer looks: numbers going on with letters, decimals, dotted abbreviations,
# initials, possessives, quotation marks, brackets, capitals, non-ASCII digits (left as they are by digit_key).
_BITS = ["No. 4", "No.", "in 2019.", "Then", "4.", "the", "3.5", "at 4 a.m.", "The", "1st", "6'3\"", "“It is 7.”",
         "he said.", "LONDON, Jan. 5 (AP) --", "By Ada Lind2", "Lind3.", "Lind3's", "U.S. 9", "x9.", "9x", "0.", "٣.",
         "²", "?", "!", "...", "Ltd. 8", "said", "“8", "9”", "(7)", "p.m. 2", "Mr. 5", "A1", "B-52s", "COVID-19",
         "1,200", "1996-08-30", "3/4", "10:45", "ROUTE 66", "M4.", "J. 7", "Q3's", "Nos. 1-3", "4x4", "S.W.1", "O'9",
         "Lind-4", "v2.0", "#5", "$12.50", "50%", "AT&T 3", "e.g. 4", "—", "7—8", "“We", "frost,”", "Vera"]


def _texts() -> list[str]:
    folder = asset("articles")
    return [(folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir())
            if p.suffix in (".txt", ".md")]


def _pieces(rnd: random.Random) -> list[str]:
    out = [" ".join(rnd.choice(_BITS) for _ in range(rnd.randint(1, 20))) for _ in range(3000)]
    return out + ["".join(rnd.choice(_BITS) for _ in range(rnd.randint(1, 12))) for _ in range(1000)]


# a page of numbered quotations: 300 paragraphs alike but for their numbers (lines keyed as shipped)
_QUOTES_PAGE = "\n\n".join(f"“We will mend bridge {n} before the frost,” said Vera Lind{n % 7}. He said “it is fine and "
                           f"{n} more.”" for n in range(300))


def _short_pieces(rnd: random.Random) -> str:
    """600 lines of one to eight of the _BITS."""
    return "\n".join(" ".join(rnd.choice(_BITS) for _ in range(rnd.randint(1, 8))) for _ in range(600))


def _segments(segs) -> list[tuple]:
    return [(s.spans, s.toks, s.initial, s.upper, s.caps, s.docf) for s in segs]


def test_a_line_and_its_digit_key_have_tokens_alike():
    """What a segment keeps of a line other than its words (the tokens' places, the sentence starts, the capitals, a
    line in capitals) is the same for the line and its digit key; the words differ only in their digits."""
    lines_ = _pieces(random.Random(23)) + [line for t in _texts() for line in t.split("\n") if line.strip()]
    changed = 0
    for line in lines_:
        key = digit_key(line)
        spans, toks = tokenize_line(line, 0, len(line))
        kspans, ktoks = tokenize_line(key, 0, len(key))
        assert kspans == spans, line
        assert [digit_key(t) for t in toks] == ktoks, line
        assert initial_flags(ktoks) == initial_flags(toks), line
        assert is_upper_line(ktoks) == is_upper_line(toks), line
        assert [k for k, t in enumerate(ktoks) if t[:1].isupper()] == [k for k, t in enumerate(toks) if t[:1].isupper()]
        changed += key != line
    assert changed > 3000


def test_keyed_segments_are_those_of_every_line(monkeypatch):
    """prepare with lines keyed (as shipped for a page of numbered quotations; and every text keyed) gives the segments,
    document features and evidence of tokenising every line."""
    rnd = random.Random(5)
    page = _QUOTES_PAGE
    numbered = "\n".join(f"{n}. Item {n} of the list. It costs ${n}.{n % 10} a.m. ROUTE {n}" for n in range(1, 90))
    mixed = "\n".join(rnd.choice(_BITS[:8]) + " " + rnd.choice(_BITS[:8]) for _ in range(400))
    texts = [page, numbered, mixed] + _texts() + ["\n".join(_pieces(rnd)[:500])]

    def plain(text):
        monkeypatch.setattr(tagger, "KEYED_LINES", 10 ** 9)
        try:
            segs, mid, low = tagger.prepare(text)
        finally:
            monkeypatch.undo()
        return _segments(segs), mid, low

    for text in (page, numbered, mixed):
        assert len(lines(text)) >= tagger.KEYED_LINES  # keyed as shipped
        segs, mid, low = tagger.prepare(text)
        assert (_segments(segs), mid, low) == plain(text)
        assert len({digit_key(text[s[0][0]:s[-1][1]]) for s in (seg.spans for seg in segs)}) < len(segs) / 3
    monkeypatch.setattr(tagger, "KEYED_LINES", 0)
    for text in texts:
        segs, mid, low = tagger.prepare(text)
        want = plain(text)
        monkeypatch.setattr(tagger, "KEYED_LINES", 0)
        assert (_segments(segs), mid, low) == want


def test_lines_of_one_key_tagged_alike_have_their_names_at_the_same_places(monkeypatch):
    """The tagger's names of a line are worked out once per (digit key, tags) and moved to each line of that key
    (Tagger.entities): the same names as decoding every line, on the numbered pages (as shipped) and on our
    articles and pieces with every text keyed. What decoding reads of a token is digit-blind (no listed word holds a
    digit), so a line and its key get their names at the same places."""
    from tui.engine.entities.tagger import load_tagger

    assert tagger._DECODE_KEYED
    rnd = random.Random(7)
    page = _QUOTES_PAGE
    numbered = "\n".join(f"{n}. Mr. Holm{n % 3} of Kelby Ferries{n % 2} met Ada Lind at 4 a.m. (AP{n % 4}) in Porto "
                         f"{n}." for n in range(1, 90))
    pieces = _short_pieces(rnd)
    # lines of one key tagged differently: a word's earlier mentions as a company for every third number only
    varn = "\n".join((f"Shares in Varn{n} Holdings Corp rose {n} points at the Kelby{n} exchange.\n" if n % 3 == 0 else "")
                     + f"Varn{n} said on Monday that the harbour needs {n} boats." for n in range(1, 80))
    model = load_tagger()

    def plain(text):
        monkeypatch.setattr(tagger, "KEYED_LINES", 10 ** 9)
        try:
            return model.entities(text)
        finally:
            monkeypatch.undo()

    for text in (page, numbered, varn):
        got = model.entities(text)
        assert got == plain(text)
        assert len(got) > 60
    segs, mid, low = tagger.prepare(varn)
    tags: dict[int, set] = {}
    for seg, line_tags in zip(segs, model.tag_segments(segs, mid, low, {}, True)):
        tags.setdefault(seg.key, set()).add(tuple(line_tags))
    assert max(map(len, tags.values())) > 1  # (so a memo by the key alone would be caught)
    for text in _texts() + [pieces]:
        want = plain(text)
        monkeypatch.setattr(tagger, "KEYED_LINES", 0)
        assert model.entities(text) == want
        monkeypatch.undo()


def test_runs_of_one_key_give_the_document_features_of_every_line(monkeypatch):
    """document_features reads the runs of capitalised words of a key's lines once where none of the words a run's
    features read holds a digit (doc_features._key_runs): the same features as reading every line, on numbered pages
    (runs next to numbers, with numbered names, listed places inside longer names) and on our articles and pieces with
    every text keyed."""
    from tui.engine.entities import doc_features

    rnd = random.Random(11)
    page = _QUOTES_PAGE
    places = "\n".join(f"The Danube Delta Research Institute{n % 2} and Porto Harbour Trust met {n} Kelby Ferries staff. "
                       f"Route {n} Holm said Porto {n % 4} Danube." for n in range(1, 120))
    pieces = _short_pieces(rnd)

    def both(text):
        segs, _, _ = tagger.prepare(text)
        got = doc_features.document_features(segs)
        monkeypatch.setattr(doc_features, "KEYED", False)
        try:
            return got, doc_features.document_features(segs), segs
        finally:
            monkeypatch.undo()

    for text in (page, places):
        got, want, segs = both(text)
        assert got == want
        first = {}
        for seg in segs:
            first.setdefault(seg.key, seg)
        kinds = {type(e) for seg in first.values() for e in doc_features._key_runs(seg, doc_features._place_names(), False)}
        assert kinds == {list, tuple}  # runs read once and runs read on every line
    for text in _texts() + [pieces]:
        monkeypatch.setattr(tagger, "KEYED_LINES", 0)
        segs, _, _ = tagger.prepare(text)
        monkeypatch.undo()
        got = doc_features.document_features(segs)
        monkeypatch.setattr(doc_features, "KEYED", False)
        assert got == doc_features.document_features(segs)
        monkeypatch.undo()
