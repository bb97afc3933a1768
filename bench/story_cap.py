"""What a story summary loses when a very large story is summarised from a chosen part of its articles
(tui/stories/articles.py: CAP, `chosen`), and what it saves.

    python -m bench.story_cap [--library PATH --stories 107,1] [--corpus PATH] [--cap 60] [--words 100]

A story of more than CAP articles is summarised from CAP of them. Which CAP is measured here against the summary of
all of them, on two kinds of big story: a grouped bench library's stories (`bench.generate`'s text, real days and
outlets; --library, e.g. the 100,000-article library grouped, and --stories, its story ids) and the corpus's big
pseudo stories (`bench.story_summary_proxy.pseudo_stories` with no upper size: Reuters 1987 wire of one subject,
84-135 articles; no days or outlets, so each gets 12 outlets in turn and 28 days in corpus order). For each story
and each way of choosing (the shipped `chosen`, the latest CAP, CAP evenly spaced in story order) it prints:

- agree: ROUGE-1 recall (stemmed content words, `tui.engine.tokens.content_terms`) of the whole story's summary
  by the chosen part's summary: how much of what the uncapped summary says is still said;
- leads: pooled ROUGE-1 recall of the summary against the first two sentences of every article of the story (the
  reference `story_summary_proxy --split` uses: what the outlets put first), for the whole story's summary too;
- ms: CPU of the summary (candidates, matrix, selection), the chosen part's against the whole story's.

The dev data is not read. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _recent(story, cap):
    originals = [m for m in story if m.dup_of is None]
    return story if len(originals) <= cap else originals[-cap:]


def _even(story, cap):
    originals = [m for m in story if m.dup_of is None]
    if len(originals) <= cap:
        return story
    step = (len(originals) - 1) / (cap - 1)
    return [originals[round(k * step)] for k in range(cap)]


def ways():
    from tui.stories.articles import chosen

    return {"chosen": chosen, "recent": _recent, "even": _even}


def _terms(text: str) -> Counter:
    from tui.engine.tokens import content_terms

    return Counter(content_terms(text))


def recall(summary: str, refs: list[str]) -> float:
    """Pooled ROUGE-1 recall (clipped counts of content terms), the mean over the references."""
    got = _terms(summary)
    scores = []
    for ref in refs:
        want = _terms(ref)
        if want:
            scores.append(sum(min(c, got[t]) for t, c in want.items()) / sum(want.values()))
    return sum(scores) / len(scores) if scores else 0.0


def measure(name: str, arts, cap: int, words: int) -> None:
    """One story: the whole story's summary, then each way's, with their figures."""
    from tui.stories.articles import Member
    from tui.stories.summary import summarise

    leads = [" ".join(s.text for s in a.sentences[:2]) for a in arts if not a.dup_of]

    def timed(part):
        t0 = time.process_time()
        text = " ".join(s.text for s in summarise(part, words=words))
        return text, 1000 * (time.process_time() - t0)

    full, full_ms = timed(arts)
    print(f"{name}: {len(arts)} articles, {len({a.day for a in arts})} days, {len({a.source for a in arts})} outlets;"
          f" whole story: leads {recall(full, leads):.4f}, {full_ms:.0f} ms")
    story = [Member(a.id, a.title, a.source, a.day, a.read, a.dup_of, a.twin_of) for a in arts]
    for way, pick in ways().items():
        ids = {m.id for m in pick(story, cap)}
        text, ms = timed([a for a in arts if a.id in ids])
        print(f"  {way:7} {len(ids):4} articles: agree {recall(text, [full]):.4f}  leads {recall(text, leads):.4f}"
              f"  {ms:6.0f} ms")


def corpus_stories(path: str, cap: int):
    import bench.story_summary_proxy as proxy
    from bench.build_story_idf import articles
    from tui.engine.sentences import split_sentences
    from tui.stories.articles import StoryArticle

    proxy.SIZES = (cap + 1, 1 << 30)
    for k, story in enumerate(proxy.pseudo_stories(articles(path))):
        n = len(story)
        yield f"corpus story {k}", [
            StoryArticle(j + 1, "", f"outlet {j % 12}", f"2000-02-{1 + j * 28 // n:02d}", text, False, None,
                         split_sentences(text[:proxy.SPLIT_CHARS]), None) for j, text in enumerate(story)]


def main() -> None:
    from bench.build_story_idf import DEFAULT_CORPUS
    from tui.stories.articles import CAP, load_articles

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--library", default="", help="a grouped library (read only: nothing is analysed or written)")
    ap.add_argument("--stories", default="", help="story ids of --library, comma-separated")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="'' skips the corpus's pseudo stories")
    ap.add_argument("--cap", type=int, default=CAP)
    ap.add_argument("--words", type=int, default=100)
    args = ap.parse_args()
    if args.library:
        from tui.store.library import Library

        lib = Library(Path(args.library), readonly=True)
        try:
            for sid in (int(x) for x in args.stories.split(",") if x.strip()):
                measure(f"story {sid}", load_articles(lib, sid, analyse=False), args.cap, args.words)
        finally:
            lib.close()
    if args.corpus:
        for name, arts in corpus_stories(args.corpus, args.cap):
            measure(name, arts, args.cap, args.words)


if __name__ == "__main__":
    main()
