"""`newsreader summary|entities|quotes --batch FILE.jsonl` fed hostile lines: one JSON answer per line,
an error record (never a traceback) for a bad line, valid spans for the good ones, and the batch goes on."""

from __future__ import annotations

import json

import pytest

import hostile_inputs
from hostile_helpers import run_cli, terminal_bytes

ESCAPED = ("The council met on Tuesday\x1b[2J in Lisbon. \"We will\x1b]52;c;cm0gLXJmIH4=\x07 build it,\" "
           "said Maria\x1b[31m Silva\x1b[0m. [link=file:///etc/passwd]x[/link] and [/] closed it.")
GOOD_TEXTS = [ESCAPED, "", "\"\"''“”‘’«»" * 50, "“" * 300 + " deep " + "”" * 299, hostile_inputs._long_line(20_000),
              "مرحبا said Maria Silva in 東京都 on Tuesday. \"Family 👨‍👩‍👧‍👦 e\u0301,\" she said.",
              "\ud800 lone surrogate said Maria Silva.".encode("utf-8", "surrogatepass").decode("utf-8", "replace")]
BAD_LINES = ['{"id": 1, "text": ', "[1, 2, 3]", '{"id": 2}', '{"id": 3, "text": 42}', '{"id": 4, "text": null}',
             '"just a string"', "not json at all \x1b[31m", '{"id": 5, "text": "ok", "budget_sentences": -5}',
             '{"id": 6, "text": "One. Two. Three.", "budget_sentences": "many"}',
             '{"id": 7, "text": "One. Two. Three.", "budget_sentences": 1000000000}']


@pytest.mark.parametrize("command", ["summary", "entities", "quotes"])
def test_batch_of_hostile_lines(tmp_path, command):
    lines = [json.dumps({"id": f"g{i}", "text": t, "title": "[bold]T[/bold]\x1b[31m"}) for i, t in enumerate(GOOD_TEXTS)]
    lines += BAD_LINES
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    r = run_cli(command, "--batch", str(batch), timeout=120)
    assert b"Traceback" not in r.stderr + r.stdout, r.stderr[-800:]
    assert r.returncode in (0, 1)
    assert not [b for b in terminal_bytes(r.stdout) if not b.startswith(b"\xc2")], "C0 control bytes in the output"
    answers = [json.loads(line) for line in r.stdout.decode("utf-8").splitlines()]
    assert len(answers) == len(lines), "one answer per non-empty input line"
    texts = {f"g{i}": t for i, t in enumerate(GOOD_TEXTS)}
    for ans in answers:
        if "error" in ans:
            assert "\n" not in ans["error"]
            continue
        text = texts.get(ans["id"], "One. Two. Three." if ans["id"] in (6, 7) else "ok")
        spans = ans.get("sentences") or ans.get("entities") or ans.get("quotes") or []
        for s in spans:
            assert 0 <= s["start"] <= s["end"] <= len(text), (ans["id"], s)
            assert text[s["start"]:s["end"]] == s["text"], (ans["id"], s)
    good_ids = {a["id"] for a in answers if "error" not in a}
    assert set(texts) <= good_ids, f"good lines answered with an error: {set(texts) - good_ids}"
