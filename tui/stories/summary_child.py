"""A process that makes story summaries for the app's read ahead (tui/app/parts/summary_child.py starts it).

The story view reads the story under the resting cursor ahead (tui/app/screens/story.py read_ahead). Made in a
thread of the app, a big story's summary was 180-900 ms of pure Python holding the GIL beside the keys: each time
the UI thread came back from waiting for the terminal it waited up to the interpreter's switch interval (5 ms) for
the GIL, and a j/k of 3 ms of CPU took 9-43 ms (6.5-10.4 without the read ahead, session 28). Here it is made
in a process of its own, which has its own GIL; the app's thread waits for the answer on a pipe, holding nothing.

Protocol: one request a line on stdin, `["DB_PATH", STORY_ID]` (JSON: any path on one line); one answer each on stdout, a 4-byte big-endian
length then a pickle of (story id, what, payload): ("ok", (StoryRow, StorySummary, {article id: ArticleRow})),
("gone", None) for a story no longer there, ("error", "Type: message"). Plain dataclasses only (about 100 KB for
a story of hundreds of articles: ~2 ms to load): the app builds the view's items itself (rich Text takes ten
times longer to unpickle than to build). Ends at the end of its input (the app closed the pipe, or died).
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import struct
import sys


NICE = 10  # not the analysis pass's 19 and idle class: a summary the reader waits for must come within seconds


def answer(lib, story_id: int) -> tuple:
    """(what, payload) for one request (see the module's docstring)."""
    from tui.stories.story_memo import story_summary_kept

    found = story_summary_kept(lib, story_id, sentences=None, analyse=False)
    if found is None:
        return "gone", None
    row, summary = found
    return "ok", (row, summary, {r.id: r for r in lib.rows_by_id(list(summary.articles))})


def warm() -> None:
    """Load what the first summary needs (the stemmer, stop words, the term table: 1-3 s), before the first request:
    the app starts this process when story mode is turned on, while the reader looks at the list."""
    try:
        from tui.engine.tokens import content_terms
        from tui.stories import story, terms

        content_terms("warming the stemmer up")
        terms.idf_table()
        with story.one_blas_thread():
            pass
    except Exception:
        pass  # the first request says what is wrong


def main() -> None:
    from tui.lifeline import die_with_parent
    from tui.store import Library

    die_with_parent(kernel=False)  # started from a worker thread of the app: watch the app itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c in the app's terminal is the app's
    try:
        os.nice(NICE)  # the app's UI thread first when both want a core (they share the session's CPU share)
    except OSError:
        pass
    warm()
    out = sys.stdout.buffer
    lib, opened = None, ""
    try:
        for request in sys.stdin.buffer:
            try:
                path, story_id = json.loads(request)
                story_id = int(story_id)
            except (ValueError, TypeError):
                continue
            try:
                if lib is None or opened != path:
                    if lib is not None:
                        lib.close()
                    lib, opened = Library(path), path
                reply = (story_id, *answer(lib, story_id))
            except Exception as exc:
                lib, opened = None, ""  # opened again at the next request
                reply = (story_id, "error", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            data = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(struct.pack(">I", len(data)) + data)
            out.flush()
    except (BrokenPipeError, KeyboardInterrupt):  # the app is gone
        pass
    finally:
        if lib is not None:
            lib.close()


if __name__ == "__main__":
    main()
