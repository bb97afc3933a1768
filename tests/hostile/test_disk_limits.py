"""The reading commands that analyse on the way (`who`, `story`, `brief`) on a disk that refuses to grow the library:
a file size limit (`ulimit -f`, RLIMIT_FSIZE) as a full disk looks to one process. Every other reading command reads
such a library; these stopped at their first stored analysis with "disk I/O error ... (is the disk full or
failing?)", `brief` after printing its heading. They show the page from what they analysed and leave storing it to a
later run (session 32)."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
from pathlib import Path

import pytest
from hostile_helpers import newsreader_cmd, terminal_bytes

from tui.models import Article
from tui.store import Library

# Our own text: invented people and towns.
KELP = ('The kelp harvest at Orrin Bay failed for a second year, {n}, and the co-operative asked the county for help.\n\n'
        '"We cannot pay the boats on what came in," said Halvard Minsk, who chairs the co-operative.\n\n'
        'County officers from Tessaly will visit the bay next week, Halvard Minsk told members at the meeting.')


def _library(db: Path) -> None:
    """Eight articles of one event from four outlets, grouped, none analysed yet."""
    from tui.stories import settle

    with Library(db) as lib:
        for n in range(8):
            lib.add(Article(title=f"Orrin Bay kelp harvest fails again ({n})", body=KELP.format(n=f"report {n}"),
                            source=f"Outlet {n % 4}", published=f"2026-11-0{1 + n % 4}"))
        settle(lib)
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


def _limited(args: list[str], db: Path, limit: int) -> subprocess.CompletedProcess:
    def cap():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = dict(os.environ, NEWSREADER_NO_SEED="1", NEWSREADER_DB=str(db))
    return subprocess.run(newsreader_cmd() + args, capture_output=True, env=env, timeout=300, preexec_fn=cap)


@pytest.mark.parametrize("args, says", [
    (["who", "Halvard Minsk"], b"Halvard Minsk (person)"),
    (["who", "Halvard Minsk", "--json"], b'"name": "Halvard Minsk"'),
    (["story", "1"], b"Halvard Minsk"),
    (["brief"], b"Orrin Bay kelp harvest fails again"),
])
def test_commands_that_analyse_on_the_way_read_a_library_the_disk_will_not_let_grow(tmp_path, args, says):
    db = tmp_path / "lib.db"
    _library(db)
    # room for the shared-memory index (32 KB) but not for the write-ahead log of eight analyses
    r = _limited(args, db, 40 * 1024)
    assert r.returncode == 0, r.stderr
    assert says in r.stdout, r.stdout[-500:]
    assert b"Traceback" not in r.stderr and len(r.stderr.splitlines()) <= 1, r.stderr
    assert not terminal_bytes(r.stdout) and not terminal_bytes(r.stderr)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for (data,) in con.execute("SELECT data FROM analysis"):  # what fitted was stored whole
        json.loads(data)
    con.close()
    again = _limited(args, db, resource.RLIM_INFINITY)  # the disk has room again: the same page, now stored
    assert again.returncode == 0 and says in again.stdout, again.stderr


SETTINGS = ('# written by hand\ntheme = "nord"\n' + "".join(f"# note {i}: the quay lights, the night ferry\n" for i in range(120))
            + '[keys]\ncopy_summary = "ctrl+y"\n')


def test_changing_a_setting_on_a_disk_that_will_not_let_the_file_grow_leaves_the_file_as_it_was(tmp_path):
    """The app rewrites the settings file when the view, the order or the theme changes. It was emptied and written
    again: on a full disk (here a file size limit below its size) it was left cut, its [keys] lost."""
    import sys

    path = tmp_path / "config.toml"
    path.write_text(SETTINGS)
    script = ("import resource, sys; from pathlib import Path; from tui.config import save_setting; "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048)); print(save_setting('view', 'unread', Path(sys.argv[1])))")
    r = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"cannot save the view to {path}: file too large"
    assert path.read_text() == SETTINGS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]  # no copy left beside it


def test_a_setting_saved_keeps_the_files_permissions_and_a_link_stays_a_link(tmp_path):
    from tui.config import load_config, save_setting

    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "newsreader.toml"
    real.write_text(SETTINGS)
    real.chmod(0o640)
    link = tmp_path / "config.toml"
    link.symlink_to(real)
    assert save_setting("view", "unread", link) is None
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.stat().st_mode & 0o777 == 0o640
    assert real.read_text() == 'view = "unread"\n' + SETTINGS
    config = load_config(link)
    assert (config.view, config.theme, config.keys, config.problems) == ("unread", "nord", {"copy_summary": "ctrl+y"}, [])
    assert sorted(p.name for p in dotfiles.iterdir()) == ["newsreader.toml"]


def test_analyze_stopped_by_a_full_disk_says_what_it_kept(tmp_path):
    """`analyze` stores its analyses batch by batch: stopped by the disk part way, it said "the library was not
    changed" with some of them stored (and `watch add` said so after storing the folder)."""
    db = tmp_path / "lib.db"
    with Library(db) as lib:
        for n in range(60):
            lib.add(Article(title=f"Orrin Bay kelp report {n}", body=KELP.format(n=f"report {n}") * 12,
                            source=f"Outlet {n % 4}", published="2026-11-01"))
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    r = _limited(["analyze"], db, db.stat().st_size + 48 * 1024)
    assert r.returncode == 1
    line = r.stderr.decode().strip().splitlines()[-1]
    assert "undone, what was stored before it is kept" in line and "not changed" not in line, line
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM analysis").fetchone()[0] > 0  # what the line says is kept
    con.close()
