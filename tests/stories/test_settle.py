"""A feed that goes quiet settles its stories (tui.stories.settle, regroup_window.after_grouping(quiet=True)): the
articles placed one at a time since the last window (fewer than LIBRARY_FROM, still waiting for theirs) are regrouped
as a window at once, so the library ends grouped as if its articles had been stored at once; a stream that keeps
arriving is never settled between its articles. Our own generated articles (tests/stories/test_window_size.py)."""

from __future__ import annotations

import os
import subprocess
import threading

import pytest
from command import newsreader_cmd

from tests.stories.test_window_size import _stream
from tui.store import Library
from tui.stories import group_new, settle, story_of
from tui.stories.library_idf import LIBRARY_FROM
from tui.stories.regroup_window import pending

N = 90  # one window (the first 50), then 40 placed one at a time that wait for the next


def _fed(lib, arts) -> list[int]:
    ids = []
    for art in arts:
        ids.append(lib.add_many([art])[0][1])
        assert group_new(lib) == 1
    return ids


def _partition(lib, ids: list[int]) -> set[frozenset[int]]:
    """The stories as sets of positions in the stream (ids differ between libraries)."""
    groups: dict[int, set[int]] = {}
    for k, i in enumerate(ids):
        groups.setdefault(story_of(lib, i), set()).add(k)
    return {frozenset(g) for g in groups.values()}


@pytest.fixture(scope="module")
def at_once(tmp_path_factory) -> set[frozenset[int]]:
    """The stream's N articles stored together and grouped in one call (`add FOLDER`)."""
    once = Library(tmp_path_factory.mktemp("once") / "once.db")
    try:
        ids = [i for _, i in once.add_many(_stream(N))]
        assert group_new(once) == N
        return _partition(once, ids)
    finally:
        once.close()


def _consistent(lib) -> None:
    """Every article is in one story or counted as waiting; every story holds its stored size of articles."""
    articles = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    grouped = lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
    from tui.store.stories import ungrouped_count

    assert ungrouped_count(lib) == articles - grouped
    sizes = dict(lib.db.execute("SELECT id, size FROM stories"))
    counted = dict(lib.db.execute("SELECT story_id, count(*) FROM story_articles GROUP BY story_id"))
    assert sizes == counted


def test_a_quiet_feed_settles_as_if_its_articles_were_grouped_at_once(lib, at_once):
    ids = _fed(lib, _stream(N))
    assert pending(lib) == N - LIBRARY_FROM  # waiting for their window
    assert _partition(lib, ids) != at_once  # placed one at a time, they are grouped otherwise
    assert settle(lib) == N  # the 40 and the 50 before them, as one window
    assert pending(lib) == 0
    assert _partition(lib, ids) == at_once
    _consistent(lib)
    assert settle(lib) == 0  # settled: nothing more until articles land


def test_settling_keeps_the_ids_of_the_stories_that_come_back(lib):
    def groups() -> dict[int, frozenset[int]]:
        out: dict[int, set[int]] = {}
        for aid, sid in lib.db.execute("SELECT article_id, story_id FROM story_articles"):
            out.setdefault(sid, set()).add(aid)
        return {sid: frozenset(m) for sid, m in out.items()}

    _fed(lib, _stream(N))
    before = groups()
    settle(lib)
    after = groups()
    back = [sid for sid, m in before.items() if len(m) > 1 and m in after.values()]
    assert len(back) >= 3  # stories of several articles the window regrouped (every article left its story) ...
    assert all(after.get(sid) == before[sid] for sid in back)  # ... came back under the id they had


def test_the_next_window_starts_after_a_settle(lib):
    """The settled articles were their window's own: the next LIBRARY_FROM fed one at a time make the next one."""
    arts = _stream(N + LIBRARY_FROM)
    _fed(lib, arts[:N])
    settle(lib)
    for k, art in enumerate(arts[N:], 1):
        lib.add_many([art])
        group_new(lib)
        assert pending(lib) == (k if k < LIBRARY_FROM else 0)


class _Host:
    """What SourcesRefresh needs of the screen, run on this thread."""

    def __init__(self):
        self.app = self
        self.is_running = True
        self.is_attached = True

    def call_from_thread(self, fn, *args):
        fn(*args)

    def run_worker(self, *args, **kwargs):  # the run asked for meanwhile, started when a round ends: not run here
        pass


def test_the_app_settles_in_a_round_that_brings_nothing_and_never_while_articles_land(lib_path, at_once, monkeypatch):
    from tui.app.parts import sources

    arts = _stream(N)
    with Library(lib_path) as lib:
        ids = _fed(lib, arts[:N - 2])
    landing = [[arts[N - 2]], [arts[N - 1]], [], []]

    def scan(self, lib, lines, head):  # each round's watched-folder scan brings these
        got = landing.pop(0)
        for art in got:
            ids.append(lib.add_many([art])[0][1])
        return len(got)

    monkeypatch.setattr(sources.SourcesRefresh, "_scan", scan)
    settled: list[int] = []
    refresh = sources.SourcesRefresh(_Host(), lib_path, lambda: None, lambda *a: None, lambda: settled.append(1))

    def round_(queued=None) -> int:
        refresh._queued = queued
        refresh._stop = threading.Event()
        refresh._worker(None, True, False, False, refresh._stop)
        with Library(lib_path) as lib:
            return pending(lib)

    assert round_() == N - LIBRARY_FROM - 1  # an article landed: grouped, not settled
    assert round_() == N - LIBRARY_FROM and not settled
    assert round_((None, True, False, False)) == N - LIBRARY_FROM and not settled  # another round is asked for
    assert round_() == 0 and settled == [1]  # a round that brought nothing: settled, and the screen told
    with Library(lib_path) as lib:
        assert _partition(lib, ids) == at_once
        _consistent(lib)


def test_stories_on_the_command_line_settle_first(lib_path, at_once):
    import json

    with Library(lib_path) as lib:
        ids = _fed(lib, _stream(N))
    r = subprocess.run(newsreader_cmd() + ["stories", "--json"], capture_output=True, text=True, env=dict(os.environ),
                       timeout=120)
    assert r.returncode == 0, r.stderr
    where = {a: json.loads(line)["id"] for line in r.stdout.splitlines() for a in json.loads(line)["articles"]}
    groups: dict[int, set[int]] = {}
    for k, i in enumerate(ids):
        groups.setdefault(where[i], set()).add(k)
    assert {frozenset(g) for g in groups.values()} == at_once
    with Library(lib_path) as lib:
        assert pending(lib) == 0


def test_an_interrupted_settle_leaves_the_library_consistent_and_the_next_one_finishes_it(lib, at_once, monkeypatch):
    from tui.stories import grouping

    ids = _fed(lib, _stream(N))
    real = grouping._group

    def dies(lib, batch, jobs, kept=None, waiting=None):  # the app quits as the window is placed again
        raise KeyboardInterrupt

    monkeypatch.setattr(grouping, "_group", dies)
    with pytest.raises(KeyboardInterrupt):
        settle(lib)
    _consistent(lib)  # the window's articles left their stories in one transaction: they wait, counted
    monkeypatch.setattr(grouping, "_group", real)
    assert settle(lib) == N  # the lease was let go: the next quiet moment places them, as one batch
    assert _partition(lib, ids) == at_once and pending(lib) == 0
    _consistent(lib)


def test_an_article_another_process_stores_during_a_settle_is_grouped_and_waits_for_its_own_window(lib, lib_path,
                                                                                                   at_once, monkeypatch):
    """Another program stores an article while a window is regrouped: the window is written in one transaction
    (session 24) and computed aside, holding no write lock meanwhile (session 26), so the article is stored at once
    (it waited for the whole regroup), is not one of the window's articles (the window reads the library as it was
    when it began), is grouped by the next grouping and waits for its own window."""
    import threading

    from tui.stories import regroup_window

    arts = _stream(N + 1)
    ids = _fed(lib, arts[:N])
    real = regroup_window._forget
    other: list[int] = []
    writers: list[threading.Thread] = []

    def store_one() -> None:
        with Library(lib_path) as writer:  # another process adds an article (waiting for the window's lock)
            other.append(writer.add_many([arts[N]])[0][1])

    def forget_then_store(lib, fresh, kept=None):
        real(lib, fresh, kept)
        writers.append(threading.Thread(target=store_one))
        writers[0].start()
        writers[0].join(10)  # stored while the window is computed: no lock held (it waited until the window's end)
        assert other

    monkeypatch.setattr(regroup_window, "_forget", forget_then_store)
    assert settle(lib) == N
    writers[0].join(60)
    assert other and story_of(lib, other[0]) is None  # stored after the window, which did not see it
    _consistent(lib)
    assert _partition(lib, ids) == at_once
    monkeypatch.setattr(regroup_window, "_forget", real)
    assert group_new(lib) == 1 and story_of(lib, other[0]) is not None
    assert pending(lib) == 1  # in the next window
    _consistent(lib)


def test_a_rebuild_leaves_nothing_waiting_however_few_its_articles(lib):
    """A rebuild places every article at once: fewer than LIBRARY_FROM too, none waits for a window (a settle would
    only place them again as they are, and rewrite the stories `stories` is about to list)."""
    from tui.stories import rebuild

    _fed(lib, _stream(20))
    assert pending(lib) == 20
    rebuild(lib, jobs=0)
    assert pending(lib) == 0 and settle(lib) == 0
