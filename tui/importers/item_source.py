"""Which outlet a feed item comes from: its own source when the feed names one, else the feed's title.

A feed that gathers other outlets' articles (a roundup, a wire's partner feed, an aggregator) says so per item: RSS
`<source url="…">Outlet</source>`, Atom `<source><title>Outlet</title></source>`, or only by linking each item to
another site than its own. Every such item took the feed's title as its source, so a story of five outlets read as
one outlet five times, and the same text from two outlets was never recognised as two outlets.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from tui.importers.clean import clean_text, squash

# Hosts that only redirect to the article (a feed service's click counter, a link shortener): no outlet's name.
REDIRECTORS = frozenset({"feedproxy.google.com", "feeds.feedburner.com", "feedburner.com", "news.google.com",
                         "t.co", "bit.ly", "ow.ly", "lnkd.in", "dlvr.it", "buff.ly"})
# Second-level labels under a country's code that are not a site's own name ("bbc.co.uk", not "co.uk").
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go"})
LONGEST = 200  # characters of an item's own source kept (a feed is untrusted)


def host_of(url: str | None) -> str:
    """The link's host, lower case, without "www." ("" for no link, a relative one, an address or localhost)."""
    if not url or not isinstance(url, str):
        return ""
    try:
        host = (urlsplit(url.strip()).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""
    if not host or host == "localhost" or "." not in host:
        return ""
    try:
        ipaddress.ip_address(host)
        return ""  # an address names no outlet
    except ValueError:
        pass
    return host[4:] if host.startswith("www.") else host


def site_of(host: str) -> str:
    """The site a host belongs to: its last two labels, three under a country's "co."-like level
    ("news.example.com" and "example.com" are one site; "bbc.co.uk" is not "co.uk")."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def item_source(own, link: str | None, site: str | None, feed_title: str) -> str:
    """The source of one feed item: `own` (the item's <source>: a name, or a {"title", "href"} mapping as
    feedparser gives it) when it names an outlet; else the host of the item's `link` when that is another site
    than the feed's `site` (its home page link); else `feed_title`."""
    title, href = (own.get("title"), own.get("href")) if hasattr(own, "get") else (own, None)
    name = squash(clean_text(title)) if isinstance(title, str) else ""
    if name:
        return name[:LONGEST]
    home = host_of(site)
    for url, named in ((href, True), (link, False)):  # a <source> with a link and no name: the host of its link
        host = host_of(url)
        if not host or host in REDIRECTORS or (home and site_of(host) == site_of(home)):
            continue
        if named or home:  # an item's link is another site's only when the feed says which site is its own
            return host
    return feed_title
