"""Find who a quotation is attributed to, from the words around it.

Works on short windows of tokens (the clause before the opening mark, the clause after the closing
mark), so the cost per quote is bounded whatever the article length. This module picks the side and
the verb; words.py tests single tokens, before_verb.py and after_verb.py read the subject of a verb.
"""

from __future__ import annotations

from .. import rules
from ..lexicon import quote_words
from .after_verb import subject_right
from .names import _common_cased
from .before_verb import region_after, sentence_subject, subject_left
from .cues import CLAUSE_WORDS, PROGRESSIVE, TRANSITIVE
from .words import (QUOTE_CHARS, Mention, Tok, according_to, ends_sentence, find_verbs, is_verb,
    is_word, mention, name_left, name_right, pronoun)


def speaker_after(text: str, toks: list[Tok], max_gap: int = 6) -> Mention | None:
    """Speaker in the clause right after a closing mark: ', she said' / ', said Smith' / '— Smith'.

    The subject must start within `max_gap` words of the mark; an apposition or a
    "(D-Ohio)" between it and the verb is allowed.
    """
    if not toks:
        return None
    if toks[0].text in ("—", "―", "–", "-") and len(toks) > 1:  # a dash attribution
        span = name_right(toks, 1)
        if span:
            return mention(text, toks, span[0], span[1], "name")
    first = 1 if toks[0].text in (",", "—", "–") else 0
    if first < len(toks) and toks[first].low == "as":
        return _as_put_it(text, toks, first + 1)
    depth, words, comma = 0, 0, False
    for i, t in enumerate(toks[:40]):
        if t.text == "(":
            depth += 1
            continue
        if t.text == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        if t.text in QUOTE_CHARS or (i > 1 and ends_sentence(toks, i - 1) and toks[i - 1].text != ")"):
            return None
        if i == 1 and toks[0].text in ".!?" and ends_sentence(toks, 0) and rules.enabled("full-stop-after-mark-ends-tag"):
            return None  # '... had been “patient for long enough”. The council said ...': the next sentence's subject
        if according_to(toks, i):
            return subject_right(text, toks, i + 2) if i - first <= 2 else None
        if is_verb(toks, i):
            if i == first:
                if t.low.endswith("ing") and rules.enabled("ing-verb-after-quote-inverts-nothing"):
                    return None  # '“...,” saying the town ...': no "saying Smith"; the speaker is the clause's subject
                return None if t.low in TRANSITIVE else subject_right(text, toks, i + 1)
            lead = name_right(toks, first)
            if lead and lead[0] == lead[1] and _common_cased(toks[lead[0]].text) \
                    and rules.enabled("one-common-word-leads-no-tag"):
                lead = None  # '” Perhaps, he said, ...': a sentence adverb, not '” Lund, the mayor, said'
            if lead and lead[1] + 1 < i and toks[lead[1] + 1].text in (",", "(") \
                    and region_after(toks, lead[1] + 1) is None:  # '” Bend, Ore., resident Vera Lund said': a place
                # '” Scott Pruitt, the attorney general of Oklahoma, one of the states ..., said'
                return mention(text, toks, lead[0], lead[1], "name")
            m = subject_left(text, toks, i, floor=first)
            if m is None:
                return _bare_description(text, toks, first, i)
            if m.start > toks[min(first + max_gap, len(toks) - 1)].start:
                return None
            if _new_clause(toks, first, m) and rules.enabled("conjoined-clause-is-no-tag"):
                return None  # '... “a temporary measure” before the vote, and Maren Alsop said': her own clause
            return m
        comma = comma or t.text == ","
        words += is_word(t)
        if t.low in _LINKED and rules.enabled("description-with-linked-phrase"):
            words -= 4  # "a person close to the harbour board said": the phrase runs longer
        elif t.low == "of" and i > first and i + 1 < len(toks) and toks[i + 1].low == "the" \
                and _name_ends_at(toks, first, i - 1) and rules.enabled("member-of-body"):
            words -= 4  # "Oswin Tarrant of the Harbour Pilots' Guild said": the body's name runs longer
        elif t.low == "of" and i > first + 1 and i + 1 < len(toks) and toks[i + 1].low == "the" \
                and toks[first].low == "the" and _name_ends_at(toks, first + 1, i - 1) and rules.enabled("body-of-a-body"):
            words -= 4  # "the Harbour Council of the Port of Tolverne said": a body of a body runs longer
        elif t.low.endswith("ing") and t.text[:1].islower() and i + 1 < len(toks) and toks[i + 1].low in _PARTICIPLE_TO \
                and rules.enabled("participle-phrase-object-no-subject"):
            words -= 4  # "an official speaking to the local radio said": the participle's phrase runs longer
        if words > max_gap and not comma:
            return None  # a long run of words without apposition: not an attribution tag
    return None


def _name_ends_at(toks: list[Tok], first: int, k: int) -> bool:
    """Do the tokens from `first` to k make one capitalised name run of two to four words (a person's full name)?"""
    span = name_right(toks, first)
    return span is not None and span[1] == k and 2 <= k - first + 1 <= 4


# words that open a clause of its own before its subject: the speaker of that clause's verb did not say the quote
_CLAUSE_OPENERS = frozenset("and but while whereas although though".split())


def _new_clause(toks: list[Tok], first: int, m: Mention) -> bool:
    """Whether the subject `m` found after a quote opens a clause of its own, after a conjunction and a word or more
    of the writer's in lower case ('called the closure “a temporary measure” before the vote, and councillor Maren
    Alsop said, ...', 'described the plan as “a sensible first step”, while Delia Frome said ...'): a tag right after
    the quote (', Maren Alsop said') has no such word before its subject (rule "conjoined-clause-is-no-tag")."""
    k = next((k for k in range(first, len(toks)) if toks[k].start >= m.start), None)
    if k is None:
        return False
    j = k - 1  # back over a role before a name ("and councillor Maren Alsop", "while union organiser Delia Frome")
    while j >= first and k - j <= 3 and toks[j].text[:1].islower() and is_word(toks[j]) \
            and toks[j].low not in _CLAUSE_OPENERS:
        j -= 1
    if j < first or toks[j].low not in _CLAUSE_OPENERS:
        return False
    # (a lower-case word of the writer's: 'Ida Brandt and Osric Penhale wrote' is one subject of two names)
    return any(is_word(t) and t.text[:1].islower() for t in toks[first:j])


def speaker_at_sentence_end(text: str, toks: list[Tok]) -> Mention | None:
    """The tag that closes the sentence a quote sits inside, after more of that sentence and a comma: 'Holt “won
    the north easily” in the spring, said harbour historian Ida Brandt.' / '..., harbour historian Ida Brandt
    said.' The subject and its verb must fill the clause after the last comma up to the sentence's end; None
    when another quote or the sentence's end comes first, or the words after the marks do not go on with the
    sentence (rule "tag-at-sentence-end")."""
    if not toks or not (toks[0].text[:1].islower() or toks[0].text == ","):
        return None  # '...the UK," Digital prints cost less ...': a new sentence after the marks
    comma = None
    for i, t in enumerate(toks[:40]):
        if t.text in QUOTE_CHARS or ends_sentence(toks, i):
            return None
        if t.text == ",":
            comma = i
            continue
        if comma is None or not is_verb(toks, i) or t.low in TRANSITIVE or t.low.endswith("ing"):
            continue
        if i == comma + 1:  # ", said Ida Brandt."
            m = subject_right(text, toks, i + 1)
            end = next((k for k in range(i + 1, len(toks)) if toks[k].start >= m.end), len(toks)) if m else None
        else:  # ", harbour historian Ida Brandt said."
            m = subject_left(text, toks, i, floor=comma + 1)
            end = i + 1
            if m is not None and any(toks[k].start < m.start for k in range(comma + 1, i) if is_word(toks[k])):
                return None  # words before the subject: a clause of its own, not a tag
        if m is not None and end is not None and end < len(toks) and toks[end].text == "," and i == comma + 1:
            end = _apposition_end(toks, end)  # ", said Ida Brandt, a harbour historian."
        if m is None or end is None or end >= len(toks) or not ends_sentence(toks, end):
            return None
        return m if m.kind != "pronoun" else None
    return None


def _apposition_end(toks: list[Tok], c: int) -> int | None:
    """The sentence end closing what follows the speaker from the comma at token c (", a harbour historian.",
    ", who chairs the trust."), within 25 tokens and with no quote or speech verb inside, else None."""
    for k in range(c + 1, min(len(toks), c + 26)):
        if toks[k].text in QUOTE_CHARS or is_verb(toks, k):
            return None
        if ends_sentence(toks, k):
            return k
    return None


_LINKED = quote_words().linked_adjectives  # "close to", "familiar with"
_INTRO = quote_words().intro_words  # "without", "after": words that open a phrase, not a description
_PARTICIPLE_TO = frozenset({"to", "with", "on", "in", "at", "for", "from", "by", "about"})


def _bare_description(text: str, toks: list[Tok], first: int, v: int) -> Mention | None:
    """'“...,” federal prosecutors wrote': one to four lower-case words between the quote's comma and the verb are
    its speaker, a description without a determiner."""
    if not rules.enabled("bare-description-in-tag") or not 1 <= v - first <= 4 or toks[v].low.endswith("ing"):
        return None  # "..., without reporters asking": a participle has no subject of its own here
    words = toks[first:v]
    if any(not is_word(t) or t.text[:1].isupper() or t.low in CLAUSE_WORDS or t.low in _INTRO or pronoun(t)
           or t.low.endswith(("ing", "ly")) for t in words):
        return None  # "..., giving states more power": a verb, not a description
    return mention(text, toks, first, v - 1, "nominal")


def _as_put_it(text: str, toks: list[Tok], first: int) -> Mention | None:
    """The speaker of '“...,” as a Homeland Security memo put it' / '“...,” as Smith said.'

    The verb must close the clause (or take "it"): '“...,” as Smith said the plan would' is a new sentence.
    """
    for v in range(first + 1, min(len(toks), first + 10)):
        if toks[v].text in QUOTE_CHARS or ends_sentence(toks, v):
            return None
        if is_verb(toks, v):
            nxt = toks[v + 1] if v + 1 < len(toks) else None
            if nxt is None or nxt.text in ".,;:!?" or (nxt.low == "it" and (v + 2 >= len(toks) or not is_word(toks[v + 2]))):
                return subject_left(text, toks, v, floor=first)
            return None
    return None


def speaker_before(text: str, toks: list[Tok]) -> Mention | None:
    """Speaker in the clause before an opening mark: 'Smith said: ', 'according to Smith, ', 'he told CNN that '.

    The verb nearest the quote wins, except that a named (or pronoun) subject of an earlier
    verb beats a mere description ('Holt says Brandt's stream of posts was “...”').
    """
    verbs = find_verbs(toks)
    fallback = None
    for v in reversed(verbs):
        if according_to(toks, v):
            m = subject_right(text, toks, v + 2)
        elif toks[v].low.endswith("ing") and rules.enabled("ing-verb-speaker") and (v == 0 or toks[v - 1].low not in PROGRESSIVE and not pronoun(toks[v - 1])):
            # "footage of Holt asking, “...”" names the speaker right before the verb;
            # "Holt told the crowd ..., saying that" leaves it to the sentence's subject
            near = name_left(toks, v - 1) if v > 0 else None
            if near and near[0] > 0 and toks[near[0] - 1].low in _PLACE_BEFORE_ING and rules.enabled(
                    "ing-verb-after-place-or-platform"):
                near = None  # "answered the question on Facebook writing, “...”": the subject wrote it, not Facebook
            m = mention(text, toks, near[0], near[1], "name") if near else sentence_subject(text, toks)
        else:
            m = subject_left(text, toks, v)
            if m is None and v + 1 < len(toks) and toks[v].low not in TRANSITIVE and (v == 0 or toks[v - 1].text == ","):
                m = subject_right(text, toks, v + 1)  # 'Said Smith: ', ', added Smith, '
                if m is not None and rules.enabled("reported-clause-subject") and _verb_follows(toks, m.end):
                    m = None  # ', said the tape was “...”': the subject of what was said, not the speaker
        if m and (m.kind != "nominal" and m.text.lower() != "it" or not rules.enabled("name-beats-description")):
            return m
        # a description, or "it" ('She says it shows that ...'): an earlier named speaker wins
        fallback = fallback or m
    if fallback:
        return fallback
    if verbs:
        return sentence_subject(text, toks)
    return None


_PLACE_BEFORE_ING = frozenset("on in at via into".split())  # not "of" or "from": "footage of Holt asking", "a statement from Holt explaining"
_FINITE = frozenset("is was are were has have had would will could should can may might must does did".split())


def _verb_follows(toks: list[Tok], end: int) -> bool:
    """Does a finite verb ("was", "would") come right after the mention ending at offset `end`?"""
    for t in toks:
        if t.start >= end:
            return t.low in _FINITE
    return False
