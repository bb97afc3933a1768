"""Learn the word clusters the entity tagger uses as features, from unlabelled text only.

    OPENBLAS_NUM_THREADS=1 python bench/build_clusters.py [--shared ../shared] [--out assets/models/word_clusters.txt.gz]

Reads `<shared>/corpus/news_unlabelled.txt.gz` and the `text` fields of `<shared>/eval/ner/train` and
`<shared>/eval/quotes/train` (never a dev set, never a label), tokenises them with the tagger's tokenizer and:

1. counts, for each frequent word (cased, as the tagger sees it), the words right before and after it
   (one and two positions away, lower-cased, the most frequent context words only);
2. turns the counts into positive pointwise mutual information (context smoothing 0.75) and reduces them to
   64 dimensions with a seeded randomised SVD;
3. groups the unit-length vectors with seeded k-means into 512 fine clusters, then the fine centroids into
   128, 32 and 8 coarser ones: four levels of one tree, the classic "prefixes of a Brown cluster path".

Only the table word -> cluster path is written (no text). The same inputs and this script give the same
file byte for byte (single-threaded BLAS, fixed seeds, mtime 0 in the gzip header).
"""

from __future__ import annotations

import argparse
from array import array
import gzip
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one thread: the sums come out the same every run
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.folds import TIME_HELD, default_eval  # noqa: E402
from tui.engine.entities.clusters import CLUSTERS_FILE, LEVELS  # noqa: E402
from tui.engine.entities.tokens import tokenize  # noqa: E402

SEED = 11
MIN_COUNT = 5
MAX_WORDS = 40_000
NEAR_CONTEXTS = 1500  # context words one position away
FAR_CONTEXTS = 400  # two positions away
DIMS = 64


def read_lines(shared: Path, hold_out_time: bool = False):
    """Every non-empty line of the unlabelled corpus and of the training texts, in a fixed order; with
    `hold_out_time`, without the NER train documents `bench/crossval_ner.py --split time` scores."""
    with gzip.open(shared / "corpus" / "news_unlabelled.txt.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield line.rstrip("\n")
    for rel in ("eval/ner/train/conll2003_train.jsonl", "eval/quotes/train/polnear_train.jsonl"):
        rows = [row for row in (shared / rel).read_text(encoding="utf-8").split("\n") if row.strip()]
        if hold_out_time and rel.startswith("eval/ner/"):
            rows = rows[:round(len(rows) * (1 - TIME_HELD))]
        for row in rows:
            for line in json.loads(row)["text"].split("\n"):
                if line.strip():
                    yield line


def token_lines(shared: Path, hold_out_time: bool = False) -> list[list[str]]:
    """The corpus as lists of tokens, one list per line."""
    return [[line[s:e] for s, e in tokenize(line)] for line in read_lines(shared, hold_out_time)]


def cooccurrence(lines: list[list[str]]):
    """(words, counts matrix words x contexts) for the frequent words."""
    counts = Counter(t for toks in lines for t in toks)
    words = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= MIN_COUNT
             and any(ch.isalpha() for ch in w)][:MAX_WORDS]
    lower = Counter()
    for w, c in counts.items():
        lower[w.lower()] += c
    ctx_words = [w for w, _ in sorted(lower.items(), key=lambda kv: (-kv[1], kv[0]))]
    near = {w: k for k, w in enumerate(["<s>", "</s>"] + ctx_words[:NEAR_CONTEXTS - 2])}
    far = {w: k for k, w in enumerate(["<s>", "</s>"] + ctx_words[:FAR_CONTEXTS - 2])}
    widx = {w: k for k, w in enumerate(words)}
    n_near, n_far = len(near), len(far)
    offsets = ((-1, near, 0), (1, near, n_near), (-2, far, 2 * n_near), (2, far, 2 * n_near + n_far))
    n_ctx = 2 * n_near + 2 * n_far
    rows, cols = array("i"), array("i")
    for toks in lines:
        low = ["<s>", "<s>"] + [t.lower() for t in toks] + ["</s>", "</s>"]
        for i, t in enumerate(toks):
            r = widx.get(t)
            if r is None:
                continue
            for off, table, base in offsets:
                c = table.get(low[i + 2 + off])
                if c is not None:
                    rows.append(r)
                    cols.append(base + c)
    flat = np.frombuffer(rows, dtype=np.int32).astype(np.int64) * n_ctx + np.frombuffer(cols, dtype=np.int32)
    mat = np.bincount(flat, minlength=len(words) * n_ctx).astype(np.float64).reshape(len(words), n_ctx)
    return words, mat


def ppmi(mat: np.ndarray) -> np.ndarray:
    """Positive PMI with context-distribution smoothing (alpha 0.75)."""
    total = mat.sum()
    pw = mat.sum(axis=1, keepdims=True) / total
    pc = mat.sum(axis=0, keepdims=True) ** 0.75
    pc = pc / pc.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((mat / total) / (pw * pc))
    pmi[~np.isfinite(pmi)] = 0.0
    return np.maximum(pmi, 0.0).astype(np.float32)


def svd_vectors(m: np.ndarray, dims: int, rng: np.random.Generator) -> np.ndarray:
    """Unit-length rows of U * sqrt(S) from a randomised SVD (two power iterations)."""
    omega = rng.standard_normal((m.shape[1], dims + 16)).astype(np.float32)
    y = m @ omega
    for _ in range(2):
        q, _ = np.linalg.qr(y)
        y = m @ (m.T @ q)
    q, _ = np.linalg.qr(y)
    b = q.T @ m
    ub, s, _ = np.linalg.svd(b.astype(np.float64), full_matrices=False)
    u = (q.astype(np.float64) @ ub)[:, :dims]
    vec = u * np.sqrt(s[:dims])
    # fix each column's sign so the result does not depend on the solver's choice
    vec *= np.where(vec[np.abs(vec).argmax(axis=0), np.arange(dims)] < 0, -1.0, 1.0)
    return vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, weights: np.ndarray | None = None,
           iters: int = 25) -> tuple[np.ndarray, np.ndarray]:
    """(assignment, centroids) by spherical k-means with k-means++ seeding."""
    n = x.shape[0]
    w = np.ones(n) if weights is None else weights
    centers = [x[int(rng.choice(n, p=w / w.sum()))]]
    best = 1.0 - x @ centers[0]
    for _ in range(1, k):
        p = np.maximum(best, 0) * w
        c = x[int(rng.choice(n, p=p / p.sum()))]
        centers.append(c)
        best = np.minimum(best, 1.0 - x @ c)
    cent = np.array(centers)
    assign = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        assign = (x @ cent.T).argmax(axis=1)
        for j in range(k):
            members = assign == j
            if members.any():
                c = (x[members] * w[members, None]).sum(axis=0)
                cent[j] = c / max(np.linalg.norm(c), 1e-12)
    return assign, cent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(default_eval().parent), help="the shared folder (corpus/, eval/)")
    ap.add_argument("--out", default=str(ROOT / "assets" / "models" / CLUSTERS_FILE))
    ap.add_argument("--hold-out-time", action="store_true", help="leave out the last fifth of NER train (the "
                    "part `crossval_ner.py --split time` scores), for that proxy's `--clusters`; never shipped")
    args = ap.parse_args()
    t0 = time.time()
    lines = token_lines(Path(args.shared), args.hold_out_time)
    print(f"{len(lines)} lines, {sum(map(len, lines))} tokens ({time.time() - t0:.0f}s)", flush=True)
    words, mat = cooccurrence(lines)
    del lines
    print(f"{len(words)} words x {mat.shape[1]} contexts ({time.time() - t0:.0f}s)", flush=True)
    rng = np.random.default_rng(SEED)
    vec = svd_vectors(ppmi(mat), DIMS, rng)
    freq = mat.sum(axis=1)
    del mat
    print(f"vectors ({time.time() - t0:.0f}s)", flush=True)
    fine, cent = kmeans(vec, LEVELS[0], rng)
    paths = [fine]
    sizes = np.bincount(fine, weights=freq, minlength=LEVELS[0]) + 1.0
    for k in LEVELS[1:]:
        up, cent = kmeans(cent, k, rng, weights=sizes)
        sizes = np.bincount(up, weights=sizes, minlength=k)
        paths.append(up[paths[-1]])
    print(f"clusters ({time.time() - t0:.0f}s)", flush=True)
    out_lines = [f"# word clusters: {len(words)} words, levels {' '.join(map(str, LEVELS))}; rebuilt by "
                 "bench/build_clusters.py from unlabelled news and the training texts"]
    for i, w in enumerate(words):
        out_lines.append(w + "\t" + " ".join(str(int(p[i])) for p in paths))
    raw = ("\n".join(out_lines) + "\n").encode("utf-8")
    Path(args.out).write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"wrote {args.out}: {Path(args.out).stat().st_size / 1024:.0f} KiB ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
