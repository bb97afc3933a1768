"""Folds, halves and rule ablation shared by the cross-validation and quality scripts.

Every script splits documents the same way and prints a rule's ablation with one sign: the rule's worth,
F1 with the rule on minus F1 with it off (positive: the rule helps; negative: it hurts).
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
EPS = 0.005  # an F1 change smaller than this (in points) is no change
TIME_HELD = 0.2  # crossval_ner.py --split time scores the last fifth of NER train's documents, in file order


def default_eval() -> Path:
    """../shared/eval next to the checkout, or one folder further up (a git worktree kept in a sibling folder)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "eval").is_dir():
            return base / "shared" / "eval"
    return ROOT.parent / "shared" / "eval"


def half_of(doc_id: str) -> int:
    """0 or 1: a fixed split of a set's documents that does not depend on their order."""
    return int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 2


def fold_of(doc_id: str, folds: int) -> int:
    """The cross-validation fold of a document: MD5 of "fold:" + its id (independent of the halves)."""
    return int(hashlib.md5(("fold:" + doc_id).encode("utf-8")).hexdigest(), 16) % folds


def worth(base: Sequence[float], off: Sequence[float]) -> list[float]:
    """What a rule is worth on each measured part: F1 with it on (base) minus F1 with it off."""
    return [b - o for b, o in zip(base, off)]


def verdict(gain: Sequence[float]) -> str:
    """HURTS when the rule lowers some part, helps when it raises all of them, else no harm."""
    if any(g < -EPS for g in gain):
        return "HURTS"
    return "helps" if all(g > EPS for g in gain) else "no harm"


def ablation_header(columns: Sequence[str], width: int = 36) -> str:
    """The header line of an ablation table (each column: F1 on minus off)."""
    return f"{'rule worth (F1 on - off)':<{width}}" + "".join(f"{c:>10}" for c in columns) + "  verdict"


def ablation_row(name: str, base: Sequence[float], off: Sequence[float], width: int = 36) -> str:
    """One rule's line: its worth on each part and the verdict."""
    gain = worth(base, off)
    return f"{name:<{width}}" + "".join(f"{g:>+10.2f}" for g in gain) + f"  {verdict(gain)}"


def learn_with_split_comment_words():
    """This process's lexicon counts first_names.txt's old split comment words as given names, as the shipped weights
    learned (tui/engine/lexicon.py LEARNED_FIRST_NAMES): the default of bench/train_ner.py and bench/train_quotes.py,
    so that the shipped files rebuild byte for byte. Returns the lexicon as the app reads it (bench/crossval_ner.py
    puts it back before scoring)."""
    import dataclasses

    from tui.engine import lexicon as lexicon_mod

    full = lexicon_mod.lexicon()
    lexicon_mod._LEXICON = dataclasses.replace(full, first_names=full.first_names | lexicon_mod.LEARNED_FIRST_NAMES)
    return full


@contextmanager
def kept_lexicon():
    """The lexicon as it was when the block began, put back when it ends: a script's main run in-process (the tests
    call crossval_ner.main and train_ner.main) leaves no learn_with_split_comment_words behind for later callers."""
    from tui.engine import lexicon as lexicon_mod

    before = lexicon_mod._LEXICON
    try:
        yield
    finally:
        lexicon_mod._LEXICON = before
