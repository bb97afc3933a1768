"""Adding files, folders or feeds to the library in a worker, with a report of what came in."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.store import Library
from tui.cells import echoed
from tui.textsafe import clean, visible
from tui.app.failure import reason


class LibraryImport:
    """`add(path)` imports in a worker; `done(path, added, duplicates, errors, first)` runs on the UI thread, `first`
    the (id, title) of the first article added, or when none was, of the first one already in the library (None when
    there is neither)."""

    def __init__(self, host, db_path: Path, done: Callable[[str, int, int, list[str], tuple | None], None]) -> None:
        self.host = host
        self.db_path = db_path
        self.done = done

    def add(self, path: str) -> None:
        """Import a file, folder or feed; every failure is one line in `errors`, never a crash."""
        self.host.run_worker(partial(self._worker, path), name="import_path", group="import",
                             exclusive=True, thread=True)

    def _worker(self, path: str) -> None:
        added, duplicates, errors, first, known, notes = 0, 0, [], None, None, []
        try:
            from tui.importers import import_paths
            from tui.importers.prose import item_not_prose_reason

            with Library(self.db_path) as lib:
                articles = []
                for item in import_paths([os.path.expanduser(path)]):
                    # a word list or a config file is no article: skipped, as `newsreader add` skips it
                    reason = item.error or (item.article is not None and item_not_prose_reason(item))
                    item.text = None  # (the decoded file, kept for the prose check only)
                    if reason:
                        why = reason if item.error else f"{reason}; `newsreader add --force` takes it"
                        errors.append(f"{echoed(visible(item.origin))}: {echoed(why, 200)}")
                    elif item.article is not None:
                        articles.append(item.article)
                        if item.note:  # a page read as rough text: said in a toast of its own
                            notes.append(f"{echoed(visible(item.origin))}: {echoed(clean(item.note), 200)}")
                for article, (status, ident) in zip(articles, lib.add_many(articles)):
                    added += status == "added"
                    duplicates += status == "duplicate"
                    if status == "added" and first is None:
                        first = (ident, article.title)
                    elif status == "duplicate" and known is None:
                        known = (ident, article.title)
                if added:
                    from tui.app.parts.sources import group_stories, say_grouping

                    # new articles join or open stories, as `newsreader add` does (a failure: one toast, once)
                    say_grouping(self.host, group_stories(lib))
        except Exception as exc:  # any failure becomes a message, never a crash
            errors.append(reason(exc))
        if notes:
            deliver(self.host, self._notes, notes)
        deliver(self.host, self.done, path, added, duplicates, errors, first or known)

    def _notes(self, notes: list[str]) -> None:
        shown = "\n".join(notes[:3]) + (f"\n… and {len(notes) - 3} more" if len(notes) > 3 else "")
        self.host.notify(shown, title="Imported as rough text", severity="warning", timeout=10, markup=False)
