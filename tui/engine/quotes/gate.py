"""The learned quote gate: is a stretch between quotation marks a reported quotation, or something else in marks?

Marks also hold headlines in a list of links ("Museum to close," by ...), the titles of shows and books, slogans
on posters, the text of embedded tweets, and phrases a writer only holds at arm's length ("the best in the
world"). The rules (extract._is_quote) already drop one- and two-word labels and short title-cased phrases; this
gate weighs the cues of each longer quote together: how the rules found its speaker (or that they found none),
its length, where its opening mark sits (a paragraph's start, a sentence's, or inside a sentence), the word just
before the opening mark and just after the closing one, how it ends, capitalised words, first- and second-person
words, markup, a capitalised heading before it, an unclosed mark. A logistic model whose weights are
learned by bench/train_quote_gate.py from PolNeAR's train set ("does the gold mark a quote here") and shipped in
assets/models/quote_gate.json; a quote it scores below 0 (more likely not a quotation) is dropped from the quotes
(the article text is untouched). Words around the marks are features as they are when lower case, and as "Cap"
when capitalised (a name, never which name).

Switched off with the rule name "quote-gate" (tui.engine.rules).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import repeat

from .. import rules
from ..types import Quote

WEIGHTS_FILE = "quote_gate.json"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_FIRST = frozenset("i we me us my our i'm we're i've we've i'd we'd i'll we'll".split())
_SECOND = frozenset("you your you're you've you'll".split())
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+[\"“']?[A-Z]")

rules.guard(
    "quote-gate", "quotes.speaker",
    "a learned gate drops a stretch in quotation marks that reads as a headline, a title or a phrase held at "
    "arm's length rather than a reported quotation",
    changes=[("MOVING DAY—\"Harbour museum to leave the old customs house,\" by Port Weekly's Ana Ruiz: "
              "http://example.org/x.\n\nThe council will vote in May.", [])],
    keeps=["“We will rebuild the bridge before winter,” Maria Lopez said."])


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The shipped weights (loaded on first use), or {} when the file is missing or unreadable."""
    from tui.assets import model_weights
    return model_weights(WEIGHTS_FILE)


def active() -> bool:
    """Is the gate on (and its weights shipped)?"""
    return rules.enabled("quote-gate") and bool(weights())


def _len_bucket(n: int) -> str:
    return "3" if n <= 3 else "5" if n <= 5 else "9" if n <= 9 else "19" if n <= 19 else "39" if n <= 39 else "40+"


def _shape(word: str) -> str:
    """A word as a feature: lower-case words as they are, a capitalised one as "Cap" (a name, not which name)."""
    return "Cap" if word[:1].isupper() else word


def features(text: str, q: Quote, how: str, bounds) -> set[str]:
    """The gate's binary features of one quote (`how`: how the rules found its speaker, extract._Scan.how;
    `bounds(pos)`: the (start, end) of pos's paragraph)."""
    s, e = q.start, q.end
    p_start, p_end = bounds(s)
    words = q.text.split()
    f = {"bias", f"how:{how}", f"len:{_len_bucket(len(words))}"}
    if q.speaker is None:
        f.add("spk:none")
    elif q.speaker[:1].islower() or q.speaker.lower().startswith(("the ", "a ", "an ")):
        f.add("spk:description")
    else:
        f.add("spk:name")
    # what stands before the opening mark (o)
    o = s - 1
    while o > p_start and text[o] in " \t\u00a0":
        o -= 1
    before = text[max(p_start, o - 80) : max(p_start, o)].rstrip()
    if not before:
        f.add("at:para")
    elif before[-1] in ".!?:;":
        f.add(f"at:after{before[-1] if before[-1] in ':;' else '.'}")
    elif before[-1] in "—–-([":
        f.add("at:dash")
    else:
        f.add("at:inline")
        pw = _WORD.findall(before[-30:])
        if pw and before[-1].isalpha():
            f.add("pw:" + _shape(pw[-1]))
    head = [w for w in _WORD.findall(before[-40:])][-3:]
    if len(head) >= 2 and all(len(w) > 1 and w.isupper() for w in head):
        f.add("head:caps")
    # the closing mark and what follows it
    c = e
    while c < p_end and text[c] in " \t\u00a0":
        c += 1
    close_mark = text[c] if c < p_end and text[c] in "\"”“»" else ""
    after = text[c + 1 if close_mark else c : min(p_end, e + 60)].lstrip()
    if not after:
        f.add("next:para-end")
    else:
        nw = _WORD.match(after)
        if nw:
            f.add("nw:" + _shape(nw.group()))
        elif after[0] in ",.;:(—–-[":
            f.add("next:" + ("dash" if after[0] in "—–-" else after[0]))
            nw2 = _WORD.match(after[1:].lstrip())
            if after[0] == "," and nw2:
                f.add("nw:," + _shape(nw2.group()))
    if not close_mark:
        f.add("marks:unclosed")
    # the words inside
    last = q.text.rstrip()[-1:]
    f.add("end:" + (last if last in ".,?!" else "none"))
    if q.text[:1].islower():
        f.add("first:lower")
    caps = sum(1 for w in words if w[:1].isupper())
    if caps >= 0.6 * len(words):
        f.add("caps:most")
    elif caps >= 0.3 * len(words):
        f.add("caps:many")
    low = {w.lower() for w in _WORD.findall(q.text)}
    if low & _FIRST:
        f.add("person:1")
    if low & _SECOND:
        f.add("person:2")
    if _SENT_END.search(q.text):
        f.add("sentences:2+")
    if "<" in q.text or ">" in q.text or "http" in q.text or "tweet" in text[max(0, s - 80) : s].lower():
        f.add("markup")
    return f


def score(feats: set[str], w: dict[str, float]) -> float:
    """The log-odds that the quote is a reported quotation (math.fsum: no dependence on set order)."""
    return math.fsum(map(w.get, feats, repeat(0.0)))


def keep(text: str, quotes: list[Quote], hows: list[str], bounds, w: dict[str, float] | None = None) -> list[bool]:
    """For each quote, is it kept (its score under w, the shipped weights by default, is 0 or more)?"""
    w = weights() if w is None else w
    return [score(features(text, q, how, bounds), w) >= 0 for q, how in zip(quotes, hows)]
