"""Screens: the main reading screen and the help screen."""

__all__ = ["HelpScreen", "MainScreen"]


def __getattr__(name: str):
    # Imported on first use: the help screen is not needed for the first paint.
    if name == "HelpScreen":
        from tui.app.screens.help import HelpScreen

        return HelpScreen
    if name == "MainScreen":
        from tui.app.screens.main import MainScreen

        return MainScreen
    raise AttributeError(name)
