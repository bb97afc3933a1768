"""The Viterbi decoder (entities/viterbi.py; weights of bench/train_ner.py --decoder viterbi): the fast path over
whole-document scores gives exactly the plain per-token path's tags, the plain path is the best path, and training
decodes alike, with the shipped weights (a structured perceptron's since session 15) and with a small model learned
here from our own lines."""

from __future__ import annotations

import itertools
import json
import random
import tempfile
from pathlib import Path

import pytest

from bench import train_ner
from tui.assets import asset
from tui.engine.entities import viterbi
from tui.engine.entities.features import CLASSES, START, all_static, short_shape
from tui.engine.entities import tagger as tagger_module
from tui.engine.entities.tagger import _ENDERS, _LOW, Tagger, decoder_of, line_budget, load_tagger, prepare

# Our own lines: a headline in capitals, sentence starts, names after names, repeated names (their history),
# names running over lower-case words and a line of many lower-case words.
_OWN = """PORTO COUNCIL VOTES ON CONGESTION CHARGE
Mayor Ines Carvalho told the Harbour Board of Varno on Tuesday that Acme Energy Ltd. would pay. Carvalho said so.
"We will mend bridge 4 before the frost," said Vera Lind, and Lind added that the Bank of Tarn and the Friends of
the Harbour would help. Lind is a member of the Tarn Rowing Club; the club meets in Porto on Fridays.
Dr. Ana Ruiz-Diaz of the University of Tarn met U.S. officials; Ruiz-Diaz and O'Neill spoke at 9 a.m. in New York.
the river was low and the boats stayed in the harbour while the council talked about the bridge and the frost
"""


def _texts() -> list[str]:
    folder = asset("articles")
    return [_OWN] + [(folder / n).read_text(encoding="utf-8") for n in sorted(p.name for p in folder.iterdir())
                     if n.endswith((".txt", ".md"))]


def _plain_paths(tagger: Tagger, text: str, two_pass: bool) -> list[list[str]]:
    plain = Tagger({f: [float(x) for x in v] for f, v in tagger.w.items()}, tagger.classes, decoder="viterbi")
    assert plain.table is None  # float weights: the plain path (path_plain)
    segs, mid, low = prepare(text)
    return plain.tag_segments(segs, mid, low, {}, two_pass)


def _fast_paths(tagger: Tagger, text: str, two_pass: bool) -> list[list[str]]:
    segs, mid, low = prepare(text)
    return tagger.tag_segments(segs, mid, low, {}, two_pass)


# Our own labelled lines: a small Viterbi model is learned from them (bench/train_ner.py's structured perceptron), whose
# ties and odd paths the shipped weights seldom meet.
_LEARN = [
    ("Mayor Ines Carvalho told the Harbour Board on Tuesday that Acme Energy would pay.",
     [("Ines Carvalho", "PER"), ("Harbour Board", "ORG"), ("Acme Energy", "ORG")]),
    ("Vera Lind said the Bank of Tarn would lend money to farmers in Porto.",
     [("Vera Lind", "PER"), ("Bank of Tarn", "ORG"), ("Porto", "LOC")]),
    ("Carvalho met officials of the Tarn Rowing Club in Lisbon on Friday.",
     [("Carvalho", "PER"), ("Tarn Rowing Club", "ORG"), ("Lisbon", "LOC")]),
    ("The river was low and the boats stayed in the harbour while the council talked about the frost.", []),
    ("Lind and Carvalho flew to New York with staff of Acme Energy.",
     [("Lind", "PER"), ("Carvalho", "PER"), ("New York", "LOC"), ("Acme Energy", "ORG")]),
    ("Shares in Brenna Group fell after Brenna said sales dropped in Ghent.",
     [("Brenna Group", "ORG"), ("Brenna", "ORG"), ("Ghent", "LOC")]),
    ("BRENNA CUTS JOBS IN GHENT\nBrenna said on Monday it would cut jobs in Ghent and Porto.",
     [("BRENNA", "ORG"), ("GHENT", "LOC"), ("Brenna", "ORG"), ("Ghent", "LOC"), ("Porto", "LOC")]),
    ("Dr. Ana Ruiz of the University of Tarn spoke to Vera Lind in Lisbon.",
     [("Ana Ruiz", "PER"), ("University of Tarn", "ORG"), ("Vera Lind", "PER"), ("Lisbon", "LOC")]),
]

_VITERBI: list = []


def _viterbi() -> Tagger:
    """A Viterbi model learned from _LEARN (three passes, seed 1), as bench/train_ner.py learns one."""
    if not _VITERBI:
        docs = []
        for k, (text, names) in enumerate(_LEARN):
            ents, at = [], 0
            for name, label in names:
                start = text.index(name, at)
                ents.append({"start": start, "end": start + len(name), "label": label})
                at = start + len(name)
            docs.append({"id": str(k), "text": text, "entities": ents})
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "own.jsonl"
            path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
            examples, _ = train_ner.load_examples(path)
        learned = train_ner.train_struct(examples, 3, 1, 1, word_dropout=0.2)
        _VITERBI.append(Tagger(train_ner.rounded(learned), CLASSES, decoder="viterbi"))
    return _VITERBI[0]


def test_a_weights_file_names_its_decoder():
    assert decoder_of('{"decoder":"viterbi","classes":["O"],"scale":20.0,"weights":{"w=a":[1]}}') == "viterbi"
    assert decoder_of('{"classes":["O"],"scale":20.0,"weights":{"w=decoder":[1]}}') == "greedy"
    assert load_tagger().viterbi and load_tagger().table is not None  # the shipped file names "viterbi"
    assert _viterbi().viterbi and _viterbi().table is not None


@pytest.mark.parametrize("two_pass", (False, True))
@pytest.mark.parametrize("k", range(len(_texts())))
def test_the_fast_path_gives_the_plain_paths_tags(k, two_pass):
    text = _texts()[k]
    fast = _fast_paths(_viterbi(), text, two_pass)
    assert fast == _plain_paths(_viterbi(), text, two_pass)
    assert any(t != "O" for tags in fast for t in tags)  # the text does have names


@pytest.mark.parametrize("two_pass", (False, True))
@pytest.mark.parametrize("k", (0, 1, 6))
def test_the_shipped_weights_fast_path_gives_the_plain_paths_tags(k, two_pass):
    text = _texts()[k]
    fast = _fast_paths(load_tagger(), text, two_pass)
    assert fast == _plain_paths(load_tagger(), text, two_pass)
    assert sum(t.startswith("B-") for tags in fast for t in tags) > 10


@pytest.mark.parametrize("seed", (1, 3, 4))
def test_the_second_pass_changes_lines_alike_on_both_paths(seed):
    """A headline in capitals and a name said five times; random weights with strong history rows (seeds where the
    second pass re-tags some lines)."""
    text = ("BRENNA SAYS NO\nBrenna said no on Monday.\nThe Brenna Group, which makes valves, said Brenna would not "
            "sell. Shares in Brenna fell. Brenna employs 900.")
    tagger = Tagger(_small_weights(random.Random(seed), text, 5), CLASSES, decoder="viterbi")
    two = _fast_paths(tagger, text, True)
    assert two != _fast_paths(tagger, text, False)
    assert two == _plain_paths(tagger, text, True)


def test_most_lower_case_prose_is_sure_to_be_o_and_skipped(monkeypatch):
    """The search runs only between the tokens every best path tags "O" (viterbi._sure_o)."""
    seen = []
    real = viterbi._sure_o

    def spy(*args, **kw):
        got = real(*args, **kw)
        seen.append(got)
        return got

    monkeypatch.setattr(viterbi, "_sure_o", spy)
    segs, mid, low = prepare(_OWN)
    _viterbi().tag_segments(segs, mid, low, {}, False)
    sure = seen[0].tolist()
    toks = [t for s in segs for t in s.toks]
    prose = [k for k, t in enumerate(toks) if t.isalpha() and t.islower()]
    assert sum(sure[k] for k in prose) > 0.7 * len(prose)
    assert not any(s for s, t in zip(sure, toks) if t in ("Carvalho", "Lind", "Porto"))


def _small_weights(rng: random.Random, text: str, spread: int) -> dict[str, list[int]]:
    """Random small integer weights for the features of `text` (ties are common with a small `spread`)."""
    segs, mid, low = prepare(text)
    feats = set()
    for seg in segs:
        for i, tok in enumerate(seg.toks):
            feats.update(all_static(seg.toks, i, seg.initial[i], seg.upper, mid, low))
            for p in CLASSES + [START]:
                feats.update(train_ner.edge_features(p, tok.lower(), short_shape(tok)))
    out = {f: [rng.randint(-spread, spread) for _ in CLASSES] for f in sorted(feats) if rng.random() < 0.5}
    for h in ("O", "PER", "ORG", "LOC", "MISC"):  # strong history rows: a word's earlier mentions weigh much
        for f in ("h=" + h, "h|si=" + h + "False", "h|si=" + h + "True"):
            out[f] = [rng.randint(-8 * spread, 8 * spread) for _ in CLASSES]
    return out


@pytest.mark.parametrize("seed", range(6))
def test_with_random_weights_and_many_ties_the_fast_path_still_equals_the_plain_path(seed):
    rng = random.Random(seed)
    text = _OWN if seed % 2 else _texts()[1 + seed % (len(_texts()) - 1)][:3000]
    tagger = Tagger(_small_weights(rng, text, 2 + 3 * (seed % 3)), CLASSES, decoder="viterbi")
    assert tagger.table is not None
    for two_pass in (False, True):
        assert _fast_paths(tagger, text, two_pass) == _plain_paths(tagger, text, two_pass)


def test_best_path_is_a_best_path_with_ties_to_the_lower_class():
    rng = random.Random(3)
    for _ in range(300):
        n, m = rng.randint(1, 4), 3
        emit = [[rng.randint(-2, 2) for _ in range(m)] for _ in range(n)]
        pairs = [[[rng.randint(-2, 2) for _ in range(m)] for _ in range(m + 1)] for _ in range(n)]
        last = [rng.randint(-2, 2) for _ in range(m)] if rng.random() < 0.5 else None

        def score(path):
            s, p = 0, m  # the start row
            for i, c in enumerate(path):
                s += emit[i][c] + pairs[i][p][c]
                p = c
            return s + (last[path[-1]] if last else 0)

        got = viterbi.best_path(emit, pairs, m, last)
        assert score(got) == max(score(p) for p in itertools.product(range(m), repeat=n))


# Hostile texts of our own: a page of one name, a company name with a period, a dateline on every line, prose without
# punctuation, quotations whose numbers differ (their rows repeat: the keyed search, viterbi.KeyedSearch)
_HOSTILE = {
    "name": "Harbour " * 400,
    "company": "Acme Corp. " * 300,
    "datelines": "PORTO (Tarn Wire) - Shares in Brenna Group fell 2 percent on Monday after Brenna cut jobs, staff "
                 "said.\n" * 40,
    "no_punctuation": "the mayor of Varno Ines Carvalho met staff of Brenna Group and the Harbour Board about new "
                      "boats " * 25,
    "quotes": "\n\n".join(f"\u201cWe will mend bridge {i} before the frost,\u201d said Vera Lind{i % 5}. "
                          f"He said \u201cit is fine and {i} more.\u201d" for i in range(60)),
}


def _keyed(monkeypatch) -> list:
    """Every document searched keyed (KeyedSearch), whatever its rows; the lines each search saw are recorded."""
    monkeypatch.setattr(tagger_module, "KEYED_MIN", 0)
    monkeypatch.setattr(tagger_module, "KEYED_SHARE", 1.0)
    monkeypatch.setattr(tagger_module, "KEYED_WORDS", 1.0)
    return _spy_keyed(monkeypatch)


def _spy_keyed(monkeypatch) -> list:
    searches = []
    real = viterbi.KeyedSearch.path

    def spy(self, keys, first, cuts=None):
        searches.append(self)
        return real(self, keys, first, cuts)

    monkeypatch.setattr(viterbi.KeyedSearch, "path", spy)
    return searches


@pytest.mark.parametrize("name", sorted(_HOSTILE))
def test_hostile_texts_are_searched_keyed_with_the_plain_paths_tags(name, monkeypatch):
    searches = _spy_keyed(monkeypatch)
    text = _HOSTILE[name]
    for tagger in (load_tagger(), _viterbi()):
        for two_pass in (False, True):
            searches.clear()
            assert _fast_paths(tagger, text, two_pass) == _plain_paths(tagger, text, two_pass)
            assert searches  # the keyed search ran (its rows repeat)
    tokens = sum(len(s.toks) for s in prepare(text)[0])
    # each step is worked out once per distinct (scores, token): a page of one name needs a handful
    assert searches[-1].worked < (40 if name != "quotes" else tokens / 2)
    assert any(float("-inf") in state for state in searches[-1].states)  # classes off every best path dropped


@pytest.mark.parametrize("two_pass", (False, True))
@pytest.mark.parametrize("k", range(len(_texts())))
def test_the_keyed_search_gives_the_plain_paths_tags_on_prose(k, two_pass, monkeypatch):
    searches = _keyed(monkeypatch)
    text = _texts()[k]
    assert _fast_paths(_viterbi(), text, two_pass) == _plain_paths(_viterbi(), text, two_pass)
    if k < 2:
        assert _fast_paths(load_tagger(), text, two_pass) == _plain_paths(load_tagger(), text, two_pass)
    assert searches


@pytest.mark.parametrize("seed", range(6))
def test_the_keyed_search_with_random_weights_and_many_ties_gives_the_plain_paths_tags(seed, monkeypatch):
    _keyed(monkeypatch)
    rng = random.Random(seed)
    text = _HOSTILE["datelines"][:600] + _OWN if seed % 2 else _HOSTILE["quotes"][:1500]
    tagger = Tagger(_small_weights(rng, text, 2 + 3 * (seed % 3)), CLASSES, decoder="viterbi")
    for two_pass in (False, True):
        assert _fast_paths(tagger, text, two_pass) == _plain_paths(tagger, text, two_pass)


def _random_kinds(rng: random.Random, m: int, count: int, span: int, low: float) -> list:
    """`count` random kinds of token over `m` classes ("O", B-A, I-A, B-B, I-B ...): (emit, pairs, ender), the pair
    scores drawn from -span..span, the BIO constraint as the tagger builds it (an I-Y only after B-Y or I-Y; after
    an ender or at a line start none) added as `low`."""
    kinds = []
    for _ in range(count):
        ender = rng.random() < 0.3
        emit = [rng.randint(-3, 3) for _ in range(m)]
        pairs = []
        for p in range(m + 1):  # the last row: the line start's
            row = [rng.randint(-span, span) for _ in range(m)]
            for c in range(2, m, 2):  # I-Y
                if ender or p == m or p not in (c - 1, c):
                    row[c] += low
            pairs.append(row)
        kinds.append((emit, pairs, ender))
    return kinds


@pytest.mark.parametrize("low", (_LOW, -3))
def test_keyed_search_is_best_path_on_random_rows_with_ties(low):
    """Random small rows (many ties) of a few kinds of token, with the BIO constraint as the tagger builds it (an
    I-Y only after B-Y or I-Y; after . ! ? or at a line start none), each line searched by best_path and by one
    KeyedSearch kept over the lines; classes are dropped from its states along the way. With a small constraint
    score (`low` -3) a path may break it, and the search must still be best_path's."""
    rng = random.Random(5)
    m, ys = 5, 2  # "O", B-A, I-A, B-B, I-B
    dropped = 0
    for _ in range(60):
        kinds = _random_kinds(rng, m, rng.randint(1, 5), 2, low)
        extra = [[rng.randint(-2, 2) for _ in range(m)] for _ in range(2)]
        keys_of = [(k, h) for k in range(len(kinds)) for h in (None, 0, 1)]

        def rows(key):
            (emit, pairs, _), h = kinds[key[0]], key[1]
            return (emit if h is None else [a + b for a, b in zip(emit, extra[h])]), pairs, key[0]

        import numpy as np
        search = viterbi.KeyedSearch(rows, np.array([k[0] for k in kinds]), np.array([k[1] for k in kinds]), extra,
                                     np.array([k[2] for k in kinds]))
        for _ in range(20):
            n = rng.randint(1, 12)
            keys = [rng.choice(keys_of) for _ in range(n)]
            if not kinds[keys[0][0]][2]:  # a line's first token is constrained as after a line start
                continue
            emit = [rows(k)[0] for k in keys]
            pairs = [rows(k)[1] for k in keys]
            assert search.path(keys, m) == viterbi.best_path(emit, pairs, m, None)
        dropped += sum(float("-inf") in state for state in search.states)
    assert dropped > 20 if low == _LOW else dropped > 0


def test_training_decodes_each_line_as_the_tagger_does():
    """bench/train_ner.py's decoder (feature strings, float weights) gives the tagger's plain path."""
    rng = random.Random(11)
    weights = _small_weights(rng, _OWN, 3)
    tagger = Tagger({f: [float(x) for x in v] for f, v in weights.items()}, CLASSES, decoder="viterbi")
    ok = {p: [a for a in tagger.ok[p]] for p in tagger.ok}
    segs, mid, low = prepare(_OWN)
    for seg in segs:
        static = [all_static(seg.toks, i, seg.initial[i], seg.upper, mid, low) + list(seg.docf[i] if seg.docf else ())
                  for i in range(len(seg.toks))]
        types = [rng.choice((None, 0, 1, 2)) if t[:1].isupper() else None for t in seg.toks]
        path = train_ner.viterbi(tagger.w, static, seg.toks, types, seg.initial, ok)
        assert [CLASSES[c] for c in path] == tagger.path_plain(seg, mid, low, types)
    assert _ENDERS  # (a line's . ! ? constrain the next tag in both)


# Our own paragraphs: lines of several sentences whose later sentences repeat names of the earlier ones.
_PARAGRAPHS = """Mayor Ines Carvalho met the Harbour Board in Porto on Monday. Carvalho said the Board would pay. Later \
Carvalho flew to Ghent, and the Board met again without her.
Vera Lind of Acme Energy spoke first. Lind said Acme would mend bridge 4 before the frost. Acme shares rose in Porto, \
and Lind smiled. Brenna Group fell.
Shares in Brenna Group fell after Brenna said sales dropped in Ghent. Brenna will cut jobs. Ghent and Porto lose.
"""


def _static(seg, mid, low) -> list[list[str]]:
    return [all_static(seg.toks, i, seg.initial[i], seg.upper, mid, low) + list(seg.docf[i] if seg.docf else ())
            for i in range(len(seg.toks))]


@pytest.mark.parametrize("seed", range(4))
def test_training_reads_a_paragraph_with_the_history_the_tagger_decodes_it_with(seed):
    """bench/train_ner.py learns each line with the history the tagger reads it with (tagger.line_path): for every
    line of paragraphs of several sentences, the trainer's path, each token's history type, the document's label
    counts after the line and the search budget left equal the tagger's (fast path, integer weights). The later
    sentences do read their line's earlier sentences: the trainer of sessions 14-17 (line_types: the lines before
    only) gave some of those tokens no history or another one."""
    rng = random.Random(seed)
    weights = _small_weights(rng, _PARAGRAPHS, 3)
    tagger = Tagger(weights, CLASSES, decoder="viterbi")
    assert tagger.table is not None
    segs, mid, low = prepare(_PARAGRAPHS)
    decode = tagger._fast_decoder(segs, mid, low)
    ok = {p: list(tagger.ok[p]) for p in tagger.ok}
    n = sum(len(seg.toks) for seg in segs)
    hist_tagger, hist_trainer, budget_tagger, budget_trainer = {}, {}, line_budget(n), line_budget(n)
    decoded, own_line = [], 0
    for k, seg in enumerate(segs):
        lines_before = train_ner.line_types(hist_trainer, seg.toks)
        tags, types = tagger._line_path(k, seg, mid, low, hist_tagger, decode, budget_tagger)
        guess, learned_types = train_ner.line_guess(weights, _static(seg, mid, low), seg.toks, seg.spans,
                                                    seg.initial, hist_trainer, ok, budget_trainer)
        assert [CLASSES[c] for c in guess] == tags
        assert learned_types == types
        assert hist_trainer == hist_tagger and budget_trainer == budget_tagger
        own_line += sum(a != b for a, b in zip(lines_before, types))
        decoded.append(tags)
    assert own_line >= 5
    assert decoded == tagger.tag_segments(segs, mid, low, {}, False)


def test_the_structured_trainer_learns_each_line_as_the_tagger_reads_it_under_the_weights_of_the_moment(monkeypatch):
    """During train_struct itself (one document of paragraphs, no dropout, every feature kept), each line's path
    and history types are those the tagger (plain path, the trainer's weights at that moment) gives the line with
    the same history before it."""
    segs, mid, low = prepare(_PARAGRAPHS)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "own.jsonl"
        start = _PARAGRAPHS.index("Carvalho")
        ents = [{"start": start, "end": start + len("Carvalho"), "label": "PERSON"}]
        path.write_text(json.dumps({"id": "p", "text": _PARAGRAPHS, "entities": ents}) + "\n", encoding="utf-8")
        examples, _ = train_ner.load_examples(path)
    real = train_ner.line_guess
    checked = []

    def compared(w, static, toks, spans, initial, hist, ok, budget):
        k = [seg.toks for seg in segs].index(toks)
        tagger = Tagger({f: [float(x) for x in v] for f, v in w.items()}, CLASSES, decoder="viterbi")
        hist_tagger, budget_tagger = {t: list(c) for t, c in hist.items()}, list(budget)
        tags, types = tagger._line_path(k, segs[k], mid, low, hist_tagger, None, budget_tagger)
        guess, learned_types = real(w, static, toks, spans, initial, hist, ok, budget)
        assert ([CLASSES[c] for c in guess], learned_types) == (tags, types)
        assert hist == hist_tagger and budget == budget_tagger
        checked.append(any(t is not None for t in types))
        return guess, learned_types

    monkeypatch.setattr(train_ner, "line_guess", compared)
    train_ner.train_struct(examples, 2, 1, 1)
    assert len(checked) == 2 * len(segs) and sum(checked) > len(segs)


def test_a_later_sentence_of_a_paragraph_reads_the_labels_of_its_earlier_sentences():
    """A line of prose is a paragraph of several sentences (training's lines, CoNLL's, are sentences): a name's
    mention in a later sentence sees how the earlier ones were tagged, as it would on a line of its own. Before,
    only the lines before counted, and the third "Mr Halvorsen" took its title into the name."""
    text = ("Mr Halvorsen said the plan was sound. But Mr Halvorsen admitted that costs had risen. Mr Halvorsen "
            "will meet the council on Friday.")
    got = [(e[0], e[1], e[2]) for e in load_tagger().entities(text)]
    starts = [k for k in range(len(text)) if text.startswith("Halvorsen", k)]
    assert [(s, s + len("Halvorsen"), "PER") for s in starts] == got


def test_a_paragraph_of_many_sentences_is_searched_again_a_bounded_number_of_times(monkeypatch):
    """Each sentence brings a new name that the next one repeats, so every sentence changes the history of the rest
    of the line; the line is searched again only while the document's budget lasts (about twice its tokens), not
    once per sentence (hostile input: a one-line page would take quadratic time). Plain path, float weights."""
    line = " ".join(f"Nam{a}{b} met Nam{c}{a}." for a, b, c in itertools.product("bcdfghjkln", "aeiou", "prst"))
    tagger = Tagger({f: [float(x) for x in v] for f, v in _small_weights(random.Random(2), line, 5).items()},
                    CLASSES, decoder="viterbi")
    searched = []
    real = Tagger.path_plain

    def counted(self, seg, mid, low, types):
        searched.append(len(seg.toks))
        return real(self, seg, mid, low, types)

    monkeypatch.setattr(Tagger, "path_plain", counted)
    segs, mid, low = prepare(line)
    tagger.tag_segments(segs, mid, low, {}, False)
    n = len(segs[0].toks)
    assert 2 < len(searched) < 10  # searched again as the history grew ...
    assert sum(searched) <= 3 * n + 1000  # ... within the budget (once per sentence: 200 x n)


@pytest.mark.parametrize("two_pass", (False, True))
def test_a_line_of_distinct_capitalised_words_read_whole_gets_the_tags_read_sentence_by_sentence(two_pass, monkeypatch):
    """`_line_path` skips reading a line sentence by sentence when its capitalised words are all distinct (no later
    type can change): the same tags and history as reading it sentence by sentence, on our texts, hostile ones and
    lines of several sentences (names repeated across them or not), with the shipped weights and a small model."""
    lines = ("Vera Lind met Ines Carvalho. Carvalho said so. Then Lind left.\n"
             "Mr Halvorsen said the plan was sound. But Mr Halvorsen admitted that costs had risen.\n"
             "Porto voted on Tuesday. Acme Energy paid. The Harbour Board of Varno agreed!\n")
    texts = [lines] + _texts()[:3] + [_HOSTILE["quotes"], _HOSTILE["datelines"]]
    searched = []
    real = Tagger._line_path

    def spy(self, *args):
        searched.append(1)
        return real(self, *args)

    monkeypatch.setattr(Tagger, "_line_path", spy)
    for tagger in (load_tagger(), _viterbi()):
        for text in texts:
            segs, mid, low = prepare(text)
            hist: dict = {}
            got = tagger.tag_segments(segs, mid, low, hist, two_pass)
            monkeypatch.setattr(tagger_module, "LINE_SHORTCUT", False)
            plain_hist: dict = {}
            assert tagger.tag_segments(segs, mid, low, plain_hist, two_pass) == got
            assert plain_hist == hist
            monkeypatch.setattr(tagger_module, "LINE_SHORTCUT", True)
    assert searched


def test_the_keyed_search_drops_the_classes_the_next_token_rules_out_with_the_same_paths(monkeypatch):
    """KeyedSearch._reduce (the step from a new state, without the classes that are on no best path through the
    token it steps into): the same paths as without it on our hostile texts, with the shipped weights and a small
    model, and fewer steps worked out on numbered quotations (each number's token a new state; the numbers sure to
    be "O" are not marked, which would spare most of those steps whether _reduce runs or not)."""
    monkeypatch.setattr(tagger_module, "SURE_ONCE", False)
    searches = _spy_keyed(monkeypatch)
    worked = {}
    for reduce in (True, False):
        if not reduce:
            monkeypatch.setattr(viterbi.KeyedSearch, "_reduce", lambda self, *args: None)
        for tagger in (load_tagger(), _viterbi()):
            for name in sorted(_HOSTILE):
                searches.clear()
                got = _fast_paths(tagger, _HOSTILE[name], True)
                assert got == _plain_paths(tagger, _HOSTILE[name], True)
                worked[reduce, tagger is _viterbi(), name] = searches[-1].worked
    assert worked[True, False, "quotes"] < 0.8 * worked[False, False, "quotes"]


def _sure_inputs(tagger: Tagger, text: str):
    """(base, E, lengths, history bounds, row ids, pair row ids) of a document, as _fast_decoder builds them."""
    import numpy as np

    table = tagger.table
    segs, mid, low = prepare(text)
    scores = table.document(segs, mid, low, _ENDERS, greedy=False)
    prevs = tagger.classes + [START]
    trans = [tagger.w.get("t-1=" + p, tagger.zero) for p in prevs]
    masks = [np.array([0 if a else _LOW for a in tagger.ok[p]], dtype=np.int32) for p in prevs]
    E = viterbi.pair_scores(trans, table.prev_rows(scores, prevs), masks, masks[-1], scores.ender[:, 0])
    caps = table.caps[scores.words]
    bounds = tuple(np.where(scores.ini[:, None], on, off) * caps[:, None] for off, on in tagger._hist_bounds())
    ids = tagger_module._row_ids(scores.base, scores.words, scores.ender[:, 0])[0] * 2 + scores.ini
    per_token = np.ascontiguousarray(E.transpose(1, 0, 2))
    pair_ids = tagger_module._same_rows(per_token.reshape(len(per_token), -1))[0]
    return scores.base, E, [len(s.toks) for s in segs], bounds, ids, pair_ids


@pytest.mark.parametrize("name", sorted(_HOSTILE) + ["own", "article"])
def test_sure_o_at_answers_as_one_round_of_sure_o_over_the_whole_document(name):
    """viterbi.sure_o_at reads, of each token asked about, only what one round of _sure_o reads, once per distinct
    neighbourhood: for every token of the document, the same answer (shipped weights, and random ones whose bounds
    are loose)."""
    import numpy as np

    text = _HOSTILE.get(name) or (_OWN if name == "own" else _texts()[1])
    shipped = []
    for tagger in (load_tagger(), Tagger(_small_weights(random.Random(7), text, 4), CLASSES, decoder="viterbi")):
        base, E, lengths, (hb, ib), ids, pair_ids = _sure_inputs(tagger, text)
        want = viterbi._sure_o(base, E, lengths, hb, ib, rounds=1)
        shipped.append(want)
        every = np.arange(len(want))
        per_token = np.ascontiguousarray(E.transpose(1, 0, 2))
        got = viterbi.sure_o_at(every, base, lambda ts: per_token[ts], lengths, lambda ts: hb[ts],
                                lambda ts: ib[ts], ids, pair_ids)
        assert got.tolist() == want.tolist()
        odd = every[::3]  # a few tokens only: their answers alone
        assert viterbi.sure_o_at(odd, base, lambda ts: per_token[ts], lengths, lambda ts: hb[ts], lambda ts: ib[ts],
                                 ids, pair_ids).tolist() == want[odd].tolist()
    if name == "quotes":  # (the shipped weights: all but the names)
        assert shipped[0].sum() > 0.8 * len(shipped[0])


def test_numbers_of_numbered_quotations_lead_into_one_state_with_the_same_tags(monkeypatch):
    """Every number of a page of numbered quotations is a token met once that every best path tags "O": the keyed
    search goes on from the state of "O" alone after it, so the step after it is not worked out again; the tags are
    the plain path's and those of the search without the shortcut."""
    text = _HOSTILE["quotes"]
    searches = _spy_keyed(monkeypatch)
    tagger = load_tagger()
    fast = _fast_paths(tagger, text, True)
    states = len(searches[-1].states)
    assert searches[-1].o_only is not None
    monkeypatch.setattr(tagger_module, "SURE_ONCE", False)
    searches.clear()
    assert _fast_paths(tagger, text, True) == fast == _plain_paths(tagger, text, True)
    assert searches[-1].o_only is None
    assert states < 0.25 * len(searches[-1].states)  # (64 against 584)


def test_pieces_between_tokens_sure_to_be_o_are_searched_once_with_the_same_tags(monkeypatch):
    """A page of numbered quotations: the words between two numbers (tokens met once, sure to be "O") repeat from
    line to line, and each such piece of a line is searched once (KeyedSearch.path's `cuts`); the tags are the plain
    path's and those of the search line by line."""
    text = _HOSTILE["quotes"]
    tagger = load_tagger()
    real_path, real_whole = viterbi.KeyedSearch.path, viterbi.KeyedSearch._path
    whole, cut = [], []

    def counted(self, keys, first):
        whole.append(len(keys))
        return real_whole(self, keys, first)

    def recorded(self, keys, first, cuts=None):
        cut.append(bool(cuts))
        return real_path(self, keys, first, cuts)

    monkeypatch.setattr(viterbi.KeyedSearch, "_path", counted)
    for two_pass in (False, True):
        monkeypatch.setattr(viterbi.KeyedSearch, "path", recorded)
        whole.clear()
        cut.clear()
        fast = _fast_paths(tagger, text, two_pass)
        assert all(cut) and len(whole) < len(cut) / 2  # (21 of 60 lines: a few while the names' histories settle)
        assert fast == _plain_paths(tagger, text, two_pass)
        monkeypatch.setattr(viterbi.KeyedSearch, "path", lambda self, keys, first, cuts=None: real_path(self, keys, first))
        assert _fast_paths(tagger, text, two_pass) == fast  # the search line by line


@pytest.mark.parametrize("low", (_LOW, -3))
def test_keyed_search_by_pieces_is_the_search_line_by_line_on_random_rows_with_ties(low):
    """Random small rows (many ties), lines made of a few pieces parted by tokens whose keys say "O" alone goes on
    (key < 0): KeyedSearch.path with the `cuts` (their positions and an id of their pair scores into "O") gives the
    search of the whole line step by step, each piece met before not searched again."""
    import numpy as np

    rng = random.Random(11)
    m = 5  # "O", B-A, I-A, B-B, I-B
    for _ in range(30):
        kinds = _random_kinds(rng, m, rng.randint(2, 6), 1, low)
        extra = [[rng.randint(-2, 2) for _ in range(m)] for _ in range(2)]
        into_o = {}
        o_id = [into_o.setdefault(tuple(pairs[p][0] for p in range(m)), len(into_o)) for _, pairs, _ in kinds]

        def rows(key):
            if key < 0:
                key = ~key
            (emit, pairs, _), h = kinds[key // 3], key % 3
            return (emit if h == 0 else [a + b for a, b in zip(emit, extra[h - 1])]), pairs, key // 3

        search = viterbi.KeyedSearch(rows, np.array([k[0] for k in kinds]), np.array([k[1] for k in kinds]), extra,
                                     np.array([k[2] for k in kinds]))
        steps = viterbi.KeyedSearch(rows, np.array([k[0] for k in kinds]), np.array([k[1] for k in kinds]), extra,
                                    np.array([k[2] for k in kinds]))
        pieces = [[rng.randrange(3 * len(kinds)) for _ in range(rng.randint(0, 4))] for _ in range(4)]
        starts = [k for k in range(3 * len(kinds)) if kinds[k // 3][2]]
        if not starts:
            continue
        whole = 0
        for _ in range(40):
            keys, cuts = [rng.choice(starts)], []
            for _ in range(rng.randint(0, 4)):
                keys += rng.choice(pieces)
                sure = rng.randrange(3 * len(kinds))
                cuts.append((len(keys), o_id[sure // 3]))
                keys.append(~sure)
            keys += rng.choice(pieces)
            before = len(search.pieces)
            assert search.path(keys, m, cuts) == steps._path(keys, m)
            whole += len(search.pieces) > before
        assert whole < 35
