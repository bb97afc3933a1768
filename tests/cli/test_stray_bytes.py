"""A note whose bytes are UTF-8 but for a stray byte of another encoding, with bidi controls in its text, and a note
with a NUL between two words, added and shown as a user does (cli38): the first was read whole as Mac Roman (its
accents and its bidi controls turned to other letters: "Caf√©", "‚ÄÆ"), the second's NUL was dropped and glued the
words ("ferrycrossing"). Our own texts."""

from __future__ import annotations

import json

from test_cli import run

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"


def _add(path, data: bytes) -> int:
    path.write_bytes(data)
    r = run("add", "--json", str(path))
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.splitlines()[0])["id"]


def test_utf8_with_a_stray_byte_is_read_as_utf8_and_its_bidi_controls_never_reach_the_terminal(lib_path, tmp_path):
    text = ("Café on the quay reopens\n\nThe café on the quay at Brenholm reopened on Monday, said its owner "
            "\u202eRosa Lind\u202c, after a winter of repairs.\n\nIts \u2066ferry\u2069 menu is back").encode("utf-8")
    ident = _add(tmp_path / "cafe.txt", text + b" \x97 and so are the prices.\n")
    shown = run("show", str(ident))
    assert shown.returncode == 0, shown.stderr
    assert "Café on the quay reopens" in shown.stdout and "said its owner Rosa Lind, after" in shown.stdout, shown.stdout
    assert "Its ferry menu is back \ufffd and so are the prices." in shown.stdout, shown.stdout
    listed = run("list").stdout + run("export").stdout + run("summary", str(ident)).stdout
    assert "Café on the quay reopens" in listed
    for out in (shown.stdout, listed):
        assert not any(c in out for c in BIDI), [c for c in out if c in BIDI]


def test_a_nul_between_two_words_is_shown_as_a_space(lib_path, tmp_path):
    ident = _add(tmp_path / "ferry.txt", b"Ferry\x00crossing cancelled\n\nThe ferry\x00crossing to Brenholm was "
                                         b"cancelled on Monday after a storm, the harbour office said.\n")
    shown = run("show", str(ident)).stdout
    assert "Ferry crossing cancelled" in shown and "The ferry crossing to Brenholm" in shown, shown
