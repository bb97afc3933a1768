"""Parallel parsing gives exactly what the serial importer gives, in the same order."""

from __future__ import annotations

from tui.importers import import_paths
from tui.importers.parallel import PARALLEL_FROM, import_many


def test_parallel_import_matches_serial(tmp_path):
    n = PARALLEL_FROM + 20
    for i in range(n):
        body = f"Council vote number {i}\n\nThe council of Town {i} voted {i % 7} to {i % 5} on the budget, officials said."
        (tmp_path / f"a{i:04d}.txt").write_text(body, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    serial = [(it.origin, it.error, it.article and it.article.title, it.article and it.article.body)
              for it in import_paths([str(tmp_path)])]
    parallel = [(it.origin, it.error, it.article and it.article.title, it.article and it.article.body)
                for it in import_many([str(tmp_path)], jobs=2)]
    assert parallel == serial
    assert len(serial) == n + 1
    assert sum(1 for s in serial if s[1]) == 1
