"""The article library: one SQLite file (WAL, FTS5). Knows nothing of NLP or the UI."""

from tui.store.library import Library, StoreError, default_db_path

__all__ = ["Library", "StoreError", "default_db_path"]
