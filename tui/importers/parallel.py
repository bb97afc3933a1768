"""Parse many files on every core: big imports are dominated by parsing and the database insert,
so parsing in worker processes lets the two overlap."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from concurrent.futures import ProcessPoolExecutor

from tui.importers.dispatch import import_file, import_paths, walk
from tui.importers.item import ImportItem
from tui.lifeline import die_with_parent

PARALLEL_FROM = 200  # below this many files a pool costs more than it saves


def import_many(paths: Iterable[str], jobs: int | None = None, total: list[int] | None = None,
                features: Callable[[int], bool] | None = None) -> Iterator[ImportItem]:
    """Like `import_paths` (same items, same order), parsing files in parallel when there are many.
    `total`: a list that gets the number of files, folder problems, URLs and stdin to read (appended before the
    first item; a feed file gives many items). `features(files)`, called before the parse workers start with the
    number of files to read: True when the workers are also to compute each article's grouping features
    (`ImportItem.features`, which the writer stores with the article)."""
    paths = [os.fspath(p) for p in paths]  # walked twice below
    units: list[str | ImportItem] = []  # files, or the walk's one-line problems, in import order
    walked: set[str] = set()  # files found inside folders (never read if they are pipes)
    for path in paths:
        if os.path.isdir(path):
            problems: list[ImportItem] = []
            for found in walk(path, problems):
                units += problems
                problems.clear()
                units.append(found)
                walked.add(found)
            units += problems
        else:
            units.append(path)
    files = [(u, u not in walked) for u in units
             if isinstance(u, str) and u != "-" and not u.lower().startswith(("http://", "https://"))]
    if total is not None:
        total.append(len(units))
    jobs = jobs or os.cpu_count() or 1
    if len(files) < PARALLEL_FROM or jobs < 2:
        yield from import_paths(paths)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        with_features = bool(features and features(len(files)))
        jobs = [(*f, with_features) for f in files]
        parsed = chain.from_iterable(pool.map(_import_chunk, [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]))
        for unit in units:
            if isinstance(unit, ImportItem):
                yield unit
            elif unit in ("-",) or unit.lower().startswith(("http://", "https://")):
                yield from import_paths([unit])
            else:
                yield from next(parsed)


def _start_worker(parent: int) -> None:
    from tui.child import keep_children

    die_with_parent(parent)
    keep_children()  # a child that extracted a large page takes the next; the worker's exit ends it (a daemon)


CHUNK = 32  # files a worker is given at a time


def _import_chunk(jobs: list[tuple[str, bool, bool]]) -> list[list[ImportItem]]:
    """`_import_one` of each job (each file's items), the grouping features computed once the chunk's files are all
    parsed: one after the other they cost ~20 % less than each between two parses (the term tables stay in the
    CPU's caches; 0.33 -> 0.27 ms an article)."""
    out = [_import_one((path, allow_pipe, False)) for path, allow_pipe, _ in jobs]
    if any(features for *_, features in jobs):
        from tui.stories.features import article_features

        for (*_, features), items in zip(jobs, out):
            for item in items:
                if features and item.article is not None:
                    item.features = article_features(item.article)
    return out


def _import_one(job: tuple[str, bool, bool]) -> list[ImportItem]:
    path, allow_pipe, features = job
    items = import_file(path, allow_pipe)
    for item in items:
        prepare_for_store(item, features)
    return items


def prepare_for_store(item: ImportItem, features: bool = False) -> ImportItem:
    """Work the writing process would otherwise do, done where the file was parsed (on another core):
    `add`'s prose check and what the store derives from the text (content hash, words, fold flag), and with
    `features` the article's grouping features (what grouping would compute from the stored text).
    The decoded file text is dropped (not sent back)."""
    from tui.importers.prose import item_not_prose_reason
    from tui.store.derived import derived

    if item.article is not None:
        item.not_prose = item_not_prose_reason(item) or ""
        item.derived = derived(item.article)
        if features:
            from tui.stories.features import article_features

            item.features = article_features(item.article)
    item.text = None
    return item
