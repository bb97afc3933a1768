"""Build benchmark libraries of news-like articles from our own word lists (bench/words.py).

Each article is written in the plain-text layout the importer knows (tags line, title twice, "Source:",
"• Published ...", body, staff byline, publisher footer) and goes through the real import path:
`parse_text` then `Library.add_many`. Generation is deterministic (article i always reads the same) and
runs on every core; finished libraries are cached under bench/out/ so reruns start at once.

Reusable by tests: `article_text(i)`, `write_text_files(folder, n)`, `build_library(path, n)`.
"""

from __future__ import annotations

import math
import os
import random
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench import words as W

GENERATOR_VERSION = 1  # bump when the text changes, so cached libraries are rebuilt
OUT = Path(__file__).resolve().parent / "out"
_FOOTER = ("{pub} publishes letters, opinions, and tips submissions as a public service. The content does not "
           "necessarily reflect the views of {pub}. Send tips and corrections to the newsroom.")


class _Slots(dict):
    """Template slots filled on demand (only the ones a template uses cost a random draw)."""

    def __init__(self, rng: random.Random, cast: dict):
        super().__init__()
        self.rng, self.cast = rng, cast

    def __missing__(self, key: str) -> str:
        r, c = self.rng, self.cast
        if key == "P":
            value = r.choice(c["people"])
        elif key in ("S", "S_pron"):
            person = r.choice(c["people"])
            value = person.split()[-1] if key == "S" or r.random() < 0.5 else ("she" if person in c["women"] else "he")
            if key == "S_pron":
                self["P"] = person  # "he said" only makes sense after the person was named
        elif key == "R":
            value = r.choice(W.ROLES)
        elif key == "O":
            value = r.choice(c["orgs"])
        elif key == "C":
            value = r.choice(c["cities"])
        elif key in ("K", "K2"):
            value = r.choice(c["countries"]) if key == "K" else r.choice(W.COUNTRIES)
        elif key == "G":
            value = c["region"]
        elif key == "N":
            value = r.choice(c["topic"]["nouns"])
        elif key in ("V", "V2", "V3"):
            value = r.choice(c["topic"]["verbs"]) if key != "V3" else r.choice(("fell", "rose", "slipped", "gained"))
        elif key == "T":
            value = r.choice(c["topic"]["things"])
        elif key in ("n", "n2"):
            value = str(r.randint(2, 480))
        elif key == "few":
            value = str(r.randint(2, 12))
        elif key == "pc":
            value = f"{r.randint(1, 60)}.{r.randint(0, 9)} percent"
        elif key == "m":
            value = r.choice(("$", "€", "")) + f"{r.randint(2, 900)} million" + ("" if r.random() < 0.7 else " pesos")
        elif key == "d":
            value = r.choice(W.DAYS)
        elif key == "mo":
            value = r.choice(W.MONTHS)
        elif key == "day":
            value = str(r.randint(1, 28))
        elif key == "y":
            value = str(r.randint(2008, 2025))
        elif key == "ord":
            value = r.choice(W.ORDINALS)
        elif key in ("Q", "Q2"):
            value = r.choice(W.QUOTE_CLAUSES).format_map(_Slots(r, c))
        else:
            raise KeyError(key)
        self[key] = value
        return value


def _cast(rng: random.Random) -> dict:
    """The people, places and organisations one article is about (reused, so mentions repeat)."""
    women = set()
    people = []
    for _ in range(rng.randint(2, 5)):
        first = rng.choice(W.FIRST)
        people.append(f"{first} {rng.choice(W.LAST)}")
        if first.endswith("a") or first in ("Ingrid", "Helena", "Irene", "Leila", "Mei", "Priya", "Noor", "Astrid"):
            women.add(people[-1])
    countries = rng.sample(W.COUNTRIES, 2)
    orgs = [f"{rng.choice(countries)}'s {kind}" if rng.random() < 0.3 else kind
            for kind in rng.sample(W.ORG_KINDS, 3)]
    return {"people": people, "women": women, "orgs": orgs, "cities": rng.sample(W.CITIES, 3),
            "countries": countries, "region": rng.choice(W.REGIONS),
            "topic": W.TOPICS[rng.choice(list(W.TOPICS))]}


def _length(rng: random.Random) -> int:
    # Skewed like real news: most pieces 500-900 words, a long tail up to 2,000.
    return int(min(2000, max(300, rng.lognormvariate(math.log(700), 0.45))))


def article_parts(index: int, seed: int = 1, words: int | None = None) -> dict:
    """Title, body paragraphs and metadata of article `index` (deterministic for a given seed)."""
    rng = random.Random(seed * 1_000_003 + index)
    cast = _cast(rng)
    target = words or _length(rng)
    paras, count = [], 0
    while count < target:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            template = rng.choice(W.QUOTED) if rng.random() < 0.18 else rng.choice(W.PLAIN)
            s = template.format_map(_Slots(rng, cast))
            sentences.append(s[0].upper() + s[1:])
        para = " ".join(sentences)
        paras.append(para)
        count += para.count(" ") + 1
    title = rng.choice(W.TITLES).format_map(_Slots(rng, cast))
    title = title[0].upper() + title[1:] + f" ({index})"  # the number keeps titles unique for start-up polling
    # Newer index = newer date, so "newest first" puts the last generated article on top.
    day = 16_000 + index // 40
    published = time.strftime("%Y-%m-%d", time.gmtime(day * 86400))
    return {"title": title, "paras": paras, "tags": cast["topic"]["tags"], "source": rng.choice(W.PUBLICATIONS),
            "byline": rng.choice(W.PUBLICATIONS).split()[-1] + " Staff", "published": published}


def article_text(index: int, seed: int = 1, words: int | None = None) -> str:
    """Article `index` as a plain-text news-page dump (the importer's main layout)."""
    p = article_parts(index, seed, words)
    when = time.strftime("%B %d, %Y", time.strptime(p["published"], "%Y-%m-%d")).replace(" 0", " ")
    head = [p["tags"], p["title"], p["title"], f"Source: {p['source']}", f"  • Published {when}", ""]
    tail = ["", p["byline"], "", _FOOTER.format(pub=p["source"]), ""]
    return "\n".join(head) + "\n\n".join(p["paras"]) + "\n" + "\n".join(tail)


def body_of_words(words: int, seed: int = 7) -> tuple[str, str]:
    """(title, body) of one article of about `words` words, for the analysis timings."""
    p = article_parts(0, seed, words)
    return p["title"], "\n\n".join(p["paras"])


def write_text_files(folder: str | os.PathLike, n: int, seed: int = 1) -> list[Path]:
    """Write articles 0..n-1 as .txt files into `folder` (created); returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"article-{i:06d}.txt"
        path.write_text(article_text(i, seed), encoding="utf-8")
        paths.append(path)
    return paths


def _parser():
    """The real importer's plain-text parser, or None while it is not written yet."""
    try:
        from tui.importers import parse_text
    except ImportError:
        try:
            from tui.importers.text import parse_text
        except ImportError:
            return None
    return parse_text


def _chunk(args: tuple[int, int, int]) -> list:
    """Worker: generate and parse articles [start, stop)."""
    start, stop, seed = args
    parse = _parser()
    out = []
    for i in range(start, stop):
        if parse is not None:
            out.append(parse(article_text(i, seed), f"article-{i:06d}.txt"))
        else:
            from tui.models import Article

            p = article_parts(i, seed)
            out.append(Article(title=p["title"], body="\n\n".join(p["paras"]), source=p["source"],
                               byline=p["byline"], published=p["published"], tags=p["tags"].split()))
    return out


def build_library(path: str | os.PathLike, n: int, seed: int = 1, jobs: int | None = None,
                  log=None) -> dict:
    """Create a library of `n` generated articles at `path` through parse_text + Library.add_many.

    Returns {"articles", "seconds", "importer"}; the file is written under a temporary name and renamed
    at the end, so an interrupted build never leaves a half library behind.
    """
    from tui.store import Library

    path = Path(path)
    tmp = path.with_name(path.name + ".partial")
    for leftover in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        leftover.unlink(missing_ok=True)
    t0 = time.perf_counter()
    lib = Library(tmp)
    step = 500
    chunks = [(s, min(s + step, n), seed) for s in range(0, n, step)]
    jobs = jobs or os.cpu_count() or 1
    added = 0
    if n <= 2 * step or jobs == 1:
        results = map(_chunk, chunks)
        pool = None
    else:
        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(_chunk, chunks)
    try:
        for batch in results:
            added += sum(1 for status, _ in lib.add_many(batch, chunk=step) if status == "added")
            if log and added % 10_000 < step:
                log(f"generated {added}/{n} articles ({time.perf_counter() - t0:.0f} s)")
    finally:
        if pool:
            pool.shutdown()
    lib.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    os.replace(tmp, path)
    return {"articles": added, "seconds": time.perf_counter() - t0,
            "importer": "parse_text" if _parser() else "direct (importer not available)"}


def library(n: int, out: str | os.PathLike | None = None, seed: int = 1, log=None) -> Path:
    """Path of a cached library of `n` generated articles under `out` (default bench/out/), built if missing."""
    folder = Path(out) if out else OUT
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"library-{n}-g{GENERATOR_VERSION}-s{seed}.db"
    if not path.exists():
        info = build_library(path, n, seed, log=log)
        if log:
            log(f"built {path.name}: {info['articles']} articles in {info['seconds']:.1f} s via {info['importer']}")
    return path


def fresh_copy(n: int, dest: str | os.PathLike, out: str | os.PathLike | None = None, seed: int = 1) -> Path:
    """A private copy of the cached `n`-article library (for measures that write to it)."""
    src = library(n, out, seed)
    dest = Path(dest)
    shutil.copyfile(src, dest)
    return dest


if __name__ == "__main__":
    import sys

    print(article_text(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
