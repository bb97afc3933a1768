"""`newsreader summary` prints a summary line cut from a quotation of two sentences with its missing quotation mark
(text and Markdown, as the app shows it); JSON keeps the body's span as it is ("text", with its offsets) and gives the
shown form beside it ("display")."""

from __future__ import annotations

import json

from test_cli import run

# Our own text: the lead picks the first three sentences, the third of them opens a quotation that closes in the
# fourth ("According to Varga, ...").
FERRY = ('The ferry line from Kessel to Ormund reopened on Monday after a winter of repairs. '
         'Harbour master Ilse Varga was pleased with the crews. According to Varga, "they worked through every storm '
         'of the winter and never missed a tide. Nobody in this port will forget it." The first crossing carried 212 '
         'passengers.\n')
CUT = 'According to Varga, "they worked through every storm of the winter and never missed a tide.'


def test_text_and_markdown_close_the_quotation_json_keeps_the_span(tmp_path):
    f = tmp_path / "ferry.txt"
    f.write_text(FERRY, encoding="utf-8")
    args = ("summary", str(f), "--method", "lead", "--sentences", "3")
    for fmt in ("text", "md"):
        out = run(*args, "--format", fmt).stdout
        assert f'3. {CUT}"\n' in out, out  # closed, as the app shows it (before: the line ended "a tide.")
    rec = json.loads(run(*args, "--format", "json").stdout)
    last = rec["sentences"][-1]
    body = f.read_text(encoding="utf-8")
    assert last["text"] == CUT == body[last["start"]:last["end"]]
    assert last["display"] == CUT + '"'
    assert [s["display"] for s in rec["sentences"][:2]] == [s["text"] for s in rec["sentences"][:2]]


def test_summary_quotes_prints_the_markdown_y_copies(tmp_path):
    """`summary --format md --quotes` (the command `Y`'s toast names): the title, the summary as a list and the key
    quotes with their speakers (tests/ui/test_clipboard.py checks it is the very text `Y` copies). It needs Markdown
    and one article; a text or --batch request says so in one line, a usage error (exit 2)."""
    f = tmp_path / "ferry.md"
    f.write_text("# Ferry line to Ormund reopens\n\n" + FERRY, encoding="utf-8")
    out = run("summary", str(f), "--method", "lead", "--sentences", "2", "--format", "md", "--quotes").stdout
    assert out.startswith("# Ferry line to Ormund reopens\n\n## Summary\n\n- The ferry line from Kessel"), out
    assert out.count("\n- ") == 2 and "\n## Key quotes\n\n> “they worked through every storm" in out, out
    assert out.rstrip().endswith("— Ilse Varga"), out
    for extra in (("--format", "text"), ("--format", "json"), ("--format", "md", "--batch", "-")):
        r = run("summary", str(f), "--quotes", *extra, stdin="")
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "--quotes" in r.stderr, (extra, r.stderr)
