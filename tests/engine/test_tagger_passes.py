"""The tagger's second pass: each word's first-pass labels elsewhere in the article, before and after it. The tests
of the greedy decoder's walks read the shipped weights greedily (greedy_tagger.py)."""

from __future__ import annotations

from tui.engine.entities.features import HISTORY_TYPES, history_type_features, second_pass_types
from greedy_tagger import greedy_tagger
from tui.engine.entities.tagger import Segment, Tagger, load_tagger, prepare

O, PER, ORG = (HISTORY_TYPES.index(t) for t in ("O", "PER", "ORG"))


def test_history_types_before_and_after():
    toks = [["Keller", "won", "."], ["Anna", "Keller", "spoke", "to", "Brava", "."], ["Keller", "left", "Brava"]]
    tags = [["O", "O", "O"], ["B-PER", "I-PER", "O", "O", "B-ORG", "O"], ["B-PER", "O", "B-ORG"]]
    before, after = second_pass_types(toks, tags)
    # first pass: only earlier mentions count; lower-case words and first mentions have none
    assert before == [[None, None, None], [None, O, None, None, None, None], [O, None, ORG]]
    # second pass: every other mention counts (the headline's "Keller" now sees two PER mentions after it);
    # a tie (one O, one PER) keeps what the first pass saw ("O")
    assert after == [[PER, None, None], [None, O, None, None, ORG, None], [O, None, ORG]]


def test_a_tie_in_the_second_pass_keeps_the_first_pass_type():
    """A club named twice as a club, then read twice as a person: its third mention (a club, after two club
    mentions) is not turned into a person by a tie of two against two."""
    toks = [["Rovers", "won", "."] for _ in range(5)]
    tags = [["B-ORG", "O", "O"]] * 3 + [["B-PER", "O", "O"]] * 2
    before, after = second_pass_types(toks, tags)
    assert before[2][0] == ORG
    assert after[2][0] == ORG  # others: ORG twice, PER twice
    assert after[0][0] is None  # a tie and no mention before it: no history
    assert after[3][0] == ORG  # a strict majority elsewhere (three clubs, one person)


def test_a_word_mentioned_once_has_no_history_in_either_pass():
    before, after = second_pass_types([["Tolvern", "rose", "."]], [["B-ORG", "O", "O"]])
    assert before == after == [[None, None, None]]


def test_history_type_features_match_the_first_pass_names():
    assert history_type_features(None, True) == []
    assert history_type_features(PER, False) == ["h=PER", "h|si=PERFalse"]


def _doc(text: str):
    segs, mid, low = prepare(text)
    return segs, mid, low


def test_unchanged_segments_keep_their_first_pass_tags():
    """A document whose words are each mentioned once: the second pass has nothing to change."""
    tagger = load_tagger()
    segs, mid, low = _doc("Vesko Darrin runs Holmfirth Mills.\nThe mill employs forty people near Ludvika.")
    one = tagger.tag_segments(segs, mid, low, {}, two_pass=False)
    assert tagger.tag_segments(segs, mid, low, {}, two_pass=True) == one


def test_a_fixed_history_of_none_equals_a_fresh_first_pass():
    tagger = greedy_tagger()
    segs, mid, low = _doc("Officials in Brakova said Irma Lendl would visit Ostrava on Friday.")
    seg = segs[0]
    assert tagger.tag_plain(seg, mid, low, {}, [None] * len(seg.toks)) == tagger.tag(seg, mid, low, {})


def test_both_scoring_paths_agree_on_the_second_pass():
    """The whole-document scorer and the plain per-token path give the same two-pass tags."""
    text = ("BRENNA SAYS NO\nBrenna said no on Monday.\nThe Brenna Group, which makes valves, said Brenna would not "
            "sell. Shares in Brenna fell. Brenna employs 900.")
    tagger = greedy_tagger()
    segs, mid, low = _doc(text)
    fast = tagger.tag_segments(segs, mid, low, {}, two_pass=True)
    plain = Tagger(tagger.w, tagger.classes, decoder="greedy")
    plain.table = None
    assert plain.tag_segments(segs, mid, low, {}, two_pass=True) == fast
    assert fast != tagger.tag_segments(segs, mid, low, {}, two_pass=False)  # the second pass changed something


def test_a_company_named_alone_in_the_headline_learns_from_the_body():
    """The headline names the company alone, where it reads like a surname; the body's mentions ("shares in the
    group Kessling", "Kessling Group said") say it is a company. Its document features (doc_features.py: how
    its other mentions are used) make it one already in the first pass; without them it is not."""
    text = ("Kessling rejects offer.\nShares in the engineering group Kessling rose on Monday after "
            "Kessling Group said it had rejected the bid. Kessling employs 4,000 people.")
    tagger = load_tagger()
    first = text.index("\n")
    segs, mid, low = _doc(text)
    assert tagger.tag_segments(segs, mid, low, {}, two_pass=False)[0][0] == "B-ORG"
    assert tagger.tag_segments(segs, mid, low, {}, two_pass=True)[0][0] == "B-ORG"
    for seg in segs:
        seg.docf = None
    assert tagger.tag_segments(segs, mid, low, {}, two_pass=False)[0][0] != "B-ORG"  # a person or a place
    was = tagger.two_pass
    tagger.two_pass = True
    try:
        assert [lab for s, e, lab in tagger.entities(text) if s < first] == ["ORG"]
    finally:
        tagger.two_pass = was


def test_bio_is_kept_in_the_second_pass():
    """No I- tag follows O or another type, whatever the fixed history says, on either scoring path."""
    tagger = greedy_tagger()
    segs, mid, low = _doc("Harlan Voss of Breda Shipping met Anneke Voss in Ghent .")
    seg = segs[0]
    scores = tagger.table.document(segs, mid, low, {".", "!", "?"})
    for h in range(len(HISTORY_TYPES)):
        fixed = [h if t[:1].isupper() else None for t in seg.toks]
        for tags in (tagger.tag_plain(seg, mid, low, {}, fixed), tagger._walk(seg, scores, 0, {}, fixed)):
            prev = "O"
            for t in tags:
                assert not t.startswith("I-") or prev != "O" and prev[2:] == t[2:], tags
                prev = t
    assert isinstance(seg, Segment)


def _own_texts() -> list[str]:
    from tui.assets import asset

    folder = asset("articles")
    samples = [(folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir())
               if p.suffix in (".txt", ".md")]
    one_line = ("the mayor of Porto Maria Silva met staff of Acme Energy and the Harbour Board about new ferries "
                "while Hope Okafor said there was little hope and Bill Carver paid the bill of Carver Bank ") * 60
    return samples + [one_line, "Acme Corp. " * 300, " ".join(s.replace("\n", " ") for s in samples[:3])]


def test_the_second_pass_from_the_first_change_equals_a_whole_walk():
    """`_rewalk` re-tags a segment only from its first changed history type until the greedy state is the first
    pass's again: the same tags as walking the whole segment with the second pass's types, on our articles,
    each article as one line, a line of thousands of words using "Hope"/"hope" and "Bill"/"bill" both as names
    and as common words, and a repeated company name."""
    tagger = greedy_tagger()
    partial = 0
    for text in _own_texts():
        segs, mid, low = _doc(text)
        scores = tagger.table.document(segs, mid, low, {".", "!", "?"})
        first, offs, off, hist = [], [], 0, {}
        for seg in segs:
            first.append(tagger._walk(seg, scores, off, hist))
            offs.append(off)
            off += len(seg.toks)
        before, after = second_pass_types([s.toks for s in segs], first)
        for seg, tags, off, old, new in zip(segs, first, offs, before, after):
            if old != new:
                whole = tagger._walk(seg, scores, off, {}, new)
                assert tagger._rewalk(seg, scores, off, tags, old, new) == whole
                partial += len(seg.toks) > 1000
    assert partial >= 2


def test_second_pass_types_from_the_segments_capitals_equal_finding_them_again():
    """The tagger hands second_pass_types each segment's positions of capitalised tokens (Segment.caps, one-letter
    ones included): the same types as when it finds them itself, on our texts (a headline in capitals, "Hope" and
    "Bill" used as names and as common words)."""
    tagger = load_tagger()
    for text in _own_texts():
        segs, mid, low = _doc(text)
        tags = tagger.tag_segments(segs, mid, low, {}, two_pass=False)
        toks = [s.toks for s in segs]
        assert all(s.caps == [k for k, t in enumerate(s.toks) if t[:1].isupper()] for s in segs)
        assert second_pass_types(toks, tags, caps_by_seg=[s.caps for s in segs]) == second_pass_types(toks, tags)


def test_the_first_pass_keeps_the_types_and_counts_second_pass_types_works_out():
    """With a fresh history the first pass records each capitalised token's history type (`seen`) and leaves the
    label counts in `hist`: the second pass reads those instead of counting again. They are second_pass_types' own
    on our texts ("Hope"/"hope" and "Bill"/"bill" as names and common words, a headline in capitals)."""
    from tui.engine.entities.features import second_pass_after

    tagger = greedy_tagger()
    for text in _own_texts():
        segs, mid, low = _doc(text)
        scores = tagger.table.document(segs, mid, low, {".", "!", "?"})
        hist, tags, seen_rows, off = {}, [], [], 0
        for seg in segs:
            seen = [None] * len(seg.toks)
            tags.append(tagger._walk(seg, scores, off, hist, seen=seen))
            seen_rows.append(seen)
            off += len(seg.toks)
        toks = [s.toks for s in segs]
        before, after = second_pass_types(toks, tags)
        assert seen_rows == before
        assert second_pass_after(toks, tags, hist, seen_rows) == after
        assert any(a != b for a, b in zip(before, after))


def test_second_pass_types_worked_out_once_per_word_tag_and_first_type_equal_mention_by_mention():
    """The memo of second_pass_after (one result per word, first-pass tag and first-pass type) gives every mention
    the type worked out for it alone: on our sample articles as tagged, and on 400 made-up documents of a few
    words in both cases with random tags (ties, headline capitals reading the body's mentions, no history)."""
    import random

    from tui.assets import asset
    from tui.engine.entities.features import CLASSES, second_pass_after

    def both(toks, tags):
        before, _ = second_pass_types(toks, tags)
        counts: dict = {}
        for row, tag_row in zip(toks, tags):
            for tok, tag in zip(row, tag_row):
                if len(tok) > 1 and tok[:1].isupper():
                    counts.setdefault(tok, [0] * len(HISTORY_TYPES))[HISTORY_TYPES.index(tag[2:] or "O")] += 1
        fast = second_pass_after(toks, tags, counts, before)
        assert fast == second_pass_after(toks, tags, counts, before, memo=False)
        return fast

    tagger = load_tagger()
    folder = asset("articles")
    for path in sorted(folder.iterdir()):
        if path.suffix in (".txt", ".md"):
            segs, mid, low = prepare(path.read_text(encoding="utf-8"))
            both([s.toks for s in segs], tagger.tag_segments(segs, mid, low, {}, two_pass=False))
    rnd = random.Random(10)
    words = ["Keller", "KELLER", "Brava", "BRAVA", "Rovers", "Ada", "ADA", "x", "the", "A"]
    ties_kept = 0
    for _ in range(400):
        toks = [[rnd.choice(words) for _ in range(rnd.randint(1, 6))] for _ in range(rnd.randint(1, 8))]
        tags = [[rnd.choice(CLASSES[:4]) for _ in row] for row in toks]
        after = both(toks, tags)
        before, _ = second_pass_types(toks, tags)
        ties_kept += sum(a is not None and a == b for ra, rb in zip(after, before) for a, b in zip(ra, rb))
    assert ties_kept > 100
