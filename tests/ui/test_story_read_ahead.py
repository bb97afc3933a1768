"""The stories list reads the story under a resting cursor ahead, whatever its size: a story of more than 60 articles
was left to its opening (READ_AHEAD_MAX), from when a story summary read every article; it reads at most 60 now. And
a story the cursor came to rest on while another story was being read is read once that read ends (its own rest
found the reader busy, and nothing read it: `enter` there waited for its whole summary)."""

from __future__ import annotations

import threading

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
    read: list[int] = []
    gate = threading.Event()
    real = story_view.read_story

    def held(lib, story_id, *args, **kwargs):
        if story_id == big:
            gate.wait(10)  # the big story's read is still going when the cursor rests on the next story
        read.append(story_id)
        return real(lib, story_id, *args, **kwargs)

    monkeypatch.setattr(story_view, "read_story", held)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        await pilot.press("v")
        await settle(pilot)
        assert main.articles.current.id == big
        story_view.read_ahead(main, big)
        await wait_until(pilot, lambda: any(w.group == "story-ahead" and not w.is_finished for w in app.workers),
                         "the big story's read never started")
        await pilot.press("j")  # rests on the small story while the big one is read
        assert main.articles.current.id == small
        for _ in range(5):
            await pilot.pause(0.03)  # past its rest (STORY_REST): it found the reader busy
        assert small not in read
        gate.set()
        await wait_until(pilot, lambda: small in read, "the story rested on was not read once the other read ended")
