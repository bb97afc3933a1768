"""The articles of a story with their analyses: what summaries, quotes and entity lists are made from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.engine.types import Analysis, Sentence

SPLIT_CHARS = 4000  # about 25 sentences: more than a story summary reads of one article


@dataclass
class StoryArticle:
    """One article of a story: metadata, body, sentences and (when analysed) its full analysis."""

    id: int
    title: str
    source: str
    day: str
    body: str
    read: bool
    dup_of: int | None
    sentences: list[Sentence]
    analysis: Analysis | None  # None when not analysed yet and `analyse` was False
    twin_of: int | None = None  # the article whose text this one repeats from another outlet (one library row)
    at: str = ""  # its time of day ("14:05:00", the reader's clock) when known: published at (its feed's time), else
    # added on its day
    dated: bool = True  # it has a date of its own (False: a note, a paste, a watched file that gives none, placed by
    # the day it came in; summary.latest never takes such a one for a story's latest report while it has dated ones)


class Cache:
    """The library as the analysis cache of a reading command (`story`, `brief`, `who`: tui/stories/commands.py), which
    runs inside Library.impatient(): an analysis is stored when the write lock comes within that wait, else it serves
    this command only (the app's background pass stores it later) and no later one waits either (`skipped` counts
    them); what it analysed and could not store it keeps for its own use (`kept`, `mentions`). They waited for another
    program's writes (an import, the app's grouping) for each article analysed, up to 50 x 10 s each. Outside
    impatient() it is the library itself."""

    def __init__(self, lib) -> None:
        self.lib, self.skipped = lib, 0
        # what was analysed and not stored, for this command's own use: (article id, key) -> analysis, and article
        # id -> its mentions (label, name, count), which `who` lists beside the stored ones (people.py)
        self.kept: dict[tuple[int, str], str] = {}
        self.mentions: dict[int, list[tuple[str, str, int]]] = {}

    def get_analysis(self, article_id: int, key: str) -> str | None:
        kept = self.kept.get((article_id, key))
        return kept if kept is not None else self.lib.get_analysis(article_id, key)

    def put_analysis(self, article_id: int, key: str, data: str, mentions=None) -> None:
        from tui.store.library import StoreError

        if not self.skipped and not getattr(self.lib, "readonly", False):  # (a read-only library: each analysis is kept, not stored)
            try:
                self.lib.put_analysis(article_id, key, data, mentions)
                return
            except StoreError:
                # another program's write lock (LibraryBusy), or a write the disk refused (full, or a file size limit:
                # "disk I/O error"): the page is made from what was analysed all the same. `who`, `story` and
                # `brief` stopped there with the error line, on a library every other reading command read.
                pass
        self.skipped += 1
        self.kept[article_id, key] = data
        if mentions is not None:
            self.mentions[article_id] = list(mentions)


CAP = 60  # articles a story summary reads at most: a bigger story is summarised from a chosen CAP of them (`chosen`)
LATEST_SHARE = 4  # of those, up to CAP // LATEST_SHARE are the latest day's (what's new reads them against the rest)


@dataclass
class Member:
    """One article of a story as the story's row lists it: no body, no analysis (what choosing a subset reads)."""

    id: int
    title: str
    source: str
    day: str
    read: bool
    dup_of: int | None
    twin_of: int | None = None
    at: str = ""  # as StoryArticle.at
    dated: bool = True  # as StoryArticle.dated


def members(lib, story_id: int) -> list[Member]:
    """Every article of the story, oldest first (by day, then id), without its body."""
    rows = lib.db.execute(
        "SELECT a.id, a.title, a.source, s.day, a.read, s.dup_of, a.twin_of, a.published, a.sort_key, a.added_at"
        " FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY s.day, a.id",
        (story_id,)).fetchall()
    out = []
    for aid, title, source, day, read, dup, twin, published, key, added in rows:
        # a malformed row (a BLOB title, a number as the day) reads as empty text, never raises
        title, source, day = (v if type(v) is str else "" for v in (title, source, day))
        out.append(Member(aid, title, source, day, bool(read), dup, twin if type(twin) is int else None,
                          report_time(day, published, key, added), type(published) is str and published != ""))
    return out


def report_time(day: str, published, sort_key, added) -> str:
    """An article's time of day ("21:05:00", the reader's clock) when it is known (StoryArticle.at): the time its feed
    says it was published (tui.models.published_time), else the time it came into the library, on the day it is dated
    (time_of_day); "" when neither is."""
    from tui.models import published_time

    key = sort_key if type(sort_key) is str else ""
    return time_of_day(day, published_time(published, key)) or time_of_day(day, added)


_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})")


def time_of_day(day: str, added) -> str:
    """An article's time of day ("14:05:00") when it is known: the time it came into the library (`added_at`, UTC), on
    the day it is dated, both on the reader's clock (a story's days are the reader's: tui.models.local_day; east of
    UTC an article added before the zone's offset in the morning had a UTC day other than its day, so no time, and the
    story's note said "after 08:00 UTC" beside a local day: walk36). Stories compare their reports by it within one day
    (a development reported the same day as the first report: summary.latest). An article added on another day than its
    own (dated in its text, imported later) has none: "" (so has a malformed stamp)."""
    from datetime import datetime, timezone

    m = _STAMP.match(added) if type(added) is str else None
    if not m:
        return ""
    try:
        when = datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}").replace(tzinfo=timezone.utc).astimezone()
    except (ValueError, OverflowError, OSError):
        return ""
    return when.strftime("%H:%M:%S") if when.strftime("%Y-%m-%d") == day else ""


def chosen(story: list[Member], cap: int = CAP) -> list[Member]:
    """The articles a story summary reads: all of them up to `cap` articles; above it, `cap` of its originals (a
    near-duplicate adds no sentence): the first report, the latest day's (one per outlet first, up to cap //
    LATEST_SHARE), then one article per outlet per day, the days taken evenly across the story's span, round after
    round, until `cap`. Oldest first, as `members`."""
    if len(story) <= cap:
        return story
    originals = [m for m in story if m.dup_of is None]
    if len(originals) <= cap:
        return story
    last = originals[-1].day
    picked: dict[int, Member] = {originals[0].id: originals[0]}
    latest = [m for m in originals if m.day == last]
    for m in _round_robin(_by(latest, lambda m: m.source)):
        if len(picked) >= 1 + cap // LATEST_SHARE:
            break
        picked.setdefault(m.id, m)
    days = _by(originals, lambda m: m.day)  # day -> its articles, oldest day first
    outlets = [_round_robin(_by(arts, lambda m: m.source)) for arts in days]  # each day's, one per outlet per round
    order = _spread(len(outlets))
    at = [0] * len(outlets)
    while len(picked) < cap:
        moved = False
        for d in order:
            if at[d] < len(outlets[d]):
                m = outlets[d][at[d]]
                at[d] += 1
                moved = True
                if m.id not in picked:
                    picked[m.id] = m
                    if len(picked) >= cap:
                        break
        if not moved:
            break
    return [m for m in originals if m.id in picked]


def _by(arts: list[Member], key) -> list[list[Member]]:
    """`arts` in groups of one key each, in order of first appearance."""
    groups: dict[object, list[Member]] = {}
    for m in arts:
        groups.setdefault(key(m), []).append(m)
    return list(groups.values())


def _round_robin(groups: list[list[Member]]) -> list[Member]:
    """The first of each group, then the second of each, ...: one per outlet per round."""
    out = []
    for r in range(max((len(g) for g in groups), default=0)):
        out += [g[r] for g in groups if r < len(g)]
    return out


def _spread(n: int) -> list[int]:
    """0..n-1 in an order that spreads over the range at every prefix: the last, the first, the middle, the
    quarters, ... (each round of `chosen` takes one article of each day in this order, so a round cut short by the
    cap still covers the whole span evenly)."""
    if n <= 0:
        return []
    order, seen = [], set()
    step = 1.0
    while len(order) < n:
        k = 0
        while k * step <= 1.0 + 1e-9:
            i = round((1.0 - k * step) * (n - 1))
            if i not in seen:
                seen.add(i)
                order.append(i)
            k += 1
        step /= 2
    return order


def load_articles(lib, story_id: int, analyse: bool = True, cap: int | None = None,
                  story: list[Member] | None = None) -> list[StoryArticle]:
    """The story's articles, oldest first; with `cap`, the ones `chosen` reads of a story of more than `cap`
    articles (`story` may pass its `members`). Uses the cached analyses; with `analyse`, analyses (and caches, when
    the library can be written: Cache) the ones missing, else splits their sentences only (fast, no entities or
    quotes)."""
    from tui.engine.analysis import cached_analysis, get_cached

    cache = Cache(lib)
    from tui.engine.sentences import split_sentences

    story = members(lib, story_id) if story is None else story
    if cap is not None:
        story = chosen(story, cap)
    bodies: dict[int, object] = {}
    ids = [m.id for m in story]
    for at in range(0, len(ids), 500):
        part = ids[at:at + 500]
        bodies.update(lib.db.execute(f"SELECT id, body FROM articles WHERE id IN ({','.join('?' * len(part))})",
                                     part).fetchall())
    out = []
    for m in story:
        body = bodies.get(m.id)
        body = body if type(body) is str else ""  # a BLOB body or a vanished row reads as empty text, never raises
        an = get_cached(lib, m.id)
        if an is None and analyse:
            an = cached_analysis(cache, m.id, body, title=m.title)
        if an is not None:
            sents = an.sentences
        else:  # the start of the article only: the summary reads no further (summary.LEAD_SENTENCES)
            sents = split_sentences(body[:SPLIT_CHARS])
            if len(body) > SPLIT_CHARS and sents:
                sents = sents[:-1]  # may be cut off at the limit
        out.append(StoryArticle(m.id, m.title, m.source, m.day, body, m.read, m.dup_of, sents, an, m.twin_of, m.at,
                                m.dated))
    return out
