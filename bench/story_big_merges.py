"""Merges of two big stories, off the stories data: a screen to fit the big-story rule on (issue 13, session 30).

    python -m bench.story_big_merges [--parts 3] [--shifts 0.6,0.8,1.0] [--feed day|once]
                                     [--grid K:R K:R:GROW:RISE K:R:GROW:RISE:same ...]

`bench/story_merges.py`'s screen (PolNeAR train cut in two by date, the halves overlapped, grouped at once) makes
almost every merge of two big stories a chained one (a side made earlier in the same pass): only 11 of its merges
join two stories of 3+ articles that both came into the pass whole, too few to fit a rule for them (session 29). Here
PolNeAR train is cut by date into `--parts` equal parts, and part j is moved back in time by j x SHIFT x (a part's
length), for each SHIFT of `--shifts` (1.0: every part laid over the first), so that 2-4 different stretches of
news run side by side; two articles of different parts were written months apart (two events by construction). The
articles are fed as a library receives them, a day at a time (`--feed day`: each day's articles stored, then
`group_new`, so stories grow over days and two grown stories meet in a later pass: the unchained big-story merges
this screen exists for), one article at a time (`--feed one`, as a feed delivers: the dev set's "as fed"), or all at
once (`--feed once`).

For each rule of `--grid` (K:R, `big_rule`: two stories of K+ articles each merge only when each is the other's best
partner, or when the partner's own best is at most R times as far past its test; 0:0 the merges as shipped;
K:R:GROW:RISE, session 31: a pair the rule turned down is kept apart from the next pass on, until either story has
grown by the share GROW of its size then or their link is RISE times what it was; `:same` also in its own pass) it
prints the pairs of articles in a story, those across parts, within a part (the net: within less across), and the merges made between two stories of 2+ / 3+ / 5+ articles, unchained (neither side made
earlier in the same pass), with how many join different parts (majority part); and a table of the unchained merge
candidates of two stories of 2+ articles that each K:R would have turned down on that run (a first-order estimate:
a refused merge may come back in a later pass). Prints numbers, asserts nothing, reads nothing of the stories eval
data.

Session 30, the rule fitted here (`--source reuters --parts 2 --shifts 0.6,0.8,1.0 --feed day`: the corpus's first
2,000 Reuters articles over 120 days, two parts laid over each other, fed a day at a time; 793 unchained merges of two
stories of 2+ articles, 278 of 3+, a third of them across parts): pairs of articles in a story / across parts (net:
within less across) as shipped 17,218 / 7,206 (2,806); K:R 3:1.3 the same to the pair (it turns down 3 merges, all
across parts, and they come back a pass later), 3:1.15 16,972 / 7,113 (2,746), 3:1.0 16,408 / 6,877 (2,654), 2:1.0
16,919 / 7,122 (2,675); 1.5 and 2.0 turn down nothing. No rule beats none: not shipped.

Session 31, the refusals kept apart (the 3 refusals of 3:1.3 all turn down a 3-article story's merge into one
68-74-article story; each came back in the same pass, once that story had taken its own preferred partner, by the
chained test, and would have in the next pass): pairs / across (net) kept in the same pass too, 3:1.3:0.25:1.1:same
16,984 / 7,056 (2,872, against 2,806 as shipped; the pairs following merges or not: the same); kept from the next
pass on, 3:1.3:0.25:1.1 and 3:1.3:0.1:1.05, the same as none (17,218 / 7,206), and so is a memory for one grouping
call only. On dev (`--orders 8`) 0.25:1.1 lowers all at once 0.9143 -> 0.9060 and 0.1:1.05 the proxy at once
0.8846 -> 0.8838, in every order: not shipped (the README's stories quality row).

Session 33, the core-overlap rule (`--grid core:LEVEL[:LEAST[:DAYS]]`, `core_rule`; `--bins DAYS` prints its table):
two stories of LEAST+ articles (2), DAYS or more apart (0), that merge only by the bridge stay apart when their cores
(the terms half of a story's articles hold) overlap by LEVEL or more (`core_overlap`). The table as shipped (the merges
made, first-order): from an overlap of 0.6 the bridge merges of two stories of 2+ articles join more pairs across parts
than within (0.6-0.7: 357 / 425, 0.7-1.0: 975 / 1,772; below 0.6 3,083 / 1,718), so LEVEL 0.6. Pairs / across (net):
as shipped 17,218 / 7,206 (2,806); core:0.6 16,053 / 6,467 (3,119; no rule before it passed 2,872); core:0.6:2:8
16,203 / 6,532 (3,139). On dev (order 0, as fed / at once; main 0.9056 / 0.9153 all, 0.9197 / 0.9197 A, 0.9213 /
0.8921 B) core:0.6 gives all 0.8943 / 0.9009 (at once P 0.898 -> 0.935, R 0.934 -> 0.870: a sibling merge was also
the glue that joined its events' own parts), A 0.9197 / 0.9201, B 0.9407 / 0.8984; core:0.6:2:8 all 0.8909 / 0.9072,
the halves the same. `--orders 8` means (as fed / at once), main -> core:0.6: all 0.9038 / 0.9143 -> 0.8905 /
0.9060, A 0.9197 / 0.9197 -> 0.9119 / 0.9201, B 0.9261 / 0.8920 -> 0.9407 / 0.8869, the proxy 0.8902 / 0.8902 ->
0.8975 / 0.8975 (up in every order); core:0.6:2:8 all 0.8926 / 0.9091, A and B the same as core:0.6, the proxy
0.8892 / 0.8944: dev all falls, not shipped.

Session 34, `--gaps`: every merge made, by days apart (the bridge table's bands) and plain average link, with the
pairs of articles it joined within a part and across parts (`print_gaps`). At the wire's own density (the run above)
the merges 8-14 and 15-21 days apart join more pairs across parts than within at every link (1,644 / 2,052 and 678 /
814; 0-1 days 13,814 / 9,318, 2-7 days 5,468 / 3,265; none further apart at its crowded levels): the same words over
weeks are as often two events of a kind, which a small library's levels now heed (`grouping._small` keeps the
bridge's rise with the days apart; `library_idf.cohesive` keeps an event's words only within a week). Spread thinner
(`--articles 1000 --days 500`, dense as PolNeAR, so at the LIBRARY levels, the wire's days stretched some 35-fold)
each band of 0-90 days joins 53-60 % of its pairs within a part, at every link: no decay to read there.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from contextlib import contextmanager
from datetime import date
from itertools import chain, islice
from pathlib import Path
from unittest import mock
from weakref import WeakKeyDictionary

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def reuters(n: int, days: int) -> list[tuple[str, str, str, str]]:
    """The corpus's first `n` Reuters articles of 80 words or more (its first 16,252 blocks are Reuters 1987 in the
    collection's order, which follows the wire's dates) as (title, body, day, outlet): title = the first sentence,
    dated by position, spread evenly over `days` days from 1987-03-01, oldest first."""
    import re

    from bench.build_story_idf import DEFAULT_CORPUS, articles

    out = []
    for i, text in enumerate(articles(DEFAULT_CORPUS)):
        if i >= 16_252 or len(out) >= n:
            break
        text = " ".join(text.split())
        if len(text.split()) >= 80:
            out.append((re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text, maxsplit=1)[0][:300], text))
    first = date(1987, 3, 1).toordinal()
    return [(t, b, date.fromordinal(first + i * days // len(out)).isoformat(), "reuters") for i, (t, b) in enumerate(out)]


RATIOS = (1.0, 1.15, 1.3, 1.5, 2.0)  # the ratios of the table of refusals a run prints


# the pairs `big_rule` keeps apart, per library (its object: the dev bench reuses a path for another library):
# (a, b) a < b -> (a's size, b's size, link) at the refusal
_APART: WeakKeyDictionary = WeakKeyDictionary()


@contextmanager
def big_rule(least: int, ratio: float, stick: tuple | None = None):
    """The grouper's merge pass with the big-story rule in it (session 29's idea, not shipped): besides the shipped
    refusals (`Grouper._refused`), a merge of two stories of `least` articles or more each, neither made by a merge
    of the same pass, is turned down when the partner's own best partner is another, more than `ratio` times as far
    past its test. `least` 0: the pass as shipped.

    `stick` (GROW, RISE, SAME; session 31, not shipped): a pair turned down stays apart, whichever side asks and
    whatever the rule says then, from the next pass on (SAME true: in its own pass too), until either story has grown
    by the share GROW of its size at the refusal or their link is RISE times what it was; then it is asked again as
    any other. The pairs follow merges: a story merged away stands for the one that took it, at its new size (a story
    taking its own preferred partner is no news for the pair). Kept for the library (every later `group_new` call);
    None: nothing remembers a refusal (session 30's rule)."""
    from tui.stories import grouping

    shipped, absorb = grouping.Grouper._refused, grouping.Grouper._absorb
    grow, rise, same = stick if stick is not None else (None, None, False)

    def pairs(self) -> dict:
        return _APART.setdefault(self.lib, {})

    def kept_apart(self, s, best, best_sim) -> bool:
        key = (min(s.id, best.id), max(s.id, best.id))
        was = pairs(self).get(key)
        if was is None or (not same and key in self.__dict__.get("_apart_now", ())):
            return False
        lo, hi = (s, best) if s.id < best.id else (best, s)
        if lo.size < (1 + grow) * was[0] and hi.size < (1 + grow) * was[1] and best_sim < rise * was[2]:
            return True
        del pairs(self)[key]  # the evidence changed: asked again
        return False

    def refused(self, s, best, best_sim, gone, chained):
        if grow is not None and kept_apart(self, s, best, best_sim):
            return True
        if shipped(self, s, best, best_sim, gone, chained):
            return True
        if chained or not least or s.size < least or best.size < least:
            return False
        other, other_sim = self._partner(best, gone)
        no = other is not s and other_sim > ratio * best_sim
        if no and grow is not None:
            lo, hi = (s, best) if s.id < best.id else (best, s)
            pairs(self)[lo.id, hi.id] = (lo.size, hi.size, best_sim)
            self.__dict__.setdefault("_apart_now", set()).add((lo.id, hi.id))
        return no

    def merge_touched(self, *a, **k):
        self.__dict__["_apart_now"] = set()  # the pairs turned down in this pass
        return shipped_pass(self, *a, **k)

    def absorbed(self, keep, drop):
        kept, ids, size = pairs(self), (keep.id, drop.id), keep.size + drop.size
        for key in [key for key in kept if key[0] in ids or key[1] in ids]:
            was = kept.pop(key)
            other = key[1] if key[0] in ids else key[0]
            if other in ids:
                continue
            sizes = {key[0]: was[0], key[1]: was[1], keep.id: size}
            new = (other, keep.id) if other < keep.id else (keep.id, other)
            kept.setdefault(new, (sizes[new[0]], sizes[new[1]], was[2]))
        return absorb(self, keep, drop)

    shipped_pass = grouping.Grouper.merge_touched
    with mock.patch.object(grouping.Grouper, "_refused", refused), \
            mock.patch.object(grouping.Grouper, "_absorb", absorbed if grow is not None else absorb), \
            mock.patch.object(grouping.Grouper, "merge_touched", merge_touched):
        yield


def core_overlap(a: list[dict[str, float]], b: list[dict[str, float]]) -> float:
    """How fully two stories (their articles' term vectors) share their cores: a story's core is the terms held by half
    of its articles or more, each weighed by its summed weight; a core term counts in full when half of the other
    story's articles hold it too, in part (the share of them, doubled) when fewer do. The smaller of the two stories'
    shares of core weight so counted (0 when a story has no articles or no core)."""
    if not a or not b:
        return 0.0
    da, db = Counter(chain.from_iterable(a)), Counter(chain.from_iterable(b))

    def share(vecs, df, other_df, other_n) -> float:
        core = {t for t, k in df.items() if 2 * k >= len(vecs)}
        weight: Counter = Counter()
        for v in vecs:
            weight.update({t: w for t, w in v.items() if t in core})
        total = sum(weight.values())
        return sum(w * min(1.0, 2 * other_df.get(t, 0) / other_n) for t, w in weight.items()) / total if total else 0.0

    return min(share(a, da, db, len(b)), share(b, db, da, len(a)))


def member_terms(g, st) -> list[tuple[int, dict[str, float]]]:
    """(article id, its STORED_TERMS first terms) of each article of story `st` in grouper `g`: those placed in this
    batch (their terms cut as the store keeps them) and the stored ones (bench.story_entities.story_articles)."""
    from bench.story_entities import story_articles
    from tui.store import stories as store
    from tui.stories.grouping import STORED_TERMS

    placed = {m.article_id: m.terms for m in g.pending}
    ids = story_articles(g, st)
    stored = store.member_terms(g.lib, [i for i in ids if i not in placed])
    return [(i, dict(islice(placed[i].items(), STORED_TERMS)) if i in placed else stored.get(i, {})) for i in ids]


def days_apart(a, b) -> int:
    """The days between two stories' date ranges (0 when they meet)."""
    from tui.stories.grouping import _DAYS

    return max(0, _DAYS[a.first] - _DAYS[b.last], _DAYS[b.first] - _DAYS[a.last])


def by_bridge(g, a, b) -> bool:
    """Whether stories `a` and `b` pass the merge test only by the bridge (or the level for averages): their average
    link decayed by the days between them is under the join level (`Grouper._links`' test)."""
    from tui.stories import grouping

    gap = days_apart(a, b)
    if gap > grouping.WINDOW_DAYS:
        return True
    link = b.similarity({t: w / max(1, a.size) for t, w in a.centroid.items()})
    return link / (1.0 + max(0, gap - grouping.GRACE_DAYS) / g.levels.decay) < g.levels.join


@contextmanager
def core_rule(level: float, least: int = 2, days: int = 0):
    """The grouper's merge pass with the core-overlap rule in it (session 33, not shipped): besides the shipped
    refusals (`Grouper._refused`), a merge of two stories of `least` articles or more, `days` or more apart, that
    passes only by the bridge (`by_bridge`: the decayed link under the join level) is turned down when their cores
    overlap by `level` or more (`core_overlap` of their articles' stored terms): the same core words after a gap read
    as two of a kind (the next auction, a second launch, another ruling of one long case) more than as one event going
    on, which gains words of its own as it develops."""
    from tui.stories import grouping

    shipped = grouping.Grouper._refused

    def refused(self, s, best, best_sim, gone, chained):
        if shipped(self, s, best, best_sim, gone, chained):
            return True
        if s.size < least or best.size < least or days_apart(s, best) < days or not by_bridge(self, s, best):
            return False
        return core_overlap([v for _, v in member_terms(self, s)], [v for _, v in member_terms(self, best)]) >= level

    with mock.patch.object(grouping.Grouper, "_refused", refused):
        yield


def rule_of_grid(text: str):
    """A --grid item as the context its run is made in: `core:LEVEL[:LEAST[:DAYS]]` (`core_rule`), else a big-story
    rule (`rule_of`, `big_rule`)."""
    parts = text.split(":")
    if parts[0] == "core":
        if not 2 <= len(parts) <= 4:
            raise ValueError(f"{text}: core:LEVEL, core:LEVEL:LEAST or core:LEVEL:LEAST:DAYS")
        return core_rule(float(parts[1]), *map(int, parts[2:]))
    return big_rule(*rule_of(text))


def rule_of(text: str) -> tuple[int, float, tuple | None]:
    """A --grid item, K:R, K:R:GROW:RISE or K:R:GROW:RISE:same (kept apart in the refusal's own pass too), as
    `big_rule`'s arguments."""
    parts = text.split(":")
    if len(parts) not in (2, 4, 5) or (len(parts) == 5 and parts[4] != "same"):
        raise ValueError(f"{text}: K:R, K:R:GROW:RISE or K:R:GROW:RISE:same")
    stick = (float(parts[2]), float(parts[3]), len(parts) == 5) if len(parts) > 2 else None
    return int(parts[0]), float(parts[1]), stick


def cut(docs: list[tuple[str, str, str, str]], parts: int, shift: float) -> list[tuple[str, str, str, int]]:
    """`docs` (title, body, day, outlet; oldest first) cut by date into `parts` equal stretches, part j's days moved
    back by j x `shift` x a stretch's length: (title, body, day, part), by day."""
    from tui.stories.grouping import day_number

    days = [day_number(d[2]) for d in docs]
    lo, hi = min(days), max(days) + 1
    length = (hi - lo) / parts
    out = []
    for (title, body, _, _), n in zip(docs, days):
        j = min(parts - 1, int((n - lo) / length))
        out.append((title, body, date.fromordinal(n - round(j * shift * length)).isoformat(), j))
    return sorted(out, key=lambda r: r[2])


def run(rows: list[tuple[str, str, str, int]], feed: str, bins: bool = False, gaps: bool = False) -> dict:
    """`rows` stored in a fresh library and grouped (a day at a time or at once): pairs of articles in a story, those
    across parts, and the merges by size of the smaller side, unchained, and how many of them join different parts.
    With `bins`, also each merge made of two stories of 2+ articles that passed only by the bridge (`by_bridge`):
    (`core_overlap` of the two, days apart, pairs of articles it joins within one part, pairs across parts). With
    `gaps`, every merge made (first-order: what a level on it would turn down): (days apart, their plain average link,
    whether it passed only by the bridge, the smaller side's size, pairs of articles within a part, across parts)."""
    from tui.models import Article
    from tui.store import Library
    from tui.store import stories as store
    from tui.stories import grouping

    part: dict[int, int] = {}
    merges: Counter = Counter()
    made: set[int] = set()
    shipped_merge, absorb, refused = grouping.Grouper.merge_touched, grouping.Grouper._absorb, grouping.Grouper._refused
    bridged: list[tuple[float, int, int, int]] = []  # with `bins`: (core overlap, days apart, pairs within a part,
    # pairs across)
    merged: list[tuple[int, float, bool, int, int, int]] = []  # with `gaps`: every merge (`run`'s docstring)
    asked: list[tuple[int, float, bool, int]] = []  # unchained candidates of two 2+ stories: (smaller size, the
    # partner's own best over this pair's score, 0 when it is this pair; wrong, pairs of articles)

    def majority(self, st) -> int:
        ids = {m.article_id for m in self.pending if m.story_id == st.id} | \
              {m.article_id for m in store.members(self.lib, st.id)}
        return Counter(part[i] for i in ids).most_common(1)[0][0]

    def logged(self, s, best, best_sim, gone, chained):
        if not chained and s.size > 1 and best.size > 1:
            other, other_sim = self._partner(best, gone)
            asked.append((min(s.size, best.size), other_sim / best_sim if other is not s else 0.0,
                          majority(self, s) != majority(self, best), s.size * best.size))
        return refused(self, s, best, best_sim, gone, chained)

    def merge_touched(self, *a, **k):
        made.clear()
        return shipped_merge(self, *a, **k)

    def recorded(self, keep, drop):
        if gaps:
            from bench.story_entities import story_articles

            pa, pb = Counter(part[i] for i in story_articles(self, keep)), Counter(part[i] for i in story_articles(self, drop))
            within = sum(n * pb[p] for p, n in pa.items())
            raw = keep.similarity({t: w / max(1, drop.size) for t, w in drop.centroid.items()})
            merged.append((days_apart(keep, drop), raw, by_bridge(self, keep, drop), min(keep.size, drop.size), within,
                           sum(pa.values()) * sum(pb.values()) - within))
        if bins and keep.size > 1 and drop.size > 1 and by_bridge(self, keep, drop):
            a, b = member_terms(self, keep), member_terms(self, drop)
            pa, pb = Counter(part[i] for i, _ in a), Counter(part[i] for i, _ in b)
            within = sum(n * pb[p] for p, n in pa.items())
            bridged.append((core_overlap([v for _, v in a], [v for _, v in b]), days_apart(keep, drop), within,
                            len(a) * len(b) - within))
        small = min(keep.size, drop.size)
        if keep.id not in made and drop.id not in made:
            wrong = majority(self, keep) != majority(self, drop)
            for least in (2, 3, 5):
                if small >= least:
                    merges[least] += 1
                    merges[least, "wrong"] += wrong
        made.add(keep.id)
        return absorb(self, keep, drop)

    from bench.quality_stories import scratch

    with scratch() as tmp, \
            mock.patch.object(grouping.Grouper, "merge_touched", merge_touched), \
            mock.patch.object(grouping.Grouper, "_absorb", recorded), \
            mock.patch.object(grouping.Grouper, "_refused", logged):
        lib = Library(Path(tmp) / "big.db")
        try:
            by_day: dict[str, list] = {}
            for r in rows:
                by_day.setdefault(r[2] if feed == "day" else len(by_day) if feed == "one" else "", []).append(r)
            for _, day_rows in sorted(by_day.items()):
                added = lib.add_many([Article(title=t, body=b, source="screen", published=d)
                                      for t, b, d, _ in day_rows])
                for (_, i), r in zip(added, day_rows):
                    part[i] = r[3]
                grouping.group_new(lib)
            stories: dict[int, list[int]] = {}
            for aid, sid in store.assignments(lib).items():
                stories.setdefault(sid, []).append(part[aid])
        finally:
            lib.close()
    pairs = sum(len(p) * (len(p) - 1) // 2 for p in stories.values())
    same = sum(n * (n - 1) // 2 for p in stories.values() for n in Counter(p).values())
    return {"pairs": pairs, "cross": pairs - same, "merges": merges, "asked": asked, "bridged": bridged,
            "merged": merged}


def main(argv: list[str] | None = None) -> None:
    from bench.quality_stories import end_on_signals
    from bench.story_merges import DEFAULT_POLNEAR, load_polnear

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--source", choices=("polnear", "reuters"), default="polnear")
    ap.add_argument("--articles", type=int, default=2000, help="--source reuters: how many articles")
    ap.add_argument("--days", type=int, default=120, help="--source reuters: the days they are spread over")
    ap.add_argument("--parts", type=int, default=3)
    ap.add_argument("--shifts", default="0.6,0.8,1.0")
    ap.add_argument("--feed", choices=("day", "one", "once"), default="day")
    ap.add_argument("--grid", nargs="+", default=["0:0", "3:1.3", "3:1.3:0.25:1.1"],
                    help="K:R or K:R:GROW:RISE[:same] rules (0:0 as shipped; GROW:RISE: refusals kept apart)")
    ap.add_argument("--bins", type=int, default=None, metavar="DAYS",
                    help="also the merges of two stories of 2+ articles made by the bridge, by their core overlap "
                         "(tenths): pairs of articles joined within a part and across parts (what core:LEVEL reads), "
                         "all of them and those DAYS or more apart")
    ap.add_argument("--gaps", action="store_true",
                    help="also every merge made, by days apart (the bridge table's bands) and plain average link: "
                         "merges, pairs of articles joined within a part / across parts (what a level by days reads)")
    args = ap.parse_args(argv)
    end_on_signals()  # a kill or a timeout removes the run's scratch library, as ctrl-c does
    docs = load_polnear(Path(args.polnear)) if args.source == "polnear" else reuters(args.articles, args.days)
    for rule in args.grid:
        total: Counter = Counter()
        asked, bridged, merged = [], [], []
        pairs = cross = 0
        with rule_of_grid(rule):
            for shift in (float(x) for x in args.shifts.split(",")):
                done = run(cut(docs, args.parts, shift), args.feed, args.bins is not None, args.gaps)
                pairs, cross = pairs + done["pairs"], cross + done["cross"]
                total.update(done["merges"])
                asked += done["asked"]
                bridged += done["bridged"]
                merged += done["merged"]
        big = " ".join(f"{least}+ {total[least]} ({total[least, 'wrong']} across)" for least in (2, 3, 5))
        print(f"rule {rule} {args.source} parts {args.parts} shifts {args.shifts} feed {args.feed}: pairs {pairs} across {cross} "
              f"within {pairs - cross} net {pairs - 2 * cross}; unchained merges of two stories of {big}", flush=True)
        print(f"  unchained merge candidates of two stories of 2+ articles: {len(asked)}, "
              f"{sum(w for _, _, w, _ in asked)} across parts; those a rule K:R would refuse (the partner's own best "
              "more than R times as far past its test), counted on this run: refused / across parts, pairs / across")
        for least in (2, 3, 4, 5):
            cells = []
            for ratio in RATIOS:
                hit = [(w, n) for k_, x, w, n in asked if k_ >= least and x > ratio]
                cells.append(f"{ratio:g}: {len(hit)} / {sum(w for w, _ in hit)}, {sum(n for _, n in hit)} / "
                             f"{sum(n for w, n in hit if w)}")
            print(f"  K {least}: " + "; ".join(cells), flush=True)
        if args.bins is not None:
            print(f"  merges of two stories of 2+ articles by the bridge: {len(bridged)}, {args.bins}+ days apart "
                  f"{sum(m[1] >= args.bins for m in bridged)}; by core overlap, merges: pairs within a part / across "
                  f"parts (all; {args.bins}+ days apart)", flush=True)
            for tenth in range(10):
                hit = [m for m in bridged if tenth <= m[0] * 10 < tenth + 1 or (tenth == 9 and m[0] >= 1)]
                far = [m for m in hit if m[1] >= args.bins]
                print(f"    {tenth / 10:.1f}-{(tenth + 1) / 10:.1f}: {len(hit)}: {sum(m[2] for m in hit)} / "
                      f"{sum(m[3] for m in hit)}; {len(far)}: {sum(m[2] for m in far)} / {sum(m[3] for m in far)}",
                      flush=True)
        if args.gaps:
            print_gaps(merged)


GAP_BANDS = ((0, 1), (2, 7), (8, 14), (15, 21), (22, 30), (31, 45), (46, 60), (61, 90))
LINK_BINS = (0.0, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3, 2.0)


def print_gaps(merged: list[tuple[int, float, bool, int, int, int]]) -> None:
    """`run`'s `gaps` record as a table: for each band of days apart, each bin of plain average link, the merges made,
    those only by the bridge, and the pairs of articles they joined within a part / across parts."""
    print(f"  every merge ({len(merged)}), by days apart and plain average link: merges (by the bridge) pairs within "
          "/ across", flush=True)
    for lo, hi in GAP_BANDS:
        band = [m for m in merged if lo <= m[0] <= hi]
        cells = []
        for a, b in zip(LINK_BINS, LINK_BINS[1:]):
            hit = [m for m in band if a <= m[1] < b]
            if hit:
                cells.append(f"{a:.3f}+: {len(hit)} ({sum(m[2] for m in hit)}) {sum(m[4] for m in hit)} / "
                             f"{sum(m[5] for m in hit)}")
        print(f"    {lo}-{hi} days: {len(band)} merges, {sum(m[4] for m in band)} / {sum(m[5] for m in band)}; "
              + "; ".join(cells), flush=True)


if __name__ == "__main__":
    main()
