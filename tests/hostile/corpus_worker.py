"""Run hostile inputs through the importers and the engine, in-process, and report every problem.

Run in a child process by the tests so that an input which hangs inside C code (a regex, lxml)
is caught instead of freezing the test run. Each input gets PER_INPUT_SECONDS of CPU (not wall: load does
not stretch CPU time): a Python timer on CPU time (ITIMER_PROF) reports a slow input as a hang and goes on;
one stuck in C code, where that timer cannot interrupt it, meets the kernel's CPU limit (RLIMIT_CPU) at
twice the budget, which ends the worker. Writes one JSON line per input to stdout, flushed before the next
input starts, so the parent knows which one hung.

    python corpus_worker.py --seed 1 --count 300           # generated corpus
    python corpus_worker.py --named DIR                    # every file in DIR
    python corpus_worker.py --seed 1 --count 300 --only 17 # reproduce one input
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_inputs  # noqa: E402

# Control characters no stored text may keep (newline stays; tabs become spaces in importers).
BAD_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PER_INPUT_SECONDS = int(os.environ.get("HOSTILE_PER_INPUT_SECONDS", "20"))
ENGINE_MAX_CHARS = 200_000  # longer texts are checked by the dedicated long-input tests


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"took more than {PER_INPUT_SECONDS} s of CPU")


def _cpu_budget(seconds: float) -> None:
    """Arm both CPU-time guards for the next input (0 disarms the timer; the kernel limit then stays loose)."""
    signal.setitimer(signal.ITIMER_PROF, seconds)
    if seconds:
        used = time.process_time()
        resource.setrlimit(resource.RLIMIT_CPU, (int(used + 2 * seconds) + 1, resource.RLIM_INFINITY))


def check_spans(text: str, what: str, items, problems: list[str], *, has_text: bool = True) -> None:
    """Every span lies inside the text and (when the item carries its text) matches it exactly."""
    for x in items:
        if not (isinstance(x.start, int) and isinstance(x.end, int) and 0 <= x.start <= x.end <= len(text)):
            problems.append(f"{what}: span ({x.start}, {x.end}) outside 0..{len(text)}")
        elif has_text and text[x.start:x.end] != x.text:
            problems.append(f"{what}: text[{x.start}:{x.end}]={text[x.start:x.end]!r:.60} != {x.text!r:.60}")


def check_engine(text: str, problems: list[str]) -> None:
    """Sentences, summary, entities and quotes of `text`: valid spans or empty results, never an exception."""
    from tui.engine.entities import extract_entities
    from tui.engine.quotes import extract_quotes
    from tui.engine.sentences import split_sentences
    from tui.engine.summarize import summarize

    sents = split_sentences(text)
    check_spans(text, "sentence", sents, problems)
    summary = summarize(text, sents=sents)
    check_spans(text, "summary", summary.sentences, problems)
    for s in summary.sentences:
        if not 0 <= s.index < max(len(sents), 1):
            problems.append(f"summary: index {s.index} of {len(sents)} sentences")
    entities = extract_entities(text)
    check_spans(text, "entity", entities, problems)
    quotes = extract_quotes(text, entities)
    check_spans(text, "quote", quotes, problems)
    for q in quotes:
        if (q.speaker_start is None) != (q.speaker_end is None):
            problems.append(f"quote: half a speaker span ({q.speaker_start}, {q.speaker_end})")
        elif q.speaker_start is not None and not 0 <= q.speaker_start <= q.speaker_end <= len(text):
            problems.append(f"quote: speaker span ({q.speaker_start}, {q.speaker_end}) outside 0..{len(text)}")


def check_import(data: bytes, name: str, problems: list[str], path: str | None = None) -> list:
    """parse_bytes (or import_paths for a file on disk) never raises; each item is an article with
    clean text or a one-line reason."""
    from tui.importers import import_paths, parse_bytes
    from tui.models import Article

    items = list(import_paths([path])) if path else parse_bytes(data, name)
    if not items:
        problems.append("import: no item at all (neither an article nor a reason)")
    for it in items:
        a = it.article
        if a is None:
            err = it.error
            if not isinstance(err, str) or not err.strip():
                problems.append(f"import: skipped without a reason ({err!r})")
            elif "\n" in err or "\r" in err or BAD_CHARS.search(err) or len(err) > 300:
                problems.append(f"import: reason is not one clean line: {err!r:.120}")
            elif err.startswith("could not parse ("):
                problems.append(f"import: importer crashed (caught by the dispatcher): {err}")
            continue
        if not isinstance(a, Article):
            problems.append(f"import: article is a {type(a).__name__}")
            continue
        for field in ("title", "body", "source", "byline"):
            value = getattr(a, field)
            if not isinstance(value, str):
                problems.append(f"import: {field} is {type(value).__name__}")
            elif BAD_CHARS.search(value):
                bad = BAD_CHARS.search(value).group()
                problems.append(f"import: control character {bad!r} kept in {field}")
        if isinstance(a.body, str) and not a.body.strip():
            problems.append("import: article with an empty body")
        if not all(isinstance(t, str) and not BAD_CHARS.search(t) for t in a.tags):
            problems.append(f"import: bad tags {a.tags!r:.80}")
    return items


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def run_one(name: str, data: bytes, source_text: str, engine_raw: bool, path: str | None = None) -> dict:
    problems: list[str] = []
    status = "skipped"
    t0 = time.perf_counter()
    _cpu_budget(PER_INPUT_SECONDS)
    try:
        items = check_import(data, name, problems, path)
        if source_text and name.endswith((".txt", ".md")) and _utf8(data) == source_text:
            # Plain text only loses characters (escapes, controls, layout junk): nothing may be injected.
            for it in items:
                if it.article is not None:
                    title = it.article.title.removesuffix("…")  # a long first line is cut with an ellipsis
                    extra = set(title + it.article.body) - set(source_text) - set(" \n")
                    if extra:
                        problems.append(f"import: characters not in the input: {sorted(extra)[:8]!r}")
        for it in items:
            if it.article is not None and len(it.article.body) <= ENGINE_MAX_CHARS:
                status = "imported"
                check_engine(it.article.body, problems)
        if engine_raw and source_text and len(source_text) <= ENGINE_MAX_CHARS:
            # The engine also gets text that never went through an importer (CLI --batch, other callers).
            check_engine(source_text, problems)
    except Hang as exc:
        problems.append(f"hang: {exc}")
    except Exception as exc:  # noqa: BLE001 - any exception is a finding
        problems.append(f"crash: {type(exc).__name__}: {exc!s:.200}")
    finally:
        _cpu_budget(0)
    return {"name": name, "status": status, "secs": round(time.perf_counter() - t0, 3), "problems": problems}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--only", type=int, default=None)
    ap.add_argument("--named", metavar="DIR")
    args = ap.parse_args()
    signal.signal(signal.SIGPROF, _alarm)
    if args.named:
        # Named files go through import_paths, as `newsreader add` does (size limit before reading).
        inputs = [(p.name, b"", str(p)) for p in sorted(Path(args.named).iterdir()) if p.is_file()]
    else:
        inputs = hostile_inputs.generated(args.seed, args.count)
    for i, (name, data, text) in enumerate(inputs):
        if args.only is not None and i != args.only:
            continue
        print(json.dumps({"start": i, "name": name}), flush=True)
        if args.named:
            rec = run_one(name, data, "", engine_raw=False, path=text)
        else:
            rec = run_one(name, data, text, engine_raw=True)
        rec["i"] = i
        print(json.dumps(rec, ensure_ascii=True), flush=True)
    print(json.dumps({"done": True}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
