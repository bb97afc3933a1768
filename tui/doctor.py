"""`newsreader doctor`: what this machine offers the app (NLP backends, clipboard routes)."""

from __future__ import annotations

import importlib.util
import os
import shutil


def _nltk_data() -> list[str]:
    """Optional NLTK data packages that happen to be installed (none are required)."""
    try:
        import nltk.data
    except ImportError:
        return []
    found = []
    for name in ("tokenizers/punkt_tab", "taggers/averaged_perceptron_tagger_eng", "chunkers/maxent_ne_chunker_tab"):
        try:
            nltk.data.find(name)
            found.append(name.split("/")[1])
        except LookupError:
            pass
    return found


def clipboard_routes() -> list[str]:
    """Clipboard routes available here: OSC 52 always, plus the system tools found on PATH."""
    routes = ["OSC 52 (terminal)" + (" via tmux passthrough" if os.environ.get("TMUX") else "")]
    tools = {"wl-copy": "WAYLAND_DISPLAY", "xclip": "DISPLAY", "xsel": "DISPLAY", "pbcopy": None, "clip.exe": None}
    for tool, env in tools.items():
        if shutil.which(tool):
            note = "" if env is None or os.environ.get(env) else f" (no ${env}: unusable in this session)"
            routes.append(tool + note)
    return routes


def library_lines(lib) -> list[str]:
    """The library's path, size and health; for a damaged one, how to save what is readable."""
    from tui.cells import plural
    from tui.textsafe import visible

    try:
        count = plural(lib.count(), "article")
    except Exception as exc:  # a damaged counts page
        count = f"article count unreadable: {exc}"
    try:
        health = lib.check()
    except Exception as exc:
        health = str(exc)
    lines = [f"library:   {visible(lib.path)}  ({count}, integrity {' '.join(str(health).split())[:120]})"]
    if getattr(lib, "readonly", False):  # (it said nothing of it: the first write said it)
        why = getattr(lib, "read_only_why", None)
        lines.append(f"writable:  no, read-only{f' ({why})' if why else ''}: reading works, commands that write are "
                     "refused")
    if getattr(lib, "behind", 0):
        from tui.store.library import behind_searches

        lines.append(f"upgrade:   made by an earlier newsreader (schema {lib.behind}) and read-only here: read as it is,"
                     f" searches find less ({behind_searches(lib.behind)}) until it can be upgraded")
    index = lib.check_search_index() if health == "ok" and not lib.damaged else None
    if index is not None:  # integrity_check leaves the search index out: searching and adding fail on it
        from tui.store.library import REBUILD_SECONDS, REPAIR, _duration

        try:
            about = f", about {_duration(lib.count() * REBUILD_SECONDS)}"
        except Exception:
            about = ""
        command = REPAIR.replace("newsreader", f"newsreader --db {visible(lib.path)}", 1)
        lines += [f"search:    the search index is damaged ({visible(index)}); searching and adding articles fail on it",
                  f"repair:    `{command}` makes it again from the articles (in place{about})"]
    figures = set(lib.missing_tables()) if health == "ok" and lib.damaged else set()
    if figures and figures <= {"story_stats", "story_sources"}:
        # (only the stories' figures are gone: the next open that can write makes them again; an export was overkill)
        lines += [f"damaged:   {visible(lib.damaged)}: the stories are counted from their articles meanwhile",
                  f"recover:   newsreader makes {'it' if len(figures) == 1 else 'them'} again from the stories when it "
                  "opens this library where it can write (here, or a copy of it)"]
    elif health != "ok" or lib.damaged:
        path = visible(lib.path)
        lines += [
            ("damaged:   this library has damaged pages; newsreader will not write to it." if health != "ok" else
             f"damaged:   {visible(lib.damaged)}; newsreader will not write to it."),
            "recover:   export what is readable into a new library, then use that one:",
            f"             newsreader --db {path} export --format json > rescued.jsonl",
            "             newsreader --db NEW.db add rescued.jsonl",
            "           (articles on damaged pages are listed as skipped; the damaged file is left as it is)",
        ]
    if health == "ok" and not lib.damaged:
        import sqlite3

        from tui.store.stories import members_of_gone_stories, members_of_missing_articles
        from tui.store.twins import orphan_twins

        try:
            orphans = orphan_twins(lib)
        except sqlite3.DatabaseError:
            orphans = 0
        try:
            strays = members_of_gone_stories(lib)
        except sqlite3.DatabaseError:
            strays = 0
        try:
            loose = members_of_missing_articles(lib)
        except sqlite3.DatabaseError:
            loose = 0
        if strays:  # (`stories` said "no stories", and grouping never took them again: nothing said why)
            lines += [f"stories:   {plural(strays, 'article')} in a story no longer in the library (deleted by another "
                      "program): in no story any list shows until the next `stories`, `story` or `brief`, or the "
                      f"app's next quiet refresh, groups {'it' if strays == 1 else 'them'} again; this does it now:",
                      f"             newsreader --db {visible(lib.path)} stories"]
        if loose:  # (`PRAGMA foreign_key_check` found them; doctor said "integrity ok" and nothing else)
            lines.append(f"stories:   {plural(loose, 'story membership')} of an article no longer in the library "
                         "(written by another program): shown nowhere; cleared by "
                         f"`newsreader --db {visible(lib.path)} stories --rebuild`")
        if orphans:  # (no list showed them, and nothing said so: a twin_of edited by hand hid them for good)
            path = visible(lib.path)
            lines += [f"hidden:    {plural(orphans, 'article')} kept as copies of an article no list shows (not in the "
                      "library, or a copy itself): stored and exported, shown nowhere; a new library shows them:",
                      f"             newsreader --db {path} export --format json > all.jsonl",
                      "             newsreader --db NEW.db add all.jsonl"]
    if lib.bad_fields:
        lines.append(f"warning:   {plural(len(lib.bad_fields), 'article')} with malformed fields (shown empty)")
    return lines


def report_lines() -> list[str]:
    from tui.engine.analysis import ENGINE_VERSION
    from tui.engine.entities.tagger import word_lists_as_learned
    from tui.engine.lexicon import missing_sources

    lines = [f"engine:    v{ENGINE_VERSION}, built-in offline models (no downloads needed)"]
    if not word_lists_as_learned():
        missing = missing_sources()
        lines.append("warning:   the name tagger's word lists differ from those its weights learned ("
                     + (" and ".join(missing) + " not installed" if missing else "another pycountry version?")
                     + "): names are found less well; reinstall newsreader's dependencies")
    data = _nltk_data()
    lines.append("nltk data: " + (", ".join(data) if data else "none installed (not needed)"))
    spacy = importlib.util.find_spec("spacy") is not None
    lines.append("spaCy:     " + ("installed (optional)" if spacy else "not installed (optional)"))
    lines.append("clipboard: " + "; ".join(clipboard_routes()))
    lines.append(log_line())
    return lines


def log_line() -> str:
    """The app's log (tui/app/applog.py: what goes wrong in the background, with its traceback): its path, its size
    and when its last line was written, or that there is none yet. Nothing named it: a toast said "details: ..." once
    and the file was to be found again by hand."""
    import time

    from tui.app.applog import log_path
    from tui.textsafe import visible

    path = log_path()
    try:
        info = path.stat()
    except OSError:
        return f"app log:   {visible(str(path))} (nothing logged yet)"
    import stat

    if not stat.S_ISREG(info.st_mode):  # (it said "0 bytes, last line written ..." of a named pipe or /dev/tty)
        return f"app log:   {visible(str(path))} (not a regular file: the app logs nothing there)"
    size = info.st_size
    said = f"{size:,} bytes" if size < 10 * 1024 else f"{size / 1024:,.0f} KB"
    last = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.st_mtime))
    return f"app log:   {visible(str(path))} ({said}, last line written {last})"


def fill_from_headers(lib, progress=None) -> tuple[int, int, int, int, int, int]:
    """`doctor --fill-headers`: the articles added from a file with no outlet or no date read again for the header
    lines at the top of their text (tui.importers.text.header_and_rest: "Fenland Post" / "2026-12-01" under the
    headline, stored as text before the importer read them, walk35); what is missing filled, nothing replaced. The
    text of an article filled so loses those header paragraphs, as a fresh import's would, and nothing else (kept
    when that text is another article's already, unless the two name different outlets: then it is that article's
    copy, shown as one row with it, and holds the same text). A title stored with its "Title: " label (added before
    session 37 left the label out) loses the label, as a fresh import's. (articles read, outlets filled, dates
    filled, texts changed, texts kept because another article has that text already, titles mended).
    `progress(done, total)`: called as the texts are read."""
    from tui.importers.text import header_and_rest, unlabelled

    rows = lib.db.execute("SELECT id, title, body, source, published FROM articles WHERE coalesce(url, '') = ''"
                          " AND (source = '' OR coalesce(published, '') = '' OR title LIKE 'title%:%'"
                          " OR title LIKE 'headline%:%')").fetchall()
    fills, read = [], 0
    for n, (article_id, title, body, source, published) in enumerate(rows):
        if progress is not None and n % 500 == 0:
            progress(n, len(rows))
        if not isinstance(title, str) or not isinstance(body, str):
            continue  # (the database is untrusted: a BLOB is no text to read)
        bare = unlabelled(title)
        outlet, day, rest = "", None, None
        if not source or not published:
            read += 1
            outlet, day, rest = header_and_rest(bare, body)  # (the title as a fresh import reads it)
        outlet = outlet if not source else ""
        day = day if not published else None
        if outlet or day or bare != title:
            fills.append((article_id, outlet, day, (body, rest) if rest is not None else None,
                          (title, bare) if bare != title else None))
    if progress is not None:
        progress(len(rows), len(rows))
    outlets, dates, texts, copies, titles = lib.fill_missing(fills) if fills else (0, 0, 0, 0, 0)
    return read, outlets, dates, texts, copies, titles
