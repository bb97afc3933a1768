"""`newsreader stories` rows as the app's stories list shows them (session 37, close-s36 "App / CLI"): a read-only
library's hand-made story with no articles left out, as the app leaves it out; the dates in one column whatever form
the stored days have."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

from damaged_pages import run_sql

from tests.stories.added_steps import added_fixture, run
from tests.stories.samples import ALL

added = added_fixture(ALL)  # the samples, imported with `newsreader add` (which groups them)

GHOST = ["INSERT INTO stories (id, title, first, last, size) VALUES (99, 'Ghost quay', '2026-01-01', '2099-01-01', 5)",
         "INSERT INTO story_stats (story_id, members, unread, outlets) VALUES (99, 5, 5, 2)"]

# `newsreader` in its own process on a library that cannot be written (as on a read-only mount: tests run as root,
# whom chmod does not stop; tests/cli/test_read_only_library.py patches the same function in-process)
READ_ONLY = ("import sys\nfrom tui.store import library\n"
             "library.why_read_only = lambda path: 'on a read-only file system'\n"
             "from tui.cli import main\nsys.exit(main(sys.argv[1:]))\n")


def _read_only(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", READ_ONLY, *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_read_only_library_lists_no_hand_made_empty_story(added):
    real = {json.loads(x)["id"]: len(json.loads(x)["articles"]) for x in run("stories", "--json").stdout.splitlines()}
    run_sql(added, GHOST)
    before = _digest(added)
    text = _read_only("stories")
    assert text.returncode == 0, text.stderr
    ids = [int(x.split()[0]) for x in text.stdout.splitlines()]
    assert "Ghost quay" not in text.stdout and sorted(ids) == sorted(real), text.stdout
    as_json = _read_only("stories", "--json")
    assert as_json.returncode == 0, as_json.stderr
    rows = {json.loads(x)["id"]: len(json.loads(x)["articles"]) for x in as_json.stdout.splitlines()}
    assert rows == real, (rows, real)
    assert _digest(added) == before  # read as it is, nothing written
    # where it can be written, `stories` mends the tables (tui.stories.settle), and lists the same stories
    mended = run("stories")
    assert mended.returncode == 0 and "Ghost quay" not in mended.stdout, mended.stdout


def test_the_titles_stay_in_one_column_whatever_form_the_days_have(added):
    rows = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    assert len(rows) >= 3
    one, two, three = (r["id"] for r in rows[:3])
    # a two-day story of notes marked as dated by its adding ("~"), a time stored with its day, a day with a line
    # break: each form a program or an older newsreader may leave in the story's row
    run_sql(added, [f"UPDATE stories SET first = '~2026-03-01' WHERE id = {one}",
                    f"UPDATE stories SET first = '2026-03-01T09:30:00Z', last = '2026-03-05T18:00:00Z' WHERE id = {two}",
                    f"UPDATE stories SET last = '2026-03-05' || char(10) || 'x' WHERE id = {three}"])
    r = _read_only("stories")  # (read as stored: a library that can be written is regrouped first)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == len(rows), r.stdout  # one line a story (a line break in a stored day split its row)
    titles = {row["id"]: next((x.find(row["title"][:20]) for x in lines if x.split()[0] == str(row["id"])), None)
              for row in rows}
    assert len(set(titles.values())) == 1 and None not in titles.values(), (titles, r.stdout)
    first = next(x for x in r.stdout.splitlines() if x.split()[0] == str(two))
    assert "2026-03-01 to 2026-03-05" in first and "T09" not in first, first
