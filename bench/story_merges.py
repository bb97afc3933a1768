"""Which merges of stories join two events: a self-supervised screen off the stories data (issue 13).

    python -m bench.story_merges [--polnear PATH] [--shifts 90,120,150,180,210,240,270]

On the stories dev set every story that holds two events is made by a merge of two stories (`Grouper.merge_touched`,
session 17), and there the wrong merges all joined two sizeable stories; but every dev event has exactly ten
articles (DUC 2004's clusters are made so), so there a merge into more than ten articles is two events by the make
of the data, not by anything a news reader meets. Whether size or any other feature marks a wrong merge off dev is
what this measures, on data that has no event labels but gives known wrong merges by construction: PolNeAR train (US
politics, seven outlets, ten months) is cut in two by date and its later part moved back in time by SHIFT days, so
that the two parts overlap (`overlapped`). Two articles of different parts were written months apart: different
events of one field, topic siblings such as the dev set's wrong pairs. The whole is grouped at once by the grouper
as shipped (a fresh library, `group_new`), and every merge it makes is recorded (`merges`): a merge whose two
stories' majority parts differ is wrong by construction. The label is one-sided: a merge within one part may join
two events too (PolNeAR's topics run on for weeks), so the wrong share printed is a floor.

For several shifts pooled it prints the share of wrong merges by band of each feature a merge test could use: pairs
of articles (na x nb, the size lead of session 17), the smaller story's size, both stories' articles, days apart,
the average link, its ratio to the two stories' own mean pair cosine, the two stories' outlets in common (Jaccard)
and their spans in days; then a logistic fit of wrong on those features (coefficients with standard errors) and how
many merges it calls more likely wrong than not. Prints numbers, asserts nothing, reads nothing of the stories eval
data.

Event-specific evidence that grouping does not use (session 19) is screened the same way: each article's names
(capitalised runs of two words or more, and single capitalised words the background idf calls rare that do not open a
sentence), figures (numbers other than years and 0-12) and the rare words of its title, found by a surface pass over
the title and lead (`evidence`, no tagger); a merge records, for each kind, the cosine of the two stories' profiles
(how many of a story's articles name each item, weighed by log(N / df) over the whole run: a name every article
holds says nothing). Session 22 adds what tells events rather than topics apart, if anything does: the trigger
words of the lead (its first two sentences' words written in lower case: what happened, and to what), amounts (a
figure with its unit: "$2 billion", "7.1 magnitude", "300 people"), each as a profile cosine like the names, and the
mean days between an article of one story and one of the other (`Merge.pair_days`: two stories whose ranges overlap
can still be weeks apart article by article). And since a change of the terms moves placement too, not only merges, each run also counts the
pairs of articles that share a story and how many of them are across the halves (`Run.pairs`, `Run.cross`): the
cross-half share of all same-story pairs is a floor of the pairwise precision lost to topic siblings, the same-half
pairs a recall proxy.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.story_decay import DEFAULT_DATA as DEFAULT_POLNEAR

SHIFTS = (90, 120, 150, 180, 210, 240, 270)


@dataclass(frozen=True)
class Merge:
    """One merge of two stories (a: the story kept, b: the one folded into it) and what is known of it."""

    wrong: bool           # the stories' majority parts differ: two events by construction
    na: int
    nb: int
    gap: int              # days between their date ranges
    link: float           # average link: mean cosine over the na x nb pairs of articles
    within_a: float       # each story's own mean pair cosine (nan for one article)
    within_b: float
    outlets: float        # Jaccard of the two stories' outlets
    span_a: int           # days from each story's first article to its last
    span_b: int
    names: float = 0.0    # the two stories' names, figures and title words in common: cosine of their profiles
    figures: float = 0.0  # (articles naming each item, weighed by log(N / df)); 0 when either has none
    title: float = 0.0
    triggers: float = 0.0  # the same for the lead's trigger words and for amounts (a figure with its unit word)
    amounts: float = 0.0
    pair_days: float = 0.0  # mean days between an article of one story and one of the other (over the na x nb pairs)
    # session 25: the cross pairs' cosines against the stories' own pair cosines (each article's terms as grouping
    # computes them; up to SPREAD_SAMPLE articles of a story): `separation`, the share of (own pair, cross pair)
    # couples in which the own pair is the closer (ties half; 0.5: the cross pairs look like the stories' own, 1: every
    # cross pair is below every own pair), and `spread_z`, the mean cross cosine less the own pairs' mean, over their
    # standard deviation (nan when neither story has two articles)
    separation: float = float("nan")
    spread_z: float = float("nan")
    # the stories' core terms in disagreement (`core_contrast`; nan unless both stories have 2+ articles)
    core: float = float("nan")
    overlap: float = 0.0  # the two stories' day profiles in common (`time_overlap`)
    # session 25: the days the two stories' leads say their events happened on (`event_days`: weekdays, "yesterday",
    # month and day), as profiles in common (`event_overlap`; nan when either story names none) and the days between
    # the two profiles' medians
    when: float = float("nan")
    when_gap: float = float("nan")
    when_n: int = 0       # articles naming a day in the story that names fewer
    bursty: float = float("nan")  # the cross pairs' mean cosine with each term weighed by its burst (`burst_weights`)
    # over their plain mean cosine: below 1 when what the stories share are terms spread over the run's months

    @property
    def pairs(self) -> int:
        return self.na * self.nb

    @property
    def ratio(self) -> float:
        """The average link over the geometric mean of the stories' own mean pair cosines (those known)."""
        own = [w for w in (self.within_a, self.within_b) if w == w and w > 0]
        return self.link / math.sqrt(math.prod(own)) if len(own) == 2 else self.link / own[0] if own else 1.0


@dataclass
class Run:
    """One grouping of an overlapped set: its merges, the pairs of articles that share a story and how many of those
    pairs are across the halves (two events by construction), and the stories made."""

    merges: list[Merge]
    pairs: int
    cross: int
    stories: int


# A capitalised word (or initials, "U.S."), and runs of them joined by single spaces, possibly through a particle.
_CAP = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][A-Za-z'’&-]+)"
_NAME_RUN = re.compile(_CAP + r"(?: (?:(?:of|de|la|al|bin|van|von|der) )?" + _CAP + r")*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n\s*)$")
_FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)")
EVIDENCE_CHARS = 1500  # the lead: where a report names its event
RARE_IDF = 6.0         # a single capitalised word counts as a name when its background idf is at least this
KINDS = ("names", "figures", "title", "triggers", "amounts")
LEAD_SENTENCES = 2     # trigger words are read from the lead's first sentences (where a report says what happened)
# a sentence ends at . ! or ? (a closing quote or bracket may follow) before white space and a capital or an opening
# quote; initials ("U.S. Coast") end none (a one-letter word before the dot)
_SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?][\"”’)]?\s+(?=[A-Z\"“])")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z]")
# an amount: a figure (currency sign, thousands commas, decimals) and its unit: a multiplier or percent, else the
# word that follows ("7.1 magnitude", "300 dead", "$2 billion")
_AMOUNT = re.compile(r"(?<![\w.,])([$£€])?\s?(\d[\d,]*(?:\.\d+)?)(?![\w,.]\d)\s*"
                     r"(%|percent\b|per cent\b|million\b|billion\b|trillion\b)?(?:\s*-?\s*([A-Za-z][a-z]+))?")


def evidence(title: str, body: str) -> dict[str, set[str]]:
    """An article's event-specific items by a surface pass over its title and lead (no tagger), lower-cased: names
    (capitalised runs of two words or more with opening and closing stop words taken off, "New" kept; a single
    capitalised word only when rare by the background idf and not at a sentence start), figures (numbers as written
    without thousands commas, except years 1900-2030 and whole numbers under 13) and the title's rare words."""
    from tui.stories.terms import _stops, idf_table, words_of

    stops = _stops()
    idf, unseen = idf_table()
    lead = body[:EVIDENCE_CHARS]
    names = set()
    for m in _NAME_RUN.finditer(lead):
        run = m.group(0).replace("’", "'").split()
        words = list(run)
        while words and words[0].lower() in stops and words[0] != "New":
            words.pop(0)
        while words and words[-1].lower() in stops:
            words.pop()
        if not words:
            continue
        key = " ".join(w.lower().removesuffix("'s").replace(".", "") for w in words)
        if len(words) >= 2:
            names.add(key)
        elif idf.get(key, unseen) >= RARE_IDF and not (len(run) == 1 and _SENTENCE_START.search(lead[:m.start()])):
            names.add(key)
    figures = set()
    for m in _FIGURE.finditer(f"{title}\n{lead}"):
        text = m.group(0).replace(",", "")
        if not text[-1].isdigit():
            continue
        whole = "." not in text
        if whole and (int(text) < 13 or 1900 <= int(text) <= 2030):
            continue
        figures.add(text)
    words = {w for w in words_of(title) if w not in stops and idf.get(w, unseen) >= RARE_IDF}
    return {"names": names, "figures": figures, "title": words, "triggers": triggers(lead, stops),
            "amounts": amounts(f"{title}\n{lead}")}


def lead_sentences(text: str, n: int = LEAD_SENTENCES) -> str:
    """The first `n` sentences of `text`, its dateline ("LONDON (AP) —") taken off."""
    from tui.stories.terms import _DATELINE

    return " ".join(_SENTENCE_END.split(_DATELINE.sub("", text, count=1).strip(), maxsplit=n)[:n])


def triggers(lead: str, stops: frozenset[str]) -> set[str]:
    """The trigger words of a lead: the words of its first sentences written in lower case (what happened, and to
    what: "struck", "quake", "homes"; names are capitalised and counted apart), stop words and words of two letters
    taken off."""
    return {w.replace("’", "'").removesuffix("'s") for w in _LOWER_WORD.findall(lead_sentences(lead))
            if len(w) > 2 and w not in stops}


def amounts(text: str) -> set[str]:
    """The figures of `text` with their unit: "$2 billion", "7.1 magnitude", "300 people", "5 percent" (a figure's
    unit is a currency sign, a multiplier or percent, else the next word unless it is a function word: "in", "of";
    a figure with none counts bare). Years 1900-2030 and bare whole numbers under 13 are left out, as in `evidence`."""
    from tui.engine.tokens import stop_words

    stops = stop_words()
    out = set()
    for sign, figure, scale, word in _AMOUNT.findall(text):
        number = figure.replace(",", "")
        if not number[-1].isdigit():
            continue
        whole = "." not in number
        scale = {"%": "percent", "per cent": "percent"}.get(scale.lower(), scale.lower())
        unit = word.lower() if word and word.lower() not in stops else ""
        if not sign and not scale and whole and 1900 <= int(number) <= 2030:
            continue
        if not sign and not scale and not unit and whole and int(number) < 13:
            continue
        out.add(" ".join(p for p in (sign + number, scale, "" if sign or scale else unit) if p))
    return out


def profile_cosine(a: list[set[str]], b: list[set[str]], df: Counter, n: int) -> float:
    """The cosine of two stories' profiles: for each item, how many of the story's articles (item sets `a`, `b`) hold
    it, times log(n / df[item]) (df: articles of the whole run holding it, out of n); 0 when either is empty."""
    pa, pb = Counter(), Counter()
    for s in a:
        pa.update(s)
    for s in b:
        pb.update(s)
    wa = {k: v * math.log(n / df[k]) for k, v in pa.items() if df[k]}
    wb = {k: v * math.log(n / df[k]) for k, v in pb.items() if df[k]}
    norm = math.sqrt(sum(v * v for v in wa.values()) * sum(v * v for v in wb.values()))
    return sum(v * wb[k] for k, v in wa.items() if k in wb) / norm if norm else 0.0


def load_polnear(path: Path) -> list[tuple[str, str, str, str]]:
    """(title, body, day, outlet) of each dated PolNeAR article, oldest first."""
    import json

    from tui.stories.grouping import day_number

    out = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            title, _, body = r["text"].strip().partition("\n")
            day = (r.get("publication_date") or "")[:10]
            if day_number(day):
                out.append((title.strip(), body.strip() or title.strip(), day, r.get("publisher") or ""))
    return sorted(out, key=lambda r: r[2])


def overlapped(docs: list[tuple[str, str, str, str]], shift: int) -> list[tuple[str, str, str, str, int]]:
    """`docs` (title, body, day, outlet) cut in two at the middle day of their range, the later part's days moved
    `shift` days back: (title, body, day, outlet, part), by day."""
    from tui.stories.grouping import day_number

    days = [day_number(d[2]) for d in docs]
    cut = min(days) + (max(days) - min(days)) // 2
    out = []
    for (title, body, _, outlet), n in zip(docs, days):
        late = n >= cut
        out.append((title, body, date.fromordinal(n - shift if late else n).isoformat(), outlet, int(late)))
    return sorted(out, key=lambda r: r[2])


def merges(rows: list[tuple[str, str, str, str, int]]) -> list[Merge]:
    """Every merge the grouper makes when `rows` (title, body, day, outlet, part) are stored and grouped at once."""
    return run(rows).merges


def run(rows: list[tuple[str, str, str, str, int]], shift: int = 0) -> Run:
    """`rows` (title, body, day, outlet, part) stored in a fresh library and grouped at once: every merge the grouper
    makes, and the pairs of articles the stories it leaves hold."""
    import tempfile
    from unittest import mock

    from tui.models import Article
    from tui.store import Library
    from tui.store import stories as store
    from tui.stories import grouping

    from tui.stories.terms import terms

    part: dict[int, int] = {}
    vecs: dict[int, dict[str, float]] = {}
    burst: dict[str, float] = {}
    told: dict[int, list[int]] = {}
    outlet: dict[int, str] = {}
    day: dict[int, int] = {}
    items: dict[int, dict[str, set[str]]] = {}
    df: dict[str, Counter] = {k: Counter() for k in KINDS}
    found: list[Merge] = []
    absorb = grouping.Grouper._absorb

    def recorded(self, keep, drop):
        def ids(st) -> set[int]:
            return {m.article_id for m in self.pending if m.story_id == st.id} | \
                   {m.article_id for m in store.members(self.lib, st.id)}

        def within(st) -> float:
            n = st.size
            return (sum(w * w for w in st.centroid.values()) - n) / (n * (n - 1)) if n > 1 else float("nan")

        a, b = ids(keep), ids(drop)
        major = [Counter(part[i] for i in s).most_common(1)[0][0] for s in (a, b)]
        oa, ob = {outlet[i] for i in a}, {outlet[i] for i in b}
        days = grouping._DAYS
        gap = max(0, days[drop.first] - days[keep.last], days[keep.first] - days[drop.last])
        link = keep.similarity({t: w / max(1, drop.size) for t, w in drop.centroid.items()})
        shared = [profile_cosine([items[i][k] for i in a], [items[i][k] for i in b], df[k], len(items)) for k in KINDS]
        apart = sum(abs(day[i] - day[j]) for i in a for j in b) / max(1, len(a) * len(b))
        sep, z = spread([vecs[i] for i in sorted(a)[:SPREAD_SAMPLE]], [vecs[i] for i in sorted(b)[:SPREAD_SAMPLE]])
        found.append(Merge(major[0] != major[1], keep.size, drop.size, gap, link, within(keep), within(drop),
                           len(oa & ob) / max(1, len(oa | ob)), days[keep.last] - days[keep.first],
                           days[drop.last] - days[drop.first], *shared, pair_days=apart, separation=sep,
                           spread_z=z, core=core_contrast([vecs[i] for i in a], [vecs[i] for i in b]),
                           overlap=time_overlap([day[i] for i in a], [day[i] for i in b]),
                           when=event_overlap([told[i] for i in a], [told[i] for i in b]),
                           when_gap=event_gap([told[i] for i in a], [told[i] for i in b]),
                           when_n=min(sum(bool(told[i]) for i in a), sum(bool(told[i]) for i in b)),
                           bursty=bursty_ratio([vecs[i] for i in sorted(a)[:SPREAD_SAMPLE]],
                                               [vecs[i] for i in sorted(b)[:SPREAD_SAMPLE]], burst)))
        return absorb(self, keep, drop)

    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(grouping.Grouper, "_absorb", recorded):
        lib = Library(Path(tmp) / "merges.db")
        try:
            added = lib.add_many([Article(title=t, body=b, source=o or "polnear", published=d)
                                  for t, b, d, o, _ in rows])
            for (_, i), r in zip(added, rows):
                part[i], outlet[i], items[i], day[i] = r[4], r[3], evidence(r[0], r[1]), grouping.day_number(r[2])
                vecs[i] = terms(r[0], r[1])
                # the days its lead names, read against its own date and moved as its date was (`shift` for the
                # later half: the text was written before the move)
                moved = shift if r[4] else 0
                told[i] = [d - moved for d in event_days(r[0] + "\n" + r[1], day[i] + moved)]
                for k in KINDS:
                    df[k].update(items[i][k])
            burst.update(burst_weights([vecs[i] for i in part], [day[i] for i in part]))
            grouping.group_new(lib)
            by_story: dict[int, list[int]] = {}
            for aid, sid in store.assignments(lib).items():
                by_story.setdefault(sid, []).append(part[aid])
        finally:
            lib.close()
    pairs = sum(len(p) * (len(p) - 1) // 2 for p in by_story.values())
    cross = sum(p.count(0) * p.count(1) for p in by_story.values())
    return Run(found, pairs, cross, len(by_story))


SPREAD_SAMPLE = 30  # articles of a story whose pair cosines `spread` compares (its first by id)


def spread(a: list[dict[str, float]], b: list[dict[str, float]]) -> tuple[float, float]:
    """How the cosines of the pairs across two stories (articles' terms `a`, `b`) sit among the stories' own pair
    cosines: (separation, z) as `Merge` records them."""
    import numpy as np

    def cos(x, y):
        return sum(w * y.get(t, 0.0) for t, w in x.items())

    own = [cos(x, y) for s in (a, b) for i, x in enumerate(s) for y in s[i + 1:]]
    cross = [cos(x, y) for x in a for y in b]
    if not own:
        return float("nan"), float("nan")
    o, c = np.sort(np.asarray(own)), np.asarray(cross)
    # for each cross pair, the own pairs above it (ties half)
    above = len(o) - np.searchsorted(o, c, side="right") + 0.5 * (np.searchsorted(o, c, side="right") -
                                                                  np.searchsorted(o, c, side="left"))
    sd = float(o.std())
    return float(above.sum() / (len(o) * len(c))), (float(c.mean()) - float(o.mean())) / sd if sd > 0 else float("nan")


CORE_SHARE = 0.5  # a story's core terms: those at least this share of its articles hold


def core_contrast(a: list[dict[str, float]], b: list[dict[str, float]]) -> float:
    """How much two stories' core vocabularies disagree: over the terms that at least CORE_SHARE of one story's
    articles hold (articles' terms as grouping computes them), the idf-weighted sum of |share in a - share in b| over
    that of the larger share (0: every core term as common in both; 1: each story's core absent from the other).
    One event cut in two keeps one core; two events of one topic each have their own (the place, the name, what
    happened) besides the topic's. nan unless both stories have two articles or more."""
    from tui.stories.terms import idf_table

    if len(a) < 2 or len(b) < 2:
        return float("nan")
    idf, unseen = idf_table()

    def shares(s):
        c = Counter()
        for v in s:
            c.update(v.keys())
        return {t: n / len(s) for t, n in c.items()}

    sa, sb = shares(a), shares(b)
    core = {t for t, f in sa.items() if f >= CORE_SHARE} | {t for t, f in sb.items() if f >= CORE_SHARE}
    top = sum(idf.get(t, unseen) * max(sa.get(t, 0.0), sb.get(t, 0.0)) for t in core)
    return sum(idf.get(t, unseen) * abs(sa.get(t, 0.0) - sb.get(t, 0.0)) for t in core) / top if top else float("nan")


OVERLAP_DAYS = 3  # half-width of the triangle each article's day is spread over in `time_overlap`


def time_overlap(a: list[int], b: list[int], width: int = OVERLAP_DAYS) -> float:
    """The share two stories' day profiles have in common (sum over days of the smaller of the two, each profile its
    articles' days spread over a triangle of half-width `width` and summing to 1): 1 when they were covered on the
    same days in the same proportions, 0 when no article of one is within 2 x width days of one of the other."""
    def profile(days):
        p = Counter()
        norm = width * width * len(days)
        for d in days:
            for k in range(-width + 1, width):
                p[d + k] += (width - abs(k)) / norm
        return p

    pa, pb = profile(a), profile(b)
    return sum(min(v, pb[d]) for d, v in pa.items() if d in pb)


BURST_DAYS = 30.0  # a term whose articles lie this far from their median day, on average, weighs half


def burst_weights(vecs: list[dict[str, float]], days: list[int], scale: float = BURST_DAYS) -> dict[str, float]:
    """Term -> how bursty it is in a run (articles' terms `vecs`, their `days`): 1 / (1 + d / scale), d the mean
    distance in days of the articles holding it from their median day (a term of one article: 1). An event's own
    words come in one burst; a topic's come back with each of its events."""
    held: dict[str, list[int]] = {}
    for v, d in zip(vecs, days):
        for t in v:
            held.setdefault(t, []).append(d)
    out = {}
    for t, ds in held.items():
        ds.sort()
        mid = ds[len(ds) // 2]
        out[t] = 1.0 / (1.0 + sum(abs(d - mid) for d in ds) / len(ds) / scale)
    return out


def bursty_ratio(a: list[dict[str, float]], b: list[dict[str, float]], burst: dict[str, float]) -> float:
    """The mean cosine of the pairs across two stories with each term's product weighed by its `burst`, over the
    plain mean cosine (nan when that is 0)."""
    plain = weighed = 0.0
    for x in a:
        for y in b:
            for t, w in x.items():
                v = y.get(t)
                if v is not None:
                    plain += w * v
                    weighed += w * v * burst.get(t, 1.0)
    return weighed / plain if plain > 0 else float("nan")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WHEN = re.compile(r"\b(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(yesterday|last night)|"
                   r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})(?!\d|,? \d{4}\b))\b",
                   re.IGNORECASE)
WHEN_CHARS = 1500  # the lead, where a report says when its event happened


def event_days(text: str, published: int) -> list[int]:
    """The days (day numbers) the lead of `text`, published on day `published`, says things happened on: a weekday
    is its latest day on or before the publication day, "yesterday" / "last night" the day before, a month and day
    ("Oct. 26", not followed by a year) the nearest such date to the publication day. Each day once."""
    from tui.stories.grouping import day_number

    pub = date.fromordinal(published) if published > 0 else None
    if pub is None:
        return []
    out = set()
    for weekday, before, month, day in _WHEN.findall(text[:WHEN_CHARS]):
        if weekday:
            out.add(published - (pub.weekday() - _WEEKDAYS.index(weekday.lower())) % 7)
        elif before:
            out.add(published - 1)
        else:
            m, d = _MONTHS.index(month.lower()[:3]) + 1, int(day)
            near = [day_number(f"{y:04d}-{m:02d}-{d:02d}") for y in (pub.year - 1, pub.year, pub.year + 1)]
            near = [n for n in near if n]
            if near:
                out.add(min(near, key=lambda n: abs(n - published)))
    return sorted(out)


def _when_profile(told: list[list[int]]) -> Counter:
    """A story's event days: each article's named days, the article's weight shared among them, spread +-1 day."""
    p = Counter()
    for days in told:
        for d in days:
            for k, w in ((-1, 0.25), (0, 0.5), (1, 0.25)):
                p[d + k] += w / len(days)
    return p


def event_overlap(a: list[list[int]], b: list[list[int]]) -> float:
    """The two stories' event-day profiles in common (each made to sum to 1): nan when either names no day."""
    pa, pb = _when_profile(a), _when_profile(b)
    ta, tb = sum(pa.values()), sum(pb.values())
    if not ta or not tb:
        return float("nan")
    return sum(min(v / ta, pb[d] / tb) for d, v in pa.items() if d in pb)


def event_gap(a: list[list[int]], b: list[list[int]]) -> float:
    """Days between the medians of the two stories' named days (nan when either names none)."""
    da, db = sorted(d for ds in a for d in ds), sorted(d for ds in b for d in ds)
    if not da or not db:
        return float("nan")
    return abs(da[len(da) // 2] - db[len(db) // 2])


def by_band(found: list[Merge], key, bands: tuple[tuple[float, float], ...]) -> list[tuple[str, int, int]]:
    """(band, merges, wrong ones) for each band [lo, hi) of `key(merge)`."""
    out = []
    for lo, hi in bands:
        inside = [m for m in found if lo <= key(m) < hi]
        label = f"{lo:g}-{hi:g}" if hi != math.inf else f"{lo:g}+"
        out.append((label, len(inside), sum(m.wrong for m in inside)))
    return out


def logistic(x: list[list[float]], y: list[bool], rounds: int = 50) -> tuple[list[float], list[float]]:
    """Maximum-likelihood logistic regression (Newton steps) of `y` on the columns of `x` with an intercept first:
    (coefficients, their standard errors)."""
    import numpy as np

    a = np.c_[np.ones(len(x)), np.asarray(x, dtype=float)]
    t = np.asarray(y, dtype=float)
    w = np.zeros(a.shape[1])
    hess = np.eye(a.shape[1])
    for _ in range(rounds):
        p = 1.0 / (1.0 + np.exp(-a @ w))
        hess = a.T @ (a * (p * (1 - p))[:, None]) + 1e-9 * np.eye(a.shape[1])
        step = np.linalg.solve(hess, a.T @ (t - p))
        w += step
        if np.abs(step).max() < 1e-10:
            break
    return w.tolist(), np.sqrt(np.diag(np.linalg.inv(hess))).tolist()


FEATURES = (("log pairs", lambda m: math.log(m.pairs)), ("log link", lambda m: math.log(m.link)),
            ("days apart / 30", lambda m: m.gap / 30), ("log ratio", lambda m: math.log(max(m.ratio, 1e-3))),
            ("outlets", lambda m: m.outlets), ("log (1 + spans)", lambda m: math.log(1 + m.span_a + m.span_b)),
            ("names", lambda m: m.names), ("figures", lambda m: m.figures), ("title words", lambda m: m.title),
            ("trigger words", lambda m: m.triggers), ("amounts", lambda m: m.amounts),
            ("pair days / 30", lambda m: m.pair_days / 30))
# session 25: the fit of session 22's features with the own-pair spread added (merges of two one-article stories, whose
# spread is unknown, left out)
SPREAD_FEATURES = (("log pairs", lambda m: math.log(m.pairs)), ("log link", lambda m: math.log(m.link)),
                   ("log ratio", lambda m: math.log(max(m.ratio, 1e-3))),
                   ("log (1 + spans)", lambda m: math.log(1 + m.span_a + m.span_b)), ("names", lambda m: m.names),
                   ("separation", lambda m: m.separation), ("spread z", lambda m: m.spread_z))
CORE_FEATURES = (("log pairs", lambda m: math.log(m.pairs)), ("log link", lambda m: math.log(m.link)),
                 ("log ratio", lambda m: math.log(max(m.ratio, 1e-3))),
                 ("log (1 + spans)", lambda m: math.log(1 + m.span_a + m.span_b)), ("names", lambda m: m.names),
                 ("core contrast", lambda m: m.core))
OVERLAP_FEATURES = (("log pairs", lambda m: math.log(m.pairs)), ("log link", lambda m: math.log(m.link)),
                    ("log (1 + spans)", lambda m: math.log(1 + m.span_a + m.span_b)), ("names", lambda m: m.names),
                    ("pair days / 30", lambda m: m.pair_days / 30), ("days apart / 30", lambda m: m.gap / 30),
                    ("time overlap", lambda m: m.overlap))
BURST_FEATURES = (("log pairs", lambda m: math.log(m.pairs)), ("log link", lambda m: math.log(m.link)),
                  ("log (1 + spans)", lambda m: math.log(1 + m.span_a + m.span_b)), ("names", lambda m: m.names),
                  ("pair days / 30", lambda m: m.pair_days / 30), ("bursty ratio", lambda m: m.bursty))
# a merge test's features for all merges: days named in both stories' leads or not, and their event days in common
WHEN_VETO = (("log link", lambda m: math.log(m.link)), ("log (1 + spans)", lambda m: math.log(1 + m.span_a + m.span_b)),
             ("names", lambda m: m.names), ("days named in both", lambda m: float(m.when == m.when)),
             ("event days in common", lambda m: m.when if m.when == m.when else 0.0))
INF = math.inf
TABLES = (
    ("pairs of articles (na x nb)", lambda m: m.pairs, ((1, 2), (2, 4), (4, 9), (9, 16), (16, 31), (31, INF))),
    ("smaller story's articles", lambda m: min(m.na, m.nb), ((1, 2), (2, 3), (3, 5), (5, INF))),
    ("articles of both (na + nb)", lambda m: m.na + m.nb, ((2, 3), (3, 6), (6, 11), (11, 21), (21, INF))),
    ("days apart", lambda m: m.gap, ((0, 1), (1, 8), (8, 31), (31, INF))),
    ("average link", lambda m: m.link, ((0, 0.07), (0.07, 0.09), (0.09, 0.12), (0.12, INF))),
    ("link / own mean pair cosine", lambda m: m.ratio, ((0, 0.5), (0.5, 0.75), (0.75, 1), (1, INF))),
    ("outlets in common (Jaccard)", lambda m: m.outlets, ((0, 0.01), (0.01, 0.34), (0.34, 0.67), (0.67, INF))),
    ("spans of both, days", lambda m: m.span_a + m.span_b, ((0, 1), (1, 8), (8, 31), (31, INF))),
    ("names in common (weighted cosine)", lambda m: m.names,
     ((0, 1e-9), (1e-9, 0.1), (0.1, 0.2), (0.2, 0.4), (0.4, INF))),
    ("figures in common", lambda m: m.figures, ((0, 1e-9), (1e-9, 0.2), (0.2, INF))),
    ("title words in common", lambda m: m.title, ((0, 1e-9), (1e-9, 0.1), (0.1, 0.2), (0.2, INF))),
    ("trigger words in common", lambda m: m.triggers, ((0, 1e-9), (1e-9, 0.1), (0.1, 0.2), (0.2, 0.3), (0.3, INF))),
    ("amounts in common", lambda m: m.amounts, ((0, 1e-9), (1e-9, 0.2), (0.2, INF))),
    ("mean days between the stories' articles", lambda m: m.pair_days,
     ((0, 1), (1, 4), (4, 8), (8, 15), (15, 31), (31, INF))),
    ("cross pairs below own pairs (separation)", lambda m: m.separation,
     ((0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, INF))),
    ("bursty link / link", lambda m: m.bursty,
     ((0, 0.3), (0.3, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, INF))),
    ("day profiles in common (time overlap)", lambda m: m.overlap,
     ((0, 1e-9), (1e-9, 0.1), (0.1, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, INF))),
    ("core terms in disagreement (both stories 2+)", lambda m: m.core,
     ((0, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, INF))),
    ("cross mean less own mean, in own sd", lambda m: m.spread_z,
     ((-INF, -1.5), (-1.5, -1), (-1, -0.75), (-0.75, -0.5), (-0.5, -0.25), (-0.25, INF))),
)


def _auc(merges, f) -> float:
    """P(a wrong merge's value of f > a right one's), ties half (0 when either side is empty)."""
    wrong = [m for m in merges if m.wrong]
    right = [m for m in merges if not m.wrong]
    hi = sum((f(w) > f(r)) + 0.5 * (f(w) == f(r)) for w in wrong for r in right)
    return hi / max(1, len(wrong) * len(right))


def _print_fit(title: str, features, merges) -> list[float]:
    """Print a logistic fit of wrong on the features over the merges (coefficient, standard error); its coefficients."""
    coef, se = logistic([[f(m) for _, f in features] for m in merges], [m.wrong for m in merges])
    print(f"{title}: intercept {coef[0]:.3f} ({se[0]:.3f}); " + "; ".join(
        f"{name} {c:.3f} ({s:.3f})" for (name, _), c, s in zip(features, coef[1:], se[1:])))
    return coef


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--shifts", default=",".join(map(str, SHIFTS)))
    args = ap.parse_args()
    docs = load_polnear(Path(args.polnear))
    found: list[Merge] = []
    pairs = cross = 0
    for shift in (int(s) for s in args.shifts.split(",")):
        done = run(overlapped(docs, shift), shift)
        made = done.merges
        print(f"later half moved back {shift} days: {len(made)} merges, {sum(m.wrong for m in made)} across the "
              f"halves; {done.stories} stories holding {done.pairs} pairs of articles, {done.cross} across the halves")
        found += made
        pairs, cross = pairs + done.pairs, cross + done.cross
    print(f"pooled: {len(found)} merges, {sum(m.wrong for m in found)} wrong by construction; {pairs} pairs of "
          f"articles in a story, {cross} across the halves (share {cross / max(1, pairs):.4f}), {pairs - cross} "
          "within a half")
    for name, key, bands in TABLES:
        print(f"{name}: " + "; ".join(f"{label} {n} merges, wrong {w / max(1, n):.2f}"
                                      for label, n, w in by_band(found, key, bands)))
    coef = _print_fit("logistic fit of wrong (coefficient, standard error)", FEATURES, found)
    score = [coef[0] + sum(c * f(m) for c, (_, f) in zip(coef[1:], FEATURES)) for m in found]
    called = [m for m, s in zip(found, score) if s > 0]
    print(f"called more likely wrong than not by the fit: {len(called)} merges, {sum(m.wrong for m in called)} of "
          f"them wrong by construction")
    known = [m for m in found if m.separation == m.separation and m.spread_z == m.spread_z]
    wrong = [m for m in known if m.wrong]
    right = [m for m in known if not m.wrong]
    for name, f in SPREAD_FEATURES:
        if wrong and right:  # P(a wrong merge's value > a right one's), ties half
            print(f"  {name}: AUC of wrong over right {_auc(known, f):.3f} ({len(known)} merges with a spread, {len(wrong)} wrong)")
    _print_fit("logistic fit with the spread (merges with one)", SPREAD_FEATURES, known)
    both = [m for m in found if m.core == m.core]
    wrong = [m for m in both if m.wrong]
    right = [m for m in both if not m.wrong]
    for name, f in CORE_FEATURES:
        if wrong and right:
            print(f"  {name}: AUC of wrong over right {_auc(both, f):.3f} ({len(both)} merges of two stories of 2+, "
                  f"{len(wrong)} wrong)")
    for name, f in OVERLAP_FEATURES:
        print(f"  {name}: AUC of wrong over right {_auc(found, f):.3f} (all merges)")
    _print_fit("logistic fit with the time overlap (all merges)", OVERLAP_FEATURES, found)
    named = [m for m in found if m.when == m.when]
    print(f"event days: {len(named)} of {len(found)} merges have days named in both stories' leads, "
          f"{sum(m.wrong for m in named)} of them wrong")
    print("event days in common: " + "; ".join(f"{label} {n} merges, wrong {w / max(1, n):.2f}" for label, n, w in by_band(
        named, lambda m: m.when, ((0, 1e-9), (1e-9, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, INF)))))
    print("days between the event days' medians: " + "; ".join(
        f"{label} {n} merges, wrong {w / max(1, n):.2f}" for label, n, w in by_band(
            named, lambda m: m.when_gap, ((0, 1), (1, 3), (3, 8), (8, 31), (31, INF)))))
    for least in (2, 3):
        sure = [m for m in named if m.when_n >= least]
        print(f"  both stories with {least}+ articles naming days ({len(sure)} merges, {sum(m.wrong for m in sure)} "
              "wrong): " + "; ".join(f"{label} {n} merges, wrong {w / max(1, n):.2f}" for label, n, w in by_band(
                  sure, lambda m: m.when, ((0, 1e-9), (1e-9, 0.1), (0.1, 0.3), (0.3, 0.5), (0.5, INF)))))
    when_features = (("log pairs", lambda m: math.log(m.pairs)), ("log link", lambda m: math.log(m.link)),
                     ("log (1 + spans)", lambda m: math.log(1 + m.span_a + m.span_b)), ("names", lambda m: m.names),
                     ("pair days / 30", lambda m: m.pair_days / 30), ("event days in common", lambda m: m.when),
                     ("event gap / 30", lambda m: m.when_gap / 30))
    for name, f in when_features:
        print(f"  {name}: AUC of wrong over right {_auc(named, f):.3f} ({len(named)} merges)")
    _print_fit("logistic fit with the event days (merges naming days in both)", when_features, named)
    coef = _print_fit("logistic fit for a veto (all merges)", WHEN_VETO, found)
    score = [coef[0] + sum(c * f(m) for c, (_, f) in zip(coef[1:], WHEN_VETO)) for m in found]
    for cut in (0.0, -0.5, -1.0):
        called = [m for m, x in zip(found, score) if x > cut]
        print(f"  called wrong at log-odds > {cut:g}: {len(called)} merges, {sum(m.wrong for m in called)} wrong")
    known = [m for m in found if m.bursty == m.bursty]
    for name, f in BURST_FEATURES:
        print(f"  {name}: AUC of wrong over right {_auc(known, f):.3f} ({len(known)} merges)")
    _print_fit("logistic fit with the bursty ratio", BURST_FEATURES, known)
    if len(wrong) > 5:
        _print_fit("logistic fit with the core contrast (both stories 2+)", CORE_FEATURES, both)


if __name__ == "__main__":
    main()
