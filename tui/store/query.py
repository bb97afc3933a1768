"""Turn what a user types into a safe FTS5 query (search-as-you-type)."""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
from typing import Callable

from tui.store.fold import apart, fold
from tui.store.schema import TOKENIZE

# A word: letters and digits (an underscore joins them, as in "port_x", but alone it is no word: the index's tokenizer
# reads it as a space, so "_" searched for nothing and said nothing about it).
_WORD = re.compile(r"\w*[^\W_]\w*", re.UNICODE)
# A phrase in quotes (the closing quote may not be typed yet), or the text between phrases.
_PIECE = re.compile(r'"([^"]*)"?|([^"]+)')
_TYPING = re.compile(r"\w\Z")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"'})
# A keycap (1⃣, #️⃣: a digit, # or * with U+20E3 after it) is a symbol, as an emoji is: "1⃣" searched for "1" and found
# every article holding the digit. Read as a space.
_KEYCAP = re.compile("[0-9#*]\ufe0f?\u20e3")
MAX_WORDS = 16
# Words nearly every English article contains: requiring them filters nothing but makes FTS5 walk a
# posting list as long as the library (100,000 entries) on every keystroke.
STOPWORDS = frozenset("a an and are as at be by for from in is it of on or that the this to was were with".split())

# Endings the index's stemmer (Porter's) takes off or rewrites, as words carry them. A word being typed can run
# past the stem its finished form is indexed under ("electi" of "election", indexed as "elect"; "runni" of
# "running", "run"), where its prefix alone finds nothing: `_finished_forms` tries these endings on it.
ENDINGS = tuple("""s es ies ied ed ing ings y ly ion ions ation ations ational ize izes ized izing ization izations
    izer ity ities ive ives ively iveness ism isms al ally ality alize ance ances ancy ence ences ency er ers ic ical
    ically able ably ible ant ants ement ements ment ments ent ents ently ate ates ated ating ator ators ous ously
    ousness ful fully fulness ness e""".split())
MAX_FORMS = 6  # finished forms added for the word being typed (one per stem)


def fts_query(text: str, rank: bool = False, forms: bool = True, known: Callable[[str], bool] | None = None) -> str:
    """Every word must match; the last one as a prefix while the user is still typing it.

    Words are quoted, so FTS5 operators and punctuation in user input are just text; words in double quotes
    ("ferry crash") must stand together in that order (a phrase, open while its closing quote is not typed).
    The index stems words (migration 24), and FTS5 stems the query's words the same way: "ferry" finds
    "ferries". The word being typed is a prefix of a stem, or, when it runs past the stem of the word it
    begins, also that word's finished forms (`_finished_forms`): "electi" finds "election".
    Common words ("of", "the") are left out when other words remain; the word being typed is always kept.
    Letters the index folds (fold.py: ł, ø, ß ...) are folded the same way here, and the words it spells apart
    (fold.APART: "news", which Porter would stem as "new") are spelt apart the same way.
    With `rank`, the word being typed also counts as a whole word (`("opera"* OR "opera")`): the same
    matches, but bm25 scores an exact "opera" above "operators", so use it to order, not to count.
    Without `forms`, the word being typed is its prefix only (what it finds is listed first); with `known` (given an
    FTS5 term, `"word"` or `"word"*`: does the index hold it?), only the finished forms it says the index holds are
    added (a form that finds nothing costs a query its time), and a form whose stem goes another way than the typed
    word only when the typed word finds nothing as a prefix (`_expected_forms`); without it, never such a form.
    Returns "" when there is nothing to search for.
    """
    folded = apart(fold(_KEYCAP.sub(" ", text) if "\u20e3" in text else text).translate(_QUOTES))
    items: list[tuple[list[str], bool]] = []  # (words, a phrase?)
    count = 0
    for m in _PIECE.finditer(folded):
        if m.group(2) is not None:
            for w in _WORD.findall(m.group(2)):
                items.append(([w], False))
        else:
            words = _WORD.findall(m.group(1))
            if words:
                items.append((words, len(words) > 1))
    trimmed = []
    for words, phrase in items:
        if count >= MAX_WORDS:
            break
        words = words[:MAX_WORDS - count]
        count += len(words)
        trimmed.append((words, phrase and len(words) > 1))
    items = trimmed
    if not items:
        return ""
    # The last word is being typed while nothing follows it (a space, a closing quote or a comma ends it).
    typing = bool(_TYPING.search(folded))
    parts = ['"' + " ".join(words) + '"' for words, _ in items]
    last_words = items[-1][0]
    if typing and len(last_words[-1]) >= 2:
        alternatives = [f"{parts[-1]}*"]
        if rank:
            alternatives.append(parts[-1])
        if forms and not items[-1][1]:
            alternatives += [f'"{w}"' for w in _expected_forms(last_words[-1].casefold(), known)]
        parts[-1] = alternatives[0] if len(alternatives) == 1 else f"({' OR '.join(alternatives)})"
    keep = [i for i, (words, phrase) in enumerate(items)
            if phrase or words[0].casefold() not in STOPWORDS or (typing and i == len(items) - 1)]
    if keep:
        parts = [parts[i] for i in keep]
    return " AND ".join(parts)  # FTS5 wants an explicit AND before a (group)


def wordless(text: str) -> bool:
    """Is `text` a search with no word to search for ("(", "--", an emoji alone)? Such a search finds no article, and
    the search box and `list --search` say why: it listed the whole library as its "results". Blank text is no search
    at all (the whole list), not a wordless one."""
    return bool(text.strip()) and not fts_query(text, forms=False)


def _expected_forms(word: str, known: Callable[[str], bool] | None) -> list[str]:
    """The finished forms of `word` a reader typing it may mean (`_finished_forms`), those the index holds (`known`,
    given the form's FTS5 term). A form whose stem the typed word runs past ("electi": "election", indexed "elect")
    is always meant. A form whose stem goes another way ("pari": "paring", indexed "pare") only when the typed word
    finds nothing as a prefix of its own: typing "pari" on the way to "Paris" also listed "pared" and "paring"."""
    found: list[str] = []
    own: bool | None = None
    for form, past in _finished_forms(word):
        if known is not None and not known(f'"{form}"'):
            continue
        if not past:
            if own is None:
                own = known is None or known(f'"{word}"*')
            if own:
                continue
        found.append(form)
    return found


@functools.lru_cache(maxsize=2048)
def _finished_forms(word: str) -> tuple[tuple[str, bool], ...]:
    """Finished words the typed `word` may be the start of whose stems its own prefix does not find.

    FTS5 stems a prefix query's word before matching it as a prefix: "ferrie" -> "ferri", which "ferries" and
    "ferry" are indexed under. But "electi" stays "electi", and "election" is indexed as "elect". So the word is
    cut at each of its last few letters and finished with each ending of ENDINGS that the cut-off letters begin
    ("elect" + "ion"); each stem such a finished word has, and the prefix does not already cover, is searched as
    one of those words. A stem must begin with the word's first three letters. Each form comes with whether the word
    runs past its stem (the stem is a prefix of the word: "elect" of "electi"), or the stem goes another way ("pare"
    of "paring", for "pari").
    Only plain ASCII words of four letters or more: the stemmer's rules are English.
    """
    if len(word) < 4 or not (word.isascii() and word.isalpha()):
        return ()
    tried = [word]
    for cut in range(max(3, len(word) - 8), len(word)):
        head, rest = word[:cut], word[cut:]
        # (spelt as the index spells it: "importa" finished as "important" is indexed "importqant", fold.APART)
        tried += [apart(head + e) for e in ENDINGS if e.startswith(rest) and e != rest]
    stems = _stems(tried)
    own = stems[0]
    forms: dict[str, str] = {}
    for finished, stem in zip(tried[1:], stems[1:]):
        if stem[:3] == word[:3] and own and not stem.startswith(own) and stem not in forms:
            forms[stem] = finished
    return tuple((finished, word.startswith(stem)) for stem, finished in forms.items())[:MAX_FORMS]


_stem_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def _stemmer() -> sqlite3.Connection:
    """An in-memory FTS5 table with the index's tokenizer: what it stores is what the index would."""
    db = sqlite3.connect(":memory:", check_same_thread=False)
    db.execute(f"CREATE VIRTUAL TABLE words USING fts5 (w, tokenize='{TOKENIZE}')")
    db.execute("CREATE VIRTUAL TABLE stems USING fts5vocab (words, 'instance')")
    return db


def _stems(words: list[str]) -> list[str]:
    """Each word's stem as the index's tokenizer makes it ("" for a word it does not make one token of)."""
    with _stem_lock:
        db = _stemmer()
        db.executemany("INSERT INTO words (rowid, w) VALUES (?, ?)", enumerate(words, 1))
        found: dict[int, list[str]] = {}
        for doc, term in db.execute("SELECT doc, term FROM stems"):
            found.setdefault(doc, []).append(term)
        db.execute("DELETE FROM words")
    return [found[i][0] if len(found.get(i, ())) == 1 else "" for i in range(1, len(words) + 1)]
