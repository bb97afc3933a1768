"""newsreader: read news in the terminal with entities highlighted and a summary beside it.

Kept deliberately empty of imports so that `import tui` and `newsreader --help` stay fast.
"""

__version__ = "0.1.0"
