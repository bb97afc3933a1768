"""The plain-text importer: text copied from a news page, header and footer junk included.

Layout we recognise (every part optional, see the tests for the variations):

    Latin America Politics USA World          <- section tags
    <headline>
    <headline again>                          <- dropped
    Source: AFP
      • Published January 14, 2026            <- or Updated / other date forms
    <body paragraphs>
    Rio Times Staff                           <- byline (may also sit above the body)
    <Paper> publishes letters, opinions ...   <- publisher footer, dropped

Plain text without that layout: the first non-empty line is the title, the rest the body.
"""

from __future__ import annotations

import re

from tui.importers.clean import block_paragraphs, blocks, clean_lines, clean_text, squash
from tui.importers.dates import day_ahead, parse_date
from tui.importers.tags import known_tags, looks_like_tags, split_tags
from tui.importers.titles import first_sentence
from tui.models import Article

_SOURCE = re.compile(r"^(?:source|sources|outlet|via|credit|agency)\s*:\s*(\S.{0,79})$", re.I)
_DATED = re.compile(
    r"^(first published|published|updated|last updated|posted|last modified|modified|date)\b\s*:?\s*(?:on\s+)?(.*)$",
    re.I,
)
_BY = re.compile(r"^(?:By|BY|by)\s+([A-Z\u00c0-\u00de].{1,90})$")  # a capitalised name follows
# a note's labelled writer line, "Author: Ana Liss", "By: Ana Liss" (walk37: it stayed in the text, and so did the
# "Date:" and "Source:" lines under it, the note undated)
_BY_LABEL = re.compile(r"^(?i:author|authors|writer|written by|byline|by)\s*:\s*([A-Z\u00c0-\u00de].{1,90})$")
# a note's labelled headline, "Title: Notes from the council" (walk37: the label was kept in the title)
_TITLE_LABEL = re.compile(r"^(?i:title|headline)\s*:\s*(?=\S)")
_STAFF = re.compile(
    # capitalised words, and after the first one "and", "of", "the", "&" ("Times of Brannick Staff", "Evening Standard
    # and Advertiser Staff": with capitals only, such a line stayed in the body and its words became a "person")
    r"^(?:[A-Z][\w&'’.-]*\s+(?:(?:[A-Z][\w&'’.-]*|and|of|the|&)\s+){0,6})?(?:Staff|Staff Writer|Staff Reporter|Newsroom|News Desk|Desk|"
    r"Editorial Team|Editorial Board|Editors|Correspondent|Reporters?|Wire Services)$"
)
_READ_TIME = re.compile(r"^\d+\s*(?:min|minute)s?\s*read$", re.I)
_PART_SPLIT = re.compile(r"\s+[|•·]\s+|^[•·]\s*|\s+[•·]\s*")
_LEADING_BULLETS = re.compile(r"^[\s•·*|–—-]+")

# Whole paragraphs that are page furniture wherever they appear.
_FURNITURE = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|share( this( article| story)?)?( on \w+)?|"
    r"click to share.*|skip to (main )?content|read more|related( articles| stories| news)?|"
    r"continue reading|print|email|comments?|follow us.*|subscribe( now)?|sign up|loading\.*)[.:!]?$",
    re.I,
)
# Wording of a publisher's own boilerplate (disclaimers, copyright, newsletter pitches).
_FOOTER = re.compile(
    r"publishes\b.{0,60}\b(letters|opinions|submissions|tips)|does not necessarily reflect|"
    r"as a public service|all rights reserved|^(©|copyright\b|\(c\)\s)|"
    r"\b(views|opinions) expressed\b|not (be )?(held )?(responsible|liable) for|"
    r"\bmay not be (re)?(published|produced|distributed)|without (prior )?(written )?permission|"
    r"(subscribe|sign up) (to|for) (our|the) (\w+ )?newsletter|"
    r"this (article|story|content) (was|is|has been) (originally )?(published|produced|provided) (by|on|in)",
    re.I,
)
_FOOTER_CUES = re.compile(
    r"\b(publish(es|er|ing)?|submissions?|letters|opinions|views|reflect|necessarily|disclaimer|"
    r"editorial polic(y|ies)|copyright|reserved|newsletter|subscribe|terms of (use|service)|"
    r"privacy|cookies|readers)\b",
    re.I,
)
# Every _FOOTER and _FOOTER_CUES match contains one of these (lowercased), so a paragraph
# with none of them skips the regexes.
_FOOTER_HINTS = ("publish", "reflect", "public service", "reserved", "©", "copyright", "(c)", "expressed",
                 "responsib", "liable", "permission", "newsletter", "this article", "this story",
                 "this content", "disclaimer", "submission", "letters", "opinions", "views",
                 "necessarily", "editorial polic", "subscribe", "terms of", "privacy", "cookies", "readers",
                 "sign up")
_PUBLISHER = re.compile(r"^(?:The\s+)?([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,5})\s+publishes\b")


def parse_text(text: str, name: str = "") -> Article:
    """Parse a plain-text article (a news-page dump or plain prose) into an Article."""
    lines = clean_lines(text)
    if not any(lines):
        return Article(title="", body="")
    meta: dict = {"tags": [], "source": "", "byline": "", "published": None, "updated": None}
    title, start = _header(lines, meta)
    paras = _body_paragraphs(lines[start:])
    paras = _strip_tail(paras, meta)
    paras = [p for p in paras if not _FURNITURE.match(p)]
    return Article(
        title=title,
        body="\n\n".join(paras),
        source=meta["source"],
        byline=meta["byline"],
        published=meta["published"] or meta["updated"],
        tags=meta["tags"],
    )


def _header(lines: list[str], meta: dict) -> tuple[str, int]:
    """Read the tags line, headline and meta lines at the top; return the title and the
    index of the first body line. Metadata found goes into `meta`."""
    filled = [i for i, line in enumerate(lines) if line]
    # Meta lines may also sit above the headline (a date before the title): set them
    # aside so they are not taken for the tags line or the title.
    early: list[tuple[int, dict]] = []
    cand: list[int] = []
    for i in filled[:8]:
        found: dict = {}
        if len(cand) < 3 and _meta_line(lines[i], found):
            early.append((i, found))
        else:
            cand.append(i)
    cand += filled[8:]
    if not cand:  # nothing but meta lines: the first one is all the title there is
        cand, early = list(filled), []
    # A Source/date line right under the second candidate says that candidate is the title.
    below = cand[2] if len(cand) > 2 else len(lines)
    meta_under_second = len(cand) > 1 and any(cand[1] < i < below for i, _ in early)
    title, used = _title_and_tags(lines, cand, meta, meta_under_second)
    title = unlabelled(title)
    last = cand[used - 1]
    for i, found in early:
        if i < last:
            for key, value in found.items():
                meta[key] = meta.get(key) or value
    alone = not any(i > last for i in filled)
    if (len(title) > MAX_TITLE or alone and _SENTENCE_BREAK.search(title)) and not meta["tags"]:
        # A first "line" this long is prose (one pasted paragraph), not a headline: keep it
        # in the body and title the article with its first sentence. So is a line of two sentences or
        # more with nothing under it (`echo "..." | newsreader summary -` said "title only").
        return _first_sentence(title), last
    if used == 1 and not meta["tags"] and _prose_lead(title, next((lines[i] for i in filled if i > last), "")):
        # A sentence with more prose under it (a text of a sentence a line, no headline) lost that sentence to the
        # title: it stays the title, as before, and is the body's first sentence too.
        return title, last
    # Meta lines (source, date, byline, the title again) directly under the headline; an outlet's or a writer's name
    # on a line of its own among them (`_name_line`).
    rest = [i for i in filled if i > last][:8]
    for n, i in enumerate(rest):
        if lines[i] == title or _meta_line(lines[i], meta):
            continue
        dated_next = False
        if n + 1 < len(rest):
            found: dict = {}
            dated_next = _meta_line(lines[rest[n + 1]], found) and bool(found.get("published") or found.get("updated"))
        if not _name_line(lines[i], meta, dated_next, after_meta=n > 0):
            return title, i
    return title, (rest[-1] + 1 if rest else last + 1)


def unlabelled(title: str) -> str:
    """A headline without its "Title: " or "Headline: " label (walk37: the label was kept in the title); as it is when
    it has none, or nothing after it."""
    return _TITLE_LABEL.sub("", title, count=1)


# Words an outlet's name holds ("Fenland Post", "Radio Ossing", "The Kessby Evening Courier"), not a person's.
_OUTLET_WORDS = {
    "post", "times", "news", "herald", "radio", "gazette", "courier", "press", "journal", "tribune", "daily", "wire",
    "chronicle", "observer", "standard", "express", "mail", "telegraph", "guardian", "review", "echo", "record",
    "mirror", "agency", "network", "weekly", "bulletin", "advertiser", "argus", "sentinel", "examiner", "dispatch",
    "inquirer", "monitor", "globe", "register", "leader", "tv", "fm", "broadcasting", "media", "newsroom", "ledger",
    "magazine", "reporter", "star", "sun", "independent", "citizen", "gazet", "zeitung", "tagblatt", "newswire",
}


def _outlet_name(part: str) -> bool:
    """Whether `part` reads as an outlet's name: name-shaped (titles._name_shaped), of at most 80 characters, with a
    word of _OUTLET_WORDS in it."""
    from tui.importers.titles import _name_shaped

    return (len(part) <= 80 and _name_shaped(part)
            and any(w.strip(".'’").lower() in _OUTLET_WORDS for w in part.split()))


def _name_line(line: str, meta: dict, dated_next: bool, after_meta: bool) -> bool:
    """A line of a name among the meta lines under a headline, recorded in `meta`: an outlet's name (a word such as
    "Post", "Herald", "Radio" in it, or one word alone) right above a date line or right under another meta line is
    the source; two to four capitalised words (no outlet's word) right above a date line are the byline. A text laid
    out as a page shows it, "Headline / Fenland Post / 2026-12-01 / text": the name and the date opened the text
    ("Fenland Post 2026-12-01"), and the article was dated when it was added (walk35)."""
    from tui.importers.titles import _name_shaped

    if len(line) > 80 or not _name_shaped(line) or not (dated_next or after_meta):
        return False
    words = line.split()
    if _outlet_name(line) or (len(words) == 1 and dated_next):
        meta["source"] = meta["source"] or line
        return True
    if dated_next and 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words):
        meta["byline"] = meta["byline"] or line
        return True
    return False


MAX_TITLE = 200
# the end of one sentence and the start of the next: ". The", '?" She', ".” 12"
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z0-9]")


def _prose_lead(line: str, under: str) -> bool:
    """Whether a first line with no headline layout around it (no tags line, no repeated title) is plainly the text's
    first sentence, not a headline: a sentence of some words ending in a full stop (a headline has none), with a line
    of prose under it that is no meta line (source, date, byline) and itself ends a sentence or runs on."""
    if not line.endswith(".") or line.endswith("..") or len(line.split()) < 4 or not under:
        return False
    if _meta_line(under, {}) or under == line:
        return False
    return under.rstrip("\"”’')").endswith((".", "!", "?")) or len(under) > MAX_TITLE


def _first_sentence(text: str, limit: int = 120) -> str:
    """A title for a pasted paragraph: its first sentence of 20 to `limit` characters (not ended by "U.S." or "Dr.":
    titles.first_sentence), else the whole text when it fits, else its first words cut after a word with "…"."""
    if (sentence := first_sentence(text, 20, limit, ".!?")) is not None:
        return sentence
    if len(text) <= limit:
        return text  # ("Yes. It is done." was "Yes. It is…")
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def _title_and_tags(lines: list[str], filled: list[int], meta: dict, meta_under_second: bool) -> tuple[str, int]:
    """Pick the tags line (if any) and the headline; return the title and lines used."""
    h = [lines[i] for i in filled[:3]] + ["", ""]
    # A short first line right above a repeated headline is the tags line, whatever its case.
    if h[1] and h[1] == h[2] and h[0] != h[1] and (looks_like_tags(h[0]) or _short_label(h[0])):
        meta["tags"] = split_tags(h[0])
        return h[1], 3
    if h[0] == h[1]:
        return h[0], 2
    if (
        h[1]
        and looks_like_tags(h[0])
        and not _meta_line(h[1], {})
        and (known_tags(h[0]) or meta_under_second or _meta_line(h[2], {}))
    ):
        meta["tags"] = split_tags(h[0])
        return h[1], 2
    return h[0], 1


def _short_label(line: str) -> bool:
    return len(line.split()) <= 12 and len(line) <= 120 and not line.endswith((".", "!", "?", ":", '"', "”"))


def _meta_line(line: str, meta: dict) -> bool:
    """True when every part of `line` is metadata; records what it finds in `meta`."""
    if len(line) > 160:
        return False
    if " — " in line or " – " in line:
        # a date and an outlet's name either side of a spaced dash, in either order ("12 March 2019 — Brenmoor
        # Gazette", an old note's first line; read whole, the line was a date and the outlet was lost); a line
        # the dash does not split into those reads as before
        found = _line_parts(_DASH_SPLIT.split(line))
        if found and found.get("source"):
            _merge(meta, found)
            return True
    # Every separator _PART_SPLIT matches holds one of these three characters.
    split = _PART_SPLIT.split(line) if ("•" in line or "·" in line or "|" in line) else [line]
    found = _line_parts(split)
    if found is None:
        return False
    if len(split) == 1 and found.get("published") and not found.get("source"):
        found = _outlet_and_date(line) or found
    _merge(meta, found)
    return True


def _outlet_and_date(line: str) -> dict | None:
    """What a line read whole as a date says when it is an outlet's name and a date side by side with no dash between
    them, "Harbour Gazette 7 December 2026", "Harbour Gazette, 2026-12-07" (read whole, the line was a date and the
    outlet was lost: cli38): the dash's reading (_line_parts) of the line cut where the date begins or ends
    (_date_sides), a date alone on one side and an outlet's name on the other; else None."""
    for sides in _date_sides(line):
        sides = [side.strip(" ,;") for side in sides]
        if any(_date_alone(side) and _outlet_name(other) for side, other in (sides, sides[::-1])):
            found = _line_parts(sides)
            if found and found.get("source"):
                return found
    return None


def _merge(meta: dict, found: dict) -> None:
    """What a meta line says (`found`) into `meta`, where `meta` says nothing yet."""
    for key, value in found.items():
        if not meta.get(key):
            meta[key] = value


_DASH_SPLIT = re.compile(r"\s+[—–]\s+")
# a word of a date written out: numbers ("7", "2026-12-07", "10:30", "7th,"), a month's or a weekday's name
_DATE_WORD = re.compile(r"(?:\d[\d/.:-]*(?:st|nd|rd|th)?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|"
                        r"wed|thu|fri|sat|sun)[a-z]*\.?|of|at|(?i:[ap]\.?m\.?|utc|gmt)),?")


def _date_alone(part: str) -> bool:
    """`part` is a date and nothing else ("7 December 2026", "Monday, 7 Dec. 2026", "2026-12-07"), not words with a
    date among them."""
    return bool(part) and all(_DATE_WORD.fullmatch(w) for w in part.split()) and parse_date(part) is not None


def _line_parts(split: list[str]) -> dict | None:
    """What the parts of a meta line say (_meta_line), or None when one of them is no metadata."""
    parts = [p for p in split if p and p.strip()]
    if not parts:
        return None
    found: dict = {}
    named = ""
    for part in parts:
        if not _meta_part(part.strip(), found):
            # an outlet's name beside a date on the line, "Kessby Courier · 3 December 2026"
            if named or len(parts) < 2 or not _outlet_name(part.strip()):
                return None
            named = part.strip()
    if named:
        if not (found.get("published") or found.get("updated")):
            return None
        found["source"] = found.get("source") or named
    return found


def _meta_part(part: str, found: dict) -> bool:
    m = _SOURCE.match(part)
    if m:
        found["source"] = m.group(1).strip()
        return True
    if _READ_TIME.match(part):
        return True
    stripped = _LEADING_BULLETS.sub("", part)
    m = _DATED.match(stripped)
    if m:
        when = parse_date(m.group(2))
        if when:
            key = "updated" if "updated" in m.group(1).lower() or "modified" in m.group(1).lower() else "published"
            found[key] = when
            return True
        return False
    if len(stripped) <= 60 and len(stripped.split()) <= 9 and parse_date(stripped):
        if not re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", stripped):  # a date, not a sentence
            found.setdefault("published", parse_date(stripped))
            return True
    byline = _byline(stripped)
    if byline:
        found["byline"], outlet = _writer_and_outlet(byline)
        if outlet:
            found["source"] = found.get("source") or outlet
        return True
    return False


# the last word of a writer's role after a comma, "By Ana Lee, Media Editor": no outlet's name
_ROLES = {"editor", "editors", "writer", "writers", "columnist", "correspondent", "reporter", "reporters", "critic",
          "producer", "analyst", "contributor", "photographer", "staff", "desk", "team"}


def _writer_and_outlet(byline: str) -> tuple[str, str]:
    """A byline that names the writer's outlet after a comma, "By Mara Tessaly, Quillhaven Courier": (the writer, the
    outlet), else (the byline, ""). The writer is two to four capitalised words ("and" between two writers); the
    outlet a name with an outlet's word in it (_outlet_name), no role ("Staff Reporter", "Media Editor"). walk37: two
    outlets' reports of one event, each signed so, were stories of "– src", "no outlet"."""
    name, comma, rest = byline.partition(", ")
    words = name.split()
    if not comma or not 2 <= len([w for w in words if w != "and"]) <= 4 or not all(
            w == "and" or (w[:1].isupper() and not w.isupper()) for w in words):
        return byline, ""
    rest = rest.strip()
    if not _outlet_name(rest) or _STAFF.match(rest) or rest.split()[-1].lower().strip(".") in _ROLES:
        return byline, ""
    return name, rest


def _byline(line: str) -> str:
    """The byline in a short "By X" or "X Staff" line, else ""."""
    if len(line) > 100 or line.endswith((".", "?", "!", ":")) and not line.endswith("Jr."):
        return ""
    m = _BY.match(line) or _BY_LABEL.match(line)
    if m and len(m.group(1).split()) <= 12:
        return m.group(1).strip()
    if _STAFF.match(line):
        return line
    return ""


def _body_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of the body; a byline-looking line always stands on its own."""
    split: list[str] = []
    for line in lines:
        if line and _byline(line):
            split.extend(["", line, ""])
        else:
            split.append(line)
    return [p for b in blocks(split) for p in block_paragraphs(b)]


def _strip_tail(paras: list[str], meta: dict) -> list[str]:
    """Drop trailing publisher boilerplate and furniture; move a trailing byline to meta."""
    for _ in range(8):
        if len(paras) < 2:
            break
        last = paras[-1]
        if _is_footer(last):
            if not meta["source"]:
                m = _PUBLISHER.match(last)
                meta["source"] = m.group(1) if m else ""
        elif _byline(last):
            if not meta["byline"]:
                meta["byline"] = _byline(last)
        elif _FURNITURE.match(last):
            pass
        elif last.lower().startswith("tags:"):
            if not meta["tags"]:
                meta["tags"] = [t.strip() for t in re.split(r"[,;|]", last[5:]) if t.strip()]
        else:
            break
        paras = paras[:-1]
    return paras


def _is_footer(para: str) -> bool:
    """A paragraph about the publisher rather than the story."""
    if len(para) > 1500:  # boilerplate is short; story paragraphs need not pay for the search
        return False
    low = para.lower()
    if not any(hint in low for hint in _FOOTER_HINTS):  # cheap test before the regexes
        return False
    # News paragraphs often hold a hint ("published", "readers"): the words each regex cannot match without
    # tell most of them apart with substring tests. Exact unless the paragraph holds one of the three letters
    # that IGNORECASE matches with an ASCII letter while str.lower() keeps them apart (ſ, ı, İ).
    exact = not any(c in para for c in _ODD_CASE)
    if (not exact or low.startswith(_FOOTER_STARTS) or any(w in low for w in _FOOTER_NEEDS)) and _FOOTER.search(para):
        return True
    if len(para) >= 600:
        return False
    if exact and sum(n for w, n in _CUE_WORDS if w in low) < 3:  # fewer than 3 different cues possible
        return False
    cues = {m.group(0).lower() for m in _FOOTER_CUES.finditer(para)}
    return len(cues) >= 3


_ODD_CASE = "ſıİ"
# What some branch of _FOOTER must contain (lowercased), or start with.
_FOOTER_NEEDS = ("publishes", "does not necessarily reflect", "as a public service", "all rights reserved",
                 " expressed", "responsible for", "liable for", "may not be ", "permission", "newsletter",
                 "this article ", "this story ", "this content ")
_FOOTER_STARTS = ("©", "copyright", "(c)")
# Each word in a _FOOTER_CUES match, with how many different cues hold it (publish/-es/-er/-ing ...).
_CUE_WORDS = (("publish", 4), ("submission", 2), ("letters", 1), ("opinions", 1), ("views", 1), ("reflect", 1),
              ("necessarily", 1), ("disclaimer", 1), ("editorial polic", 2), ("copyright", 1), ("reserved", 1),
              ("newsletter", 1), ("subscribe", 1), ("terms of ", 2), ("privacy", 1), ("cookies", 1), ("readers", 1))


HEADER_PARAGRAPHS = 3  # paragraphs at the top of a stored text that header_of_stored reads as header lines at most
_HEADER_CELLS = 120  # a longer paragraph is text, not a header line (nor two joined)
_SAMPLE = 8  # paragraphs parsed again (a longer text: its first ones; the rest cannot hold its header)


def header_of_stored(title: str, body: str) -> tuple[str, str | None]:
    """(outlet, date) the header lines at the top of a stored plain-text article's body hold, as parse_text reads
    them now, else ("", None). For articles stored before those lines were read (walk35: "Headline / Fenland Post /
    2026-12-01 / text" had no outlet and no date): their body opens with them, a block's two lines joined into one
    paragraph ("Fenland Post 2026-12-01"), so each short paragraph of the top is also tried as two lines. Only what
    whole paragraphs at the top give counts: the rest of the text must read back unchanged."""
    outlet, day, _rest = header_and_rest(title, body)
    return outlet, day


def header_and_rest(title: str, body: str) -> tuple[str, str | None, str | None]:
    """header_of_stored's (outlet, date), and the body without the paragraphs at its top that were read as those
    header lines (what parse_text keeps of the text now: a fresh import's body), or None when no header line was
    read. Only those whole paragraphs go: every other character of the body is kept as it was."""
    paras = [p for p in body.split("\n\n")]
    if not title.strip() or len(paras) < 2:
        return "", None, None
    sample = paras[:_SAMPLE]
    best: tuple[int, str, str | None, int] = (0, "", None, 0)
    for blocks in _header_variants(sample):
        got = parse_text(title + "\n\n" + "\n\n".join(blocks) + "\n")
        kept = got.body.split("\n\n")
        cut = next((k for k in range(1, HEADER_PARAGRAPHS + 1) if kept == sample[k:]), 0)
        if got.title != title or not cut:
            continue  # the title read otherwise, or more (or less) than whole paragraphs of the top taken
        # as every importer's article is stored (dispatch._sanitized): the outlet cleaned of control characters and
        # squashed, a day decades ahead no date (hostile36: "Fenland Post 9999-12-31" dated a note for ever first)
        source = squash(clean_text(got.source or ""))
        day = got.published if got.published and not day_ahead(got.published) else None
        score = bool(source) + bool(got.published)  # (the variant that reads a date, kept or not, is the header)
        if score > best[0]:
            best = (score, source, day, cut)
    rest = "\n\n".join(paras[best[3]:]) if best[3] else None
    return best[1], best[2], rest if rest and rest.strip() else None


def _header_variants(paras: list[str]):
    """The paragraphs as stored, then with one short paragraph of the top split in two lines where its parts were
    joined: before a labelled part ("Outlet: Fenland Post Date: 2026-12-01"), else beside its date, the fewest words
    that still give the paragraph's date ("Fenland Post" / "2026-12-01", "3 December 2026" / "Radio Ossing")."""
    yield paras
    for j in range(min(HEADER_PARAGRAPHS, len(paras) - 1)):
        para = paras[j]
        if len(para) > _HEADER_CELLS:
            break
        for two in _two_lines(para):
            yield paras[:j] + [two] + paras[j + 1:]


_LABEL_AFTER = re.compile(r"\s(?=(?:date|published|updated|posted|source|outlet|by)\s*:)", re.I)


def _two_lines(para: str) -> list[str]:
    m = _LABEL_AFTER.search(para)
    if m:
        return [para[:m.start()] + "\n" + para[m.end():]]
    return [before + "\n" + after for before, after in _date_sides(para)]


def _date_sides(line: str) -> list[tuple[str, str]]:
    """`line` cut in two beside the date it holds: (the words before, the date) with the date's fewest words at the
    end, then (the date, the words after) with its fewest words at the start ("Fenland Post" / "2026-12-01",
    "3 December 2026" / "Radio Ossing"); [] when it holds no date or is one word."""
    if len(line) > 160 or " " not in line:
        return []
    day = parse_date(line)
    if day is None:
        return []
    words, out = line.split(" "), []
    for k in range(len(words) - 1, 0, -1):  # the date last: its fewest words at the end
        if parse_date(" ".join(words[k:])) == day:
            out.append((" ".join(words[:k]), " ".join(words[k:])))
            break
    for k in range(1, len(words)):  # the date first
        if parse_date(" ".join(words[:k])) == day:
            out.append((" ".join(words[:k]), " ".join(words[k:])))
            break
    return out
