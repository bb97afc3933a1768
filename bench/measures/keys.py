"""Key -> repaint inside the real app (Textual pilot, largest library): move, open an analysed article, switch pane."""

from __future__ import annotations

import json
import os
import shutil
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
        lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file itself (it is copied)
        return story_count(lib)


STORY_SIZE = 20  # issue 13's figure: "opening a story of 20 articles"


def _stories_of_twenty(db: Path, count: int) -> list[int]:
    """Make the newest `count` x 20 articles `count` stories of 20 at the top of the stories list. The
    generated library groups into stories of 1,000 articles (MAX_STORY: its articles share their made-up
    vocabulary); issue 13's opening budget is for a story of 20. Returns their ids."""
    from tui.store import Library
    from tui.store import stories as store

    with Library(db) as lib:
        rows = lib.db.execute("SELECT id, title, sort_key FROM articles WHERE twin_of IS NULL"
                              " ORDER BY sort_key DESC, id DESC LIMIT ?", (count * STORY_SIZE,)).fetchall()
        first_id = store.next_story_id(lib)
        old = [r[0] for r in lib.db.execute(
            f"SELECT DISTINCT story_id FROM story_articles WHERE article_id IN ({','.join('?' * len(rows))})",
            [r[0] for r in rows])]
        moved, made = {}, []
        for n in range(count):
            group = rows[n * STORY_SIZE:(n + 1) * STORY_SIZE]
            sid = first_id + n
            moved.update({aid: sid for aid, _, _ in group})
            made.append((sid, group[0][1], (group[-1][2] or "")[:10], (group[0][2] or "")[:10], len(group), {}))
        store.save_groups(lib, [], made, moved=moved)
        store.remember_story_ids(lib, first_id + count - 1)
        with lib.transaction() as tx:  # the stories they left: their size and dates without them
            for sid in old:
                tx.execute("UPDATE stories SET size = (SELECT count(*) FROM story_articles WHERE story_id = ?1),"
                           " first = (SELECT min(day) FROM story_articles WHERE story_id = ?1),"
                           " last = (SELECT max(day) FROM story_articles WHERE story_id = ?1) WHERE id = ?1", (sid,))
            tx.execute("DELETE FROM stories WHERE size <= 0")
    return [m[0] for m in made]


def _analyse_stories(db: Path, story_ids: list[int]) -> list[int]:
    """Cache the analyses of these stories' articles (what the background pass does before a reader opens
    them); returns their sizes."""
    from tui.engine.analysis import cached_analysis, get_cached
    from tui.store import Library
    from tui.store.stories import story_row

    with Library(db) as lib:
        rows = [story_row(lib, sid) for sid in story_ids]
        for row in rows:
            for aid in row.article_ids:
                if get_cached(lib, aid) is None:
                    article = lib.get(aid)
                    cached_analysis(lib, aid, article.body, title=article.title)
        return [len(r.article_ids) for r in rows]


def _grouped_library(ctx, n: int) -> Path:
    """The cached `n`-article library with its stories grouped (`tui.stories.group_new`, as `newsreader add`
    does), built once next to the library cache (minutes at 100,000). Delete it to regroup after a change of
    the grouping: the key measures only need stories, not the latest grouping."""
    from bench.generate import library

    path = library(n, ctx.out, log=ctx.log)
    grouped = path.with_name(path.stem + "-stories.db")
    if not grouped.exists():
        ctx.log(f"   grouping the {n}-article library's stories once (story mode is measured too)")
        partial = grouped.with_name(grouped.name + ".partial")
        fresh_copy(n, partial, ctx.out)
        _group_stories(partial)
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        os.replace(partial, grouped)
    return grouped


def run(ctx) -> list:
    need_tui()
    need_module("tui.app.app", "NewsreaderApp")
    n = ctx.large
    reps = ctx.reps(40, 4)
    story_reps = ctx.reps(10, 2)
    stories = bool(os.environ.get("BENCH_STORIES"))  # grouping a big copy takes minutes the first time: asked for only
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        ctx.log(f"   copying the {n}-article library (opening articles marks them read)")
        db = Path(tmp) / "keys.db"
        if stories:
            shutil.copyfile(_grouped_library(ctx, n), db)
        else:
            fresh_copy(n, db, ctx.out)
        try:
            _analyse_top(db, reps + 2)
        except ImportError as exc:
            raise NotAvailable(f"not available yet: the engine ({exc})") from None
        if stories:
            story_ids = _stories_of_twenty(db, story_reps)
            story_sizes = _analyse_stories(db, story_ids)
        else:
            story_ids, story_sizes = [], []
        proc = subprocess.run([sys.executable, "-m", "bench.measures.app_driver", "keys", str(db), str(reps),
                               ",".join(map(str, story_ids))],
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
    # Opening a story (its articles analysed, as after the background pass) and back: key budgets as for an
    # article; the summary is computed on the first opening (issue 13: <= 100 ms), kept for the next.
    sizes = f"stories of {min(story_sizes)}-{max(story_sizes)} articles" if story_sizes else ""
    if data.get("stories_missing"):
        sizes += f"; {len(data['stories_missing'])} of them not found in the list"
    for key, label, budget, what in (
            ("story_open", "open_story", (100.0, None), "first opening: enter to the first update that shows the"
             " summary (read in a worker); budget: a 20-article story <= 100 ms the first time"),
            ("story_back", "story_back", (16.0, 33.0), "esc from the story view to the list of stories"),
            ("story_open_again", "open_story.again", (16.0, 33.0), "the same stories opened again (the summary"
             " kept while the story is unchanged: one frame)")):
        xs = [x for x in data.get(key, []) if x is not None]
        unseen = len(data.get(key, [])) - len(xs)
        if unseen and not xs:
            out.append(Result(f"keys.{label}@{n}", None, "ms", note=f"{what}; none of {unseen} shown within 3 s"))
        if xs:
            rs = timed_results(f"keys.{label}@{n}", xs, "ms", median_budget=budget[0], p95_budget=budget[1],
                               scale=1000)
            if unseen:
                rs[0].note += f"; {unseen} more not shown within 3 s (left out)"
            rs[0].note += f"; {what}; {sizes}"
            if key == "story_open" and not all(data.get("story_open_analysed", [True])):
                rs[0].note += "; some stories were shown before all their articles were analysed"
            out += rs
            cpu = [x for x in data.get(key + "_cpu", []) if x is not None]
            if cpu:
                out += timed_results(f"keys.{label}.ui_cpu@{n}", cpu, "ms", scale=1000)
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
