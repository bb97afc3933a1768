"""A story dated ahead of the clock (an article dated 2100) is first in the stories list, and the narrow rows wrote
every day of the list's latest year without its year: they took 2100 as that year, so this year's stories showed
"2026" alone, not their day."""

from __future__ import annotations

from datetime import date

from pilot_steps import started

from tui.models import Article
from tui.store import Library
from tui.stories import group_new


async def test_this_years_stories_show_their_day_beside_one_dated_2100(tmp_path, make_app):
    path = tmp_path / "ahead.db"
    today = date.today()
    with Library(path) as lib:
        lib.add_many([
            Article(title="Lighthouse keepers plan a centenary regatta", source="Almanac", published="2100-01-01",
                    body="The lighthouse keepers of Brisa Point will hold a regatta for their centenary. " * 6),
            Article(title="Quay market reopens after the storm", source="Harbour Post", published=today.isoformat(),
                    body="Traders on the quay at Port Ellin reopened their stalls after the storm passed. " * 6),
        ])
        group_new(lib)
    async with started(make_app(path), (160, 48), stories=True) as (_pilot, screen):
        listing = screen.articles
        assert listing.size.width < 76  # the narrow rows: one day in five cells
        rows = ["".join(seg.text for seg in listing.render_line(y)) for y in range(2)]
        quay = next(r for r in rows if "Quay market" in r)
        assert f" {today:%m-%d} " in quay, rows
        assert " 2100 " in next(r for r in rows if "Lighthouse" in r), rows  # another year than this: the year
