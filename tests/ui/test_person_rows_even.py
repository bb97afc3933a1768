"""The person page's article rows have one layout: the title (● unread, ★ starred) on its line or lines, then the
outlet and the day on a line of their own, as each quote's source is under it. The outlet followed the title where
both fit in the pane and went under it where not, so at 80x24 the rows were one line or two by turns."""

from __future__ import annotations

from pilot_steps import settle

from tui.app.screens.person import PersonScreen
from tui.stories.people import Person

ARTICLES = [  # (title, outlet, day): short titles that fit beside their outlet at 80 columns, and long ones
    ("Quay reopens", "Tideline", "2026-03-03"),
    ("Ferry crews at Ostravel Quay vote to strike over the winter timetable and the night sailings", "Harl Green Echo",
     "2026-03-02"),
    ("Crews vote", "Tideline", "2026-03-01"),
    ("Ostravel harbour master says the quay will not be ready before the spring tides come in", "Varnholt Post",
     "2026-02-27"),
]


async def rendered(pilot, widget) -> list[str]:
    """Every line of the list as drawn, a screenful at a time."""
    lines: list[str] = []
    while len(lines) < widget.virtual_size.height:
        widget.scroll_to(y=len(lines), animate=False, immediate=True)
        await pilot.pause()
        top = int(widget.scroll_y)
        lines = lines[:top] + [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
    return lines


async def test_every_article_row_has_its_outlet_under_its_title(library, make_app):
    person = Person(name="Maren Olsk", label="PERSON",
                    articles=[{"id": n, "title": t, "source": s, "day": d} for n, (t, s, d) in enumerate(ARTICLES, 1)],
                    quotes=[], timeline=[("2026-03", 3), ("2026-02", 1)])
    path, _ = library
    for size in ((80, 24), (200, 50)):
        app = make_app(path)
        async with app.run_test(size=size) as pilot:
            page = PersonScreen(path, person.name)
            await app.push_screen(page)
            await pilot.pause()
            page.loaded(person, "")
            await settle(pilot)
            lines = await rendered(pilot, page.query_one("#person-articles"))
            for title, outlet, day in ARTICLES:
                at = next(i for i, x in enumerate(lines) if f"{outlet}, {day}" in x)
                assert lines[at].strip() == f"{outlet}, {day}", (size, lines[at])  # a line of its own
                above = " ".join(x.strip() for x in lines[max(0, at - 3):at])
                assert above.endswith(title.split()[-1]), (size, lines[max(0, at - 3):at + 1])  # right under its title
