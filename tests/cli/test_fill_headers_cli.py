"""`newsreader doctor --fill-headers` run as a user runs it, in its own process (session 37, close-s36 "App / CLI"):
a count of the texts read on stderr when that is a terminal (a big library showed nothing for a long while), none
into a pipe; two notes whose texts differ only by their header lines are one row after the fill, as `add` makes a
copy another outlet printed one row (they stayed two rows until the next `stories`); a date-first header line
("12 March 2019 — Tarrow Gazette") gives its outlet back too. Our own notes (invented towns)."""

from __future__ import annotations

import os
import pty
import subprocess

from command import drain_terminal, newsreader_cmd

from tui.models import Article
from tui.store import Library

TEXT = ("The Skerrvik ferry stopped running on Tuesday after a storm damaged the quay at Lantry harbour, the port "
        "office said.\n\nRepairs to the Lantry quay will take a week, said harbour master Ode Falk. Passengers were "
        "sent by bus to Wexcombe instead, and the council said the fares would be refunded in full.\n\nThe last time "
        "the quay was closed, in 2019, the repairs took a month.")
TITLE = "Skerrvik ferry halted by storm"


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(newsreader_cmd() + list(args), capture_output=True, text=True, env=dict(os.environ),
                          timeout=120)


def _notes(path, *tops: str, published: str | None = "2026-12-01") -> list[int]:
    """Notes stored as `add` stored them before it read header lines: each `top` paragraph above TEXT, no outlet."""
    with Library(path) as lib:
        return [ident for _status, ident in lib.add_many(
            [Article(title=TITLE, body=f"{top}\n\n{TEXT}", published=published) for top in tops])]


def _stderr_on_a_terminal(args: list[str]) -> tuple[str, str]:
    """(stdout, stderr) of `newsreader ARGS` with its stderr on a pseudo-terminal and its stdout a pipe."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(newsreader_cmd() + args, stdout=subprocess.PIPE, stderr=slave, env=dict(os.environ))
    os.close(slave)
    data = drain_terminal(master)
    out = proc.stdout.read().decode()
    proc.stdout.close()
    assert proc.wait(timeout=120) == 0, data
    return out, data.decode()


def test_a_count_of_the_texts_read_goes_to_a_terminal_and_not_to_a_pipe(lib_path):
    _notes(lib_path, "Fenland Post 2026-12-01", "Kessby Courier 2026-12-02", published=None)
    out, err = _stderr_on_a_terminal(["doctor", "--fill-headers"])
    assert "newsreader: reading header lines: 2 of 2" in err, repr(err)
    assert err.endswith("\r") and err.rsplit("\r", 2)[1].strip() == "", repr(err)  # the count wiped when done
    assert out.startswith("read the header lines of 2 articles"), out  # the result itself, on stdout as before
    again = _run("doctor", "--fill-headers")  # into a pipe: no count (nothing but the result lines)
    assert again.returncode == 0 and "reading header lines" not in again.stderr, again.stderr


def test_notes_that_differ_only_by_their_header_lines_are_one_row_after_the_fill(lib_path):
    first, second, third = _notes(lib_path, "Fenland Post 2026-12-01", "Kessby Courier 2026-12-01",
                                  "Oldbrook Herald 2026-12-01")
    assert _run("stories").returncode == 0  # grouped as they were: no outlet, so no copies of another outlet's text
    assert len(_run("list").stdout.splitlines()) == 3
    r = _run("doctor", "--fill-headers")
    assert r.returncode == 0, r.stderr
    rows = _run("list").stdout.splitlines()
    # one row, the first note's, naming every outlet ("Fenland Post +2"), as `add` of the three notes lists them
    assert len(rows) == 1 and rows[0].split()[0] == str(first) and "Fenland Post +2" in rows[0], rows
    with Library(lib_path) as lib:
        twins = dict(lib.db.execute("SELECT id, twin_of FROM articles"))
        bodies = {i: lib.get(i).body for i in (first, second, third)}
    assert twins == {first: None, second: first, third: first}, twins
    # cli38: the hidden copies (shown when the first is deleted, or opened from the story view) kept their header lines
    assert bodies == {first: TEXT, second: TEXT, third: TEXT}, bodies
    assert "3 texts" in r.stdout and "kept them" not in r.stdout, r.stdout


def test_a_date_first_header_line_gives_its_outlet_back(lib_path):
    [note] = _notes(lib_path, "12 March 2019 — Tarrow Gazette", published=None)
    r = _run("doctor", "--fill-headers")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("read the header lines of 1 article with no outlet or no date: filled 1 outlet and "
                               "1 date"), r.stdout
    with Library(lib_path) as lib:
        a = lib.get(note)
    assert (a.source, a.published, a.body) == ("Tarrow Gazette", "2019-03-12", TEXT)
