"""Watched folders: import the files that appeared or changed since the last scan.

Any file `newsreader add` takes (text dumps, Markdown, HTML, feeds, JSON). A file is known by its
path, size and modification time; a changed file that was one article updates it in place, so a
file caught half-written by one scan is completed by the next, never duplicated.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable

from tui.store.watch import file_states, files_back, files_gone, list_watched, path_key, store_files

CHUNK = 200  # files per transaction
# How much of a watched folder a scan walks: a folder of more files or folders than this is read that far, each scan
# saying so in one line (`watch add ~` of a home folder of a million files walked them all, the app's refresh behind).
WATCH_FILES = 100_000
WATCH_FOLDERS = 20_000


@dataclass
class ScanResult:
    """What a scan did: articles new and updated, articles whose text the library held already (a copy of a file:
    stored once), files read that became no article, files read (new or changed), files seen unchanged, and (path,
    reason) for files skipped."""

    new: int = 0
    updated: int = 0
    duplicates: int = 0
    skipped: int = 0  # files read that became no article (each said in `errors`)
    files: int = 0
    unchanged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    waiting: int = 0  # new or changed files left for the next scan (past `reads`)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, note): a page imported as rough text


def scan_watched(lib, *, on_chunk: Callable[[ScanResult], None] | None = None, reads: int | None = None) -> ScanResult:
    """Scan every watched folder once and import what is new or changed. Never raises for bad files
    or a missing folder (each is one entry in `errors`); call at start-up and then periodically.
    `reads`: at most this many new or changed files are read in this scan, the rest counted in `waiting` and read by
    the next scans (the app's: a first scan of a large folder does not hold its refresh for minutes)."""
    from tui.child import kept

    total = ScanResult()
    with kept():  # a child that extracted one large page takes the next (tui.child)
        _scan(lib, total, on_chunk, reads)
    return total


def _scan(lib, total: ScanResult, on_chunk, reads: int | None) -> None:
    from tui.filekinds import too_wide
    from tui.importers.dispatch import WalkLimit, import_file, walk
    from tui.importers.prose import item_not_prose_reason

    for watch in list_watched(lib):
        if not os.path.isdir(watch.path):
            total.errors.append((watch.path, "watched folder is missing or not a folder"))
            continue
        if (wide := too_wide(watch.path)) is not None:  # watched before `watch add` refused it: never walked
            total.errors.append((watch.path, f"not scanned: {wide}"))
            continue
        seen = file_states(lib, watch.id)
        first = len(total.errors)  # (where this folder's lines begin)
        batch: list = []
        present: set[str] = set()
        problems: list = []
        limit = WalkLimit(WATCH_FILES, WATCH_FOLDERS)
        back: list[str] = []  # gone files found again as they were
        for path in walk(watch.path, problems, limit):
            present.add(path_key(path))
            try:
                st = os.stat(path)
            except OSError:
                continue  # gone between listing and now
            before = seen.get(path_key(path))
            if before is not None and before.size == st.st_size and before.mtime_ns == st.st_mtime_ns:
                total.unchanged += 1
                if before.gone is not None:
                    back.append(path)
                continue
            if reads is not None and total.files >= reads:
                total.waiting += 1  # (not stored as seen: the next scan reads it)
                continue
            items = import_file(path, allow_pipe=False)
            for it in items:  # a word list or a config file is no article: skipped, as `newsreader add` skips it
                if it.article is not None and (reason := item_not_prose_reason(it)):
                    it.article, it.error = None, reason
                it.text = None  # (the decoded file, kept for the prose check only)
            articles = [it.article for it in items if it.article is not None]
            total.notes += [(path, it.note) for it in items if it.article is not None and it.note]
            why = [(path, it.error or "unreadable") for it in items if it.article is None]
            total.errors += why
            # a file that became no article keeps why (the feeds list counts them): its first item's reason
            batch.append((path, st.st_size, st.st_mtime_ns, articles, before, why[0][1] if why else "no article"))
            total.files += 1
            total.skipped += int(not articles)
            if len(batch) >= CHUNK:
                _flush(lib, watch.id, batch, total, on_chunk)
                batch = []
        _flush(lib, watch.id, batch, total, on_chunk)
        said = [(it.origin, it.error or "unreadable") for it in problems]
        if limit.cut:  # the walk's stop first: a reader of the first lines (the CLI prints 50) learns it
            said.sort(key=lambda problem: problem[0] != watch.path)
            total.errors[first:first] = said[:1]
            said = said[1:]
        total.errors += said
        if back:
            files_back(lib, watch.id, back)
        # missing: a file with articles is kept, said gone (its articles stay in the folder), one with none forgotten;
        # (a cut walk did not see them all)
        gone = [p for p, state in seen.items() if p not in present and state.gone is None] if not limit.cut else []
        if gone:
            files_gone(lib, watch.id, gone)


def _flush(lib, watch_id: int, batch: list, total: ScanResult, on_chunk) -> None:
    new, updated, duplicates = store_files(lib, watch_id, batch)
    total.new += new
    total.updated += updated
    total.duplicates += duplicates
    if on_chunk and batch:
        on_chunk(total)
