"""Parts a screen owns as attributes: each does one job behind a declared interface.

A part holds a `host` (the screen that owns it: it runs the part's workers and timers) and talks
back only through the callbacks it was given, so any screen can use it and no part reads another
part's attributes. MainScreen's five mixins became these parts (session 3).

- `LibraryQuery` (library_query.py): the list's view of the library (search, entity filter, mode),
  computed in a worker; `set`, `reload`.
- `LibraryImport` (library_import.py): add a file, folder or feed in a worker; `add`.
- `AnalysisJobs` (analysis.py): the method/length of the summary and the analysis worker;
  `request`, `next_method`, `longer`, `shorter`, `label_for`.
- `BackgroundPass` (background.py): the whole-library analysis pass in child processes;
  `schedule`, `start`, `stop`, `progress`, `running`.
- `LibraryWatch` (library_watch.py): notices articles added or removed by another process; `start`, `stop`.
- `OpenAhead` (open_ahead.py): lays out the article under the resting cursor; `rested`, `take`, `forget`.
- `PaneBorders` (pane_borders.py): the focused pane's border colour; `mark`, `theme_changed`;
  `set_focus_flags` for a screen's `watch_focused`.
- `SourcesRefresh` (sources.py): feeds refreshed (`R`, at start, every N minutes) and watched folders
  scanned, in a worker; `start(config)`, `refresh()`, `stop()`, `progress`, `running`.
- `FeedChanges` (feed_edit.py): subscribe to a feed (fetched once) or unsubscribe, in a worker; `add`,
  `remove`, `pending`.
- `Loader` (loader.py): `load(fn, *args)` runs fn(lib, ...) in a worker, `done(result, error)` after.
- `LibraryHealth` (health.py): the library damage check (quick_check) in a thread after the first paint;
  `start`, `problem`; `found(problem)` lets the screen refuse writes.
- `ReadMarks` (marks.py): an opened article's read mark, the `m`/`f` toggles and a reading position, written
  by a thread of its own; `mark_read`, `set` (a mark, `done(error)` after), `value`/`patch` (marks queued and
  not written yet), `save_position`, `settle` (wait until written), `stop`.
- `TagPicker` (tag_picker.py): the "Filter by tag…" picker, shown at once, its tags read in a worker; `open`,
  `cache`. Imported when first used (it loads textual.command).
- `deliver` (threads.py): hand a worker thread's result to the UI thread (ignored while closing).
"""

from tui.app.parts.analysis import AnalysisJobs
from tui.app.parts.background import BackgroundPass
from tui.app.parts.feed_edit import FeedAdded, FeedChanges
from tui.app.parts.health import LibraryHealth
from tui.app.parts.library_import import LibraryImport
from tui.app.parts.library_query import LibraryQuery
from tui.app.parts.loader import Loader
from tui.app.parts.library_watch import LibraryWatch
from tui.app.parts.marks import ReadMarks
from tui.app.parts.open_ahead import OpenAhead, Ready
from tui.app.parts.pane_borders import PaneBorders, set_focus_flags
from tui.app.parts.sources import SourcesRefresh
from tui.app.parts.threads import deliver

__all__ = ["AnalysisJobs", "BackgroundPass", "FeedAdded", "FeedChanges", "LibraryHealth", "LibraryImport", "LibraryQuery", "LibraryWatch", "Loader", "OpenAhead",
           "PaneBorders", "ReadMarks", "Ready", "SourcesRefresh", "TagPicker", "deliver", "set_focus_flags"]


def __getattr__(name: str):
    # TagPicker loads textual.command: imported when first used, not before the first paint.
    if name == "TagPicker":
        from tui.app.parts.tag_picker import TagPicker

        return TagPicker
    raise AttributeError(name)
