"""A story's summary is kept between openings while the story is unchanged (tui/stories/story_memo.py)."""

from __future__ import annotations

import pytest

from tests.stories.samples import STRIKE
from tui.models import Article
from tui.stories import group_new, story_of, story_summary
from tui.stories.story_memo import forget_kept, story_summary_kept


@pytest.fixture(autouse=True)
def _fresh():
    forget_kept()
    yield
    forget_kept()


def test_an_analysed_story_is_read_once_then_kept(filled, monkeypatch):
    lib, ids = filled
    strike = story_of(lib, ids[STRIKE[0].title])
    row, first = story_summary_kept(lib, strike)  # analyses computed and the summary kept
    assert first.analysed and row.id == strike
    assert first.sentences == story_summary(lib, strike).sentences
    import tui.stories.story as story_module

    monkeypatch.setattr(story_module, "story_summary", lambda *a, **k: pytest.fail("summary computed again"))
    again = story_summary_kept(lib, strike)
    assert again[1] is first


def test_a_story_that_changes_is_summarised_again(filled):
    lib, ids = filled
    strike = story_of(lib, ids[STRIKE[0].title])
    _, first = story_summary_kept(lib, strike)
    late = Article(title=STRIKE[0].title + " — talks resume", body=STRIKE[0].body + " Talks resume on Monday.",
                   source="Harbour Wire", published=STRIKE[0].published)
    (_, new_id), = lib.add_many([late])
    group_new(lib)
    assert story_of(lib, new_id) == strike
    _, second = story_summary_kept(lib, strike)
    assert second is not first and new_id in second.articles and new_id not in first.articles
    assert story_summary_kept(lib, strike, sentences=2)[1].sentences == story_summary(lib, strike, sentences=2).sentences


def test_a_partial_summary_is_not_kept(filled):
    lib, ids = filled
    strike = story_of(lib, ids[STRIKE[0].title])
    _, partial = story_summary_kept(lib, strike, analyse=False)  # nothing analysed yet: quotes and entities partial
    assert not partial.analysed
    _, full = story_summary_kept(lib, strike)
    assert full is not partial and full.analysed
    assert story_summary_kept(lib, 10_000) is None  # no such story


def test_asking_for_a_story_never_kept_reads_nothing(filled, monkeypatch):
    from tui.stories.story_memo import forget_kept, kept_story_summary, story_summary_kept

    lib, ids = filled
    forget_kept()
    sid = story_of(lib, ids[STRIKE[0].title])
    reads = []
    import tui.store.stories as store

    real = store.story_row
    monkeypatch.setattr(store, "story_row", lambda *a, **k: reads.append(a[1]) or real(*a, **k))
    assert kept_story_summary(lib, sid) is None and reads == []  # nothing kept: not even the story's row
    story_summary_kept(lib, sid)
    found = kept_story_summary(lib, sid)
    assert found is not None and found[0].id == sid and reads[-1] == sid
    assert kept_story_summary(lib, sid, sentences=3) is None  # another length is another summary


def test_two_threads_asking_for_one_summary_compute_it_once(filled, monkeypatch):
    """The story view reads a story ahead while the cursor rests on it; `enter` meanwhile asks for the same
    summary: it waits for that reading instead of computing the summary a second time beside it."""
    import threading

    import tui.stories.story as story_module
    from tui.store import Library

    lib, ids = filled
    strike = story_of(lib, ids[STRIKE[0].title])
    story_summary_kept(lib, strike)  # analyses cached (what is timed below is the summary only)
    forget_kept()
    real, calls, started = story_module.story_summary, [], threading.Event()

    def slow_summary(*args, **kwargs):
        calls.append(threading.current_thread().name)
        started.set()
        threading.Event().wait(0.3)  # a summary taking a while, so the second asker comes meanwhile
        return real(*args, **kwargs)

    monkeypatch.setattr(story_module, "story_summary", slow_summary)
    got = {}

    def ask(name: str) -> None:
        with Library(lib.path) as own:
            got[name] = story_summary_kept(own, strike)

    first = threading.Thread(target=ask, args=("ahead",), name="ahead")
    first.start()
    assert started.wait(5)
    ask("enter")
    first.join(5)
    assert calls == ["ahead"]  # computed once, by the first asker
    assert got["enter"][1] is got["ahead"][1]
