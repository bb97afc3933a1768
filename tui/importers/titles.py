"""Choose an HTML page's headline from the places pages put it, by agreement.

Sources: the <h1>s, og:title, twitter:title, <title> (with a site-name suffix or prefix
such as " | Site" / "Site - " removed) and the extractor's guess. An <h1> confirmed by a
meta title is the strongest signal; see `choose_title` for the order. Measured on the
extraction dev set with bench/quality_extract.py.
"""

from __future__ import annotations

import re
import unicodedata

from tui.sentence_ends import TITLE_ONLY_ABBREVIATIONS, abbreviation_ends_sentence, is_lower_cased

_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|::|»|›|/|_|~)\s+|\s+_|\s*\[[^\]]+\]\s*$|\s+:\s+")
CLOSE = 0.4  # share of an <h1>'s words found in a meta title: the same headline, reworded
OVERLAP = 0.3  # a looser share, used only when the meta titles do not agree either
# <title>s that name no story at all.
_GENERIC = {"home", "homepage", "home page", "start", "startseite", "accueil", "inicio", "news", "blog",
            "index", "untitled", "untitled document", "welcome", "article", "page"}


def norm(text: str | None) -> str:
    """Compare-friendly form: NFKC, casefolded, punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "").casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def clean(text: str | None) -> str:
    """Whitespace-collapsed text without soft hyphens."""
    return " ".join((text or "").replace("\u00ad", "").split())


def segments(title: str) -> list[str]:
    """Parts of a title split at site-name separators, in order."""
    return [s.strip() for s in _SEPARATORS.split(title) if s and s.strip()]


def strip_site(title: str, site: str = "") -> str:
    """Remove the site name from a <title>/og:title ("Headline | Site", "Headline - Section
    - Site", "example.com - Headline"); the headline itself is kept whole."""
    parts = segments(title)
    if len(parts) <= 1:
        return title
    if site:
        kept = [p for p in parts if norm(p) != norm(site)]
        if len(kept) == 1:
            return kept[0]
    # Cut short tails ("| Site", "| Section | Site") one at a time; after the first cut,
    # only while a headline-sized rest remains.
    rest = title
    for cuts in range(3):
        parts = segments(rest)
        last = parts[-1] if len(parts) > 1 else ""
        if not last or len(last.split()) > 4 or len(last) >= len(rest) / 2 or _headline_tail(last):
            break
        cut = clean(rest[: rest.rfind(last)].rstrip(" |-–—·•:»›/_~["))
        if not cut or (cuts and len(cut.split()) < 4):
            break
        rest = cut
    if rest != title:
        return rest
    m = _SEPARATORS.search(title)
    if m and "." in parts[0] and " " not in parts[0]:  # "example.com - Headline"
        return clean(title[m.end():])
    return title


def _headline_tail(part: str) -> bool:
    """A title part that belongs to the headline, never to a site name: a question or
    exclamation ("Lease or buy - which pays?"), a quotation, a hashtag."""
    return part.endswith(("?", "!", "?\u201c", "?\"")) or part[:1] in "\"'\u2018\u201c\u201e\u00ab#"


def choose_title(h1s: list[str], og: str, twitter: str, title_tag: str, guess: str, site: str = "",
                 ld: str = "", description: str = "", h2s: list[str] = ()) -> str:
    """Pick the headline; every argument may be empty. `ld` is the JSON-LD headline,
    `description` the page's meta description, `h2s` the <h2>s, which stand in for the
    <h1>s in the agreement steps (1) when a page has none.

    1. An <h1> that a meta title (og, twitter, <title>) repeats, whole or as its article
       part, or contains (unless the <h1> is the site-name part) -- what the reader
       sees, confirmed by what the page calls itself.
    2. An <h1> sharing CLOSE of its words with a meta title (the same headline, reworded).
    3. The page's only <h1> when it reads like a headline.
    4. A part of a meta title that the description repeats word for word (content systems
       that fill the description with the story's title), then a meta title without its
       site name that two sources agree on.
    5. An <h1> loosely related to the meta titles, else the best meta title.
    The JSON-LD headline is stated on purpose, so an <h1> equal to it wins outright, and a
    meta title it repeats whole keeps its " | tail" unless that tail is the site name.
    Otherwise an <h1> unrelated to every meta title is passed over: it is more often a
    logo or a section name than the story's headline.
    """
    h1s = [clean(h) for h in h1s[:6] if len(norm(h)) > 1]
    # A one-word <title> such as "Home" or "Blog" says nothing about the story.
    # A <title> that is only the site name (og:site_name) says nothing about the story either.
    metas = [clean(t) for t in (og, twitter, title_tag) if norm(t) and norm(t) not in _GENERIC | {norm(site)}]
    ld = clean(ld) if norm(ld) not in _GENERIC else ""
    # Pages without an <h1> often style an <h2> as the headline; it only counts when a
    # meta title confirms it, and not when it is as short as a section name ("Local
    # News"): sidebars and teasers are <h2>s too.
    shown = h1s or [clean(h) for h in h2s[:6] if len(norm(h).split()) >= 3]
    for h in shown:  # the structured data and the visible heading agree
        if ld and norm(h) == norm(ld):
            return h
    for h in shown:  # exact agreement first, in page order
        nh = norm(h)
        if any(nh in (norm(t), norm(strip_site(t, site))) for t in metas):
            return h
    for h in shown:  # an <h1> that a meta title contains, unless it is the site name
        nh = norm(h)
        for t in metas:
            nt = norm(t)
            if len(nh.split()) >= 2 and len(nh) >= 0.3 * len(nt) and f" {nh} " in f" {nt} ":
                if not _is_site_part(nh, t, metas, site):
                    return h
    headline_h1s = [
        h for h in h1s[:3]
        if 3 <= len(h.split()) <= 30 and not any(_is_site_part(norm(h), t, metas, site) for t in metas)
    ]
    for h in headline_h1s:
        if not metas or max(_overlap(h, strip_site(t, site)) for t in metas) >= CLOSE:
            return h
    # A page's only <h1>, when it reads like a headline, is its main heading by the rules
    # of HTML even if the meta titles (often written for search engines) say otherwise.
    if len(h1s) == 1 and len(h1s[0].split()) >= 5 and len(h1s[0]) >= 25 and h1s[0] in headline_h1s:
        return h1s[0]
    if ld and any(norm(ld) == norm(t) for t in metas) and not _names_site(ld, site):
        return ld
    part = _described_part(metas, description, site)
    if part:
        return part
    # The extractor's guess is often itself taken from an <h1>, so it only votes here.
    voters = metas + [clean(x) for x in (guess, ld) if norm(x)]
    best, best_votes = "", 0
    for cand in (strip_site(t, site) for t in voters):
        nc = norm(cand)
        votes = sum(1 for t in voters if nc and f" {nc} " in f" {norm(t)} ")
        if votes > best_votes:
            best, best_votes = cand, votes
    if best_votes >= 2 or (best and not h1s):
        return best
    for h in headline_h1s:
        if max((_overlap(h, strip_site(t, site)) for t in metas), default=0.0) >= OVERLAP:
            return h
    return best or (h1s[0] if h1s else "")



def _described_part(metas: list[str], description: str, site: str) -> str:
    """The part of a many-part meta title ("Site - Headline - Section") that the
    description repeats exactly, when it is headline-sized and not a tail `strip_site`
    cuts (a site's slogan is often both its description and its title tail); else ""."""
    nd = norm(description)
    if len(nd.split()) < 3:
        return ""
    for t in metas:
        parts = segments(t)
        if len(parts) > 1 and f" {nd} " in f" {norm(strip_site(t, site))} ":
            for p in parts:
                if norm(p) == nd:
                    return p
    return ""


def _names_site(title: str, site: str) -> bool:
    """The first or last part of `title` is the site name (or the title has no parts and
    no site name is known, when a tail cannot be told from a headline)."""
    parts = [norm(p) for p in segments(title)]
    if len(parts) < 2:
        return False
    if not site:
        return True
    ns = norm(site)
    return any(p and (p == ns or p in ns.split() or ns in p) for p in (parts[0], parts[-1]))


def _overlap(a: str, b: str) -> float:
    """Share of the words of `a` that also occur in `b`."""
    wa, wb = norm(a).split(), set(norm(b).split())
    return sum(1 for w in wa if w in wb) / len(wa) if wa else 0.0


def _is_site_part(needle: str, title: str, metas: list[str], site: str) -> bool:
    """`needle` is the site-name end of `title`: its first or last part, and either the
    known site name, a part `strip_site` removes, or beside a part another source names
    as the title."""
    parts = [norm(p) for p in segments(title)]
    if len(parts) < 2 or needle not in (parts[0], parts[-1]):
        return False
    if (site and needle == norm(site)) or needle not in norm(strip_site(title, site)):
        return True
    others = set(parts) - {needle}
    return any(norm(m) in others for m in metas)


# Words a <title>'s last part can be that name a section or a kind of piece, not an outlet ("Headline | Opinion").
_SECTION_WORDS = {"news", "home", "opinion", "opinions", "sport", "sports", "business", "politics", "world", "local",
                  "national", "video", "videos", "live", "analysis", "explainer", "blog", "blogs", "comment",
                  "comments", "photos", "photo", "gallery", "weather", "culture", "entertainment", "health", "science",
                  "technology", "tech", "travel", "latest", "breaking", "features", "feature", "lifestyle",
                  "editorial", "editorials", "letters", "obituaries", "money", "markets", "review", "reviews",
                  "podcast", "interview", "update", "updates", "exclusive", "watch", "listen", "read", "more",
                  "page", "section", "archive", "archives", "story", "article"}
# Small words a name may hold in lower case ("Courier and Advertiser", "Voice of the Dales").
_NAME_JOINERS = {"of", "the", "and", "&", "for", "on", "upon", "in", "at", "de", "la", "le", "du", "des", "der",
                 "die", "das", "el", "y", "di", "da", "van", "von"}
_DOMAIN = re.compile(r"(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.I)


def _name_shaped(part: str) -> bool:
    """A title part that reads as an outlet's name: a domain ("kessbycourier.com"), or 1-6 words, each capitalised
    (or a joiner such as "of", "and"), the first capitalised, not only section words ("Local News"), with no mark a
    headline ends on ("?", "!", a quotation)."""
    if _DOMAIN.fullmatch(part):
        return True
    words = part.split()
    if not 1 <= len(words) <= 6 or _headline_tail(part) or any(c in part for c in "\"“”‘’«»:;,?!"):
        return False
    if not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS for w in words):
        return False
    return not all(norm(w) in _SECTION_WORDS or w.lower() in _NAME_JOINERS for w in words)


def _sentence_case(headline: str) -> bool:
    """Most of the headline's longer words are in lower case: a headline written as a sentence, beside which a
    capitalised tail stands out as a name ("Ferry timetable changes for winter | Kessby Courier")."""
    words = [w for w in headline.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(words) >= 2 and sum(w[:1].islower() for w in words) * 2 >= len(words)


def title_outlet(titles: list[str], title: str, h1s: list[str] = ()) -> tuple[str, str]:
    """(outlet, title) from a page's meta titles (<title>, og:title ...) for a page that names no site: the part a
    <title> has beyond the chosen headline, at its end ("Headline — The Kessby Courier", "Headline | Local News |
    Kessby Courier") or its start ("Kessby Courier | Headline"), when it reads as a name (`_name_shaped`) and the
    headline is known to stop before it: an <h1> says so, or the headline is written as a sentence and the part in
    capitals (a title-case headline's tail, "Council Votes To Close Library - Residents Protest", may be its own).
    A headline that still ends with such a tail (too long for `strip_site`: "... - Kessby Evening Courier and
    Advertiser") is given back without it. A tail that is part of the headline (the chosen title holds it: an <h1>
    "Storm closes coast road - again") is never an outlet. ("", title) when nothing fits."""
    shown = {norm(h) for h in h1s if norm(h)}
    nt = norm(title)
    if not nt:
        return "", title
    for t in titles:
        parts = segments(t)
        if len(parts) < 2:
            continue
        for outlet, rest in ((parts[-1], clean(t[: t.rfind(parts[-1])].rstrip(" |-–—·•:»›/_~[("))),
                             (parts[0], clean(t[t.find(parts[0]) + len(parts[0]):].lstrip(" |-–—·•:»›/_~]")))):
            if not _name_shaped(outlet) or f" {norm(outlet)} " in f" {nt} ":
                continue  # (a part the headline holds is the headline's)
            confirmed = nt in shown
            if outlet is parts[-1]:  # the headline, then perhaps a section ("| Local News |"), then the outlet
                if not (nt == norm(rest) or norm(rest).startswith(nt + " ")):
                    continue
            elif nt != norm(rest):
                continue
            if confirmed or _sentence_case(title) or _DOMAIN.fullmatch(outlet):
                return outlet, title
    # the chosen title is a whole meta title that ends with a name after a sentence-case headline
    for t in titles:
        parts = segments(t)
        if len(parts) < 2 or norm(t) != nt:
            continue
        outlet = parts[-1]
        rest = clean(t[: t.rfind(outlet)].rstrip(" |-–—·•:»›/_~[("))
        if (_name_shaped(outlet) and len(outlet.split()) >= 2 and len(rest.split()) >= 4 and _sentence_case(rest)
                and not _headline_tail(rest)):
            return outlet, rest
    return "", title


POST_TITLE = 100  # a title made from an untitled post's text stops after a word before this many characters
# a sentence's end: its mark, the quotes that close it, then a space or the text's end (not a bracket: "(D-Wash.)")
_SENTENCE_END = re.compile(r"[.!?…][\"”’']*(?=\s|$)")
_WORD_BEFORE = re.compile(r"(?<![\w.])[^\W\d_](?:[\w]|\.(?=\w))*$")  # "Dr", "U.S", "e.g" before a full stop


def _abbreviations() -> frozenset[str]:
    """The words whose full stop ends no sentence ("Dr.", "Co.", "U.S."): the list the engine's sentence splitter
    reads (assets/models/abbreviations.txt), read here as a word list (the importers know nothing of the engine)."""
    global _ABBREVIATIONS
    if _ABBREVIATIONS is None:
        from tui.assets import word_set

        _ABBREVIATIONS = word_set("models", "abbreviations.txt")
    return _ABBREVIATIONS


_ABBREVIATIONS: frozenset[str] | None = None


def abbreviated(text: str, dot: int, lower_only: bool = False) -> bool:
    """Whether the full stop at `dot` closes an abbreviation ("Dr.", "Harrow Co.", "U.S.") or an initial ("J.") and
    so ends no sentence. "Co.", "Inc." and the like before "The", "He" ... do end one, by the engine's sentence
    splitter's rule, which this reads (tui/sentence_ends.py; `lower_only`: the text has almost no capitals). A country's,
    a state's or a body of nations' ("U.S.", "U.K.", "N.Y.", "U.N.", "E.U.": TITLE_ONLY_ABBREVIATIONS) never does
    here: in a re-cased line, "U.S. And Kessland Sign Ferry Pact", the splitter's opener is the headline's next word,
    and a title cut there names half a story."""
    m = _WORD_BEFORE.search(text, max(0, dot - 24), dot)
    if m is None:
        return False
    word = m.group()
    if not ((len(word) == 1 and word.isupper()) or word.lower() in _abbreviations()):
        return False
    return word.lower() in TITLE_ONLY_ABBREVIATIONS or not abbreviation_ends_sentence(text, m.start(), lower_only)


def first_sentence(text: str, least: int, most: int, marks: str = ".!?…") -> str | None:
    """The first sentence of `text` when its end mark (one of `marks`) is at least `least` and at most `most`
    characters in, with the quotes that close it; None when no sentence ends there. A full stop after an
    abbreviation or an initial ends none: a title was cut after "U.S.", "Co." or "Dr." (micro33), unless the engine's
    splitter ends a sentence there too ("... Harrow Co. The deal ...": `abbreviated`), never after "U.S." or "N.Y."."""
    lower_only: bool | None = None
    for m in _SENTENCE_END.finditer(text, least):
        if m.start() > most:
            break
        mark = text[m.start()]
        if mark == "." and lower_only is None:
            lower_only = is_lower_cased(text)
        if mark not in marks or (mark == "." and abbreviated(text, m.start(), lower_only)):
            continue
        return text[:m.end()]
    return None
LONG_HEADLINE = 200  # a first paragraph longer than this is prose, not a headline (as text.py's MAX_TITLE)


def title_from_text(text: str) -> str:
    """A title for a post that has none (a microblog's, a note's): its first sentence when that fits in POST_TITLE
    characters, else its whole text when that fits, else its first words up to it, cut after a word with "…"."""
    text = " ".join(text.split())
    if (sentence := first_sentence(text, 12, POST_TITLE - 1)) is not None and len(sentence) <= POST_TITLE:
        return sentence
    if len(text) <= POST_TITLE:
        return text
    words = text[:POST_TITLE].rsplit(" ", 1)[0] if " " in text[:POST_TITLE] else text[:POST_TITLE]
    return words.rstrip(",;:–—- ") + "…"


def untitled(paras: list[str], joined: list[str] | None = None) -> tuple[str, list[str]]:
    """The title and paragraphs of a feed item with no title: its first paragraph when it reads as a headline (short,
    and more text under it), else a title made from its text, every paragraph kept (a one-paragraph post was skipped
    as "no article text found": its one paragraph became the title and nothing was left).

    `joined`: the same text with the lines a <br> cut mid-sentence joined (htmltext.html_to_paragraphs join_lines).
    The title is read from it, so that it never ends where a <br> broke a line ("<p>Relative more and<br>breaks"
    was titled "Relative more and"); the paragraphs kept are `paras`, as the post laid them out."""
    if not joined or not paras:
        joined = paras
    if len(joined) > 1 and len(joined[0]) <= LONG_HEADLINE:
        used, text = 1, paras[0]
        while text != joined[0] and used < len(paras):  # the post's lines the headline is made of
            text, used = f"{text} {paras[used]}", used + 1
        if text == joined[0] and used < len(paras):
            return joined[0], paras[used:]
    return (title_from_text(joined[0]), paras) if paras else ("", paras)
