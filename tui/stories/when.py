"""Read a --since WHEN: an ISO date, "today", "yesterday", or an age such as 24h, 3d, 2w."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

_AGE = re.compile(r"^\s*(\d{1,5})\s*([hdw])\s*$", re.IGNORECASE)
FORMS = "use a date (2026-01-14), today, yesterday, 24h, 3d or 2w"


class FutureDay(ValueError):
    """A WHEN that reads as a day after today: nothing can be since then (it gave an empty briefing, said as if
    nothing were unread)."""


def parse_since(text: str | None, today: date | None = None, now: datetime | None = None) -> str:
    """The ISO day WHEN stands for ("" for no limit); ValueError with a readable message otherwise (FutureDay for a
    day after today). An age in hours counts back from now (`12h` at 01:00 is yesterday; it was read as today);
    `today` defaults to today in UTC, and a day is in the future only once it is after today both in UTC and on the
    local clock (a reader east of Greenwich is a day ahead in the evening)."""
    if not text:
        return ""
    now = now or datetime.now(timezone.utc)
    last = today
    if today is None:
        today = now.date()
        last = max(today, datetime.now().date())
    t = text.strip().lower()
    if t == "today":
        return today.isoformat()
    if t == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    m = _AGE.match(t)
    if m:
        n, unit = int(m.group(1)), m.group(2).lower()
        if unit == "h":
            hour = (now if now.date() == today else datetime.combine(today, datetime.max.time())) - timedelta(hours=n)
            return hour.date().isoformat()
        return (today - timedelta(days=n * (7 if unit == "w" else 1))).isoformat()
    try:  # a date, or a date and time (its day); not a date with anything else after it ("2026-01-14zzz" was read
        day = datetime.fromisoformat(t).date()  # as 2026-01-14: its first ten characters)
    except ValueError:
        raise ValueError(f"cannot read --since {text!r}: {FORMS}") from None
    if day > last:
        raise FutureDay(f"{text.strip()!r} is after today ({last.isoformat()}): nothing can be since then")
    return day.isoformat()
