"""Choose an HTML page's byline: trafilatura's guess, unless it is a form label or the
site's own name, then the page's visible author links and its author metadata."""

from __future__ import annotations

import re

from tui.importers.clean import squash
from tui.importers.titles import norm, segments

# What an extractor picks up from comment forms and profile widgets instead of a name.
_LABELS = {"name", "username", "user name", "follow", "author", "autor", "auteur", "by", "von", "作者",
           "admin", "editor", "staff", "anonymous"}
# A date's month glued onto the name ("Jane Doe July") by the extractor.
_MONTH_TAIL = re.compile(
    r"\s+(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|januar|februar|märz|juni|juli|oktober|dezember)$", re.I)
_LABEL_HEAD = re.compile(r"^(?:(?:责任编辑|作者|编辑)\s*[:：]|(?:author|autor|auteur)\b\s*:?)\s*", re.I)


def clean_byline(text: str) -> str:
    """The byline without a leading "Author:" label, a glued-on month or repeated names;
    "" when what is left is a form label rather than a name."""
    text = _LABEL_HEAD.sub("", squash(text))
    names: list[str] = []
    for part in text.split("; "):
        if len(part.split()) >= 3:
            part = _MONTH_TAIL.sub("", part)
        if norm(part) and norm(part) not in _LABELS and norm(part) not in {norm(n) for n in names}:
            names.append(part)
    return "; ".join(names)


def choose_byline(extracted: str, visible: list[str], meta: list[str], ld: list[str], site: str = "",
                  linked: list[str] = ()) -> str:
    """Pick the byline; `visible` are texts of rel=author / itemprop=author elements,
    `meta` the author meta tags, `ld` the JSON-LD author names, `linked` the texts of
    links to author pages (the first one is used, last).

    The extractor's byline stands unless it is empty, a label or the site name (a
    publisher, not a writer); then the first usable candidate, visible ones first."""
    best = clean_byline(extracted)
    if best and not _publisher(best, site):
        return best
    # An author-page link is only a name when it reads like one ("9 articles" does not).
    linked = [n for n in linked[:1] if len(n.split()) <= 5 and not any(c.isdigit() for c in n)]
    for cand in (*visible, "; ".join(ld), *meta, *linked):
        cand = clean_byline(cand)
        if cand and not _publisher(cand, site) and not cand.startswith(("http://", "https://")) and len(cand) <= 100:
            return cand
    return best


def _publisher(name: str, site: str) -> bool:
    """`name` is the site itself: its og:site_name, a part of it ("Headline | Site"), or
    words the site name starts with ("Google" of "Google Security Blog")."""
    n, s = norm(name), norm(site)
    if not s:
        return False
    return n == s or n in {norm(p) for p in segments(site)} or s.startswith(n + " ")
