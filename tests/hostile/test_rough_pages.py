"""A page too costly to extract is kept as its rough text (session 31), and the extraction's deadline is the child's
CPU time, not the wall clock (tui/child.py): under load a page that needs 2 s of CPU could take 20 s of wall time and
was skipped, the article lost."""

from __future__ import annotations

import os
import sys
import time

import pytest

from tui.importers.rough import ROUGH_KEEP, rough_article, rough_text


def test_rough_text_strips_tags_keeps_the_words_and_drops_what_scripts_hold():
    page = ("<html><head><title>Tide mill &amp; quay</title><style>p { color: red }</style>"
            "<script>var words = '<p>not text</p>';</script></head><body><!-- a comment <p>hidden</p> -->"
            "<h1>Tide mill &amp; quay</h1><div><span>a</span></div><p>The tide mill at Orrick reopened on "
            "<b>Saturday</b>, its miller said; 3 &lt; 4 of the old wheels turn.</p><p>A second paragraph, "
            "about the quay.</p><noscript>turn scripts on</noscript></body></html>")
    article, cut = rough_article(page, "https://example.org/mill")
    assert article.title == "Tide mill & quay" and article.url == "https://example.org/mill" and not cut
    assert article.body == ("The tide mill at Orrick reopened on Saturday, its miller said; 3 < 4 of the old wheels "
                            "turn.\n\nA second paragraph, about the quay."), article.body


@pytest.mark.parametrize("page", [
    "<script>" * 50_000 + "words",  # scripts never closed
    "<!--" * 50_000 + "<p>words</p>",  # comments never closed
    "<p" * 100_000,  # tags never closed
    "a < b " * 50_000,  # "<" that opens no tag
], ids=["scripts", "comments", "tags", "less-than"])
def test_rough_text_of_broken_markup_ends_with_what_it_holds(page):
    title, paras, _cut = rough_text(page)
    text = "\n".join(paras)
    assert "<script" not in text and "<!--" not in text and "<p" not in text
    if page.startswith("a < b"):
        assert paras[0].startswith("a < b a < b") and ROUGH_KEEP - 6 <= len(paras[0]) <= ROUGH_KEEP


def test_rough_text_is_bounded():
    page = "<p>" + "The quay reopened on Friday after the storm. " * 10_000 + "</p>"  # 450,000 characters of text
    paragraph = "<p>" + "The ferry to Orrick ran late again on Monday. " * 20 + "</p>"  # 920 characters each
    title, paras, cut = rough_text(paragraph * 1_000)
    assert cut and sum(map(len, paras)) <= ROUGH_KEEP and len(paras) == ROUGH_KEEP // 919 + 1
    last, whole = paras[-1], paras[-2]  # (the last one cut after a word)
    assert whole.endswith("again on Monday.") and whole.startswith(last) and whole[len(last)] == " " and len(last) > 4
    article, cut = rough_article(page * 2)
    assert cut and article is None or len(article.body) <= ROUGH_KEEP


# -- the deadline is the child's CPU ---------------------------------------------------------------------------

linux = pytest.mark.skipif(not sys.platform.startswith("linux") or not os.path.exists("/proc/self/stat"),
                           reason="the child's CPU time is read from /proc")


@linux
def test_a_child_that_waits_past_the_deadline_without_using_cpu_is_not_given_up():
    """A child held up (as by a loaded machine) but using little CPU answers: its wall time passed the deadline."""
    from tui.child import in_child

    started = time.monotonic()
    assert in_child(time.sleep, (1.5,), seconds=0.5, size=0) is None
    assert time.monotonic() - started >= 1.5


@linux
def test_a_child_that_uses_more_cpu_than_the_deadline_is_given_up_saying_so():
    from tui.child import ChildError, in_child

    with pytest.raises(ChildError) as stop:
        in_child(sum, (range(10**12),), seconds=0.5, size=3 * 1024 * 1024, tail="given up")
    assert str(stop.value) == "took more than 0.5 s of CPU to read (3.0 MB of markup); given up"


def test_the_cpu_time_of_a_process_is_read_or_none():
    from tui.child import cpu_seconds

    if os.path.exists("/proc/self/stat"):
        assert cpu_seconds(os.getpid()) > 0
    assert cpu_seconds(2**22 + 12345) is None  # (no such process)


def test_a_child_starts_where_stderr_has_no_file_descriptor(tmp_path):
    """Inside the app Textual's sys.stderr says its file descriptor is -1: the first child of the process failed to
    start ("ValueError: bad value(s) in fds_to_keep"), so in a terminal the add dialog said a page of 256 KB or more
    "could not parse". A fresh process, as the app's is, with such a stderr."""
    import subprocess

    code = ("import os, sys\n"
            "class Captured:\n"
            "    def write(self, text): return len(text)\n"
            "    def flush(self): pass\n"
            "    def fileno(self): return -1\n"
            "sys.stderr = Captured()\n"
            "from tui.child import in_child\n"
            "print(in_child(os.getpid, (), seconds=120, size=0) != os.getpid())\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (os.getcwd(), os.environ.get("PYTHONPATH")) if p))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
                       cwd=tmp_path)
    assert r.returncode == 0 and r.stdout == "True\n", r.stderr[-600:]


def test_a_watched_folder_s_slow_page_is_kept_as_rough_text_and_said(tmp_path, lib_path, capsys, monkeypatch):
    """A watched folder's page that runs out of time is stored as its rough text, and `watch scan` says so (as `add`
    does), not silently."""
    from tui.cli import main

    monkeypatch.setattr("tui.importers.dispatch.HTML_SECONDS", 0.5)
    folder = tmp_path / "saved"
    folder.mkdir()
    story = "<p>The harbour board met on Tuesday and agreed the new quay would open in spring.</p>"
    (folder / "quay.html").write_text("<html><head><title>Quay opens</title></head><body>"
                                      + "<div><span>a</span></div>" * 60_000 + "<article><h1>Quay opens</h1>"
                                      + story * 3 + "</article></body></html>", encoding="utf-8")
    assert main(["watch", "add", str(folder)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [f"note: {folder / 'quay.html'}: took more than 0.5 s of CPU to read (1.4 MB of markup); imported "
                   "as rough text (tags stripped)",
                   "imported 1 new, 0 updated article from 1 new or changed file"], err
