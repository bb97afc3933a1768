"""`analyze --jobs N` starts at most one worker process a core: `--jobs 99999` started a process for every 4 articles
waiting (CHUNK), 2,500 for a library of 10,000, and the memory ran out. It says it uses fewer."""

from __future__ import annotations

from tui import background, commands
from tui.cli import main
from tui.models import Article


def test_more_jobs_than_cores_is_said_and_capped(lib, monkeypatch, capsys):
    for n in range(12):
        lib.add(Article(title=f"Quay note {n}", body=f"The harbour board met on the quay for the {n}th time this year."))
    lib.close()
    asked: list = []
    monkeypatch.setattr(commands, "_cores", lambda: 2)
    monkeypatch.setattr(background, "analyse_library", lambda path, jobs=None, progress=False: asked.append(jobs) or 0)
    assert main(["analyze", "--jobs", "99999"]) == 0
    assert main(["analyze", "--jobs", "2"]) == 0
    assert main(["analyze"]) == 0
    assert asked == [2, 2, None]
    assert capsys.readouterr().err.splitlines() == ["newsreader: --jobs 99,999 is more than the 2 cores here: using 2",
                                                    "analysed 0 articles", "analysed 0 articles", "analysed 0 articles"]
