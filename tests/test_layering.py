"""The layering rule: store, importers, engine and sources never import textual; `import tui` stays light."""

from __future__ import annotations

import subprocess
import sys


def modules_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_core_layers_do_not_import_textual():
    mods = modules_after(
        "import tui.store, tui.store.feeds, tui.store.watch, tui.sources, tui.sources.opml, tui.sources.discover, "
        "tui.feed_cli, tui.importers, tui.importers.jsonfeed, tui.engine.analysis, tui.engine.sentences, tui.engine.summarize, "
        "tui.engine.entities, tui.engine.quotes, tui.stories, tui.stories.commands\n"
        "from tui.engine.analysis import analyze\n"
        "analyze('Ana Ruiz, the mayor of Lima, said: \"We won.\" The vote was on Jan. 5.')")
    assert "textual" not in mods
    assert "tui.app" not in mods


def test_import_tui_is_light():
    mods = modules_after("import tui, tui.cli")
    assert not {"nltk", "sumy", "textual", "rich", "sqlite3"} & mods
