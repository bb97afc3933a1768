"""Feature templates shared by the tagger and its training script (bench/train_ner.py).

Features are split in two kinds so that tagging is fast:
* word features depend on one word and the slot it sits in (0, -1, +1, -2, +2); the tagger memoises
  their summed weights per (slot, word);
* context features depend on the neighbourhood (sentence start, upper-case line, document evidence).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import compress, repeat
from operator import is_, not_

from ..lexicon import lexicon
from .clusters import cluster_path

CLASSES = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
START, END = "<s>", "</s>"

# Tokens after which the next word starts a sentence (or a headline part, "SAILING - CORNWALL").
_OPENERS = frozenset('. ! ? : ; " “ ” ‘ ’ ( [ - – — ... …'.split())


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Character classes with runs capped at three: "Trump" -> "Xxxx", "1996-08-30" -> "ddd-dd-dd"."""
    if word.isdigit():  # a number: what the loop gives (a digit is neither upper nor lower case)
        return "ddd"[:len(word)]
    out = []
    last, run = "", 0
    for ch in word[:24]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if c == last:
            run += 1
            if run >= 3:
                continue
        else:
            last, run = c, 0
        out.append(c)
    return "".join(out)


@lru_cache(maxsize=65536)
def short_shape(word: str) -> str:
    """Character classes with every run collapsed: "Trump" -> "Xx", "U.S." -> "X.X."."""
    if word.isdigit():  # a number: what the loop gives
        return "d"
    out = []
    for ch in word[:24]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _gaz_flags(word: str, lw: str) -> list[str]:
    """The names of the tagger's lists that hold `lw` or `lw` without its final periods, in the lists' order
    (_gaz_flags_plain), from one look-up of each in the words' index (most words are in no list)."""
    index = _gaz_index()
    got = index.get(lw, ())
    bare = lw.rstrip(".")
    if bare != lw:
        more = index.get(bare, ())
        if more:
            if not got:
                return list(more)
            return [name for name in _GAZ_INDEX[2] if name in got or name in more]
    return list(got)


def _gaz_flags_plain(word: str, lw: str) -> list[str]:
    """_gaz_flags list by list (the reference: tests/engine/test_tagger_scoring.py compares them)."""
    bare = lw.rstrip(".")
    if bare == lw:
        return [name for name, words in lexicon().tagger_lists() if lw in words]
    return [name for name, words in lexicon().tagger_lists() if lw in words or bare in words]


_GAZ_INDEX: list = [None, {}, ()]  # the lexicon indexed, the index (word -> names of its lists), the lists' names


def _gaz_index() -> dict[str, tuple[str, ...]]:
    """Word -> the names of the tagger's lists that hold it (in their order), built once per lexicon."""
    lex = lexicon()
    if _GAZ_INDEX[0] is not lex:
        lists = lex.tagger_lists()
        index: dict[str, tuple[str, ...]] = {}
        for name, words in lists:
            for w in words:
                index[w] = index.get(w, ()) + (name,)
        _GAZ_INDEX[:] = [lex, index, tuple(name for name, _ in lists)]
    return _GAZ_INDEX[1]


def word_features(slot: str, word: str) -> list[str]:
    """Features of one word seen from `slot` ("0", "-1", "+1", "-2", "+2", or "U" for an upper-case line)."""
    if word in (START, END):
        return [slot + "w=" + word]
    lw = word.lower()
    if slot == "U":  # the word inside an all-caps line: only its identity is reliable
        return ["Uw=" + lw]
    sh = shape(word)
    path = cluster_path(word)
    if slot in ("-2", "+2"):
        return [slot + "w=" + lw, slot + "sh=" + short_shape(word), slot + "c2=" + (path[2] if path else "-")]
    flags = _gaz_flags(word, lw)
    if slot != "0":
        f = [slot + "w=" + lw, slot + "sh=" + sh]
        f += [slot + "g=" + x for x in flags]
        f += [slot + "c0=" + path[0], slot + "c1=" + path[1]] if path else [slot + "c=-"]
        return f
    return _centre(word, lw, sh, short_shape(word), flags, path)


def _centre(word: str, lw: str, sh: str, ss: str, flags: list[str], path) -> list[str]:
    """Features of the word being tagged (slot "0"), from its shapes, gazetteer flags and cluster path."""
    f = ["bias", "w=" + lw, "sh=" + sh, "ss=" + ss, "p1=" + lw[:1], "p2=" + lw[:2], "p3=" + lw[:3],
         "s1=" + lw[-1:], "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:]]
    if word[:1].isupper():
        f.append("title" if not word.isupper() else "caps")
    # (no character is both a letter and a digit: tests/engine/test_tagger_scoring.py checks every code point)
    if word.isdigit() or not word.isalpha() and any(ch.isdigit() for ch in word):
        f.append("digit")
    if "-" in word:
        f.append("hyphen")
        head, _, tail = lw.rpartition("-")
        f.append("hyt=" + tail)
        f.append("hyh=" + head)
    if "." in word:
        f.append("period")
    f.append("len=" + str(min(len(word), 8)))
    f += ["g=" + x for x in flags]
    if path:  # the cluster path at every level, fine to coarse: prefixes of one tree
        f += ["c0=" + path[0], "c1=" + path[1], "c2=" + path[2], "c3=" + path[3], "c1|ss=" + path[1] + ss]
    else:
        f += ["c=-", "c=-|ss=" + ss]
    return f


def window_features(word: str) -> list[list[str]]:
    """`word_features(slot, word)` for every slot of SLOTS, then for "U": the same lists, with the word's
    shape, cluster path and gazetteer flags worked out once (the tagger's memo fills faster)."""
    if word in (START, END):
        return [[slot + "w=" + word] for slot, _ in SLOTS] + [["Uw=" + word]]
    lw = word.lower()
    sh, ss = shape(word), short_shape(word)
    path = cluster_path(word)
    flags = _gaz_flags(word, lw)
    w, ssh = "w=" + lw, "sh=" + ss
    c2 = "c2=" + (path[2] if path else "-")
    near = ["w=" + lw, "sh=" + sh] + ["g=" + x for x in flags]
    near += ["c0=" + path[0], "c1=" + path[1]] if path else ["c=-"]
    # in the order of SLOTS: -2, -1, 0, +1, +2
    return [["-2" + w, "-2" + ssh, "-2" + c2], ["-1" + f for f in near], _centre(word, lw, sh, ss, flags, path),
            ["+1" + f for f in near], ["+2" + w, "+2" + ssh, "+2" + c2], ["Uw=" + lw]]


def doc_evidence(tokens_by_line: list[list[str]], initial_by_line: list[list[bool]], upper_lines: list[bool]):
    """Document-level sets: words seen capitalised mid-sentence in mixed-case lines, and words seen in lower case."""
    words, mid_words = set(), set()  # the distinct words of mixed-case lines; those met not starting a sentence
    for toks, inits, up in zip(tokens_by_line, initial_by_line, upper_lines):
        if not up:
            words.update(toks)
            mid_words.update(compress(toks, map(not_, inits)))
    return {w.lower() for w in mid_words if w[:1].isupper()}, {w for w in words if w[:1].islower()}


_OPENS_AFTER: dict[str, bool] = {}  # token -> does the next token start a sentence (initial_flags' memo)


def initial_flags(tokens: list[str]) -> list[bool]:
    """True where a token starts a sentence (or a headline part): the first token, and one after an opener
    or after a dotted abbreviation ("U.S.")."""
    if not tokens:
        return []
    memo = _OPENS_AFTER
    out = list(map(memo.get, tokens[:-1]))  # worked out once per distinct word
    if None in out:
        if len(memo) > 50_000:
            memo.clear()
        # only the tokens not in the memo (a fresh process meets a new word on most lines: a loop over every
        # token cost ~4 % of a 100 KB text; tests/engine/test_tagger_line_flags.py checks partly known lines)
        for k in compress(range(len(out)), map(is_, out, repeat(None))):
            w = tokens[k]
            out[k] = memo[w] = w in _OPENERS or (w[-1:] == "." and len(w) > 2 and w.count(".") > 1)
    out.insert(0, True)
    return out


def is_upper_line(tokens: list[str]) -> bool:
    """A line whose letters are all capitals (CoNLL headlines; shouting titles): at least two words starting
    with a letter, all in capitals, or one such word longer than three letters."""
    n, first = 0, ""
    for w in tokens:
        if w[:1].isalpha():
            if not w.isupper():
                return False  # the common case: the first word with a letter says it
            n += 1
            first = first or w
    return n >= 2 or n == 1 and len(first) > 3


def context_features(toks: list[str], i: int, initial: bool, upper: bool, mid_title: set, lower: set) -> list[str]:
    """Features that need the neighbourhood of token i (not memoisable per word)."""
    w = toks[i]
    lw = w.lower()
    prev = toks[i - 1].lower() if i > 0 else START
    nxt = toks[i + 1].lower() if i + 1 < len(toks) else END
    ss = short_shape(w)
    f = ["bg-=" + prev + "|" + lw, "bg+=" + lw + "|" + nxt]
    tc = w[:1].isupper() and lw in mid_title
    lc = lw in lower
    if initial:
        f.append("si")
        f.append("si|ss=" + ss)
        f.append("si|tc=" + str(tc) + str(lc))
    if upper:
        f.append("up")
        f.append("up|tc=" + str(tc) + str(lc))
    elif not initial:
        f.append("mid|tc=" + str(tc) + str(lc))
    return f


def history_key(tok: str) -> str | None:
    """The key under which a token's earlier labels in the document are remembered (capitalised words only)."""
    return tok if tok[:1].isupper() and len(tok) > 1 else None


def history_features(hist: dict[str, list[int]], tok: str, initial: bool) -> list[str]:
    """How the same word was tagged earlier in the article: its most frequent label type so far."""
    k = history_key(tok)
    counts = hist.get(k) if k else None
    if not counts:
        return []
    best = max(range(len(HISTORY_TYPES)), key=counts.__getitem__)
    return ["h=" + HISTORY_TYPES[best], "h|si=" + HISTORY_TYPES[best] + str(initial)]


def remember(hist: dict[str, list[int]], tok: str, tag: str) -> None:
    """Count the label type the tagger gave `tok` (for history_features on its later mentions)."""
    k = history_key(tok)
    if k:
        counts = hist.get(k)
        if counts is None:
            counts = hist[k] = [0] * len(HISTORY_TYPES)
        counts[HISTORY_TYPES.index(tag[2:] if tag != "O" else "O")] += 1


HISTORY_TYPES = ("O", "PER", "ORG", "LOC", "MISC")
_TYPE_OF = {t: k for k, t in enumerate(HISTORY_TYPES)}


def history_type_features(htype: int | None, initial: bool) -> list[str]:
    """history_features for a given history type (an index into HISTORY_TYPES; None: no other mention)."""
    if htype is None:
        return []
    name = HISTORY_TYPES[htype]
    return ["h=" + name, "h|si=" + name + str(initial)]


def second_pass_types(toks_by_seg: list[list[str]], tags_by_seg: list[list[str]],
                      fold_caps: bool = True, caps_by_seg: list[list[int]] | None = None) -> tuple[list, list]:
    """For every token, the history type it saw in the first pass (the commonest label of the same word's
    earlier mentions) and the one the second pass gives it (the commonest first-pass label of all its other
    mentions, before and after it). In the first pass ties go to the first type in HISTORY_TYPES; in the second a
    tie keeps the first pass's type (a word read as a club twice and as a person twice is not made a person).
    With `fold_caps`, a word in capitals also counts the mentions of its title-case spelling. `caps_by_seg`, when
    given, lists per segment the positions of its tokens that start with a capital (a superset of those with a
    history: the one-letter ones are left out here)."""
    counts: dict[str, list[int]] = {}
    type_of = _TAG_TYPE
    n_types = len(HISTORY_TYPES)
    caps_by_seg = [[(i, toks[i]) for i in caps if len(toks[i]) > 1] for toks, caps in zip(toks_by_seg, caps_by_seg)] \
        if caps_by_seg is not None else \
        [[(i, tok) for i, tok in enumerate(toks) if len(tok) > 1 and tok[:1].isupper()] for toks in toks_by_seg]
    before = []
    for toks, tags, caps in zip(toks_by_seg, tags_by_seg, caps_by_seg):
        row = [None] * len(toks)  # lower-case words have no history
        for i, k in caps:
            c = counts.get(k)
            if c is None:
                c = counts[k] = [0] * n_types
            else:
                row[i] = c.index(max(c))
            c[type_of[tags[i]]] += 1
        before.append(row)
    return before, second_pass_after(toks_by_seg, tags_by_seg, counts, before, fold_caps, caps_by_seg)


def second_pass_after(toks_by_seg: list[list[str]], tags_by_seg: list[list[str]], counts: dict[str, list[int]],
                      before: list[list], fold_caps: bool = True, caps_by_seg: list | None = None,
                      memo: bool = True) -> list[list]:
    """second_pass_types' second half: the types of the second pass from the first pass's counts of every
    capitalised word's labels (`counts`, by the word) and the types the first pass saw (`before`). `caps_by_seg`:
    per segment, (position, word) of its tokens that have a history, or None to find them.

    A mention's type depends only on its word, its first-pass tag and the type its first pass saw (`counts` is
    read, never changed), so with `memo` it is worked out once per such triple (`memo=False`: mention by mention,
    the same types: tests/engine/test_tagger_passes.py)."""
    if caps_by_seg is None:
        caps_by_seg = [[(i, tok) for i, tok in enumerate(toks) if len(tok) > 1 and tok[:1].isupper()]
                       for toks in toks_by_seg]
    type_of = _TAG_TYPE
    known: dict[tuple, int | None] = {}
    after = []
    for toks, caps, tags, first in zip(toks_by_seg, caps_by_seg, tags_by_seg, before):
        row = [None] * len(toks)
        for i, k in caps:
            if memo:
                key = (k, tags[i], first[i])
                got = known.get(key, _UNKNOWN)
                if got is not _UNKNOWN:
                    row[i] = got
                    continue
            c = counts[k][:]
            c[type_of[tags[i]]] -= 1
            if fold_caps and k.isupper():  # a headline's "KESSLING" also reads the body's "Kessling"
                body = counts.get(k[0] + k[1:].lower())
                if body is not None and body is not counts[k]:
                    c = [a + b for a, b in zip(c, body)]
            top = max(c)
            if not top:
                got = None
            elif c.count(top) > 1:  # a tie ("Rovers": ORG twice, PER twice) says nothing new: keep the first pass's
                got = first[i]
            else:
                got = c.index(top)
            row[i] = got
            if memo:
                known[key] = got
        after.append(row)
    return after


_UNKNOWN = object()


class _TagTypes(dict):
    """Tag -> its index in HISTORY_TYPES ("B-PER" and "I-PER" -> PER's), worked out on first use."""

    def __missing__(self, tag: str) -> int:
        t = self[tag] = _TYPE_OF[tag[2:] if tag != "O" else "O"]
        return t


_TAG_TYPE = _TagTypes()


def tag_features(prev: str, prev2: str, lw: str, sh: str) -> list[str]:
    """Features on the tags already chosen to the left."""
    return ["t-1=" + prev, "t-2t-1=" + prev2 + "|" + prev, "t-1w=" + prev + "|" + lw, "t-1sh=" + prev + "|" + sh]


SLOTS = (("-2", -2), ("-1", -1), ("0", 0), ("+1", 1), ("+2", 2))


def all_static(toks: list[str], i: int, initial: bool, upper: bool, mid_title: set, lower: set) -> list[str]:
    """Every non-tag feature of token i (the training script's view; the tagger memoises the word part)."""
    n = len(toks)
    f = []
    for slot, off in SLOTS:
        j = i + off
        f += word_features(slot, toks[j] if 0 <= j < n else (START if j < 0 else END))
    if upper:
        f += word_features("U", toks[i])
    f += context_features(toks, i, initial, upper, mid_title, lower)
    return f
