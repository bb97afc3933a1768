"""Importers: turn text dumps, Markdown, HTML pages, RSS/Atom feeds, JSON exports,
directories and stdin into `Article`s. No database, no UI; heavy libraries
(trafilatura, feedparser, charset-normalizer) are imported only when a file needs them.
"""

from tui.importers.dispatch import import_paths, parse_bytes
from tui.importers.item import ImportItem
from tui.importers.text import parse_text

__all__ = ["ImportItem", "import_paths", "parse_bytes", "parse_text"]
