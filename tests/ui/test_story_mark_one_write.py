"""`m` on a story of the stories list writes its articles' read marks in one transaction, not one per article (a
story of 2,000 articles was 2,000 transactions, each a commit and a WAL sync, while the marks' queue held every
later mark behind them)."""

from __future__ import annotations

import threading

from pilot_steps import settle, started
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.store import Library


async def test_m_on_a_story_is_one_transaction(stories, make_app, monkeypatch):  # noqa: F811
    writes: list[str] = []
    transaction = Library.transaction

    def counted(self, *args, **kwargs):
        writes.append(threading.current_thread().name)
        return transaction(self, *args, **kwargs)

    app = make_app(stories)
    async with started(app, (120, 40), stories=True) as (pilot, main):
        row = next(main.articles.source.row(i) for i in range(len(main.articles.source))
                   if main.articles.source.row(i).size == 3)
        main.articles.cursor = next(i for i in range(len(main.articles.source))
                                    if main.articles.source.row(i).id == row.id)
        with Library(stories) as lib:
            members = [a for a, in lib.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (row.id,))]
            assert len(members) == 3 and any(not lib.get(a).read for a in members)
        monkeypatch.setattr(Library, "transaction", counted)
        await pilot.press("m")
        await settle(pilot)
        assert writes.count("read-marks") == 1, writes  # it was 3: one per article
        monkeypatch.setattr(Library, "transaction", transaction)
        with Library(stories) as lib:
            assert all(lib.get(a).read for a in members)
        assert main.articles.source.row(main.articles.cursor).unread == 0
        await pilot.press("m")  # all read: m marks them unread again, in one write too
        await settle(pilot)
        with Library(stories) as lib:
            assert not any(lib.get(a).read for a in members)
