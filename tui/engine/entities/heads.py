"""What a name's head word makes of it.

A name followed by untagged capitalised words ending in a head word runs on to it ("Colombo Maritime
Rescue Accord"); a treaty or event head makes it MISC; an institution word before "of" and a name
makes one organisation ("Museum of Earth History").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..types import GPE, LOC, NORP, ORG, PERSON
from ..lexicon import entity_words, lexicon
from ..rules import enabled as on

if TYPE_CHECKING:
    from .repair import Span


_CAP_WORD = re.compile(r"[ \t]([A-Z][a-z][\w'’-]*)")
# Head words of treaties, events and the like; with the organisation words they end a name.
_MISC_HEADS = entity_words().misc_heads
_STATE_HEADS = entity_words().state_heads


def extend_to_head(text: str, spans: list[Span]) -> list[Span]:
    """"[Colombo] Maritime Rescue Accord": a name followed by untagged capitalised words ending in a
    head word ("Accord", "Institute") is one name through that head."""
    out = []
    starts = {s for s, _, _ in spans}
    org_words = lexicon().org_words
    spans = _join_headed(text, spans)
    skip = -1  # the second half of an event the name before it ran on to ("Dunmore [Hill Cup]")
    for i, (s, e, lab) in enumerate(spans):
        if i == skip:
            continue
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        nxt_start = nxt[0] if nxt else len(text)
        pos, end, head, words, upto = e, e, None, 0, 0  # upto: words through the head
        for _ in range(4):
            m = _CAP_WORD.match(text, pos)
            if not m or m.start(1) > nxt_start or m.start(1) in starts and m.start(1) != nxt_start:
                break
            w = m.group(1).lower()
            if m.start(1) == nxt_start:  # the next name: an event the tagger cut in two ("[Dunmore] [Hill Cup]")
                if pos == e and lab in (ORG, PERSON) and " " not in text[s:e] and nxt[2] == "MISC" \
                        and text[nxt[0]:nxt[1]].rsplit(None, 1)[-1].lower() in _MISC_HEADS and on("event-head"):
                    end, head = nxt[1], "event"
                break
            if w in lexicon().stop_words or w in lexicon().time_words:
                break
            pos, words = m.end(), words + 1
            if w in org_words or w in _MISC_HEADS or w in _INSTITUTIONS:
                end, head, upto = pos, w, words
        after = text[end:end + 2]
        if head == "event":
            out.append((s, end, "MISC"))
            skip = i + 1
        elif head and not (after[:1] == " " and after[1:2].isupper()) and on("name-runs-to-head"):
            state = lab == NORP and upto == 1 and head in _STATE_HEADS  # "Soviet Union": a people's state
            out.append((s, end, "MISC" if head in _MISC_HEADS else GPE if state else ORG))
        elif lab in (ORG, GPE, LOC, PERSON) and " " in text[s:e] \
                and text[s:e].rsplit(None, 1)[-1].lower() in _MISC_HEADS and on("event-head"):
            out.append((s, e, "MISC"))  # "... Rescue Accord", "... Cup": a treaty or an event, not a body
        else:
            out.append((s, e, lab))
    return out


# Institutions that head a name but are not on the tagger's organisation-word list.
_INSTITUTIONS = entity_words().institutions


_BODY_OF = re.compile(r"\b([A-Z][a-z]+) of (?:the )?$")


def _join_headed(text: str, spans: list[Span]) -> list[Span]:
    """"[Museum] of [Earth History]": an institution word, "of" and a name are one organisation."""
    out: list[Span] = []
    for s, e, lab in spans:
        m = _BODY_OF.search(text, max(0, s - 40), s)
        if m and (m.group(1).lower() in lexicon().org_words or m.group(1).lower() in _INSTITUTIONS) \
                and lab in (ORG, GPE, LOC, PERSON, "MISC") and on("body-of-name"):
            if out and out[-1][0] == m.start(1) and out[-1][1] == m.end(1):
                out.pop()  # the tagger cut the name at "of"
            if not out or out[-1][1] <= m.start(1):
                out.append((m.start(1), e, ORG))
                continue
            if out[-1][1] == m.end(1) and m.group(1).lower() in _INSTITUTIONS:
                # "[Diocesan Archive] of [Kranj]": the tagger cut it at "of" (a company "of" its town stays two
                # names: "Bestop Inc of Boulder"; session 15)
                out[-1] = (out[-1][0], e, ORG)
                continue
        out.append((s, e, lab))
    return out


