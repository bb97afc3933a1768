"""Modal dialogs: confirmation and the add-article prompt."""

from tui.app.dialogs.add import AddDialog
from tui.app.dialogs.confirm import ConfirmDialog

__all__ = ["AddDialog", "ConfirmDialog"]
