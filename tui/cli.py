"""The `newsreader` command. Parses arguments and calls the store, importers and engine (same engine as the TUI).

Exit codes: 0 ok, 1 failure, 2 usage. Errors are one line on stderr; `--debug` shows tracebacks.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from tui import __version__

PROG = "newsreader"


# Summary method names, kept here so `--help` and argument checks don't import the engine
# (tests check this list matches the engine's registry).
METHOD_NAMES = ["news", "lead", "lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction"]


def _number(text: str, kind=int):
    """`text` as a number, or argparse's one-line reason: "invalid _count value: 'x'" named our function."""
    import argparse

    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a {'whole ' if kind is int else ''}number") from None


def _positive_int(text: str) -> int:
    import argparse

    value = _number(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _count(text: str) -> int:
    """A count where 0 means "no limit" / "the default": `--limit`, `--jobs` (-5 listed every row, silently)."""
    import argparse

    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more (0: the default)")
    return value


def _seconds(text: str) -> float:
    """A time in seconds, more than 0 and finite (`--timeout nan` was taken, and compares false with every time)."""
    import argparse
    import math

    value = _number(text, float)
    if not (value > 0 and math.isfinite(value)):
        raise argparse.ArgumentTypeError("must be a number of seconds more than 0")
    return value


def _ratio(text: str) -> float:
    import argparse

    value = _number(text, float)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError("must be between 0 and 1 (e.g. 0.2)")
    return value


# A number that is no id: negative, signed, a fraction, an exponent, hex/octal/binary, 0 (`summary -5` was read as a
# file named "-5": "-5: no such file or directory"; `show -5` said "no article with id -5", exit 1, not a usage error)
_ODD_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?0[xXoObB][0-9a-fA-F_]+")
ID_RULE = "ids are whole numbers from 1"


def _odd_number(text: str) -> bool:
    """`text` reads as a number but not as an id (ASCII digits, 1 or more)."""
    return bool(_ODD_NUMBER.fullmatch(text)) and not (text.isascii() and text.isdigit() and int(text) > 0)


def _id(text: str) -> int:
    """An article's or a story's id: whole ASCII digits, 1 or more (`show -5`, `show +3`, `show 0` are usage errors)."""
    import argparse

    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id ({ID_RULE})")
    return int(text)


def _id_or_path(text: str) -> str:
    """An article's id or a file's path (`summary`, `entities`, `quotes`): a number that cannot be an id ("-5", "5.0",
    "0") is a usage error unless a file has that name."""
    import argparse

    if _odd_number(text) and not os.path.lexists(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an article id ({ID_RULE}) nor a file")
    return text


def _feed_ref(text: str) -> str:
    """A feed's id or URL (`feed remove`, `refresh`): a number that cannot be an id is a usage error."""
    import argparse

    if _odd_number(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a feed id ({ID_RULE}, as `newsreader feed list` shows "
                                         "them) nor a URL")
    return text


class CliError(Exception):
    """A failure to report in one line (exit code 1)."""


class UsageError(CliError):
    """A command given too little to go on (`summary` with no ID, PATH or --batch): one line naming the command's
    --help, exit code 2, as argparse's own usage errors."""


ERROR_CELLS = 300  # an error line at most (what the user typed is echoed in it: a path, a name, an argument)


def build_parser(stories: bool = True) -> argparse.ArgumentParser:
    """The full command line (imported only when the arguments are more than a plain start of the reader).
    `stories=False` leaves out the story subcommands (see `_needs_stories`)."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def error(self, message):  # "invalid int value: '<100 KB>'": one short line
            from tui.cells import echoed

            # one line, exit code 2: the reason and where the usage is (argparse printed its usage block first,
            # five lines for `summary`, the reason last)
            self.exit(2, f"{self.prog}: error: {echoed(message, ERROR_CELLS)} (see `{self.prog} --help`)\n")

    p = Parser(prog=PROG, description="Read news in the terminal: entities highlighted, summary and key quotes beside it.")
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    p.add_argument("--db", metavar="PATH", help="library file (default: $NEWSREADER_DB or the user data folder)")
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("add", help="import files, folders, feeds or stdin ('-')")
    a.add_argument("paths", nargs="+", metavar="PATH",
                   help="a .txt/.md/.html file, an RSS/Atom feed file, a folder (all it holds), a URL, or - for stdin")
    a.add_argument("--dry-run", action="store_true", help="parse only, store nothing")
    a.add_argument("--json", action="store_true", help="one JSON object per article")
    a.add_argument("--force", action="store_true", help="import files that do not read as prose (word lists, config files)")

    ls = sub.add_parser("list", help="list the library, newest first")
    ls.add_argument("--search", "-s", metavar="Q", default=None, help="full-text search (ranked)")
    ls.add_argument("--entity", metavar="NAME", default=None, help="only articles that mention this entity (of those analysed: `analyze` does the rest)")
    ls.add_argument("--limit", type=_count, default=0, metavar="N", help="at most N rows (default: all)")
    ls.add_argument("--json", action="store_true", help="one JSON object a row (with its twins and outlets)")

    sh = sub.add_parser("show", help="print one article")
    sh.add_argument("id", type=_id, help="the article's id, as `list` shows it")
    sh.add_argument("--json", action="store_true", help="the article as one JSON object")

    rm = sub.add_parser("remove", help="delete one article")
    rm.add_argument("id", type=_id, help="the article's id, as `list` shows it")

    ex = sub.add_parser("export", help="write the whole library to stdout, newest first")
    ex.add_argument("--format", choices=["md", "json"], default="md",
                    help="md (default): Markdown; json: one object a line, what `add` takes back")

    dr = sub.add_parser("doctor", help="library path, counts, health, NLP backends, clipboard routes, the app's log")
    dr.add_argument("--repair", action="store_true",
                    help="make the search index again from the articles, in place (a damaged or dropped index)")
    dr.add_argument("--fill-headers", action="store_true",
                    help="give articles added from a file a missing outlet and date from the lines under their "
                         "headline (never replacing one they have)")

    an = sub.add_parser("analyze", help="analyse every article not yet analysed (uses all cores)")
    an.add_argument("--jobs", type=_count, default=0, metavar="N", help="worker processes (default: all cores)")

    from tui.feed_cli import add_parsers

    add_parsers(sub)  # feed, refresh, watch

    for name, what in (("summary", "extractive summary"), ("entities", "named entities"), ("quotes", "key quotes with speakers")):
        c = sub.add_parser(name, help=f"{what} of a stored article (ID) or a file (PATH)")
        c.add_argument("target", nargs="?", metavar="ID|PATH", type=_id_or_path,
                       help="a stored article's id (as `list` shows it) or a file's path, - for stdin")
        c.add_argument("--batch", metavar="FILE.jsonl", help='JSONL lines {"id","text"[,"title"][,"budget_sentences"]}')
        c.add_argument("--format", choices=["text", "md", "json"], default="text", help="text (default), md or json")
        if name == "quotes":
            c.add_argument("--max-chars", type=_positive_int, metavar="N",
                           help="trim each quote to about N characters (default: whole, as in the app)")
        if name == "summary":
            c.add_argument("--method", default="news", choices=METHOD_NAMES, metavar="NAME",
                           help="news (default), " + ", ".join(METHOD_NAMES[1:]))
            length = c.add_mutually_exclusive_group()
            length.add_argument("--sentences", "-n", type=_positive_int, metavar="N", help="number of sentences")
            length.add_argument("--ratio", type=_ratio, metavar="R", help="fraction of the article's sentences (0-1]")
            c.add_argument("--quotes", action="store_true",
                           help="with --format md: the title, source line, summary and key quotes, as the app's Y "
                                "copies them")
    if stories:
        from tui.stories.cli_args import add_parsers

        add_parsers(sub, _positive_int, _id)
    return p


def _needs_stories(argv: list[str]) -> bool:
    """False for `add` (without --help): its arguments parse the same without the story subcommands, whose
    module imports the grouping, summary and quote code (~60 ms of an import's start-up)."""
    if any(a in ("-h", "--help") for a in argv):
        return True
    it = iter(argv)
    for arg in it:
        if arg == "--db":
            next(it, None)
        elif not arg.startswith("-"):
            return arg != "add"
    return True


# Options whose value is text a reader types (a search, a name): a value beginning with "-" ("-ferry") is still the
# value, not an option (argparse took `list --search -ferry` for an unknown option and gave a usage error).
TEXT_OPTIONS = {"list": ("--search", "-s", "--entity")}


def _text_values(argv: list[str]) -> list[str]:
    """`argv` with `--search -ferry` written `--search=-ferry` where the next argument is not one of the subcommand's
    own options (`--search --json` still says the search is missing)."""
    it, command = iter(enumerate(argv)), None
    for i, arg in it:
        if arg == "--db":
            next(it, None)
        elif not arg.startswith("-"):
            command = arg
            break
    if command in ("stories", "brief") and "--since" in argv:
        # `--since -1d` said "expected one argument": a WHEN beginning with "-" and a digit is the value (then refused
        # as any WHEN that cannot be read: "cannot read '-1d'")
        joined: list[str] = []
        for arg in argv:
            if joined and joined[-1] == "--since" and arg[:1] == "-" and arg[1:2].isdigit():
                joined[-1] = f"--since={arg}"
            else:
                joined.append(arg)
        return joined
    options = TEXT_OPTIONS.get(command or "")
    if not options:
        return argv
    own = {"-h", "--help", "--search", "-s", "--entity", "--limit", "--json"}
    out: list[str] = []
    pending = None
    for arg in argv:
        if pending is not None:
            # ("--" too: argparse read `--search --` as the end of the options and the search as missing)
            if arg.startswith("-") and len(arg) > 1 and arg.split("=", 1)[0] not in own:
                out[-1] = f"{pending}={arg}" if pending.startswith("--") else f"--search={arg}"
                pending = None
                continue
            pending = None
        out.append(arg)
        if arg in options:
            pending = arg
    return out


def _bare_tui_args(argv: list[str]):
    """The arguments of a plain `newsreader` / `newsreader --db PATH`, or None for anything else.

    Opening the reader is the common case and its start-up is timed: it skips building the
    argparse parser (and importing argparse, gettext and the commands module).
    """
    from types import SimpleNamespace

    if not argv:
        return SimpleNamespace(db=None, debug=False, command=None)
    if len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-"):
        return SimpleNamespace(db=argv[1], debug=False, command=None)
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > 5:
        return SimpleNamespace(db=argv[0][5:], debug=False, command=None)
    return None


def main(argv: list[str] | None = None) -> int:
    if sys.stderr is None:  # started with stderr closed (`2>&-`): print(file=None) wrote the errors to stdout
        sys.stderr = open(os.devnull, "w")
    args = _bare_tui_args(sys.argv[1:] if argv is None else list(argv))
    if args is None:
        argv = sys.argv[1:] if argv is None else list(argv)
        parser = build_parser(stories=_needs_stories(argv))
        args, extra = parser.parse_known_args(_text_values(argv))
        if extra:  # named by the command's own parser: `list --bogus` pointed at `newsreader --help`
            _command_parser(parser, args).error(f"unrecognized arguments: {' '.join(extra)}")
        if args.db == "":  # `--db ""` (an unset variable) opened the default library
            parser.error("argument --db: needs a library file's path")
        _text_arguments(parser, args)
        _empty_arguments(parser, args)
        _blank_names(parser, args)
        for name in ("search", "entity"):
            # argparse drops a value's "--" (`--search=--`) and gives an empty list: the text typed was "--" (the
            # command failed with "AttributeError: 'list' object has no attribute 'strip'")
            if isinstance(getattr(args, name, None), list):
                setattr(args, name, " ".join(getattr(args, name)) or "--")
        if isinstance(getattr(args, "since", None), list):
            # the same for `--since=--`: its WHEN was never read, and `brief` and `stories` ran with no limit at all
            from tui.stories.when import FORMS

            _command_parser(parser, args).error(f"argument --since: cannot read {' '.join(args.since) or '--'!r}: "
                                                f"{FORMS}")
    if sys.stdout is None and args.command is not None:  # `list >&-`: "AttributeError: 'NoneType' object has no ..."
        print(f"{PROG}: error: no standard output to write to (it is closed)", file=sys.stderr)
        return 1
    from tui import streams  # a terminal or pipe not in UTF-8: "UnicodeEncodeError" at the first bullet

    streams.fit(data=args.command == "export" or getattr(args, "feed_command", None) == "export"
                or bool(getattr(args, "json", False)) or getattr(args, "format", None) == "json",
                app=args.command is None)
    try:
        if args.command is None:
            return _run_tui(args)
        from tui import commands

        return getattr(commands, "cmd_" + args.command)(args)
    except UsageError as exc:
        from tui.cells import echoed

        name = f"{PROG} {args.command}"
        print(f"{name}: error: {echoed(str(exc), ERROR_CELLS)} (see `{name} --help`)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); not an error worth a message.
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except Exception as exc:  # every failure is one line unless --debug
        if args.debug:
            raise
        from tui.cells import echoed

        # one line, a 100 KB argument echoed in it cut in the middle ("no entity named 'qqq…qqq'")
        print(f"{PROG}: error: {echoed(_one_line(exc, args), ERROR_CELLS)}", file=sys.stderr)
        return 1


# Arguments that are text (a search, a name, a URL, a feed's title), not a file's path: bytes that are not UTF-8 (a
# Latin-1 "caf\xe9" typed in a terminal set to another encoding) reach Python as lone surrogates, which SQLite cannot take
# ("UnicodeEncodeError: 'utf-8' codec can't encode character '\udcff' ...: surrogates not allowed", exit 1).
TEXT_ARGUMENTS = {"search": "--search", "entity": "--entity", "name": "NAME", "title": "--title", "urls": "URL",
                  "feed": "ID|URL", "feeds": "ID|URL"}


def _text_arguments(parser, args) -> None:
    """A usage error (exit 2) for a text argument that is not UTF-8, naming it."""
    for dest, shown in TEXT_ARGUMENTS.items():
        value = getattr(args, dest, None)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and not text.isascii():
                from tui.feed_cli import is_utf8

                if not is_utf8(text):
                    from tui.textsafe import visible

                    _command_parser(parser, args).error(f"argument {shown}: '{visible(text)}' is not UTF-8 text")


# Arguments that name a file, a folder, a URL or a feed: an empty one (`add "$FILE"` of a variable not set) was read as
# a name ("skipped : no such file or directory", "newsreader: error: : no such folder", "no feed"), and `feed export
# -o ""` wrote to the screen.
NAMED_ARGUMENTS = {"paths": "PATH", "urls": "URL", "feed": "ID|URL", "feeds": "ID|URL", "file": "FILE.opml",
                   "output": "--output", "dir": "DIR"}


def _empty_arguments(parser, args) -> None:
    """A usage error (exit 2) for an empty name, path or URL, naming the argument."""
    for dest, shown in NAMED_ARGUMENTS.items():
        value = getattr(args, dest, None)
        if any(text == "" for text in (value if isinstance(value, list) else [value])):
            _command_parser(parser, args).error(f"argument {shown}: an empty name (a variable not set?)")


# Names and searches typed on the command line (`who NAME` says it in its own words): one empty or of spaces only (an
# unset variable, a stray quote) was taken as given: `feed add URL --title "  "` named the feed "  ", a blank row in
# `feed list`; `list --entity "  "` said "no articles"; `list --search "  "` listed the whole library.
BLANK_NAMES = {"title": ("--title", "a name"), "entity": ("--entity", "a name"), "search": ("--search", "words")}


def _blank_names(parser, args) -> None:
    """A usage error (exit 2) for a name or a search with nothing visible in it (spaces, tabs, zero-width
    characters), naming the option; the same for an empty one. Leading and trailing spaces of one that has words are
    dropped."""
    from tui.textsafe import clean

    for dest, (shown, what) in BLANK_NAMES.items():
        value = getattr(args, dest, None)
        if value is None and hasattr(args, dest):  # (not given: "", as before)
            setattr(args, dest, "")
        if not isinstance(value, str):
            continue
        if not clean(value).strip():
            said = "an empty value (a variable not set?)" if value == "" else "only spaces"
            _command_parser(parser, args).error(f"argument {shown}: {said}; give {what} or leave the option out")
        setattr(args, dest, value.strip())


def _command_parser(parser, args):
    """The parser of the (sub)command `args` ran: `feed list` -> the parser of `newsreader feed list`."""
    import argparse

    found = parser
    while True:
        action = next((a for a in found._actions if isinstance(a, argparse._SubParsersAction)), None)
        chosen = getattr(args, action.dest, None) if action is not None else None
        if chosen is None or chosen not in action.choices:
            return found
        found = action.choices[chosen]


def _one_line(exc: BaseException, args=None) -> str:
    import sqlite3

    from tui.store import StoreError, default_db_path
    from tui.store.library import _explain

    if isinstance(exc, sqlite3.DatabaseError):
        # A read that reached a damaged page (or a lock held too long) after the library opened fine.
        db = Path(args.db).expanduser() if args is not None and args.db else default_db_path()
        return _explain(exc, db)
    if isinstance(exc, OSError) and exc.filename is None and exc.strerror:
        # no file named: the output ("[Errno 28] No space left on device" of `export > /dev/full`)
        why = exc.strerror[:1].lower() + exc.strerror[1:]
        import errno

        full = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}  # (a library's disk: "disk full")
        return f"cannot write the output: {why}" if exc.errno in full else why
    text = str(exc).strip().splitlines()
    msg = text[0] if text else type(exc).__name__
    return msg if isinstance(exc, (CliError, StoreError, OSError)) else f"{type(exc).__name__}: {msg}"


def _run_tui(args) -> int:
    from tui.store import Library, library
    from tui.store.library import chosen_library

    # The same choice of library as tui.commands.open_library, without importing the commands.
    # The library is opened once here and handed to the app.
    library.UPGRADE_NOTICE = lambda message: print(f"{PROG}: {message}", file=sys.stderr, flush=True)
    path, make_folder, named_by = chosen_library(args.db)
    lib = Library(path, create_dirs=make_folder, named_by=named_by)
    try:
        if lib.created:
            from tui.seed import seed

            seed(lib)
        from tui.app import run
    except BaseException:
        lib.close()
        raise
    return run(lib.path, lib=lib) or 0


if __name__ == "__main__":
    # `python -m tui.cli`: this file runs as `__main__`, and the modules it calls raise `tui.cli.CliError`, another
    # class than this copy's (errors read "CliError: no story with id 9"). Run the `tui.cli` every other module imports.
    from tui.cli import main as _main

    sys.exit(_main())
