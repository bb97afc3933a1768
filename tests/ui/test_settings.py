"""The config file and key names: friendly errors, never a crash; the theme line is rewritten in place."""

from __future__ import annotations

from tui.app.keymap import check_overrides, display_keys, normalize_key
from tui.config import load_config, save_theme


def test_key_names_are_normalised_like_textual():
    assert normalize_key("?") == "question_mark"
    assert normalize_key("Ctrl+Y") == "ctrl+y"
    assert normalize_key("+") == "plus"
    assert normalize_key("f5") == "f5"
    assert normalize_key("Y") == "Y"
    assert normalize_key("ctrl+nonsense") is None
    assert normalize_key("hyper+ctrl+x+y") is None
    assert display_keys("question_mark,f1") == "? / f1"


def test_overrides_keep_good_entries_and_explain_bad_ones():
    keymap, problems = check_overrides({"copy_summary": "ctrl+y", "copy-quotes": "z", "quit": "nonsense"})
    assert keymap == {"copy_summary": "ctrl+y"}
    assert problems[0] == "[keys] 'copy-quotes' is not an action id (did you mean 'copy_quotes'?)"
    assert problems[1].startswith("[keys] quit = 'nonsense': not a key name")
    # an empty id is in every id's name: it was told "did you mean 'quit'?"
    assert check_overrides({"": "x"})[1] == ["[keys] '' is not an action id (press ? in the app for the list of ids)"]


def test_missing_and_broken_files(tmp_path):
    assert load_config(tmp_path / "absent.toml").problems == []
    broken = tmp_path / "broken.toml"
    broken.write_text("theme = \n")
    cfg = load_config(broken)
    assert cfg.theme is None and "is not valid TOML" in cfg.problems[0]
    odd = tmp_path / "odd.toml"
    odd.write_text("theme = 3\nkeys = 5\n")
    assert len(load_config(odd).problems) == 2


def test_save_theme_keeps_the_rest_of_the_file(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "gruvbox"\n\n[keys]\nquit = "ctrl+q"\n')
    assert save_theme("nord", path) is None
    assert path.read_text() == '# mine\ntheme = "nord"\n\n[keys]\nquit = "ctrl+q"\n'
    fresh = tmp_path / "sub" / "new.toml"
    assert save_theme("nord", fresh) is None
    cfg = load_config(fresh)
    assert cfg.theme == "nord" and cfg.keys == {}
    assert save_theme('x"\nkeys=1', path) is not None  # never writes something that breaks the file


def test_damaged_library_is_refused_before_the_ui_starts(tmp_path):
    import pytest

    from ui_sample import make_library

    from tui.app import preflight
    from tui.store import StoreError

    path = tmp_path / "library.db"
    make_library(path)
    preflight(path)  # a healthy library passes
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xaa" * 4096  # one page of garbage: the header and schema still look fine
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="is damaged"):
        preflight(path)
