"""Read a --since WHEN: an ISO date, "today", "yesterday", an age such as 30m, 24h, 3d, 2w, or a time (09:30,
2026-01-14T08:30). A day reads as its ISO day ("2026-01-14"); an age in hours or minutes and a time read as a UTC
time ("2026-01-14T08:30:00Z", as articles' added_at is stored), which the stories' reads compare with each article's
own time where it has one (tui.store.stories.since_where)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

_AGE = re.compile(r"^\s*(\d{1,5})\s*([mhdw])\s*$", re.IGNORECASE)
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")
FORMS = "use a date (2026-01-14), today, yesterday, 30m, 24h, 3d, 2w or a time (09:30, 2026-01-14T09:30)"


def _utc(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class FutureDay(ValueError):
    """A WHEN that reads as a day after today: nothing can be since then (it gave an empty briefing, said as if
    nothing were unread)."""


def parse_since(text: str | None, today: date | None = None, now: datetime | None = None) -> str:
    """The ISO day WHEN stands for, or the UTC time for an age in minutes or hours and a time ("" for no limit);
    ValueError with a readable message otherwise (FutureDay for a day after today). An age in hours counts back
    from now to the minute (`1h` was read as its whole day: `brief --since 1h` covered the day);
    `today` defaults to today on the reader's clock, as the library list dates its rows and the briefing screen says
    "since today" (it was the UTC day: at 00:30 in Berlin the briefing's "today" was yesterday, and the screen said
    "since yesterday"), and a day is in the future only once it is after today both in UTC and on the local clock (a
    reader east of Greenwich is a day ahead in the evening)."""
    if not text:
        return ""
    now = now or datetime.now(timezone.utc)
    last, given = today, today is not None
    if today is None:
        today = now.astimezone().date()
        last = max(today, now.astimezone(timezone.utc).date())
    t = text.strip().lower()
    if t == "today":
        return today.isoformat()
    if t == "yesterday":
        return (today - timedelta(days=1)).isoformat()
    m = _AGE.match(t)
    if m:
        n, unit = int(m.group(1)), m.group(2).lower()
        if unit in "mh":  # counts back from now, to the minute: `1h` is the last hour, not the whole day
            if given and now.date() != today:  # (a test's given day: its end)
                now = datetime.combine(today, datetime.max.time().replace(microsecond=0), timezone.utc)
            try:
                return _utc(now - timedelta(minutes=n * (60 if unit == "h" else 1)))
            except OverflowError:
                raise ValueError(f"cannot read --since {text!r}: {FORMS}") from None
        return (today - timedelta(days=n * (7 if unit == "w" else 1))).isoformat()
    clock = _CLOCK.match(t)
    try:
        if clock:  # a time of day on the reader's clock: today's, or yesterday's when it is still ahead
            local = now.astimezone()
            at = local.replace(hour=int(clock.group(1)), minute=int(clock.group(2)), second=0, microsecond=0)
            return _utc(at if at <= local else at - timedelta(days=1))
        when = datetime.fromisoformat(t.upper() if "t" in t else t)
    except ValueError:  # not a date (nor a date and time); not a date with anything else after it ("2026-01-14zzz"
        raise ValueError(f"cannot read --since {text!r}: {FORMS}") from None  # was read as 2026-01-14)
    day = when.date()
    if day > last:
        raise FutureDay(f"{text.strip()!r} is after today ({last.isoformat()}): nothing can be since then")
    if len(t) <= 10:  # a day
        return day.isoformat()
    if when.tzinfo is None:  # a time without a zone is on the reader's clock
        when = when.astimezone()
    return _utc(when)
