"""Feature templates shared by the tagger and its training script (bench/train_ner.py).

Features are split in two kinds so that tagging is fast:
* word features depend on one word and the slot it sits in (0, -1, +1, -2, +2); the tagger memoises
  their summed weights per (slot, word);
* context features depend on the neighbourhood (sentence start, upper-case line, document evidence).
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.assets import asset

CLASSES = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
START, END = "<s>", "</s>"

# Tokens after which the next word starts a sentence (or a headline part, "CRICKET - LEICESTERSHIRE").
_OPENERS = frozenset('. ! ? : ; " “ ” ‘ ’ ( [ - – — ... …'.split())
_NAME_STOP = frozenset("of the and de la le du del da di von van al el y city saint san santa".split())


def _read_list(name: str) -> frozenset[str]:
    words = set()
    try:
        text = asset("models", name).read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(line.lower())
    return frozenset(words)


def _name_words(names) -> set[str]:
    out = set()
    for name in names:
        for w in re.findall(r"[^\W\d_][\w'’.-]*", name):
            lw = w.lower()
            if len(lw) > 2 and lw not in _NAME_STOP:
                out.add(lw)
    return out


def _pycountry_names() -> tuple[set[str], set[str]]:
    """Country and subdivision names from pycountry (installed with sumy); empty sets when it is missing.

    Its JSON databases are read directly because importing pycountry costs about three times as long.
    """
    import importlib.util
    import json
    from pathlib import Path

    countries, subdivisions = set(), set()
    try:
        spec = importlib.util.find_spec("pycountry")
        if spec is None or not spec.submodule_search_locations:
            return countries, subdivisions
        db = Path(next(iter(spec.submodule_search_locations))) / "databases"
        for c in json.loads((db / "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]:
            countries.update(c[k] for k in ("name", "common_name", "official_name") if c.get(k))
        subdivisions.update(d["name"] for d in json.loads((db / "iso3166-2.json").read_text(encoding="utf-8"))["3166-2"])
    except Exception:  # noqa: BLE001 - a missing or changed pycountry only costs accuracy
        try:
            import pycountry

            for c in pycountry.countries:
                countries.update(n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if n)
            subdivisions.update(d.name for d in pycountry.subdivisions)
        except Exception:  # noqa: BLE001
            pass
    return countries, subdivisions


@lru_cache(maxsize=1)
def gazetteers() -> dict[str, frozenset[str]]:
    """Word-level lists: our own files in assets/models plus country/subdivision names from pycountry."""
    g = {
        "first": _read_list("first_names.txt"),
        "orgw": _read_list("org_words.txt"),
        "hon": _read_list("honorifics.txt"),
        "dem": _read_list("demonyms.txt"),
        "city": frozenset(_name_words(_read_list("places.txt"))),
        "time": _read_list("time_words.txt"),
        "korg": _read_list("known_orgs.txt"),
    }
    countries, subdivisions = _pycountry_names()
    countries |= _read_list("countries_extra.txt")
    g["ctry"] = frozenset(_name_words(countries))
    g["subd"] = frozenset(_name_words(subdivisions)) - g["ctry"]
    return g


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Words of country, subdivision and city names (to tell a GPE from another place)."""
    g = gazetteers()
    return g["ctry"] | g["subd"] | g["city"]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's bundled English stop words, read without importing sumy (its utils pull in requests)."""
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec("sumy")
        folder = Path(next(iter(spec.submodule_search_locations)))
        return frozenset(folder.joinpath("data", "stopwords", "english.txt").read_text(encoding="utf-8").split())
    except Exception:  # noqa: BLE001 - without the list we only lose a precision filter
        return frozenset()


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Character classes with runs capped at three: "Trump" -> "Xxxx", "1996-08-30" -> "ddd-dd-dd"."""
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
    out = []
    for ch in word[:24]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _gaz_flags(word: str, lw: str) -> list[str]:
    g = gazetteers()
    bare = lw.rstrip(".")
    return [name for name, words in g.items() if lw in words or bare in words]


def word_features(slot: str, word: str) -> list[str]:
    """Features of one word seen from `slot` ("0", "-1", "+1", "-2", "+2", or "U" for an upper-case line)."""
    if word in (START, END):
        return [slot + "w=" + word]
    lw = word.lower()
    if slot == "U":  # the word inside an all-caps line: only its identity is reliable
        return ["Uw=" + lw]
    sh = shape(word)
    if slot in ("-2", "+2"):
        return [slot + "w=" + lw, slot + "sh=" + short_shape(word)]
    flags = _gaz_flags(word, lw)
    if slot != "0":
        f = [slot + "w=" + lw, slot + "sh=" + sh]
        f += [slot + "g=" + x for x in flags]
        return f
    f = ["bias", "w=" + lw, "sh=" + sh, "ss=" + short_shape(word)]
    f += ["p1=" + lw[:1], "p2=" + lw[:2], "p3=" + lw[:3]]
    f += ["s1=" + lw[-1:], "s2=" + lw[-2:], "s3=" + lw[-3:], "s4=" + lw[-4:]]
    if word[:1].isupper():
        f.append("title" if not word.isupper() else "caps")
    if any(ch.isdigit() for ch in word):
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
    return f


def doc_evidence(tokens_by_line: list[list[str]], initial_by_line: list[list[bool]], upper_lines: list[bool]):
    """Document-level sets: words seen capitalised mid-sentence in mixed-case lines, and words seen in lower case."""
    mid_title, lower = set(), set()
    for toks, inits, up in zip(tokens_by_line, initial_by_line, upper_lines):
        if up:
            continue
        for w, ini in zip(toks, inits):
            c = w[:1]
            if c.isupper() and not ini:
                mid_title.add(w.lower())
            elif c.islower():
                lower.add(w)
    return mid_title, lower


def initial_flags(tokens: list[str]) -> list[bool]:
    """True where a token starts a sentence (or a headline part)."""
    out = []
    prev = None
    for w in tokens:
        out.append(prev is None or prev in _OPENERS or (prev[-1:] == "." and len(prev) > 2 and prev.count(".") > 1))
        prev = w
    return out


def is_upper_line(tokens: list[str]) -> bool:
    """A line whose letters are all capitals (CoNLL headlines; shouting titles)."""
    letters = [w for w in tokens if w[:1].isalpha()]
    return len(letters) >= 2 and all(w.isupper() for w in letters) or (len(letters) == 1 and len(letters[0]) > 3 and letters[0].isupper())


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
