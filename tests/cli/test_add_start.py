"""`newsreader add` builds its arguments without the story subcommands (their module imports the grouping, summary
and quote code: ~60 ms of every import's start-up); the arguments parse the same, and every other command,
and any --help, still gets the full parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui import cli


@pytest.mark.parametrize("argv", [
    ["add", "a.txt"], ["--db", "x.db", "add", "--json", "--force", "a", "b"], ["--db=x.db", "add", "-"],
    ["--debug", "add", "--dry-run", "dir"], ["--db", "add", "add", "f"],
])
def test_add_parses_the_same_without_the_story_commands(argv):
    assert not cli._needs_stories(argv)
    assert vars(cli.build_parser(stories=False).parse_args(argv)) == vars(cli.build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["stories"], ["--db", "add", "story", "1"], ["add", "--help"], ["-h"], ["list"],
                                  ["who", "add"], []])
def test_other_commands_get_every_subcommand(argv):
    assert cli._needs_stories(argv)


def test_add_does_not_import_the_story_code(tmp_path):
    # (a real add of up to GROUP_ON_ADD articles then groups them, which imports the grouping code; a bulk
    # import or a dry run does not)
    (tmp_path / "a.txt").write_text("Harbour reopens\n\nThe harbour reopened on Monday after a week of storms, "
                                    "officials said, and the first ferries left for the islands.\n", encoding="utf-8")
    code = ("import sys; from tui.cli import main; rc = main(sys.argv[1:]); "
            "print([m for m in sys.modules if m.startswith(('tui.stories', 'tui.engine'))])")
    out = subprocess.run([sys.executable, "-c", code, "add", "--dry-run", str(tmp_path / "a.txt")],
                         capture_output=True, text=True, cwd=tmp_path,
                         env={"NEWSREADER_NO_SEED": "1", "PATH": "/usr/bin:/bin",
                              "PYTHONPATH": str(cli.__file__).rsplit("/tui/", 1)[0]})
    assert out.returncode == 0, out.stderr
    assert "parsed  Harbour reopens" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_chunks_shrink_over_the_last_files_of_a_big_import():
    from tui.commands import CHUNK, _chunk_size

    for total in (1, 31, 500, 1001, 3000, 12345):
        left, sizes = total, []
        while left > 0:
            sizes.append(min(_chunk_size(left), left))
            left -= sizes[-1]
        assert sum(sizes) == total and max(sizes) <= CHUNK
        assert len(sizes) <= total // CHUNK + 8  # a few transactions more, not one per file
        if total > 2 * CHUNK:
            assert sizes[0] == CHUNK and sizes[-1] <= 64
    assert _chunk_size(0) == _chunk_size(-5) == CHUNK  # more items than files (feeds): whole chunks
