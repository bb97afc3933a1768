"""`newsreader stories | story | who | brief` through the installed command."""

from __future__ import annotations

import json
import os
import re
import subprocess

from command import newsreader_cmd

from tests.stories.added_steps import added_fixture, run
from tests.stories.samples import ALL, STRIKE


added = added_fixture(ALL)  # the samples, imported with `newsreader add`


def _stories():
    r = run("stories", "--json")
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_add_groups_and_stories_lists_them_as_json(added):
    rows = _stories()
    assert all(set(s) == {"id", "title", "articles", "sources", "first", "last", "unread"} for s in rows)
    strike = max(rows, key=lambda s: len(s["articles"]))
    assert len(strike["articles"]) == len(STRIKE) and strike["first"] == "2026-03-02" and strike["last"] == "2026-03-05"
    assert "Valley Courier" in strike["sources"]
    assert len(rows) == 5  # strike, recall and three unrelated pieces
    since = [json.loads(x) for x in run("stories", "--json", "--since", "2026-03-05").stdout.splitlines()]
    assert {s["id"] for s in since} < {s["id"] for s in rows} and strike["id"] in {s["id"] for s in since}
    text = run("stories")
    # headed by its latest report's title (a story's title follows it; it was its first report's "Dock workers …")
    assert text.returncode == 0 and "Port Calderon dockers accept" in text.stdout and "Dock workers" not in text.stdout
    # its dates as `story` and `brief` write a range (it was "2026-03-02..2026-03-05" in this list alone)
    line = next(x for x in text.stdout.splitlines() if "Port Calderon dockers accept" in x)
    assert f"  {strike['first']} to {strike['last']}  Port Calderon dockers accept" in line, line
    assert f"{strike['first']} to {strike['last']}" in run("story", str(strike["id"])).stdout
    # a story of one day says its day once, in every command (`story` wrote "2026-03-04 to 2026-03-04")
    day = next(s for s in rows if s["first"] == s["last"])
    one = run("story", str(day["id"])).stdout.splitlines()[1]
    # (the figures' one wording, tui.cells.story_figures: "1 article · 2026-03-05 · 1 outlet (Coastal Herald)")
    assert f" · {day['first']} · " in one and " to " not in one, one
    md = run("story", str(day["id"]), "--format", "md").stdout.splitlines()[2]
    # walk32: the head line Y copies, in the same words; the Markdown (a copy to share) leaves out the unread count
    # the text says as the story view does (walk36)
    assert " · 1 unread · " in one and md == f"*{one.replace(' · 1 unread', '')}*", (one, md)
    listed = next(x for x in text.stdout.splitlines() if x.split()[0] == str(day["id"]))
    assert f"  {day['first']}  " in listed and " to " not in listed, listed


def test_story_json_text_and_markdown(added):
    strike = max(_stories(), key=lambda s: len(s["articles"]))
    r = run("story", str(strike["id"]), "--sentences", "3", "--format", "json")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["id"] == strike["id"] and len(s["sentences"]) == 3
    assert all({"text", "article", "source"} <= set(x) for x in s["sentences"])
    assert all(x["article"] in strike["articles"] for x in s["sentences"])
    # one order for a story's articles: latest first (by day; these are all dated), as `stories --json` and the story
    # view list them; `story --format json` gave them oldest first, the reverse of `stories --json` (walk31)
    assert s["articles"] == strike["articles"], (s["articles"], strike["articles"])
    from tui.store import Library

    lib = Library(added)
    try:
        days = dict(lib.db.execute("SELECT article_id, day FROM story_articles WHERE story_id = ?", (strike["id"],)))
    finally:
        lib.close()
    assert s["articles"] == sorted(days, key=lambda a: (days[a], a), reverse=True) and len(set(days.values())) > 1
    assert any(q["speaker"] == "Marta Okonkwo" for q in s["quotes"])
    assert any(e["name"] == "Tomas Reyes" for e in s["entities"])
    words = run("story", str(strike["id"]), "--words", "40")
    assert words.returncode == 0 and "Coastal Herald" in words.stdout
    entities = next(x for x in words.stdout.splitlines() if x.startswith("Entities: "))
    # the app's words, each count with its unit: it said "Tomas Reyes (PERSON, 4)"
    assert "Tomas Reyes (person, " in entities and "PERSON" not in entities and " articles)" in entities, entities
    md = run("story", str(strike["id"]), "--format", "md")
    assert md.stdout.startswith("# Port Calderon dockers accept") and "## Key quotes" in md.stdout  # walk32: as Y copies it


def test_who_and_brief(added):
    r = run("who", "Okonkwo", "--json")
    assert r.returncode == 0, r.stderr
    p = json.loads(r.stdout)
    assert p["name"] == "Marta Okonkwo" and len(p["articles"]) == len(STRIKE)
    assert p["quotes"][0]["day"] == "2026-03-05"  # newest first
    text = run("who", "Okonkwo").stdout.splitlines()[0]
    # the articles as the library lists them: the samples' wire report printed by two outlets is one (--json: all 5)
    assert text.startswith("Marta Okonkwo (person) — 4 articles") and "also written -" not in text, text
    together = next(x for x in run("who", "Okonkwo").stdout.splitlines() if x.startswith("Appears with: "))
    assert "Tomas Reyes (person, 4 articles)" in together, together  # it said "Tomas Reyes (4)"
    b = run("brief", "--format", "md")
    assert b.returncode == 0 and b.stdout.startswith("# Briefing") and "## 1. Port Calderon dockers accept" in b.stdout
    # each story's quote says where it was said, as the story view does (it named the speaker alone)
    sources = {x for s in _stories() for x in s["sources"]}
    for said, opening in ((b.stdout, "> “"), (run("brief").stdout, "   “")):
        quotes = [x for x in said.splitlines() if x.startswith(opening)]
        assert quotes, said
        for x in quotes:
            where = re.search(r"” — [^(]*\((.+), (2026-\d\d-\d\d)\)$", x)
            assert where and all(o in sources for o in where.group(1).split(", ")), x


def test_brief_takes_the_sentences_a_story_the_briefing_screen_shows(added):
    """The briefing screen's + / - set the sentences a story, and its copy toast names `newsreader brief`, which had
    no way to print that briefing: `--sentences N`."""
    def bullets(*args) -> list[int]:
        out = run("brief", "--format", "md", *args).stdout.split("\n## ")[1:]
        return [sum(line.startswith("- ") for line in part.splitlines()) for part in out]

    default, one = bullets(), bullets("--sentences", "1")
    assert one and all(n == 1 for n in one) and max(default) == 3, (default, one)
    assert run("brief", "--sentences", "0").returncode == 2


def test_errors_are_one_line(added):
    for args in (["story", "9999"], ["who", "Nobody Known"]):
        r = run(*args)
        assert r.returncode == 1 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, (args, r.stderr)
    for args in (["story", "abc"], ["brief", "--since", "whenever"]):  # usage errors (a --since was exit 1)
        r = run(*args)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr, (args, r.stderr)


def test_rebuild(added):
    before = _stories()
    r = run("stories", "--rebuild")
    assert r.returncode == 0 and "regrouped 11 articles into 5 stories" in r.stderr
    after = _stories()
    assert sorted(len(s["articles"]) for s in after) == sorted(len(s["articles"]) for s in before)


def test_stories_text_lines_agree_with_the_json_lists(added):
    """The text lines read each story's stored figures; the JSON reads its articles: the two must agree. The text
    counts articles as the library lists them (a text printed by two outlets once: `list --json`'s twins), the JSON
    gives every record's id."""
    by_id = {s["id"]: s for s in _stories()}
    listed = run("list", "--json")
    assert listed.returncode == 0, listed.stderr
    twins = {t for row in map(json.loads, listed.stdout.splitlines()) for t in row.get("twins") or []}
    r = run("stories")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == len(by_id)
    for line in lines:
        ident, _unread, size, _, outlets, _ = re.match(r"\s*(\d+)\s+(•\S+\s+)?(\d+) (art)\s+(\d+) (src)", line).groups()
        story = by_id[int(ident)]
        shown = [a for a in story["articles"] if a not in twins]
        assert (int(size), int(outlets)) == (len(shown), len(story["sources"]))
    assert twins and any(set(s["articles"]) & twins for s in by_id.values())  # the samples have a twin


def test_who_cuts_a_long_source_with_an_ellipsis(added):
    """`who`'s article lines cut the source at 16 cells silently ("The Evening Gaze"); `list` ends a cut one with
    "…", and so does `who` now."""
    from tui.store import Library

    with Library(added) as lib:
        lib.db.execute("UPDATE articles SET source = 'Coastal Herald of the Northern Bays' WHERE source = 'Coastal Herald'")
        lib.db.commit()
    lines = run("who", "Okonkwo").stdout.splitlines()
    articles = lines[lines.index("Articles:") + 1:]
    articles = articles[:articles.index("")]
    cut = [x for x in articles if "Coastal Herald" in x]
    assert cut and all("Coastal Herald …" in x for x in cut), lines


def test_an_article_without_a_source_shows_its_date_alone(added):
    """A pasted text or a watched folder's file has no source: the briefing and the story printed "(no source,
    2026-03-05)" where the app's screens show "(2026-03-05)"; now the command line does as the screens do. (The
    briefing's bullets, `brief` and the screen alike, say "(no outlet, 2026-03-05)" since session 35: a bare date read
    as the sentence's; tests/stories/test_story_stands.py; and so do `story`, its Markdown and the story view since
    session 36: one form, tui.cells.said_where.)"""
    from tui.store import Library

    with Library(added) as lib:
        lib.db.execute("UPDATE articles SET source = '' WHERE source IN ('Coastal Herald', 'Northbay Times')")
        lib.db.commit()
    strike = max(_stories(), key=lambda s: len(s["articles"]))
    outputs = [run("brief", "--format", "md").stdout, run("brief").stdout,
               run("story", str(strike["id"]), "--sentences", "5").stdout,
               run("story", str(strike["id"]), "--sentences", "5", "--format", "md").stdout,
               run("who", "Okonkwo").stdout]
    assert all(out.strip() for out in outputs)
    assert not [out for out in outputs if "no source" in out], outputs
    story_md = outputs[3]
    assert "*(no outlet, 2026-03-0" in story_md, story_md
    assert "[no outlet, 2026-03-0" in outputs[2], outputs[2]


def test_who_names_nobody_without_sending_the_reader_to_analyse_the_library(added, tmp_path):
    """`who` analyses the articles that hold the name's last word itself; when none names it, it said "(run
    `newsreader analyze` first?)", as it did in an empty library: analysing everything finds no one either."""
    r = run("who", "Okonkwo Nobody")
    assert r.returncode == 1 and r.stderr == "newsreader: error: no entity named 'Okonkwo Nobody' in the library\n", r.stderr
    empty = dict(os.environ, NEWSREADER_DB=str(tmp_path / "empty.db"))
    r = subprocess.run(newsreader_cmd() + ["who", "Marta Okonkwo"], capture_output=True, text=True, env=empty,
                       timeout=120)
    assert r.returncode == 1 and r.stderr == "newsreader: error: no entity named 'Marta Okonkwo': the library is empty\n", r.stderr


def test_stories_says_how_many_articles_of_each_story_are_unread(added):
    """walk33: the app's stories list marks each story's unread articles ("●2"), the briefing and `brief` say "2
    unread", but `stories` said nothing of it, text or JSON: a reader of the command line could not tell which stories
    had news since they last read. Now a row says "•2" after its id (nothing when every article is read, as the app's
    list), and JSON gives "unread": the articles as the library lists them (a text two outlets printed once)."""
    from tui.store import Library

    strike = max(_stories(), key=lambda s: len(s["articles"]))
    listed = [json.loads(x) for x in run("list", "--json").stdout.splitlines()]
    rows = [row for row in listed if row["id"] in strike["articles"]]  # the strike's rows: its twins are not rows
    assert len(rows) >= 3
    with Library(added) as lib:  # the reader read two of the strike's articles (and every copy of their texts)
        for row in rows[:2]:
            for ident in [row["id"], *(row.get("twins") or [])]:
                lib.set_read(ident, True)
    for story in _stories():
        if story["id"] == strike["id"]:
            assert story["unread"] == len(rows) - 2, story
        else:
            assert story["unread"] == len({a for a in story["articles"]} - {t for r in listed for t in r.get("twins") or []}), story
    lines = {int(x.split()[0]): x for x in run("stories").stdout.splitlines()}
    assert re.match(rf"\s*{strike['id']}\s+•{len(rows) - 2}\s+{len(rows)} art ", lines[strike["id"]]), lines[strike["id"]]
    with Library(added) as lib:
        for ident in strike["articles"]:
            lib.set_read(ident, True)
    assert next(s for s in _stories() if s["id"] == strike["id"])["unread"] == 0
    line = next(x for x in run("stories").stdout.splitlines() if int(x.split()[0]) == strike["id"])
    assert "•" not in line and re.match(rf"\s*{strike['id']}\s+{len(rows)} art ", line), line


def test_who_marks_the_unread_articles_as_list_and_the_entity_page_do(added):
    """walk33: the entity page marks a person's unread articles "●", `list` marks them "•", `who` said nothing of
    read or unread: a reader following a person from the command line could not tell what they had not read yet.
    Its article rows now start "•" when unread (in the cell its indent had), and JSON gives each article's "read"."""
    from tui.store import Library

    people = json.loads(run("who", "Okonkwo", "--json").stdout)
    ids = [a["id"] for a in people["articles"]]
    assert len(ids) >= 2 and all(a["read"] is False for a in people["articles"]), people["articles"]
    with Library(added) as lib:
        lib.set_read(ids[0], True)
    people = json.loads(run("who", "Okonkwo", "--json").stdout)
    assert {a["id"]: a["read"] for a in people["articles"]} == {i: i == ids[0] for i in ids}
    lines = run("who", "Okonkwo").stdout.splitlines()
    rows = lines[lines.index("Articles:") + 1:]
    rows = {int(re.search(r"#(\d+)", x).group(1)): x for x in rows[:rows.index("")]}
    assert rows[ids[0]].startswith("  2026-") and all(rows[i].startswith("• 2026-") for i in rows if i != ids[0]), rows


def test_story_lists_its_articles_and_marks_the_unread(added):
    """walk33: the story view lists a story's articles, latest first, "●" on the unread; `story` named an article only
    by the id of a summary line, and said nothing of what was unread: a reader of `brief` who went on to `story ID`
    could not tell which of its reports were new to them, nor which ids to `show`. Its text now lists them after what's
    new, as the story view does (a text two outlets printed once, naming both), "•" on the unread as `list` marks
    them; JSON and Markdown stay as they were."""
    from tui.store import Library

    listed = {row["id"]: row for row in map(json.loads, run("list", "--json").stdout.splitlines())}
    story = next(s for s in _stories() if any(listed.get(a, {}).get("twins") for a in s["articles"]))
    rows = [a for a in story["articles"] if a in listed]  # the story's rows: latest first, its copies not rows
    with Library(added) as lib:
        lib.set_read(rows[-1], True)
    lines = run("story", str(story["id"])).stdout.splitlines()
    block = lines[lines.index("Articles:") + 1:]
    block = block[:block.index("")] if "" in block else block
    assert [int(re.search(r"#(\d+)", x).group(1)) for x in block] == rows, (block, rows)
    for ident, x in zip(rows, block):
        assert x.startswith("  " if ident == rows[-1] else "• "), x
        assert listed[ident]["title"][:20] in x, x
    twin = next(a for a in rows if listed[a].get("twins"))
    assert "+1" in block[rows.index(twin)], block  # the copy's outlet named on its text's row
    assert lines.index("Articles:") < lines.index("Quotes:")
    assert "Articles:" not in run("story", str(story["id"]), "--format", "md").stdout


def test_stories_says_no_outlets_as_the_app_list_does(added):
    """walk36: `stories` said "0 src" of a story none of whose articles names its source (notes), where the app's
    stories list says "– src": one form in both (tui.cells.outlets_count)."""
    from tui.store import Library

    with Library(added) as lib:
        lib.db.execute("UPDATE articles SET source = ''")
        lib.db.commit()
    lines = run("stories").stdout.splitlines()
    assert lines and all(re.search(r" art +– src  ", x) for x in lines), lines
    assert not [x for x in lines if " 0 src" in x], lines


def test_story_heads_say_its_unread_articles_as_the_story_view_does(added):
    """walk36: the story view's head says "3 articles · 3 unread · ..." (the briefing's figures too); `story ID`'s
    said "3 articles · ..." whatever was read. Its text head now counts the unread articles in the same words (a text
    two outlets printed once, as its Articles list), and says none when every article is read, as the view."""
    from tui.store import Library

    strike = max(_stories(), key=lambda s: len(s["articles"]))
    lines = run("story", str(strike["id"])).stdout.splitlines()
    rows = lines[lines.index("Articles:") + 1:]
    rows = rows[:rows.index("")] if "" in rows else rows
    assert len(rows) >= 3 and all(x.startswith("• ") for x in rows), rows
    assert lines[1].startswith(f"{len(rows)} articles · {len(rows)} unread · 2026-03-02 to 2026-03-05 · "), lines[1]
    with Library(added) as lib:
        for ident in strike["articles"][:1]:
            lib.set_read(ident, True)
    lines = run("story", str(strike["id"])).stdout.splitlines()
    read = [x for x in lines[lines.index("Articles:") + 1:] if x.startswith("  2026-")]
    assert read and lines[1].startswith(f"{len(rows)} articles · {len(rows) - len(read)} unread · "), lines
    with Library(added) as lib:
        for ident in strike["articles"]:
            lib.set_read(ident, True)
    head = run("story", str(strike["id"])).stdout.splitlines()[1]
    assert "unread" not in head and head.startswith(f"{len(rows)} articles · 2026-03-02 to 2026-03-05 · "), head


def test_stories_marks_a_story_of_notes_as_the_app_list_does(added):
    """walk36: a story none of whose articles has a date of its own (notes: its days are the days they were added)
    is marked "~" in the stories list, as the library marks such an article's date; `stories` marks it too, and only
    it. JSON keeps "first" and "last" as they are."""
    from tui.models import Article
    from tui.store import Library

    with Library(added) as lib:
        lib.add_many([Article(title="Ossvale weir gates stuck open", source="", published="",
                              body="The weir gates at Ossvale stuck open overnight and the mill leat ran dry."),
                      Article(title="Ossvale weir gates still stuck", source="", published="",
                              body="The Ossvale weir gates stuck open overnight; the mill leat stayed dry by noon.")])
    lines = run("stories").stdout.splitlines()
    notes = [x for x in lines if "Ossvale" in x]
    [row] = [s for s in _stories() if s["title"].startswith("Ossvale")]
    assert len(notes) == 1 and f" src ~{row['first']}  " in notes[0], lines
    # the mark sits in the gap before the dates: the titles stay in one column (STORY_HEAD_CELLS)
    from tui.stories.commands import STORY_HEAD_CELLS

    assert all(x[STORY_HEAD_CELLS - 2:STORY_HEAD_CELLS] == "  " and x[STORY_HEAD_CELLS] != " " for x in lines), lines
    assert not [x for x in lines if "~" in x and "Ossvale" not in x], lines
    assert "~" not in row["first"] + row["last"]
