"""What a sentence states, as content rather than words: its numbers, dates, names and event words.

Two outlets tell one fact in their own words ("Three workers died in the blaze on Tuesday." / "A fire killed
three people at the plant on Tuesday."): their words barely overlap (the summary's tf-idf terms leave numbers out,
and "died" is not "killed"), but they hold the same number, the same day and the same kind of event. A story
summary that reads word overlap alone shows such a fact once per outlet; `repeats` tells it by its content.

Facts are strings: "n:3" a number (figures and number words, "3", "three", "1,200", "2.5 million"), "y:1998" a
year, "d:tuesday" / "d:oct-12" a day, "e:death" an event class (a small list of kinds of news events and the
words that tell them, our own), "p:kessby" a name (a capitalised word that the story's sentences show capitalised
past their first word, so a sentence-opening name counts and a sentence-opening common word does not; a run of
such words is one name, "p:quarry road").
"""

from __future__ import annotations

import re
from functools import lru_cache

# kinds of news events and words that tell each (their stems are matched, so one form of a word covers the rest)
EVENTS = {
    "death": "die died dies dying dead death deaths kill killed killing kills fatal fatality fatalities perish "
             "perished toll bodies body",
    "injury": "injure injured injuries injury wound wounded wounds hurt hospital hospitalised hospitalized",
    "fire": "fire fires blaze blazes flames flame burn burned burnt burning ablaze inferno",
    "blast": "explosion explosions blast blasts explode exploded bomb bombs bombing",
    "arrest": "arrest arrested arrests detain detained custody",
    "charge": "charge charged charges indicted indictment accused prosecute prosecuted",
    "verdict": "convicted conviction guilty sentenced sentence jailed acquitted verdict",
    "resign": "resign resigned resigns resignation",
    "vote": "vote voted votes voting ballot elected election elections referendum",
    "strike": "strike strikes striking walkout stoppage",
    "protest": "protest protests protesters protested demonstration demonstrators",
    "aground": "aground grounded sank sunk sinking capsized capsize",
    "crash": "crash crashed crashes collision collided derailed derailment",
    "quake": "earthquake earthquakes quake tremor tremors",
    "storm": "storm storms hurricane typhoon cyclone gale gales",
    "flood": "flood floods flooded flooding",
    "evacuate": "evacuate evacuated evacuation evacuations fled flee",
    "rescue": "rescue rescued rescuers",
    "missing": "missing disappeared unaccounted",
    "damage": "damage damaged destroyed destroy wrecked razed",
    "attack": "attack attacked attacks assault raid raids shooting shot gunmen gunman",
    "close": "closed close closure shut shutdown",
    "deal": "agreement agreed deal accord treaty pact signed",
    "takeover": "acquire acquired acquisition takeover merger merge merged bought",
    "launch": "launch launched liftoff",
    "ban": "ban banned bans",
    "cut": "cut cuts layoffs redundancies",
    "rise": "rise rose risen increase increased surged climbed",
    "fall": "fell fall drop dropped declined slumped",
}

# words that tell a turn of events: what was planned, under way or expected stopped, moved or went the other way ("the
# strike was called off", "the vote was postponed", "the rescue ended"). A sentence that says so tells news even when
# its numbers, days and names are the old ones ("will vote on Thursday" / "postponed the vote on Thursday"): the
# story summary's latest development (summary.development) reads it; `facts` does not
TURN = re.compile(r"\b(?:postpon\w*|delay(?:s|ed)?|defer(?:s|red)?|adjourn\w*|cancel\w*|call(?:s|ed)? off|scrap(?:s|ped)"
                  r"|abandon(?:s|ed)?|suspend(?:s|ed)?|halt(?:s|ed)?|end(?:s|ed)|lift(?:s|ed)|reopen\w*|resum(?:e|es|ed)"
                  r"|withdr[ae]w\w*|revers(?:es|ed)|overturn(?:s|ed)?)\b", re.IGNORECASE)


def turns(text: str, subject: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a sentence tells a turn of events (TURN). The words of much else too ("rescuers lifted 212
    passengers", "the crews halted for lunch", "she withdrew 200 crowns") count only when what turned is an event, a
    plan, or what the story is about: "lift", "end", "withdraw", "abandon" and "halt" need an event or plan word for
    their object or for the thing that turned, or one of `subject` (the stems of what the story is about: its earlier
    reports' leads, `summary.development`) for the thing that turned (`_turned`)."""
    from tui.engine.rules import enabled

    for m in TURN.finditer(text):
        verb = m.group(0).lower()
        if not verb.startswith(GUARDED) or not enabled("turn-of-an-event"):
            return True
        if _turned(text, m, verb.startswith(TRANSITIVE), subject):
            return True
    return False


# turn words that tell much else too: a turn only of an event, a plan or the story's subject (`_turned`); the
# transitive ones ("lifted the curfew", "halted the search") name what turned before them only in the passive ("the
# ban was lifted"): "rescuers halted for lunch" is no turn of the rescue
GUARDED = ("lift", "end", "withdr", "abandon", "halt")
TRANSITIVE = ("lift", "withdr", "abandon", "halt")


# what a turn happens to, beside the event words (EVENTS): plans and measures that are lifted, ended, suspended
PLANS = ("ban curfew embargo sanction sanctions blockade restriction restrictions lockdown siege talks meeting "
         "search hunt inquiry hearing trial campaign operation freeze moratorium boycott occupation ceasefire truce "
         "alert warning emergency service services suspension closure dispute standoff stand-off sit-in offer bid "
         "plan plans proposal scheme project application appeal lawsuit claim candidacy nomination")
_BE = frozenset("is are was were be been being has have had".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d[\d,.]*")


def _turned(text: str, m: re.Match, transitive: bool, subject: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the turn word at match `m` ("lift", "end", "withdraw", "abandon", "halt") tells the turn of an event or
    a plan: one of the three words after it is one ("lifted the curfew", "ended its strike", "withdrew its bid"), or
    one of the six before it, or of the story's `subject` (stems), is what turned ("the strike ended", "the lantern
    fair was abandoned" in a story of that fair; for a transitive word only after a form of "be": "the ban on night
    fishing was lifted"). The story's words after it are not enough: "rescuers lifted 212 passengers" in a story of the
    passengers' rescue."""
    from tui.engine.tokens import stem

    kinds = _event_stems().keys() | _plan_stems()
    after = [stem(w.lower()) for w in _WORD.findall(text[m.end():])[:3]]
    if any(w in kinds for w in after):
        return True
    before = [w.lower() for w in _WORD.findall(text[:m.start()])[-8:]]
    if transitive:
        if not before or before[-1] not in _BE:
            return False
        before = before[:-1]
    return any(stem(w) in kinds or stem(w) in subject for w in before[-6:])


@lru_cache(maxsize=1)
def _plan_stems() -> frozenset[str]:
    from tui.engine.tokens import stem

    return frozenset(stem(w) for w in PLANS.split())


# a sentence that opens with who said it: its subject (a name or a body, no verb of its own, no comma) and then a verb
# of saying, what it says after it ("Ysolde Marr said the teams were checking the gullies", "The board told residents
# the water was safe"). Such a line reports what someone said about the event, not the event: its clause is the
# quotes' place, as a quotation's words are (summary.event_lead), and a lead that states the event wins
SPEECH = re.compile(r"\b(?:said|says|say|told|tells|tell|added|adds|warned|warns|claimed|claims|insisted|insists|stated|states"
                    r"|explained|explains|stressed|stresses|argued|argues|admitted|admits|noted|notes)\b", re.IGNORECASE)
SUBJECT_WORDS = 6  # the words before the verb of saying at most
# words that are no part of a speaker's name or title: a verb of the sentence's own before the verb of saying ("Two
# walkers were missing, police said" states the event), or a clause that opens ("the woman who said ...")
_NOT_SUBJECT = frozenset("is are was were be been being has have had will would could can may might shall should must "
                         "do does did to who which that when after before as if because while".split())
_SAID_WORDS = re.compile(r"[^\s\"“”«»]*\w[^\s\"“”«»]*")


def reported(text: str) -> float:
    """The share of a sentence's words that report what its opening speaker said: the words after the verb of saying
    (SPEECH) when the sentence opens with its speaker ("Ysolde Marr said the teams were checking the gullies on the
    north face." 10 of 13), 0.0 otherwise (the attribution after the event, "Two walkers were missing, police said";
    a verb of the sentence's own before it; fewer than three words after it)."""
    from tui.engine.rules import enabled

    m = SPEECH.search(text)
    if m is None or not enabled("reported-speech-lead"):
        return 0.0
    before = text[:m.start()]
    words = _SAID_WORDS.findall(before)
    if not words or len(words) > SUBJECT_WORDS or "," in before or ";" in before:
        return 0.0
    if any(w.lower().strip("'’") in _NOT_SUBJECT for w in words):
        return 0.0
    said = _SAID_WORDS.findall(text[m.end():])
    if len(said) < 3:
        return 0.0
    return len(said) / (len(words) + 1 + len(said))


def _register() -> None:
    from tui.engine import rules

    rules.guard(
        "turn-of-an-event", "stories.turn",
        "lift, end, withdraw, abandon and halt tell a story's turn only of an event, a plan or its subject (lifted the "
        "curfew, halted the search), not of anything (lifted passengers, halted for lunch)",
        changes=["Rescuers lifted 212 passengers from the stranded Orlen ferry off Skarby.",
                 "Ferry crews lifted the last crates onto the Skarby quay before the tide turned.",
                 "The museum's long winter ended and it opened its doors to 900 visitors.",
                 "The Orlen Fell rescue teams halted for lunch at the Skarby road end.",
                 "Tova Renn withdrew 200 crowns from the Skarby savings bank on Friday.",
                 "Fishermen abandoned their nets on the Skarby quay as the gale rose."],
        keeps=["Skarby council lifted its curfew on the harbour on Friday.",
               "The ban on night fishing at Skarby was lifted on Friday.",
               "The rescue at Orlen Fell ended on Wednesday when the last caver was brought out.",
               "Dock workers in Skarby ended their strike after nine days.",
               "Skarby council postponed its vote on the harbour wall.",
               "The search for the Orlen trawler was halted at dusk.",
               "Skarby council withdrew its plan for a harbour wall on Friday.",
               "Orlen Ferries abandoned its bid for the Skarby crossing.",
               "Dock workers in Skarby halted their strike for talks."])
    rules.probe("stories.turn")(turns)
    rules.guard(
        "reported-speech-lead", "stories.reported",
        "a lead that opens with who said it reports the event (its clause is the quotes' place): the event sentence is "
        "a lead that states it",
        changes=["Orla Penhallow said the divers were searching the flooded Tarnby quarry.",
                 "The Tarnby harbour board told boat owners that the slipway would stay shut until March.",
                 "Police in Tarnby say the missing canoeist was last seen near the weir."],
        keeps=["The divers were searching the flooded Tarnby quarry, Orla Penhallow said.",
               "Two canoeists were missing on the Tarnby river on Friday, police said.",
               "Rescuers who said they heard shouting dug through the night at Tarnby.",
               "The Tarnby board said so.",
               "The Tarnby board refused to say whether the slipway would reopen.",
               "A fire destroyed the Tarnby boathouse on Friday night."])
    rules.probe("stories.reported")(reported)
    rules.guard(
        "time-to-come-came-about", "stories.came",
        "an earlier day's time to come (will return home) that a later day's line says came about (returned home) is "
        "old news: the summaries leave it out and tell the later line",
        changes=["Families from Pellow Quay will return home on Saturday, the council said. | "
                 "The Pellow Quay families returned home on Thursday.",
                 "The Tarnby ferry is due to resume sailing on Monday. | "
                 "The Tarnby ferry resumed sailing on Monday morning."],
        keeps=["Families from Pellow Quay will return home on Saturday, the council said. | "
               "The Pellow Quay families hoped to return home by Sunday.",
               "Families from Pellow Quay will return home on Saturday, the council said. | "
               "The Pellow Quay families have not returned home yet.",
               "Families from Pellow Quay will return home on Saturday, the council said. | "
               "Engineers returned to Pellow Quay on Thursday.",
               "Families from Pellow Quay will not return home this week, the council said. | "
               "The Pellow Quay families returned home on Thursday."])

    def came(pair: str) -> bool:
        from tui.stories.summary import came_about

        return came_about(pair)

    rules.probe("stories.came")(came)


_register()


_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i > 1}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000, "dozen": 12}
# a figure's scale as wires and papers abbreviate it ("630 mln dlrs", "1.5 bln", "£4.2m", "$3bn"): the same number
# as "630 million", so two outlets' one fact is one fact
_FIGURE_SCALES = {w: v for w, v in _SCALES.items() if w != "dozen"} | {
    "mln": 1_000_000, "m": 1_000_000, "bln": 1_000_000_000, "bn": 1_000_000_000, "trn": 1_000_000_000_000}
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = {m: m[:3] for m in "january february march april may june july august september october november december"
           .split()}
_MONTHS.update({m[:3]: m[:3] for m in list(_MONTHS)} | {"sept": "sep"})

_TOKEN = re.compile(r"\d[\d,]*(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*|[£$€¥]")
# "m" after a figure is million in money ("£630m", "$4 m", "12m dollars") and metres in a length ("a 100 m drop", "the
# 40m-high wall", "100 m, or 330 feet"): a currency sign before the figure or a currency word after the "m" says money;
# a word of size or distance after it, or a length unit in the sentence, says metres (the figure then as written, one
# fact with "100 metres"); neither: million, as wires and papers write it
_CURRENCY_SIGNS = frozenset("£$€¥")
_CURRENCY_WORDS = frozenset("dollars dollar dlrs pounds pound stg sterling euros euro yen francs marks rupees".split())
_LENGTH_AFTER = frozenset("high tall long wide deep away above below thick across".split())
_LENGTH_UNITS = frozenset("metre metres meter meters km kilometre kilometres kilometer kilometers feet ft".split())
_NUMBER_WORDS = set(_UNITS) | set(_TENS) | {"dozen"}
_SPECIAL = _NUMBER_WORDS | _DAYS | set(_MONTHS) | {"lives"}  # the lower-cased words a fact is read from


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    """The words and figures of a text (a story's sentences are read twice: for its names, then for its facts)."""
    return tuple(_TOKEN.findall(text))


@lru_cache(maxsize=1)
def _event_stems() -> dict[str, str]:
    from tui.engine.tokens import stem

    return {stem(w): kind for kind, words in EVENTS.items() for w in words.split()}


def story_names(texts: list[str]) -> set[str]:
    """The lower-cased words that some text shows capitalised past its first word (not a day or month, not a
    number word, not a stop word): the story's names, which then count in a sentence's first place too."""
    from tui.engine.tokens import stop_words

    seen: set[str] = set()
    for text in texts:
        seen.update(w for w in _tokens(text)[1:] if w[0].isupper())
    stops = stop_words()
    out = set()
    for w in seen:
        low = _bare(w.lower())
        if low not in stops and low not in _SPECIAL and low not in _SCALES and len(w) > 1 and w[1:2].isalpha():
            out.add(low)
    return out


def _bare(low: str) -> str:
    """A name without its possessive ("kessby's" -> "kessby")."""
    return low[:-2] if low.endswith(("'s", "’s")) else low


def facts(text: str, names: set[str], terms: list[str] | None = None) -> frozenset[str]:
    """The facts of a sentence (see the module's doc); `names` from `story_names`, `terms` the sentence's
    `content_terms` when they are at hand (its event words are read from them)."""
    from tui.engine.tokens import content_terms

    events = _event_stems()
    out: set[str] = set()
    words = _tokens(text)
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        i += 1
        if w[0].isdigit():
            digits = w.rstrip(",").replace(",", "")
            if digits.count(".") > 1:
                continue
            value = float(digits)
            scale = words[i].lower() if i < n else ""
            if scale == "m" and not _money(words, i - 2, i + 1) and _length(words, i + 1):
                i += 1  # metres: the figure as written
            elif scale in _FIGURE_SCALES:
                value *= _FIGURE_SCALES[scale]
                i += 1
            elif value == int(value) and 1800 <= value <= 2100 and digits == w:
                out.add(f"y:{int(value)}")
                continue
            out.add(f"n:{value:g}")
            continue
        if w[0].isupper():
            bare = _bare(w.lower())
            if bare in names:  # a run of name words is one name ("Nuclear Regulatory Commission")
                run = [bare]
                while (i < n and words[i][0].isupper() and run[-1] == words[i - 1].lower()
                       and (low := _bare(words[i].lower())) in names):  # (a possessive ends it: "Velcor's Harnby")
                    run.append(low)
                    i += 1
                out.add("p:" + " ".join(run))
                continue
        low = w.lower()
        if low not in _SPECIAL:
            continue
        if low in _NUMBER_WORDS:
            value, used = _number_words([x.lower() for x in words[i - 1:i + 6]], 0)
            i += used - 1  # past the number's words ("twenty three", "two hundred", "three million")
            out.add(f"n:{value:g}")
        elif low in _DAYS:
            out.add(f"d:{low}")
        elif low == "lives":  # "lost their lives", "claimed three lives" (the stem "live" is no death)
            out.add("e:death")
        elif i < n and words[i].isdigit() and 1 <= int(words[i]) <= 31 and (low != "may" or w == "May"):
            out.add(f"d:{_MONTHS[low]}-{int(words[i])}")
            i += 1
    for t in content_terms(text) if terms is None else terms:
        kind = events.get(t)
        if kind is not None:
            out.add(f"e:{kind}")
    return frozenset(out)


def _money(words: tuple[str, ...], before: int, after: int) -> bool:
    """Whether the figure whose tokens end before `after` is money: a currency sign right before it (`before`) or a
    currency word right after ("12 m dollars")."""
    return ((before >= 0 and words[before] in _CURRENCY_SIGNS)
            or (after < len(words) and words[after].lower() in _CURRENCY_WORDS))


def _length(words: tuple[str, ...], after: int) -> bool:
    """Whether an "m" whose next token is at `after` is metres: a word of size or distance follows it ("high",
    "deep", "away"), or the sentence names a length unit ("metres", "feet", "km")."""
    if after < len(words) and words[after].lower() in _LENGTH_AFTER:
        return True
    return any(w.lower() in _LENGTH_UNITS for w in words)


def _number_words(lows: list[str], i: int) -> tuple[float, int]:
    """The value of the number words from `i` ("twenty three", "two hundred", "three million", "a dozen") and the
    index after them."""
    total = part = 0.0
    seen = False
    while i < len(lows):
        w = lows[i]
        if w in _UNITS:
            part += _UNITS[w]
        elif w in _TENS:
            part += _TENS[w]
        elif w in _SCALES and (seen or w == "dozen"):
            scale = _SCALES[w]
            if scale >= 1000:
                total += (part or 1) * scale
                part = 0
            else:
                part = (part or 1) * scale
        elif w == "and" and seen and i + 1 < len(lows) and (lows[i + 1] in _UNITS or lows[i + 1] in _TENS):
            pass
        else:
            break
        seen = True
        i += 1
    return total + part, i


ANCHORS = ("n:", "d:")
NEW_FACTS = ("n:", "d:", "y:")
COVER = 0.6  # share of a sentence's facts another holds for it to repeat that one (with the evidence below)


def repeats(mine: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a sentence of facts `mine` says again what one of facts `other` said: `other` holds at least COVER of
    `mine`'s facts, and among those shared an event word and a number or day ("three" + "killed"/"died" +
    "Tuesday"): something happened, and when or how much says which thing. An event word with names alone is
    what a story is about ("the Rainbow merger"), not one fact of it. A sentence that holds a number, year or day
    the other does not, or more names and events of its own than COVER allows, is not a repeat."""
    shared = mine & other
    if len(shared) < 2 or len(shared) < COVER * len(mine):
        return False
    if not any(f.startswith("e:") for f in shared):
        return False
    if any(f.startswith(NEW_FACTS) for f in mine - other):  # a number, year or day of its own: news of its own
        return False
    return any(f.startswith(ANCHORS) for f in shared)
