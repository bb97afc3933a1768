"""Is the clause after a closing mark an attribution tag of that quote, or a new sentence?"""

from __future__ import annotations

from .. import rules
from .cues import SPEECH_VERBS, TRANSITIVE
from .words import Mention
from ..lexicon import quote_words

_TERMINAL = ".!?…"


def tag_fits(text: str, e: int, after_toks, m: Mention) -> bool:
    """A quote that ends its own sentence ('...plan.” Smith said the...') only takes a plain tag after it.

    '...plan.” Smith said.' and '... Smith said in a statement' are tags; '... Smith said the vote ...'
    starts a new sentence about something else.
    """
    if text[e - 1] not in _TERMINAL:
        return True
    lead = [t for t in after_toks if t.end <= m.start]
    if lead and (lead[0].low in _INTRO or any(t.text == "," for t in lead)) and rules.enabled("tag-opens-with-its-speaker") \
            and not (len(lead) == 1 and lead[0].low in SPEECH_VERBS and rules.enabled("asked-then-its-speaker")):
        # ('...?” asked Ida Holm.': the verb before its speaker, no opening phrase "Asked about the pier, ...")
        return False  # '...apart.” Given his past remarks, ...': a new sentence, not '” Former aide Jo Lind said.'
    rest = [t for t in after_toks if t.start >= m.end]
    depth = 0
    plain = []
    for t in rest:  # drop "(R-Ohio)" and the like
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            plain.append(t)
    for k, t in enumerate(plain[:3]):
        if t.low in SPEECH_VERBS:
            nxt = plain[k + 1] if k + 1 < len(plain) else None
            if nxt is None or nxt.text in (".", ",", ";", ":", "!", "?"):
                return True
            if t.low in TRANSITIVE:  # "told reporters." / "told CNN on Sunday"
                return k + 2 < len(plain) and plain[k + 2].text in (".", ",") or nxt.low in _TAG_TAIL
            return nxt.low in _TAG_TAIL
    # '” said Smith.': the verb came first, so the tag must end at the name
    return not plain or plain[0].text in (".", ",", ";")


# words that may follow a speech verb inside a short attribution tag
_TAG_TAIL = quote_words().tag_tail
# words that open an introductory phrase ("Later, ...", "Given his ..."): a clause that starts with one is no tag
_INTRO = quote_words().intro_words
