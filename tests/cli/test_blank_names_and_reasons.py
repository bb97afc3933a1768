"""Names of nothing but spaces, and the system's reasons in file errors (session 31).

`feed add URL --title "  "` named the feed "  " (a blank row in `feed list`), `list --entity "  "` said "no articles",
`list --search "  "` listed the whole library: each is now a usage error naming the option, as `who "  "` was. A name
with words keeps them without the spaces around them. And every file error says the system's reason one way,
lower-case, after the name: `add` said "cannot read (File name too long)", `watch add` said "no such folder" of a name
too long to look up."""

from __future__ import annotations

import pytest

from tui.cli import main

LONG = "quillhaven-harbour-" * 20  # 380 bytes: longer than a file name may be (255)


@pytest.mark.parametrize("args, option, said", [
    (["feed", "add", "http://127.0.0.1:9/feed.xml", "--title", "   "], "--title", "only spaces"),
    (["feed", "add", "http://127.0.0.1:9/feed.xml", "--title", "\t\u200b "], "--title", "only spaces"),
    (["feed", "add", "http://127.0.0.1:9/feed.xml", "--title", ""], "--title", "an empty value (a variable not set?)"),
    (["list", "--entity", "  "], "--entity", "only spaces"),
    (["list", "--search", "  "], "--search", "only spaces"),
    (["list", "-s", ""], "--search", "an empty value (a variable not set?)"),
])
def test_a_name_or_search_of_only_spaces_is_a_usage_error(lib, capsys, args, option, said):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == 2
    captured = capsys.readouterr()
    command = " ".join(args[:2] if args[0] == "feed" else args[:1])
    what = "words" if option == "--search" else "a name"
    assert captured.out == "" and captured.err == (f"newsreader {command}: error: argument {option}: {said}; give "
                                                   f"{what} or leave the option out (see `newsreader {command} "
                                                   "--help`)\n"), captured


def test_a_name_keeps_its_words_without_the_spaces_around_them(lib, capsys):
    from tui.store.feeds import add_feed, list_feeds

    assert main(["list", "--search", "  harbour  "]) == 0  # (an empty library: nothing found, no usage error)
    assert capsys.readouterr().err == "no articles match 'harbour'\n"
    add_feed(lib, "http://127.0.0.1:9/a.xml", "  Quillhaven Tide  ")
    add_feed(lib, "http://127.0.0.1:9/b.xml", "   ")  # (a title of spaces, from a file or a server: the URL shown)
    assert [(f.title, f.name) for f in list_feeds(lib)] == [("Quillhaven Tide", "Quillhaven Tide"),
                                                            ("", "http://127.0.0.1:9/b.xml")]


def test_file_errors_say_the_systems_reason_lower_case_after_the_name(tmp_path, lib, capsys, monkeypatch):
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    shown = LONG[:20]  # (an error line echoes a long name cut in its middle)
    cases = [(["add", LONG + ".txt"], 1, "skipped "), (["summary", LONG + ".txt"], 1, "newsreader: error: "),
             (["summary", "--batch", LONG + ".jsonl"], 1, "newsreader: error: "),
             (["feed", "import", LONG + ".opml"], 1, "newsreader: error: "),
             (["feed", "export", "-o", LONG + ".opml"], 1, "newsreader: error: "),
             (["watch", "add", LONG], 1, "newsreader: error: ")]
    for args, code, start in cases:
        assert main(args) == code, args
        err = capsys.readouterr().err.splitlines()
        assert err[0].startswith(start + shown) and err[0].endswith(": file name too long"), (args, err)
        assert len(err[0]) < 340 and "Errno" not in err[0] and "…" in err[0], err
    assert not list((tmp_path / "work").iterdir())
