"""Read a --since WHEN: an ISO date, "today", "yesterday", or an age such as 24h, 3d, 2w."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

_AGE = re.compile(r"^\s*(\d{1,5})\s*([hdw])\s*$", re.IGNORECASE)


def parse_since(text: str | None, today: date | None = None) -> str:
    """The ISO day WHEN stands for ("" for no limit); ValueError with a readable message otherwise."""
    if not text:
        return ""
    today = today or datetime.now(timezone.utc).date()
    t = text.strip().lower()
    if t == "today":
        return today.isoformat()
    if t == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    m = _AGE.match(t)
    if m:
        n, unit = int(m.group(1)), m.group(2).lower()
        days = {"h": n / 24, "d": n, "w": 7 * n}[unit]
        return (today - timedelta(days=int(days))).isoformat()
    try:  # a date, or a date and time (its day); not a date with anything else after it ("2026-01-14zzz" was read
        return datetime.fromisoformat(t).date().isoformat()  # as 2026-01-14: its first ten characters)
    except ValueError:
        raise ValueError(f"cannot read --since {text!r}: use a date (2026-01-14), today, yesterday, 24h, 3d or 2w") from None
