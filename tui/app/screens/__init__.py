"""Screens: the main reading screen and the help screen."""

from tui.app.screens.help import HelpScreen
from tui.app.screens.main import MainScreen

__all__ = ["HelpScreen", "MainScreen"]
