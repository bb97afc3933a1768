"""A process whose refresh waits for a server does not outlive its main thread by that wait: the app runs `R` on a
daemon thread and quits with `Q`, and the process then waited for the refresh's fetch threads (a ThreadPoolExecutor's,
joined at interpreter exit) until the read timeout (19 s in tmux for a server answering after 20 s). The fetch
threads are daemon threads: the process ends with its main thread."""

from __future__ import annotations

import socket
import subprocess
import sys

CODE = """
import sys, threading, time
from tui.sources import refresh
from tui.sources.http import Limits
from tui.store import Library
from tui.store.feeds import add_feed

lib_path, url = sys.argv[1], sys.argv[2]
with Library(lib_path) as lib:
    add_feed(lib, url, "Stalled Gazette")

def run():
    with Library(lib_path) as lib:
        refresh(lib, limits=Limits(connect=5.0, read=60.0, total=90.0))

threading.Thread(target=run, daemon=True).start()
time.sleep(1.5)  # the fetch is waiting for the server's answer
print("main thread done", flush=True)
"""


def test_a_process_ends_with_its_main_thread_while_a_refresh_waits_for_a_server(tmp_path):
    listener = socket.socket()  # accepts and never answers
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    try:
        done = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "lib.db"), url], capture_output=True,
                              text=True, timeout=30)  # the fetch's read timeout is 60 s: before, this timed out
        assert done.returncode == 0 and "main thread done" in done.stdout, done.stderr[-800:]
    finally:
        listener.close()
