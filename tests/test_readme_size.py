"""The README stays readable: its Quality and Performance sections hold one short row per task or budget, and the
record (every earlier run, the halves, what was tried and dropped) lives in docs/quality-history.md and
docs/performance-history.md. Before session 35 one table cell of the README ran to 39,594 characters and the file to
363 KB, so a reader could not find a figure: these checks keep the history from growing back into the README."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]
README = ROOT / "README.md"
CELL_MAX = 1_500  # the key table's longest cell is ~1,400: a row says what a key does, not its history
SECTION_MAX = {"## Quality": 8_000, "## Performance": 25_000}
LINE_MAX = 1_500  # a prose line (the README wraps at ~120 columns; a table row is checked cell by cell)


def sections(text: str) -> dict[str, str]:
    """Each '## ' section of the README, keyed by its heading line."""
    parts = re.split(r"\n(?=## )", text)
    return {part.split("\n", 1)[0]: part for part in parts if part.startswith("## ")}


def table_cells(text: str):
    """(line number, cell) of every cell of every Markdown table row."""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            for cell in stripped[1:-1].split(" | "):
                yield number, cell.strip()


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation but '-' and '_' dropped, spaces as '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_no_table_cell_of_the_readme_is_over_the_limit():
    long = [(number, len(cell), cell[:60]) for number, cell in table_cells(README.read_text(encoding="utf-8"))
            if len(cell) > CELL_MAX]
    assert not long, f"README table cells over {CELL_MAX} characters (move the history to docs/): {long}"


def test_no_prose_line_of_the_readme_is_over_the_limit():
    lines = README.read_text(encoding="utf-8").split("\n")
    long = [(number, len(line), line[:60]) for number, line in enumerate(lines, 1)
            if not line.lstrip().startswith("|") and len(line) > LINE_MAX]
    assert not long, f"README lines over {LINE_MAX} characters: {long}"


def test_quality_and_performance_sections_stay_short():
    found = sections(README.read_text(encoding="utf-8"))
    for prefix, limit in SECTION_MAX.items():
        (heading,) = [h for h in found if h.startswith(prefix)]
        size = len(found[heading])
        assert size <= limit, f"{heading!r} is {size} characters (at most {limit}): its history goes to docs/"


def test_every_history_link_of_the_readme_reaches_a_heading():
    """Each row's [history](docs/...#anchor) names a file that exists and a heading in it; both tables link."""
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\((docs/[\w.-]+\.md)#([\w-]+)\)", text)
    files = {path for path, _ in links}
    assert {"docs/quality-history.md", "docs/performance-history.md"} <= files, files
    anchors = {path: {slug(line[3:]) for line in (ROOT / path).read_text(encoding="utf-8").split("\n")
                      if line.startswith("## ")} for path in files}
    broken = [(path, anchor) for path, anchor in links if anchor not in anchors[path]]
    assert not broken, f"history links without their heading: {broken}"
    rows = {heading: len(re.findall(r"\[history\]\(docs/", body))
            for heading, body in sections(text).items() if heading.startswith(("## Quality", "## Performance"))}
    for heading, body in sections(text).items():
        if heading in rows:
            table_rows = [line for line in body.split("\n") if line.startswith("| ") and not line.startswith("| ---")]
            assert rows[heading] == len(table_rows) - 1, f"{heading!r}: a row without its history link"
