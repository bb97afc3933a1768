"""The text outputs of the command line cut a huge title or name with "…" as the app cuts it (a list's title at 200
cells, an outlet at 40, a person or source at 60, the article header's title at 300); `--json` keeps every one
whole. A feed may call itself anything and give an item a 2,000-character title: `list`, `stories`, `brief`,
`story`, `who`, `entities` and `show` printed them whole, one line of 2,000 characters (or 1,945, for a capitalised
run the tagger takes for one name)."""

from __future__ import annotations

import json
import os

import pytest

from tui.cli import main
from tui.models import Article
from tui.store import Library

HUGE_TITLE = "Wexmoor " * 250  # 2,000 characters
HUGE_OUTLET = "Evening Lantern " + "and Gazette " * 40
HUGE_BYLINE = "By " + "Dalia Fenwick and " * 30
HUGE_NAME = "Extraordinarily " * 120  # a capitalised run: one MISC entity of 1,919 characters

BODY = ("Councillors in Wexmoor voted on Tuesday to reopen the old ferry pier after a two-year closure, "
        "approving a repair plan worth 3.1 million pounds.\n\n"
        "The pier, built in 1902, was shut when divers found its timber piles rotting below the waterline. "
        "\"The town has waited long enough for its ferry,\" said Mayor Dalia Fenwick after the vote.\n\n"
        f"Repairs by Calder Marine are due to begin in April, the council said, and {HUGE_NAME}plans wait.")


@pytest.fixture
def huge(lib_path):
    from tui.stories import group_new

    with Library(lib_path) as lib:
        lib.add_many([
            # the huge title is the story's latest article's: the story's title (tui.store.stories._TITLE)
            Article(title=HUGE_TITLE, body=BODY, source=HUGE_OUTLET, byline=HUGE_BYLINE, published="2026-03-04"),
            Article(title="Ferry pier in Wexmoor to reopen", body=BODY.replace("Tuesday", "Tuesday evening"),
                    source=HUGE_OUTLET.replace("Evening", "Morning"), published="2026-03-03"),
        ])
        group_new(lib)
        story = lib.db.execute("SELECT id FROM stories ORDER BY id LIMIT 1").fetchone()[0]
    return story


def run(capsys, *args) -> list[str]:
    assert main(list(args)) == 0
    captured = capsys.readouterr()
    return captured.out.splitlines()


def longest(lines: list[str]) -> str:
    return max(lines, key=len)


def test_text_outputs_cut_huge_titles_and_names(huge, capsys):
    # list: the title at 200 cells (its source was already a 16-cell column)
    line = longest(run(capsys, "list"))
    assert "Wexmoor Wexmoor" in line and line.endswith("…") and len(line) <= 40 + 200, line
    # stories: the story's title likewise
    from tui.stories.commands import STORY_HEAD_CELLS  # (the figures before it: 50 cells, 55 with the unread cell)

    line = longest(run(capsys, "stories"))
    assert line.endswith("…") and len(line) <= STORY_HEAD_CELLS + 200, line
    # brief: the title, each outlet at 40 (sentences are the articles' own and whole)
    lines = run(capsys, "brief")
    heading = next(x for x in lines if "[story" in x)
    assert "Wexmoor Wexmoor" in heading and len(heading) <= 4 + 200 + 12 and "…" in heading, heading
    outlets = next(x for x in lines if x.strip().startswith("2 articles"))
    # (the figures' one wording: "2 articles · 2 unread · d1 to d2 · 2 outlets (A…, B…)", each name cut at 40 cells)
    assert "Evening Lantern and Gazette" in outlets and outlets.count("…") == 2 and len(outlets) < 155, outlets
    # story: the title, its outlets, the sentences' sources and the entity names
    lines = run(capsys, "story", str(huge))
    assert lines[0].endswith("…") and len(lines[0]) <= 200, lines[0]
    assert all(len(x) < 700 for x in lines), longest(lines)
    entities = next(x for x in lines if x.startswith("Entities: "))
    assert "Extraordinarily Extraordinarily" in entities and "… (other, " in entities, entities
    # who: the articles' titles, the outlets of each quote
    lines = run(capsys, "who", "Dalia Fenwick")
    assert lines[0].startswith("Dalia Fenwick (person)"), lines[0]
    assert all(len(x) <= 300 for x in lines), longest(lines)
    # entities: a name at 60 cells
    lines = run(capsys, "entities", "1")
    name = next(x for x in lines if "Extraordinarily" in x)
    assert name.endswith("… (1)") and len(name) <= 2 + 60 + 4, name
    # show: the header's title at 300, the source and byline at 60 each; the body whole
    lines = run(capsys, "show", "1")
    assert lines[0].endswith("…") and len(lines[0]) <= 300, lines[0]
    assert lines[1].count("…") == 2 and len(lines[1]) <= 60 + 3 + 60 + 3 + 10, lines[1]
    assert HUGE_NAME.strip() in "\n".join(lines)


def test_json_keeps_huge_titles_and_names_whole(huge, capsys):
    rows = [json.loads(x) for x in run(capsys, "list", "--json")]
    assert HUGE_TITLE in {r["title"] for r in rows} and HUGE_OUTLET in {r["source"] for r in rows}
    [story] = [json.loads(x) for x in run(capsys, "stories", "--json")]
    assert HUGE_OUTLET in story["sources"]
    page = json.loads(run(capsys, "story", str(huge), "--format", "json")[0])
    assert any(e["name"] == HUGE_NAME.strip() for e in page["entities"])
    article = json.loads(run(capsys, "show", "1", "--json")[0])
    assert (article["title"], article["source"], article["byline"]) == (HUGE_TITLE, HUGE_OUTLET, HUGE_BYLINE)


def test_feed_commands_cut_a_huge_feed_title(lib_path, capsys):
    """`feed list` cut a feed's title at 40 characters with no "…" (and a wide one overflowed its column); `feed
    remove`, `feed add` and `refresh` printed it whole."""
    from tui.store.feeds import add_feed

    with Library(lib_path) as lib:
        add_feed(lib, "http://127.0.0.1:9/lantern.xml", HUGE_OUTLET)
        add_feed(lib, "http://127.0.0.1:9/tokyo.xml", "東京新聞社会部編集局の夕刊ニュースと地域の話題")
    assert main(["feed", "list"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    if len(lines) != 3:  # seen once in a whole-suite run under load (IndexError below, cause unknown): say more
        from tui.store.feeds import list_feeds

        with Library(lib_path) as lib:
            stored = [f.url for f in list_feeds(lib)]
        raise AssertionError(f"feed list printed {lines!r}, stderr {captured.err!r}; NEWSREADER_DB="
                             f"{os.environ.get('NEWSREADER_DB')!r}, {lib_path} holds the feeds {stored}")
    assert lines[1].split("  ")[2] == "Evening Lantern and Gazette and Gazette…", lines[1]
    wide = lines[2][len("   2  "):]
    assert wide.startswith("東京新聞社会部編集局の夕刊ニュース") and "…" in wide, wide
    from tui.cells import width

    # the counts column starts at the same cell on both lines (the wide title takes its 40 cells, not 80)
    assert width(lines[1][:lines[1].index("0/0")]) == width(lines[2][:lines[2].index("0/0")]), lines
    [removed] = run(capsys, "feed", "remove", "1", "--keep-articles")
    assert removed.startswith("removed feed #1  Evening Lantern") and "…" in removed and len(removed) < 90, removed
    assert json.loads(run(capsys, "feed", "list", "--json")[0])["title"].startswith("東京")  # whole in JSON


def test_a_story_of_many_outlets_names_six_and_counts_the_rest(lib_path, capsys):
    """`story` and `brief` listed every outlet of a story on one line (forty outlets, up to 40 cells each); they name
    six and say how many more, as the story view does (`--format json` has them all)."""
    from tui.stories import group_new

    outlets = [f"Harbour Outlet {chr(65 + i)}" for i in range(8)]
    with Library(lib_path) as lib:
        lib.add_many([Article(title=f"Ferry pier in Wexmoor to reopen ({name})", source=name, published="2026-03-03",
                              body=BODY.replace("Tuesday", f"Tuesday, {name} reported,")) for name in outlets])
        group_new(lib)
        [(story, size)] = lib.db.execute("SELECT id, size FROM stories").fetchall()
        from tui.store.stories import story_row

        rows = story_row(lib, story).rows  # the articles as the library lists them: near-identical texts are twins
    assert size == 8 and 1 <= rows <= 8
    counted = f"{rows} article{'s' if rows != 1 else ''}"
    lines = run(capsys, "story", str(story))
    # the figures' one wording (tui.cells.story_figures): "N articles · N unread · 2026-03-03 · 8 outlets (A, … +2
    # more)" (the unread count as the story view's head says it, since session 36)
    assert lines[1].startswith(f"{counted} · {rows} unread · 2026-03-03 · 8 outlets (Harbour Outlet ") and lines[1].endswith(
        " +2 more)"), lines[1]
    assert lines[1].count("Harbour Outlet") == 6, lines[1]
    brief = run(capsys, "brief")
    assert any(x.strip().startswith(f"{counted} · {rows} unread · 2026-03-03 · 8 outlets (Harbour Outlet")
               and x.endswith(" +2 more)") for x in brief), brief
    page = json.loads(run(capsys, "story", str(story), "--format", "json")[0])
    assert sorted(page["sources"]) == outlets
