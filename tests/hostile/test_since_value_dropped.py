"""`--since=--`: argparse drops a value's "--" and hands the option an empty list without reading it, so `brief` and
`stories` ran with no limit at all (every unread story, exit 0) on a WHEN that is no time. It is refused as any WHEN
that cannot be read: one usage line, exit 2, nothing on stdout."""

from __future__ import annotations

import pytest

from hostile_helpers import eight_articles, one_line_error, run_cli

TEXT = "Orrisford weir works {n}\n\nThe river board of Orrisford said on Monday that the weir works would end soon. Note {n}.\n"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return eight_articles(tmp_path_factory.mktemp("since"), TEXT)


@pytest.mark.parametrize("command", ["brief", "stories"])
def test_a_since_of_two_dashes_is_refused_as_a_when_that_cannot_be_read(library, command):
    r = run_cli(command, "--since=--", db=library)
    line = one_line_error(r.stderr)
    assert r.returncode == 2, (r.returncode, line, r.stdout[:200])
    assert "argument --since: cannot read '--'" in line and f"newsreader {command} --help" in line, line
    assert r.stdout == b""
    # (a WHEN that reads still works, and another that cannot be read is said the same way)
    assert run_cli(command, "--since=3d", db=library).returncode == 0
    assert "cannot read '-5d'" in one_line_error(run_cli(command, "--since=-5d", db=library).stderr)
