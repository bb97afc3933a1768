"""Corrections to the tagger's name spans that need more than a window of five words.

All of them work on (start, end, label) spans and the article text, before linking. `repair_names`
applies them in order; each is a named rule of tui/engine/entities/rulebook.py (its reason and our own
examples are there) and lives in its own module:

* acronyms.py: a name defined with its acronym, "Civic Alliance for the North (CAN)", is one
  organisation even when the tagger cut it at "for the";
* heads.py: a name runs on to its head word ("Colombo Maritime Rescue Accord"), an event or treaty head
  makes it MISC, and "Museum of ..." is one organisation;
* inner_words.py: a body's name with a plural's possessive ("the Welsh Miners' Union"), a capitalised preposition
  ("Reporters Without Borders") or a capitalised plural before "of"/"for" ("Friends of the Harbour") is one name;
* layout.py: a section-tag line, a vehicle's name, a common word opening a sentence;
* name_starts.py: role words before a person ("Soprano Ana Kosmač"), Irish and lower-case surname particles ("Seán Ó
  Briain", "van Houten");
* kinds.py: what the words next to a name say it is (a building, a newspaper, a street, a vehicle,
  an adjective like "Andean"), plurals of things ("Polaroids");
* rivers.py: a river named alone ("the Lisk rose"), inns.py: an inn named alone ("the Plough").
"""

from __future__ import annotations

import re

from ..lexicon import entity_words, lexicon, verb_words
from ..rules import enabled as on
from ..types import DATE, FAC, GPE, LOC, NORP, ORG, PERSON
from .acronyms import defined_names
from .clusters import lower_word
from .heads import extend_to_head
from .inner_words import own_s_names, owner_names, plural_bodies, possessive_names, preposition_names
from .kinds import (kind_of_name, plural_of_a_name, street_end, street_pair, street_pairs, street_start,
                    untagged_streets)
from .layout import (capitals_runs, common_in_corpus, common_word_org, headline_people, section_tag_lines, speaker_turns,
                     vehicles_everywhere)
from .name_starts import (participle_opener, particle_name, sentence_initial, speech_verb_opener, trim_roles,
                          verb_opener)
from .clubs import sport_clubs
from .inns import inn_names
from .rivers import river_names

Span = tuple[int, int, str]


def repair_names(text: str, spans: list[Span]) -> list[Span]:
    """Apply every correction; the result is sorted and non-overlapping."""
    if on("acronym-defined-name"):
        spans = defined_names(text, spans)
    spans = plural_bodies(text, preposition_names(text, possessive_names(text, extend_to_head(text, spans))))
    spans = owner_names(text, spans)
    spans = own_s_names(text, spans)
    spans = headline_people(text, capitals_runs(text, _joined(text, section_tag_lines(text, spans))))
    if on("function-word-in-name") and _FUNCTION_WORD_NAME.search(text):
        spans = function_word_names(text, spans)
    spans = street_pairs(text, untagged_streets(text, spans))
    if on("said-speaker"):
        spans = said_speakers(text, spans)
    if on("function-word-opens-no-name"):
        spans = [_no_function_word_first(text, *span) for span in spans]
    if on("preposition-opens-sentence"):
        spans = [_no_preposition_first(text, *span) for span in spans]
    if on("neighbouring-place") and ("eighbo" in text or "earby " in text) \
            and (after := {m.end() for m in _NEIGHBOURING_WORD.finditer(text)}):
        spans = [_neighbouring_place(text, s, e, lab) if s in after or any(a < e and s < a for a in after)
                 else (s, e, lab) for s, e, lab in spans]
    if on("sign-off-names-person") and _SIGN_OFF.search(text):
        spans = sign_off_names(text, spans)
    out = []
    for i, (s, e, lab) in enumerate(spans):
        word = text[s:e]
        if " " not in word and sentence_initial(text, s) and common_in_corpus(text, s, e, lab):
            continue  # "Collaboration and cooperation were ...": a common word, said once
        if lab == PERSON and " " not in word and sentence_initial(text, s) and _adjective_before_noun(text, s, e) \
                and not any(lb == PERSON and text[ps:pe].endswith(" " + word) for ps, pe, lb in spans) \
                and on("adjective-opens-sentence"):
            continue  # "Brown water would be the bad news": a common adjective before its noun, not a surname
        if lab in (GPE, LOC) and " " not in word and sentence_initial(text, s) and _adjective_before_noun(text, s, e) \
                and word.lower() not in lexicon().place_names and not _named_inside(text, word) \
                and on("adjective-opens-sentence-place"):
            continue  # '"White flour costs more," she said': a common adjective before its noun, not a place
        if lab in (PERSON, ORG, GPE, LOC) and " " not in word and _PLURAL_VERB.match(text, e) and _plural_shape(word) \
                and sentence_initial(text, s) and not _named_inside(text, word) and on("plural-opens-sentence"):
            continue  # "Sandbags were handed out": a plural common noun and its verb, not a person or a place
        if lab == ORG and " " not in word and sentence_initial(text, s) and common_word_org(text, s, e):
            continue  # "Harbour staff were sent home": the sentence's capital on a common word, in every mention
        if word[:2] in ("A ", "An") and (cut := word.find(" ")) in (1, 2) and word[cut + 1:cut + 2].isupper() \
                and word[:cut] in ("A", "An") and sentence_initial(text, s) and not text[s:s + 40].isupper() \
                and on("article-opens-no-name"):
            s, word = s + cut + 1, word[cut + 1:]  # "A US official said": the article opens the sentence, not the name
            if lab == "MISC" and " " not in word:
                lab = kind_of_name(text, s, e, lab)
        if lab == PERSON and " " not in word and text.startswith(", which ", e) and sentence_initial(text, s) \
                and on("which-not-a-person"):
            continue  # "Mosquitoes, which ...": people are "who"; a thing opening its sentence is no name
        if lab == PERSON and " " not in word and word.lower() in lexicon().roles and on("title-only-person"):
            continue  # "the feast of Our Lady of ...": a title alone names nobody
        if lab in (PERSON, GPE, LOC) and " " in word and text[e:e + 1] == "," and _apposition_says_body(text, e) \
                and on("apposition-body"):
            lab = ORG  # "Craft Bakers, a union of small bakeries, said": the apposition says what the name is
        if lab in (PERSON, GPE, LOC) and " " in word and word.rsplit(None, 1)[-1].lower() in _TRADE_WORDS \
                and word[:1].isupper() and on("trade-word-ends-name"):
            lab = ORG  # "Keane Haulage", "Hollis Ferries": a firm named after a family or a place, not a person
        if lab in (PERSON, ORG, "MISC") and text[e:e + 2] in ("'s", "’s") and _SAINTS_ALONE.fullmatch(text, s, e + 2) \
                and _CHURCH_ENDS.match(text, e + 2) and _CHURCH_ENDS.match(text, e + 2).group(1) in _AFTER_A_CHURCH \
                and on("saint-alone-is-a-church"):
            e = e + 2  # "at St Wilfrid" + "'s": the tagger stopped before the saint's 's (session 35)
            word = text[s:e]
        if lab in (PERSON, ORG, "MISC") and _SAINTS_ALONE.fullmatch(word) and not _CAPITAL_AFTER.match(text, e) \
                and on("saint-alone-is-a-church"):
            lab = LOC  # "the churchyard of St Oswald's": the saint's church, not a club or a person
        if lab == ORG and " " not in word and word[1:].islower() and (m := _IN_PLACE.search(text, max(0, s - 40), s)) \
                and (m.group(1) or "").lower() not in _NOT_A_PLACE_IN \
                and any(lb == ORG and text.startswith(word + " ", ps) for ps, _, lb in spans) \
                and (nm := _CHURCH_ENDS.match(text, e)) and nm.group(1) in _AFTER_A_CHURCH and on("in-town-of-its-firm"):
            lab = LOC  # "Shops in Holmvik" beside "the Holmvik Ferry Company": the town the firm is named after
        if lab in (PERSON, ORG, "MISC") and " " not in word and _RESIDENTS_AFTER.match(text, e) and word.isalpha() \
                and word[1:].islower() and word.lower() not in lexicon().peoples \
                and not word.lower().endswith(_LANGUAGE_ENDINGS) and on("residents-after-place"):
            lab = LOC  # "Brenmoor residents voted": the people of a place (not "Kurdish villagers", a people's word)
        if lab == PERSON and " " not in word and text[max(0, s - 5):s] == "near " and on("near-a-place"):
            lab = LOC  # "lives near Applecross": people are seldom near-ed in news (NER train: 20 places, 0 people)
        if lab == "MISC" and " " not in word and text[e:e + 1] in (".", ",", ";") and _FROM_IN.search(text, max(0, s - 6), s) \
                and not word.lower().endswith(_LANGUAGE_ENDINGS) and on("misc-after-in-is-place"):
            lab = LOC  # "by phone from Erfoud.": NER train has 254 places, 4 MISC (languages) there
        if lab in (PERSON, ORG, GPE, LOC) and _LEAGUE_DIVISION.fullmatch(word) and on("division-is-a-league"):
            lab = "MISC"  # "champions of Division Two": a league's division, no body nor place
        if lab in (PERSON, ORG, GPE, LOC) and _DINOSAUR.fullmatch(word) and on("dinosaur-no-place"):
            lab = "MISC"  # "the Spinosaurus in the museum's hall": an animal's kind, no place
        if lab != "NORP" and plural_of_a_name(text, s, e) and on("plural-of-a-name"):
            lab = "MISC"  # "his Polaroids" in an article about the Polaroid camera
        if (lab == PERSON or lab == ORG and _person_after_first(word)) and " " in word \
                and (first := word.split(None, 1)[0]).lower() in _PEOPLES \
                and first.lower() not in lexicon().first_names and on("people-word-opens-person"):
            out.append((s, s + len(first), "NORP"))  # "Namibian Frankie Fredericks": a people's word, then the person
            s += len(word) - len(word[len(first):].lstrip())
            word, lab = text[s:e], PERSON  # ("Kiwi Sam Hale" read as a company: the rest is a person's full name)
        if lab in (PERSON, ORG, "MISC") and " " in word and (first := word.split(None, 1)[0]).lower() in _GROUP_WORDS \
                and (lab == PERSON or _person_joined(text, word, e, spans[i + 1] if i + 1 < len(spans) else None)) \
                and on("group-word-opens-person"):
            s += len(word) - len(word[len(first):].lstrip())  # "Juniors Kit and ...": a group's word, then the name
            word, lab = text[s:e], PERSON
        if lab == ORG and (_person_after_first(word) or _person_after_first(word, rare=True)) \
                and word.split(None, 1)[0].lower().rstrip(".") in lexicon().roles and on("title-opens-person"):
            lab = PERSON  # "PC Danny Holt" read as a company: a title, then a person's full name (trim-roles cuts it)
        elif lab in (ORG, GPE, LOC, "MISC") and word.split(None, 1)[0].lower().rstrip(".") in _HONORIFIC_ONLY \
                and _person_after_first(word, titled=True) and on("honorific-opens-person"):
            lab = PERSON  # "Councillor Jocasta Reyes" read as a company: only a person is given such a title
        elif lab == ORG and len(words := word.split()) == 2 and words[0].lower().rstrip(".") in _HONORIFIC_ONLY \
                and any(lb == PERSON and text[ps:pe].split()[-1] == words[1] and " " in text[ps:pe] for ps, pe, lb in out) \
                and on("title-opens-person"):
            lab = PERSON  # "PC Holt" read as a company, after "PC Danny Holt": the person named before
        if lab in (ORG, GPE, LOC) and _MET.search(text, max(0, s - 12), s) and _met_person(word) \
                and on("met-names-person"):
            lab = PERSON  # "We met Ottoline Brisk": people are met, married and thanked (NER train: 6 of 6 names so)
        if lab == PERSON and on("speech-verb-opens-person") and (start := speech_verb_opener(text, s, e)) is not None:
            s = start  # "Added Holm: “...”": the verb put before its speaker
        if lab == PERSON and on("participle-opens-person") and (start := participle_opener(text, s, e)) is not None:
            s = start  # "Named Fernhold, the ship ...": a participle opening the sentence, then the name
            word = text[s:e]
        if lab in (PERSON, ORG) and on("verb-opens-name") and (start := verb_opener(text, s, e)) is not None:
            s = start  # "Ask Marco at the front desk": an order opening the sentence, then the name
            word = text[s:e]
        if lab in (PERSON, ORG) and e - s > 5 and text.startswith("Dear ", s) and sentence_initial(text, s) \
                and (lab == PERSON or text[e:e + 1] in (",", ":")) and on("dear-opens-letter"):
            s, lab = s + 5, PERSON  # "Dear Aunt Margaret,": a letter's salutation to a person, not part of the name
            word = text[s:e]
            if " " not in word and word.lower() in lexicon().roles:
                continue  # "Dear Sir,": a title alone names nobody (session 31)
        if lab in (PERSON, ORG, "MISC") and (start := _office_place(word)) and _office_written(text, s, e) \
                and on("office-of-place"):
            s, lab = s + start, LOC  # "the Vicar of Wickham Abbas": an office, then the place it serves
            word = text[s:e]
        if lab == PERSON and on("trim-roles"):
            s = trim_roles(text, s, e)  # "Soprano Ana Kosmač" -> the person
        if lab in (PERSON, ORG, GPE, LOC, "MISC") and " and " in word and (cut := street_pair(text, s, e)) is not None \
                and on("street-first"):
            out.append((s, cut, FAC))  # "Plaza Mayor and Piazza Navona": two squares, not one organisation
            s, lab = cut + 5, FAC
            word = text[s:e]
        if lab in (PERSON, ORG, GPE, LOC, "MISC") and " " not in word and word.lower() in lexicon().street_first \
                and (end := street_end(text, s, e)) is not None and (i + 1 >= len(spans) or end <= spans[i + 1][0]) \
                and on("street-first"):
            e = end  # "on Calle" + "Mayor": the street's whole name (kind_of_name calls it a street)
            word = text[s:e]
        if lab in (PERSON, ORG, GPE, LOC, "MISC") and (start := street_start(text, s)) is not None \
                and (not out or start >= out[-1][1] or out[-1][0] == start) and on("street-first"):
            if out and out[-1][0] == start:
                out.pop()  # "Calle" tagged alone before "del Pino": part of the street's name
            s = start  # "on Via del " + "Corso": the street's whole name (kind_of_name calls it a street)
        if lab == PERSON and " " not in word and (m := _FIRST_NAME_BEFORE.search(text, max(0, s - 20), s)) \
                and _first_name_like(m.group(1)) and not sentence_initial(text, m.start(1)) \
                and (not out or out[-1][1] <= m.start(1)) and on("first-name-joins-person"):
            s = m.start(1)  # "called Barack" + "Obama": a first name the tagger left out of the person
            word = text[s:e]
        if lab in (PERSON, ORG, GPE, LOC) and word.lower() in _KIN_WORDS and word[1:].islower() and on("kin-word-no-name"):
            continue  # "Dear Mum and Dad,", "tell Gran": what a family calls its own, no name
        if lab in (PERSON, ORG, GPE, LOC) and _holiday(word) and on("holiday-is-a-date"):
            out.append((s, e, DATE))  # "every Christmas": a feast day, not a place (NER train never writes one)
            continue
        if lab in (PERSON, ORG, GPE, LOC, "MISC") and " " not in word \
                and (m := _VILLAGE_FIRST.search(text, max(0, s - 7), s)) \
                and (not out or out[-1][1] <= m.start()) and word[1:].islower() and word.isalpha() \
                and word.lower() not in lexicon().first_names and not _common_first(word) and on("village-first-word"):
            s, lab = m.start(), LOC  # "Lower" + "Skelby" (the tagger left the common word out): one village
            word = text[s:e]
        if lab in (PERSON, ORG, GPE, LOC, "MISC") and on("toponym-end"):
            e, lab = _toponym(text, s, e, lab, spans[i + 1][0] if i + 1 < len(spans) else len(text))
            word = text[s:e]
        ps, lab = particle_name(text, s, e, lab)
        if not out or ps >= out[-1][1]:
            s = ps  # the first name before the particle is not already part of another name
        out.append((s, e, kind_of_name(text, s, e, lab)))
    if on("school-name"):
        out = school_names(text, sorted(out))
    if on("relation-finds-person"):
        out = related_people(text, sorted(out))
    if on("called-names-person") and (" called " in text or " named " in text):
        out = called_people(text, sorted(out))
    if on("and-district-name") and " and District " in text:
        out = district_names(text, sorted(out))
    if on("club-initials-end-name") and _CLUB_INITIALS.search(text):
        out = club_names(text, sorted(out))
    if on("firm-of-two-surnames") and (" and " in text or " & " in text):
        out = two_surname_firms(text, sorted(out))
    if on("employer-of-two-surnames") and (" and " in text or " & " in text):
        out = employer_firms(text, sorted(out))
    if on("innings-names-club") and (" for " in text or " all out" in text):
        out = innings_clubs(text, sorted(out))
    if on("club-in-team-sport"):
        out = sport_clubs(text, sorted(out))
    if on("place-verb-after-name"):
        out = place_verb_names(text, sorted(out))
    if on("river-named-alone"):
        out = river_names(text, sorted(out))
    if on("inn-named-alone") and "the " in text:
        out = inn_names(text, sorted(out))
    return vehicles_everywhere(text, speaker_turns(text, _without_overlaps(out)))


_NOUN_AFTER = re.compile(r" ([a-z]+)\b")
_SCHOOL_END = re.compile(r"(?: (?:Primary|High|Junior|Infants?))+(?: (?:School|Academy))?(?![ \t]+[A-Z]|[\w'’-])")
_SCHOOL_WORDS = ("Primary", "High", "Junior", "Infant", "Infants")


# a letter's closing line, then the writer's name alone on the next line (a comma and a role may follow it)
_SIGN_OFF = re.compile(r"^[ \t]*(?:(?:Yours|Love|Lots of love|All my love|Much love|With (?:love|best wishes|every blessing|"
                       r"thanks)|Best wishes|Kind regards|Warm regards|Warmest wishes|Regards|Best|Cheers|Sincerely)"
                       r"(?:[ \t]+(?:ever|sincerely|faithfully|truly|always|from))?),[ \t]*\n[ \t]*"
                       r"([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?(?:[ \t][A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?){0,2})[ \t]*(?=$|,)",
                       re.MULTILINE)


def sign_off_names(text: str, spans: list[Span]) -> list[Span]:
    """The name alone on the line under a letter's closing ("Yours ever,\nClemency") is its writer: a person, not a
    company or a place, and found when the tagger left it out. Not a listed place or organisation."""
    lx = lexicon()
    out = list(spans)
    for m in _SIGN_OFF.finditer(text):
        s, e = m.span(1)
        low = m.group(1).lower()
        if low in lx.place_names or low in lx.known_orgs or low in lx.roles:
            continue
        inside = [i for i, (a, b, _) in enumerate(out) if a < e and s < b]
        if not inside:
            out.append((s, e, PERSON))
        elif len(inside) == 1 and out[inside[0]][:2] == (s, e):
            out[inside[0]] = (s, e, PERSON)
    return sorted(out)


# a saint's name with 's and nothing after it ("St Oswald's", "Saint Brendan's"): the church
_SAINTS_ALONE = re.compile(r"(?:St\.?|Saint)[ \t]+[A-Z][a-z]+['’]s")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
# what follows a church's name and not a possessive's noun: a stop, or a verb or 'in', 'on' ... ("St Wilfrid's was")
_CHURCH_ENDS = re.compile(r"(?:[ \t]+([a-z]+)\b|[ \t]*(?=[.,;:!?)\n]|$))")
_AFTER_A_CHURCH = verb_words() | {None, "in", "on", "at", "and", "or", "where", "which", "for", "to", "with"}


# a relation noun right before a lone capitalised word ("their son Gethin", "her husband, Tobin,"); not "partner", a
# company's partner too
_RELATION_NAME = re.compile(
    r"(?<![\w-])(?:wife|husband|son|daughter|sister|brother|mother|father|aunt|uncle|cousin|niece|nephew|grandson|"
    r"granddaughter|grandmother|grandfather|widow|widower|fiancée?|(?:man|woman|girl|boy|lady) (?:called|named)),?"
    r"[ \t]+([A-Z][a-z]+)(?![\w'’-]|[ \t]+[A-Z])")


def related_people(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised word the tagger left out right after a relation noun ("caught by their son Gethin") is a person.
    NER train: 9 such words persons, 1 an organisation, after "partner" (left out). Not a listed place, body, people,
    role or function word, nor a word news mostly writes in lower case."""
    from .clusters import more_often_lower

    lx = lexicon()
    added = []
    for m in _RELATION_NAME.finditer(text):
        s, e = m.span(1)
        low = m.group(1).lower()
        if low in lx.place_names or low in lx.known_orgs or low in lx.demonyms or low in lx.roles \
                or low in lx.stop_words or more_often_lower(m.group(1)):
            continue
        if not any(a < e and s < b for a, b, _ in spans):
            added.append((s, e, PERSON))
    return sorted(spans + added) if added else spans


# a league's division by its number ("Division Two", "Division 3"); NER train writes none with capitals
_LEAGUE_DIVISION = re.compile(r"Division (?:One|Two|Three|Four|Five|Six|[1-9])")
# a dinosaur's or another fossil animal's kind ("Spinosaurus", "Iguanodon"); NER train has none
_DINOSAUR = re.compile(r"[A-Z][a-z]+(?:saurus|raptor|odon|ceratops|therium|pteryx)")
# plural words for a club's or a school's groups put before their members' names ("Juniors Kit and Maisie ..."); NER
# train opens no name with one ("Twins", a baseball team, is left out)
_GROUP_WORDS = frozenset({"juniors", "seniors", "newcomers", "veterans", "members", "pupils", "students", "volunteers",
                          "trainees", "apprentices", "cadets"})
# "a man called Des", "an old woman named Ffion": the one capitalised word after it, nothing capitalised after that
_CALLED_NAME = re.compile(r" (?:called|named)[ \t]+([A-Z][a-z]+)(?![\w'’-]|[ \t]+[A-Z])")
_PERSON_NOUN_BEFORE = re.compile(r"(?<![\w-])(?:man|woman|girl|boy|lady|lad|chap|fellow|bloke|gentleman|someone|"
                                 r"somebody)$")


def called_people(text: str, spans: list[Span]) -> list[Span]:
    """A one-word name right after "a man called", "a woman named" ... is a person, whatever kind the tagger gave it
    ("a man called Des" read as Other). NER train has no capitalised word after these (0 either way); after "called"
    and "named" alone its words are bodies and places too, so the person's noun is required. Not a listed place, body,
    people or role."""
    lx = lexicon()
    at = {}
    for m in _CALLED_NAME.finditer(text):
        if not _PERSON_NOUN_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue
        low = m.group(1).lower()
        if low in lx.place_names or low in lx.known_orgs or low in lx.demonyms or low in lx.roles:
            continue
        at[m.span(1)] = True
    if not at:
        return spans
    return [(s, e, PERSON) if (s, e) in at and lab != PERSON else (s, e, lab) for s, e, lab in spans]


def _family_name_like(word: str, lx) -> bool:
    """A capitalised word (not all capitals) that no list knows as a place, given name, people or body: a family's
    name a firm may be named after."""
    low = word.lower()
    return word.isalpha() and word[:1].isupper() and not word.isupper() and low not in lx.place_names \
        and low not in lx.first_names and low not in lx.demonyms and low not in lx.known_orgs


def _firm_of_two_families(text: str, spans: list[Span], kinds, before: re.Pattern, reach: int) -> list[Span]:
    """Two one-word names joined by "and" or "&" (the tagger's place, person or body), each a family's name
    (_family_name_like) with no "'s" after the second, become one firm when `kinds(first label, second label)` holds and
    `before` matches the text up to the first name (at most `reach` characters back)."""
    lx = lexicon()
    out: list[Span] = []
    for s, e, lab in spans:
        if out:
            ps, pe, plab = out[-1]
            if text[pe:s] in (" and ", " & ") and plab in (ORG, PERSON, GPE, LOC) and lab in (ORG, PERSON, GPE, LOC) \
                    and kinds(plab, lab) and _family_name_like(text[ps:pe], lx) and _family_name_like(text[s:e], lx) \
                    and text[e:e + 1] not in ("'", "’") and before.search(text, max(0, ps - reach), ps):
                out[-1] = (ps, e, ORG)
                continue
        out.append((s, e, lab))
    return out


def employer_firms(text: str, spans: list[Span]) -> list[Span]:
    """Two one-word names joined by "and" or "&" right after "worked for", "joined", "employed by", "apprenticed to"
    ..., neither a listed place, given name, people or body, and with no "'s" after them, are one firm named after two
    families, whatever kinds the tagger gave them ("worked for Treloar and Mabbott" read as a place and a person).
    NER train has no two such names after these verbs (0 either way); after "worked for" its one name is Other."""
    return _firm_of_two_families(text, spans, lambda first, second: (first, second) != (ORG, ORG), _EMPLOYER_BEFORE, 16)


_EMPLOYER_BEFORE = re.compile(r"(?<![\w-])(?:work(?:ed|s|ing)? for|join(?:ed|s|ing)?|employed by|apprenticed to)[ \t]+$")


# a cricket innings' score after a team's name ("Wrayford 142 for 6", "Skelby 138 all out"); a score alone after it
_INNINGS_AFTER = re.compile(r"[ \t]+\d{1,3}(?:[ \t]+for[ \t]+\d{1,2}(?:[ \t]+dec(?:lared|\.)?)?|[ \t]+all[ \t]+out)(?![\w-])")
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}(?![\w-])")


def innings_clubs(text: str, spans: list[Span]) -> list[Span]:
    """A one-word name before an innings' score ("Skelby 138 all out", "Wrayford 142 for 6") is a club named after its
    town, an organisation, as is every mention of its word before a score ("..., Wrayford 164"); a listed place is a
    country's team and is left alone (NER train: its 3 team innings so are listed countries, no person; a player's
    figures are written "4-50", not "for")."""
    lx = lexicon()
    clubs = set()
    for s, e, lab in spans:
        word = text[s:e]
        if lab != ORG and word.isalpha() and word[:1].isupper() and word[1:].islower() \
                and word.lower() not in lx.place_names and _INNINGS_AFTER.match(text, e):
            clubs.add(word)
    if not clubs:
        return spans
    return [(s, e, ORG) if text[s:e] in clubs and _SCORE_AFTER.match(text, e) else (s, e, lab) for s, e, lab in spans]


# what a village does or suffers and a person is not written doing in NER train ("Minster Lovell voted", "Kelsey Moor
# was cut off"): 0 persons before these, one place ("Salvador voted")
_PLACE_VERB_AFTER = re.compile(r"[ \t]+(?:(?:was|were|has been|had been|is|got)[ \t]+(?:cut off|flooded|evacuated|"
                               r"twinned)|flooded|voted)(?![\w-])")


def place_verb_names(text: str, spans: list[Span]) -> list[Span]:
    """A 'person' of two capitalised words opening a sentence, its first word no given name, title or word news
    mostly writes in lower case, right before "voted", "flooded", "was cut off", "is twinned" ..., is a village: a
    place in every mention of it as a person ("Minster Lovell voted to keep its library")."""
    places = set()
    for s, e, lab in spans:
        if lab != PERSON or e >= len(text) or not _PLACE_VERB_AFTER.match(text, e):
            continue
        words = text[s:e].split()
        if len(words) == 2 and _no_given_name(words[0]) and words[1].isalpha() and words[1][1:].islower() \
                and words[1][:1].isupper() and sentence_initial(text, s):
            places.add(text[s:e])
    if not places:
        return spans
    return [(s, e, LOC) if lab == PERSON and text[s:e] in places else (s, e, lab) for s, e, lab in spans]


def district_names(text: str, spans: list[Span]) -> list[Span]:
    """A town's name, " and District " and a body's name right after it are one body ("the Whitcastle and District Folk
    Dance Society": the tagger read a place and a society, or a place and "District Folk Dance Society")."""
    out: list[Span] = []
    for s, e, lab in spans:
        if out and lab == ORG and " " not in text[out[-1][0]:out[-1][1]] and text[out[-1][0]:out[-1][0] + 1].isupper() \
                and (text[out[-1][1]:s] == " and District " or text[out[-1][1]:s] == " and "
                     and text.startswith("District ", s)):
            out[-1] = (out[-1][0], e, ORG)
            continue
        out.append((s, e, lab))
    return out


# a sports club's initials after its town's name ("Hatherden Magna CC", "Wexcombe AFC")
_CLUB_INITIALS = re.compile(r"[ \t](?:FC|AFC|RFC|RUFC|CC|CFC)(?![\w'’-])")


def club_names(text: str, spans: list[Span]) -> list[Span]:
    """A name followed by a sports club's initials ("FC", "AFC", "RFC", "CC"), or ending with them, is that club: one
    organisation (the tagger read "Hatherden FC" as a person and stopped "Hatherden Magna" + "FC" before the initials).
    NER train: both names ending in "FC" are organisations."""
    out: list[Span] = []
    for s, e, lab in spans:
        if (m := _CLUB_INITIALS.match(text, e)) and text[s:s + 1].isupper():
            out.append((s, m.end(), ORG))
        elif " " in text[s:e] and _CLUB_INITIALS.match(text, text.rfind(" ", s, e)) \
                and _CLUB_INITIALS.match(text, text.rfind(" ", s, e)).end() == e:
            out.append((s, e, ORG))
        else:
            out.append((s, e, lab))
    return _without_overlaps(out)


# a firm's preposition before the pair: work is done by, for, with or through a firm ("outside Ghent and Bernard
# talked", "from Tirana, Elira and Besnik" are no firm)
_FIRM_BEFORE = re.compile(r"(?<![\w-])(?:by|for|with|through|at|from|of|to)[ \t]+$")


def two_surname_firms(text: str, spans: list[Span]) -> list[Span]:
    """Two one-word names joined by "and" or "&", one of them an organisation and the other another kind, neither a
    listed place, given name, people or organisation, are one firm named after two families ("reprinted by Hollins" +
    "and" + "Fairweather": the tagger read a company and a place). NER train: 12 such names of two words are
    organisations ("Duff & Phelps"); of the 5 pairs of an organisation and a place read apart, every place is listed
    ("Iraq"). Only after a firm's preposition ("by", "for", "with" ...) and not before 's ("to Staffa and Fingal's
    Cave")."""
    return _firm_of_two_families(text, spans, lambda first, second: first != second and ORG in (first, second),
                                 _FIRM_BEFORE, 9)


# lower-case function words no name opens with (NER train: none; "de", "van", "al-" do)
_FUNCTION_FIRST = re.compile(r"(?:of|and|for|in|on|at|to|by|with|from|a|an|the)[ \t]+(?=[A-Z])")


def _no_function_word_first(text: str, s: int, e: int, lab: str) -> Span:
    """The span without the lower-case function words the tagger put in front of it ("Holt of" + "Holt Brothers"
    tagged "of Holt Brothers")."""
    while (m := _FUNCTION_FIRST.match(text, s)) and m.end() < e:
        s = m.end()
    return s, e, lab


# a capitalised preposition opening a sentence ("Beyond Oxcombe the valley narrows"; NER train opens no name with one of
# these but "Near East")
_PREPOSITION_FIRST = re.compile(r"(?:Beyond|Across|Along|Past|Towards|Toward|Beneath|Below|Above|Behind|Inside|Outside|"
                                r"Through|Throughout|Despite|Unlike|Among|Amid|Around|Within|Beside|Between|Into|Onto|"
                                r"Upon|Via)[ \t]+(?=[A-Z])")


def _no_preposition_first(text: str, s: int, e: int, lab: str) -> Span:
    """The span without the capitalised preposition opening its sentence that the tagger put in front of it."""
    if (m := _PREPOSITION_FIRST.match(text, s)) and m.end() < e and sentence_initial(text, s):
        return m.end(), e, lab
    return s, e, lab


# "Neighbouring Ashby Wrayford voted", "the nearby Tollerby": NER train names after these 12 places, 2 peoples' words and
# one club named after its town, and never puts the word inside a name
_NEIGHBOURING = re.compile(r"(?:Neighbou?ring|Nearby)[ \t]+(?=[A-Z])")
_NEIGHBOURING_WORD = re.compile(r"(?<![\w-])(?:[Nn]eighbou?ring|[Nn]earby)[ \t]+(?=[A-Z])")
_NEIGHBOURING_BEFORE = re.compile(r"(?<![\w-])(?:[Nn]eighbou?ring|[Nn]earby)[ \t]+$")


def _neighbouring_place(text: str, s: int, e: int, lab: str) -> Span:
    """A name after "neighbouring" or "nearby" (cut off the name when the tagger put it inside) read as a person or
    Other, no people's word, is a place."""
    if (m := _NEIGHBOURING.match(text, s)) and m.end() < e:
        s = m.end()
    elif not _NEIGHBOURING_BEFORE.search(text, max(0, s - 14), s):
        return s, e, lab
    low = text[s:e].lower()
    if lab in (PERSON, "MISC") and low not in lexicon().demonyms and low not in _PEOPLES \
            and not low.endswith(_LANGUAGE_ENDINGS):
        lab = LOC
    return s, e, lab


# "in" before a lone name, but not after a stake's or a market's word ("a stake in Ingwe", "trading in MFS")
_IN_PLACE = re.compile(r"(?:(?<![\w'’-])([A-Za-z]+)[ \t]+in|(?:^|(?<=[.!?\n]))[ \t]*In)[ \t]+$")
_NOT_A_PLACE_IN = frozenset("stake stakes share shares trading interest interests holding holdings investment "
                            "investments invested investing invest option options position positions".split())


# a plural subject's verb right after a word opening a sentence ("Sandbags were", "Ambulances are")
_PLURAL_VERB = re.compile(r" (?:were|are|have|had|will|would|could|can|did|do|must|should|may|might)\b")


def _plural_shape(word: str) -> bool:
    """Is the capitalised word shaped as a plural common noun ("Sandbags", "Ambulances"): five letters or more ending
    in -s (not -ss, -us, -is, -'s), no listed place, organisation, people's word or given name?"""
    low = word.lower()
    lx = lexicon()
    return len(word) >= 5 and word.isalpha() and word[1:].islower() and low.endswith("s") \
        and not low.endswith(("ss", "us", "is")) and low not in lx.place_names and low not in lx.known_orgs \
        and low not in _PEOPLES and low not in lx.first_names


def _named_inside(text: str, word: str) -> bool:
    """Is `word` written with its capital inside a sentence somewhere in the text ("the White Sea", "Ada White")?"""
    from .name_starts import sentence_initial

    return any(not sentence_initial(text, m.start())
               for m in re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", text))


def _adjective_before_noun(text: str, s: int, e: int) -> bool:
    """Is the one word at [s, e) a word news also writes in lower case ("brown"), followed by a lower-case word that is
    no verb, adverb or function word ("water")? A person's name opening a sentence is followed by a verb, a comma or
    "and"; an adjective by its noun."""
    m = _NOUN_AFTER.match(text, e)
    if not m or not lower_word(text[s:e].lower()):
        return False
    nxt = m.group(1)
    return lower_word(nxt) and nxt not in verb_words() and nxt not in lexicon().stop_words


def school_names(text: str, spans: list[Span]) -> list[Span]:
    """A name followed by (or ending in) 'Primary', 'High', 'Junior' or 'Infants' (and 'School' or 'Academy') is a
    school: one organisation ("Brindle Green Primary", "Harlow Mead High School")."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s, e, lab = spans[i]
        i += 1
        if lab in (NORP, "MISC", DATE) or not text[s:s + 1].isupper():
            out.append((s, e, lab))
            continue
        m = _SCHOOL_END.match(text, e)
        if m:
            j = i
            while j < len(spans) and spans[j][1] <= m.end():
                j += 1  # "Harlow Mead" + "School": the school's head word, tagged apart
            if j == len(spans) or spans[j][0] >= m.end():
                i = j
                out.append((s, m.end(), ORG))
                continue
        words = text[s:e].split()
        if len(words) > 1 and (words[-1] in _SCHOOL_WORDS or words[-1] in ("School", "Academy")
                               and words[-2] in _SCHOOL_WORDS) and lab != ORG:
            lab = ORG  # "Wickmere Primary" read as a place
        out.append((s, e, lab))
    return out


_OFFICE_OF = re.compile(r"([A-Z][a-z]+) of ((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*)(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)*)*)$")


def _office_place(word: str) -> int:
    """Where the place starts in a name that is an office 'of' a place ("Vicar of Wickham Abbas", "Mayor of Tullen"):
    the first word a role (roles.txt), the words after 'of' all capitalised, the first of them no word news mostly
    writes in lower case ("Secretary of State", "Minister of Home Affairs"), none an organisation's word ("Chief of
    Harbour Police"); 0 for any other name."""
    from .clusters import more_often_lower

    m = _OFFICE_OF.match(word)
    if not m or m.group(1).lower() not in lexicon().roles:
        return 0
    tail = m.group(2).split()
    lx = lexicon()
    if more_often_lower(tail[0]) or any(w.lower() in lx.org_words or w.lower() in lx.roles for w in tail) \
            or tail[-1].lower() in _ORG_HEADS:
        return 0
    return m.start(2)


def _office_written(text: str, s: int, e: int) -> bool:
    """Is the name at [s, e) written as an office is: after "the" ("the Vicar of ..."), or as a signature's line of its
    own ("Vicar of Holcombe Priors" alone on its line, or before "and" another place)?"""
    if text[max(0, s - 4):s] in ("the ", "The "):
        return True
    if s and text[s - 1] != "\n":
        return False
    line_end = text.find("\n", e)
    rest = text[e:line_end if line_end >= 0 else len(text)].strip()
    return not rest or rest.startswith("and ") and rest[4:5].isupper()


_ORG_HEADS = entity_words().org_only_heads | entity_words().institutions | entity_words().body_nouns
_TOPONYM_ENDS = entity_words().toponym_ends
_TOPONYM_FIRSTS = entity_words().toponym_firsts


def _alone_end(word: str) -> bool:
    """Does the word end a place's name so surely that a 'person' of a word that is no given name and it is a place
    with no preposition before it: a toponym end (entity_words.txt; landforms.txt's are landform-names-word's)?"""
    return word.lower() in _TOPONYM_ENDS


# the places a landform is written from that _PLACE_BEFORE leaves out ("the limestone above Grisedale Scar")
_ABOVE = re.compile(r"\b(?:above|below|beyond|over|around|towards|toward|behind|under|beneath|outside)[ \t]+$",
                    re.IGNORECASE)
_VILLAGE_FIRST = re.compile(r"(?<![\w'’-])(?:Lower|Upper|Nether|Great|Little) $")
_TOPONYM_AFTER = re.compile(r" ([A-Z][a-z]+)(?![\w'’-]| [A-Z])")


_HOLIDAYS = entity_words().holidays
_KIN_WORDS = entity_words().kin_words
_HOLIDAY_TAILS = ("Day", "Eve", "Sunday", "Monday")


def _holiday(word: str) -> bool:
    """Is the name a feast day or a holiday ("Christmas", "Easter Monday", "Christmas Eve"), written with its capital?"""
    words = word.split()
    return 1 <= len(words) <= 2 and words[0][:1].isupper() and not words[0].isupper() \
        and words[0].lower() in _HOLIDAYS and (len(words) == 1 or words[1] in _HOLIDAY_TAILS)


def _no_given_name(word: str) -> bool:
    """Could the capitalised word open a place's name rather than a person's: no listed given name, no word plain news
    writes before another name (name_openers.txt, learned), no title, and no word news mostly writes in lower case
    ("Red Cross")?"""
    from .clusters import more_often_lower

    low = word.lower()
    lx = lexicon()
    return word.isalpha() and word[:1].isupper() and not word.isupper() and low not in lx.first_names \
        and low not in lx.name_openers and low not in lx.roles and low not in lx.stop_words and not more_often_lower(word)


def _toponym(text: str, s: int, e: int, lab: str, nxt: int) -> tuple[int, str]:
    """(end, label) of a name once a place-name ending is read: "Harrowgate" + " End" (the tagger stopped at the common
    word) is one place; "Pelling Moss", "Salt Row" read as a person or a company are places, as is "Nether Holcombe" read
    as a person. A person only after a place's preposition ("from Pelling Moss"): "Kate Moss" keeps her listed given
    name, and an unknown one needs the preposition."""
    from .clusters import more_often_lower
    from .kinds import _PLACE_BEFORE

    words = text[s:e].split()
    if len(words) == 1 and _no_given_name(words[0]) and (m := _TOPONYM_AFTER.match(text, e)) \
            and m.group(1).lower() in _TOPONYM_ENDS and m.end() <= nxt:
        if lab != PERSON or _PLACE_BEFORE.search(text, max(0, s - 12), s):
            return m.end(), LOC
    if len(words) == 2 and lab in (PERSON, ORG, "MISC") and _no_given_name(words[0]) and words[1][1:].islower() \
            and (words[1].lower() in _TOPONYM_ENDS or lab == PERSON and words[0].lower() in _TOPONYM_FIRSTS):
        if lab != PERSON or _PLACE_BEFORE.search(text, max(0, s - 12), s):
            return e, LOC
    if len(words) == 2 and words[0].lower() in _TOPONYM_FIRSTS and words[1][1:].islower() and words[1].isalpha() \
            and words[1].lower() not in lexicon().first_names and (lab == PERSON or lab in (ORG, "MISC")
                                                                   and not _common_first(words[1])) \
            and on("village-first-word"):
        return e, LOC  # "Lower Skelderton lost its bus": no person opens with Lower / Upper / Great / Little
    if len(words) == 2 and lab == PERSON and _no_given_name(words[0]) and words[1][1:].islower() \
            and _alone_end(words[1]) and (_PLACE_BEFORE.search(text, max(0, s - 12), s)
                                          or _ABOVE.search(text, max(0, s - 12), s)
                                          or sentence_initial(text, s) and more_often_lower(words[1])) \
            and on("toponym-end-alone"):
        return e, LOC  # "Grisedale Scar", "Askerby Cross voted": a place's ending after a word that is no given name
    if len(words) == 2 and lab in (ORG, "MISC") and words[1][1:].islower() and words[1].lower() in _TOPONYM_ENDS \
            and _common_first(words[0]) and _LIVED_ON.search(text, max(0, s - 12), s) and on("common-word-toponym"):
        return e, LOC  # "the houses on Mill Row": a common word first, after a preposition no firm is written after
    if len(words) == 2 and lab in (ORG, "MISC") and words[1] in _TOPONYM_OR_BANK and _common_first(words[0]) \
            and text[max(0, s - 4):s].lower() == "the " and _SIDE_AFTER.match(text, e) and on("the-side-of-a-place"):
        return e, LOC  # "pupils from the Mill Bank side": one side of a river or a town, not a bank of money
    if len(words) == 2 and lab in (ORG, "MISC") and words[1] == "Bank" and _common_first(words[0]) \
            and _ALONG.search(text, max(0, s - 12), s) and on("common-word-bank"):
        return e, LOC  # "the houses on Mill Bank": a bank of a river, not a bank of money ("in Land Bank" may be)
    return e, lab


# "the Mill Bank side", "the Church End end": a part of a town or a river, named by its side
_SIDE_AFTER = re.compile(r" (?:side|end|half)\b")
_TOPONYM_OR_BANK = frozenset(w.capitalize() for w in _TOPONYM_ENDS) | {"Bank"}


# prepositions a riverside street or a slope is written after and a bank of money is not ("on Mill Bank")
_ALONG = re.compile(r"\b(?:on|along|off|past|up|down)[ \t]+$")


# prepositions a street or a hamlet is written after and a company hardly ever without "the" ("on Mill Row")
_LIVED_ON = re.compile(r"\b(?:on|in|along|near|off|past|into)[ \t]+$")


def _common_first(word: str) -> bool:
    """A capitalised word news mostly writes in lower case ("Mill", "Church", "Market"), no given name nor title."""
    from .clusters import more_often_lower

    low = word.lower()
    return word.isalpha() and word[:1].isupper() and not word.isupper() and more_often_lower(word) \
        and low not in lexicon().first_names and low not in lexicon().roles


_SAID_AFTER_QUOTE = re.compile(r"[,?!…][\"”] (?:said|says) ([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)(?=[.,;]|$)"
                               r"|[,?!…][\"”] ([A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?) (?:said|says)(?=[.,;])")


def said_speakers(text: str, spans: list[Span]) -> list[Span]:
    """A lone capitalised word right after a quotation's closing mark and "said" ('," said Quillet.'), or right before
    "said" there ('," Quillet said.'), speaks: a person, not a place or a company the tagger made of an unknown
    surname, nor nothing. Not a listed place or organisation, a people's word, a word in capitals or one news mostly
    writes in lower case ('," police said')."""
    if "said" not in text and "says" not in text:
        return spans
    from .clusters import more_often_lower

    lx = lexicon()
    by_span = {(s, e): i for i, (s, e, _) in enumerate(spans)}
    out = list(spans)
    added = False
    for m in _SAID_AFTER_QUOTE.finditer(text):
        g = 1 if m.group(1) else 2
        s, e = m.span(g)
        word = m.group(g)
        low = word.lower()
        if low in lx.place_names or low in lx.known_orgs or low in lx.demonyms or low in lx.stop_words \
                or more_often_lower(word):
            continue
        at = by_span.get((s, e))
        if at is not None:
            if out[at][2] in (GPE, LOC, ORG, "MISC"):
                out[at] = (s, e, PERSON)  # '," said Quillet.' read as a place
        elif not any(ps < e and s < pe for ps, pe, _ in spans):
            out.append((s, e, PERSON))  # '," Ostrander said.' not read as a name at all
            added = True
    return sorted(out) if added else out


# verbs whose object is a person ("We met Ottoline Brisk"); not "visited", "beat" (places, clubs)
_MET = re.compile(r"(?<![\w'’-])(?:met|meet|meets|married|marry|thanked|thank|greeted|hugged|interviewed)[ \t]+$")


def _met_person(word: str) -> bool:
    """Could the name be a person's full name: two capitalised words of letters, no body's, trade's or place's word,
    the first no word news mostly writes in lower case ("Brisk" may be a surname), and no listed place or
    organisation?"""
    from .clusters import more_often_lower

    words = word.split()
    lx = lexicon()
    return len(words) == 2 and all(w.isalpha() and w[:1].isupper() and w[1:].islower() for w in words) \
        and not any(w.lower() in _HEADS or w.lower() in _BODY_NOUNS or w.lower() in _TRADE_WORDS
                    or w.lower() in _TOPONYM_ENDS or w.lower() in lx.landforms_last or w.lower() in lx.place_names
                    for w in words) and not more_often_lower(words[0]) \
        and word.lower() not in lx.place_names and word.lower() not in lx.known_orgs


def _person_joined(text: str, word: str, e: int, nxt: Span | None) -> bool:
    """Are the words after a group's word ("Juniors Kit", read as a company) a person's: capitalised words, none a body's
    word nor a listed place, and a person joined to them by "and" right after ("... and Maisie Thorogood")?"""
    rest = word.split()[1:]
    return nxt is not None and nxt[2] == PERSON and text[e:nxt[0]] == " and " and len(rest) <= 2 \
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in rest) \
        and not any(w.lower() in _HEADS or w.lower() in _BODY_NOUNS or w.lower() in lexicon().place_names for w in rest)


def _person_after_first(word: str, rare: bool = False, titled: bool = False) -> bool:
    """Are the words after the first a person's full name: two or three capitalised words, none a body's word ("Party",
    "Corporation") or one news mostly writes in lower case ("Conference"), the first a listed given name or one plain
    news writes before another name ("Kiwi Sam Hale", "PC Danny Holt")? With `rare`, the first and the last words
    instead both unknown to the word clusters ("Churchwarden Dilys Penhale"); with `titled` (the first word a title only
    a person is given, "Councillor"), any two such words ("Councillor Jocasta Reyes")."""
    words = word.split()
    if not 3 <= len(words) <= 4 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words[1:]) \
            or any(w.lower() in _HEADS or w.lower() in _BODY_NOUNS for w in words[1:]):
        return False  # "Scottish National Party": a body's name, its words no person's
    from .clusters import more_often_lower

    if any(more_often_lower(w) for w in words[1:]):
        return False  # "Episcopal Conference": a common noun, no surname
    given = words[1].lower()
    if titled:
        return len(words) == 3 and given not in lexicon().place_words
    if rare:  # a given name the word clusters never saw ("Churchwarden Dilys Penhale"; session 32)
        from .clusters import cluster_path

        return cluster_path(words[1]) is None and cluster_path(words[-1]) is None
    return given in lexicon().first_names or given in lexicon().name_openers


def _first_name_like(word: str) -> bool:
    """Could the capitalised word be a first name: a listed one, or no function word, time word or word news mostly
    writes in lower case ("Barack", not "The", "Monday", "Crucially")?"""
    from .clusters import more_often_lower

    lw = word.lower()
    if lw in lexicon().first_names:
        return True
    return lw not in lexicon().stop_words and lw not in lexicon().time_words and lw not in lexicon().roles \
        and not more_often_lower(word)


_APOSTROPHE_GAP = ("' ", "’ ")
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+) $")
_PEOPLES = lexicon().demonyms | lexicon().peoples
_HONORIFIC_ONLY = entity_words().honorific_only
_TRADE_WORDS = entity_words().trade_words
# the people of a place after its name ("Brenmoor residents"; NER train: "Bogra residents", a place)
_RESIDENTS_AFTER = re.compile(r" (?:residents|villagers|householders|shopkeepers|parishioners|townspeople|ratepayers)\b")
_FROM_IN = re.compile(r"(?<![\w-])(?:from|in|near) $")
_LANGUAGE_ENDINGS = ("ic", "ish", "ese", "ian", "an", "i")  # "in Arabic.", "in Swahili,": languages stay MISC
_HEADS = lexicon().org_words | entity_words().institutions
_BODY_NOUNS = entity_words().body_nouns
_FOREIGN_LINKS = entity_words().foreign_links


_APPOSITION = re.compile(r",[ \t]+(?:a|an|the)[ \t]+([a-z][a-z -]{0,60}?)(?=[,.;:)]|[ \t]+(?:of|for|that|which|who|whose|"
                         r"based|with|in|at|on|to|from|representing|and|by|near|since)\b)")
_FILLER_STOPS = frozenset("a an the of for in at on to from by with and or".split())


def _apposition_says_body(text: str, e: int) -> bool:
    """Does an apposition right after the name say it is a body ("..., a union of small bakeries", "..., the
    bakers' cooperative")? Its head is the last of at most four lower-case words before a comma or a preposition."""
    m = _APPOSITION.match(text, e)
    if not m:
        return False
    words = m.group(1).replace("-", " ").split()
    if not words or len(words) > 4 or any(w in _FILLER_STOPS for w in words):
        return False
    return words[-1] in _BODY_NOUNS


_ADJECTIVE_AND = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:al|ic|ary))(?: and |, and )$")


def _adjective_and(text: str, s: int, e: int, lab: str, out: list[Span]) -> int | None:
    """Start of "National and University Library" when [s, e) is a name ending in an institution word and
    right before it stands a capitalised adjective (-al, -ic, -ary) and "and", untagged or a lone name the tagger
    made a place or an organisation (session 15): the adjective is the first half of the name."""
    if lab not in (ORG, GPE, LOC) or text[s:e].rsplit(None, 1)[-1].lower() not in _HEADS:
        return None
    m = _ADJECTIVE_AND.search(text, max(0, s - 24), s)
    if not m or m.group(1).lower() in lexicon().place_names or sentence_initial(text, m.start(1)):
        return None
    if out and out[-1][1] > m.start(1) and not (out[-1][0] == m.start(1) and out[-1][1] == m.end(1)
                                                  and out[-1][2] in (GPE, LOC, ORG, "MISC", "NORP")):
        return None
    return m.start(1) if on("adjective-and-name") else None


# a short function word written with its capital inside a sentence, right after a capitalised word and before a
# lower-case word or a stop: the end of a name ("Hoi An", "Kep On"). NER train has none outside names (session 34).
_FUNCTION_WORD_NAME = re.compile(r"(?:(?<=[a-z,;.!?] )|^)([A-Z][a-z]+) (An|On|In|At|To|By|Do|So|Me|Up|Go|Be)(?= [a-z]|[.,;:!?)])",
                                 re.MULTILINE)
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|at|to|from|near|via|into|of)[ \t]+$")


def function_word_names(text: str, spans: list[Span]) -> list[Span]:
    """A name the tagger stopped before a capitalised function word inside a sentence ("in Hoi" + "An") runs on to
    it. A one-word "person" that is no listed given name runs on too and is a place ("Hoi An is busy"); a person's
    full name does not ("Ada Brent In ..."). The two words untagged after "in", "to", "from" ... are a place ("We
    stayed in Hoi An")."""
    ends = {e: i for i, (_, e, _) in enumerate(spans)}
    out = list(spans)
    added = []
    for m in _FUNCTION_WORD_NAME.finditer(text):
        i = ends.get(m.end(1))
        if i is not None:
            s, e, lab = out[i]
            if lab == PERSON and (s != m.start(1) or m.group(1).lower() in lexicon().first_names):
                continue
            if s <= m.start(1) and (i + 1 >= len(out) or out[i + 1][0] >= m.end()):
                if i + 1 < len(out) and out[i + 1][0] == m.start(2):
                    continue
                out[i] = (s, m.end(), LOC if lab == PERSON else lab)
            continue
        if any(s < m.end() and m.start(1) < e for s, e, _ in spans):
            continue
        if _PLACE_WORD_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1)) \
                and m.group(1).lower() not in lexicon().first_names:
            added.append((m.start(1), m.end(), LOC))
    if added:
        out = sorted(out + added)
    return out


def _joined(text: str, spans: list[Span]) -> list[Span]:
    """Two names the tagger split apart that are one: "Ta'" + "Qali" (a short particle ending in an apostrophe),
    an organisation whose name goes on over a foreign linking word ("Treni" + "per" + "Tutti"), and an adjective
    joined by "and" to an institution ("National" + "and" + "University Library")."""
    out: list[Span] = []
    for s, e, lab in spans:
        if (start := _adjective_and(text, s, e, lab, out)) is not None:
            if out and out[-1][1] > start:
                out.pop()
            out.append((start, e, ORG))
            continue
        if out:
            ps, pe, plab = out[-1]
            gap = text[pe:s]
            if gap in _APOSTROPHE_GAP and pe - ps <= 3 and text[ps:ps + 1].isupper() and lab in (GPE, LOC, PERSON, ORG) \
                    and on("apostrophe-particle"):
                out[-1] = (ps, e, plab if plab in (GPE, LOC) else lab)
                continue
            if plab == ORG and gap[:1] == " " and gap[-1:] == " " and gap.strip() in _FOREIGN_LINKS \
                    and text[s:s + 1].isupper() and on("foreign-link-word"):
                out[-1] = (ps, e, ORG)
                continue
        out.append((s, e, lab))
    return out


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Sorted spans, a span that overlaps the one before it dropped (a safety net for the rules above)."""
    out: list[Span] = []
    for sp in sorted(spans):
        if sp[0] >= sp[1]:
            continue
        if out and sp[0] < out[-1][1]:
            continue
        out.append(sp)
    return out
