"""$NEWSREADER_LOG naming something that is no regular file. The app's log opened it as a file for appending: a named
pipe blocked the logging thread until another program read the pipe (the first unconfirmed copy's worker logs a line:
the app then hung at quit, its screen blank, waiting for that worker), and a terminal device got the log's lines
written over the app's screen. A record is dropped there now, at once (session 32)."""

from __future__ import annotations

import logging
import os
import threading

from tui.app.applog import AppLog


def _record() -> logging.LogRecord:
    return logging.LogRecord("tui.app", logging.WARNING, __file__, 1, "copy: \x1b]0;the quay\x07 not confirmed", None, None)


def test_a_named_pipe_as_the_log_is_not_waited_on(tmp_path, monkeypatch):
    pipe = tmp_path / "log.fifo"
    os.mkfifo(pipe)
    monkeypatch.setenv("NEWSREADER_LOG", str(pipe))
    done = threading.Event()

    def emit():
        AppLog().emit(_record())
        done.set()

    thread = threading.Thread(target=emit, daemon=True)
    thread.start()
    try:
        assert done.wait(30), "logging a record waited on a named pipe no program reads"
    finally:
        reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # (lets a blocked open go on, so the thread ends)
        thread.join(30)
        os.close(reader)


def test_a_terminal_as_the_log_gets_nothing(monkeypatch):
    """A terminal device (here a pseudo-terminal, as /dev/tty is the app's own): the log's lines went over the screen."""
    import select

    master, follower = os.openpty()
    try:
        monkeypatch.setenv("NEWSREADER_LOG", os.ttyname(follower))
        AppLog().emit(_record())
        ready, _, _ = select.select([master], [], [], 1.0)
        assert not ready or os.read(master, 4096) == b""
    finally:
        os.close(master)
        os.close(follower)


def test_a_regular_file_still_gets_each_record(tmp_path, monkeypatch):
    log = tmp_path / "logs" / "newsreader.log"
    monkeypatch.setenv("NEWSREADER_LOG", str(log))
    AppLog().emit(_record())
    AppLog().emit(_record())
    lines = log.read_text().splitlines()
    assert len(lines) == 2 and all("WARNING tui.app: copy:" in x for x in lines)


def test_doctor_says_the_app_logs_nothing_to_a_log_that_is_no_regular_file(tmp_path, monkeypatch):
    """`doctor` said "(0 bytes, last line written <the pipe's time>)" of a named pipe, as if it were a log."""
    from tui.doctor import log_line

    pipe = tmp_path / "log.fifo"
    os.mkfifo(pipe)
    for target in (pipe, tmp_path):
        monkeypatch.setenv("NEWSREADER_LOG", str(target))
        assert log_line() == f"app log:   {target} (not a regular file: the app logs nothing there)"
    monkeypatch.setenv("NEWSREADER_LOG", str(tmp_path / "newsreader.log"))
    assert log_line() == f"app log:   {tmp_path / 'newsreader.log'} (nothing logged yet)"
