"""CLI details (issue 10 item 13): columns padded by display width, counts pluralised, a folder given to an
engine command is an error, export newest first, files that are not prose skipped unless --force."""

from __future__ import annotations

import json
import os
import subprocess

from command import cli_error, newsreader_cmd

from tui.cells import fit, plural, width

# Our own sample texts.
TOKYO = ("東京で新しい路面電車\n\n"
         "東京都は二〇二六年に新しい路面電車の路線を開業すると発表した。住民の多くは計画を歓迎している。\n")
WIDE_SOURCE_DUMP = """Tokyo tram line opens in spring

Source: 東京新聞社会部編集局
• Published March 3, 2026

The new tram line will link the harbour district with the old market, the city said on Tuesday. Trams will run every six minutes in the morning.

Residents who spoke at a meeting last week said the route was long overdue and asked for later evening services.
"""
HARBOUR = """Harbour dues rise for the first time in a decade

Source: Coast Weekly
• Published January 5, 2026

The port board raised harbour dues by four percent on Monday, the first increase in ten years. Fishing crews said the rise would be hard to absorb.
"""
WORD_LIST = "anchor\nbuoy\ncrane\ndock\nferry\nharbour\njetty\nkeel\nmooring\npier\n"
CONFIG = ("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
          "mail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n")


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(newsreader_cmd() + list(args), capture_output=True, text=True, env=dict(os.environ),
                          timeout=120)


def test_fit_and_width_count_terminal_cells():
    assert width("東京") == 4 and width("école") == 5 and width("e\u0301cole") == 5
    assert fit("東京新聞社会部編集局", 16) == "東京新聞社会部… "  # 14 cells + ellipsis + pad: 16, never a split wide char
    assert width(fit("東京新聞社会部編集局", 16)) == 16
    assert fit("Coast Weekly", 16) == "Coast Weekly    "
    assert plural(1, "sentence") == "1 sentence" and plural(2, "sentence") == "2 sentences"
    assert plural(0, "story", "stories") == "0 stories"


def test_list_columns_line_up_with_wide_characters(lib_path, tmp_path):
    (tmp_path / "a.txt").write_text(WIDE_SOURCE_DUMP, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "c.txt").write_text(TOKYO, encoding="utf-8")
    assert run("add", str(tmp_path)).returncode == 0
    lines = run("list").stdout.splitlines()
    assert len(lines) == 3
    # The title column starts at the same terminal cell on every line.
    starts = set()
    for line in lines:
        title = line.split("  ")[-1].strip()
        starts.add(width(line[:line.rindex(title)]))
    assert len(starts) == 1, lines


def test_counts_are_pluralised(lib_path, tmp_path):
    (tmp_path / "b.txt").write_text(HARBOUR, encoding="utf-8")
    r = run("add", str(tmp_path / "b.txt"))
    assert "imported 1 article, 0 duplicates" in r.stderr
    r = run("add", str(tmp_path / "b.txt"))
    assert "imported 0 articles, 1 duplicate," in r.stderr
    r = run("summary", str(tmp_path / "b.txt"), "--sentences", "1")
    assert r.returncode == 0 and "1 sentence)" in r.stdout and "1 sentences" not in r.stdout
    assert "(1 article," in run("doctor").stdout


def test_engine_commands_refuse_a_folder(lib_path, tmp_path):
    (tmp_path / "b.txt").write_text(HARBOUR, encoding="utf-8")
    for command in ("quotes", "summary", "entities"):
        r = run(command, str(tmp_path))
        assert r.returncode == 1, command
        # (the line as printed: it holds the folder twice, cut in the middle on a long temp folder)
        assert r.stdout == "" and r.stderr == cli_error(f"{tmp_path} is a folder: give one article ID or one file "
                                                        f"(`newsreader add {tmp_path}` stores a folder's articles)") + "\n"


def test_engine_commands_on_a_file_they_cannot_read_say_why_without_adds_skipped(lib_path, tmp_path):
    """`summary FILE` of a binary file said "binary file (ELF executable), skipped": nothing is skipped by a summary;
    and `add` said "skipped tool.bin: binary file (ELF executable), skipped". The reason alone, one line, exit 1; add
    says "skipped" once."""
    binary = tmp_path / "tool.bin"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    for command in ("summary", "quotes", "entities"):
        r = run(command, str(binary))
        assert r.returncode == 1 and r.stdout == "", command
        assert len(r.stderr.strip().splitlines()) == 1 and "binary file" in r.stderr, r.stderr
        assert "skipped" not in r.stderr, r.stderr
    added = run("add", str(binary))
    line = added.stderr.splitlines()[0]
    assert added.returncode == 1 and "binary file" in line and line.count("skipped") == 1, added.stderr


def test_export_is_newest_first(lib_path, tmp_path):
    (tmp_path / "old.txt").write_text(WIDE_SOURCE_DUMP, encoding="utf-8")   # March 2026
    (tmp_path / "new.txt").write_text(HARBOUR.replace("January 5, 2026", "April 9, 2026"), encoding="utf-8")
    (tmp_path / "older.txt").write_text(HARBOUR.replace("Harbour dues rise", "Harbour dues fall")
                                        .replace("raised harbour dues", "cut harbour dues"), encoding="utf-8")
    for name in ("older.txt", "new.txt", "old.txt"):
        assert run("add", str(tmp_path / name)).returncode == 0
    listed = [line.split("  ")[-1].strip() for line in run("list").stdout.splitlines()]
    md = [line[2:] for line in run("export").stdout.splitlines() if line.startswith("# ")]
    js = [json.loads(line)["title"] for line in run("export", "--format", "json").stdout.splitlines()]
    assert md == js == listed
    assert md[0].startswith("Harbour dues rise") and md[-1].startswith("Harbour dues fall")


def test_files_without_prose_are_skipped_with_a_reason_unless_forced(lib_path, tmp_path):
    (tmp_path / "words.txt").write_text(WORD_LIST, encoding="utf-8")
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "tokyo.txt").write_text(TOKYO, encoding="utf-8")
    config = tmp_path / "etc"
    config.mkdir()
    (config / "passwd").write_text(CONFIG, encoding="utf-8")  # a folder import takes known suffixes only: name it
    r = run("add", str(tmp_path), str(config / "passwd"))
    assert r.returncode == 0
    skipped = [line for line in r.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 2 and all("no prose" in line and "--force" in line for line in skipped)
    assert {"words.txt", "passwd"} == {line.split()[1].rstrip(":").rsplit("/", 1)[-1] for line in skipped}
    assert len(run("list").stdout.splitlines()) == 2  # the harbour and Tokyo articles (prose without spaces)
    r = run("add", "--force", str(tmp_path / "words.txt"), str(config / "passwd"))
    assert r.returncode == 0 and "imported 2 articles" in r.stderr
    assert len(run("list").stdout.splitlines()) == 4
    # A file that is nothing but a word list is a failed import: exit 1, like any unreadable file.
    (tmp_path / "more.txt").write_text("mast\nsail\nrudder\nhull\n", encoding="utf-8")
    assert run("add", str(tmp_path / "more.txt")).returncode == 1
