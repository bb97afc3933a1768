"""The quick path for a plain `newsreader` / `newsreader --db PATH`: same meaning as the full parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui import cli


@pytest.mark.parametrize("argv", [[], ["--db", "lib.db"], ["--db=lib.db"], ["--db", "~/news/a b.db"]])
def test_quick_path_reads_what_argparse_reads(argv):
    quick = cli._bare_tui_args(argv)
    full = cli.build_parser().parse_args(argv)
    assert quick is not None
    assert (quick.db, quick.debug, quick.command) == (full.db, full.debug, full.command)


@pytest.mark.parametrize("argv", [
    ["list"], ["--debug"], ["--db"], ["--db", "-x"], ["--db="], ["--db", "a.db", "list"], ["--version"], ["-h"],
])
def test_anything_else_goes_to_the_full_parser(argv):
    assert cli._bare_tui_args(argv) is None


def test_plain_start_does_not_import_argparse_or_the_commands(tmp_path):
    # Stop just before the UI would start: what the quick path imported is what a real start pays.
    code = (
        "import sys, tui.app\n"
        "tui.app.run = lambda path, lib=None: (lib.close(), print(sorted(m for m in ('argparse', 'tui.commands') "
        "if m in sys.modules)))[1] or 0\n"
        "from tui.cli import main\n"
        f"sys.exit(main(['--db', {str(tmp_path / 'lib.db')!r}]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"NEWSREADER_NO_SEED": "1", "PATH": ""}, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
