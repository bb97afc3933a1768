"""The CLI writing to a terminal or pipe whose encoding is not UTF-8 (PYTHONIOENCODING=ascii or latin-1, as a Latin-1
locale or an old console gives): every command stopped at its first bullet or accented name with "newsreader: error:
UnicodeEncodeError: 'ascii' codec can't encode character '\\u2022'" (exit 1). Text for a person now comes in what the
stream can take; data to read back (export, JSON) stays UTF-8 with every character."""

from __future__ import annotations

import json

import pytest

from hostile_helpers import run_cli

TITLE = "Zoë Brontë’s café reopens in Kraków — “a small miracle”"
BODY = ("KRAKÓW — Zoë Brontë reopened her café on Floriańska Street on Monday, two years after the fire. "
        "“We rebuilt every table by hand,” said Zoë Brontë, who runs the café with her brother Józef Brontë. "
        "The city council of Kraków paid €40,000 towards the new roof… and the neighbours painted the walls.\n\n"
        "“It is a small miracle,” said Marta Wiśniewska, who has lived above the café for thirty years.\n")


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("encoding")
    (root / "cafe.md").write_text(f"# {TITLE}\n\n{BODY}", encoding="utf-8")
    db = root / "lib.db"
    r = run_cli("add", str(root / "cafe.md"), db=db)
    assert r.returncode == 0, r.stderr
    return db


PERSON_COMMANDS = [["list"], ["show", "1"], ["summary", "1"], ["quotes", "1"], ["entities", "1"], ["stories"],
                   ["story", "1"], ["brief"], ["who", "Zoë Brontë"], ["doctor"]]


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize("command", PERSON_COMMANDS, ids=" ".join)
def test_commands_print_in_the_streams_own_encoding(library, command, encoding):
    r = run_cli(*command, db=library, env_extra={"PYTHONIOENCODING": encoding})
    assert r.returncode == 0, r.stderr
    assert b"UnicodeEncodeError" not in r.stderr
    text = r.stdout.decode(encoding)  # every byte is one the terminal's encoding reads
    assert text.strip()
    if encoding == "latin-1" and command[0] in ("list", "show", "story"):
        assert "Zoë Brontë" in text  # what Latin-1 has is kept
    if encoding == "ascii" and command[0] in ("list", "stories"):
        assert "*" in text and "?" not in text.split("\n")[0][:12]  # the unread mark as ASCII, not "?"


def test_the_cli_own_marks_become_ascii_not_question_marks(library):
    r = run_cli("show", "1", db=library, env_extra={"PYTHONIOENCODING": "ascii"})
    first = r.stdout.decode("ascii").splitlines()[0]
    assert first == "Zo? Bront?'s caf? reopens in Krak?w -- \"a small miracle\""


def test_an_error_naming_an_accented_word_is_one_line(library):
    r = run_cli("who", "Józef Nowak", db=library, env_extra={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 1
    assert r.stderr.decode("ascii") == "newsreader: error: no entity named 'J?zef Nowak' in the library\n"


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "json"], ["list", "--json"],
                                     ["summary", "1", "--format", "json"]], ids=" ".join)
def test_data_for_reading_back_stays_utf8_whole(library, command):
    r = run_cli(*command, db=library, env_extra={"PYTHONIOENCODING": "ascii"})
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode("utf-8")
    if "--format" in command or "--json" in command:
        assert TITLE in [json.loads(line).get("title") for line in out.splitlines()]
    else:
        assert TITLE in out and "Floriańska" in out and "€40,000" in out


def test_the_app_draws_its_frames_on_a_terminal_said_to_be_ascii(library, tmp_path):
    """The app drew each frame character it lacked as "\\u256d" (six columns for one): the screen torn apart."""
    import fcntl
    import os
    import pty
    import signal
    import struct
    import subprocess
    import termios

    from hostile_helpers import newsreader_cmd
    from test_tui_abuse import _read_all

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", PYTHONIOENCODING="ascii", NEWSREADER_NO_SEED="1",
               NEWSREADER_CONFIG=str(tmp_path / "config.toml"))
    env.pop("TMUX", None)
    proc = subprocess.Popen(newsreader_cmd() + ["--db", str(library)], stdin=slave, stdout=slave, stderr=slave,
                            env=env, start_new_session=True)
    os.close(slave)
    try:
        written = _read_all(master, proc, 6.0)
        os.write(master, b"q")
        written += _read_all(master, proc, 5.0)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        os.close(master)
    assert b"\\u25" not in written and b"\\u2500" not in written
    assert "╭".encode() in written and b" Library " in written and "Brontë".encode() in written
