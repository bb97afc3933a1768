"""Story quality on the stories dev set: grouping B-cubed F1 and story-summary ROUGE-1 recall.

    python -m bench.quality_stories [EVAL_DIR] [--scorer-python PY] [--words 100] [--only group|summary]
                                    [--salt N] [--no-halves] [--mixed 0.5,0.8] [--jackknife]

EVAL_DIR defaults to ../shared/eval/stories next to the repository. Every dev article goes into a fresh
temporary library through the store (title, text, source, date), then through the same calls as
`newsreader stories` (incremental `group_new`, oldest first as they would arrive) and
`newsreader story ID --words 100`. Grouping is scored with the eval folder's score_clusters.py; for the
summaries each gold event is summarised as a story made of exactly its articles (so the summary score does not depend on the grouping), with score_summaries.py
(needs rouge-score: pass --scorer-python of a scratch venv that has it). Prints numbers, asserts nothing.
The dev data only measures: nothing here learns from it.

Salted (`--salt N`, default 250; 0 skips it): the hidden measure puts 50 events in one library, so dev is also
grouped among N other news articles of a topically close stream that has its own events: the PolNeAR train
articles (../shared/eval/quotes/train, US politics 2015-16, seven outlets) of the first N of 2016, their dates
moved by one fixed offset so that 2016-01-01 falls on the dev set's first day (their own spacing in time is kept).
A second salting takes N articles of the unlabelled corpus (../shared/corpus: Reuters 1987, BBC 2004-05; a
fixed random sample of articles of 80 words or more, title = first sentence as in the dev data) dated at
random (fixed seed) across the dev set's days. Scored on the dev articles only, by the same extended B-cubed,
except that a distractor in a dev article's story counts against its precision (it is not of its event).

Halves (on unless `--no-halves`): a method change must help on more than one sample of events, so each half of
the dev events is also grouped alone (one article at a time and all at once) and scored on its own. The halves
are fixed without looking at the data's content: the events sorted by id, A = the 1st, 3rd, 5th ..., B = the
2nd, 4th ... (an article of two events is in each half that holds one of them, with only that half's label).
Comparing a half alone with the whole set shows what doubling the events of a period does to precision.

Proxy (`--proxy N`, default 246; 0 skips it): the hidden measure's library is twice dev's articles over the same
weeks, half of them events dev has never shown. Dev is grouped with N distractors in equal thirds: PolNeAR train
(as the salted run, a fixed offset), the unlabelled corpus (random days) and CoNLL-2003 train (../shared/eval/ner/
train: world news of 8 days of August 1996, with its own running stories; a fixed random sample of articles of 80
words or more, each day of it mapped in order onto an equal slice of the dev set's days, a random day within it).
Scored as the salted runs; it also says how many dev articles share their story with a distractor.

Quiet (always): every run fed one at a time is made twice, "as fed" (the articles after the last windowed regroup
still placed alone) and "after the feed went quiet" (`tui.stories.settle`, what the app does after a refresh round
that brought nothing and `stories | story | brief` do first: those articles regrouped as a window now).

Orders (`--orders K`): the dev set's articles of one day have no true order, but the grouping depends on it; each
run (all events, halves, proxy) made K times with each day's articles shuffled (fixed seeds), F1 mean and spread,
and each order's F1 (a change is compared order by order: the same K orders are drawn for every version).

Errors (`--errors`): after each run of all the events and of the proxy (order 0), which events are split (each
part: its articles, their first and last days, and what else its story holds) and which stories hold more than one
event or a distractor (distractors by kind: salt = PolNeAR, corpus, conll), and the precision lost to other events
and to distractors: what a change of method moved, event by event, rather than one F1. The precision lost to other
events is told apart by how the other event sits in the story (a whole part of it, 2+ articles, or single articles),
and three repairs done by hand bound what a cure of each kind could win: the F1 if each article alone of its event in
a story joined the event's largest part, if each event's parts that hold nothing else were one story, if each story
were split by event; a run fed one at a time also counts its articles placed after the last windowed regroup and
how many of them are outside their event's largest part (order effects). Each of those runs is also
made once more without the merges of stories (`Grouper.merge_touched` does nothing: articles placed and refined
only), and its figures and mixed stories printed: what the merges buy and what they cost.

Merges (`--merges`): after each run of all the events and of the salted and proxy runs (order 0), every merge of two
stories the grouper made (`merge_log`: its `_absorb` recorded, the test untouched), with the events on each side, their
average link, the days between them and the test it passed with how far past it (`merges`), and a last line that sets
the merges joining two events against those within one: whether any level on the link could tell them apart.

Mixed (`--mixed 0.5,0.8`): a library imported in bulk and then fed; the oldest share stored at once and grouped,
the rest one article at a time (every run above is also made that way).

Summary halves and jackknife (`--jackknife`): the summary's R-1 / R-2 recall is also printed for each half of the
events (the same halves). The greedy choice of sentences is chaotic, so one run per event is a noisy measure: a
principled change often moves one half up and the other down by 0.005. With `--jackknife` each event is also
summarised without each of its articles in turn (about ten stories per event) and each event's scores averaged over
them: a steadier figure per half to compare a change with (still dev: it only measures). Each is printed with the sd
of the events' R-1 and the standard error of its mean. `--save PATH` writes each event's scores; `--against PATH`
(a file saved by another version of the code) prints the mean per-event change of R-1 in each half with its standard
error: the same events scored twice, so the spread between events (sd ~0.06) cancels out and a change of 0.002 can
be told from noise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.models import Article  # noqa: E402
from tui.store import Library  # noqa: E402

DEFAULT_DIR = next((p / "shared" / "eval" / "stories" for p in (ROOT.parent, ROOT.parent.parent)
                    if (p / "shared" / "eval" / "stories").is_dir()), ROOT.parent / "shared" / "eval" / "stories")
TARGETS = {"bcubed_f1": 0.93, "rouge1_recall": 0.39}
PEERS = "grouping: TF-IDF single pass 0.825 (50 events mixed), 0.89 (one half); summary R1: LexRank 0.359, +redundancy 0.372, human 0.394"


ORDER = 0  # 0: the articles of one day arrive in id order; another number: in an order shuffled by it (`--orders`)


def arrival(row: dict) -> tuple:
    """A row's place in the order a library receives the articles: by day, and within a day by id (ORDER 0) or in
    a fixed pseudo-random order drawn from ORDER (a day's articles have no true order in the data)."""
    import random

    return (row["date"], row["id"]) if not ORDER else (row["date"], random.Random(f"{ORDER}:{row['id']}").random())


def load(eval_dir: Path) -> list[dict]:
    """The dev articles, oldest first (the order a reader's library would receive them)."""
    rows = [json.loads(line) for line in (eval_dir / "dev" / "clusters.jsonl").open(encoding="utf-8") if line.strip()]
    rows.sort(key=arrival)
    return rows


def fill(lib: Library, rows: list[dict]) -> dict[int, dict]:
    """Store the rows as articles; returns article id -> row (a row repeated in the data maps to the same id)."""
    arts = [Article(title=r["title"], body=r["text"], source=r["source"], published=r["date"]) for r in rows]
    by_id = {}
    for r, (status, ident) in zip(rows, lib.add_many(arts)):
        by_id.setdefault(ident, r)
    return by_id


QUIET = -1.0  # a share for `feed`: every article one at a time, then the feed goes quiet (tui.stories.settle)


def feed(lib: Library, rows: list[dict], at_once: float) -> dict[str, int]:
    """Store and group `rows` (oldest first) as a library receives them: the first `at_once` share of them stored
    together and grouped in one call (1.0: all, as `newsreader add FOLDER` does), the rest one article at a time
    with `group_new` after each (0.0: all of them, as feeds deliver; QUIET: all of them, then the feed goes quiet and
    the articles still waiting for their window are regrouped, as the app and `stories` do). Returns row id ->
    article id."""
    from tui.stories import group_new, settle

    bulk = round(len(rows) * max(0.0, float(at_once)))
    ident = {}
    if bulk:
        arts = [Article(title=r["title"], body=r["text"], source=r["source"], published=r["date"]) for r in rows[:bulk]]
        ident = {r["id"]: i for r, (_, i) in zip(rows, lib.add_many(arts))}
        group_new(lib)
    for r in rows[bulk:]:  # incrementally, as articles arrive
        ident[r["id"]] = next(iter(fill(lib, [r])))
        group_new(lib)
    if at_once == QUIET:
        settle(lib)
    return ident


def _name(at_once: float) -> str:
    if at_once == QUIET:
        return "one at a time, after the feed went quiet"
    return "stored at once" if at_once == 1 else "one at a time" if not at_once else f"{at_once:.0%} at once, then one at a time"


def grouping(eval_dir: Path, tmp: Path, py: str, at_once: float = 0.0, quiet: bool = False,
             log_merges: bool = False) -> dict:
    """Group the dev set one article at a time (or, `at_once` = 1, all stored first and grouped in one call,
    as `newsreader add FOLDER` does; in between, that share first, the rest one at a time: see `feed`) and score
    it with score_clusters.py. With `log_merges`, its "merges" are `merges`' lines (the grouping is timed with the
    recording)."""
    from tui.store.stories import story_of

    rows = load(eval_dir)
    lib = Library(tmp / f"group-{at_once}.db")
    t0 = time.perf_counter()
    with merge_log() if log_merges else nullcontext([]) as log:
        ident = feed(lib, rows, at_once)
    seconds = time.perf_counter() - t0
    where = {doc: story_of(lib, aid) for doc, aid in ident.items()}
    late = after_last_window(lib, ident) if at_once < 1 else None
    lib.close()
    pred = tmp / "clusters.jsonl"
    with pred.open("w") as f:
        for doc, story in where.items():
            f.write(json.dumps({"id": doc, "cluster": story}) + "\n")
    out = subprocess.run([py, str(eval_dir / "score_clusters.py"), str(pred), "--gold",
                          str(eval_dir / "dev" / "clusters.jsonl")], capture_output=True, text=True)
    if not quiet:
        print(out.stdout.strip() or out.stderr.strip()[-400:], file=sys.stderr)
    gold = {r["id"]: frozenset(r.get("clusters") or [r["cluster"]]) for r in rows}
    return {"stdout": out.stdout, "seconds": seconds,
            "errors": errors(where, gold, {r["id"]: r["date"] for r in rows}, late),
            "merges": merges(log, ident, gold) if log_merges else []}


def after_last_window(lib: Library, ident: dict[str, int]) -> set[str]:
    """The rows of `ident` (row id -> article id) whose articles were grouped after the last windowed regroup
    (tui/stories/regroup_window.py): placed one at a time and never placed again with the articles around them."""
    from tui.stories.regroup_window import WINDOW_MARK

    row = lib.db.execute("SELECT value FROM counts WHERE name = ?", (WINDOW_MARK,)).fetchone()
    mark = row[0] if row else 0
    return {doc for doc, aid in ident.items() if aid > mark}


def halves(rows: list[dict]) -> dict[str, list[dict]]:
    """The dev rows of half A and half B (events sorted by id, alternately), labels cut to the half."""
    events = sorted({c for r in rows for c in (r.get("clusters") or [r["cluster"]])})
    out = {}
    for name, keep in (("A", set(events[0::2])), ("B", set(events[1::2]))):
        part = []
        for r in rows:
            labels = sorted(set(r.get("clusters") or [r["cluster"]]) & keep)
            if labels:
                part.append(dict(r, cluster=labels[0], clusters=labels))
        out[name] = part
    return out


def grouped(rows: list[dict], tmp: Path, name: str, at_once: float) -> dict:
    """Group `rows` alone in a fresh library (as `feed`: one article at a time, all stored then grouped, or a
    share first) and score them with `bcubed` (no distractors: the same figures as score_clusters.py)."""
    from tui.store.stories import story_of

    lib = Library(tmp / f"half-{name}-{at_once}-{ORDER}.db")
    ident = feed(lib, rows, at_once)
    pred = {doc: story_of(lib, aid) for doc, aid in ident.items()}
    lib.close()
    gold = {r["id"]: frozenset(r["clusters"]) for r in rows}
    p, r, f = bcubed(pred, gold)
    return {"p": p, "r": r, "f1": f, "events": len({c for g in gold.values() for c in g}),
            "stories": len(set(pred.values()))}


def salt(eval_dir: Path, n: int, first_day: str) -> list[dict]:
    """`n` distractor articles (PolNeAR train, from 2016-01-01 on, oldest first) as dev-like rows, dated by
    a fixed offset so that 2016-01-01 is `first_day`; ids are prefixed "salt:"."""
    from datetime import date

    path = eval_dir.parent / "quotes" / "train" / "polnear_train.jsonl"
    if n <= 0 or not path.is_file():
        return []
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = sorted((r for r in rows if r["publication_date"][:10] >= "2016-01-01"),
                  key=lambda r: (r["publication_date"], r["id"]))[:n]
    shift = date.fromisoformat(first_day).toordinal() - date(2016, 1, 1).toordinal()
    out = []
    for r in rows:
        title, _, body = r["text"].strip().partition("\n")
        day = date.fromordinal(date.fromisoformat(r["publication_date"][:10]).toordinal() + shift).isoformat()
        out.append({"id": "salt:" + r["id"], "cluster": None, "title": title.strip(), "date": day,
                    "source": r["publisher"], "text": body.strip() or title})
    return out


def corpus_salt(n: int, first_day: str, last_day: str) -> list[dict]:
    """`n` corpus articles (fixed random sample, >= 80 words) as dev-like rows dated at random in
    [first_day, last_day]; ids are prefixed "corpus:"."""
    import random
    import re
    from datetime import date

    from bench.build_story_idf import DEFAULT_CORPUS, articles

    if n <= 0 or not Path(DEFAULT_CORPUS).is_file():
        return []
    rng = random.Random(5)
    texts = rng.sample([t for t in articles(DEFAULT_CORPUS) if len(t.split()) >= 80], n)
    lo, hi = date.fromisoformat(first_day).toordinal(), date.fromisoformat(last_day).toordinal()
    out = []
    for i, t in enumerate(texts):
        text = " ".join(t.split())
        title = re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text, maxsplit=1)[0][:300]
        out.append({"id": f"corpus:{i}", "cluster": None, "title": title, "text": text, "source": "corpus",
                    "date": date.fromordinal(rng.randint(lo, hi)).isoformat()})
    return out


def conll_dated(path: Path) -> list[tuple[str, str, str, str]]:
    """(id, headline, body after the dateline, "1996-08-DD") of each CoNLL-2003 train article (the file `path`) of
    80 words or more with a dateline of August 1996, in the file's order."""
    import re

    docs = []
    for line in path.open(encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        lines = r["text"].split("\n")
        at = next((i for i, x in enumerate(lines[:4]) if re.search(r"\b1996-08-\d\d\b", x)), None)
        body = " ".join(" ".join(lines[at + 1:]).split()) if at is not None else ""
        if at is not None and len(body.split()) >= 80:
            docs.append((r["id"], lines[0].strip(), body, re.search(r"1996-08-\d\d", lines[at]).group(0)))
    return docs


def conll_salt(eval_dir: Path, n: int, first_day: str, last_day: str) -> list[dict]:
    """`n` CoNLL-2003 train articles (fixed random sample of those of >= 80 words with a dateline of August 1996) as
    dev-like rows: title = the headline, text = the article after its dateline; each of the sample's days mapped in
    order onto an equal slice of [first_day, last_day], a random day within it (fixed seed); ids "conll:"."""
    import random
    from datetime import date

    path = eval_dir.parent / "ner" / "train" / "conll2003_train.jsonl"
    if n <= 0 or not path.is_file():
        return []
    docs = [(ident, title, body, date.fromisoformat(day).toordinal()) for ident, title, body, day in conll_dated(path)]
    rng = random.Random(7)
    docs = sorted(rng.sample(docs, min(n, len(docs))), key=lambda d: (d[3], d[0]))
    d0, d1 = docs[0][3], docs[-1][3] + 1
    lo, hi = date.fromisoformat(first_day).toordinal(), date.fromisoformat(last_day).toordinal() + 1
    out = []
    for ident, title, body, day in docs:
        at = lo + int((day - d0 + rng.random()) * (hi - lo) / (d1 - d0))
        out.append({"id": "conll:" + ident, "cluster": None, "title": title or body[:160], "text": body,
                    "source": "conll", "date": date.fromordinal(min(at, hi - 1)).isoformat()})
    return out


def bcubed(pred: dict[str, object], gold: dict[str, frozenset]) -> tuple[float, float, float]:
    """Extended B-cubed P/R/F1 over the documents of `gold` (as score_clusters.py), where a predicted cluster
    also holds the documents of `pred` outside `gold` (distractors): they count against precision."""
    clusters: dict[object, list[str]] = {}
    for doc, c in pred.items():
        clusters.setdefault(c, []).append(doc)
    p = r = 0.0
    for e, labels in gold.items():
        mates = clusters[pred[e]]
        p += sum(1 for x in mates if x in gold and gold[x] & labels) / len(mates)
        related = {x for x in gold if gold[x] & labels}
        r += sum(1.0 / len(labels & gold[x]) for x in related if pred[x] == pred[e]) / len(related)
    p, r = p / len(gold), r / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def without_merges():
    """A context in which the grouper merges no stories (`Grouper.merge_touched` does nothing): `--errors` compares."""
    from unittest import mock

    from tui.stories.grouping import Grouper

    return mock.patch.object(Grouper, "merge_touched", lambda self: None)


def merge_log():
    """A context in which every merge of two stories the grouper makes is recorded (`Grouper._absorb` wrapped, the
    merge test itself untouched), in the list it yields: each merge as a dict of the two stories' articles (`kept`,
    `folded`: article ids, `bench.story_entities.story_articles`), their average link (`link`: the mean cosine of their
    pairs of articles, as `_Story.similarity` computes it from the centroids), the days between their date ranges
    (`gap`), the link decayed by them (`decayed`, 0 beyond WINDOW_DAYS) and what it passed: `by` "join" (the decayed
    link reaches the join level) or "bridge" (the plain link reaches the bridge or averages level for the gap), with
    `score` how far past that level, as the grouper ranks partners (`Grouper.merge_touched`)."""
    from contextlib import contextmanager
    from unittest import mock

    from bench.story_entities import story_articles
    from tui.stories import grouping as g

    @contextmanager
    def recording():
        log: list[dict] = []
        absorb = g.Grouper._absorb

        def recorded(self, keep, drop):
            lv = self.levels
            link = sum(w * drop.centroid.get(t, 0.0) for t, w in keep.centroid.items()) / max(1, keep.size * drop.size)
            gap = max(0, g._DAYS[keep.first] - g._DAYS[drop.last], g._DAYS[drop.first] - g._DAYS[keep.last])
            decayed = link / (1.0 + max(0, gap - g.GRACE_DAYS) / lv.decay) if gap <= g.WINDOW_DAYS else 0.0
            level = g.bridge_level(gap, lv.bridge)
            if lv.average is not None and g.WINDOW_DAYS < gap <= g.BRIDGE_DAYS and keep.size * drop.size >= g.AVERAGE_PAIRS:
                level = min(level, lv.average)
            by, score = ("join", decayed / lv.join) if decayed >= lv.join else ("bridge", link / level)
            log.append({"kept": story_articles(self, keep), "folded": story_articles(self, drop), "link": link,
                        "gap": gap, "decayed": decayed, "by": by, "score": score})
            return absorb(self, keep, drop)

        with mock.patch.object(g.Grouper, "_absorb", recorded):
            yield log

    return recording()


def merges(log: list[dict], ident: dict[str, int], gold: dict[str, frozenset]) -> list[str]:
    """`merge_log`'s merges in lines to print, article ids read back to rows by `ident` (row id -> article id): each
    side's articles by event (a distractor by its kind), the link, days apart, decayed link, the test passed and how
    far past it; each merge named "wrong" when no event has articles on both sides and each side holds a dev article,
    "mixed" when a side already holds more than one event; last, the scores of the wrong merges and of the merges
    within one event, and how many of those within one event score no higher than the highest wrong one (what any
    level on the link would have to give up to turn the wrong merges down)."""
    row = {aid: doc for doc, aid in ident.items()}

    def kinds(ids: list[int]) -> Counter:
        return Counter("+".join(sorted(gold[d])) if d in gold else str(d).split(":")[0]
                       for d in (row.get(a, "?") for a in ids))

    def events(ids: list[int]) -> set[str]:
        return {e for a in ids if row.get(a) in gold for e in gold[row[a]]}

    out, wrong, right = [], [], []
    for m in log:
        a, b = events(m["kept"]), events(m["folded"])
        tag = ("wrong" if a and b and not a & b else "mixed" if len(a) > 1 or len(b) > 1 else
               "right" if a and a == b else "other")
        (wrong if tag == "wrong" else right if tag == "right" else []).append(m["score"])
        out.append(f"{tag} {dict(sorted(kinds(m['kept']).items()))} + {dict(sorted(kinds(m['folded']).items()))}: "
                   f"link {m['link']:.4f}, {m['gap']} days apart, decayed {m['decayed']:.4f}, by {m['by']}, "
                   f"score {m['score']:.2f}")
    if wrong and right:
        top = max(wrong)
        out.append(f"merges {len(log)}: wrong {len(wrong)} (scores {min(wrong):.2f}-{top:.2f}), within one event "
                   f"{len(right)} (scores {min(right):.2f}-{max(right):.2f}), of them scoring no higher than the "
                   f"highest wrong one: {sum(x <= top for x in right)}")
    return out


def repaired(pred: dict[str, object], gold: dict[str, frozenset], how: str) -> dict[str, object]:
    """`pred` with one kind of error undone by hand, to bound what a cure of that kind could win (`errors` scores it):
    "alone": each article of one event that is the only article of its event in its story joins the story holding
    most of that event (ties: the first story by id as text); "pure": each event's parts whose stories hold nothing but
    articles of it are made one story; "split": each story is split by event (an article of two events goes with the
    first of them by name, a distractor stands alone)."""
    clusters: dict[object, list[str]] = {}
    for doc, c in pred.items():
        clusters.setdefault(c, []).append(doc)
    events: dict[str, list[str]] = {}
    for doc, labels in gold.items():
        for label in labels:
            events.setdefault(label, []).append(doc)
    out = dict(pred)
    if how == "split":
        return {doc: (c, min(gold[doc]) if doc in gold else doc) for doc, c in pred.items()}
    for event, docs in sorted(events.items()):
        parts = Counter(pred[d] for d in docs)
        if how == "alone":
            largest = min(parts, key=lambda c: (-parts[c], str(c)))
            for d in docs:
                if len(gold[d]) == 1 and parts[pred[d]] == 1:
                    out[d] = largest
        else:
            pure = sorted((c for c in parts if all(x in gold and event in gold[x] for x in clusters[c])), key=str)
            for c in pure[1:]:
                for x in clusters[c]:
                    out[x] = pure[0]
    return out


def errors(pred: dict[str, object], gold: dict[str, frozenset], days: dict[str, str],
           late: set[str] | None = None) -> list[str]:
    """What a grouping got wrong, in lines to print: the B-cubed precision lost to articles of other events and to
    distractors (documents of `pred` outside `gold`, named by their id's prefix before ":") and the recall lost; then
    (when anything is lost) the precision lost to other events as whole parts of another event (two or more of its
    articles in the story) or as single articles, the F1 each kind of repair would reach (`repaired`), and of the
    articles `late` (placed one at a time after the last windowed regroup, when given) how many are outside their
    event's largest part (a part as big as the largest counts as it); each event split over several stories, part by part (articles, first..last day as MM-DD from
    `days`, and the story's other articles by event or kind); each story whose articles are not all of one event (an
    article of two events is of each), or that holds distractors."""
    clusters: dict[object, list[str]] = {}
    for doc, c in pred.items():
        clusters.setdefault(c, []).append(doc)

    def kind(doc: str) -> str:  # an article of two events is named by both ("a+b")
        return "+".join(sorted(gold[doc])) if doc in gold else doc.split(":")[0]

    other = stray = whole = 0.0
    for doc, labels in gold.items():
        mates = clusters[pred[doc]]
        held = Counter(label for x in mates if x in gold for label in gold[x])  # the story's articles of each event
        foreign = [x for x in mates if x in gold and not gold[x] & labels]
        other += len(foreign) / len(mates)
        whole += sum(1 for x in foreign if max(held[label] for label in gold[x]) >= 2) / len(mates)
        stray += sum(1 for x in mates if x not in gold) / len(mates)
    p, r, f = bcubed(pred, gold)
    n = len(gold) or 1
    out = [f"P {p:.4f} R {r:.4f}: precision lost to other events {other / n:.4f}, to distractors {stray / n:.4f}; "
           f"recall lost {1 - r:.4f}"]
    events: dict[str, list[str]] = {}
    for doc, labels in gold.items():
        for label in labels:
            events.setdefault(label, []).append(doc)
    if f < 1:
        bound = {how: bcubed(repaired(pred, gold, how), gold)[2] for how in ("alone", "pure", "split")}
        out.append(f"F1 {f:.4f}; precision lost to other events as whole parts of one (2+ of its articles in the "
                   f"story) {whole / n:.4f}, as single articles {(other - whole) / n:.4f}; F1 if each article alone of "
                   f"its event in a story joined the event's largest part {bound['alone']:.4f}, if each event's parts "
                   f"holding nothing else were one story {bound['pure']:.4f}, if each story were split by event "
                   f"{bound['split']:.4f}")
    if late is not None:
        away = set()
        for docs in events.values():
            parts = Counter(pred[d] for d in docs)
            away |= {d for d in docs if parts[pred[d]] < max(parts.values())}
        placed = [d for d in gold if d in late]
        out.append(f"placed one at a time after the last windowed regroup: {len(placed)} articles, "
                   f"{sum(d in away for d in placed)} of them outside their event's largest part "
                   f"(of {len(away)} outside it in all)")
    for event, docs in sorted(events.items()):
        parts: dict[object, list[str]] = {}
        for doc in docs:
            parts.setdefault(pred[doc], []).append(doc)
        if len(parts) < 2:
            continue
        shown = []
        for c, part in sorted(parts.items(), key=lambda kv: (-len(kv[1]), min(days[d] for d in kv[1]))):
            when = sorted(days[d][5:10] for d in part)
            rest = Counter(kind(x) for x in clusters[c] if not (x in gold and event in gold[x]))
            shown.append(f"{len(part)} [{when[0]}..{when[-1]}]" + (f" with {dict(sorted(rest.items()))}" if rest else ""))
        out.append(f"split {event} ({len(docs)}): " + " | ".join(shown))
    for c, docs in sorted(clusters.items(), key=lambda kv: (len(str(kv[0])), str(kv[0]))):
        labels = [gold[x] for x in docs if x in gold]
        if labels and (len(labels) < len(docs) or not frozenset.intersection(*labels)):  # a distractor, or no event
            # that all its articles are of
            out.append(f"mixed story {c}: {dict(sorted(Counter(map(kind, docs)).items()))}")
    return out


def salted(eval_dir: Path, tmp: Path, n: int, source: str = "polnear", at_once: float = 0.0,
           log_merges: bool = False) -> dict:
    """Group dev mixed with `n` distractors (`source` polnear or corpus; one article at a time, oldest
    first, or all stored first and grouped in one call, or a share first: see `feed`) and score the dev articles
    (with `log_merges`, "merges" holds `merges`' lines)."""
    from tui.store.stories import story_of

    rows = load(eval_dir)
    first, last = rows[0]["date"], rows[-1]["date"]
    if source == "proxy":  # equal thirds of the three kinds
        third = n // 3
        extra = (salt(eval_dir, third, first) + corpus_salt(third, first, last)
                 + conll_salt(eval_dir, n - 2 * third, first, last))
    else:
        extra = salt(eval_dir, n, first) if source == "polnear" else corpus_salt(n, first, last)
    if len(extra) < n:  # a source not found (the corpus is looked for beside the repository): said, not hidden
        from bench.build_story_idf import DEFAULT_CORPUS

        print(f"warning: {source} has {len(extra)} of its {n} distractors (the corpus looked for at {DEFAULT_CORPUS}, "
              f"PolNeAR and CoNLL train in {eval_dir.parent}): its figure is not comparable", file=sys.stderr)
    mixed = sorted(rows + extra, key=arrival)
    lib = Library(tmp / f"salted-{source}-{at_once}-{ORDER}.db")
    with merge_log() if log_merges else nullcontext([]) as log:
        ident = feed(lib, mixed, at_once)
    pred = {doc: story_of(lib, aid) for doc, aid in ident.items()}
    late = after_last_window(lib, ident) if at_once < 1 else None
    lib.close()
    gold = {r["id"]: frozenset(r.get("clusters") or [r["cluster"]]) for r in rows}
    p, r, f = bcubed(pred, gold)
    dev_stories = {pred[d] for d in gold}
    stray = sum(1 for d in pred if d not in gold and pred[d] in dev_stories)
    salted_stories = {pred[d] for d in pred if d not in gold}
    return {"p": p, "r": r, "f1": f, "distractors": len(extra), "stray": stray,
            "dev_with_stray": sum(1 for d in gold if pred[d] in salted_stories),
            "dev_stories": len(dev_stories), "errors": errors(pred, gold, {x["id"]: x["date"] for x in mixed}, late),
            "merges": merges(log, ident, gold) if log_merges else []}


def paired(per: dict[str, list[float]], base: dict[str, list[float]], parts: dict[str, list[str]]) -> str:
    """The mean per-event change of R-1 recall from `base` to `per` in each part of the events, with the standard error
    of that mean change (the events' changes' sd / sqrt(events)): the same events scored twice, so the spread
    between events, far larger than a change, cancels out."""
    out = []
    for half, evs in parts.items():
        d = [per[c][0] - base[c][0] for c in evs if c in base]
        if len(d) < 2:
            continue
        se = statistics.stdev(d) / len(d) ** 0.5
        out.append(f"{half} {statistics.mean(d):+.4f} (se {se:.4f})")
    return ", ".join(out)


def summaries(eval_dir: Path, tmp: Path, py: str, words: int, jackknife: bool = False, save: str = "",
              against_path: str = "") -> dict:
    """Summarise each gold event (a story made of its articles) and score with score_summaries.py; then R-1 / R-2
    recall of each half of the events (as `halves`: A the 1st, 3rd ... by id, B the others). With `jackknife`, also
    each event summarised once without each of its articles in turn (a story of the others), scored the same way
    and averaged per event: a summary's greedy choice is chaotic (one sentence more or less changes the next
    picks), so a change that moves the plain figure by less than its jackknife spread has not been shown to help."""
    from tui.stories import story_summary
    from tui.store import stories as store
    from tui.store.stories import Member

    rows = load(eval_dir)
    lib = Library(tmp / "summ.db")
    by_id = fill(lib, rows)
    clusters: dict[str, list[int]] = {}
    for aid, r in by_id.items():
        clusters.setdefault(r["cluster"], []).append(aid)
    events = sorted(clusters)
    rounds = [[(c, clusters[c]) for c in events]]  # round 0: the events whole
    if jackknife:
        for k in range(max(map(len, clusters.values()))):
            rounds.append([(f"{c}#{k}", ids[:k] + ids[k + 1:]) for c, ids in clusters.items() if k < len(ids)])
    scores: dict[str, dict] = {}
    against = json.loads(Path(against_path).read_text(encoding="utf-8")) if against_path else None
    against_name = Path(against_path).name if against_path else ""
    times = []
    preds = []
    for r, stories_of_round in enumerate(rounds):
        if r:
            store.clear(lib)
        stories, members = [], []
        for n, (label, ids) in enumerate(stories_of_round, start=1):
            days = sorted(by_id[i]["date"] for i in ids)
            stories.append((n, by_id[ids[0]]["title"], days[0], days[-1], len(ids), {}))
            members += [Member(i, n, by_id[i]["date"], {}, []) for i in ids]
        store.save_groups(lib, members, stories)
        pred = tmp / f"summaries-{r}.jsonl"
        with pred.open("w") as f:
            for n, (label, _) in enumerate(stories_of_round, start=1):
                t0 = time.perf_counter()
                s = story_summary(lib, n, words=words)
                if not r:
                    times.append(time.perf_counter() - t0)
                f.write(json.dumps({"cluster": label, "summary": "\n".join(x.text for x in s.sentences)}) + "\n")
        preds.append(pred)
    lib.close()
    out = subprocess.run([py, str(eval_dir / "score_summaries.py"), str(preds[0]), "--refs",
                          str(eval_dir / "dev" / "refs.jsonl")], capture_output=True, text=True)
    print(out.stdout.strip() or out.stderr.strip()[-600:], file=sys.stderr)
    for name, paths in (("", preds[:1]), ("jackknife (each event without each of its articles in turn), ", preds[1:])):
        if not paths:
            continue
        per = per_event(eval_dir, py, paths, words)
        if per is None:
            continue
        parts = {"all": events, "A": events[0::2], "B": events[1::2]}
        print(f"summary {name}R-1 / R-2 recall: " + ", ".join(
            f"{half} {sum(per[c][0] for c in evs) / len(evs):.4f} / {sum(per[c][1] for c in evs) / len(evs):.4f}"
            for half, evs in parts.items()), file=sys.stderr)
        r1 = [per[c][0] for c in events]
        if len(r1) > 1:
            sd = statistics.stdev(r1)
            print(f"summary {name}R-1 over the {len(r1)} events: sd {sd:.4f}, standard error of the mean "
                  f"{sd / len(r1) ** 0.5:.4f}", file=sys.stderr)
        kind = "jackknife" if name else "plain"
        scores[kind] = per
        if against and kind in against:
            print(f"summary {name}R-1 against {against_name}: " + paired(per, against[kind], parts), file=sys.stderr)
    if save:
        Path(save).write_text(json.dumps(scores, sort_keys=True) + "\n", encoding="utf-8")
    times.sort()
    return {"stdout": out.stdout, "median_ms": 1000 * times[len(times) // 2]}


# Run by the scorer's Python (it has rouge-score): each event's pooled recall, as score_summaries.py
# computes them, averaged over the event's summaries (ids "EVENT" or "EVENT#k").
_PER_EVENT = """
import json, sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
from score_summaries import load_jsonl, score_cluster
refs = {r["cluster"]: r["summaries"] for r in load_jsonl(sys.argv[2])}
acc = {}
for path in sys.argv[4:]:
    for r in load_jsonl(path):
        event = r["cluster"].split("#")[0]
        got = score_cluster(r["summary"], refs[event], int(sys.argv[3]))
        acc.setdefault(event, []).append((got["rouge1"]["avg_r"], got["rouge2"]["avg_r"]))
print(json.dumps({e: [sum(x[0] for x in v) / len(v), sum(x[1] for x in v) / len(v)] for e, v in acc.items()}))
"""


def per_event(eval_dir: Path, py: str, paths: list[Path], words: int) -> dict[str, list[float]] | None:
    """Event -> [R-1, R-2] recall (pooled references, score_summaries.py's) averaged over its summaries in `paths`;
    None if the scorer cannot run."""
    out = subprocess.run([py, "-c", _PER_EVENT, str(eval_dir), str(eval_dir / "dev" / "refs.jsonl"), str(words)]
                         + [str(p) for p in paths], capture_output=True, text=True)
    if out.returncode:
        print(out.stderr.strip()[-600:], file=sys.stderr)
        return None
    return json.loads(out.stdout)


def spread(eval_dir: Path, tmp: Path, args, shares: list[float]) -> None:
    """How much the figures move with the order in which one day's articles arrive (nothing else changes): each run
    `args.orders` times (order 0 is the one the other runs use), F1 mean, standard deviation, min and max. A change
    of method that moves a figure by less than its spread has not been shown to help. With each F1 its mean precision
    and recall: a change that trades one for the other (fewer distractors in dev stories, as many events split) shows
    as such."""
    global ORDER
    f1s: dict[str, list[float]] = {}
    pr: dict[str, list[tuple[float, float]]] = {}  # label -> (P, R) of each order
    for ORDER in range(args.orders):
        parts = {"all": load(eval_dir)}
        if not args.no_halves:
            parts.update(halves(parts["all"]))
        for name, part in parts.items():
            for once in shares:
                m = grouped(part, tmp, name, once)
                f1s.setdefault(f"{name}, {_name(once)}", []).append(m["f1"])
                pr.setdefault(f"{name}, {_name(once)}", []).append((m["p"], m["r"]))
        for once in shares if args.proxy > 0 else ():
            m = salted(eval_dir, tmp, args.proxy, "proxy", once)
            f1s.setdefault(f"proxy, {_name(once)}", []).append(m["f1"])
            pr.setdefault(f"proxy, {_name(once)}", []).append((m["p"], m["r"]))
            f1s.setdefault(f"proxy, {_name(once)}: dev articles sharing a story with a distractor", []).append(
                m["dev_with_stray"])
    ORDER = 0
    for label, xs in f1s.items():
        both = (f"; P mean {statistics.mean(p for p, _ in pr[label]):.4f}, R mean "
                f"{statistics.mean(r for _, r in pr[label]):.4f}") if label in pr else ""
        print(f"{label}: mean {statistics.mean(xs):.4f} sd {statistics.stdev(xs):.4f} min {min(xs):.4f} "
              f"max {max(xs):.4f} over {len(xs)} orders (order 0: {xs[0]:.4f}){both}; by order "
              + " ".join(f"{x:.4f}" for x in xs), file=sys.stderr)


SCRATCH = "stories-bench-"  # the libraries of a run are made in TMPDIR/stories-bench-PID-XXXX, removed at its end


def scratch() -> tempfile.TemporaryDirectory:
    """A scratch folder of this run, named with its process id (for `sweep_stale`)."""
    return tempfile.TemporaryDirectory(prefix=f"{SCRATCH}{os.getpid()}-")


def end_on_signals() -> None:
    """SIGTERM (a kill, a timeout) and SIGHUP (the terminal closed) end the run as ctrl-c does, by an exception, so
    the scratch folders are removed on the way out and a scorer running is ended (the default action ended the process
    on the spot and left a folder of libraries behind each time). A signal the caller ignores (nohup) stays ignored."""
    def stop(signum, frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is signal.SIG_DFL:
            signal.signal(sig, stop)


def sweep_stale(folder: Path | None = None, day: float = 86400.0) -> list[Path]:
    """Remove the scratch folders of runs that ended without removing them (killed with SIGKILL, or before runs were
    named with their process id): those untouched for a `day` whose process is gone. Returns the folders removed."""
    removed = []
    for path in Path(folder or tempfile.gettempdir()).glob(SCRATCH + "*"):
        named = re.fullmatch(re.escape(SCRATCH) + r"(\d+)-\w+", path.name)
        try:
            if not named or path.is_symlink() or not path.is_dir() or time.time() - path.stat().st_mtime < day:
                continue
        except OSError:
            continue
        if _alive(int(named.group(1))):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # (OverflowError: a number no process id can be)
        return False
    except PermissionError:  # another user's process
        return True
    return True


def main() -> None:
    """Run the measures and print their numbers."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("eval_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--scorer-python", default=sys.executable)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--only", choices=["group", "summary"])
    ap.add_argument("--salt", type=int, default=250, help="distractor articles for the salted run (0: none)")
    ap.add_argument("--proxy", type=int, default=246, help="distractors of the hidden-setting proxy (0: none)")
    ap.add_argument("--orders", type=int, default=1, metavar="K",
                    help="K > 1: group all the dev events, each half and the proxy K times, each day's articles "
                         "arriving in another order, and print each run's F1 mean, spread and range")
    ap.add_argument("--no-halves", action="store_true", help="skip grouping each half of the dev events alone")
    ap.add_argument("--jackknife", action="store_true",
                    help="summary: also summarise each event without each of its articles in turn (per-half means)")
    ap.add_argument("--errors", action="store_true",
                    help="after each run of all the events and of the proxy, the events split and the stories mixed")
    ap.add_argument("--merges", action="store_true",
                    help="after each run of all the events and of the proxy, every merge of two stories it made: the "
                         "events on each side, the link and the test it passed")
    ap.add_argument("--save", default="", metavar="PATH",
                    help="summary: write each event's R-1 / R-2 recall (plain and jackknife) to PATH (JSON)")
    ap.add_argument("--against", default="", metavar="PATH",
                    help="summary: also print the mean per-event change of R-1 from a file --save wrote (another "
                         "version of the code), with its standard error")
    ap.add_argument("--mixed", default="", metavar="SHARES",
                    help="also group with these shares stored at once first and the rest one at a time, e.g. 0.5,0.8 "
                         "(a library imported in bulk, then fed): all events, the halves and the salted runs")
    args = ap.parse_args()
    end_on_signals()
    for path in sweep_stale():
        print(f"removed {path}: a run's scratch folder left behind (its process is gone)", file=sys.stderr)
    shares = [0.0, QUIET, 1.0] + [float(x) for x in args.mixed.split(",") if x.strip()]
    eval_dir = Path(args.eval_dir)
    print(f"targets: {TARGETS}; peers: {PEERS}", file=sys.stderr)
    with scratch() as d:
        if args.orders > 1:
            spread(eval_dir, Path(d), args, shares)
            return
        if args.only in (None, "group"):
            for once in shares:
                g = grouping(eval_dir, Path(d), args.scorer_python, at_once=once, log_merges=args.merges)
                print(f"grouping: {g['seconds']:.2f} s for the dev set, {_name(once)}", file=sys.stderr)
                for line in (g["errors"] if args.errors else []) + g["merges"]:
                    print(f"  {line}", file=sys.stderr)
                if args.errors:
                    with without_merges(), scratch() as bare:
                        g = grouping(eval_dir, Path(bare), args.scorer_python, at_once=once, quiet=True)
                    print(f"  without merges of stories, {_name(once)}:", file=sys.stderr)
                    for line in (x for x in g["errors"] if not x.startswith("split ")):
                        print(f"    {line}", file=sys.stderr)
            for name, part in (halves(load(eval_dir)) if not args.no_halves else {}).items():
                for once in shares:
                    m = grouped(part, Path(d), name, once)
                    print(f"dev half {name} alone ({m['events']} events, {len(part)} articles), "
                          f"{_name(once)}: B-cubed P={m['p']:.4f} R={m['r']:.4f} "
                          f"F1={m['f1']:.4f} ({m['stories']} stories)", file=sys.stderr)
            runs = [(s, args.salt, o) for s in ("polnear", "corpus") for o in shares] if args.salt > 0 else []
            runs += [("proxy", args.proxy, o) for o in shares] if args.proxy > 0 else []
            for source, n, once in runs:
                m = salted(eval_dir, Path(d), n, source, once, log_merges=args.merges)
                print(f"salted with {m['distractors']} {source} articles, {_name(once)}:"
                      f" B-cubed P={m['p']:.4f} R={m['r']:.4f} "
                      f"F1={m['f1']:.4f} (dev articles in {m['dev_stories']} stories, {m['stray']} distractors "
                      f"among them; {m['dev_with_stray']} dev articles share a story with one)", file=sys.stderr)
                for line in (m["errors"] if args.errors else []) + m["merges"]:
                    print(f"  {line}", file=sys.stderr)
                if args.errors:
                    with without_merges(), scratch() as bare:
                        m = salted(eval_dir, Path(bare), n, source, once)
                    print(f"  without merges of stories, {_name(once)}:", file=sys.stderr)
                    for line in (x for x in m["errors"] if not x.startswith("split ")):
                        print(f"    {line}", file=sys.stderr)
        if args.only in (None, "summary"):
            s = summaries(eval_dir, Path(d), args.scorer_python, args.words, args.jackknife, args.save, args.against)
            print(f"summary: median {s['median_ms']:.1f} ms per story (first time, analyses computed)", file=sys.stderr)


if __name__ == "__main__":
    main()
