"""A process that makes story summaries for the app's read ahead (tui/app/parts/summary_child.py starts it).

The story view reads the story under the resting cursor ahead (tui/app/screens/story.py read_ahead). Made in a
thread of the app, a big story's summary was 180-900 ms of pure Python holding the GIL beside the keys: each time
the UI thread came back from waiting for the terminal it waited up to the interpreter's switch interval (5 ms) for
the GIL, and a j/k of 3 ms of CPU took 9-43 ms (6.5-10.4 without the read ahead, session 28). Here it is made
in a process of its own, which has its own GIL; the app's thread waits for the answer on a pipe, holding nothing.

Protocol: one request a line on stdin, `["DB_PATH", STORY_ID, WIDTHS, AS_IS]` (JSON: any path on one line; WIDTHS:
the story view's two lists' widths, or null; AS_IS: true when the app reads that library as it is after a newer
newsreader upgraded it, store.read_newer_as_is, and this process must too: optional); one answer each on stdout, a
4-byte big-endian length then a pickle of (story id, what, payload): ("ok", (StoryRow, StorySummary, {article id:
ArticleRow}, items)), ("gone", None) for a story no longer there, ("error", "Type: message"). Plain dataclasses
(about 100 KB for a story of hundreds of articles: ~2 ms to load), and `items`: the view's items built and wrapped
at WIDTHS by the `items` function `main` was given (the app's: tui/app/screens/story_items.py `serve`), as plain
data (rich Text takes ten times longer to unpickle than to build), or None (no widths, a summary whose articles are
not all analysed, no such function).
Since session 30 the items are made here: building and wrapping a big story's hundreds of items was ~60 ms of the
app's thread beside the keys. Ends at the end of its input (the app closed the pipe, or died).
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import struct
import sys


NICE = 10  # not the analysis pass's 19 and idle class: a summary the reader waits for must come within seconds


def answer(lib, story_id: int, widths=None, items=None) -> tuple:
    """(what, payload) for one request (see the module's docstring). `items(summary, row, rows, widths)`: the view's
    items as plain data (an error there leaves them to the app: None)."""
    from tui.stories.story_memo import story_summary_kept

    found = story_summary_kept(lib, story_id, sentences=None, analyse=False)
    if found is None:
        return "gone", None
    row, summary = found
    rows = {r.id: r for r in lib.rows_by_id(list(summary.articles))}
    made = None
    if items is not None and widths and summary.analysed:
        try:
            made = items(summary, row, rows, widths)
        except Exception:
            made = None  # the app builds them itself
    return "ok", (row, summary, rows, made)


LIGHT = ("nltk", "nltk.stem", "nltk.tokenize")  # NLTK's packages, stood in for by bare ones (light_nltk)


def light_nltk() -> bool:
    """Import the two NLTK modules a story summary uses (the Snowball stemmer, Punkt) without running NLTK's package
    files: `import nltk.stem.snowball` ran nltk/__init__.py, which loads its parsers, metrics, classifiers and corpus
    readers, 28 MB of this process's 63 MB (bench/story_memory.py) for nothing it uses. Bare packages stand for
    `nltk`, `nltk.stem` and `nltk.tokenize`, and one for `nltk.corpus`, whose stop-word list the stemmer's module
    imports and uses only when told to skip stop words (tui.engine.tokens never does). True when that worked; if it
    did not (another NLTK, a module those two import that the stand-ins lack), the stand-ins are removed and the
    caller's first use imports NLTK whole, as before."""
    import importlib.machinery
    import importlib.util
    import types

    if "nltk" in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec("nltk")
        root = list(spec.submodule_search_locations or ())[0]
    except (ImportError, IndexError, TypeError, ValueError):
        return False
    try:
        for name in LIGHT:
            folder = os.path.join(root, *name.split(".")[1:])
            module = types.ModuleType(name)
            module.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
            module.__spec__.submodule_search_locations = module.__path__ = [folder]
            module.__package__ = name
            sys.modules[name] = module
            if "." in name:
                setattr(sys.modules["nltk"], name.rsplit(".", 1)[1], module)
        corpus = types.ModuleType("nltk.corpus")
        corpus.stopwords = None  # (SnowballStemmer("english") reads it only with ignore_stopwords=True)
        sys.modules["nltk.corpus"] = sys.modules["nltk"].corpus = corpus
        import nltk.stem.snowball  # noqa: F401
        import nltk.tokenize.punkt  # noqa: F401

        sys.modules["nltk.stem.snowball"].SnowballStemmer("english").stem("warming")
        return True
    except Exception:
        for name in [n for n in sys.modules if n == "nltk" or n.startswith("nltk.")]:
            del sys.modules[name]  # the stand-ins and what was imported under them
        return False


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


def main(items=None) -> None:
    """Serve requests until the input ends. `items`: see `answer` (the app passes its own: the stories package knows
    nothing of the app's views)."""
    from tui.lifeline import die_with_parent
    from tui.store import Library
    from tui.store.library import read_newer_as_is, reads_newer_as_is

    die_with_parent(kernel=False)  # started from a worker thread of the app: watch the app itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c in the app's terminal is the app's
    try:
        os.nice(NICE)  # the app's UI thread first when both want a core (they share the session's CPU share)
    except OSError:
        pass
    light_nltk()
    warm()
    out = sys.stdout.buffer
    lib, opened = None, ""
    try:
        for request in sys.stdin.buffer:
            try:
                path, story_id, *rest = json.loads(request)
                story_id = int(story_id)
                widths = tuple(int(w) for w in rest[0]) if rest and rest[0] else None
                if widths is not None and len(widths) != 2:
                    widths = None
                as_is = len(rest) > 1 and rest[1] is True
            except (ValueError, TypeError):
                continue
            try:
                if as_is and not reads_newer_as_is(path):  # the app reads it as it is: so does this process
                    read_newer_as_is(path)
                    if lib is not None:
                        lib.close()
                    lib = None
                if lib is None or opened != path:
                    if lib is not None:
                        lib.close()
                    lib, opened = Library(path), path
                reply = (story_id, *answer(lib, story_id, widths, items))
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
