"""Every command's failure is one line of one shape (cli28's walk of each subcommand with bad input):

- a failure (exit 1): `newsreader: error: REASON`;
- a usage error (exit 2): `newsreader COMMAND: error: REASON (see `newsreader COMMAND --help`)`.

Before: `feed add notaurl` printed "notaurl: not a full URL ..." alone; `stories --since bad` and `who " "` were
exit 1 naming no --help; a closed stdin was "AttributeError: 'NoneType' object has no attribute 'buffer'", a closed
stdout "... attribute 'isatty'", an output on a full disk "[Errno 28] No space left on device", and a name, search, URL
or title whose bytes are not UTF-8 "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udce9' ...", exit 1."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from command import newsreader_cmd
from tui.cli import main

ESCAPES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def run(args: list[str], capsys) -> tuple[int, str]:
    """`newsreader ARGS` in this process: (exit code, stderr)."""
    try:
        code = main(args)
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    return code, capsys.readouterr().err


@pytest.fixture
def files(tmp_path, lib, monkeypatch):
    """A library of one article, and the working folder holding a text file, an empty file named with an escape
    sequence, and a folder."""
    from tui.models import Article

    lib.add(Article(title="Harbour dues rise", source="Coast Weekly", published="2026-01-05",
                    body="The port board raised harbour dues by four percent on Monday, the first rise in ten years."))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "note.txt").write_text("Ferry runs late\n\nThe winter ferry ran two hours late on Friday, the "
                                       "harbour office said.\n")
    (tmp_path / "red\x1b[31mname").write_bytes(b"")
    (tmp_path / "box").mkdir()
    return tmp_path


FAILURES = [  # (arguments, what the line says after "newsreader: error: ")
    (["feed", "add", "notaurl"], "notaurl: not a full URL"),
    (["feed", "remove", "99"], "no feed 99"),
    (["feed", "import", "box"], "box: is a directory"),
    (["feed", "import", "gone.opml"], "gone.opml: no such file or directory"),
    (["feed", "export", "-o", "box"], "box: is a directory"),
    (["show", "99"], "no article with id 99"),
    (["remove", "99"], "no article with id 99"),
    (["summary", "99"], "no article with id 99"),
    (["summary", "gone.txt"], "gone.txt: no such file or directory"),
    (["quotes", "box"], "box is a folder"),
    (["summary", "red\x1b[31mname"], "red\\x1b[31mname: empty file"),
    (["summary", "--batch", "box"], "box: a folder, not a JSONL file"),
    (["story", "99"], "no story with id 99"),
    (["who", "Nobody Known"], "no entity named 'Nobody Known'"),
    (["watch", "add", "note.txt"], "note.txt: not a folder"),
    (["watch", "remove", "box"], "is not watched"),
    (["--db", "box", "list"], "box is a folder, not a library file"),
    (["watch", "remove", "/nowhere/caf\udce9"], "/nowhere/caf\\xe9 is not watched"),
]


@pytest.mark.parametrize("args, said", FAILURES, ids=[" ".join(a) for a, _ in FAILURES])
def test_a_failure_is_one_line_newsreader_error(files, capsys, args, said):
    code, err = run(args, capsys)
    assert code == 1, err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("newsreader: error: ") and said in err, err
    assert not ESCAPES.search(err.strip()), err


USAGE = [  # (arguments, the command named, what the reason says)
    (["stories", "--since", "bad"], "stories", "argument --since: cannot read 'bad': use a date"),
    (["brief", "--since", "2026-13-40"], "brief", "argument --since: cannot read '2026-13-40'"),
    (["brief", "--since", "x\x1b[2J"], "brief", "cannot read 'x\\x1b[2J'"),
    # a WHEN beginning with "-" said "argument --since: expected one argument"
    (["stories", "--since", "-1d"], "stories", "argument --since: cannot read '-1d': use a date"),
    (["brief", "--limit", "2", "--since", "-2"], "brief", "argument --since: cannot read '-2'"),
    (["who", "  "], "who", "who needs a name"),
    (["show"], "show", "the following arguments are required: id"),
    (["show", "abc"], "show", "'abc' is not an id"),
    (["story"], "story", "the following arguments are required: id"),
    (["list", "--limit", "x"], "list", "'x' is not a whole number"),
    (["export", "--format", "xml"], "export", "invalid choice: 'xml'"),
    (["summary"], "summary", "summary needs an article ID"),
    (["feed", "bogus"], "feed", "invalid choice: 'bogus'"),
    (["feed", "remove", "1", "2"], "feed remove", "unrecognized arguments: 2"),
    (["doctor", "extra"], "doctor", "unrecognized arguments: extra"),
    # bytes that are not UTF-8 (a Latin-1 "café" typed where UTF-8 is expected) where text goes: "UnicodeEncodeError:
    # 'utf-8' codec can't encode character '\udce9' ...: surrogates not allowed", exit 1
    (["who", "caf\udce9"], "who", "argument NAME: 'caf\\xe9' is not UTF-8 text"),
    (["list", "--entity", "caf\udce9"], "list", "argument --entity: 'caf\\xe9' is not UTF-8 text"),
    (["list", "--search", "caf\udce9"], "list", "argument --search: 'caf\\xe9' is not UTF-8 text"),
    (["feed", "add", "http://127.0.0.1:9/caf\udce9"], "feed add", "argument URL: 'http://127.0.0.1:9/caf\\xe9'"),
    (["feed", "remove", "http://127.0.0.1:9/caf\udce9"], "feed remove", "argument ID|URL: "),
    (["refresh", "http://127.0.0.1:9/caf\udce9"], "refresh", "argument ID|URL: "),
]


@pytest.mark.parametrize("args, command, said", USAGE, ids=[" ".join(a) for a, _, _ in USAGE])
def test_a_usage_error_is_one_line_naming_the_help(files, capsys, args, command, said):
    code, err = run(args, capsys)
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith(f"newsreader {command}: error: ") and said in err, err
    assert err.rstrip().endswith(f"(see `newsreader {command} --help`)"), err
    assert not ESCAPES.search(err.strip()), err


def _closed(args: list[str], fd: int, lib_path) -> subprocess.CompletedProcess:
    """`newsreader ARGS` started with file descriptor `fd` (0: stdin, 1: stdout) closed, as `<&-` / `>&-` do."""
    env = dict(os.environ, NEWSREADER_DB=str(lib_path), NEWSREADER_NO_SEED="1")

    def close() -> None:
        os.close(fd)

    pipes = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    pipes["stdin" if fd == 0 else "stdout"] = None  # (left to the child: closed by preexec_fn)
    return subprocess.run(newsreader_cmd() + args, env=env, preexec_fn=close, timeout=120, **pipes)


@pytest.mark.parametrize("args, said", [
    (["summary", "-"], "newsreader: error: -: no standard input to read (it is closed)"),
    (["summary", "--batch", "-"], "newsreader: error: --batch -: no standard input to read (it is closed)"),
    (["add", "-"], "skipped <stdin>: no standard input to read (it is closed)"),
])
def test_a_closed_stdin_is_said_in_words(lib, lib_path, args, said):
    r = _closed(args, 0, lib_path)
    assert r.returncode == 1, r.stderr
    assert said in r.stderr.decode().splitlines() and b"Error" not in r.stderr, r.stderr


def test_a_closed_stdout_is_said_in_words(lib, lib_path):
    r = _closed(["list"], 1, lib_path)
    assert r.returncode == 1
    assert r.stderr.decode().strip() == "newsreader: error: no standard output to write to (it is closed)", r.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full") or sys.platform != "linux", reason="needs Linux's /dev/full")
def test_an_output_on_a_full_disk_is_said_in_words(lib, lib_path, tmp_path):
    from tui.models import Article

    lib.add(Article(title="Harbour dues rise", body="The port board raised harbour dues by four percent on Monday."))
    env = dict(os.environ, NEWSREADER_DB=str(lib_path), NEWSREADER_NO_SEED="1")
    with open("/dev/full", "w") as full:
        r = subprocess.run(newsreader_cmd() + ["export"], env=env, stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 1
    assert r.stderr.decode().strip() == "newsreader: error: cannot write the output: no space left on device"
