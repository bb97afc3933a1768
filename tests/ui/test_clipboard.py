"""Copy for real: the exact OSC 52 bytes the app writes, and the X clipboard read back with xclip."""

from __future__ import annotations

from pilot_steps import settle
from waits import wait_until

import base64
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tui import clipboard


def capture_writes(app) -> list[str]:
    """Record everything the app sends to its terminal."""
    written: list[str] = []
    original = app._driver.write

    def write(data: str) -> None:
        written.append(data)
        original(data)

    app._driver.write = write
    return written


async def sent_copying(make_app, path, key: str) -> str:
    """What the app sends its terminal while `key` copies from the newest article (opened first)."""
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        written = capture_writes(app)
        await pilot.press(key)
        await settle(pilot)
    return "".join(written)


async def test_osc52_bytes(library, make_app, copied):
    sent = await sent_copying(make_app, library[0], "c")
    text = copied[-1]
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    assert f"\x1b]52;c;{payload}\x07" in sent
    assert "\x1bPtmux;" not in sent  # not inside tmux: no passthrough wrapper


async def test_osc52_inside_tmux_is_also_wrapped(library, make_app, copied, monkeypatch):
    monkeypatch.setenv("TMUX", "tmux-socket,1,0")  # any value means "inside tmux"
    sent = await sent_copying(make_app, library[0], "y")
    payload = base64.b64encode(copied[-1].encode("utf-8")).decode("ascii")
    # Plain (tmux set-clipboard on) and DCS passthrough with doubled ESC (allow-passthrough on).
    assert f"\x1b]52;c;{payload}\x07" in sent
    assert f"\x1bPtmux;\x1b\x1b]52;c;{payload}\x07\x1b\\" in sent


def test_sequences_by_hand():
    assert clipboard.osc52_sequence("hé") == "\x1b]52;c;aMOp\x07"
    assert clipboard.tmux_passthrough("\x1b]52;c;aMOp\x07") == "\x1bPtmux;\x1b\x1b]52;c;aMOp\x07\x1b\\"


@pytest.fixture
def no_display(monkeypatch):
    """No X or Wayland display, so no system clipboard (skips where one works without a display)."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    if clipboard.system_tool()[0] is not None:
        pytest.skip("this machine has a clipboard without a display (macOS, Windows or WSL)")


def test_no_display_gives_a_hint(no_display):
    result = clipboard.copy_text("hello", terminal=None)
    assert not result.ok
    message, severity = clipboard.describe("summary", result)
    assert severity == "error" and "Could not copy summary" in message and "set-clipboard" in message


@pytest.fixture
def x_display(monkeypatch):
    """A private Xvfb server; skipped with the reason when Xvfb or xclip is missing."""
    missing = [tool for tool in ("Xvfb", "xclip") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} (apt-get install xvfb xclip)")
    read, write = os.pipe()
    # -displayfd: Xvfb picks a free display and writes its number when it is ready (no sleeping).
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as ready:
        number = ready.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    monkeypatch.setenv("DISPLAY", f":{number}")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    yield f":{number}"
    server.terminate()
    server.wait(10)


async def test_real_x_clipboard(library, make_app, x_display):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        await pilot.press("Y")
        await settle(pilot)
        expected = app.clipboard  # what Textual sent as OSC 52
        assert clipboard.SYSTEM in app.last_copy.routes
    got = subprocess.run(["xclip", "-o", "-selection", "clipboard"], capture_output=True, timeout=10,
                         env={**os.environ, "DISPLAY": x_display})
    assert got.returncode == 0, got.stderr
    assert got.stdout.decode("utf-8") == expected
    assert expected.startswith("# Harbour town votes to rebuild its storm wall before winter")
    toast = [str(n.message) for n in app._notifications][-1]
    assert toast.startswith("Copied summary + quotes as Markdown to the system clipboard"), toast


# -- the toast never claims a copy that did not happen (issue 10, item 1) --------------------------

def _toast(app):
    notes = list(app._notifications)
    return str(notes[-1].message), notes[-1].severity


async def _copy_in_app(path, make_app, key="c"):
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        return app, _toast(app), app.screen.article.id


@pytest.fixture
def dead_display(monkeypatch):
    """DISPLAY names an X server that is not there: xclip runs and exits 1."""
    if shutil.which("xclip") is None:
        pytest.skip("needs xclip (apt-get install xclip)")
    monkeypatch.setenv("DISPLAY", ":97")  # nothing listens there (checked below)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    probe = subprocess.run(["xclip", "-o"], capture_output=True, timeout=10)
    if probe.returncode == 0:
        pytest.skip("an X server answers on :97")


def test_dead_display_is_no_copy_and_stays_off_the_screen(dead_display, capfd):
    problem = clipboard.copy_system("hello")
    assert problem is not None and problem.startswith("xclip failed") and "open display" in problem, problem
    out, err = capfd.readouterr()
    assert out == "" and err == "", "the tool's own error output reached the terminal"


async def test_dead_display_toast_says_sent_not_copied(library, make_app, dead_display):
    path, _ = library
    app, (message, severity), article_id = await _copy_in_app(path, make_app)
    assert not app.last_copy.confirmed and app.last_copy.routes == [clipboard.TERMINAL]
    assert severity == "warning"
    assert "Copied" not in message and message.startswith("Sent summary to the terminal (OSC 52)"), message
    assert "xclip failed" in message and f"newsreader summary {article_id}" in message


async def test_no_display_toast_says_where_the_text_is(library, make_app, no_display):
    path, _ = library
    app, (message, severity), article_id = await _copy_in_app(path, make_app, "Y")
    assert severity == "warning" and "Copied" not in message
    assert "no display" in message and f"newsreader summary {article_id} --format md --quotes" in message


async def test_the_command_a_copy_toast_names_prints_the_summary_that_was_copied(library, make_app, no_display):
    """After `s` and `+` (a 4-sentence lead summary) the toast of `c` named `newsreader summary ID`, which prints
    the default (news) summary: the command carries the method and the length now, for `Y` too."""
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        n = len(app.screen.analysis.summary.sentences)
        await pilot.press("s", "plus")
        await settle(pilot)
        ident = app.screen.article.id
        assert app.screen.method_label() == f"LEAD · {n + 1} sentences", app.screen.method_label()
        await pilot.press("c")
        await settle(pilot)
        assert f"Also in `newsreader summary {ident} --method lead --sentences {n + 1}`" in _toast(app)[0]
        await pilot.press("Y")
        await settle(pilot)
        assert f"`newsreader summary {ident} --method lead --sentences {n + 1} --format md --quotes`" in _toast(app)[0]


async def test_the_command_y_s_toast_names_prints_what_y_copied(library, make_app, no_display, monkeypatch, capsys):
    """`Y` copies the title, source line, summary and key quotes as Markdown; its toast named `newsreader summary ID
    --format md`, which prints the summary alone. The command it names now prints the very text copied (after `s`
    and `+` too), and `c`'s prints every line `c` copied."""
    import shlex

    from tui.cli import main

    path, _ = library
    monkeypatch.setenv("NEWSREADER_DB", str(path))
    app = make_app(path)
    copies: dict[str, tuple[str, str]] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        for keys in (("Y",), ("s", "plus", "Y"), ("c",)):
            await pilot.press(*keys)
            await settle(pilot)
            message = _toast(app)[0]
            command = message[message.index("`") + 1:message.rindex("`")]
            copies["".join(keys)] = (app.clipboard, command)
    for keys, (text, command) in copies.items():
        words = shlex.split(command)
        assert words[:2] == ["newsreader", "summary"], command
        assert main(words[1:]) == 0
        printed = capsys.readouterr().out
        if keys == "c":
            assert text and all(line in printed for line in text.splitlines()), (command, printed)
            continue
        assert printed == text, (command, printed, text)
        assert text.startswith("# Harbour town votes to rebuild its storm wall before winter\n"), text
        assert "\n## Summary\n\n- " in text and "\n## Key quotes\n\n> “" in text, text
    assert "--method" not in copies["Y"][1] and "--method lead --sentences" in copies["splusY"][1], copies


@pytest.fixture
def tmux_server(tmp_path, monkeypatch):
    """A private tmux server; TMUX points at it as it would inside a session there."""
    if shutil.which("tmux") is None:
        pytest.skip("needs tmux")
    socket = tmp_path / "tmux.sock"
    tmux = ["tmux", "-S", str(socket), "-f", "/dev/null"]
    subprocess.run([*tmux, "new-session", "-d", "-s", "t"], check=True, timeout=10)
    pid = subprocess.run([*tmux, "display", "-p", "#{pid}"], capture_output=True, text=True, timeout=10).stdout.strip()
    monkeypatch.setenv("TMUX", f"{socket},{pid},0")
    yield lambda *args: subprocess.run([*tmux, *args], check=True, timeout=10)
    subprocess.run([*tmux, "kill-server"], timeout=10)


@pytest.mark.parametrize("setting", ["external", "off"])
def test_tmux_that_drops_osc52_gets_a_hint(tmux_server, setting):
    tmux_server("set", "-g", "set-clipboard", setting)
    tmux_server("set", "-g", "allow-passthrough", "off")
    result = clipboard.copy_text("x", terminal=lambda text: None, system=False)
    message, severity = clipboard.describe("summary", result, "newsreader summary 3")
    assert severity == "warning"
    assert f"tmux set-clipboard {setting} drops it: `set -g set-clipboard on` in ~/.tmux.conf" in message, message


def test_tmux_that_forwards_osc52_needs_no_hint(tmux_server):
    tmux_server("set", "-g", "set-clipboard", "on")
    assert clipboard.tmux_hint() == ""


async def test_a_copy_of_an_article_not_on_screen_names_it(library, make_app, monkeypatch):
    """At 80x24 the library hides the open article, and `c` there copied that article's
    summary with a toast that named nothing ("Sent summary to the terminal"): the reader's cursor was on another
    row. The toast names the article when it is not on screen, and only then."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        title = app.screen.article.title
        await pilot.press("c")
        await settle(pilot)
        message, _ = _toast(app)
        assert message.startswith(("Sent summary\nto ", "Copied summary\nto ")), message  # the article is on screen
        await pilot.press("escape")  # back to the library: the article pane is hidden
        await settle(pilot)
        assert not app.screen.query_one("#article-pane").display
        await pilot.press("j", "c")
        await settle(pilot)
        message, _ = _toast(app)
        # the title folded to a line of the 80-column toast (37 cells): the toast keeps to three lines
        first, where = message.split("\n")[:2]
        assert first.startswith(("Sent summary of “", "Copied summary of “")) and first.endswith("…”"), message
        shown = first[first.index("“") + 1:-2]
        assert len(shown) >= 20 and title.startswith(shown) and len(first) <= 2 * 37, message
        assert where.startswith("to the "), message
        await pilot.press("v", "y")  # the list of stories (none: not grouped): the keys act on the story under the
        await settle(pilot)  # cursor there (tests/ui/test_story_list_article_keys.py), not on the hidden article
        message, _ = _toast(app)
        assert message == "No story here: the stories list is empty.", message


async def test_the_tmux_warning_toast_leaves_the_screen_readable_at_80x24(library, make_app, tmux_server, no_display):
    """Inside a tmux that drops OSC 52, with no display: the toast of `c` says what went where (sent, unconfirmed),
    that there is no system clipboard (no display), the tmux fix and where the text is in at most 6 rows of an 80x24
    screen; it took 11 (with its title), covering the summary pane to its last row, and then 9. The long form (the
    tmux setting that drops OSC 52) is in the app's log. Over SSH in tmux at 80x24 (walk35) the toast said nothing of
    the system clipboard: a reader could not tell that only the terminal's copy was made."""
    from textual.widgets._toast import Toast

    tmux_server("set", "-g", "set-clipboard", "external")
    tmux_server("set", "-g", "allow-passthrough", "off")
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        message, severity = _toast(app)
        assert severity == "warning"
        assert message.startswith("Sent summary\nto the terminal (OSC 52), unconfirmed\n"), message
        command = f"Also in `newsreader summary {app.screen.article.id}`"
        assert message.splitlines()[2] == "No system clipboard (no display)", message
        for said in ("`set -g set-clipboard on`", command):
            assert said in message, message
        assert "external" not in message, message
        (toast,) = app.screen.query(Toast)
        assert toast.region.height <= 6, toast.region
    logged = Path(os.environ["NEWSREADER_LOG"]).read_text(encoding="utf-8").splitlines()[-1]
    for said in ("tmux set-clipboard external drops it", "No system clipboard (no display", command):
        assert said in logged, logged


def test_the_short_copy_toast_keeps_a_fix_for_a_route_known_not_to_work():
    """The short form (an 80-column screen): a confirmed copy in two lines of at most 37 cells' width for its where;
    the tmux fix only when tmux drops OSC 52; when nothing went, the fix and where the text is."""
    done = clipboard.CopyResult(routes=[clipboard.TERMINAL, clipboard.SYSTEM])
    assert clipboard.describe("key quotes", done, "newsreader quotes 4", 37) == (
        "Copied key quotes\nto the system clipboard + terminal", "information")
    assert clipboard.describe("key quotes", done, "newsreader quotes 4", 57)[0].startswith(
        "Copied key quotes to the system clipboard (and sent to the terminal as OSC 52).")
    sent = clipboard.CopyResult(routes=[clipboard.TERMINAL], problems=["xclip failed (exit status 1)"])
    message, severity = clipboard.describe("key quotes", sent, "newsreader quotes 4", 37)
    assert severity == "warning" and message == (
        "Sent key quotes\nto the terminal (OSC 52), unconfirmed\nAlso in `newsreader quotes 4`."), message
    nothing = clipboard.CopyResult(problems=["no terminal to send OSC 52 to", "xclip failed (exit status 1)"])
    message, severity = clipboard.describe("key quotes", nothing, "newsreader quotes 4", 37)
    assert severity == "error" and message.startswith("Could not copy key quotes.\nFix: "), message
    assert "set-clipboard on" in message and "xclip" in message and message.endswith("`newsreader quotes 4`."), message
    assert all(len(line) <= 37 for line in clipboard.describe("summary", done, "", 37)[0].splitlines()[1:])


def test_the_short_copy_toast_says_there_is_no_system_clipboard_and_what_gets_one():
    """Sent to the terminal alone, the 80-column toast says why no system clipboard had it, in a line of at most 37
    cells: no display (over SSH), or no tool to reach it, with the tool to install; over SSH with no tmux the long
    form says what gives one. A tool that failed stays out of the short form (the log has the long one)."""
    cases = {
        "no system clipboard (no display; common over SSH)": "No system clipboard (no display)",
        "no system clipboard tool found: install xclip or xsel": "No clipboard tool: install xclip",
        "no system clipboard tool found: install wl-clipboard": "No wl-copy: install wl-clipboard",
    }
    for problem, line in cases.items():
        sent = clipboard.CopyResult(routes=[clipboard.TERMINAL], problems=[problem])
        message, severity = clipboard.describe("summary", sent, "newsreader summary 7", 37)
        assert severity == "warning" and message.splitlines() == [
            "Sent summary", "to the terminal (OSC 52), unconfirmed", line, "Also in `newsreader summary 7`."], message
        assert len(line) <= 37
    sent = clipboard.CopyResult(routes=[clipboard.TERMINAL], problems=["no system clipboard (no display; common over SSH)"])
    long, _ = clipboard.describe("summary", sent, "newsreader summary 7", 57)
    assert "No system clipboard (no display; common over SSH): ssh -X with xclip installed here gives one." in long, long


async def test_the_person_page_s_copy_toast_cuts_a_long_name_to_a_line_on_a_narrow_screen(library, make_app,
                                                                                          no_display):
    """Below 120 columns the copy toasts name an article by a title cut to one line of the toast (toast31); the person
    page named the person whole, so a long name wrapped the short toast over more lines. The command the toast names
    keeps the whole name (cut, it would not run). At 160 columns the name is cut where titles are (60 cells)."""
    from tui.app.screens.person import PersonScreen
    from tui.app.widgets.status import TOAST_TITLE
    from tui.stories.people import Person

    name = "Wilhelmina Rosalind Fairweather-Okonkwo-Brightwater of Ostravel Quay"  # 68 cells
    person = Person(name=name, label="PERSON",
                    articles=[{"id": 1, "title": "Ostravel quay reopens", "source": "Tideline", "day": "2026-03-03"}],
                    quotes=[{"text": "We will reopen the quay", "lead": "", "article": 1, "source": "Tideline",
                             "day": "2026-03-03", "sources": ["Tideline"]}], timeline=[("2026-03", 1)])
    path, _ = library
    for size, cut in (((80, 24), True), ((160, 48), False)):
        app = make_app(path)
        async with app.run_test(size=size) as pilot:
            page = PersonScreen(path, name)
            await app.push_screen(page)
            await pilot.pause()
            page.loaded(person, "")
            for key, said in (("y", "quotes of "), ("Y", "the page of ")):
                await pilot.press(key)
                await settle(pilot)
                message, _ = _toast(app)
                first = message.split("\n")[0]
                head = next((h + said for h in ("Sent ", "Could not copy ") if first.startswith(h + said)), None)
                assert head is not None, message
                shown, cut_at, after = first[len(head):].partition("…")
                assert cut_at and after.startswith("" if key == "y" else " as Markdown"), message
                if cut:  # the short form: where it went on the toast's next line
                    assert after.rstrip(".") in ("", " as Markdown"), message
                assert name.startswith(shown), message
                # a line of the 80-column toast (37 cells); from 120 columns the toasts' 60 cells for a title
                assert 20 <= len(shown) < 37 if cut else len(shown) == TOAST_TITLE - 1, message
                assert f"`newsreader who '{name}'`" in message, message


async def test_unconfirmed_copies_on_a_narrow_screen_log_why_once_a_session(library, make_app, no_display):
    """The short toast leaves out why a copy was not confirmed and the app logs the long form; it logged a WARNING
    line at every such copy, so `newsreader doctor`'s "last line written" was the last copy's time. Each way of
    failing is logged once a session: the first copy's line has the reason and the command, the next copies none."""
    log = Path(os.environ["NEWSREADER_LOG"])

    def copy_lines() -> list[str]:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        return [x for x in lines if " copy: " in x]

    before = len(copy_lines())
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        for key in ("c", "y", "c", "Y"):
            await pilot.press(key)
            await settle(pilot)
            assert _toast(app)[0].startswith(("Sent ", "Could not copy ")), _toast(app)
        article = app.screen.article.id
    logged = copy_lines()[before:]
    assert len(logged) == 1, logged
    for said in ("No system clipboard (no display", f"newsreader summary {article}", "not logged again this session"):
        assert said in logged[0], logged


async def test_a_copy_made_while_a_longer_summary_is_being_made_names_the_command_of_the_one_copied(
        library, make_app, no_display, monkeypatch, capsys):
    """`+` then `Y` before the longer summary has come: Y copies the summary on screen (the shorter one), and its toast
    named `--sentences 4`, whose command printed another text. The command named is the copied summary's; once the
    longer one is shown, Y's names its length."""
    import shlex
    import threading

    from tui.app.parts import analysis as jobs
    from tui.cli import main

    path, _ = library
    monkeypatch.setenv("NEWSREADER_DB", str(path))
    hold, held = threading.Event(), threading.Event()
    analyse = jobs._analyse_in_thread

    def held_analysis(engine, lib, article, method, sentences, force):
        if sentences == 4:
            held.set()
            hold.wait(60)
        return analyse(engine, lib, article, method, sentences, force)

    monkeypatch.setattr(jobs, "_analyse_in_thread", held_analysis)
    app = make_app(path)
    commands: list[tuple[str, str]] = []
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        try:
            await pilot.press("plus")
            await wait_until(pilot, held.is_set, "the longer summary was not asked for")
            await pilot.press("Y")
            await wait_until(pilot, lambda: "`" in _toast(app)[0], "Y's toast did not come")
            message = _toast(app)[0]
            commands.append((app.clipboard, message[message.index("`") + 1:message.rindex("`")]))
        finally:
            hold.set()
        await settle(pilot)
        await pilot.press("Y")
        await settle(pilot)
        message = _toast(app)[0]
        commands.append((app.clipboard, message[message.index("`") + 1:message.rindex("`")]))
    assert "--sentences" not in commands[0][1] and "--sentences 4" in commands[1][1], commands
    assert commands[0][0] != commands[1][0]
    for text, command in commands:
        assert main(shlex.split(command)[1:]) == 0
        assert capsys.readouterr().out == text, command
