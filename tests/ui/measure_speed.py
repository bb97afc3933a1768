"""Speed of the reading UI on a big library (not a test; run by hand and read the numbers).

    python tests/ui/measure_speed.py LIBRARY.db [--make 100000]

--make fills LIBRARY.db with that many synthetic articles first (made-up words, our own text).
Prints: time to first paint, a cursor move, paging to the end, a search, opening an analysed article.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tui.models import Article  # noqa: E402
from tui.store import Library  # noqa: E402

WORDS = ("harbour council vote storm wall river eel cider orchard library robot vacuum engineer mayor "
         "budget winter spring market bridge school hospital railway ticket opera museum fossil").split()


def make(path: Path, count: int) -> None:
    rng = random.Random(7)

    def articles():
        for n in range(count):
            words = [rng.choice(WORDS) for _ in range(60)]
            yield Article(title=f"{' '.join(words[:6]).capitalize()} #{n}", source=f"Paper {n % 40}",
                          published=f"{2000 + n % 26:04d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                          body=" ".join(words) + ".")

    with Library(path) as lib:
        lib.add_many(articles())


async def measure(path: Path) -> None:
    from tui.app.app import NewsreaderApp
    from tui.config import Config

    os.environ["NEWSREADER_NO_SEED"] = "1"
    started = time.perf_counter()
    app = NewsreaderApp(path, Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        print(f"first paint (app start to main screen drawn): {(time.perf_counter() - started) * 1000:.0f} ms")
        screen = app.screen
        print(f"articles: {len(screen.articles.source):,}")
        for keys, label in ((("j",), "cursor move (j)"), (("G",), "jump to last (G)"), (("g",), "back to first (g)"),
                            (("pagedown",), "page down")):
            t = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            print(f"{label}: {(time.perf_counter() - t) * 1000:.1f} ms")
        t = time.perf_counter()
        await pilot.press("slash", *"river")
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(f"search 'river' typed and listed ({len(screen.articles.source):,} hits; 5 keystrokes): "
              f"{(time.perf_counter() - t) * 1000:.0f} ms")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.press("g", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("escape", "j", "k")
        t = time.perf_counter()
        await pilot.press("enter")  # analysed a moment ago: comes from the cache
        await pilot.pause()
        print(f"open an analysed article: {(time.perf_counter() - t) * 1000:.1f} ms (analysing={screen.analysing})")
        print("-- the app's own work, without Pilot's ~85 ms per key round trip:")
        articles, height = screen.articles, screen.articles.scrollable_content_region.height
        t = time.perf_counter()
        for _ in range(100):
            articles.action_cursor_down()
            for y in range(height):
                articles.render_line(y)
            articles._strips.clear()  # worst case: every visible row drawn afresh (as when scrolling)
        print(f"cursor move + redraw all {height} visible rows: {(time.perf_counter() - t) * 10:.2f} ms")
        row_id = articles.current.id
        screen.open_article(row_id)
        await app.workers.wait_for_complete()
        t = time.perf_counter()
        screen.open_article(row_id)
        print(f"open an analysed article (store + cache + layout of text and summary): "
              f"{(time.perf_counter() - t) * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--make", type=int, default=0)
    args = parser.parse_args()
    if args.make:
        t = time.perf_counter()
        make(args.db, args.make)
        print(f"made {args.make:,} articles in {time.perf_counter() - t:.0f} s")
    asyncio.run(measure(args.db))


if __name__ == "__main__":
    main()
