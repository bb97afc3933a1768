"""`v` shows the stories list without importing the story engine: the list's worker reads the number of stories
and its pages from the store (tui.store.stories). Importing tui.stories there (its summary, quotes and entity
code: ~150 ms CPU in a fresh process) made the first `v` of a session slow, the worker holding the interpreter
while the list waited for it."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from tui.models import Article
from tui.store import Library
from tui.app.widgets.story_rows import StorySource
with Library(sys.argv[1]) as lib:
    lib.add_many([Article(title="Harbour wall vote", body="The council of Port Ellin voted to rebuild the wall. " * 5)])
    from tui.store.stories import story_rows
    source = StorySource(lib)
    source.row(0)
print(" ".join(m for m in sys.modules if m == "tui.stories" or m.startswith("tui.stories.") or m.startswith("tui.engine.")))
"""


def test_the_stories_list_reads_its_rows_without_the_story_engine(tmp_path):
    out = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "lib.db")], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == []
