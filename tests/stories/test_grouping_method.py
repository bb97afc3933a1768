"""The grouping method a library's stories were made by: a library grouped by an earlier one is told to rebuild."""

from __future__ import annotations

import os
import subprocess

from command import newsreader_cmd

from tests.stories.samples import ALL
from tui.stories import group_new, rebuild
from tui.stories.method import METHOD, METHOD_ROW, outdated, stored

NOTICE = "grouped by an earlier method"


def _stories_stderr() -> str:
    r = subprocess.run(newsreader_cmd() + ["stories"], capture_output=True, text=True, env=dict(os.environ), timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stderr


def test_a_new_library_records_the_method_of_its_first_stories(lib):
    assert stored(lib) == 0 and not outdated(lib)  # no stories yet: nothing to be outdated
    lib.add_many(ALL)
    group_new(lib)
    assert stored(lib) == METHOD and not outdated(lib)
    lib.add_many([ALL[0].__class__(title="Another piece", body="A short note about a harbour fair.", source="X",
                                   published="2026-01-20")])
    group_new(lib)
    assert stored(lib) == METHOD


def test_stories_of_an_earlier_method_are_noticed_until_a_rebuild(lib):
    lib.add_many(ALL)
    group_new(lib)
    with lib.transaction() as db:  # as a library grouped before methods were recorded
        db.execute("DELETE FROM counts WHERE name = ?", (METHOD_ROW,))
    assert outdated(lib)
    assert NOTICE in _stories_stderr()
    rebuild(lib)
    assert not outdated(lib) and stored(lib) == METHOD
    assert NOTICE not in _stories_stderr()
