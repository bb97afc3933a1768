"""Find a calendar date in the loose forms news pages print, and return it as ISO "YYYY-MM-DD"."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_SLASH_YMD = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r",?\s+(\d{4})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})([/.])(\d{1,2})\2(\d{4})\b")
_CLOCK = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])")
# A year with a sign (ISO 8601's expanded years: "-0044-03-15" is 45 BC, "+12026-01-01") or of five digits: no day we can
# store ("YYYY-MM-DD" sorts as text) and none a news item has. "-0044-03-15" was stored as 0044-03-15 (AD), and
# feedparser read it as 2026-01-04 (a made-up day, first in the list).
_SIGNED_YEAR = re.compile(r"(?<![\w.])[-+\u2212]\d{4,}-\d|(?<!\d)\d{5,}-\d{1,2}-\d")

# A feed's date up to this far ahead of now is a time zone's or a clock's difference; further ahead it is no date
# (an item dated 2100 stood first in the library, the stories list and the briefing for ever).
AHEAD_SECONDS = 36 * 3600


def _make(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """Return the first date found in `text` as "YYYY-MM-DD", or None.

    Understands 2026-01-14, 2026/01/14, January 14, 2026, Jan. 14 2026, 14 January 2026,
    and numeric 01/14/2026 (US order) or 14.01.2026 (day first, with dots).
    """
    if not text:
        return None
    if _SIGNED_YEAR.search(text):
        return None
    m = _ISO.search(text) or _SLASH_YMD.search(text)
    if m:
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _MDY.search(text)
    if m:
        return _make(int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    m = _DMY.search(text)
    if m:
        return _make(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    m = _NUMERIC.search(text)
    if m:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        # Dots are the European day-first habit; slashes the US month-first one,
        # unless the first number cannot be a month.
        if m.group(2) == "." or a > 12:
            return _make(y, b, a)
        return _make(y, a, b)
    return None


def impossible(text: str) -> bool:
    """True when `text` writes a day that does not exist (2026-13-45, 31 November, a year before 1 or after 9999 such as
    -0044-03-15) or a time past 24:00 (25:61): feedparser rolls such a date over into a made-up one (2026-13-45 ->
    2027-01-01, 2026-11-31 -> 2026-12-01, -0044-03-15 -> 2026-01-04)."""
    if not text:
        return False
    if _SIGNED_YEAR.search(text):
        return True
    m = _ISO.search(text) or _SLASH_YMD.search(text)
    if m:
        day = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := _DMY.search(text):
        day = _make(int(m.group(3)), _MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
    elif m := _MDY.search(text):
        day = _make(int(m.group(3)), _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
    else:
        day = ""
    if day is None:
        return True
    clock = _CLOCK.search(text)
    return bool(clock) and (int(clock.group(1)) > 24 or int(clock.group(2)) > 59 or int(clock.group(3) or 0) > 60)


def ahead(seconds: float, now: float | None = None) -> bool:
    """True when a moment (seconds since the epoch, UTC) lies more than AHEAD_SECONDS after `now` (the clock's)."""
    import time

    return seconds > (time.time() if now is None else now) + AHEAD_SECONDS


def day_ahead(day: str, now: float | None = None) -> bool:
    """True when an ISO day ("2100-01-01") begins more than AHEAD_SECONDS after `now`."""
    from datetime import datetime, timezone

    try:
        start = datetime.fromisoformat(day[:10]).replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        return False
    return ahead(start, now)


# A feed item's time up to this far after the clock is the feed's clock running ahead: taken as now. Further ahead
# (up to AHEAD_SECONDS its day is still kept) the time is left out and the item keeps its day alone: nothing is
# published after it reaches the library (tui.store.stories.since_where counts on it), and an item timed an hour
# ahead stood first in the list for that hour.
SKEW_SECONDS = 600
_HAS_CLOCK = re.compile(r"\d{1,2}:\d{2}")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")  # a UTC time as the store writes one (added_at)


def stamp_of(seconds: float, text: str, now: float | None = None) -> str | None:
    """A feed item's time (seconds since the epoch, UTC, as its feed's date `text` gives it) as the store writes a
    time, "2026-12-06T16:45:00Z": None when `text` gives a day alone (feedparser reads "2026-12-06" as its midnight)
    or when the time lies more than SKEW_SECONDS after `now` (the clock's); one a little ahead is taken as now."""
    import time
    from datetime import datetime, timezone

    if not _HAS_CLOCK.search(text or ""):
        return None
    now = time.time() if now is None else now
    if seconds > now + SKEW_SECONDS:
        return None
    try:
        when = datetime.fromtimestamp(min(seconds, now), timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}T{when.hour:02d}:{when.minute:02d}:{when.second:02d}Z"


def iso_seconds(text: str) -> float | None:
    """Seconds since the epoch of an RFC 3339 time (a JSON Feed's "2026-12-06T18:45:00+02:00"; one with no zone is
    read as UTC, as feedparser reads RSS and Atom dates), or None when it is no time (a day alone, anything else)."""
    from datetime import datetime, timezone

    text = (text or "").strip()
    if not _HAS_CLOCK.search(text) or len(text) > 64:
        return None
    try:
        when = datetime.fromisoformat(text.replace("z", "Z").replace(" ", "T", 1))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    try:
        return when.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
