"""The README's command lines and `--help` (argparse, tui.cli.build_parser) name the same commands and options, as
tests/ui/test_readme_key_table.py holds the key table to help: every command has a line "newsreader CMD ..." in the
README's command-line blocks, every option its --help lists is named in that command's entry (its line and the
indented lines under it), and every option a command's line names is one of its --help. Before: `remove` and
`quotes` shared a line with `show` and `entities` (read as the first one's), so `quotes --max-chars`, its --format and
--batch and `entities --batch` were no command's; `feed export --output`, and -n (summary, story, brief) and -s (list)
were named nowhere. The lines of `add`, `summary` and `brief` now name --dry-run, --force, --quotes and --batch too."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from tui.cli import build_parser

README = Path(__file__).parents[2] / "README.md"
NESTED = ("feed", "watch")


def command_entries() -> dict[str, list[str]]:
    """Each command of the README's code blocks ("feed add", "story"), with its lines: the line naming it and the
    indented lines under it (a command may have several entries: `stories` and `stories --rebuild`)."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Command line", 1)[1].split("\n## Quality", 1)[0]
    blocks = re.findall(r"^```\n(.*?)^```", section, flags=re.S | re.M)
    entries: dict[str, list[str]] = {}
    for block in blocks:
        current: list[str] | None = None
        for line in block.splitlines():
            if line.startswith("newsreader"):
                words = line.split("   ")[0].split()  # the line's usage part, before its description
                if len(words) > 1 and words[1] in NESTED:
                    # "newsreader watch add DIR | list | remove DIR | scan": one line for each action it names
                    parts = " ".join(words[2:]).split(" | ")
                    actions = [part.split()[0] for part in parts if re.fullmatch(r"[a-z]+", part.split()[0])]
                    names = [f"{words[1]} {action}" for action in actions]
                else:
                    names = [words[1] if len(words) > 1 and not words[1].startswith("-") else ""]
                current = [line]
                for name in names:
                    entries.setdefault(name, []).append(current)
            elif current is not None and line.startswith(" "):
                current.append(line)
    return {name: [line for entry in lines for line in entry] for name, lines in entries.items()}


def commands() -> dict[str, argparse.ArgumentParser]:
    """Every command `--help` lists, by its words ("" for newsreader itself, "feed add"), with its parser."""
    out: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, words: list[str]) -> None:
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subparsers or not words:
            out[" ".join(words)] = parser
        for action in subparsers:
            for name, sub in action.choices.items():
                walk(sub, [*words, name])

    walk(build_parser(), [])
    return out


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings if o not in ("-h", "--help")}


def test_every_command_of_help_has_its_line_in_the_readme():
    entries = command_entries()
    missing = sorted(name for name in commands() if name and name not in entries)
    assert not missing, f"commands --help lists that the README's command lines leave out: {missing}"


def test_every_option_of_help_is_named_in_its_commands_readme_entry():
    entries = command_entries()
    missing = []
    for name, parser in commands().items():
        said = "\n".join(entries.get(name, []))
        if not name:  # newsreader's own options: anywhere in the command-line section
            said = README.read_text(encoding="utf-8").split("\n## Command line", 1)[1].split("\n## Quality", 1)[0]
        missing += [f"{name or 'newsreader'} {option}" for option in sorted(options(parser))
                    if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", said)]
    assert not missing, f"options --help lists that the README does not name for their command: {missing}"


def test_every_option_a_readme_command_line_names_is_one_of_its_help():
    parsers = commands()
    unknown = []
    for name, lines in command_entries().items():
        known = options(parsers[name]) | options(parsers[""]) if name in parsers else set()
        for line in lines:
            if not line.startswith("newsreader"):
                continue
            usage = line.split("   ")[0]  # the line's usage part, before its description
            unknown += [f"{name}: {option}" for option in re.findall(r"(?<![\w-])--?[a-z][\w-]*", usage)
                        if option not in known]
    assert not unknown, f"options the README's command lines name that --help does not list: {unknown}"
