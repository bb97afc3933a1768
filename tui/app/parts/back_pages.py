"""The pages an article was opened from, kept while it is open so that esc / q go back to them (walk32).

Opening an article from a page (the story view, a person page, the briefing) closes the pages over the main screen.
A closed page is normally removed (Textual removes a popped screen that is not installed), and going back would
mean a new page, read again, its cursor at the top. Instead the pages are installed under names of their own while
the article is open, so they stay as they were (cursor, scroll, what they read), and are pushed again, bottom first,
by esc / q. Anything else opened or shown meanwhile (another article, the library) releases them: uninstalled and
removed, as Textual would have done when they were closed.
"""

from __future__ import annotations

from textual.screen import Screen


class BackPages:
    """The kept pages of one main screen: `hold` them before they close, `keep` them once the article is open (or
    `let_go` when it is not), `take` them to push again, or `release` them."""

    def __init__(self, owner: Screen) -> None:
        self.owner = owner
        self.pages: list[Screen] = []
        self._names: dict[int, str] = {}  # id(page) -> the name it was installed under by hold (not by its own code)

    def __bool__(self) -> bool:
        return bool(self.pages)

    def hold(self, pages: list[Screen]) -> None:
        """Install each of `pages` not installed yet under a name of its own, so that closing it does not remove it."""
        app = self.owner.app
        for page in pages:
            if not app.is_screen_installed(page):
                name = f"back-page-{id(page)}"
                app.install_screen(page, name)
                self._names[id(page)] = name

    def keep(self, pages: list[Screen]) -> None:
        """`pages` (held, bottom first) are where esc / q go back to from now on."""
        self.release()
        self.pages = list(pages)

    def take(self) -> list[Screen]:
        """The kept pages to push again (bottom first), their names from hold taken off: each is removed when it is
        closed again, as any page."""
        pages, self.pages = self.pages, []
        for page in pages:
            self._uninstall(page, remove=False)
        return pages

    def release(self) -> None:
        """Forget the kept pages: those held and not on the screen are uninstalled and removed."""
        pages, self.pages = self.pages, []
        self.let_go(pages)

    def let_go(self, pages: list[Screen]) -> None:
        """Held pages that are not kept: uninstalled and removed (what closing them would have done)."""
        for page in pages:
            self._uninstall(page, remove=True)

    def _uninstall(self, page: Screen, remove: bool) -> None:
        app = self.owner.app
        name = self._names.get(id(page))
        if name is None or page in app.screen_stack:
            return
        del self._names[id(page)]
        app.uninstall_screen(name)
        if remove and page.is_attached:
            page.remove()
