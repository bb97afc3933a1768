"""bench/instructions.py --in-process counts what runs inside operator.call: the engine must never call it."""

from __future__ import annotations

import re
from pathlib import Path

_CALL = re.compile(r"operator\.call\b|from operator import[^\n]*\bcall\b")


def test_the_engine_never_calls_operator_call():
    """callgrind's --toggle-collect=_operator_call* switches the count on when the bench's call enters it and off
    when it leaves; a call of operator.call inside the engine would switch it off in the middle (and the figure
    would silently miss the rest of that call)."""
    root = Path(__file__).resolve().parents[2] / "tui"
    files = sorted(root.rglob("*.py"))
    assert len(files) > 50
    assert [str(p) for p in files if _CALL.search(p.read_text(encoding="utf-8"))] == []
    assert _CALL.search("from operator import add, call") and _CALL.search("x = operator.call(f)")
    assert not _CALL.search("from operator import callable_thing") and not _CALL.search("operator.caller")
