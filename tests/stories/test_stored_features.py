"""Grouping features stored once (migration 17): a rebuild reads them and groups exactly as from the texts."""

from __future__ import annotations

import sys

from tests.stories.samples import ALL, STRIKE
from tui.stories import features, grouping, rebuild, story_of
from tui.stories.terms import sketch, terms
from tui.store.story_features import stored_feature_count


def _grouping(lib) -> tuple[list, list]:
    """Every membership and story row as stored (what a change of the data flow must not change)."""
    return (lib.db.execute("SELECT article_id, story_id, day, dup_of, terms, sketch FROM story_articles"
                           " ORDER BY article_id").fetchall(),
            lib.db.execute("SELECT id, title, first, last, size, terms FROM stories ORDER BY id").fetchall())


def _forget_features(lib) -> None:
    with lib.transaction() as db:
        db.execute("DELETE FROM story_features")


def _no_computing(*_):
    raise AssertionError("features computed again")


def test_encoding_gives_back_the_same_terms_in_the_same_order_and_the_same_sketch():
    for a in ALL:
        t, s = terms(a.title, a.body), sketch(a.body)
        got_t, got_s = features.decode(*features.encode(t, s))
        assert list(got_t.items()) == list(t.items())  # exact doubles, same order (the query terms are the first)
        assert got_s == s
        # one string object per word across articles (grouping's dict look-ups then match by identity)
        assert all(w is sys.intern(w) for w in got_t)
    assert features.decode(*features.encode({}, [])) == ({}, [])
    assert features.encode({"two\nlines": 1.0}, []) is None  # not storable: computed again when needed


def test_grouping_stores_each_articles_features_once(filled):
    lib, ids = filled
    assert stored_feature_count(lib, features.version()) == len(ALL) == stored_feature_count(lib)


def test_a_rebuild_from_stored_features_equals_a_rebuild_from_the_texts(filled, monkeypatch):
    lib, _ = filled
    _forget_features(lib)
    rebuild(lib)  # from the texts (and stores their features)
    from_texts = _grouping(lib)
    assert stored_feature_count(lib) == len(ALL)
    monkeypatch.setattr(grouping, "features_of", _no_computing)
    assert rebuild(lib) == len(ALL)  # no body read, no term computed
    assert _grouping(lib) == from_texts


def test_worker_processes_send_back_the_same_features(filled, monkeypatch):
    lib, _ = filled
    _forget_features(lib)
    rebuild(lib, jobs=1)
    one = _grouping(lib)
    _forget_features(lib)
    monkeypatch.setattr(grouping, "_CHUNK", 3)  # the samples are few: tasks of 3 articles for the 2 workers
    pools = []
    real_pool = grouping._pool
    monkeypatch.setattr(grouping, "_pool", lambda jobs: pools.append(real_pool(jobs)) or pools[-1])
    rebuild(lib, jobs=2)
    assert pools and pools[0] is not None
    assert _grouping(lib) == one
    assert stored_feature_count(lib, features.version()) == len(ALL)


def test_features_of_another_version_are_computed_again(filled, monkeypatch):
    lib, _ = filled
    with lib.transaction() as db:
        db.execute("UPDATE story_features SET version = version + 1 WHERE article_id IN"
                   " (SELECT article_id FROM story_features LIMIT 3)")
    computed = []
    real = grouping.features_of
    monkeypatch.setattr(grouping, "features_of", lambda texts: computed.extend(texts) or real(texts))
    rebuild(lib)
    assert len(computed) == 3
    assert stored_feature_count(lib, features.version()) == len(ALL)


def test_an_article_changed_in_place_or_deleted_loses_its_features(filled):
    from tui.models import Article
    from tui.store.feeds import update_article

    lib, ids = filled
    changed, deleted = ids[STRIKE[1].title], ids[STRIKE[2].title]
    old = lib.get(changed)
    with lib.transaction() as db:
        assert update_article(db, changed, Article(title=old.title, body=old.body + " A new paragraph.",
                                                   source=old.source, published=old.published))
    assert lib.remove(deleted)
    have = {r[0] for r in lib.db.execute("SELECT article_id FROM story_features")}
    assert changed not in have and deleted not in have and len(have) == len(ALL) - 2
    assert grouping.group_new(lib) == 1 and story_of(lib, changed) is not None
    assert changed in {r[0] for r in lib.db.execute("SELECT article_id FROM story_features")}


def test_without_a_version_nothing_is_stored_and_grouping_still_works(lib, monkeypatch):
    monkeypatch.setattr(features, "version", lambda: 0)  # the term code's source could not be read
    ids = [ident for _, ident in lib.add_many(ALL)]
    assert grouping.group_new(lib) == len(ALL)
    assert stored_feature_count(lib) == 0 and all(story_of(lib, i) is not None for i in ids)


def _logged_reads(monkeypatch, log) -> None:
    """Every process's reads of article texts (the grouping process's and its forked workers') appended to `log`:
    one line a read, the process id and the article ids."""
    import os

    real = grouping.article_texts

    def logged(db, ids):
        with open(log, "a") as f:
            f.write(f"{os.getpid()} {' '.join(map(str, ids))}\n")
        return real(db, ids)

    monkeypatch.setattr(grouping, "article_texts", logged)


def _reads(log) -> tuple[list[list[int]], list[list[int]]]:
    """(this process's reads, the other processes' reads), each a list of the id lists read, in order."""
    import os

    here, there = [], []
    for line in log.read_text().splitlines():
        pid, *ids = line.split()
        (here if int(pid) == os.getpid() else there).append(list(map(int, ids)))
    return here, there


def _grouped_in_one_process_then_logged(filled, monkeypatch, tmp_path):
    """The library grouped by one process (its stories: `one`), then its features forgotten, chunks of 3 and each
    process's reads of texts logged to the returned file, for a rebuild with a worker to compare."""
    lib, _ = filled
    _forget_features(lib)
    rebuild(lib, jobs=1)
    one = _grouping(lib)
    _forget_features(lib)
    monkeypatch.setattr(grouping, "_CHUNK", 3)
    log = tmp_path / "reads"
    _logged_reads(monkeypatch, log)
    return lib, one, log


def _rebuilt_with_a_worker(lib, log):
    """Rebuild with one worker process: the batch's chunks of 3 in order, and those the grouping process read (here)
    and the worker read (there)."""
    rebuild(lib, jobs=2)
    in_order = [i for (i,) in lib.db.execute("SELECT id FROM articles ORDER BY sort_key, id")]
    chunks = [in_order[i:i + 3] for i in range(0, len(in_order), 3)]  # one batch: its chunks of 3
    here, there = _reads(log)
    return chunks, here, there


def test_worker_processes_read_the_texts_themselves(filled, monkeypatch, tmp_path):
    """With worker processes computing the features, the grouping process sends only article ids (the workers open
    the library read-only): it reads the bodies only of the chunks it computes itself, those no worker had taken when
    it asked for the batch, taken from the back; each article is read once, by one process; the stories are those of
    one process reading them."""
    lib, one, log = _grouped_in_one_process_then_logged(filled, monkeypatch, tmp_path)
    chunks, here, there = _rebuilt_with_a_worker(lib, log)
    assert len(chunks) >= 2 and here == chunks[::-1][:len(here)] and there == chunks[:len(chunks) - len(here)]
    assert _grouping(lib) == one
    assert stored_feature_count(lib, features.version()) == len(ALL)


def test_the_grouping_process_computes_the_chunks_a_slow_worker_has_not_taken(filled, monkeypatch, tmp_path):
    """A worker that is slow (here: a second for each chunk it takes) leaves the grouping process to compute the rest
    of the batch it waits for, instead of waiting: the worker computes its first chunk at most (with a fixed share the
    grouping process computed half of the batch's chunks and waited for the worker's other ones). Each article's
    features are computed once, and the stories are those of one process computing them."""
    import time

    lib, one, log = _grouped_in_one_process_then_logged(filled, monkeypatch, tmp_path)
    real_reader = grouping.reader  # called by the workers only, once they took a chunk
    monkeypatch.setattr(grouping, "reader", lambda path: time.sleep(1.0) or real_reader(path))
    chunks, here, there = _rebuilt_with_a_worker(lib, log)
    # (the worker takes the first chunk, unless the grouping process asked for the batch before it could)
    assert len(chunks) >= 4 and len(here) >= len(chunks) - 1
    assert here == chunks[::-1][:len(here)] and there == chunks[:len(chunks) - len(here)]
    assert _grouping(lib) == one
    assert stored_feature_count(lib, features.version()) == len(ALL)


def test_an_article_deleted_before_its_features_are_computed_is_read_as_empty(filled):
    lib, _ = filled
    row = (999_999, "Gone", None, "2026-03-02", "", None, None, None)
    assert grouping._text(row, lib) == ("Gone", "")
    try:
        assert grouping._encoded_by_id((str(lib.path), [999_999])) == [None]
    finally:  # the worker's own connection, opened here in the test's process
        from tui.store import story_features

        for key in [k for k in story_features._READERS if k[1] == str(lib.path)]:
            story_features._READERS.pop(key).close()
    first = lib.db.execute("SELECT id, title, body FROM articles ORDER BY id LIMIT 1").fetchone()
    assert grouping._text((first[0], first[1], None, "", "", None, None, None), lib) == (first[1], first[2])


def test_batches_are_sent_to_the_workers_ahead_and_group_as_one_at_a_time(tmp_path, monkeypatch):
    """Up to AHEAD batches wait, their features computing in the workers, while one is placed; the stories are those
    of reading one batch at a time (two libraries made alike, one rebuilt each way)."""
    from tui.store import Library

    monkeypatch.setattr(grouping, "BATCH", 3)
    monkeypatch.setattr(grouping, "_CHUNK", 2)
    sent, placed = [], []
    real_async, real_place = grouping._features_async, grouping.Grouper.place
    monkeypatch.setattr(grouping, "_features_async",
                        lambda pool, rows, lib, **kw: sent.append(len(rows)) or real_async(pool, rows, lib, **kw))
    monkeypatch.setattr(grouping.Grouper, "place", lambda self, *a: placed.append(len(sent)) or real_place(self, *a))
    got = []
    for ahead in (0, 2):
        monkeypatch.setattr(grouping, "AHEAD", ahead)
        lib = Library(tmp_path / f"ahead{ahead}.db")
        lib.add_many(ALL)
        grouping.group_new(lib)
        _forget_features(lib)
        sent.clear()
        placed.clear()
        assert rebuild(lib, jobs=2) == len(ALL)
        assert placed[0] == 1 + ahead  # the first batch placed while the next `ahead` were sent
        assert sum(sent) == len(ALL)
        assert stored_feature_count(lib, features.version()) == len(ALL)
        got.append(_grouping(lib))
        lib.close()
    assert got[0] == got[1]


def test_the_workers_leave_the_placing_process_a_core(monkeypatch):
    import os

    for cores, jobs, workers in ((2, 2, 1), (8, 2, 2), (8, 5, 5), (3, 4, 2), (1, 2, 1)):
        monkeypatch.setattr(os, "cpu_count", lambda: cores)
        pool = grouping._pool(jobs)
        try:
            assert pool._processes == workers, (cores, jobs)
        finally:
            pool.terminate()
            pool.join()
    assert grouping._pool(1) is None


def test_a_grouping_writes_with_the_bulk_page_cache_and_gives_it_back(lib, monkeypatch):
    from tui.store.library import BULK_CACHE_KIB

    sizes = []
    real = grouping.store.save_groups  # (which writes the features too)
    monkeypatch.setattr(grouping.store, "save_groups",
                        lambda lib, *a, **k: sizes.append(lib.db.execute("PRAGMA cache_size").fetchone()[0]) or real(lib, *a, **k))
    lib.add_many(ALL)
    before = lib.db.execute("PRAGMA cache_size").fetchone()[0]
    assert grouping.group_new(lib) == len(ALL)
    assert sizes and all(s == -BULK_CACHE_KIB for s in sizes)
    assert lib.db.execute("PRAGMA cache_size").fetchone()[0] == before


def test_a_chunk_is_taken_once_and_a_held_lock_is_given_up_on(monkeypatch):
    """Each chunk goes to the first process that takes it; a lock held too long (a worker killed while it held it)
    makes a claim give up (the chunk is then computed by the placing process) instead of waiting for ever."""
    import multiprocessing

    claims = grouping._Claims(multiprocessing.get_context("fork"))
    first, second = claims.number(), claims.number()
    assert claims.take(second) and not claims.take(second)
    monkeypatch.setattr(grouping, "LOCK_SECONDS", 0.05)
    claims.lock.acquire()
    try:
        assert not claims.take(first)
    finally:
        claims.lock.release()
    assert claims.take(first) and not claims.take(first)
