"""The summary pane and the copy keys show a summary line cut from a quotation of two sentences with its missing
quotation mark: 'According to Varga, "they ... a tide.' is shown (and copied by c and Y) closed, the next sentence
'Nobody ... forget it."' opened. The article body and the jump to the line keep the text as it is."""

from __future__ import annotations

from pilot_steps import opened_first, settle

from tui.models import Article
from tui.store import Library

FERRY = Article(
    title="Kessel ferry reopens after winter repairs",
    source="Ormund Coast News",
    published="2026-03-02",
    body=('The ferry line from Kessel to Ormund reopened on Monday after a winter of repairs. '
          'Harbour master Ilse Varga was pleased with the crews. According to Varga, "they worked through every storm '
          'of the winter and never missed a tide. Nobody in this port will forget it." The first crossing carried 212 '
          'passengers.\n\nTickets for the summer timetable went on sale on Friday at the harbour office.'),
)
CLOSED = 'According to Varga, "they worked through every storm of the winter and never missed a tide."'
OPENED = '"Nobody in this port will forget it."'


async def test_the_pane_c_and_y_show_both_halves_of_the_quotation_balanced(tmp_path, make_app, copied):
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.add_many([FERRY])
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, main):
        for _ in range(4):  # the summary's length up to where it holds both halves
            if len(main.analysis.summary.sentences) >= 5:
                break
            await pilot.press("+")
            await settle(pilot)
        raw = [s.text for s in main.analysis.summary.sentences]
        assert CLOSED[:-1] in raw and OPENED[1:] in raw, raw  # the engine's spans, as the body has them
        summary = main.summary
        shown = [summary.get_option_at_index(summary.get_option_index(f"s:{n}")).prompt.plain
                 for n in range(len(raw))]
        assert f"3. {CLOSED}" in shown and f"4. {OPENED}" in shown, shown
        await pilot.press("c")
        await settle(pilot)
        assert CLOSED in copied[-1].splitlines() and OPENED in copied[-1].splitlines(), copied
        await pilot.press("Y")
        await settle(pilot)
        assert f"- {CLOSED}" in copied[-1].splitlines() and f"- {OPENED}" in copied[-1].splitlines(), copied[-1]
