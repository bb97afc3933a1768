"""What a page of the stories list costs when stories are big (the 100,000-article bench library groups
into 100 stories of 1,000 articles: a page that counted its stories' articles read all of them).

    python -m bench.story_list_page [--articles 10000] [--per-story 1000] [--reps 5]

Builds a throw-away library of made-up articles in stories of `--per-story` articles (memberships written
with the store's own `save_groups`, no grouping run), then prints the CPU time of: writing the memberships,
the app's first page of stories (StorySource, a fresh connection each time) with the count of stories
holding an unread article, marking every article read, renumbering every story, and forgetting every
story. Run it with PYTHONPATH pointing at another tree to compare code. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def build(path: Path, n: int, per: int) -> float:
    """A library of `n` articles in stories of `per`; returns the CPU seconds of writing the memberships."""
    from tui.models import Article
    from tui.store import Library
    from tui.store import stories as store
    from tui.store.stories import Member

    outlets = [f"Outlet {k}" for k in range(12)]
    with Library(path) as lib:
        arts = [Article(title=f"Event {i // per} report {i}", body=f"Report {i} on event {i // per}. " * 20,
                        source=outlets[i % 12], published=f"2026-0{1 + (i // per) % 9}-{1 + i % 28:02d}")
                for i in range(n)]
        ids = [ident for _, ident in lib.add_many(arts)]
        members = [Member(aid, 1 + i // per, arts[i].published, {"event": 0.5}, [1, 2, 3]) for i, aid in enumerate(ids)]
        spans: dict[int, tuple] = {}
        for i, m in enumerate(members):
            old = spans.get(m.story_id)
            spans[m.story_id] = (m.story_id, arts[i].title, min(old[2], m.day) if old else m.day,
                                 max(old[3], m.day) if old else m.day, per, {"event": 0.5})
        start = time.process_time()
        for k in range(0, n, 2000):
            store.save_groups(lib, members[k:k + 2000], list(spans.values()))
        return time.process_time() - start


def first_page(path: Path, reps: int) -> float:
    """Median CPU seconds of the story list's first page and its unread count, as story mode loads them."""
    from tui.app.widgets.story_rows import StorySource
    from tui.store import Library
    from tui.store.reader import unread_stories

    times = []
    for _ in range(reps):
        with Library(path) as lib:
            start = time.process_time()
            source = StorySource(lib)
            source.unread = unread_stories(lib)
            source.row(0)
            times.append(time.process_time() - start)
    return sorted(times)[len(times) // 2]


def changes(path: Path) -> list[tuple[str, float]]:
    """CPU seconds of a bulk read mark, renumbering every story and forgetting every story."""
    from tui.store import Library
    from tui.store import stories as store

    out = []
    with Library(path) as lib:
        start = time.process_time()
        with lib.transaction() as db:
            db.execute("UPDATE articles SET read = 1")
        out.append(("mark every article read", time.process_time() - start))
        ids = set(store.assignments(lib).values())
        start = time.process_time()
        store.renumber(lib, {sid: sid + 10 * len(ids) + 10 for sid in ids})
        out.append(("renumber every story", time.process_time() - start))
        start = time.process_time()
        store.clear(lib)
        out.append(("forget every story", time.process_time() - start))
    return out


def main(argv: list[str] | None = None) -> None:
    """Print the figures for one library shape."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--per-story", type=int, default=1_000)
    p.add_argument("--reps", type=int, default=5)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stories.db"
        print(f"{args.articles:,} articles in stories of {args.per_story:,}")
        print(f"  write the memberships:         {build(path, args.articles, args.per_story):8.3f} s CPU")
        print(f"  first page + unread stories:   {1000 * first_page(path, args.reps):8.2f} ms CPU (median)")
        for what, seconds in changes(path):
            print(f"  {what + ':':30} {seconds:8.3f} s CPU")


if __name__ == "__main__":
    main()
