"""Hostile input for the recent features (feeds, watched folders, stories, the briefing): a feed that calls itself
anything, escape sequences and right-to-left text in its fields, watched files with control characters in their
names, a damaged library, a config file with wrong types. One line or a graceful fallback each; never a traceback,
never an escape sequence reaching the terminal."""

from __future__ import annotations

import asyncio

import pytest

from hostile_helpers import workers_done
from waits import wait_until

from tui.models import Article
from tui.store import Library

pytest.importorskip("textual")

HUGE_OUTLET = "Evening Lantern " + "and Gazette " * 40  # a feed's title, as a feed may give it
RTL = "\u202eHarbour\u202c صحيفة"

BODY = ("Councillors in Wexmoor voted on Tuesday to reopen the old ferry pier after a two-year closure, "
        "approving a repair plan worth 3.1 million pounds.\n\n"
        "The pier, built in 1902, was shut when divers found its timber piles rotting below the waterline. "
        "\"The town has waited long enough for its ferry,\" said Mayor Dalia Fenwick after the vote.\n\n"
        "Repairs by Calder Marine are due to begin in April, and the first crossing to Skelly Island is "
        "planned for the summer, the council said.")


def outlet_library(path) -> None:
    """One story of three reports from outlets with hostile names (a huge one, escapes, right-to-left text)."""
    from tui.stories import group_new

    with Library(path) as lib:
        lib.add_many([
            Article(title="Wexmoor votes to reopen its ferry pier", body=BODY, source=HUGE_OUTLET,
                    published="2026-03-03"),
            Article(title="Ferry pier in Wexmoor to reopen after repairs", source="\x1b]52;c;aGk=\x07Tide\x1b[31mline",
                    body=BODY.replace("Tuesday", "Tuesday evening"), published="2026-03-03"),
            Article(title="Wexmoor pier plan approved", body=BODY.replace("April", "early April"), source=RTL,
                    published="2026-03-04"),
        ])
        group_new(lib)


def shown_lines(widget) -> list[str]:
    return ["".join(seg.text for seg in strip) for strip in widget.render_lines(widget.region.reset_offset)]


def test_a_huge_outlet_name_is_cut_in_the_briefing_and_the_story_view(tmp_path, app_env):
    """A feed titled with 500 characters filled four lines of its briefing entry (every outlet's name was shown
    whole); escape sequences and bidi controls in a name never reach the screen."""
    from tui.app.app import NewsreaderApp
    from tui.config import load_config

    path = tmp_path / "library.db"
    outlet_library(path)
    asyncio.run(_briefing_and_story(NewsreaderApp(path, load_config())))


async def _briefing_summarised(pilot):
    """`b`, then wait (at most 30 s) until the briefing's first story shows its sentences; returns the page."""
    await workers_done(pilot.app, 30)
    await pilot.press("b")

    def summarised():
        page = pilot.app.screen
        return type(page).__name__ == "BriefingScreen" and page.items and page.items[0].sentences and page

    return await wait_until(pilot, summarised, "the briefing's first story shows its sentences", seconds=30)


async def _briefing_and_story(app) -> None:
    async with app.run_test(size=(120, 30)) as pilot:
        page = await _briefing_summarised(pilot)
        listing = page.query_one("#briefing-list")
        entry = str(listing.get_option_at_index(0).prompt)
        meta = entry.splitlines()[1]
        assert "Evening Lantern and Gazette and Gazette" in meta and "…" in meta, meta
        assert len(meta) < 160, meta  # it was 560 characters: four wrapped lines of "and Gazette"
        text = "\n".join(shown_lines(listing))
        assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
        await pilot.press("enter")  # the story view: its head names the outlets
        await wait_until(pilot, lambda: type(app.screen).__name__ == "StoryScreen" and app.screen.query("#story-head"),
                         lambda: app.screen)
        widget = app.screen.query_one("#story-head")
        head = str(widget.render())
        # the huge name, too long for the line whole, is counted and never cut mid-word (what fits is named)
        assert "3 outlets" in head and "and Gazette " * 2 not in head, head
        assert all(len(line) <= widget.content_size.width for line in head.splitlines()[1:]), head
        assert "\x1b" not in head and "\u202e" not in head


def test_a_huge_feed_title_is_cut_with_an_ellipsis_in_the_feeds_list(tmp_path, app_env):
    """A feed's title of 500 characters was cut at 300 with nothing to say so, wrapping over five lines of the
    feeds list at 80 columns; it is cut at FEED_TITLE cells with "…" (a long real title still wraps whole)."""
    from tui.app.app import NewsreaderApp
    from tui.config import load_config
    from tui.store.feeds import add_feed

    path = tmp_path / "library.db"
    with Library(path) as lib:
        add_feed(lib, "http://127.0.0.1:9/huge.xml", "\x1b[2J" + HUGE_OUTLET + "\u202e")
    asyncio.run(_feeds_list(NewsreaderApp(path, load_config())))


async def _feeds_list(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await workers_done(app, 30)
        await pilot.press("F")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "FeedsScreen" and app.screen.feeds,
                         lambda: app.screen)
        listing = app.screen.query_one("#feeds-list")
        entry = str(listing.get_option_at_index(listing.get_option_index("f:0")).prompt)
        assert entry.startswith("0 Evening Lantern and Gazette") and "…  0 articles" in entry, entry
        assert len(entry) < 200, entry
        text = "\n".join(shown_lines(listing))
        assert "\x1b" not in text and "\u202e" not in text


WRONG_TYPES = """theme = 3
view = ["x"]
sort = 42
background_analysis = "yes"
refresh_on_start = "no"
refresh_every = nan
[keys]
copy_summary = 7
"""


def test_config_values_of_the_wrong_type_or_out_of_range_are_each_one_line():
    """nan (TOML has it) was taken as the refresh interval: the app's timer spun on it, the screen stayed blank at
    full CPU; inf and -5 passed too (a timer cannot wait for inf; -5 was silently "never")."""
    from tui.config import parse_every

    assert parse_every(float("nan"))[0] is None and "not a duration" in parse_every(float("nan"))[1]
    assert parse_every(float("inf")) == (7 * 86400.0, "refresh_every is more than a week; using 1 week")
    assert parse_every(1e308)[0] == 7 * 86400.0
    assert parse_every(-5) == (None, "refresh_every = -5 is negative; not refreshing")
    assert parse_every("30m") == (1800.0, "") and parse_every(0) == (None, "")


def test_a_config_file_of_wrong_types_is_one_toast_naming_the_file_once(tmp_path, app_env):
    """Seven problems were seven toasts (each repeating the file's path), stacked past the top of the screen: the
    first ones could not be read. They are one toast now, a line each; the app starts with the defaults."""
    from tui.app.app import NewsreaderApp
    from tui.config import load_config

    (tmp_path / "config.toml").write_text(WRONG_TYPES, encoding="utf-8")
    asyncio.run(_settings_toast(NewsreaderApp(tmp_path / "library.db", load_config()), tmp_path / "config.toml"))


async def _settings_toast(app, path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app._notifications, "the settings' toast")
        await workers_done(app, 30)
        toasts = list(app._notifications)
        assert len(toasts) == 1, [t.message for t in toasts]
        toast = toasts[0]
        assert toast.title == f"Settings: 7 problems in {path}"
        lines = toast.message.splitlines()
        assert len(lines) == 7 and all(x.startswith("• ") and str(path) not in x for x in lines), lines
        assert "• theme must be a string like \"nord\"" in lines and any("refresh_every = nan" in x for x in lines)
        assert app.screen.query_one("#library-status")  # the main screen, with the defaults
        assert app.config.view == "all" and app.config.refresh_every is None


def test_a_settings_file_that_is_no_text_file_is_one_problem_and_never_overwritten(tmp_path):
    """The settings file was read whole, whatever it was: a named pipe there blocked the app's start for good (and
    changing the view, which rewrites the file), a link to /dev/zero filled the memory, bytes that are not UTF-8 stopped
    the app with UnicodeDecodeError. Each is one problem now, the defaults are used, and the file is not rewritten."""
    import json
    import os
    import subprocess
    import sys

    (tmp_path / "latin1.toml").write_bytes(b'theme = "caf\xe9"\n')
    os.mkfifo(tmp_path / "fifo.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    (tmp_path / "big.toml").write_text("# a comment line\n" * 70_000)
    (tmp_path / "folder.toml").mkdir()
    said = {"latin1": "not UTF-8 text (byte 13)", "fifo": "not a regular file", "zero": "not a regular file",
            "big": "larger than 1 MB", "folder": "not a regular file"}
    # in a child process with its memory and time bounded: before, the pipe waited for ever and /dev/zero was read on
    script = ("import json, resource, sys; from pathlib import Path; from tui.config import load_config, save_setting; "
              "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); p = Path(sys.argv[1]); "
              "print(json.dumps([load_config(p).problems, save_setting('view', 'unread', p)]))")
    for name, what in said.items():
        path = tmp_path / f"{name}.toml"
        before = path.read_bytes() if name in ("latin1", "big") else None
        r = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, (name, r.stderr[-300:])
        problems, saved = json.loads(r.stdout)
        assert problems == [f"{path} is {what}; using defaults"], (name, problems)
        assert saved == f"not saving the view: {path} is {what}", (name, saved)
        if before is not None:
            assert path.read_bytes() == before, name


def test_a_damaged_library_the_app_cannot_open_says_how_to_rescue_it_with_its_path_spelled_out(tmp_path):
    """The app's refusal said "restore a backup or start a new library" (not that `doctor` rescues what is
    readable, as the command line's refusals do) and printed the path as given: an escape sequence in it reached
    the terminal."""
    from tui.app import preflight
    from tui.store import StoreError

    path = tmp_path / "lib\x1b]0;pwned\x07rary.db"
    outlet_library(path)
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xaa" * 4096  # one page of garbage: the header and schema still look fine
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as caught:
        preflight(path)
    message = str(caught.value)
    assert "\x1b" not in message and "\x07" not in message and "\\x1b]0;pwned" in message, message
    assert "is damaged" in message and "doctor` says how to rescue what is readable" in message, message
    assert len(message.splitlines()) == 1


def test_the_article_header_cuts_a_huge_source_byline_feed_and_link():
    """A feed's 500-character title was its articles' source and feed line, whole: at 80x24 the header filled the
    article pane and the body did not show. Each is one line cut with "…" now; the title stays whole."""
    from tui.app.widgets.article_body import header_lines

    article = Article(title="Wexmoor votes to reopen its ferry pier", body=BODY, source=HUGE_OUTLET,
                      byline="By " + "Dalia Fenwick and " * 30, published="2026-03-03",
                      url="https://example.invalid/" + "a" * 5000)
    article.feed = "\x1b[2J" + HUGE_OUTLET
    article.tags = ["Tag " * 80, "Ferries"]
    lines = [text for text, _ in header_lines(article)]
    tags = next(x for x in lines if x.startswith("Tags: "))
    assert tags.endswith("…, Ferries") and len(tags) == len("Tags: ") + 60 + len(", Ferries"), tags
    assert lines[0] == "Wexmoor votes to reopen its ferry pier"
    meta = lines[1]
    assert meta.startswith("Evening Lantern and Gazette") and meta.endswith(" · 2026-03-03"), meta
    assert len(meta) <= 60 + 3 + 60 + 3 + 10 and meta.count("…") == 2, meta
    link = lines[-1]
    assert link.startswith("Feed: Evening Lantern") and "\x1b" not in link and len(link) < 300, link


def test_a_huge_title_is_cut_in_the_header_and_in_the_briefing(tmp_path, app_env):
    """A feed item titled with 2,000 characters filled the article pane and wrapped over 26 lines of its briefing
    entry at 80 columns; it is cut with "…" (at 300 cells in the header, 200 in a page's list)."""
    from tui.app.app import NewsreaderApp
    from tui.app.widgets.article_body import header_lines
    from tui.config import load_config
    from tui.stories import group_new

    huge = "Huge " * 400
    article = Article(title=huge, body=BODY, source="Tideline", published="2026-03-03")
    first = header_lines(article)[0][0]
    assert first.startswith("Huge Huge") and first.endswith("…") and len(first) <= 300, first
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.add_many([article])
        group_new(lib)
    asyncio.run(_huge_briefing(NewsreaderApp(path, load_config())))


async def _huge_briefing(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        page = await _briefing_summarised(pilot)
        heading = str(page.query_one("#briefing-list").get_option_at_index(0).prompt).splitlines()[0]
        assert heading.startswith("1. Huge Huge") and heading.endswith("…") and len(heading) <= 203, heading


def test_o_opens_only_http_links(monkeypatch):
    """An article's link is whatever its feed, JSON record or page said, and `o` handed it to the browser as it was:
    "javascript:…", "file:///…", and a link starting with "-" reached the $BROWSER command as an option of its own
    ("--renderer-cmd-prefix=CMD" makes Chromium run CMD). Only http(s) links with a host are opened."""
    import webbrowser

    from tui.app.parts.reader import open_link

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, new=0: opened.append(url) or True)
    for bad in ("javascript:alert(1)", "--renderer-cmd-prefix=xcalc", "file:///etc/passwd", "http://", "\x1b]52;c;x",
                "data:text/html,hi", "  -x https://example.invalid/", "https://[::1"):
        problem = open_link(bad)
        assert problem.startswith("not opened: only http(s) links are opened"), (bad, problem)
        assert "\x1b" not in problem and len(problem.splitlines()) == 1
    assert opened == []
    assert open_link(" https://example.invalid/news/1 ") == "" and opened == ["https://example.invalid/news/1"]


def test_o_with_no_browser_says_the_link_was_not_opened(monkeypatch):
    """`o` says "Opening <link>" at once and the browser is looked for after it: with none, the second toast said
    only "no browser found (set $BROWSER)", under the first, as if the link had opened (walk36)."""
    import webbrowser

    from tui.app.parts.reader import open_link

    monkeypatch.setattr(webbrowser, "open", lambda url, new=0: False)
    assert open_link("https://example.invalid/news/1") == "Not opened: no browser found (set $BROWSER)"

    def broken(url, new=0):
        raise OSError("no such program: brenmoor-browser")

    monkeypatch.setattr(webbrowser, "open", broken)
    assert open_link("https://example.invalid/news/1").startswith("Not opened: could not start the browser: ")


def test_a_huge_tag_is_one_line_of_the_tag_picker_and_still_filters(tmp_path, app_env):
    """A feed's category of 320 characters became a tag shown whole: five wrapped lines of the picker (T) at 80x24.
    It is cut at 60 cells with "…"; choosing it filters by the whole tag."""
    from tui.app.app import NewsreaderApp
    from tui.config import load_config

    huge = "Tag " * 80
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.add_many([Article(title="Wexmoor votes to reopen its ferry pier", body=BODY, tags=[huge.strip()]),
                      Article(title="Ferry pier plan approved", body=BODY.replace("April", "May"), tags=["Ferries"])])
    asyncio.run(_huge_tag(NewsreaderApp(path, load_config())))


async def _huge_tag(app) -> None:
    from textual.command import CommandList

    async with app.run_test(size=(80, 24)) as pilot:
        await workers_done(app, 30)
        main = app.screen
        await pilot.press("T")

        def listed() -> list[str]:
            lists = app.screen.query(CommandList)
            widget = lists.first() if lists else None
            return [str(widget.get_option_at_index(i).prompt).split("\n")[0] for i in range(widget.option_count)] \
                if widget else []

        names = await wait_until(pilot, lambda: len(listed()) >= 2 and listed(), "the tag picker's tags")
        huge = next(n for n in names if n.startswith("Tag Tag"))
        assert len(huge) == 60 and huge.endswith("…"), huge
        await pilot.press(*"tag tag")
        await wait_until(pilot, lambda: listed()[:1] and listed()[0].startswith("Tag Tag"), listed)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is main and main.listing.tag, lambda: app.screen)
        assert main.listing.tag == ("Tag " * 80).strip()
        assert [main.articles.source.row(i).title for i in range(len(main.articles.source))] == [
            "Wexmoor votes to reopen its ferry pier"]
