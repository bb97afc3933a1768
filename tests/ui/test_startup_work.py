"""What the start-up no longer does twice: parse the same CSS at every start (tui/app/css_cache.py) and restyle
the whole main screen just mounted to give it its width class (QuickSwitch in screens/switch.py). Each test
checks the work is skipped and that the first screen looks exactly as with the work done."""

from __future__ import annotations

import pickle

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet

from tui.app import css_cache


def first_screen(app) -> str:
    """The whole screen as terminal text (every character, colour and attribute)."""
    return app.screen._compositor.render_full_update().render_segments(app.console)


async def start(make_app, path, size=(160, 48)) -> str:
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return first_screen(app)


def app_tcss_stylesheet() -> Stylesheet:
    from pathlib import Path

    import tui.app.app as app_module

    sheet = Stylesheet(variables=App().get_css_variables())
    sheet.read(Path(app_module.__file__).with_name("app.tcss"))
    return sheet


def counting_parser(monkeypatch) -> list:
    """The CSS sources Textual's parser reads from now on."""
    calls = []
    original = css_cache._PARSE_RULES

    def parse(self, css, read_from, *args):
        if (css, read_from, *args) not in self._parse_cache:  # (not a hit of Textual's own cache)
            calls.append(read_from)
        return original(self, css, read_from, *args)

    monkeypatch.setattr(css_cache, "_PARSE_RULES", parse)
    return calls


def described(rules) -> list:
    """Everything a rule set is: its selectors and their specificity, its declarations, its flags."""
    return [(rule.css, sorted(rule.selector_names), sorted(rule.pseudo_classes), rule.is_default_rules,
             rule.tie_breaker, [(s.css, s.specificity) for s in rule.selector_set],
             sorted((k, repr(v)) for k, v in rule.styles.get_rules().items())) for rule in rules]


def test_a_second_parse_reads_the_kept_rules_the_same_as_textuals(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path))
    monkeypatch.setattr(css_cache, "_files", {})
    calls = counting_parser(monkeypatch)
    first = app_tcss_stylesheet()
    first.parse()
    assert len(calls) == 1 and list(tmp_path.glob("css-*.pickle"))
    monkeypatch.setattr(css_cache, "_files", {})  # as in a new process: read from the file
    second = app_tcss_stylesheet()
    second.parse()
    assert len(calls) == 1  # not parsed again
    assert described(second.rules) == described(first.rules) and len(first.rules) > 50
    assert all(a is not b and a.styles is not b.styles for a, b in zip(first.rules, second.rules))  # fresh objects


def test_other_variables_are_another_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path))
    monkeypatch.setattr(css_cache, "_files", {})
    calls = counting_parser(monkeypatch)
    app_tcss_stylesheet().parse()
    sheet = app_tcss_stylesheet()
    sheet.set_variables({**sheet._variables, "accent": "#123456"})
    sheet.parse()
    assert len(calls) == 2 and len(list(tmp_path.glob("css-*.pickle"))) == 2


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other_state", "not_bytes"])
def test_a_damaged_cache_file_is_parsed_past_and_written_again(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path))
    monkeypatch.setattr(css_cache, "_files", {})
    good = app_tcss_stylesheet()
    good.parse()
    (path,) = tmp_path.glob("css-*.pickle")
    state, entries = pickle.loads(path.read_bytes())
    path.write_bytes({"garbage": b"\x80\x05not a pickle at all",
                      "truncated": path.read_bytes()[: path.stat().st_size // 2],
                      "other_state": pickle.dumps(("another state", entries)),
                      "not_bytes": pickle.dumps((state, {k: ["not", "bytes"] for k in entries}))}[damage])
    monkeypatch.setattr(css_cache, "_files", {})
    calls = counting_parser(monkeypatch)
    again = app_tcss_stylesheet()
    again.parse()
    assert len(calls) == 1 and described(again.rules) == described(good.rules)
    assert pickle.loads(path.read_bytes())[0] == state  # whole again


def test_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(css_cache, "_files", {})
    calls = counting_parser(monkeypatch)
    app_tcss_stylesheet().parse()
    app_tcss_stylesheet().parse()
    assert len(calls) == 2 and not list(tmp_path.rglob("*"))


async def test_the_first_screen_is_the_same_from_the_kept_rules(library, make_app, tmp_path, monkeypatch):
    path, _ = library
    monkeypatch.setenv("NEWSREADER_CACHE", "off")
    parsed = await start(make_app, path)
    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(css_cache, "_files", {})
    cold = await start(make_app, path)  # parses and writes the file
    monkeypatch.setattr(css_cache, "_files", {})
    calls = counting_parser(monkeypatch)
    warm = await start(make_app, path)  # reads it
    assert not calls
    assert warm == cold == parsed


@pytest.mark.parametrize("size, width_class", [((200, 50), "-wider"), ((130, 40), "-wide"), ((90, 30), "-narrow")])
async def test_the_main_screen_is_styled_once_with_its_width_class(library, make_app, monkeypatch, size, width_class):
    """The main screen had its width class set at its first resume, after its widgets were styled without it:
    the whole screen was styled again before the first paint (23 M instructions)."""
    path, _ = library
    restyled = []
    original = Stylesheet.update_nodes

    def update_nodes(self, nodes, animate=False):
        nodes = list(nodes)
        restyled.append(nodes)
        return original(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", update_nodes)
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class(width_class)
        assert not [nodes for nodes in restyled if screen in nodes]
        shown = [screen.query_one(f"#{pane}-pane").display for pane in ("library", "article", "summary")]
        assert shown == ([True, False, False] if width_class == "-narrow" else [True, True, True])
        ours = first_screen(app)
        monkeypatch.setattr(Stylesheet, "update_nodes", original)
        app.stylesheet.update(screen)  # what a restyle of the whole screen gives
        await pilot.pause()
        assert first_screen(app) == ours


class Planted:
    """A pickle that, when loaded, makes a folder: what loading a planted file could do."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        import os

        return (os.mkdir, (self.marker,))


@pytest.mark.parametrize("mode, folder_mode, loaded", [(0o600, 0o700, True), (0o666, 0o700, False),
                                                       (0o620, 0o700, False), (0o600, 0o777, False)])
def test_a_cache_file_others_could_write_is_never_unpickled(tmp_path, mode, folder_mode, loaded):
    folder = tmp_path / "cache"
    folder.mkdir()
    path = folder / "css-planted.pickle"
    marker = tmp_path / "ran"
    path.write_bytes(pickle.dumps(("state", Planted(marker))))
    path.chmod(mode)
    folder.chmod(folder_mode)
    try:
        assert css_cache._File(path, "state").get("key") is None  # never a usable entry either way
    finally:
        folder.chmod(0o700)
    # the user's own file (the control) is read; one a group or everyone could write, or in such a folder, is not
    assert marker.exists() is loaded


def test_a_symlinked_cache_file_is_not_followed(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    elsewhere = tmp_path / "elsewhere.pickle"
    elsewhere.write_bytes(pickle.dumps(("state", Planted(tmp_path / "ran"))))
    elsewhere.chmod(0o600)
    (folder / "css-x.pickle").symlink_to(elsewhere)
    assert css_cache._File(folder / "css-x.pickle", "state").get("key") is None
    assert not (tmp_path / "ran").exists()


def test_the_cache_file_is_written_for_the_user_alone(tmp_path):
    folder = tmp_path / "new" / "cache"
    file = css_cache._File(folder / "css-y.pickle", "state")
    assert file.get("key") is None
    file.put("key", b"rules")
    file.save()
    assert (folder / "css-y.pickle").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    assert css_cache._File(folder / "css-y.pickle", "state").get("key") == b"rules"


def test_a_textual_whose_parse_takes_other_arguments_is_left_alone(monkeypatch):
    def other(self, css, path, flags=0):  # the shape a later Textual might have
        return []

    monkeypatch.setattr(Stylesheet, "_parse_rules", other)
    css_cache.install()
    assert Stylesheet._parse_rules is other


def test_old_and_surplus_cache_files_are_removed_when_one_is_written(tmp_path, monkeypatch):
    """Each theme, Textual and Python wrote a file of ~75 KB that stayed for ever. Writing one now removes this
    cache's other files unused for KEEP_DAYS days and all but the KEEP_OTHERS last used; nothing else."""
    import os
    import time

    monkeypatch.setenv("NEWSREADER_CACHE", str(tmp_path))
    monkeypatch.setattr(css_cache, "_files", {})
    now = time.time()

    def cache_file(number: int, days_ago: float) -> str:
        name = f"css-{number:016x}.pickle"
        (tmp_path / name).write_bytes(b"another state's rules")
        os.utime(tmp_path / name, (now - days_ago * 86400, now - days_ago * 86400))
        return name

    stale = [cache_file(n, 40 + n) for n in range(3)]
    recent = [cache_file(100 + n, n + 1) for n in range(css_cache.KEEP_OTHERS + 2)]  # two too many
    others = ["notes.txt", "css-mine.pickle", "css-00000000000000ff.pickle.123.tmp", "library.db"]
    for name in others:
        (tmp_path / name).write_bytes(b"not this cache's")
        os.utime(tmp_path / name, (now - 90 * 86400, now - 90 * 86400))
    (tmp_path / "css-00000000000000aa.pickle").symlink_to(tmp_path / "notes.txt")  # a link is never followed
    app_tcss_stylesheet().parse()  # writes this state's file
    left = {p.name for p in tmp_path.iterdir()}
    assert not left & set(stale), sorted(left & set(stale))
    (written,) = left - set(recent) - set(others) - {"css-00000000000000aa.pickle"}
    assert written.startswith("css-") and written not in stale
    assert left == {written, *recent[:css_cache.KEEP_OTHERS], *others, "css-00000000000000aa.pickle"}, sorted(left)
    assert (tmp_path / "notes.txt").read_bytes() == b"not this cache's"
