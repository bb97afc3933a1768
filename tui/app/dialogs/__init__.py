"""Modal dialogs: confirmation and the add-article prompt."""

__all__ = ["AddDialog", "ConfirmDialog"]


def __getattr__(name: str):
    # Imported when first opened, not before the first paint.
    if name == "AddDialog":
        from tui.app.dialogs.add import AddDialog

        return AddDialog
    if name == "ConfirmDialog":
        from tui.app.dialogs.confirm import ConfirmDialog

        return ConfirmDialog
    raise AttributeError(name)
