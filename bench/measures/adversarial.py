"""Analysis of hostile texts at 100 KB and 1 MB: every engine stage must be linear or n log n (issue 14 item 10).

Texts: one capitalised word repeated ('Harbour '), a company name with a period repeated ('Acme Corp. '),
repeated "LONDON (Reuters) - ..." datelines, prose with no punctuation at all, one giant word, and paragraphs
dense with attributed quotations (a quote every ~40 characters, names varying). Each is
analysed whole (`tui.engine.analysis.analyze`: sentences, summary, entities, quotes) once per size; the
budget is 3 s per MB (0.3 s at 100 KB), and the 1 MB / 100 KB time ratio is reported (about 10 when linear;
less, since the tagger, summary and quotes read a bounded start of a huge text). The value is CPU time of this
process (the analysis is single-threaded), so a busy shared machine does not inflate it; the wall time is in
the note.
"""

from __future__ import annotations

import time

from bench.measures.common import Result, need_module

_DATELINE = "LONDON (Reuters) - Shares in Acme Holdings rose 3 percent on Tuesday after the company said sales grew, traders said.\n"
_PROSE = "the mayor of Porto Maria Silva met staff of Acme Energy and the Harbour Board about new ferries "


def texts(size: int) -> dict[str, str]:
    """The hostile texts, each `size` characters long (cut at the end)."""
    def fill(unit: str) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    return {"repeated_name": fill("Harbour "), "repeated_company": fill("Acme Corp. "), "datelines": fill(_DATELINE),
            "no_punctuation": fill(_PROSE), "giant_word": "A" * size, "quotes": _quotes(size)}


def _quotes(size: int) -> str:
    """Short attributed quotations in paragraphs, each naming one of a few people, and a "he said" one."""
    n = size // 40 + 1
    return "\n\n".join(f"“We will mend bridge {i} before the frost,” said Vera Lind{i % 7}. "
                        f"He said “it is fine and {i} more.”" for i in range(n))[:size]


def run(ctx) -> list:
    engine = need_module("tui.engine.analysis", "analyze")
    engine.analyze("Warm-up: Ada Lovelace met Charles Babbage in London.")  # imports and models, not budgeted
    results = []
    sizes = [(10_000, 0.03)] if ctx.smoke else [(100_000, 0.3), (1_000_000, 3.0)]  # smoke: proves it runs
    times: dict[str, dict[int, float]] = {}
    for size, budget in sizes:
        for name, text in texts(size).items():
            t0, c0 = time.perf_counter(), time.process_time()
            engine.analyze(text)
            secs, wall = time.process_time() - c0, time.perf_counter() - t0
            times.setdefault(name, {})[size] = secs
            results.append(Result(f"adversarial.{name}@{size // 1000}KB", secs, "s", budget, "<=",
                                  note=f"whole analysis, one run, CPU (wall {wall:.2f} s)"))
    for name, by_size in times.items():
        if len(by_size) == 2:
            results.append(Result(f"adversarial.{name}.ratio_1MB_100KB", by_size[1_000_000] / by_size[100_000], "x",
                                  note="about 10 when linear (less when bounded), 100 when quadratic"))
    return results
