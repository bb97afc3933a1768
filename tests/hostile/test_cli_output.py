"""No escape byte reaches the terminal from `show`, `summary`, `quotes`, `entities`, `list` or `export`,
whatever the stored text holds; Rich markup in articles is printed literally."""

from __future__ import annotations

import pytest

import hostile_inputs
from hostile_helpers import run_cli, terminal_bytes

# Stored straight into the library, bypassing the importers' cleaning: the CLI must be safe on its own
# (a library written by another tool, an older version, or an importer bug).
RAW_ARTICLES = [
    ("Escape \x1b[31mRED\x1b[0m title\x07", "Escapes",
     "The council met on Tuesday\x1b[2J\x1b[H in Lisbon. \"We will\x1b]52;c;cm0gLXJmIH4=\x07 build the harbour\x1b[10A "
     "by 2030,\" said Maria\x1b[31m Silva\x1b[0m, the mayor.\n\n"
     "Acme\x1b]8;;https://evil.example/\x1b\\ Corp\x1b]8;;\x1b\\ said the plan would cost \u20ac310 million\x9b31m. "
     "\u201cIt is\x07 a fair price,\u201d she said.\x1bc\n\n"
     "Title bar \x1b]0;pwned\x07 and DCS \x1bP+q544e\x1b\\ and cursor \x1b[6n report \x08\x08\x08 done.\r overwritten"),
    ("[bold]Markup[/bold] title [link=file:///etc/passwd]x[/link]", "[red]Source[/red]",
     "The [bold]minister[/bold] said [link=file:///etc/passwd]x[/link] and [/] closed it, according to "
     "John O'Neil. \"[@click=app.quit]Quit[/] now,\" said John O'Neil in [red on white]Lisbon[/].\n\n"
     "Acme Corp said :smile: \\[escaped] [b][i]nested[/i][/b] on Tuesday."),
    ("RTL \u202eevil.txt\u202c title", "RTL",
     "\u0645\u0631\u062d\u0628\u0627 said Maria Silva in \u05e9\u05dc\u05d5\u05dd on Tuesday. \u6771\u4eac\u90fd"
     "\u300c\u6539\u9769\u300d. \"Family \U0001F468\u200d\U0001F469\u200d\U0001F467 e\u0301 "
     "Z\u0335\u0336\u0337\u0321,\" she said.\n\n\u200f\u200e\u2067isolate\u2069 \ufeff end."),
    ("Quotes only", "Q", "\"\"'' \u201c\u201d \u2018\u2019 \u00ab\u00bb \"He said 'she said \"they said\"'\" \u2014 "
                         "Maria Silva said. \u201c" * 20),
    ("C1 \x9b31m title\x85", "C1",
     "\"We\x9b31m will win\x9d the vote,\" said Maria Silva on Tuesday in Lisbon.\n\n"
     "Maria Silva\x9b of Acme\x7f Corp said the vote\x9b was fair and cost \u20ac3\x9b million.\n\n"
     "The\x9b2J count\x9b ended on Friday, said the\x9b council."),
]


@pytest.fixture(scope="module")
def nasty_library(tmp_path_factory):
    """A library holding the raw articles above plus every named nasty file that imports."""
    from tui.models import Article
    from tui.store import Library

    root = tmp_path_factory.mktemp("cliout")
    db = root / "lib.db"
    with Library(db) as lib:
        raw_ids = [lib.add(Article(title=title, body=body, source=source, byline="By \x1b[1mMe\x07",
                                   tags=["\x1b[31mtag", "[bold]t[/bold]"]))[1] for title, source, body in RAW_ARTICLES]
    folder = root / "named"
    hostile_inputs.write_named(folder, big=False)
    r = run_cli("add", str(folder), db=db, timeout=300)
    assert r.returncode == 0, r.stderr[-500:]
    with Library(db) as lib:
        ids = sorted(lib.ids())
    return db, raw_ids, [i for i in ids if i not in raw_ids]


def _check(r, what: str) -> None:
    assert r.returncode in (0, 1), f"{what}: exit {r.returncode}: {r.stderr[-300:]!r}"
    assert b"Traceback" not in r.stderr, f"{what}: {r.stderr[-500:]!r}"
    bad = terminal_bytes(r.stdout) + terminal_bytes(r.stderr)
    assert not bad, f"{what}: control bytes reach the terminal: {bad[:8]}"


COMMANDS = ["show", "summary", "quotes", "entities"]


def _article_commands(db, ids, command, formats=([],)):
    for ident in ids:
        for fmt in formats:
            r = run_cli(command, str(ident), *fmt, db=db, timeout=120)
            _check(r, f"{command} {ident} {fmt}")
            said = r.stderr.decode(errors="replace")
            if command == "summary" and r.returncode == 1:  # a stored text with no sentence (or none long enough to
                # pick): its one line, exit 1
                assert said.count("\n") == 1 and ("no sentences to summarise" in said
                                                  or "nothing to summarise" in said), said[-300:]
                continue
            assert r.returncode == 0, said[-300:]


@pytest.mark.parametrize("command", COMMANDS)
def test_article_commands_write_no_escape_bytes(nasty_library, command):
    """The raw hostile articles (escapes, markup, RTL, quotes) through each command, text and Markdown."""
    db, raw_ids, _ = nasty_library
    _article_commands(db, raw_ids, command)
    if command != "show":
        _article_commands(db, raw_ids[:1], command, formats=(["--format", "md"],))


@pytest.mark.slow
@pytest.mark.parametrize("command", COMMANDS)
def test_article_commands_on_every_imported_nasty_file(nasty_library, command):
    db, _, imported_ids = nasty_library
    assert imported_ids
    _article_commands(db, imported_ids, command, formats=([],) if command == "show" else ([], ["--format", "md"]))


def test_list_and_export_write_no_escape_bytes(nasty_library):
    db, _, _ = nasty_library
    for args in (["list"], ["list", "--search", "council"], ["list", "--search", "\x1b[31m\"[/]*"], ["export"],
                 ["doctor"]):
        r = run_cli(*args, db=db, timeout=120)
        _check(r, " ".join(args))
        assert r.returncode == 0, r.stderr[-300:]


def test_json_output_escapes_control_characters(nasty_library):
    """JSON output carries the stored text, so DEL and C1 controls must be escaped like C0 ones."""
    db, raw_ids, _ = nasty_library
    for args in (["list", "--json"], ["export", "--format", "json"], ["show", str(raw_ids[0]), "--json"]):
        r = run_cli(*args, db=db, timeout=120)
        _check(r, " ".join(args))


@pytest.mark.parametrize("command", ["summary", "quotes", "entities"])
def test_engine_json_output_escapes_control_characters(nasty_library, command):
    db, raw_ids, _ = nasty_library
    r = run_cli(command, str(raw_ids[4]), "--format", "json", db=db, timeout=120)
    _check(r, f"{command} --format json")


def test_markup_is_printed_literally(nasty_library):
    db, raw_ids, _ = nasty_library
    ident = raw_ids[1]
    shown = run_cli("show", str(ident), db=db).stdout.decode()
    assert "[link=file:///etc/passwd]x[/link]" in shown
    assert "[bold]minister[/bold]" in shown and "[b][i]nested[/i][/b]" in shown
    quotes = run_cli("quotes", str(ident), db=db).stdout.decode()
    assert "[@click=app.quit]Quit[/]" in quotes


def test_escape_text_keeps_its_words(nasty_library):
    """Removing the escape sequences keeps the visible words around them."""
    db, raw_ids, _ = nasty_library
    shown = run_cli("show", str(raw_ids[0]), db=db).stdout.decode()
    assert "Escape RED title" in shown
    assert "We will build the harbour" in shown and "Acme Corp said the plan" in shown
