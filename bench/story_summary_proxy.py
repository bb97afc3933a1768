"""A measure of the story summary on data that is not dev: pseudo stories of the unlabelled corpus, one article
held out at a time and its first 100 words taken as the reference.

    python -m bench.story_summary_proxy [--corpus PATH] [--eval ../shared/eval/stories] [--scorer-python PY]
                                        [--words 100] [--set NAME=VALUE ...]

The story summary's settings must be fitted on data other than the DUC dev events, and the corpus has no summaries
and no events. So: corpus articles (six sentences or more, a first sentence of 8-60 words ending in . ! or ?)
are linked when 4 or more of their 10 top terms agree (tf-idf over the first sentence and the next 600
characters; terms in 2-100 articles), single link; the linked groups of 3-12 articles (one per distinct first
sentence) are the pseudo stories: Reuters 1987 takeovers, trade figures, debt talks, ... (258 stories, 1,106
articles). For each article of a story, the other articles are summarised (`tui.stories.summary.summarise`,
--words) and the summary scored against the held-out article's first 100 words (pooled ROUGE-1 / ROUGE-2 recall of
the stories eval folder's `score_summaries.score_cluster`: pass --scorer-python of a venv with rouge-score). A
story's score is the mean over its held-out articles; printed for all stories and two halves (odd and even).

`--set POSITION=1.0` (repeatable) sets a constant of tui/stories/summary.py for the run: a setting can be fitted
here and only then measured on dev. Agreement with dev (R-1, here / dev jackknife), session 14: the code as it is
0.4188 / 0.3896; no lead prior (POSITION=0) -0.0037 / -0.0021; POSITION=2 +0.0056 / +0.0042 (but dev's half B
-0.0003). A first version of this proxy also agreed on the prior's shape (1 + 2/(2+i): +0.0028 / +0.0016) and
disagreed on a word-importance model learned from the same corpus (+0.0033 / -0.0044): a model learned from the
corpus is in its home domain here, so judge such a model on dev. Session 15 (here / dev jackknife): a sentence's
score weighed by its words outside quotation marks +0.0012 / +0.0014 (kept); but this proxy rewards what makes a
summary more like one article's lead, and dev (human abstracts of the whole event) does not: 10 lead sentences per
article instead of 20 +0.0051 / -0.0050, coverage of terms by how many articles hold them +0.0043 / -0.0070, a
diversity reward over articles +0.0028 / -0.0031, length power 0.2 +0.0021 / -0.0006. Measure only; prints numbers.
About 60 s of CPU a run.

`--split` (session 18) measures on the same pseudo stories without one article's lead as the reference: a story's
articles are split in two halves (even and odd places), one half summarised and scored against the LEAD_REF (2)
first sentences of each article of the other half, pooled as DUC pools its four references; then the halves swap
(a half of one article is not summarised: the multi-document summary needs two). The reference is then what
several other outlets put first, not one article's wording: closer to a human abstract of the event. Agreement
with dev on the eleven session-17 settings (measured by a scratch harness in session 18, not kept), as the sign of the
change: the dev jackknife 5 of 11 (held-out lead: 2), the plain dev run 7 (4); of the six whose dev change had one
sign in both runs and that the corpus can show, 4 (held-out lead: 1): saturation ALPHA 12, DIVERSITY 3, REPEAT 0.4
and the centrality of the closest sentences all lower, as on dev. It still disagrees on REPEAT 0.6 and on a
trailing attribution cut (this corpus is mostly Reuters business wire, whose attributions name the company), and on
the one setting fitted here (session 18: the reward's centrality from the other articles only and the lead prior 4,
+0.0084 (se 0.0025) here, both halves up; dev -0.0011 plain and jackknife, half B -0.0066 / -0.0041, not kept): its
references are leads too, so a stronger lead prior still gains here. About 15 s of CPU a run. `--save PATH` writes each story's R-1; `--against PATH` prints the mean per-story change from a
saved run with its standard error (two versions scored on the same stories).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.build_story_idf import DEFAULT_CORPUS, articles  # noqa: E402

DEFAULT_EVAL = next((p / "shared" / "eval" / "stories" for p in (ROOT.parent, ROOT.parent.parent)
                     if (p / "shared" / "eval" / "stories").is_dir()), ROOT.parent / "shared" / "eval" / "stories")
TOP, SHARE, MAX_DF = 10, 4, 100  # top terms per article, how many two linked articles share, rarest terms only
SIZES = (3, 12)  # articles in a pseudo story
SPLIT_CHARS = 4000
REF_WORDS = 100
LEAD_REF = 2  # --split: first sentences of each held-out article in the reference


def pseudo_stories(texts) -> list[list[str]]:
    """Groups of the corpus texts `texts` about one subject (see the module's doc), each a list of article texts."""
    from tui.engine.sentences import split_sentences
    from tui.engine.tokens import content_terms

    docs = []
    for text in texts:
        sents = [s.text for s in split_sentences(text[:SPLIT_CHARS])]
        if len(text) > SPLIT_CHARS and sents:
            sents = sents[:-1]
        if len(sents) < 6 or not 8 <= len(sents[0].split()) <= 60 or sents[0].rstrip("\"”’')")[-1:] not in ".!?":
            continue
        at = text.find(sents[0])
        docs.append((sents[0], text[at:].strip(), content_terms(sents[0] + " " + text[at + len(sents[0]):][:600])))
    df = Counter(t for _, _, terms in docs for t in set(terms))
    n = len(docs)
    top = []
    for _, _, terms in docs:
        score = {t: c * math.log(n / df[t]) for t, c in Counter(terms).items() if df[t] >= 2}
        top.append(set(sorted(score, key=lambda t: (-score[t], t))[:TOP]))
    index = defaultdict(list)
    for i, ts in enumerate(top):
        for t in ts:
            if df[t] <= MAX_DF:
                index[t].append(i)
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, ts in enumerate(top):
        for j in {j for t in ts if df[t] <= MAX_DF for j in index[t] if j > i}:
            if len(ts & top[j]) >= SHARE:
                parent[find(i)] = find(j)
    groups = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        if not SIZES[0] <= len(members) <= SIZES[1]:
            continue
        seen, kept = set(), []
        for i in members:  # a wire story repeated word for word is one article
            if docs[i][0] not in seen:
                seen.add(docs[i][0])
                kept.append(docs[i][1])
        if len(kept) >= SIZES[0]:
            out.append(kept)
    return out


def tasks(stories: list[list[str]], words: int):
    """(story number, held-out reference, summary of the others) for every article of every story."""
    from tui.engine.sentences import split_sentences
    from tui.stories.articles import StoryArticle
    from tui.stories.summary import summarise

    for k, story in enumerate(stories):
        for m, held in enumerate(story):
            arts = [StoryArticle(j + 1, "", f"source {j}", "2000-01-01", text, False, None,
                                 split_sentences(text[:SPLIT_CHARS]), None)
                    for j, text in enumerate(story) if j != m]
            summary = summarise(arts, words=words)
            yield k, " ".join(held.split()[:REF_WORDS]), "\n".join(s.text for s in summary)


def split_tasks(stories: list[list[str]], words: int):
    """(story number, references, summary) for each half of each story: the articles at even places summarised and
    the first LEAD_REF sentences of each odd one a reference, then the other way round; a half of fewer than two
    articles is not summarised."""
    from tui.engine.sentences import split_sentences
    from tui.stories.articles import StoryArticle
    from tui.stories.summary import summarise

    for k, story in enumerate(stories):
        sents = [split_sentences(text[:SPLIT_CHARS]) for text in story]
        for side in (0, 1):
            told = [j for j in range(len(story)) if j % 2 == side]
            held = [j for j in range(len(story)) if j % 2 != side]
            if len(told) < 2 or not held:
                continue
            arts = [StoryArticle(j + 1, "", f"source {j}", "2000-01-01", story[j], False, None, sents[j], None)
                    for j in told]
            summary = summarise(arts, words=words)
            refs = [" ".join(s.text for s in sents[j][:LEAD_REF]) for j in held]
            yield k, refs, "\n".join(s.text for s in summary)


# Run by the scorer's Python (it has rouge-score): each item's pooled recall (one reference).
_SCORE = """
import json, sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
from score_summaries import score_cluster
out = []
for line in open(sys.argv[2], encoding="utf-8"):
    r = json.loads(line)
    got = score_cluster(r["summary"], r["refs"], int(sys.argv[3]))
    out.append([r["story"], got["rouge1"]["avg_r"], got["rouge2"]["avg_r"]])
print(json.dumps(out))
"""


def main() -> None:
    """Build the pseudo stories, summarise and score; print R-1 / R-2 recall for all stories and each half."""
    import tui.stories.summary as summary

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--eval", default=str(DEFAULT_EVAL), help="the stories eval folder (its score_summaries.py)")
    ap.add_argument("--scorer-python", default=sys.executable)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--split", action="store_true",
                    help="summarise half of each story, references: the other half's first sentences (see above)")
    ap.add_argument("--save", default="", metavar="PATH", help="write each story's R-1 / R-2 (JSON)")
    ap.add_argument("--against", default="", metavar="PATH",
                    help="also print the mean per-story change of R-1 from a file --save wrote")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a constant of tui/stories/summary.py for this run (a number)")
    args = ap.parse_args()
    for item in args.set:
        name, _, value = item.partition("=")
        if not hasattr(summary, name):
            sys.exit(f"tui/stories/summary.py has no {name}")
        setattr(summary, name, type(getattr(summary, name))(float(value)))
    stories = pseudo_stories(articles(args.corpus))
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "items.jsonl"
        with path.open("w", encoding="utf-8") as f:
            items = (split_tasks(stories, args.words) if args.split else
                     ((k, [ref], text) for k, ref, text in tasks(stories, args.words)))
            for k, refs, text in items:
                f.write(json.dumps({"story": k, "refs": refs, "summary": text}) + "\n")
        out = subprocess.run([args.scorer_python, "-c", _SCORE, args.eval, str(path), str(args.words)],
                             capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr.strip()[-600:])
    per: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for k, r1, r2 in json.loads(out.stdout):
        per[k].append((r1, r2))
    mean = {k: (sum(x[0] for x in v) / len(v), sum(x[1] for x in v) / len(v)) for k, v in per.items()}
    ks = sorted(mean)
    parts = {"all": ks, "A": ks[0::2], "B": ks[1::2]}
    print(f"{len(ks)} pseudo stories, {sum(len(s) for s in stories)} articles; "
          f"settings: {' '.join(args.set) or 'as in the code'}{'; split halves' if args.split else ''}")
    print(f"{'split' if args.split else 'proxy'} R-1 / R-2 recall: " + ", ".join(
        f"{h} {sum(mean[k][0] for k in v) / len(v):.4f} / {sum(mean[k][1] for k in v) / len(v):.4f}"
        for h, v in parts.items()))
    if args.save:
        Path(args.save).write_text(json.dumps({str(k): mean[k] for k in ks}), encoding="utf-8")
    if args.against:
        base = {int(k): v for k, v in json.loads(Path(args.against).read_text(encoding="utf-8")).items()}
        print("change of R-1 per story (se): " + ", ".join(
            f"{h} {_paired([mean[k][0] - base[k][0] for k in v if k in base])}" for h, v in parts.items()))


def _paired(diffs: list[float]) -> str:
    """The mean of paired differences with its standard error."""
    if len(diffs) < 2:
        return "n/a"
    m = sum(diffs) / len(diffs)
    sd = math.sqrt(sum((d - m) ** 2 for d in diffs) / (len(diffs) - 1))
    return f"{m:+.4f} ({sd / math.sqrt(len(diffs)):.4f})"


if __name__ == "__main__":
    main()
