"""The main screen's library side: filtering in a worker, import and delete."""

from __future__ import annotations

import os

from textual import work

from tui.app.widgets.rows import RowSource
from tui.store import Library, StoreError


class LibraryJobs:
    """Mixin for MainScreen: the list view (search / entity filter), adding and deleting articles."""

    _filter_generation = 0

    def set_filter(self, search: str, entity: str) -> None:
        """Show the articles matching `search` and mentioning `entity` (either may be empty)."""
        self.search, self.entity = search, entity
        self._filter_generation += 1
        self.update_library_status(busy=True)
        self._filter_worker(search, entity, self._filter_generation)

    def reload_list(self) -> None:
        """Re-run the current view (after an add or delete)."""
        self.set_filter(self.search, self.entity)

    @work(thread=True, exclusive=True, group="filter")
    def _filter_worker(self, search: str, entity: str, generation: int) -> None:
        with Library(self.db_path) as lib:
            if search.strip() or entity:
                source = RowSource.filtered(lib, search, entity)
            else:
                source = RowSource(lib)
        try:
            self.app.call_from_thread(self._filter_done, source, generation)
        except RuntimeError:
            pass

    def _filter_done(self, source: RowSource, generation: int) -> None:
        if generation != self._filter_generation:
            return  # the user typed more meanwhile
        self.forget_ready()
        current = self.articles.current
        self.articles.load(source.rebind(self.lib), keep_id=current.id if current else None)
        self.update_library_status()

    def delete_article(self, article_id: int, title: str) -> None:
        self.forget_ready()
        try:
            self.lib.remove(article_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if self.article is not None and self.article.id == article_id:
            self.article = None
            self.analysis = None
            self.body.clear()
            self.summary.show(None)
            self.update_summary_status()
            self.set_reading(False)
        self.notify(f"Deleted: {title[:60]}", markup=False)
        self.reload_list()

    @work(thread=True, exclusive=True, group="import")
    def import_path(self, path: str) -> None:
        """Import a file, folder or feed; report what was added and every failure."""
        added, duplicates, errors = 0, 0, []
        try:
            from tui.importers import import_paths

            with Library(self.db_path) as lib:
                articles = []
                for item in import_paths([os.path.expanduser(path)]):
                    if item.error:
                        errors.append(f"{item.origin}: {item.error}")
                    elif item.article is not None:
                        articles.append(item.article)
                for status, _id in lib.add_many(articles):
                    added += status == "added"
                    duplicates += status == "duplicate"
        except Exception as exc:  # any failure becomes a message, never a crash
            errors.append(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        try:
            self.app.call_from_thread(self._import_done, path, added, duplicates, errors)
        except RuntimeError:
            pass

    def _import_done(self, path: str, added: int, duplicates: int, errors: list[str]) -> None:
        if added or duplicates:
            message = f"Added {added} article{'s' if added != 1 else ''}"
            if duplicates:
                message += f", {duplicates} already in the library"
            self.notify(message, markup=False)
            self.reload_list()
            if added:
                self.start_background()
        if errors:
            shown = "\n".join(errors[:3]) + (f"\n… and {len(errors) - 3} more" if len(errors) > 3 else "")
            self.notify(shown, title="Could not import", severity="error", timeout=10, markup=False)
        if not added and not duplicates:
            # Nothing came in: ask again with the reason shown in the prompt.
            self.action_add(error=errors[0] if errors else f"nothing to import at {path}", value=path)
