"""Search as you type over the largest library: the time of each keystroke's store work, p95 <= 30 ms."""

from __future__ import annotations

import time

from bench.generate import library
from bench.measures.common import Result, timed_results

# What a reader might type; every prefix is one keystroke (words both common and rare in the library).
QUERIES = ("inflation", "central bank", "lisbon rail line", "alvarez said", "drought relief package",
           "ministry of finance budget", "osaka", "vaccination campaign", "the", "wind farms tender")


def _ui_call():
    """The exact call the library list makes for a new search: the ranked id list, then the first page."""
    try:
        from tui.app.widgets.rows import RowSource
    except ImportError:
        RowSource = None

    if RowSource is not None:
        def call(lib, text):
            source = RowSource.filtered(lib, text, "")
            source.row(0)
            return len(source)
        return call, "RowSource.filtered + first page"

    def call(lib, text):
        ids = lib.ids(search=text)
        lib.rows_by_id(ids[:200])
        return len(ids)
    return call, "Library.ids + rows_by_id"


def run(ctx) -> list:
    from tui.store import Library

    n = ctx.large
    lib = Library(library(n, ctx.out, log=ctx.log))
    call, how = _ui_call()
    samples, worst = [], (0.0, "")
    for rep in range(ctx.reps(3, 1)):
        for query in QUERIES:
            for k in range(1, len(query) + 1):
                text = query[:k]
                t0 = time.perf_counter()
                call(lib, text)
                dt = time.perf_counter() - t0
                samples.append(dt)
                worst = max(worst, (dt, text))
    lib.close()
    out = timed_results(f"search.keystroke@{n}", samples, "ms", p95_budget=30.0, scale=1000)
    out[0].note += f"; {how}"
    out.append(Result(f"search.slowest_keystroke@{n}", worst[0] * 1000, "ms", note=f"typed {worst[1]!r}"))
    return out
