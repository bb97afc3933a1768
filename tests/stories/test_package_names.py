"""tui.stories imports the names it re-exports when they are first asked for: `add`'s parse workers need only the term
extraction (and the grouping's source for the features' version), not the briefing, summary, quote and entity code,
which cost ~0.1 s CPU before the workers could start. Every name still reads as it did when the package imported them
all at once, `briefing` included (the function, although a module of that name exists)."""

from __future__ import annotations

import subprocess
import sys

from tui import cli

ROOT = str(cli.__file__).rsplit("/tui/", 1)[0]


def _run(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": ROOT})
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.split()


def test_the_feature_preload_does_not_import_the_story_view_code():
    loaded = _run("import sys; from tui.stories.features import preload; preload(); "
                  "print(*[m for m in ('tui.stories.briefing', 'tui.stories.story', 'tui.stories.summary', "
                  "'tui.stories.people', 'tui.engine.quotes') if m in sys.modules])")
    assert loaded == []


def test_briefing_is_the_function_whichever_is_imported_first():
    for first in ("import tui.stories.briefing", "from tui.stories import briefing", "import tui.stories"):
        kinds = _run(f"{first}\nimport tui.stories.briefing\nimport tui.stories\nfrom tui.stories import briefing\n"
                     "import importlib; m = importlib.import_module('tui.stories.briefing')\n"
                     "print(type(briefing).__name__, type(tui.stories.briefing).__name__, type(m).__name__,"
                     " briefing is m.briefing)")
        assert kinds == ["function", "function", "module", "True"], first


def test_every_exported_name_is_what_its_module_defines():
    import importlib

    import tui.stories as stories

    homes = {"briefing_markdown": "as_markdown", "briefing_quotes": "as_quotes", "briefing_text": "as_text"}
    for name in stories.__all__:
        value = getattr(stories, name)
        module = importlib.import_module(value.__module__)
        assert getattr(module, homes.get(name, name)) is value, name
    assert set(stories.__all__) <= set(dir(stories))
