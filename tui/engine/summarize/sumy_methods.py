"""The sumy summarisers as registry methods, fed our own sentences and tokenizer.

sumy's default Tokenizer needs NLTK's punkt_tab download; we never use it. Instead we
build sumy's document model from our body sentences (so spans stay ours) and give it
a tokenizer object that splits words with our data-free regular expression.

Some sumy methods are quadratic or worse in the number of sentences (LexRank took 31 s
on a 50,000-word article, KL-Sum 200 s on 10,000 words). Each method therefore ranks at
most ``CAPS[name]`` sentences, taken from the start of the article where news puts its
substance, and the Summary says so in ``limited``.
"""

from __future__ import annotations

import math
import warnings
from functools import partial

from tui.engine.summarize.base import Ranking, Request, pick_top
from tui.engine.tokens import WORD_RE, is_word, stem, stop_words


class MethodUnavailable(RuntimeError):
    """A method needs an optional dependency that is not installed."""


# Largest number of sentences each method ranks; measured so that each stays around a
# second on a 2-core machine (bench/speed_summary.py prints the timings).
CAPS = {
    "lexrank": 300,
    "textrank": 300,
    "lsa": 400,
    "luhn": 1500,
    "kl": 100,
    "sumbasic": 400,
    "edmundson": 1500,
    "reduction": 250,
}
NEEDS_NUMPY = {"lexrank", "textrank", "lsa"}

# Edmundson's cue method: words that mark a sentence as carrying news (bonus) or as
# hedging, chatter or site furniture (stigma). Our own choice for English news.
BONUS_WORDS = """
announced confirmed revealed found showed reported said according official officials first new major key
main largest biggest record decision agreed approved ordered charged arrested killed died won lost launched
plans plan will must report study results government president minister company police court
""".split()
STIGMA_WORDS = """
hardly perhaps maybe possibly apparently seemingly somewhat anyway meanwhile incidentally
click subscribe newsletter advertisement copyright cookies sign follow twitter facebook instagram comment
comments reply letters opinions disclaimer photo image caption video watch listen
""".split()


class SumyTokenizer:
    """Stands in for ``sumy.nlp.tokenizers.Tokenizer`` without any NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        from tui.engine.sentences import split_sentences

        return tuple(s.text for s in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in WORD_RE.findall(sentence) if is_word(w))


_TOKENIZER = SumyTokenizer()

# sumy warns on inputs it cannot rank (LexRank divides by a zero norm when no sentence has a content word, LSA
# when there are fewer words than sentences). The warning was printed under `newsreader summary`'s output; the
# ratings it leaves (NaN) are dropped below (pick_top never chose them), so it says nothing the Summary does not.
warnings.filterwarnings("ignore", module=r"sumy\.")


def _document(req: Request, limit: int):
    """sumy's document model of the first ``limit`` sentences (plus the title as a heading)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    paragraphs, current, para = [], [], None
    if req.title:
        current.append(SumySentence(req.title, _TOKENIZER, is_heading=True))
    for s in req.sents[:limit]:
        if para is not None and s.paragraph != para and current:
            paragraphs.append(Paragraph(current))
            current = []
        para = s.paragraph
        current.append(SumySentence(s.text, _TOKENIZER))
    if current:
        paragraphs.append(Paragraph(current))
    return ObjectDocumentModel(paragraphs)


def _build(name: str):
    stops = stop_words()
    if name == "lexrank":
        from sumy.summarizers.lex_rank import LexRankSummarizer as cls
    elif name == "textrank":
        from sumy.summarizers.text_rank import TextRankSummarizer as cls
    elif name == "lsa":
        from sumy.summarizers.lsa import LsaSummarizer as cls
    elif name == "luhn":
        from sumy.summarizers.luhn import LuhnSummarizer as cls
    elif name == "kl":
        from sumy.summarizers.kl import KLSummarizer as cls
    elif name == "sumbasic":
        from sumy.summarizers.sum_basic import SumBasicSummarizer as cls
    elif name == "reduction":
        from sumy.summarizers.reduction import ReductionSummarizer as cls
    elif name == "edmundson":
        from sumy.summarizers.edmundson import EdmundsonSummarizer

        summ = EdmundsonSummarizer(stem)
        summ.bonus_words = BONUS_WORDS
        summ.stigma_words = STIGMA_WORDS
        summ.null_words = stops
        return summ
    else:
        raise KeyError(name)
    summ = cls(stem)
    summ.stop_words = stops
    return summ


def _numpy_missing() -> bool:
    try:
        import numpy  # noqa: F401
    except ImportError:
        return True
    return False


def run_sumy(name: str, req: Request, allowed: list[bool]) -> Ranking:
    """Rank the article's sentences with sumy's ``name`` method and take the best allowed ones."""
    if name in NEEDS_NUMPY and _numpy_missing():
        raise MethodUnavailable(f"the {name} method needs numpy (pip install numpy)")
    n = len(req.sents)
    cap = CAPS[name]
    limit = min(n, cap)
    limited = f"ranked the first {cap} of {n} sentences" if n > cap else ""
    scores = [-math.inf] * n
    if limit == 0:
        return Ranking(scores, [], limited)
    seen: list = []

    def keep_all(infos):
        # sumy hands us every sentence sorted by its rating; we keep the ratings.
        seen.extend(infos)
        return infos

    summariser = _build(name)
    summariser(_document(req, limit), keep_all)
    for info in seen:
        rating = float(info.rating)
        if info.order < limit and not math.isnan(rating):  # NaN: sumy could not rate it (see the filter above)
            scores[info.order] = rating
    return Ranking(scores, pick_top(scores, allowed, req.count), limited)


SUMY_METHODS = {
    name: partial(run_sumy, name)
    for name in ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "edmundson", "reduction")
}
