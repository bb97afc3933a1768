"""The tagger's whole-document scoring (entities/scoring.py) gives exactly the plain per-token path's tags: the greedy
decoder's (the shipped weights read greedily: greedy_tagger.py; the Viterbi decoder's: test_tagger_viterbi.py)."""

from __future__ import annotations

import pytest

from tui.assets import asset
from tui.engine.entities import scoring
from tui.engine.entities.features import END, SLOTS, START, all_static, window_features, word_features
from greedy_tagger import greedy_tagger
from tui.engine.entities.tagger import Tagger, load_tagger, prepare

# Our own lines: a headline in capitals, sentence starts, names after names, a bar token, quotes and datelines.
_OWN = """PORTO COUNCIL VOTES ON CONGESTION CHARGE
Mayor Ines Carvalho told the Harbour Board on Tuesday that Acme Energy Ltd. would pay. Carvalho said so.
"We will mend bridge 4 before the frost," said Vera Lind, and Lind added | that the <s> mark stays.
LISBON (Reuters) - Shares in Acme Holdings rose 3 percent after the company said sales grew, traders said.
Dr. Ana Ruiz-Diaz of the University of Tarn met U.S. officials; Ruiz-Diaz and O'Neill spoke at 9 a.m.
Harbour Harbour Harbour Acme Corp. Acme Corp. Acme Corp. the the the
"""


def _samples() -> list[str]:
    folder = asset("articles")
    out = [_OWN]
    for name in sorted(p.name for p in folder.iterdir()):
        if name.endswith((".txt", ".md")):
            out.append((folder / name).read_text(encoding="utf-8"))
    return out


def _plain(tagger: Tagger, text: str) -> tuple[list[list[str]], dict]:
    segs, mid, low = prepare(text)
    hist: dict = {}
    return [tagger.tag_plain(s, mid, low, hist) for s in segs], hist


def _fast(tagger: Tagger, text: str) -> tuple[list[list[str]], dict]:
    segs, mid, low = prepare(text)
    hist: dict = {}
    return tagger.tag_segments(segs, mid, low, hist), hist


def test_shipped_weights_use_the_whole_document_scorer():
    assert load_tagger().table is not None


@pytest.mark.parametrize("k", range(len(_samples())))
def test_same_tags_as_the_plain_path(k):
    text = _samples()[k]
    tagger = greedy_tagger()
    fast, plain = _fast(tagger, text), _plain(tagger, text)
    assert fast == plain
    assert any(t != "O" for tags in fast[0] for t in tags)  # the text does have names


@pytest.mark.parametrize("k", range(len(_samples())))
def test_every_token_scores_as_the_sum_of_its_feature_weights(k):
    tagger = load_tagger()
    segs, mid, low = prepare(_samples()[k])
    base = tagger.table.document(segs, mid, low).base.tolist()
    assert base == _plain_base(tagger, segs, mid, low)


def test_numbers_score_as_the_sum_of_their_feature_weights():
    """A page of numbered quotations (a number's rest of features summed once per signature: ScoreTable._number_rows),
    read after our texts and again on its own: every token's scores are its features' weights summed."""
    tagger = load_tagger()
    text = "\n\n".join(f"\u201cWe will mend bridge {i} before the frost,\u201d said Vera Lind{i % 7}. He said "
                       f"\u201cit is fine and {i * 37 % 5000} more 1-{i} of {i}.5.\u201d" for i in range(400))
    for _ in range(2):
        segs, mid, low = prepare(text)
        base = tagger.table.document(segs, mid, low).base.tolist()
        assert base == _plain_base(tagger, segs, mid, low)
        assert 0 < len(tagger.table.sig_at) < 40  # (hundreds of distinct numbers)
        tagger.table._reset()


def test_one_segment_at_a_time_agrees_with_a_whole_document():
    tagger = greedy_tagger()
    segs, mid, low = prepare(_OWN)
    hist: dict = {}
    one_by_one = [tagger.tag(s, mid, low, hist) for s in segs]
    assert one_by_one == _fast(tagger, _OWN)[0]


def test_a_full_word_memo_is_dropped_and_rebuilt_with_the_same_tags(monkeypatch):
    tagger = greedy_tagger()
    want = _plain(tagger, _OWN)
    monkeypatch.setattr(scoring, "_WORD_LIMIT", 8)  # every document overflows the memo
    assert _fast(tagger, _OWN) == want
    assert _fast(tagger, _samples()[1]) == _plain(tagger, _samples()[1])


def test_a_full_pair_memo_is_dropped_and_refilled_with_the_same_scores(monkeypatch):
    """The bigram rows of word pairs are remembered; a memo that overflows is dropped while a document's pairs are
    looked up, and the pairs found before the drop keep their rows (every token's scores still sum its features)."""
    tagger = greedy_tagger()
    monkeypatch.setattr(scoring, "_PAIR_LIMIT", 3)  # overflows while the texts' pairs are looked up
    for text in (_OWN, _samples()[1], _OWN):
        segs, mid, low = prepare(text)
        assert tagger.table.document(segs, mid, low).base.tolist() == _plain_base(tagger, segs, mid, low)
    assert _fast(tagger, _samples()[2]) == _plain(tagger, _samples()[2])


def test_weights_that_are_not_integers_take_the_plain_path():
    shipped = greedy_tagger()
    halves = {f: [x / 2 for x in v] for f, v in shipped.w.items()}
    tagger = Tagger(halves, decoder="greedy")
    assert tagger.table is None
    assert not scoring.usable(halves)
    assert _fast(tagger, _OWN) == _plain(tagger, _OWN)
    assert _fast(tagger, _OWN)[0] == _plain(shipped, _OWN)[0]  # halving every weight keeps each argmax


def test_weights_too_large_for_exact_int32_sums_are_refused():
    assert scoring.usable({"a": [1, -2, 3]})
    assert not scoring.usable({"a": [1 << 26, 0], "b": [0, -(1 << 26)]})


def test_window_features_are_word_features_of_every_slot():
    words = {START, END, "Ruiz-Diaz", "U.S.", "1996-08-30", "ÉCOLE", "Łódź", "x", "", "mid-1990s", "Acme", "acme",
             "2041", "Lind5", "٣٢", "x²", "Inc.", "co.", "A.B.C.", "AT&T", "O'Neill", "3rd-year"}
    for text in _samples():
        segs, _, _ = prepare(text)
        words.update(t for s in segs for t in s.toks)
    for w in words:
        assert window_features(w) == [word_features(slot, w) for slot, _ in SLOTS] + [word_features("U", w)]


def test_the_guarded_token_pattern_finds_the_plain_patterns_tokens():
    from tui.engine.entities import tokens

    extra = "U.S. D.C. J. Mr. Mr.X vs. Vs. Inc.5 a.b.c. Sept. 3rd 1,200 O'Neill AT&T é. ÉA. Dr.Who ... " * 3
    for text in _samples() + [extra, "A" * 5000 + ".", "a." * 3000]:
        assert [m.span() for m in tokens._TOKEN.finditer(text)] == [m.span() for m in tokens.PLAIN_TOKEN.finditer(text)]


def test_no_character_is_both_a_letter_and_a_digit():
    """The "digit" feature's quick look (features._centre) skips the character scan for a word of letters."""
    assert not [c for c in map(chr, range(0x110000)) if c.isalpha() and c.isdigit()]


# Our own repetitive texts (the shapes of bench/measures/adversarial.py, small): long runs of lower-case words the
# greedy pass skips over in the "O" state (DocScores.quiet_to), names right after such runs, and lines ending in one.
_RUNS = ["\n\n".join(f"“We will mend bridge {i} before the frost,” said Vera Lind{i % 7}. He said “it is fine and {i} more.”"
                     for i in range(60)),
         "LONDON (Reuters) - Shares in Acme Holdings rose 3 percent on Tuesday after the company said sales grew.\n" * 40,
         "the mayor of Porto Maria Silva met staff of Acme Energy and the Harbour Board about new ferries " * 40,
         "and so on and so forth until the end\nAda Lind\nthe end of the line is Porto\n\nporto harbour Board" * 5]


@pytest.mark.parametrize("k", range(len(_RUNS)))
def test_skipping_quiet_runs_gives_the_plain_paths_tags(k):
    tagger = greedy_tagger()
    segs, mid, low = prepare(_RUNS[k])
    quiet_to = tagger.table.document(segs, mid, low).quiet_to
    assert quiet_to is not None and any(q > t for t, q in enumerate(quiet_to))  # there are runs to skip
    assert _fast(tagger, _RUNS[k]) == _plain(tagger, _RUNS[k])


def _plain_base(tagger, segs, mid, low) -> list[list[int]]:
    want = []
    for s in segs:
        for i in range(len(s.toks)):
            row = zero = [0] * len(tagger.classes)
            for f in all_static(s.toks, i, s.initial[i], s.upper, mid, low) + list(s.docf[i]):
                row = [a + b for a, b in zip(row, tagger.w.get(f, zero))]
            want.append(row)
    return want


def test_remembered_bigram_rows_give_the_same_scores(monkeypatch):
    """The bigram rows memoised per pair of word ids (and the memo dropped when full) sum as the features do."""
    tagger = load_tagger()
    monkeypatch.setattr(scoring, "_PAIR_LIMIT", 5)
    for text in [_OWN, _RUNS[0], _RUNS[3], _OWN]:  # the memo is filled, dropped and filled again
        segs, mid, low = prepare(text)
        want = _plain_base(tagger, segs, mid, low)
        assert tagger.table.document(segs, mid, low).base.tolist() == want
        assert tagger.table.document(segs, mid, low).base.tolist() == want  # now from the memo


def test_sentence_start_flags_and_lazy_history_rows_match_the_token_lists():
    from tui.engine.entities.tagger import _ENDERS

    tagger = load_tagger()
    for text in _samples()[:3] + _RUNS:
        segs, mid, low = prepare(text)
        doc = tagger.table.document(segs, mid, low, _ENDERS)
        want = []
        for s in segs:
            want += [True] + [t in _ENDERS for t in s.toks[:-1]]
        assert doc.ender[:, 0].tolist() == want
        o_state = doc.base + tagger.table.o_pair + tagger.table.o_mask + tagger.table.R[scoring._AFTER_O][doc.words]
        for h in range(len(doc.fast_hist)):
            off, on = tagger.table.hist_rows[h]
            rows = [(o + (on if i else off)).argmax() for o, i in zip(o_state, doc.ini.tolist())]
            assert doc.fast_hist[h] == [int(r) for r in rows]
    assert tagger.table.document([], set(), set()).base.shape[0] == 0  # an empty document


def test_document_features_add_the_same_rows_with_or_without_the_capitals_known():
    """The document features are added at the segments' capitalised positions (Segment.caps) in one array
    operation; segments that do not know their capitals (caps None) get every token looked at: the same scores."""
    tagger = load_tagger()
    for text in _samples():
        segs, mid, low = prepare(text)
        with_caps = tagger.table.document(segs, mid, low).base.tolist()
        for s in segs:
            s.caps = None
        assert tagger.table.document(segs, mid, low).base.tolist() == with_caps == _plain_base(tagger, segs, mid, low)


def test_gazetteer_flags_from_the_index_equal_the_list_by_list_look_ups():
    """Every word of every list, with and without final periods and in other cases, the words of our texts and odd
    strings: the indexed flags (one look-up) equal the plain ones (one look-up per list), order included."""
    import random

    from tui.engine.entities.features import _gaz_flags, _gaz_flags_plain
    from tui.engine.entities.tokens import tokenize
    from tui.engine.lexicon import lexicon

    words = set()
    for _, listed in lexicon().tagger_lists():
        words |= listed
    words |= {w for text in _samples() for s, e in tokenize(text) for w in [text[s:e]]}
    rnd = random.Random(14)
    odd = [rnd.choice(sorted(words)) + "." * rnd.randint(0, 3) for _ in range(3000)]
    odd += ["", ".", "..", "Mr.", "st.", "jan.", "u.s.", "U.S.", "ı", "İstanbul", "ß", "-", "’"]
    flagged = two = 0
    for w in sorted(words) + odd + [w + "." for w in words] + [w.upper() + ".." for w in words]:
        for lw in (w, w.lower()):
            want = _gaz_flags_plain(lw, lw)
            assert _gaz_flags(lw, lw) == want, lw
            flagged += bool(want)
            two += len(want) > 1 and lw != lw.rstrip(".")
    assert flagged > 6000 and two > 10


def _weighted_ids_by_kind(table, words):
    """Per word, per kind (the ScoreTable's rows), the sorted ids of its weighted features as _add_words finds them."""
    fams, vals, sizes = scoring._feature_keys(words, table.fam, table.fid)
    ids = [f.get(v, table.zero_id) for f, v in zip(fams, vals)]
    out, pos = [], 0
    for size in sizes:
        out.append(sorted(i for i in ids[pos:pos + size] if i != table.zero_id))
        pos += size
    return [out[k:k + scoring._KINDS] for k in range(0, len(out), scoring._KINDS)]


def _weighted_ids_by_kind_split(table, words):
    """The same as a number's rows are summed (ScoreTable._number_rows): its own features (_word_keys) and those of
    its signature (_shape_keys)."""
    fams, vals, sizes, _ = scoring._word_keys(words, table.fam)
    more = scoring._shape_keys(words, table.fam, table.fid)
    out = []
    for fams, vals, sizes in ((fams, vals, sizes), more):
        ids = [f.get(v, table.zero_id) for f, v in zip(fams, vals)]
        rows, pos = [], 0
        for size in sizes:
            rows.append([i for i in ids[pos:pos + size] if i != table.zero_id])
            pos += size
        out.append(rows)
    merged = [sorted(a + b) for a, b in zip(*out)]
    return [merged[k:k + scoring._KINDS] for k in range(0, len(merged), scoring._KINDS)]


def test_feature_ids_by_template_and_value_are_the_named_features_ids():
    """_feature_keys, and _word_keys with _shape_keys (a template's ids and the value looked up in them) find, kind by
    kind, the same weighted features as looking up every feature's name (_feature_names: window_features and the
    three after it): for the words of our texts, every value a weighted word feature names, odd strings, numbers
    and every BMP character alone and in words."""
    import random

    from tui.engine.entities.tokens import tokenize

    table = load_tagger().table
    fid = table.fid
    words = {START, END}
    for text in _samples():
        words |= {text[s:e] for s, e in tokenize(text)}
    for f in fid:
        if f.startswith(("w=", "-1w=", "+2w=", "Uw=", "t-1w=O|", "hyh=", "p3=", "s4=")):
            value = f.split("=", 1)[1].removeprefix("O|")
            words |= {value, value.capitalize(), value.upper(), value + "."}
    rnd = random.Random(12)
    pieces = ["a", "B", "Ö", "1", "-", ".", "'", "=", "|", "ss", "Harbour", "U.S", "x=y", "O|", "é", "ǅ", "٣", "_"]
    words |= {"".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 6))) for _ in range(5000)}
    words |= {chr(cp) for cp in range(0x10000)} | {"Ab" + chr(cp) + "-9" for cp in range(0, 0x10000, 7)}
    words |= {str(n) for n in range(0, 20_000, 3)}
    words = sorted(w for w in words if w)
    got = _weighted_ids_by_kind(table, words)
    split = _weighted_ids_by_kind_split(table, words)
    weighted = 0
    for w, kinds, parts in zip(words, got, split):
        want = [sorted(fid[n] for n in names if n in fid) for names in scoring._feature_names(w)]
        assert kinds == want == parts, w
        weighted += sum(map(len, kinds))
    assert len(words) > 70_000 and weighted > 300_000
    # a signature's words have the same features beyond their own (ScoreTable sums those once per signature)
    sigs = scoring._word_keys(words, table.fam)[3]
    fams, vals, sizes = scoring._shape_keys(words, table.fam, fid)
    ids = [f.get(v, table.zero_id) for f, v in zip(fams, vals)]
    first: dict = {}
    pos = 0
    for k, sig in enumerate(sigs):
        kinds = []
        for size in sizes[k * scoring._KINDS:(k + 1) * scoring._KINDS]:
            kinds.append(sorted(ids[pos:pos + size]))
            pos += size
        assert first.setdefault(sig, kinds) == kinds, words[k]
    assert len(first) < len(words)


@pytest.mark.parametrize("after", [1, 2, 5])
def test_states_worked_out_for_every_token_give_the_plain_paths_tags(monkeypatch, after):
    """A greedy state met `after` times is worked out for every token at once (Tagger._vectorise, the meetings
    counted in _walk): the tags stay the plain path's, on our texts and a hostile run of names, whichever state is
    worked out when."""
    from tui.engine.entities import tagger as tagger_module

    monkeypatch.setattr(tagger_module, "_VECTOR_AFTER", after)
    monkeypatch.setattr(tagger_module, "_DIV", 10**9)
    worked_out = []
    real = Tagger._vectorise
    monkeypatch.setattr(Tagger, "_vectorise", lambda self, scores, state: worked_out.append(state) or real(self, scores, state))
    tagger = greedy_tagger()
    for text in _samples()[:4] + ["the mayor of Porto Maria Silva met staff of Acme Energy and the Harbour Board " * 40]:
        segs, mid, low = prepare(text)
        hist: dict = {}
        assert tagger.tag_segments(segs, mid, low, {}) == [tagger.tag_plain(s, mid, low, hist) for s in segs]
    assert len(worked_out) > 10


def test_distinct_word_ids_are_numpys_unique():
    """The document's distinct word ids (counted, not sorted) are `np.unique`'s, in the same order and type: on the
    ids of our texts' documents, on none, and on random ids with repeats and gaps."""
    import numpy as np

    table = load_tagger().table
    cases = [np.array([], dtype=np.intp), np.array([0], dtype=np.intp), np.array([7, 7, 0, 3], dtype=np.intp)]
    for text in _samples():
        segs, mid, low = prepare(text)
        cases.append(table.document(segs, mid, low).words)
    rnd = np.random.default_rng(3)
    cases += [rnd.integers(0, n, size, dtype=np.intp) for n, size in ((5, 100), (3000, 26845), (70000, 40))]
    for ids in cases:
        got, want = scoring._distinct(ids), np.unique(ids)
        assert got.dtype == want.dtype and got.tolist() == want.tolist()
    assert sum(len(c) for c in cases) > 30_000


def _classes(word: str) -> list[str]:
    """Each of the first 24 characters' class, as the shapes read it."""
    return ["X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch for ch in word[:24]]


def test_the_shapes_of_numbers_equal_the_character_by_character_shapes():
    """features.shape / short_shape answer a number (str.isdigit: every digit of any script) without the loop:
    the same shapes as reading its characters one by one (runs capped at three / collapsed)."""
    from tui.engine.entities.features import shape, short_shape

    digits = [chr(i) for i in range(0x110000) if chr(i).isdigit()]
    words = digits + [d * k for d in digits[::37] for k in (2, 3, 4, 30)] + ["1996", "٣٢", "12²", "3rd", "9:30", "x1"]
    for w in words:
        cls = _classes(w)
        capped = "".join(c for k, c in enumerate(cls) if k < 3 or len(set(cls[k - 3:k + 1])) > 1)
        collapsed = "".join(c for k, c in enumerate(cls) if k == 0 or cls[k - 1] != c)
        assert (shape(w), short_shape(w)) == (capped, collapsed), w


def test_the_viterbi_decoders_document_scores_are_the_greedy_walks_without_its_o_state_classes():
    """`document(..., greedy=False)` (what the Viterbi decoder asks for) gives the same base scores, words, sentence
    starts and constraint flags as the greedy walk's document, without working out the ("O", "O") classes."""
    from tui.engine.entities.tagger import _ENDERS

    tagger = load_tagger()
    for text in _samples()[:4] + _RUNS:
        segs, mid, low = prepare(text)
        full = tagger.table.document(segs, mid, low, _ENDERS)
        lean = tagger.table.document(segs, mid, low, _ENDERS, greedy=False)
        assert lean.base.tolist() == full.base.tolist() and lean.distinct == full.distinct
        assert lean.words.tolist() == full.words.tolist() and lean.ini.tolist() == full.ini.tolist()
        assert lean.ender.tolist() == full.ender.tolist()
        assert lean.fast is lean.fast_hist is lean.quiet_to is None and full.fast is not None
