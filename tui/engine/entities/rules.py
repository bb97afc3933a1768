"""Rule-based spans for numbers and times: DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL."""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"  # "on Tuesdays" too
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a dozen|dozens"
    r"|hundreds|thousands|millions|billions)"
)
_SCALE = r"(?:\s?(?:million|billion|trillion|bn|mn|m|k|thousand)\b)?"
_UNIT = (
    r"(?:km|kilomet(?:re|er)s?|miles?|mph|km/h|kg|kilo(?:gram)?s?|grams?|tonnes?|tons?|lbs?|feet|foot|ft|"
    r"met(?:re|er)s?|cm|mm|inch(?:es)?|acres?|hectares?|barrels?|litres?|liters?|gallons?|degrees?(?:\s(?:Celsius|Fahrenheit))?|°[CF]?|"
    r"square (?:miles|kilomet(?:re|er)s|feet|met(?:re|er)s)|MW|GW|kWh|MWh)"
)
_CURRENCY_WORD = r"(?:dollars?|euros?|pounds sterling|pounds|yen|yuan|renminbi|rupees?|francs?|marks|pesos?|roubles?|rubles?|cents?|won|rand|lira)"

RULES: list[tuple[str, re.Pattern]] = [
    ("MONEY", re.compile(
        rf"(?:(?:US|C|A|HK|NZ|S)?[$€£¥]|\b(?:USD|EUR|GBP|JPY|CHF|Rs\.?)\s?)\s?(?:{_NUM}){_SCALE}"
        rf"|\b(?:{_NUM}){_SCALE}\s(?:(?:US|U\.S\.|Australian|Canadian|Hong Kong)\s)?{_CURRENCY_WORD}\b")),
    ("PERCENT", re.compile(rf"(?<![\w.])(?:{_NUM})\s?(?:%|percent\b|per cent\b|percentage points?\b)")),
    ("TIME", re.compile(
        r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b)(?:\s(?:GMT|UTC|EST|EDT|PST|PDT|ET|PT|local time)\b)?"
        r"|\b\d{1,2}:\d{2}(?:\s(?:GMT|UTC|EST|EDT|PST|PDT|ET|PT|local time)\b)?"
        r"|\b(?:noon|midnight|[Tt]onight|this (?:morning|afternoon|evening))\b")),
    ("DATE", re.compile(
        rf"\b(?:{_DAY},?\s)?{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{_YEAR})?\b"
        rf"|\b(?:{_DAY},?\s)?\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{_MONTH}(?:,?\s{_YEAR})?\b"
        rf"|\b{_MONTH}(?:,?\s{_YEAR})\b"
        rf"|\b(?:early|mid|late)[-\s]{_MONTH}\b"
        rf"|\b(?:(?:last|next|this|early|late)\s)?{_DAY}(?:\s(?:morning|afternoon|evening|night))?\b"
        r"|\b(?:last|next|this|the past|the previous|the coming)\s(?:week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter)\b"
        r"|\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow)\b"
        r"|\b\d{4}-\d{2}-\d{2}\b"
        r"|\b(?:the\s)?(?:mid-)?(?:1[5-9]\d0|20\d0)s\b"
        rf"|\b(?:in|since|by|from|until|till|of|during|before|after|between|and|early|late)\s{_YEAR}\b"
        rf"|\b{_YEAR}(?=\s?[-–/]\s?\d{{2,4}}\b)")),
    ("QUANTITY", re.compile(rf"\b(?:{_NUM}|{_NUMWORD})(?:\s(?:million|billion|thousand|hundred))?[\s-]?{_UNIT}(?![\w])")),
    ("CARDINAL", re.compile(rf"(?<![\w.,$€£¥-])(?:{_NUM})(?![\w%$€£¥]|[.,]\d)(?:\s(?:million|billion|trillion|thousand)\b)?|\b{_NUMWORD}\b", re.IGNORECASE)),
]

# Where each rule's match can start (a superset): rules with many alternatives are slow to try at every
# position of a long text, so `rule_spans` tries them only where their trigger says a match may begin. A
# trigger must allow every start its rule can match at (tests/engine/test_rule_triggers.py checks that the
# matches are exactly finditer's). The first word of every alternative, as a prefix, after a non-word char
# (with what must follow it when the word is a common one: "the" + space, "in" + space + a year).
# Each trigger is written `[first characters](?<!\w.)(?<=(?=test).)`: it consumes the position's character,
# which must be one that a start can begin with (the regex engine then skips ahead through the text at C
# speed instead of trying the assertions at every position), then checks the character before it and the
# test from the position itself. The same positions as the plain `(?<!\w)(?=test)`, 1.5-3x faster.
_TRIGGERS: dict[str, re.Pattern] = {
    "MONEY": re.compile(r"[$€£¥UCAHNS\dEGJR](?:(?<=(?=(?:US|C|A|HK|NZ|S)?[$€£¥]).)"
                        r"|(?<!\w.)(?<=(?=\d|USD|EUR|GBP|JPY|CHF|Rs).))"),
    "PERCENT": re.compile(r"\d(?<![\w.].)"),  # the rule's own lookbehind, at a digit
    "TIME": re.compile(r"[\dnmTt](?<!\w.)(?<=(?=\d|noon|midnight|[Tt]onight|this ).)"),
    "DATE": re.compile(
        r"[\dMTWFSJAONDemlntYyisbfudao](?<!\w.)(?<=(?=\d|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|early|mid|late|last|next|this\s|the(?: [pc]|\s[m\d])|[Yy]esterday"
        r"|[Tt]oday|[Tt]omorrow|(?:in|since|by|from|until|till|of|during|before|after|between|and)\s(?:1[5-9]|20)\d\d).)"),
    "QUANTITY": re.compile(rf"[\dotfsenhmbad](?<!\w.)(?<=(?=\d|{_NUMWORD}).)"),
    # the case-insensitive rule: its first characters in every case (ſ is an s then) and the test ignoring case;
    # the class itself is case-sensitive, or the engine would not skip ahead by it
    "CARDINAL": re.compile(rf"[\dABDEFHMNOSTabdefhmnostſ](?<!\w.)(?<=(?i:(?=\d|{_NUMWORD})).)"),
}


# Literals one of which every match of a rule contains (its currency, unit, "%"/"percent", clock mark or ":"): a
# text holding none of them is not scanned for that rule (tests/engine/test_rule_triggers.py checks every match).
_NEEDS: dict[str, tuple[str, ...]] = {
    "MONEY": ("$", "€", "£", "¥", "USD", "EUR", "GBP", "JPY", "CHF", "Rs", "dollar", "euro", "pounds", "yen", "yuan",
              "renminbi", "rupee", "franc", "marks", "peso", "rouble", "ruble", "cent", "won", "rand", "lira"),
    "PERCENT": ("%", "percent", "per cent"),
    "TIME": ("a.m.", "p.m.", "am", "pm", "AM", "PM", ":", "noon", "midnight", "onight", "this morning",
             "this afternoon", "this evening"),
    "QUANTITY": ("km", "kilo", "mile", "mph", "kg", "gram", "ton", "lb", "feet", "foot", "ft", "met", "cm", "mm",
                 "inch", "acre", "hectare", "barrel", "litre", "liter", "gallon", "degree", "°", "square", "MW", "GW",
                 "kWh"),
}


def _matches(label: str, rx: re.Pattern, text: str, starts: list[int] | None = None):
    """`rx.finditer(text)`, trying the pattern only at its trigger's positions (`starts` when given: every
    position where the trigger matches, in order)."""
    trigger = _TRIGGERS.get(label)
    if trigger is None:
        yield from rx.finditer(text)
        return
    if starts is None:
        starts = _trigger_starts(label, text) if label in _WITHIN_CARDINAL else \
            map(re.Match.start, trigger.finditer(text))
    pos = 0
    for p in starts:
        if p >= pos:
            m = rx.match(text, p)
            if m:  # no rule matches the empty string, so the next search starts past this match
                yield m
                pos = m.end()


# CARDINAL's trigger for lower-cased text, case-sensitive: the same positions, found ~3x faster, when lower-casing
# keeps every character's place and no letter of the text matches a Latin one only when case is ignored (İ ı ſ K);
# tests/engine/test_rule_triggers.py checks this for every character.
_CARDINAL_LOWER = re.compile(rf"[\dabdefhmnost](?<!\w.)(?<=(?=\d|{_NUMWORD}).)")
_FOLDS_TO_LATIN = re.compile("[\u0130\u0131\u017f\u212a]")
# Triggers whose every position is also one of CARDINAL's (a digit or a number word after a non-word character):
# they are tried only at CARDINAL's positions instead of scanning the text again.
_WITHIN_CARDINAL = ("PERCENT", "QUANTITY", "CARDINAL")


# The same positions as CARDINAL's and DATE's triggers, found without trying the pattern at most letters of the text
# (their first characters are common letters, and each try costs the regex engine hundreds of instructions): a
# digit with no word character before it (one scan), and each word the trigger looks for, found by `str.find` and
# kept where no word character stands before it. ~4x faster (tests/engine/test_rule_triggers.py compares the
# positions with the triggers' own scans).
_DIGIT_START = re.compile(r"\d(?<!\w.)")
_NUMWORDS = _NUMWORD[3:-1].split("|")
_CARDINAL_WORDS = [w for w in _NUMWORDS if not any(w != v and w.startswith(v) for v in _NUMWORDS)]  # ("six", not "sixty")
_DATE_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr",
               "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "early", "mid", "late", "last", "next",
               "Yesterday", "yesterday", "Today", "today", "Tomorrow", "tomorrow")
# "this" followed by white space; "the" only where a date can start with it: "the past", "the previous", "the coming"
# week, "the 1990s", "the mid-1990s" (in news "the" is one word in twenty)
_THE_DATE = re.compile(r" [pc]|\s[m\d]")
_YEAR_WORDS = ("in", "since", "by", "from", "until", "till", "of", "during", "before", "after", "between", "and")
_SPACE_YEAR = re.compile(r"\s(?:1[5-9]|20)\d\d")  # what follows one of _YEAR_WORDS


def _word_starts(text: str, words, then=None) -> list[int]:
    """The positions where one of `words` starts with no word character before it (and, given `then`, where it
    matches right after the word)."""
    out = []
    find = text.find
    for word in words:
        at = find(word)
        while at >= 0:
            before = text[at - 1] if at else " "
            if not (before.isalnum() or before == "_") and (then is None or then(text, at + len(word))):
                out.append(at)
            at = find(word, at + 1)
    return out


def _year_word_starts(text: str) -> list[int]:
    """`_word_starts(text, _YEAR_WORDS, _SPACE_YEAR.match)`, found from the years: each white space and year (rare) is
    looked for once, then the words that end right before it, instead of every "in", "of" and "and" of the text (a
    match of _SPACE_YEAR starts with white space and goes on with digits, so no two overlap and finditer meets
    every one)."""
    out = []
    for m in _SPACE_YEAR.finditer(text):
        q = m.start()
        for word in _YEAR_WORDS:
            at = q - len(word)
            if at >= 0 and text.startswith(word, at):
                before = text[at - 1] if at else " "
                if not (before.isalnum() or before == "_"):
                    out.append(at)
    return out


def _spaced(text: str, at: int) -> bool:
    return text[at : at + 1].isspace()


def _cardinal_starts(low: str) -> list[int]:
    """`_CARDINAL_LOWER`'s positions in the lower-cased text."""
    starts = set(map(re.Match.start, _DIGIT_START.finditer(low)))
    starts.update(_word_starts(low, _CARDINAL_WORDS))
    return sorted(starts)


def _date_starts(text: str) -> list[int]:
    """The DATE trigger's positions."""
    starts = set(map(re.Match.start, _DIGIT_START.finditer(text)))
    starts.update(_word_starts(text, _DATE_WORDS))
    starts.update(_word_starts(text, ("this",), _spaced))
    starts.update(_word_starts(text, ("the",), _THE_DATE.match))
    starts.update(_year_word_starts(text))
    return sorted(starts)


def _trigger_starts(label: str, text: str, cardinal: list[int] | None = None) -> list[int]:
    """Every position where the trigger of `label` matches, in order (`cardinal`: CARDINAL's, when known)."""
    if label in _WITHIN_CARDINAL:
        if cardinal is None:
            low = text.lower()
            if len(low) == len(text) and _FOLDS_TO_LATIN.search(text) is None:
                cardinal = _cardinal_starts(low)
            else:
                cardinal = [m.start() for m in _TRIGGERS["CARDINAL"].finditer(text)]
        if label == "CARDINAL":
            return cardinal
        match = _TRIGGERS[label].match
        return [p for p in cardinal if match(text, p)]
    if label == "DATE":
        return _date_starts(text)
    return [m.start() for m in _TRIGGERS[label].finditer(text)]


_IN_YEAR = re.compile(r"^(?:in|since|by|from|until|till|of|during|before|after|between|and)\s", re.IGNORECASE)


def rule_spans(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, label) spans; earlier rules in RULES win overlaps."""
    taken: list[tuple[int, int, str]] = []
    occupied = bytearray(len(text) + 1)
    cardinal = None  # CARDINAL's trigger positions, found once for the rules that read them
    for label, rx in RULES:
        needs = _NEEDS.get(label)
        if needs is not None and not any(w in text for w in needs):
            continue  # no match can be there
        starts = None
        if label in _WITHIN_CARDINAL:
            if cardinal is None:
                cardinal = _trigger_starts("CARDINAL", text)
            starts = _trigger_starts(label, text, cardinal)
        elif label == "DATE":
            starts = _date_starts(text)
        for m in _matches(label, rx, text, starts):
            s, e = m.span()
            if label == "DATE":
                inner = _IN_YEAR.match(m.group())
                if inner:  # "in 2015": the preposition is context, not part of the date
                    s += inner.end()
            if s >= e or any(occupied[s:e]):
                continue
            if label == "CARDINAL" and _pronoun_one(text, s, e):
                continue
            occupied[s:e] = b"\x01" * (e - s)
            taken.append((s, e, label))
    taken.sort()
    return taken


_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|that|a|an|each|every|any|no|which|another|his|her|its|their|our|your|my)"
                                r"(?: [a-z]+)?\s+$", re.IGNORECASE)


def _pronoun_one(text: str, s: int, e: int) -> bool:
    """Is "one" here a pronoun ("the current one", "this one", "a new one") rather than a number?"""
    if text[s:e].lower() != "one":
        return False
    from ..rules import enabled

    if not _DETERMINER_BEFORE.search(text, max(0, s - 30), s) or re.match(r"\s+of\b", text[e:e + 4]):
        return False  # "one of them" stays a number
    return enabled("pronoun-one")
