"""The stories list reads the story under a resting cursor ahead, whatever its size: a story of more than 60 articles
was left to its opening (READ_AHEAD_MAX), from when a story summary read every article; it reads at most 60 now. And
a story the cursor came to rest on while another story was being read is read once that read ends (its own rest
found the reader busy, and nothing read it: `enter` there waited for its whole summary)."""

from __future__ import annotations

import threading

import pytest

from pilot_steps import settle, wait_until

from tui.models import Article
from tui.store import Library
from tui.store import stories as store
from tui.store.stories import Member

BIG = 61  # articles: one more than the limit there was


def make_big_story_library(path) -> tuple[int, int]:
    """Two stories of short made-up reports: a big one (BIG articles, the newest) and a small one; their ids."""
    with Library(path) as lib:
        arts = [Article(title=f"Tide gauge report {i} from Marrow Bay", source=f"Coast Outlet {i % 7}",
                        body=f"Tide gauge {i} at Marrow Bay read higher than forecast on the morning of the survey. "
                             f"Harbour staff logged reading {i} and sent it to the regional office.",
                        published=f"2026-02-{1 + i % 20:02d}")
                for i in range(BIG)]
        arts += [Article(title="Ferry timetable changes at Oster Quay", source="Quay Weekly",
                         body="The ferry company published a new winter timetable for Oster Quay on Monday. "
                              "Two early sailings move half an hour later from next month.",
                         published="2026-01-05")]
        ids = [ident for _, ident in lib.add_many(arts)]
        members = [Member(aid, 1 if i < BIG else 2, arts[i].published, {"tide": 0.5}, [1, 2, 3])
                   for i, aid in enumerate(ids)]
        stories = [(1, arts[0].title, "2026-02-01", "2026-02-20", BIG, {"tide": 0.5}),
                   (2, arts[-1].title, "2026-01-05", "2026-01-05", 1, {"ferry": 0.5})]
        store.save_groups(lib, members, stories)
        store.remember_story_ids(lib, 2)
    return 1, 2


def _held_reads(monkeypatch, story_view, big: int) -> tuple[list[int], threading.Event]:
    """The stories read (ids, in order), the big story's read held until the event is set."""
    read: list[int] = []
    gate = threading.Event()
    real = story_view.read_story

    def held(lib, story_id, *args, **kwargs):
        if story_id == big:
            gate.wait(10)  # the big story's read is still going when the cursor rests on the next story
        read.append(story_id)
        return real(lib, story_id, *args, **kwargs)

    monkeypatch.setattr(story_view, "read_story", held)
    return read, gate


async def _rested_on_small_while_big_is_read(pilot, story_view, big: int, small: int) -> None:
    """Stories shown, the big story's read ahead started (and held), then `j`: the cursor rests on the small one."""
    app = pilot.app
    main = app.screen
    await pilot.press("v")
    await settle(pilot)
    assert main.articles.current.id == big
    story_view.read_ahead(main, big)
    await wait_until(pilot, lambda: any(w.group == "story-ahead" and not w.is_finished for w in app.workers),
                     "the big story's read never started")
    await pilot.press("j")  # rests on the small story while the big one is read
    assert main.articles.current.id == small


async def test_a_story_of_more_than_60_articles_is_read_ahead(tmp_path, make_app, monkeypatch):
    from tui.app.screens import story as story_view

    path = tmp_path / "library.db"
    big, _small = make_big_story_library(path)
    read: list[int] = []
    real = story_view.read_story

    def counted(lib, story_id, *args, **kwargs):
        read.append(story_id)
        return real(lib, story_id, *args, **kwargs)

    monkeypatch.setattr(story_view, "read_story", counted)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        await pilot.press("v")
        await settle(pilot)
        assert main.articles.current.id == big and main.articles.current.size == BIG
        story_view.read_ahead(main, big)  # the cursor rests on it
        await wait_until(pilot, lambda: big in read, "the big story under the resting cursor was never read ahead")


async def test_a_story_rested_on_while_another_is_read_is_read_after_it(tmp_path, make_app, monkeypatch):
    from tui.app.screens import story as story_view

    path = tmp_path / "library.db"
    big, small = make_big_story_library(path)
    read, gate = _held_reads(monkeypatch, story_view, big)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await _rested_on_small_while_big_is_read(pilot, story_view, big, small)
        for _ in range(5):
            await pilot.pause(0.03)  # past its rest (STORY_REST): it found the reader busy
        assert small not in read
        gate.set()
        await wait_until(pilot, lambda: small in read, "the story rested on was not read once the other read ended")


async def test_a_story_rested_on_is_read_though_the_read_before_it_is_slow_to_end(tmp_path, make_app, monkeypatch):
    """The read that ends asks for the story under the cursor while its worker is still finishing; under load it
    was still running when that story's rest was over, which found the reader busy and read nothing, ever."""
    from tui.app.parts import threads
    from tui.app.screens import story as story_view

    path = tmp_path / "library.db"
    big, small = make_big_story_library(path)
    read, gate = _held_reads(monkeypatch, story_view, big)
    real_deliver = threads.deliver

    def slow_to_end(host, callback, *args):
        real_deliver(host, callback, *args)
        if threading.current_thread() is not threading.main_thread():
            threading.Event().wait(0.4)  # the worker's thread, descheduled after it delivered: still "running"

    monkeypatch.setattr(threads, "deliver", slow_to_end)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await _rested_on_small_while_big_is_read(pilot, story_view, big, small)
        gate.set()
        await wait_until(pilot, lambda: small in read, "the story rested on was never read")
        assert read.count(small) == 1, read


async def _rested_on_a_read_ahead_story(pilot, story_view, big):
    """The story view opened once (kept), back to the list, the cursor resting on the big story until its read ahead
    has prepared the view; returns the kept view."""
    app = pilot.app
    main = app.screen
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("enter")
    await wait_until(pilot, lambda: getattr(app.screen, "summary", None) is not None, "the story view never opened")
    view = app.screen
    await pilot.press("escape")
    await settle(pilot)
    assert app.screen is main and main.articles.current.id == big
    story_view.read_ahead(main, big)
    await wait_until(pilot, lambda: view._ahead is not None, "the read ahead never prepared the story view")
    return main, view


async def test_enter_on_a_story_read_ahead_reads_nothing_on_the_ui_thread(tmp_path, make_app, monkeypatch):
    """`enter` on a story read ahead read its row and every article's row again on the UI thread before the view
    showed them (40-120 ms at 1,000 articles): it shows what the read ahead read, and checks it afterwards in a
    worker."""
    from tui.app.screens import story as story_view

    path = tmp_path / "library.db"
    big, _small = make_big_story_library(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main, view = await _rested_on_a_read_ahead_story(pilot, story_view, big)
        ui = threading.get_ident()
        reads: list[bool] = []  # per read of article rows: on the UI thread?
        before: list[bool] = []  # the same, of the reads made before the story was shown

        def shown() -> bool:
            return app.screen is view and view.summary is not None

        def read(lib, ids):
            reads.append(threading.get_ident() == ui)
            if not shown():
                before.append(reads[-1])
            return real(lib, ids)

        real = Library.rows_by_id
        monkeypatch.setattr(Library, "rows_by_id", read)
        await pilot.press("enter")
        await wait_until(pilot, shown, "the story was not shown")
        # (the check 0.3 s after may have read them by now, under load: it reads after the story is shown)
        assert before == [], before
        articles = [str(view.query_one("#story-text").get_option_at_index(i).prompt)
                    for i in range(view.query_one("#story-text").option_count)]
        assert sum("Tide gauge report" in a for a in articles) >= BIG, articles
        await wait_until(pilot, lambda: reads, "the story shown from its read ahead was never checked")
        await settle(pilot)
        assert reads and not any(reads), reads  # checked, in a worker


@pytest.mark.parametrize("written_meanwhile", [False, True])
async def test_a_mark_given_after_the_read_ahead_is_shown_when_the_story_opens(tmp_path, make_app, monkeypatch,
                                                                               written_meanwhile):
    """What the read ahead read is shown only while no read or star mark was given since: the story's articles are
    read again then (the mark shows in the view's first frame). `written_meanwhile`: the mark's write lands while
    the rows are read (read before it, shown after the writer took the mark off its queue: the article showed unread,
    in CI under load); the marks queued when the rows were read count for them."""
    from tui.app.screens import story as story_view

    path = tmp_path / "library.db"
    big, _small = make_big_story_library(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main, view = await _rested_on_a_read_ahead_story(pilot, story_view, big)
        with Library(path) as lib:
            first = lib.rows_by_id([m for m in store.story_row(lib, big).article_ids])[0]
        assert not first.read
        landed: list[bool] = []
        if written_meanwhile:
            real = story_view._kept_now

            def read_then_written(lib, story_id):
                found = real(lib, story_id)  # read before the mark is written...
                landed.append(main.marks.settle(10))  # ...which lands now, before the rows are shown
                return found

            monkeypatch.setattr(story_view, "_kept_now", read_then_written)
        main.marks.set(first.id, "read", True)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is view and view.summary is not None, "the story was not shown")
        assert view._ahead is None
        lines = {o.id: str(o.prompt) for o in view.query_one("#story-text").options if (o.id or "").startswith("a:")}
        assert "●" not in lines[f"a:{first.id}"], lines[f"a:{first.id}"]
        assert sum("●" in line for line in lines.values()) == BIG - 1, lines  # the others unread, as read ahead
        assert landed == ([True] if written_meanwhile else [])


async def test_a_story_rested_on_again_is_not_built_again(tmp_path, make_app, monkeypatch):
    """Each rest on a story built and wrapped its lists again in the read ahead's thread (40-110 ms of Python at
    hundreds of articles, a key pressed meanwhile waiting for the GIL): lists the view keeps for the same summary and
    marks are taken as they are."""
    from tui.app.screens import story as story_view

    path = tmp_path / "library.db"
    big, _small = make_big_story_library(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main, view = await _rested_on_a_read_ahead_story(pilot, story_view, big)
        built, read = [], []
        real_build, real_read, real_kept = story_view.build, story_view.read_story, story_view._kept_now
        monkeypatch.setattr(story_view, "build", lambda *a: built.append(1) or real_build(*a))
        # the story read once, as kept (_kept_now) or by read_story, whichever the read ahead asks first
        monkeypatch.setattr(story_view, "read_story", lambda *a: read.append(1) or real_read(*a))
        monkeypatch.setattr(story_view, "_kept_now", lambda *a: read.append(1) or real_kept(*a))
        view._ahead = None
        story_view.read_ahead(main, big)  # the cursor rests on it again
        await wait_until(pilot, lambda: view._ahead is not None, "the second read ahead never prepared the view")
        assert built == [] and read == [1], (built, read)  # read (its marks checked), not built
