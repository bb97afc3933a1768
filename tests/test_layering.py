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


def test_the_story_view_s_items_are_built_without_textual():
    """The story view's summary process builds and wraps the view's items (tui/app/screens/story_items.py serve):
    Textual in that process would double its memory for nothing it draws."""
    mods = modules_after("import tui.app.screens.story_items")
    assert "textual" not in mods


def test_store_importers_and_sources_know_nothing_of_the_engine():
    """The importers' first-sentence titles share the splitter's sentence ends through a plain module
    (tui/sentence_ends.py) and a word list (assets/models/abbreviations.txt), not by importing the engine."""
    mods = modules_after("import tui.store, tui.store.feeds, tui.sources, tui.sources.refresh, tui.importers, "
                         "tui.importers.dispatch, tui.importers.text, tui.importers.titles, tui.sentence_ends")
    assert not {m for m in mods if m.startswith(("tui.engine", "tui.stories", "tui.app"))}
