"""The toast of a copy not confirmed (no system clipboard, as over SSH; OSC 52 sent, which nothing confirms) stayed 12 s
while the reader stayed on the page, covering its corner. It stays as long as its words take to read, the fix it names
included, and a second copy failing the same way (its fix read already) as long as a confirmed copy's toast."""

from __future__ import annotations

from pilot_steps import copied_over_ssh, settle

from tui import clipboard
from tui.app.app import COPY_TOAST_TITLE

TMUX_DROPS = "tmux set-clipboard external drops it: `set -g set-clipboard on` in ~/.tmux.conf"


def copy_toast(app):
    (toast,) = [n for n in app._notifications if n.title == COPY_TOAST_TITLE]
    return toast


async def test_an_unconfirmed_copy_s_toast_stays_its_reading_time_with_its_fix(library, make_app, monkeypatch):
    monkeypatch.setattr(clipboard, "tmux_hint", lambda: TMUX_DROPS)
    path, _ids = library
    for size, fix in (((80, 24), "Fix tmux: `set -g set-clipboard on`"), ((160, 48), TMUX_DROPS)):
        async with copied_over_ssh(make_app, path, monkeypatch, size) as (pilot, app):
            first = copy_toast(app)
            words = len(str(first.message).split())
            assert fix in str(first.message) and "unconfirmed" in str(first.message), first.message
            assert words >= 12, first.message  # what it says, the fix and where the text is
            # read at 4 words a second after 2 s to see it, and gone well before the 12 s it stayed
            assert 2 + words / 4 <= first.timeout <= 10, (first.timeout, words)
            await pilot.press("c")  # the same copy failing the same way: the same words, the fix read already
            await settle(pilot)
            again = copy_toast(app)
            assert again is not first and again.message == first.message
            assert again.timeout == 6, again.timeout
