"""`summary PATH` of a file that is no article (a shell start-up file, a script, a configuration file of options
commented out) is one line and exit 1, as `add` skips it with the same reason; plain-text news that quotes a
command, carries Markdown headings, prices, hashtags or a "Source:" line is still summarised. Before: `summary
~/.bashrc` summarised the shell file (its comments read as prose) and `add` imported it. Every text is ours."""

from __future__ import annotations

import pytest

from tui.cli import main

SHELL_START = """# ~/.profile-like start-up file for the tests: read by the shell at each login.

# When the terminal is interactive, keep a longer history and do not store duplicate lines in it.
# You may uncomment the following lines if you want the prompt to show the current branch name.
# export PROMPT_BRANCH=1
# alias gs='git status'
HISTSIZE=5000
case $- in
    *i*) ;;
      *) return;;
esac
if [ -f "$HOME/.aliases" ]; then
    . "$HOME/.aliases"
fi
export PATH="$HOME/bin:$PATH"
eval "$(tool init -)"
"""

PYTHON = '''"""Count the crates on the quay and print the total for each trader."""

import sys


def count(lines):
    totals = {}
    for line in lines:
        name, crates = line.split(",")
        totals[name] = totals.get(name, 0) + int(crates)
    return totals


if __name__ == "__main__":
    print(count(sys.stdin))
'''

COMMENTED_OPTIONS = """# Settings of the quay ledger: every option is shown with its default value, commented out.
# Uncomment a line and change its value to use another setting for the harbour office.
#
# The folder where the daily ledgers are written when the office closes in the evening.
# LEDGER_DIR=/var/lib/ledger
#
# How many days of ledgers are kept before the oldest one is removed from the folder.
# KEEP_DAYS=30
#
# Whether the clerk counts the crates of each trader again once the quay has closed for the night.
# RECOUNT=no
"""

SCRIPT = """#!/bin/sh
# Copy the day's ledger to the harbour office share when the quay closes for the night.
cp /var/lib/ledger/today.txt /mnt/office/ledgers/
echo done
"""

NEWS_WITH_COMMAND = """Harbour office moves its ledgers online

The harbour office in Kessby said on Monday that the daily ledgers of the quay would be kept online from next month, ending forty years of paper books kept in the clerk's cupboard.

Traders will be able to read their own figures each evening. The office's clerk, Ruth Anvell, said the change would save her about an hour a day. "I used to copy every line by hand," she said.

For traders who want the figures in a spreadsheet, the office published a one-line command, curl -s https://ledger.example/today > today.csv, and said it would answer questions at the quay on Friday.

The office said the paper books would go to the town museum. The cost of the change, $12,000, was met from the harbour dues.
"""

NEWS_MARKDOWN = """# Ferry stays on the winter timetable

## Islanders won the vote

The harbour board voted on Tuesday to keep the late ferry to Skerrvik running through the winter, after islanders filled the meeting room to say the boat was the only way home from their shifts in town. #KeepTheLateBoat

Source: Kessby Courier

The board had planned to cut the evening crossings from four to two between November and March. Its chair said the vote would be looked at again in the spring, when passenger figures for the winter are known.
"""


@pytest.mark.parametrize("name, text, reason", [
    ("bashrc", SHELL_START, "a script or configuration file (code and comments), not an article"),
    ("tally.py", PYTHON, "a script or configuration file (code and comments), not an article"),
    ("ledger.conf", COMMENTED_OPTIONS, "a configuration file or script (comments), not an article"),
    ("copy.txt", SCRIPT, "a script (#!), not an article"),
], ids=["shell", "python", "options", "shebang"])
def test_a_script_or_config_is_no_article(lib, tmp_path, capsys, name, text, reason):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert main(["summary", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"newsreader: error: {path}: nothing to summarise: {reason}\n"
    assert main(["add", str(path)]) == 1  # add skips it with the same reason (--force still takes it)
    assert f"skipped {path}: {reason}; --force imports it anyway" in capsys.readouterr().err
    assert lib.count() == 0


@pytest.mark.parametrize("text, words", [(NEWS_WITH_COMMAND, "ledgers"), (NEWS_MARKDOWN, "late ferry")],
                         ids=["command", "markdown"])
def test_plain_text_news_is_still_summarised(lib, tmp_path, capsys, text, words):
    for name in ("news.txt", "news.md"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert main(["summary", str(path)]) == 0, capsys.readouterr().err
        assert words in capsys.readouterr().out
