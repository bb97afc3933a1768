"""`add URL` of a page that names no site in its meta data (no og:site_name): the article's source was the page's host
("127.0.0.1:8080", "news.wexmoor.example": the extractor's fallback), though the page's <title> named the outlet after
the headline ("... | Wexmoor Gazette"), as a saved page's did. The host stays the source when nothing else names one."""

from __future__ import annotations

from tui.importers import import_paths

_PARAS = "".join(f"<p>The harbour board of Wexmoor met on Tuesday evening to go through part {i} of the ferry timetable,"
                 " and its members agreed that the late boats must run again before the winter storms.</p>"
                 for i in range(6))


def _page(title: str, head: str = "") -> bytes:
    return (f"<html><head><title>{title}</title>{head}</head><body><article><h1>Ferry timetable changes agreed</h1>"
            f"{_PARAS}</article></body></html>").encode()


def _article(site, path: str, body: bytes):
    site.feed(path, body, ctype="text/html; charset=utf-8")
    [item] = list(import_paths([site.url(path)]))
    assert item.article is not None, item.error
    return item.article


def test_add_url_takes_the_outlet_from_the_title_not_the_host(site):
    a = _article(site, "/ferry.html", _page("Ferry timetable changes agreed | Wexmoor Gazette"))
    assert (a.source, a.title) == ("Wexmoor Gazette", "Ferry timetable changes agreed")
    a = _article(site, "/lead.html", _page("Wexmoor Gazette — Ferry timetable changes agreed"))
    assert (a.source, a.title) == ("Wexmoor Gazette", "Ferry timetable changes agreed")


def test_add_url_keeps_the_site_name_and_else_the_host(site):
    named = _page("Ferry timetable changes agreed | Wexmoor Gazette",
                  '<meta property="og:site_name" content="The Wexmoor Evening Gazette">')
    assert _article(site, "/named.html", named).source == "The Wexmoor Evening Gazette"
    plain = _article(site, "/plain.html", _page("Ferry timetable changes agreed"))
    assert (plain.source, plain.title) == (site.base.removeprefix("http://"), "Ferry timetable changes agreed")
