"""The days a story's leads say its event happened on, as a merge test: the stories data measured with the grouper
patched (issue 13, session 25; nothing shipped).

    python -m bench.story_event_days [--least 2] [--below 1e-9] -- [quality_stories options]
    python -m bench.story_event_days --screen [--least 2] [--below 1e-9] [--control F] [--shipped] [--unchained]
    python -m bench.story_event_days --shipped --unchained -- [quality_stories options]

Two reports of one event say it happened on the same day ("on Tuesday", "yesterday", "Oct. 26"), whenever they were
written; two events of one topic (the merges that cost the grouper its precision) mostly happened on different days.
`bench/story_merges.py` reads those days from each article's lead (`event_days`) and screens them off the stories data:
a merge whose two stories' event days have nothing in common is more often wrong, beyond what the link, the spans and
the names say. Here `bench/story_entities.py`'s patched `merge_touched` turns a merge down when both stories have
`--least` articles or more naming days and their event-day profiles have less than `--below` in common
(`event_overlap`); then `bench/quality_stories.py` runs with the options after `--`. Prints its numbers and how many
merge candidates were turned down. `--boost B` turns it the other way: a merge of two stories whose event days have
`--above` or more in common has its similarity times 1 + B (its levels that much lower), any other as shipped.

`--screen` measures the same veto off the stories data first: `story_merges.py`'s overlapped PolNeAR halves grouped
at once with it, the pairs of articles that share a story and those across the halves (two events by construction)
against the shipped grouper's; `--control F` instead divides every merge similarity by F (a merge level F times as
high for every merge), to tell a veto that picks wrong merges from one that only merges less. The merge-order rule
of session 28, shipped as METHOD 7 (a story made by a merge of the pass merges again in it, with a story of 2+
articles, only with a partner whose own best it is) is in every run; `--unchained` leaves it out (METHOD 6's merges),
`--shipped --unchained` is METHOD 6 as it was, on the screen or, without `--screen`, on the stories data. Screen:
`--shipped --unchained` 7,466 pairs / 1,528 across, `--shipped` 6,509 / 1,138, `--control 1.1 --unchained` 5,873 /
1,155.

Session 26 built `--boost 0.25 --least 1` into the grouper, the event days stored with each article's grouping features
(branch `group26-built`, not on main): `quality_stories.py --only group --orders 8` gave this screen's figures to the
fourth place (dev all as fed / at once 0.9069 / 0.9180, half B as fed 0.9261 as without it), so what this prints is what
that build would ship.
"""

from __future__ import annotations

import argparse
import math
import sys


class EventDayVeto:
    """A veto for `story_entities.merge_touched`: its `cosine` is the two stories' event days in common, or infinity
    (no veto) unless both stories have `least` articles or more naming a day."""

    kind = "veto"

    def __init__(self, least: int, below: float):
        self.least, self.level = least, below
        self.turned_down = 0
        self._told: dict[tuple[str, int], list[int]] = {}

    def told(self, lib, ids: list[int]) -> list[list[int]]:
        """Each article's named days (`story_merges.event_days`, read against its date), by library and id."""
        from bench.story_merges import event_days
        from tui.stories.grouping import day_number

        at = str(lib.path)
        need = [i for i in ids if (at, i) not in self._told]
        for i in range(0, len(need), 500):
            part = need[i:i + 500]
            for aid, title, body, published, key in lib.db.execute(
                    f"SELECT id, title, body, published, sort_key FROM articles WHERE id IN ({','.join('?' * len(part))})",
                    part):
                day = day_number((published or "")[:10]) or day_number((key or "")[:10])
                self._told[(at, aid)] = event_days(f"{title}\n{body}", day) if day else []
        return [self._told.get((at, i), []) for i in ids]

    def cosine(self, g, a, b) -> float:
        from bench.story_entities import story_articles
        from bench.story_merges import event_overlap

        if a.size < self.least or b.size < self.least:
            return math.inf
        ta, tb = self.told(g.lib, story_articles(g, a)), self.told(g.lib, story_articles(g, b))
        if sum(map(bool, ta)) < self.least or sum(map(bool, tb)) < self.least:
            return math.inf
        return event_overlap(ta, tb)


class EventDayBoost(EventDayVeto):
    """The other way round, for `story_entities.merge_touched`'s boost hook: a merge of two stories that both have
    `least` articles or more naming days and `above` or more of them in common has its similarity times 1 + `boost`
    (its levels lowered that much); any other as shipped."""

    kind = "boost"

    def __init__(self, least: int, above: float, boost: float):
        super().__init__(least, 0.0)
        self.above, self.boost = above, boost
        self.level = 1.0  # the hook's exponent: its factor is then cosine / BOOST_AT

    def cosine(self, g, a, b) -> float:
        from bench.story_entities import BOOST_AT

        common = super().cosine(g, a, b)
        return BOOST_AT * (1 + self.boost) if common != math.inf and common >= self.above else BOOST_AT


class UniformRaise:
    """A control for `story_entities.merge_touched`'s boost hook: every merge similarity divided by `factor`."""

    kind = "boost"
    level = 1.0

    def __init__(self, factor: float):
        self.factor = factor
        self.turned_down = 0

    def cosine(self, g, a, b) -> float:
        from bench.story_entities import BOOST_AT

        return BOOST_AT / self.factor  # the boost's factor (cosine / BOOST_AT) ** 1


def screen(variant, chained: bool = True) -> None:
    """`story_merges.py`'s overlapped halves grouped at once with `variant` in the merge test (None: as shipped;
    `chained` False: without the merge-order rule of METHOD 7, `story_entities.merge_touched`): pairs of articles in a
    story, those across the halves, merge candidates turned down."""
    from pathlib import Path
    from unittest import mock

    import bench.story_merges as sm
    from bench.story_entities import merge_touched
    from tui.stories import grouping

    docs = sm.load_polnear(Path(sm.DEFAULT_POLNEAR))
    pairs = cross = 0
    with mock.patch.object(grouping.Grouper, "merge_touched", lambda g: merge_touched(g, variant, chained)):
        for shift in sm.SHIFTS:
            done = sm.run(sm.overlapped(docs, shift), shift)
            pairs, cross = pairs + done.pairs, cross + done.cross
    print(f"pairs of articles in a story {pairs}, across the halves {cross}, within a half {pairs - cross} (share "
          f"{cross / max(1, pairs):.4f}); merge candidates turned down "
          f"{variant.turned_down if variant is not None else 0}")


def main(argv: list[str] | None = None) -> None:
    from unittest import mock

    argv = sys.argv[1:] if argv is None else argv
    rest: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, rest = argv[:at], argv[at + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--least", type=int, default=2, help="articles naming days each story needs for a veto")
    ap.add_argument("--below", type=float, default=1e-9, help="event days in common under which a merge is vetoed")
    ap.add_argument("--screen", action="store_true", help="measure off the stories data (story_merges.py's halves)")
    ap.add_argument("--control", type=float, default=0.0, help="with --screen: every merge similarity divided by F")
    ap.add_argument("--shipped", action="store_true", help="the shipped merge test, no veto (the screen or the stories data)")
    ap.add_argument("--unchained", action="store_true",
                    help="a story made by a merge of the pass merges again in it as any other (METHOD 6; shipped: "
                         "with a story of 2+ articles only with a partner whose own best it is)")
    ap.add_argument("--boost", type=float, default=0.0,
                    help="instead of a veto: merges with event days in common >= --above get similarity x (1 + B)")
    ap.add_argument("--above", type=float, default=0.3, help="with --boost: the event days in common it needs")
    args = ap.parse_args(argv)
    if args.screen:
        screen(None if args.shipped else UniformRaise(args.control) if args.control else
               EventDayBoost(args.least, args.above, args.boost) if args.boost else
               EventDayVeto(args.least, args.below), chained=not args.unchained)
        return
    import bench.quality_stories as qs
    from bench.story_entities import merge_touched
    from tui.stories import grouping

    veto = None if args.shipped else EventDayBoost(args.least, args.above, args.boost) if args.boost else \
        EventDayVeto(args.least, args.below)
    if veto is None:
        print("the shipped merge test" + (", a story made by a merge of the pass merging again as any other (METHOD "
                                          "6)" if args.unchained else ""), file=sys.stderr)
    else:
        print(f"event-day {'boost' if args.boost else 'veto'}: both stories {args.least}+ articles naming days, in "
              "common " + (f">= {args.above:g}: similarity x {1 + args.boost:g}" if args.boost else
                           f"< {args.below:g}"), file=sys.stderr)
    with mock.patch.object(grouping.Grouper, "merge_touched", lambda g: merge_touched(g, veto, not args.unchained)), \
            mock.patch.object(sys, "argv", ["quality_stories", *rest]):
        qs.main()
    if veto is not None:
        print(f"merge candidates turned down: {veto.turned_down}", file=sys.stderr)


if __name__ == "__main__":
    main()
