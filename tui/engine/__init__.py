"""The analysis engine: text in, plain data with character spans out. Never imports textual.

Submodules are imported on use (nltk and sumy are slow to import), so `import tui.engine` is free.
"""
