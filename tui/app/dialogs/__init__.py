"""Modal dialogs: confirmation, the add-article prompt, and adding / removing a feed."""

__all__ = ["AddDialog", "AddFeedDialog", "ConfirmDialog", "RemoveFeedDialog"]


def __getattr__(name: str):
    # Imported when first opened, not before the first paint.
    if name == "AddDialog":
        from tui.app.dialogs.add import AddDialog

        return AddDialog
    if name == "ConfirmDialog":
        from tui.app.dialogs.confirm import ConfirmDialog

        return ConfirmDialog
    if name in ("AddFeedDialog", "RemoveFeedDialog"):
        from tui.app.dialogs import feed

        return getattr(feed, name)
    raise AttributeError(name)
