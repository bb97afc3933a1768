"""Time the summarisers on generated articles of 800, 10,000 and 50,000 words.

    python bench/speed_summary.py [--repeat N] [--methods news,lexrank,...]

The articles are built from our own small vocabulary (no evaluation data): paragraphs of
news-like sentences with names, numbers and quotes, so sentence splitting, tokenising and
ranking all do their normal work. Prints seconds per call (best of N) and whether the
method was limited. Targets: news <= 0.5 s at 10,000 words and <= 3 s at 50,000.
No asserts: this prints numbers.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.engine.sentences import split_sentences  # noqa: E402
from tui.engine.summarize import METHODS, MethodUnavailable, summarize  # noqa: E402

PEOPLE = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Samuel Osei", "Priya Nair", "Lars Berg"]
PLACES = ["Lisbon", "Nairobi", "Toronto", "Osaka", "the valley", "the northern province"]
GROUPS = ["the city council", "the transport ministry", "a local charity", "the union", "Harbor Energy Inc."]
VERBS = ["approved", "rejected", "delayed", "announced", "questioned", "expanded", "reviewed", "funded"]
THINGS = ["a new rail line", "the water plan", "school repairs", "the budget", "a housing scheme", "flood defences"]
TAILS = [
    "after months of debate",
    "despite strong objections from residents",
    "in a vote on Tuesday",
    "according to documents seen by reporters",
    "as costs rose by {n} percent",
    "at a cost of ${n} million",
]


def sentence(rng: random.Random) -> str:
    kind = rng.random()
    who, where = rng.choice(PEOPLE), rng.choice(PLACES)
    tail = rng.choice(TAILS).format(n=rng.randint(2, 90))
    if kind < 0.15:
        return f'"We {rng.choice(VERBS)} {rng.choice(THINGS)} because it matters to {where}," {who} said.'
    if kind < 0.25:
        return f"Dr. {who.split()[1]} of the U.S. office said {rng.choice(GROUPS)} had {rng.choice(VERBS)} it {tail}."
    return f"{rng.choice(GROUPS).capitalize()} in {where} {rng.choice(VERBS)} {rng.choice(THINGS)} {tail}."


def article(words: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paras, count = [], 0
    while count < words:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        paras.append(para)
        count += len(para.split())
    return "\n\n".join(paras)


def best_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--methods", default="news,lead,lexrank", help="comma-separated; 'all' for every method")
    a = ap.parse_args(argv)
    methods = list(METHODS) if a.methods == "all" else a.methods.split(",")
    summarize("Warm up the imports. This is a second sentence.", method="news")
    print(f"{'words':>7} {'method':>10} {'seconds':>8}  note")
    for words in (800, 10_000, 50_000):
        text = article(words)
        n_words = len(text.split())
        split_s = best_time(lambda: split_sentences(text), a.repeat)
        print(f"{n_words:>7} {'(split)':>10} {split_s:8.3f}  sentence splitting alone")
        for m in methods:
            try:
                result = summarize(text, method=m)
                secs = best_time(lambda: summarize(text, method=m), a.repeat if m in ("news", "lead") else 1)
            except MethodUnavailable as e:
                print(f"{n_words:>7} {m:>10} {'-':>8}  {e}")
                continue
            target = ""
            if m == "news" and words >= 10_000:
                limit = 0.5 if words == 10_000 else 3.0
                target = f"target <= {limit} s"
            print(f"{n_words:>7} {m:>10} {secs:8.3f}  {result.limited or ''} {target}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
