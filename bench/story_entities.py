"""Story grouping with the tagger's entities as evidence: a screen that changes nothing shipped (issue 13).

    python -m bench.story_entities merges [--cache FILE] [--top K] [-- STORY_MERGES_OPTIONS]
    python -m bench.story_entities group VARIANT [--cache FILE] [--top K] [-- QUALITY_STORIES_OPTIONS]

Grouping (tui/stories/terms.py) reads regex terms only: it never runs the engine's tagger, which costs ~10 ms of CPU
an article. This screen tags each article once (tui.engine.entities.extract_entities: typed names, each resolved
within its article to its fullest form, the alias logic the people pages use) and keeps an article's `--top` names by
mentions in its title and body (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT; a name is its label and its
canonical form, lower-cased). A name weighs log((N + 1) / (df + 1)) by how many articles of a background hold it
among their top names: PolNeAR train, the corpus sample and the CoNLL sample of bench/quality_stories.py's distractors
(never the stories data). Three ways to use them, each a patch of the grouper for the run only (`patched`):

- `terms:W`  each article's names join its term vector as extra terms ("~person:ada_lovelace"), weighed (1 + log
             mentions) x their idf, the names' part scaled to norm W against the terms' 1, the whole normalised again:
             they move placement and merges alike.
- `veto:C`   two stories merge only when the cosine of their name profiles (how many of a story's articles hold each
             name, x its idf: `profile_cosine`) reaches C; otherwise the next best partner is taken.
- `boost:L`  a merge candidate's similarities (the decayed one and the plain average link) are multiplied by
             (profile cosine / BOOST_AT) ** L before the merge test: stories naming the same actors merge more easily,
             stories naming different ones less.

`merges` runs bench/story_merges.py's screen (PolNeAR train cut in two and overlapped: a merge across the halves joins
two events by construction; its options after `--`, e.g. `--shifts 90`) with the tagger's names in place of its
surface names, and adds a finer table of the name cosine. `group` runs bench/quality_stories.py (its options after
`--`, e.g. `--only group --orders 8 --errors`) with the variant patched in. `--cache FILE` keeps what the tagger
found, by text hash (a pickle), between runs: keep it outside the repository. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import pickle
import sys
from collections import Counter
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.engine.types import EVENT, FAC, GPE, LOC, NORP, ORG, PERSON, PRODUCT  # noqa: E402
from tui.stories.grouping import Grouper  # noqa: E402

# the shipped merge pass, kept before any run patches Grouper.merge_touched with `merge_touched` below (which calls it)
SHIPPED_MERGE = Grouper.merge_touched

NAME_LABELS = frozenset((PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT))
TOP = 10          # names kept per article, by mentions
BOOST_AT = 0.2    # the profile cosine at which `boost` leaves a similarity as it is (a round value: about two thirds
# of the `merges` screen's PolNeAR merges lie below it)
VARIANTS = ("terms", "veto", "boost")


class Tagged:
    """The tagger's entities of texts (start, end, label, text, canonical), by the text's hash; read from `path` and
    written back by `save` when a path is given."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else None
        self.found: dict[str, list[tuple]] = {}
        self.new = 0
        if self.path is not None and self.path.is_file():
            with self.path.open("rb") as f:
                self.found = pickle.load(f)

    def entities(self, text: str) -> list[tuple]:
        key = hashlib.sha1((text or "").encode("utf-8", "surrogatepass")).hexdigest()
        hit = self.found.get(key)
        if hit is None:
            from tui.engine.entities import extract_entities

            hit = self.found[key] = [(e.start, e.end, e.label, e.text, e.canonical)
                                     for e in extract_entities(text or "")]
            self.new += 1
        return hit

    def save(self) -> None:
        if self.path is not None and self.new:
            with self.path.open("wb") as f:
                pickle.dump(self.found, f)
            self.new = 0


def names(tagged: Tagged, title: str, body: str) -> Counter:
    """(label, canonical name lower-cased) -> mentions in the title and the body."""
    out: Counter = Counter()
    for text in (title or "", body or ""):
        for _, _, label, surface, canonical in tagged.entities(text):
            if label in NAME_LABELS:
                out[(label, " ".join((canonical or surface).split()).lower())] += 1
    return out


def top_names(counts: Counter, k: int = TOP) -> set:
    """The `k` most mentioned names (ties by name)."""
    return {n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]}


def background(tagged: Tagged, k: int = TOP) -> tuple[int, Counter]:
    """(articles, document frequency of each top name) over the off-dev background: PolNeAR train and the corpus and
    CoNLL samples that bench/quality_stories.py mixes in as distractors (250 each)."""
    import bench.quality_stories as qs
    from bench.story_merges import DEFAULT_POLNEAR, load_polnear

    docs = [(r["title"], r["text"]) for r in qs.corpus_salt(250, "1998-01-01", "1998-12-31")
            + qs.conll_salt(qs.DEFAULT_DIR, 250, "1998-01-01", "1998-12-31")]
    if Path(DEFAULT_POLNEAR).is_file():
        docs += [(t, b) for t, b, _, _ in load_polnear(Path(DEFAULT_POLNEAR))]
    df: Counter = Counter()
    for title, body in docs:
        df.update(top_names(names(tagged, title, body), k))
    return len(docs), df


def idf(name, n: int, df: Counter) -> float:
    return math.log((n + 1) / (df.get(name, 0) + 1))


def name_terms(counts: Counter, k: int, n: int, df: Counter) -> dict[str, float]:
    """An article's top names as terms: "~label:name" -> (1 + log mentions) x idf."""
    return {f"~{label.lower()}:{name.replace(' ', '_')}": (1 + math.log(counts[(label, name)]))
            * idf((label, name), n, df) for label, name in top_names(counts, k)}


def profile_cosine(a: list[set], b: list[set], n: int, df: Counter) -> float:
    """The cosine of two stories' name profiles: for each name, how many of the story's articles (name sets `a`, `b`)
    hold it, x its idf over the background (`idf`: a name the background never saw weighs most); 0 when either has
    none."""
    pa, pb = Counter(), Counter()
    for names_ in a:
        pa.update(names_)
    for names_ in b:
        pb.update(names_)
    wa = {k: v * idf(k, n, df) for k, v in pa.items()}
    wb = {k: v * idf(k, n, df) for k, v in pb.items()}
    norm = math.sqrt(sum(v * v for v in wa.values()) * sum(v * v for v in wb.values()))
    return sum(v * wb[k] for k, v in wa.items() if k in wb) / norm if norm else 0.0


def with_names(vec: dict[str, float], extra: dict[str, float], weight: float, top: int) -> dict[str, float]:
    """`vec` (unit norm, strongest first) with `extra` scaled to norm `weight` added: the `top` strongest of both,
    strongest first (ties in order), unit norm again."""
    norm = math.sqrt(sum(v * v for v in extra.values()))
    if not norm or not weight:
        return vec
    items = list(vec.items()) + [(t, weight * v / norm) for t, v in extra.items()]
    items.sort(key=itemgetter(1), reverse=True)
    del items[top:]
    total = math.sqrt(sum(v * v for _, v in items)) or 1.0
    return {t: v / total for t, v in items}


class Screen:
    """One variant (`kind` of VARIANTS, `level` its W, C or L) over tagged articles, and its counts."""

    def __init__(self, kind: str, level: float, tagged: Tagged, k: int = TOP, bg: tuple[int, Counter] | None = None):
        if kind not in VARIANTS:
            raise ValueError(f"variant {kind!r}: one of {', '.join(VARIANTS)}")
        self.kind, self.level, self.tagged, self.k = kind, level, tagged, k
        self.n, self.df = bg if bg is not None else background(tagged, k)
        self.turned_down = 0  # merge candidates that passed the shipped test and the variant turned down
        self._sets: dict[tuple[str, int], set] = {}

    def features_of(self, texts):
        """grouping.features_of with the names added (variant terms)."""
        from tui.stories.terms import FEATURE_TERMS, sketch

        return [(self.terms(title, body, FEATURE_TERMS), sketch(body)) for title, body in texts]

    def terms(self, title: str, body: str, top: int = 150) -> dict[str, float]:
        from tui.stories.terms import terms

        vec = terms(title, body, top)
        extra = name_terms(names(self.tagged, title, body), self.k, self.n, self.df)
        return with_names(vec, extra, self.level, top)

    def article_sets(self, lib, ids: list[int]) -> list[set]:
        """Each article's top names (by library and id)."""
        from tui.store.story_features import article_texts

        at = str(lib.path)
        need = [i for i in ids if (at, i) not in self._sets]
        for i, (title, body) in (article_texts(lib.db, need).items() if need else ()):
            self._sets[(at, i)] = top_names(names(self.tagged, title, body), self.k)
        return [self._sets.get((at, i), set()) for i in ids]

    def cosine(self, g, a, b) -> float:
        """The cosine of two stories' name profiles in grouper `g`."""
        return profile_cosine(self.article_sets(g.lib, story_articles(g, a)),
                              self.article_sets(g.lib, story_articles(g, b)), self.n, self.df)

    @contextmanager
    def patched(self):
        """The grouper patched with this variant while the block runs."""
        from unittest import mock

        from tui.stories import grouping

        if self.kind == "terms":
            with mock.patch.object(grouping, "features_of", self.features_of), \
                    mock.patch.object(grouping, "terms", self.terms):
                yield self
        else:
            with mock.patch.object(grouping.Grouper, "merge_touched", lambda g: merge_touched(g, self)):
                yield self


def story_articles(g, st) -> list[int]:
    """The articles of story `st` in grouper `g`: those placed in this batch, and the stored ones of it and of the
    stories merged into it, less those that moved since."""
    from tui.store import stories as store

    where = {m.article_id: m.story_id for m in g.pending}
    ids = {a for a, s in where.items() if s == st.id}
    for sid in [st.id] + [d for d in g.merged if g._resolve(d) == st.id]:
        for m in store.members(g.lib, sid):
            if where.get(m.article_id, st.id) == st.id and g.moved.get(m.article_id, st.id) == st.id:
                ids.add(m.article_id)
    return sorted(ids)


def merge_touched(g, screen: Screen | None = None, chained: bool = True) -> None:
    """Grouper.merge_touched as shipped, with `screen`'s veto or boost in its merge test (None: the shipped test; the
    test tests/bench/test_story_entities.py compares the two). `chained` False: a story made by a merge of this pass
    merges again in it as any other (METHOD 6; METHOD 7 asks a chained merge of two stories of 2+ articles to be the
    partner's own best, that best found by the shipped test, without `screen`)."""
    SHIPPED_MERGE(g, None if screen is None else lambda s, gone: partner(g, s, gone, screen), chained=chained)


def partner(g, s, gone: set[int], screen: Screen | None = None):
    """The story `s` would merge with by the shipped merge test (`Grouper._partner`, the stories of `gone` left out;
    of equals the last met), with `screen`'s veto or boost in it when given, and how far past its test, or
    (None, 0.0). The candidates and their links are the grouper's own (`Grouper._links`)."""
    if screen is None:
        return g._partner(s, gone)
    merge = g.levels.join
    best, best_sim = None, 0.0
    for o, sim, raw, level in g._links(s, gone):
        passed = sim >= merge or raw >= level
        if screen.kind == "boost" and screen.level:
            factor = (max(screen.cosine(g, s, o), 1e-3) / BOOST_AT) ** screen.level
            sim, raw = sim * factor, raw * factor
            if passed and not (sim >= merge or raw >= level):
                screen.turned_down += 1
        if sim >= merge or raw >= level:
            if screen.kind == "veto" and screen.cosine(g, s, o) < screen.level:
                screen.turned_down += 1
                continue
            score = sim / merge if sim >= merge else raw / level  # how far past its test
            if score >= best_sim:
                best, best_sim = o, score
    return best, best_sim


def merges_screen(tagged: Tagged, k: int, options: list[str] = ()) -> None:
    """bench/story_merges.py's screen (its `options`, e.g. --shifts) with the tagger's top names as its names."""
    from unittest import mock

    import bench.story_merges as sm

    surface = sm.evidence

    def evidence(title: str, body: str) -> dict[str, set[str]]:
        found = surface(title, body)
        found["names"] = {f"{label}:{name}" for label, name in top_names(names(tagged, title, body), k)}
        return found

    finer = ("tagger names in common, finer", lambda m: m.names,
             ((0, 1e-9), (1e-9, 0.05), (0.05, 0.1), (0.1, 0.15), (0.15, 0.2), (0.2, 0.3), (0.3, 0.4), (0.4, 0.6),
              (0.6, math.inf)))
    with mock.patch.object(sm, "evidence", evidence), mock.patch.object(sm, "TABLES", sm.TABLES + (finer,)), \
            mock.patch.object(sys, "argv", ["story_merges", *options]):
        sm.main()


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    rest: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, rest = argv[:at], argv[at + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["merges", "group"])
    ap.add_argument("variant", nargs="?", default="", help="terms:W, veto:C or boost:L (group)")
    ap.add_argument("--cache", default="", help="a pickle of the tagger's findings by text hash (outside the repo)")
    ap.add_argument("--top", type=int, default=TOP, help="names kept per article, by mentions")
    args = ap.parse_args(argv)
    tagged = Tagged(args.cache or None)
    try:
        if args.mode == "merges":
            merges_screen(tagged, args.top, rest)
            return
        kind, _, level = args.variant.partition(":")
        if not level:
            ap.error("group needs a variant: terms:W, veto:C or boost:L")
        screen = Screen(kind, float(level), tagged, args.top)
        from unittest import mock

        import bench.quality_stories as qs

        print(f"variant {kind} {float(level):g}, top {args.top} names, background {screen.n} articles", file=sys.stderr)
        with screen.patched(), mock.patch.object(sys, "argv", ["quality_stories", *rest]):
            qs.main()
        if kind != "terms":
            print(f"merge candidates turned down by the variant: {screen.turned_down}", file=sys.stderr)
    finally:
        tagged.save()


if __name__ == "__main__":
    main()
