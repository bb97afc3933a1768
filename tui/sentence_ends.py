"""Where a sentence ends after an abbreviation's full stop: "... in the U.S. The deal ...", "... Harrow Co. He said".

A plain module (no NLP, no third-party import) shared by the engine's sentence splitter (tui/engine/sentences.py)
and the importers' first-sentence titles (tui/importers/titles.py), so that both cut a text in the same places. The
abbreviations themselves (the full stops that end no sentence) are the word list assets/models/abbreviations.txt.
"""

from __future__ import annotations

import re

# Abbreviations that can end a sentence ("... in the U.S. The deal ..."): after these a
# typical sentence opener starts a new sentence. Titles (Dr., Sen.) never do.
FINAL_ABBREVIATIONS = r"U\.S|U\.K|U\.N|E\.U|D\.C|Inc|Corp|Ltd|Co|Plc|Bros|etc|a\.m|p\.m"
OPENERS = (
    r"The|A|An|He|She|It|They|We|I|You|But|And|Yet|So|In|On|At|This|That|These|Those|There|"
    r"His|Her|Their|Its|Our|My|However|After|When|While|As|If|Some|Many|Most|Officials|Police|"
    r"Then|Now|Later|Earlier|Meanwhile|Tonight|Today|Yesterday|Still|Instead|Nobody|No|Nothing|Everyone|"
    r"What|Why|How|Who|Where|Residents|Witnesses|Analysts"
)
# An opening quote mark right after such an abbreviation starts a new sentence whatever its first
# word is: '... after 4 a.m. "But a city ...' (a quote never continues "a.m." mid-sentence with a capital).
ABBREV_END_CASED = re.compile(
    rf"\b(?:{FINAL_ABBREVIATIONS})\.\s+(?=(?:{OPENERS})\b|[\"“‘]['\"“‘]?[A-Z0-9])"
)
# Abbreviations of a country or a state (Punkt's form: lower case, no final full stop). The engine's splitter ends a
# sentence after "U.S." before an opener, but a re-cased headline line ("U.S. And Kessland Sign Ferry Pact") reads the
# same way: a title made of a first sentence is never cut after one of these (tui/importers/titles.py).
PLACE_ABBREVIATIONS = frozenset({"u.s", "u.s.a", "u.k", "u.a.e", "d.c", "n.y", "l.a"})
# The same for the bodies of nations written with initials ("Brenmoor Takes Its Case To The U.N. And Asks For A
# Ruling", "Kessland Fishing Rules Go Before The E.U. In A Test Case"): titles only, as above; the engine's splitter
# still ends a sentence after them before an opener.
BODY_ABBREVIATIONS = frozenset({"u.n", "e.u"})
# A title made of a first sentence is never cut after one of these (tui/importers/titles.py `abbreviated`).
TITLE_ONLY_ABBREVIATIONS = PLACE_ABBREVIATIONS | BODY_ABBREVIATIONS
# The same in a text with (almost) no capitals (a lower-cased corpus, a lower-case post).
ABBREV_END_LOWER = re.compile(r"\b(?:u\.s|u\.k|u\.n|e\.u|d\.c|inc|corp|ltd|etc|a\.m|p\.m)\.\s+(?=(?:the|he|she|they|we|but|this|it's)\b)")


_ASCII_CAPITAL = re.compile("[A-Z]")


def is_lower_cased(text: str) -> bool:
    """True for text with (almost) no capitals, like the lower-cased CNN/DailyMail corpus."""
    sample = text[:5000]
    # A-Z are upper case, and there are no more letters than characters: more of them than 0.2 % of the sample is
    # more capitals than 0.2 % of its letters (the answer below is False), found after a few capitals in most
    # texts instead of two method calls per character of 5,000 (~9 % of a story summary's instructions)
    most = len(sample) * 0.002
    found = 0
    for _ in _ASCII_CAPITAL.finditer(sample):
        found += 1
        if found > most:
            return False
    letters = sum(map(str.isalpha, sample))
    upper = sum(map(str.isupper, sample))
    return letters > 0 and upper <= letters * 0.002


def abbreviation_ends_sentence(text: str, word: int, lower_only: bool = False) -> bool:
    """Whether the abbreviation that starts at `word` ("U.S" in "... the U.S. The deal") and its full stop end a
    sentence: one of FINAL_ABBREVIATIONS followed by a sentence opener or an opening quote."""
    return (ABBREV_END_LOWER if lower_only else ABBREV_END_CASED).match(text, word) is not None
