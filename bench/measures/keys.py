"""Key -> repaint inside the real app (Textual pilot, largest library): move, open an analysed article, switch pane."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.generate import fresh_copy
from bench.measures.common import NotAvailable, Result, child_env, need_module, need_tui, timed_results


def _analyse_top(db: Path, count: int) -> None:
    """Cache the analysis of the first `count` rows, the way the app would have."""
    from tui.engine.analysis import cached_analysis
    from tui.store import Library

    with Library(db) as lib:
        for row in lib.rows(0, count):
            article = lib.get(row.id)
            cached_analysis(lib, article.id, article.body, title=article.title)


def _group_stories(db: Path) -> int:
    """Group the copy's articles into stories (as `newsreader add` does); 0 when there is no stories package."""
    try:
        from tui.stories import group_new, story_count
    except ImportError:
        return 0
    from tui.store import Library

    with Library(db) as lib:
        group_new(lib)
        return story_count(lib)


def run(ctx) -> list:
    need_tui()
    need_module("tui.app.app", "NewsreaderApp")
    n = ctx.large
    reps = ctx.reps(40, 4)
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        ctx.log(f"   copying the {n}-article library (opening articles marks them read)")
        db = fresh_copy(n, Path(tmp) / "keys.db", ctx.out)
        try:
            _analyse_top(db, reps + 2)
        except ImportError as exc:
            raise NotAvailable(f"not available yet: the engine ({exc})") from None
        if os.environ.get("BENCH_STORIES"):  # grouping a big copy first takes minutes: asked for only
            ctx.log("   grouping its stories (story mode is measured too)")
            _group_stories(db)
        proc = subprocess.run([sys.executable, "-m", "bench.measures.app_driver", "keys", str(db), str(reps)],
                              env=child_env(), capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        raise NotAvailable(f"driving the app failed: {tail[0]}")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    out = []
    for key, label in (("move", "move_in_list"), ("open", "open_analysed"), ("switch", "switch_pane")):
        xs = [x for x in data[key] if x is not None]
        missing = len(data[key]) - len(xs)
        if not xs:
            out.append(Result(f"keys.{label}@{n}", None, "ms", note="the key changed nothing on screen"))
            continue
        rs = timed_results(f"keys.{label}@{n}", xs, "ms", median_budget=16.0, p95_budget=33.0, scale=1000)
        if missing:
            rs[0].note += f"; {missing} presses painted nothing"
        if data.get("background"):
            rs[0].note += (f"; background analysis running ({data.get('progress_repaints', 0)} repaints of its"
                           " progress line in the run, not counted for keys)")
        if key == "open" and data.get("open_not_cached"):
            rs[0].note += f"; {data['open_not_cached']} opens were analysed on the spot, not cached"
        out += rs
    # Story mode: moving in the list of stories has the same budget as moving in the articles.
    xs = [x for x in data.get("stories_move", []) if x is not None]
    note = f"{data.get('stories_count', 0):,} stories"
    if xs:
        rs = timed_results(f"keys.move_in_stories@{n}", xs, "ms", median_budget=16.0, p95_budget=33.0, scale=1000)
        rs[0].note += f"; {note}"
        out += rs
    elif not os.environ.get("BENCH_STORIES"):
        out.append(Result(f"keys.move_in_stories@{n}", None, "ms",
                          note="not measured: set BENCH_STORIES=1 to group the copy's stories first (minutes)"))
    else:
        out.append(Result(f"keys.move_in_stories@{n}", None, "ms", note=f"nothing repainted ({note})"))
    for key, label in (("stories_toggle", "stories_toggle"), ("stories_page", "stories_page_down"),
                       ("stories_last", "stories_jump_to_last")):
        xs = [x for x in data.get(key, []) if x is not None]
        if xs:
            out += timed_results(f"keys.{label}@{n}", xs, "ms", scale=1000)
    for key, label in (("move_cpu", "move_in_list.ui_cpu"), ("open_cpu", "open_analysed.ui_cpu"),
                       ("switch_cpu", "switch_pane.ui_cpu"),
                       ("move_first", "move_in_list.first_update"), ("open_first", "open_analysed.first_update"),
                       ("switch_first", "switch_pane.first_update"), ("page", "page_down"), ("last", "jump_to_last"),
                       ("open_cold", "open_analysed.unprepared")):
        xs = [x for x in data.get(key, []) if x is not None]
        if xs:
            out += timed_results(f"keys.{label}@{n}", xs, "ms", scale=1000)
    return out
