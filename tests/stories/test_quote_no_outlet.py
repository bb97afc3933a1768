"""A quote from an article with no outlet (a pasted text, a watched folder's file) is said to come from "no outlet"
in one wording everywhere: the briefing said "(no outlet, 2026-12-08)" where the story view and the person page said
"— 2026-12-08", `story` nothing and `who` "[#11]" (session 38). Our own invented notes, added without an outlet."""

from __future__ import annotations

import json

from tests.stories.added_steps import run

BODIES = [
    ("Quenby Cross baths saved",
     "The council of Quenby Cross voted on Tuesday to save the old swimming baths on Mill Lane, which closed in March "
     "after the roof was found to be unsafe.\n\n"
     "\"We have kept the baths open for the children of this town,\" said Anwen Price, who led the campaign.\n\n"
     "A trust will run the baths on Mill Lane when they reopen in 2028."),
    ("Quenby Cross council votes to save Mill Lane baths",
     "Councillors in Quenby Cross voted on Tuesday to save the Mill Lane swimming baths, closed since March when the "
     "roof was found to be unsafe.\n\n"
     "\"The roof will be repaired first, and then the pool,\" Anwen Price said after the vote.\n\n"
     "The baths on Mill Lane are due to reopen in 2028, run by a trust."),
]
ADDED = "2026-12-06T10:00:00Z"


def _story(tmp_path) -> int:
    path = tmp_path / "notes.json"
    path.write_text(json.dumps([{"title": t, "body": b, "added_at": ADDED} for t, b in BODIES]), encoding="utf-8")
    r = run("add", str(path))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    [row] = [x for x in rows if len(x["articles"]) == 2]
    return row["id"]


def test_a_quote_with_no_outlet_says_so_everywhere(tmp_path, lib_path):
    story = _story(tmp_path)
    said = "We have kept the baths open for the children of this town"
    text = run("story", str(story)).stdout
    assert f"“{said}”  [no outlet]" in text, text
    md = run("story", str(story), "--format", "md").stdout
    assert f"“{said}” — Anwen Price (no outlet)" in md, md
    quotes = run("brief", "--quotes").stdout
    assert "— Anwen Price (no outlet)" in quotes, quotes
    who = run("who", "Anwen Price").stdout
    assert [x for x in who.splitlines() if said in x and x.endswith("  [no outlet, #1]")], who


def test_the_screens_say_no_outlet_under_such_a_quote(tmp_path, lib_path):
    from tui.app import copytext
    from tui.app.screens.person import _quote_where
    from tui.app.screens.story_items import _side
    from tui.models import local_day
    from tui.store import Library
    from tui.stories import story_summary
    from tui.stories.people import who

    story = _story(tmp_path)
    day = local_day(ADDED)
    lib = Library(lib_path)
    try:
        summary = story_summary(lib, story)
        person = who(lib, "Anwen Price")
    finally:
        lib.close()
    options, _names = _side(summary)
    unders = [str(o.prompt).split("\n")[-1].strip() for o in options if str(getattr(o, "id", "") or "").startswith("q:")]
    assert unders and all(x == f"— no outlet, {day}" for x in unders), unders
    assert person.quotes and all(_quote_where(q) == f"no outlet, {day}" for q in person.quotes), person.quotes
    copied = copytext.person_quotes_text(person).splitlines()
    assert copied and all(x.endswith(f"(no outlet, {day})") for x in copied), copied
