"""A story's figures in one wording everywhere (issue 13, walk32 #4): the story view's head said "4 articles · d1 – d2 ·
4 outlets (…)", `story` "4 articles, A, B, C, D; d1 to d2", `brief` "4 articles, 3 unread, d1 to d2; A, B", its
Markdown "*4 articles, 3 unread, … — A, B*" and the story's Markdown "*4 articles from A, B · d1 to d2*". Now each is
tui.cells.story_figures: "4 articles · 3 unread · d1 to d2 · 4 outlets (A, B, C, D)", the unread count in the
briefing's, the names whole in Markdown; and the view's head shortens its outlets one way at any width ("+2 more";
it said "+2" where narrow). Our own invented story (tests/stories/latest_turn_samples.py) through the CLI."""

from __future__ import annotations

import json
import re

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.latest_turn_samples import BRIDGE

SPAN = "2026-11-30 to 2026-12-03"
OUTLETS = "4 outlets (Kelderby Courier, Ousel Valley Wire, Marrowgate Standard, Tamble Herald)"


def test_story_and_brief_say_a_story_s_figures_in_one_wording(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"bridge{n}", *report) for n, report in enumerate(BRIDGE)])
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    ident = str(next(row["id"] for row in rows if row["title"] == BRIDGE[-1][0]))
    # `story` says its unread count as the story view's head does (walk36); its Markdown, a copy to share, does not
    assert run("story", ident).stdout.splitlines()[1] == f"4 articles · 4 unread · {SPAN} · {OUTLETS}"
    assert f"\n\n*4 articles · {SPAN} · {OUTLETS}*\n\n" in run("story", ident, "--format", "md").stdout
    brief = run("brief").stdout
    assert f"\n   4 articles · 4 unread · {SPAN} · {OUTLETS}\n" in brief, brief
    assert f"\n*4 articles · 4 unread · {SPAN} · {OUTLETS}*\n" in run("brief", "--format", "md").stdout


def test_many_outlets_are_named_to_six_then_counted_and_whole_in_markdown():
    from tui.cells import story_figures

    names = [f"Outlet {n}" for n in range(1, 9)] + [""]
    assert story_figures(9, "2026-01-02", "2026-01-02", names, unread=0) == (
        "9 articles · 0 unread · 2026-01-02 · 8 outlets (Outlet 1, Outlet 2, Outlet 3, Outlet 4, Outlet 5, Outlet 6 "
        "+2 more)")
    assert story_figures(9, "2026-01-02", "2026-01-03", names, whole=True).endswith(
        "8 outlets (" + ", ".join(names[:8]) + ")")
    assert story_figures(1, "2026-01-02", "", []) == "1 article · 2026-01-02"  # no outlet: no "0 outlets ()"
    # a stored row is untrusted: its days cut to one line of ten characters
    assert story_figures(2, "2026-01-02\x1b[2J", "2026-01-05\nmore", ["A"]) == (
        "2 articles · 2026-01-02 to 2026-01-05 · 1 outlet (A)")


def test_the_head_shortens_its_outlets_one_way_at_every_width():
    from tui.cells import story_figures, width

    names = ("Harbour Gazette and Evening Chronicle", "Kessby Weekly", "Shoreline Wire", "Port Radio")
    seen = set()
    for cells in range(30, 200):
        line = story_figures(7, "2026-01-14", "2026-01-16", names, cells=cells)
        assert width(line) <= max(cells, width("7 articles · 2026-01-14 to 2026-01-16")), (cells, line)
        said = re.fullmatch(r"7 articles · 2026-01-14 to 2026-01-16(?: · 4 outlets(?: \((.*)\))?)?", line)
        assert said, line
        inside = said.group(1) or ""
        assert not re.search(r" \+\d+$", inside), line  # never the narrow "+3" beside a wider "+3 more"
        seen.add(re.sub(r"[^+]*(\+\d+ more)?$", r"\1", inside))
    assert {"+3 more", "+2 more", "+1 more", ""} <= seen, seen
