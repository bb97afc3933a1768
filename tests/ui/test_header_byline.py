"""An article's header names its source and byline once: a feed whose items give the feed itself as their author
showed "Green Ledger · Green Ledger", and a paper's staff line ("Green Ledger Staff", the text dumps' byline) read
"Green Ledger · Green Ledger Staff", the paper's name twice and the second time as if it were a writer's. `show` and
the Markdown copy (`Y`) name them the same way."""

from __future__ import annotations

from tui.app.copytext import markdown
from tui.app.widgets.article_body import header_lines
from tui.models import Article

BODY = "Engineers breached a dike near Tulcea on Saturday, letting water into old rice fields, the trust said."


def meta(source: str, byline: str) -> str:
    article = Article(title="River dikes breached to restore wetlands", body=BODY, source=source, byline=byline,
                      published="2026-01-14")
    return header_lines(article)[1][0]


def test_a_byline_that_is_the_source_or_its_staff_names_the_paper_once():
    assert meta("Green Ledger", "Green Ledger") == "Green Ledger · 2026-01-14"
    assert meta("Green Ledger", "green ledger") == "Green Ledger · 2026-01-14"
    assert meta("Green Ledger", "Green Ledger Staff") == "Green Ledger Staff · 2026-01-14"
    assert meta("The Green Ledger", "The Green Ledger Newsroom") == "The Green Ledger Newsroom · 2026-01-14"
    # one of its desks or teams (the seed's "Northern Courier · Northern Courier Health Desk")
    assert meta("Northern Courier", "Northern Courier Health Desk") == "Northern Courier Health Desk · 2026-01-14"
    assert meta("Green Ledger", "Green Ledger Science Team") == "Green Ledger Science Team · 2026-01-14"


def test_other_bylines_stay_beside_the_source():
    # a wire story under another paper's staff line, a writer whose name starts like the paper's, no source at all
    assert meta("AFP", "Rio Times Staff") == "AFP · Rio Times Staff · 2026-01-14"
    assert meta("Green", "Green Ledger Staff") == "Green · Green Ledger Staff · 2026-01-14"
    assert meta("Green Ledger", "Green Ledger Jones") == "Green Ledger · Green Ledger Jones · 2026-01-14"
    assert meta("", "Ioana Munteanu") == "Ioana Munteanu · 2026-01-14"
    assert meta("Green Ledger", "Ioana Munteanu") == "Green Ledger · Ioana Munteanu · 2026-01-14"


def test_show_and_the_markdown_copy_name_them_once(lib, capsys):
    from tui.cli import main

    article = Article(title="River dikes breached to restore wetlands", body=BODY, source="Green Ledger",
                      byline="Green Ledger Staff", published="2026-01-14")
    assert markdown(article, None).splitlines()[2] == "*Green Ledger Staff, 2026-01-14*"
    lib.add(article)
    assert main(["show", "1"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Green Ledger Staff · 2026-01-14"
