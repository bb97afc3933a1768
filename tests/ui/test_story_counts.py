"""A story with a twin (one text printed by two outlets) has one article count everywhere: the stories list, the
story view's head and its list of articles, the briefing and `newsreader stories`/`brief` (the list said "4 art" and
the head "4 articles" over "Articles (3)"). The story pane's border names the pane once: it said "Story · 5
sentences" over the heading "Summary · 5 sentences"."""

from __future__ import annotations

import json
import os
import subprocess

from command import newsreader_cmd
from pilot_steps import open_briefing, open_first_story, settle, started
from story_sample import WIRE
from test_twins_ui import twins  # noqa: F401  (the fixture: the story sample plus WIRE printed by a second outlet)

from tui.store import Library
from tui.store.stories import story_row, story_rows
from tui.stories import story_of


def _story(path, ids) -> int:
    with Library(path) as lib:
        return story_of(lib, ids[WIRE.title])


def test_a_twin_is_counted_once_in_the_stored_figures(twins):  # noqa: F811
    path, ids, copy = twins
    sid = _story(path, ids)
    with Library(path) as lib:
        assert story_of(lib, copy) == sid  # the copy is in the same story
        whole = story_row(lib, sid)
        listed = next(r for r in story_rows(lib, 0, 50, members=False) if r.id == sid)  # the list's page read
    assert whole.size == 4 and len(whole.article_ids) == 4  # every record stays (stories --json lists them)
    assert whole.rows == 3 and listed.rows == 3


def test_a_read_only_library_without_the_copies_index_still_lists_its_stories(twins):  # noqa: F811
    path, ids, copy = twins
    sid = _story(path, ids)
    with Library(path) as lib:
        lib.db.execute("DROP INDEX story_articles_copies")  # as a read-only library made before migration 27 has it
        listed = next(r for r in story_rows(lib, 0, 50, members=False) if r.id == sid)
    assert listed.size == 4 and listed.unread == 3  # the unread figure still counts rows (the twin once)


async def test_list_view_and_briefing_give_one_count(twins, make_app):  # noqa: F811
    path, ids, copy = twins
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, _main):
        await open_first_story(pilot)
        story = app.screen
        head = story.query_one("#story-head").render()
        assert "3 articles" in str(head), str(head)
        texts = [story.query_one("#story-text").get_option_at_index(i).prompt.plain
                 for i in range(story.query_one("#story-text").option_count)]
        assert "Articles (3)" in texts
        assert story.query_one("#story-pane").border_title == "Story"  # once: the list's first line says the length
        assert any(t.startswith("Summary · ") for t in texts)
        await pilot.press("escape")
        await settle(pilot)
        main = app.screen  # the stories list
        lines = [main.articles.render_line(i).text for i in range(len(main.articles.source))]
        line = next(x for x in lines if "Storm wall vote" in x)  # the story, headed by its latest article
        assert "  3 art  4 src" in line, line  # it said 4/4, the copy counted as an article of its own
        briefing = await open_briefing(pilot)
        shown = "\n".join(o.prompt.plain for o in briefing.query_one("#briefing-list").options)
        assert "3 articles" in shown and "4 articles" not in shown, shown


def _run(path, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSREADER_DB=str(path))
    return subprocess.run(newsreader_cmd() + list(args), capture_output=True, text=True, env=env, timeout=120)


def test_the_commands_count_as_the_app_does_and_json_keeps_every_record(twins):  # noqa: F811
    path, ids, copy = twins
    sid = _story(path, ids)
    text = _run(path, "stories")
    assert text.returncode == 0, text.stderr
    line = next(x for x in text.stdout.splitlines() if x.split()[0] == str(sid))
    assert "  3 art" in line, line
    rows = [json.loads(x) for x in _run(path, "stories", "--json").stdout.splitlines()]
    assert len(next(r for r in rows if r["id"] == sid)["articles"]) == 4  # unchanged: every record's id
    story = _run(path, "story", str(sid))
    assert story.returncode == 0 and "3 articles" in story.stdout, story.stdout
    brief = _run(path, "brief", "--format", "md")
    assert brief.returncode == 0 and "3 articles" in brief.stdout, brief.stdout


async def test_the_entity_page_lists_a_twin_once_naming_both_outlets(twins, make_app):  # noqa: F811
    """The entity page listed the wire story twice (its own line for each outlet, the same title) and counted it
    twice: it is one line naming both outlets, as in the story view."""
    import json as _json

    from pilot_steps import open_person_from_story
    from story_sample import QUOTES, hand_analysis
    from tui.engine.analysis import cache_key, mention_counts

    path, ids, copy = twins
    with Library(path) as lib:  # the copy analysed too (the background pass would): both mention Agnes Trewin
        analysis = hand_analysis(lib.get(copy).body, QUOTES[WIRE.title])
        lib.put_analysis(copy, cache_key("news", None), _json.dumps(analysis.to_dict()), mention_counts(analysis))
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, _main):
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        assert len(person.person.articles) == 4  # every record mentions her
        lines = [o.prompt.plain for o in person.query_one("#person-articles").options]
        wire = [x for x in lines if WIRE.title in x]
        assert len(wire) == 1, lines
        assert "Shoreline Wire, Harbour Radio" in wire[0] and "same text in 2 outlets" in wire[0], wire
        assert "Articles (3)" in lines and "3 articles" in str(person.query_one("#person-head").render())
        bars = [x for x in lines if x.startswith("2026-")]
        assert bars and sum(int(x.split()[-1]) for x in bars) == 3, bars  # the months' bars count them so too


def test_who_and_list_name_a_twin_once_and_keep_its_count(twins):  # noqa: F811
    """`newsreader who` listed the wire story twice and counted it twice; `list` and `who` cut "Shoreline Wire +1" to
    "Shoreline Wire…" in their 16-cell column (the app's list keeps the "+1")."""
    import json as _json

    from story_sample import QUOTES, hand_analysis
    from tui.engine.analysis import cache_key, mention_counts

    path, ids, copy = twins
    with Library(path) as lib:
        analysis = hand_analysis(lib.get(copy).body, QUOTES[WIRE.title])
        lib.put_analysis(copy, cache_key("news", None), _json.dumps(analysis.to_dict()), mention_counts(analysis))
    who = _run(path, "who", "Agnes Trewin")
    assert who.returncode == 0, who.stderr
    assert "— 3 articles" in who.stdout.splitlines()[0], who.stdout
    lines = [x for x in who.stdout.splitlines() if f"#{ids[WIRE.title]} " in x or f"#{copy} " in x]
    assert len(lines) == 1 and "Shoreline Wi… +1" in lines[0], lines
    listed = _run(path, "list")
    line = next(x for x in listed.stdout.splitlines() if x.split()[0] == str(ids[WIRE.title]))
    assert "Shoreline Wi… +1" in line, line
