"""A story summary's line that opens with "He" or "She" names the person instead, when the line above is not the one
its own article said before it (issue 13).

A story summary takes its lines from several articles. "He opened the shop on Sunday morning all the same." under a
line of another outlet's report leaves the reader to guess who opened it: the person its own article named before it
is lost. Such a line is kept (its words are what made it central) and its pronoun becomes that person's name, as the
article's quotes are given their speaker: the coreference of the quote finder (tui/engine/quotes/coref.py, the person
named nearest before it, of the pronoun's sex). The name in full where the summary has not named that person yet,
else the last name (story.introduce then names in full a line above that had the last name alone); "His" and "Her"
become the name's possessive. Left as they are: a line right under the sentence its article said before it (the
antecedent is there), one whose person the coreference finds no name for, and "They", "It" (a group or a thing as
often as a person).

The pronoun may also follow an opening phrase of the time, place or manner of the telling, ended by a comma ("In a
statement on Monday, she said ...", "Speaking at the quay, he added ..."; session 38): a phrase of up to ten words that
opens with one of a few prepositions or adverbs (OPENERS), with no pronoun, name of a person nor quotation mark in it
(in "When the mayor arrived, she said ..." the mayor may be the one, and the article's person before is left alone).
"""

from __future__ import annotations

import re

from tui.engine.types import PERSON
from tui.stories.articles import StoryArticle
from tui.stories.summary import StorySentence

_OPENING = re.compile(r"(He|She|His|Her)\b(?!['’])")
# an opening phrase of the telling's time, place or manner, then a comma and the pronoun: "In a statement on Monday, she"
OPENERS = ("In", "On", "At", "After", "Before", "During", "Later", "Earlier", "Afterwards", "Speaking", "Writing",
           "Asked", "Interviewed", "Yesterday", "Today", "Tonight", "Since", "From", "Outside", "Inside", "Last", "This")
_AFTER_PHRASE = re.compile(r"(?:" + "|".join(OPENERS) + r")\b[^,;:\"“”«»()]{0,80}?,\s+(he|she|his|her)\b(?!['’])")
_PRONOUN_WORD = re.compile(r"\b(?:he|she|his|her|him|hers|they|them|their|it|its)\b", re.IGNORECASE)
_POSSESSIVE = frozenset(("His", "Her", "his", "her"))


def name_pronouns(sentences: list[StorySentence], arts: list[StoryArticle]) -> list[StorySentence]:
    """`sentences` (a summary's lines, in the order shown) with each line that opens with a personal pronoun, and is
    not right under its own article's sentence before it, opening with the name of the person it stands for."""
    by_id = {a.id: a for a in arts}
    people: dict[int, object] = {}  # article id -> its PersonIndex (made once, for the articles that need one)
    out: list[StorySentence] = []
    above: StorySentence | None = None
    for x in sentences:
        a = by_id.get(x.article)
        m = _opening(x.text, a, x.index) if a is not None else None
        if m and not (above is not None and above.article == x.article and above.index == x.index - 1):
            name = _antecedent(a, x.index, m.group(1), people)
            if name:
                shown = " ".join(o.text for o in out)
                last = name.split()[-1]
                use = last if re.search(rf"(?<![\w-]){re.escape(last)}(?![\w-])", shown) else name
                if m.group(1) in _POSSESSIVE:
                    use += ("’" if "’" in a.body else "'") + ("" if use.endswith("s") else "s")
                x = StorySentence(x.text[:m.start(1)] + use + x.text[m.end(1):], x.article, x.source, x.day, x.index,
                                  x.development)
        out.append(x)
        above = x
    return out


def _opening(text: str, a: StoryArticle, index: int):
    """The match of the personal pronoun a summary line opens with (group 1), at its start or after an opening phrase
    (_AFTER_PHRASE) that names no person (its article's entities there) and holds no other pronoun; else None."""
    m = _OPENING.match(text)
    if m:
        return m
    m = _AFTER_PHRASE.match(text)
    if m is None or _PRONOUN_WORD.search(text, 0, m.start(1)):
        return None
    an = a.analysis
    if an is None or not 0 <= index < len(an.sentences):  # (no entities to tell a person's name in the phrase by)
        return None
    s = an.sentences[index]
    shift = s.text.find(text[:m.start(1)])
    if shift < 0:  # (the line is not its sentence's words: no guess)
        return None
    lo, hi = s.start + shift, s.start + shift + m.start(1)
    if any(e.label == PERSON and e.start < hi and e.end > lo for e in an.entities):
        return None
    return m


def _antecedent(a: StoryArticle, index: int, pronoun: str, people: dict[int, object]) -> str | None:
    """The person the pronoun opening sentence `index` of article `a` stands for (the quote finder's coreference),
    or None."""
    from tui.engine.quotes.marks import find_quoted
    from tui.engine.quotes.resolve import Resolver

    if not 0 <= index < len(a.sentences):
        return None
    s = a.sentences[index]
    if not 0 <= s.start < len(a.body) or a.body[s.start:s.end] != s.text:  # (offsets of another text: no guess)
        return None
    found = re.search(rf"\b{pronoun}\b", s.text, re.IGNORECASE)
    if found is None:
        return None
    index_of = people.get(a.id)
    if index_of is None:
        entities = a.analysis.entities if a.analysis is not None else None
        index_of = people[a.id] = Resolver(a.body, entities, find_quoted(a.body)).people
    name = index_of.resolve(s.start + found.start(), pronoun.lower())
    if not name or not name.split()[0][:1].isupper():
        return None
    # the name as the article's entities have it: a job word before it is no part of it ("Baker Marisol Quint"), and
    # a last name alone is the person the article names in full ("Quint": "Marisol Quint"), when one person ends in it
    people_named = {e.canonical or e.text for e in (a.analysis.entities if a.analysis is not None else ())
                    if e.label == PERSON}
    within = [p for p in people_named if name == p or name.endswith(" " + p)]
    if within:
        return max(within, key=len)
    fuller = [p for p in people_named if p.endswith(" " + name)]
    return fuller[0] if len(fuller) == 1 else name
