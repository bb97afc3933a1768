"""The README's key table and help (`?`, generated from the keymap) name the same keys: every key help lists is in
the table's first column (the table left out home / end, space / pgdn / pgup, `=` for longer, f1 for help and the
briefing's `t`), and every key the table names is one help lists."""

from __future__ import annotations

import re
from pathlib import Path

from tui.app import keymap

README = Path(__file__).parents[2] / "README.md"


def table_keys() -> set[str]:
    table = README.read_text(encoding="utf-8").split("| key | does |")[1].split("\n\n")[0]
    keys: set[str] = set()
    for row in table.splitlines()[2:]:
        first = row.split("|")[1]
        named = re.findall(r"`([^`]+)`", first)
        if "`1`–`6`" in first:
            named += [str(n) for n in range(1, 7)]
        keys.update(named)
    return keys


def help_keys() -> dict[str, set[str]]:
    """Each key as help shows it, with the other spellings a reader may write it in."""
    out: dict[str, set[str]] = {}
    for spec in keymap.KEYS:
        for key in spec.keys.split(","):
            out[key] = {key, keymap.display_keys(key)}
    for key, _ in keymap.BUILTIN:
        out[key] = {key}
    return out


def test_every_key_help_lists_is_in_the_readme_table():
    named = table_keys()
    missing = [key for key, forms in help_keys().items() if not forms & named
               and key not in ("down", "up")]  # the table's "arrows" (not in backticks)
    assert not missing, f"keys help lists and the README's key table does not: {missing}"


def test_every_key_the_readme_table_names_is_a_key_of_help():
    known = set().union(*help_keys().values())
    unknown = sorted(named for named in table_keys() if named not in known)
    assert not unknown, f"keys in the README's key table that help does not list: {unknown}"
