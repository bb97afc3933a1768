"""Document-level features for the tagger: how the same capitalised word is used ELSEWHERE in the article.

A name the tagger has never seen is often easy to read from its other mentions: "Kessmar" after "shares in" or
before "Corp" in one sentence is a company in the next, where it stands alone; after "Mr" it is a person's name
everywhere in the article. For every capitalised word (keyed in lower case, so a headline in capitals reads its
body mentions) this module collects, over its mentions in mixed-case lines, the capitalised run around each
mention ("Kessmar Holdings Corp") and the words around that run, and gives each mention the features of its
OTHER mentions only (never its own: the word's own neighbours are already window features):

* ``dp=`` the word before the run ("shares", "mr" is inside the run, "in"), ``dn=`` the word after it ("said");
* ``df=`` the run's first word when the word is not first ("mr", "the"), ``dl=`` its last word when the word is
  not last ("corp", "bank", "party");
* ``dpos=`` the word's place in the run (single / first / mid / last), ``dlen=`` the longest run (1-4).

Of each kind only the commonest values are kept (two words before, two after, one first and one last word, two
places), so the number of features does not grow with the article's length. A listed place's mentions that lead a
longer capitalised run ("Danube" of "Danube Delta Research Institute") are not counted (PLACES_IN_RUNS_SILENT).

The tagger adds the weights of these features (learned by bench/train_ner.py on CoNLL-2003 train) to a token's
scores in both its scoring paths. Features are strings, in a fixed order; a token's set is a shared tuple.
"""

from __future__ import annotations

__all__ = ["document_features", "NONE"]

NONE: tuple = ()
_MAX_RUN = 6  # a longer capitalised run is a headline-like line, not a name
_KEEP = {"dp": 2, "dn": 2, "df": 1, "dl": 1, "dpos": 2}  # values kept per kind: the commonest among the mentions
_MAX_FEATURES = 64  # distinct features kept per word (bounds the work on a hostile text repeating one word)
# A listed place's mentions inside a longer capitalised run ("the Danube Delta Research Institute") say nothing
# about the place named alone ("the Danube"): in CoNLL train a whole listed place name written alone whose other
# mentions include one inside a longer organisation's name (and none alone as one) is a place 191 times and an
# organisation 18; other words in that position are organisations (108) or MISC (93). Such mentions still read
# the place's other mentions, but give nothing to them. A place word that ENDS the run ("Michael Jordan", "Ana
# Kent") still counts: a person's surname that is also a place is last, an organisation named after a place
# starts with it. "lead" (shipped since session 9): only the place words before a run's last word are silent;
# "all" (session 8, not shipped: GUM dev lower): every place word inside a longer run; False: none (session 7).
# README's quality notes have the numbers.
PLACES_IN_RUNS_SILENT: str | bool = "lead"
_ARTICLES = frozenset(("The", "A", "An"))  # "The Danube rose": a sentence's article does not make a longer run


def _capital(tok: str) -> bool:
    """A word that has document features: capitalised, longer than one letter, and not an apostrophe word such as
    "O'Neill" (left out of the session-7 weights' training; they keep their other features)."""
    return len(tok) > 1 and tok[:1].isupper() and tok[1:2] not in ("'", "’")


def _runs(toks: list[str]) -> list[tuple[int, int]]:
    """[first, last] token indexes of the maximal runs of capitalised words in one line."""
    out, k, n = [], 0, len(toks)
    while k < n:
        if toks[k][:1].isupper():
            j = k
            while j + 1 < n and toks[j + 1][:1].isupper():
                j += 1
            out.append((k, j))
            k = j + 1
        else:
            k += 1
    return out


def _mention_features(toks: list[str], initial: list[bool], a: int, b: int, k: int) -> tuple[str, ...]:
    """The features one mention (token k of the run a..b) gives the word's other mentions."""
    n = b - a + 1
    before = toks[a - 1].lower() if a > 0 and not initial[a] else "<s>"  # a sentence start is one context
    after = toks[b + 1].lower() if b + 1 < len(toks) else "</s>"
    f = ["dp=" + before, "dn=" + after]
    if k > a:
        f.append("df=" + toks[a].lower())
    if k < b:
        f.append("dl=" + toks[b].lower())
    f.append("dpos=" + ("single" if n == 1 else "first" if k == a else "last" if k == b else "mid"))
    f.append("dlen=" + str(min(n, 4)))
    return tuple(f)


def _run_features(toks: list[str], initial: list[bool], a: int, b: int) -> list[tuple[str, ...]]:
    """_mention_features of every token of the run a..b, the run's words worked out once."""
    n = b - a + 1
    dp = "dp=" + (toks[a - 1].lower() if a > 0 and not initial[a] else "<s>")
    dn = "dn=" + (toks[b + 1].lower() if b + 1 < len(toks) else "</s>")
    dlen = "dlen=" + str(min(n, 4))
    if n == 1:
        return [(dp, dn, "dpos=single", dlen)]
    df, dl = "df=" + toks[a].lower(), "dl=" + toks[b].lower()
    return [(dp, dn, dl, "dpos=first", dlen)] + [(dp, dn, df, dl, "dpos=mid", dlen)] * (n - 2) + \
        [(dp, dn, df, "dpos=last", dlen)]


def document_features(segments) -> list[list[tuple]]:
    """For every token of `segments` (objects with toks, initial and upper), the tuple of its document features.

    Only the capitalised tokens are visited (every other token gets NONE): the same as document_features_plain."""
    counts: dict[str, dict[str, int]] = {}  # lower-case word -> feature -> how many of its mentions have it
    silent = _place_names() if PLACES_IN_RUNS_SILENT else ()
    every = PLACES_IN_RUNS_SILENT == "all"
    caps_by_seg: list[list[int]] = []  # per segment, the positions of its tokens starting with a capital
    mentions: dict[tuple, int] = {}  # (lower-case word, a mention's own features) -> how many mentions have them
    own: list[dict] = []  # per segment: position -> its mention's own features
    # line key -> its first segment, then its runs (`_key_runs`); KEYED False: every line read as it is
    keyed: dict = {} if KEYED else None
    for seg in segments:
        toks = seg.toks
        caps = getattr(seg, "caps", None)  # the tagger's segments know them
        if caps is None:
            caps = [k for k, tok in enumerate(toks) if tok[:1].isupper()]
        caps_by_seg.append(caps)
        row: dict[int, tuple] = {}
        own.append(row)
        if seg.upper or not caps:
            continue
        kid = getattr(seg, "key", None)  # lines of one digit key share it (tagger._keyed_segments)
        if kid is not None and keyed is not None:
            got = keyed.get(kid)
            if got is None:
                keyed[kid] = seg
            else:
                if got.__class__ is not list:  # the key met again: the runs of its first line
                    got = keyed[kid] = _key_runs(got, silent, every)
                for entry in got:
                    if entry.__class__ is list:  # a run the same on every line of the key
                        for k, feats, key in entry:
                            row[k] = feats
                            mentions[key] = mentions.get(key, 0) + 1
                        continue
                    a, b = entry  # a run reading a word with a digit: as below
                    run = None
                    for k in range(a, b + 1):
                        tok = toks[k]
                        if _capital(tok):
                            if silent and (k < b or every) and b > a + (toks[a] in _ARTICLES) and tok.lower() in silent:
                                continue
                            if run is None:
                                run = _run_features(toks, seg.initial, a, b)
                            feats = row[k] = run[k - a]
                            key = (tok.lower(), feats)
                            mentions[key] = mentions.get(key, 0) + 1
                continue
        n, r = len(caps), 0
        while r < n:  # the maximal runs of consecutive capitalised tokens, as _runs finds them
            a = b = caps[r]
            r += 1
            while r < n and caps[r] == b + 1:
                b += 1
                r += 1
            if b - a >= _MAX_RUN:
                continue
            run = None
            for k in range(a, b + 1):
                tok = toks[k]
                if _capital(tok):
                    if silent and (k < b or every) and b > a + (toks[a] in _ARTICLES) and tok.lower() in silent:
                        continue  # a listed place inside a longer name: its mention reads, but tells nothing
                    if run is None:
                        run = _run_features(toks, seg.initial, a, b)
                    feats = row[k] = run[k - a]
                    key = (tok.lower(), feats)
                    mentions[key] = mentions.get(key, 0) + 1
    # each distinct mention counted once, with its number, in the order first met: the same counts as mention by
    # mention (_count: a word's features are taken in the order first met, the first _MAX_FEATURES of them)
    for (word, feats), times in mentions.items():
        _count_lower(counts, word, feats, times)
    memo: dict = {}  # (word, own features) -> features of the other mentions
    out = []
    for seg, caps, row in zip(segments, caps_by_seg, own):
        toks = seg.toks
        feats = [NONE] * len(toks)
        for k in caps:
            tok = toks[k]
            mine = row.get(k)
            if mine is None and not _capital(tok):
                continue
            key = (tok.lower(), mine or NONE)  # no own features: a line of capitals; every mention counts
            got = memo.get(key)
            if got is None:
                got = memo[key] = _others(counts.get(key[0]), key[1])
            feats[k] = got
        out.append(feats)
    return out


# lines of one digit key (the tagger's `Segment.key`: a page of numbered quotations) read their runs of capitalised
# words once where no word a run's features read holds a digit (`_key_runs`)
KEYED = True
_ASCII_DIGITS = frozenset("0123456789")


def _key_runs(seg, silent, every: bool) -> list:
    """The runs of the first line of a digit key, in the order document_features reads them: for a run none of whose
    words (those of the run and the words before and after it) holds a digit, a list of (position, own features,
    (word, own features)) of its mentions, as document_features finds them; for any other run, (first, last).

    The lines of one key have the same words but for those holding a digit (tokens.digit_key: their other characters
    are the key's), at the same places, with the same capitals and sentence starts (tagger._keyed_segments): a run
    without such a word reads the same words on every line of the key, and gives the same mentions."""
    toks, caps, initial = seg.toks, seg.caps, seg.initial
    out: list = []
    digits = _ASCII_DIGITS.isdisjoint
    n, r = len(caps), 0
    while r < n:
        a = b = caps[r]
        r += 1
        while r < n and caps[r] == b + 1:
            b += 1
            r += 1
        if b - a >= _MAX_RUN:
            continue
        if not all(map(digits, toks[max(a - 1, 0):b + 2])):
            out.append((a, b))
            continue
        found = []
        run = None
        for k in range(a, b + 1):
            tok = toks[k]
            if _capital(tok):
                if silent and (k < b or every) and b > a + (toks[a] in _ARTICLES) and tok.lower() in silent:
                    continue
                if run is None:
                    run = _run_features(toks, initial, a, b)
                found.append((k, run[k - a], (tok.lower(), run[k - a])))
        out.append(found)
    return out


def _count(counts: dict[str, dict[str, int]], tok: str, feats) -> None:
    """Add one mention's own features to its word's counts (at most _MAX_FEATURES distinct ones a word)."""
    _count_lower(counts, tok.lower(), feats, 1)


def _count_lower(counts: dict[str, dict[str, int]], word: str, feats, times: int) -> None:
    """Add `times` mentions' own features `feats` to the counts of `word` (lower case)."""
    c = counts.get(word)
    if c is None:
        c = counts[word] = {}
    for f in feats:
        if f in c:
            c[f] += times
        elif len(c) < _MAX_FEATURES:
            c[f] = times


def document_features_plain(segments) -> list[list[tuple]]:
    """`document_features` token by token (the reference path: tests/engine/test_doc_features.py compares them)."""
    counts: dict[str, dict[str, int]] = {}  # lower-case word -> feature -> how many of its mentions have it
    silent = _place_names() if PLACES_IN_RUNS_SILENT else ()
    every = PLACES_IN_RUNS_SILENT == "all"
    own: list[list] = []  # per segment, per token: its mention's own features, or None
    for seg in segments:
        toks = seg.toks
        row: list = [None] * len(toks)
        if not seg.upper:
            for a, b in _runs(toks):
                if b - a >= _MAX_RUN:
                    continue
                for k in range(a, b + 1):
                    tok = toks[k]
                    if _capital(tok):
                        if silent and (k < b or every) and b > a + (toks[a] in _ARTICLES) and tok.lower() in silent:
                            continue  # a listed place inside a longer name: its mention reads, but tells nothing
                        feats = row[k] = _mention_features(toks, seg.initial, a, b, k)
                        _count(counts, tok, feats)
        own.append(row)
    memo: dict = {}  # (word, own features) -> features of the other mentions
    out = []
    for seg, row in zip(segments, own):
        feats = []
        for tok, mine in zip(seg.toks, row):
            if mine is None and not _capital(tok):
                feats.append(NONE)
                continue
            key = (tok.lower(), mine or NONE)  # no own features: a line of capitals; every mention counts
            got = memo.get(key)
            if got is None:
                got = memo[key] = _others(counts.get(key[0]), key[1])
            feats.append(got)
        out.append(feats)
    return out


def _place_names() -> frozenset:
    """Whole listed place names, lower case (countries, their subdivisions, places.txt, countries_extra.txt)."""
    from ..lexicon import lexicon

    return lexicon().place_names


def _others(c: dict[str, int] | None, mine: tuple) -> tuple:
    """The features of the word's mentions other than this one (`mine`, its own): of each kind only the commonest
    values (`_KEEP`; ties go to the first seen) and the longest run, so a word mentioned fifty times in a long
    article carries no more features than one mentioned thrice in a short wire story."""
    if not c:
        return NONE
    by_kind: dict[str, list] = {}
    for f, k in c.items():
        k -= f in mine
        if k > 0:
            by_kind.setdefault(f[:f.index("=")], []).append((-k, f))
    runs = by_kind.pop("dlen", None)
    if not runs:
        return NONE
    out = []
    for kind, vals in by_kind.items():
        vals.sort(key=lambda x: x[0])  # stable: equal counts keep their first-seen order
        out += [f for _, f in vals[:_KEEP[kind]]]
    return tuple(out + [max(f for _, f in runs)])
