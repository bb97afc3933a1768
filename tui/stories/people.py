"""One entity across the library: names linked with the same alias logic as inside an article.

"Trump", "President Trump" and "Donald Trump" are one person: titles are stripped (linking.strip_title)
and a shorter name joins the fullest name whose last words it is ("Trump" -> "Donald Trump"), preferring
the most mentioned full name when several fit. Place aliases (U.S. / United States) merge as in an article.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field

from tui.engine.quotes.groups import group_text, quote_groups
from tui.engine.types import PERSON
from tui.models import shown_day
from tui.stories import same_quote
from tui.stories.quote_order import group_score, newest_first


def _key(name: str) -> tuple[str, ...]:
    from tui.engine.entities.linking import strip_title

    return tuple(w.casefold() for w in strip_title(" ".join(name.split())).split())


class NameLinker:
    """Canonical library-wide names for a set of (label, name, weight) mentions."""

    def __init__(self, mentions: list[tuple[str, str, int]]):
        from tui.engine.entities.linking import _ALIAS_OF, strip_title

        self._alias = _ALIAS_OF
        people = Counter()
        for label, name, n in mentions:
            if label == PERSON:
                people[strip_title(" ".join(name.split()))] += n
        self.full = sorted((p for p in people if " " in p), key=lambda p: (-len(p.split()), -people[p], p))
        self.weight = people
        self._cache: dict[tuple[str, str], str] = {}
        # the full names by their last word, in `full`'s order, with their words: a short name is looked
        # up among the names it can end, not compared with every full name (a story has hundreds)
        self._ending: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for full in self.full:
            fw = _key(full)
            if fw:
                self._ending.setdefault(fw[-1], []).append((full, fw))

    def canonical(self, label: str, name: str) -> str:
        """The library-wide name of one mention."""
        k = (label, name)
        if k not in self._cache:
            self._cache[k] = self._resolve(label, name)
        return self._cache[k]

    def _resolve(self, label: str, name: str) -> str:
        from tui.engine.entities.linking import strip_title

        name = " ".join(name.split())
        if label != PERSON:
            return self._alias.get(name.lower(), name)
        bare = strip_title(name)
        words = _key(bare)
        best = None
        for full, fw in (self._ending.get(words[-1], ()) if words else ()):
            if len(fw) > len(words) and fw[-len(words):] == words:
                if best is None or self.weight[full] > self.weight[best]:
                    best = full
        return best or bare


def same_entity(query: str, name: str, label: str = PERSON) -> bool:
    """True when `name` is `query` or a shorter/longer form of it ("Trump" ~ "President Donald Trump")."""
    q, n = _key(query), _key(name)
    if not q or not n:
        return False
    if q == n:
        return True
    short, long_ = (q, n) if len(q) < len(n) else (n, q)
    return label == PERSON and long_[-len(short):] == short


@dataclass
class Person:
    """An entity page: the entity's articles over time, who appears with it, and its quotes."""

    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)   # {"id","title","source","day","mentions"} newest first
    cooccurring: list[dict] = field(default_factory=list)  # {"label","name","articles"} most shared first
    quotes: list[dict] = field(default_factory=list)      # {"text","lead","article","source","day","sources"} newest first
    timeline: list[tuple[str, int]] = field(default_factory=list)  # (month "YYYY-MM", articles)
    skipped: list[int] = field(default_factory=list)  # articles left out: their mentions or row on a damaged page
    # more articles mention it than `who`'s limit lists (the newest `limit` are listed and quoted): the day of each of
    # them all, a text printed by two outlets once ([] when they are all listed, or the library could not say)
    all_days: list[str] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        """Whether more articles mention it than are listed (all_days counts them all)."""
        return len(self.all_days) > len(self.articles)


_NOT_AROUND = "('DATE','TIME','MONEY','PERCENT','QUANTITY','CARDINAL')"  # not "appears with": dates and figures
# an article's day as the library list and its stories show it (tui.models.shown_day): a sort key that is a time (its
# feed's, or when an undated article came in) by that time's day on the reader's clock (SQLite's 'localtime' is the
# clock the program runs on, as Python's: migration 35), else its day. The timeline counted the UTC day (session 36).
_LOCAL_DAY = ("CASE WHEN length(a.sort_key) = 20 AND substr(a.sort_key, 11, 1) = 'T'"
              " THEN coalesce(date(a.sort_key, 'localtime'), substr(a.sort_key, 1, 10))"
              " ELSE substr(a.sort_key, 1, 10) END")


class _Mentions:
    """The mention index read as who() needs it: three queries over the whole table."""

    def __init__(self, lib):
        self.db = lib.db
        self.skipped: list[int] = []

    def named(self, last: str, full: str) -> list[tuple[str, str, int]]:
        """(label, name, mentions) of the names that are `last` or end in it, then of the names that are `full`."""
        rows = self.db.execute("SELECT label, name, sum(count) FROM mentions WHERE name = ? OR name LIKE ?"
                               " GROUP BY label, name", (last, "% " + last)).fetchall()
        return rows + self.db.execute("SELECT label, name, sum(count) FROM mentions WHERE name = ?"
                                      " GROUP BY label, name", (full,)).fetchall()

    def articles(self, names: list[str], limit: int) -> list[tuple]:
        """(id, title, source, sort_key, mentions) of the articles that mention one of `names`, newest first."""
        marks = ",".join("?" * len(names))
        return self.db.execute(
            f"SELECT a.id, a.title, a.source, a.sort_key, sum(m.count) FROM mentions m JOIN articles a"
            f" ON a.id = m.article_id WHERE m.name IN ({marks}) GROUP BY a.id ORDER BY a.sort_key DESC, a.id DESC"
            f" LIMIT ?", (*names, limit)).fetchall()

    def days(self, names: list[str]) -> list[str]:
        """The day of every article that mentions one of `names`, a text printed by two outlets once (walk34: a page
        capped at its newest 500 of 655 articles said "500 articles" and began its timeline nine days late)."""
        marks = ",".join("?" * len(names))
        rows = self.db.execute(
            f"SELECT {_LOCAL_DAY}, count(DISTINCT coalesce(a.twin_of, a.id)) FROM mentions m JOIN articles"
            f" a ON a.id = m.article_id WHERE m.name IN ({marks}) GROUP BY 1", names).fetchall()
        return [day if type(day) is str else "" for day, n in rows for _ in range(n if type(n) is int else 0)]

    def around(self, ids: list[int]) -> list[tuple[str, str, int]]:
        """(label, name, article id) of every entity but dates and figures in the articles `ids`."""
        marks = ",".join("?" * len(ids))
        return self.db.execute(f"SELECT DISTINCT label, name, article_id FROM mentions WHERE article_id IN ({marks})"
                               f" AND label NOT IN {_NOT_AROUND} ORDER BY label, name, article_id", ids).fetchall()


class _ReadableMentions(_Mentions):
    """_Mentions for a library with a damaged page in its mentions (or their indexes, or the articles): read a
    hundred articles' mentions at a time through the table's own key (article, label, name), one article at a time
    where a hundred cannot all be read; an article whose mentions or row cannot be read is left out and put in
    `skipped`. The name tests run in SQLite (its NOCASE and LIKE), with + so that they use no index."""

    def __init__(self, lib):
        super().__init__(lib)
        self.lib = lib
        self.matched: list[tuple] = []

    def _read(self, ids: list[int], columns: str, where: str, args: tuple, column_args: tuple = ()) -> list[tuple]:
        out: list[tuple] = []
        for at in range(0, len(ids), 100):
            chunk = ids[at:at + 100]
            for part in [chunk] if len(chunk) == 1 else [chunk, *([i] for i in chunk)]:
                try:
                    out += self.db.execute(f"SELECT {columns} FROM mentions WHERE article_id IN"
                                           f" ({','.join('?' * len(part))}) AND {where}", (*column_args, *part, *args)).fetchall()
                except sqlite3.DatabaseError:
                    if len(part) == 1:
                        self.skipped.append(part[0])
                    continue
                if part is chunk:
                    break  # the hundred were read: not one by one
        return out

    def named(self, last: str, full: str) -> list[tuple[str, str, int]]:
        ids = self.lib.newest_ids()  # its index damaged too: from the table (it failed outright)
        self.matched = self._read(ids, "article_id, label, name, count, (+name = ? OR +name LIKE ?), +name = ?",
                                  "(+name = ? OR +name LIKE ? OR +name = ?)", (last, "% " + last, full),
                                  column_args=(last, "% " + last, full))
        ends, whole = Counter(), Counter()
        for _article, label, name, count, ends_in_last, is_full in self.matched:
            n = count if type(count) is int else 0
            if ends_in_last:
                ends[label, name] += n
            if is_full:
                whole[label, name] += n
        return [(*k, n) for k, n in ends.items()] + [(*k, n) for k, n in whole.items()]

    def articles(self, names: list[str], limit: int) -> list[tuple]:
        wanted = set(names)
        counts: Counter = Counter()
        for article, _label, name, count, _ends, _full in self.matched:
            if name in wanted:
                counts[article] += count if type(count) is int else 0
        rows = self.lib.readable_rows_by_id(list(counts), self.skipped)
        rows.sort(key=lambda r: (r.sort_key, r.id), reverse=True)
        return [(r.id, r.title, r.source, r.sort_key, counts[r.id]) for r in rows[:limit]]

    def around(self, ids: list[int]) -> list[tuple[str, str, int]]:
        return sorted(set(self._read(ids, "label, name, article_id", f"+label NOT IN {_NOT_AROUND}", ())))


def _nocase(text: str) -> str:
    """`text` as SQLite's NOCASE compares it (ASCII letters folded only)."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class _Unstored:
    """A mention index (_Mentions, _ReadableMentions) with the mentions of the articles `who` analysed and could not
    store (another program held the library: tui.stories.articles.Cache) read as if stored: the page lists what was
    analysed, as it will once they are stored. `extra`: article id -> its mentions (label, name, count)."""

    def __init__(self, inner, lib, extra: dict[int, list[tuple[str, str, int]]]):
        self.inner, self.lib, self.extra = inner, lib, extra

    @property
    def skipped(self) -> list[int]:
        return self.inner.skipped

    def named(self, last: str, full: str) -> list[tuple[str, str, int]]:
        rows = self.inner.named(last, full)
        if not self.extra:
            return rows
        last_k, full_k = _nocase(last), _nocase(full)
        ends, whole = Counter(), Counter()
        for mentions in self.extra.values():
            for label, name, n in mentions:
                k = _nocase(name)
                if k == last_k or k.endswith(" " + last_k):
                    ends[label, name] += n
                if k == full_k:
                    whole[label, name] += n
        return rows + [(*k, n) for k, n in ends.items()] + [(*k, n) for k, n in whole.items()]

    def articles(self, names: list[str], limit: int) -> list[tuple]:
        if not self.extra:
            return self.inner.articles(names, limit)
        # (an article analysed here may have mentions stored from an earlier analysis: those made here count)
        rows = [r for r in self.inner.articles(names, limit + len(self.extra)) if r[0] not in self.extra]
        wanted = {_nocase(n) for n in names}
        counts = {aid: sum(n for _label, name, n in named) for aid, named in
                  ((aid, [m for m in mentions if _nocase(m[1]) in wanted]) for aid, mentions in self.extra.items())
                  if named}
        if counts:
            marks = ",".join("?" * len(counts))
            rows += [(*r, counts[r[0]]) for r in self.lib.db.execute(
                f"SELECT id, title, source, sort_key FROM articles WHERE id IN ({marks})", list(counts))]
        rows.sort(key=lambda r: (r[3] if type(r[3]) is str else "", r[0]), reverse=True)
        return rows[:limit]

    def around(self, ids: list[int]) -> list[tuple[str, str, int]]:
        if not self.extra:
            return self.inner.around(ids)
        stored = [i for i in ids if i not in self.extra]
        found = list(self.inner.around(stored)) if stored else []
        not_around = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
        found += list({(label, name, aid) for aid in ids if aid in self.extra
                       for label, name, _n in self.extra[aid] if label not in not_around})
        return sorted(found, key=lambda r: (r[0], _nocase(r[1]), r[2]))


ANALYSE_LIMIT = 200  # articles analysed on demand for one `who` (the background pass does the rest)


def _analyse_matches(lib, name: str, cache) -> None:
    """Analyse (and so index the mentions of) articles whose text has the name's last word; those `cache` (a
    tui.stories.articles.Cache) cannot store (another program writes the library) it keeps, for this page."""
    from tui.engine.analysis import cached_analysis, get_cached

    last = name.split()[-1]
    for aid in lib.ids(search=last + " ", twins=True)[:ANALYSE_LIMIT]:
        if get_cached(cache, aid) is None:
            art = lib.get(aid)
            if art is not None:
                cached_analysis(cache, aid, art.body, title=art.title)


SEVERAL_SHOWN = 12  # people listed when one word names several (the rest counted)


@dataclass
class Several:
    """One word (or a run of words) that is part of several people's names and none's whole name (a given name, or a
    last name several fuller names end with): `who` lists them to pick one. `people`: (full name, articles naming them in full), most articles first, at most SEVERAL_SHOWN;
    `total`: how many people have it."""

    query: str
    people: list[tuple[str, int]]
    total: int


def people_called(lib, name: str, extra: dict | None = None, ending: bool = False) -> list[tuple[str, int]]:
    """The people whose full name holds the words of `name` as a run that does not end it (the name's last words
    are who()'s own lookup): a given name ("Anselm" is Anselm Kirby) or a middle one. (full name, articles that name
    them in full), most articles first, a name's shorter written forms joined to it as who() joins them. `extra`:
    article id -> mentions analysed and not stored (who()'s Cache.mentions). [] when the library cannot say.
    `ending`: the people whose fuller name ends with the words instead ("Tefft": Brannoch Tefft and Ilsa Tefft)."""
    words = _key(name)
    if not words:
        return []
    run = " ".join(words)
    try:
        if ending:
            rows = lib.db.execute("SELECT DISTINCT name, article_id FROM mentions WHERE label = ? AND name LIKE ?",
                                  (PERSON, "% " + run)).fetchall()
        else:
            rows = lib.db.execute("SELECT DISTINCT name, article_id FROM mentions WHERE label = ? AND (name LIKE ? OR"
                                  " name LIKE ?)", (PERSON, run + " %", "% " + run + " %")).fetchall()
    except sqlite3.DatabaseError:
        rows = []
    rows = [(nm, aid) for nm, aid in rows if type(nm) is str]
    rows += [(nm, aid) for aid, mentions in (extra or {}).items() for label, nm, _n in mentions
             if label == PERSON and type(nm) is str]
    found: dict[str, set] = {}
    for nm, aid in rows:
        k = _key(nm)
        # the words as whole words, not at the end ("Anselm" in "Anselm Kirby"; LIKE also matched other cases and
        # "Anselmo"-free spellings only by ASCII case: checked here again on the words)
        if ending:
            at = len(k) > len(words) and k[-len(words):] == words
        else:
            at = any(k[i:i + len(words)] == words for i in range(len(k) - len(words)))
        if at:
            found.setdefault(" ".join(nm.split()), set()).add(aid)
    if not found:
        return []
    linker = NameLinker([(PERSON, nm, len(arts)) for nm, arts in found.items()])
    people: dict[str, set] = {}
    for nm, arts in found.items():
        people.setdefault(linker.canonical(PERSON, nm), set()).update(arts)
    return sorted(((nm, len(arts)) for nm, arts in people.items()), key=lambda p: (-p[1], p[0].casefold(), p[0]))


def who(lib, name: str, analyse: bool = False, limit: int = 500) -> Person | Several | None:
    """The entity page of `name` across the (analysed part of the) library, or None when unknown.

    Articles come from the store's mention index (filled as articles are analysed); quotes from the
    cached analyses. With `analyse`, up to ANALYSE_LIMIT not yet analysed articles containing the name's
    last word are analysed first (slow: the CLI does it, a screen should rely on the background pass).
    A name that finds no one fuller than itself and is part of several people's names ("Anselm": Anselm Kirby and
    Anselm Rowe) is a `Several` listing them; part of one person's, that person's page. So is a last name (or the
    last words of a name) that ends several people's fuller names ("Tefft": Brannoch Tefft and Ilsa Tefft).
    """
    from tui.engine.analysis import cached_analysis, get_cached

    from tui.stories.articles import Cache

    words = _key(name)
    if not words:
        return None
    cache = Cache(lib)
    if analyse:
        _analyse_matches(lib, name, cache)
    try:
        person = _page(lib, name, _Unstored(_Mentions(lib), lib, cache.mentions), limit)
    except sqlite3.DatabaseError:
        # a damaged page of the mentions (or of an article row): read them an article at a time, skipping those
        # that cannot be read and naming them, as `list` and `stories` do (it failed in one line, and the app's
        # entity page said it "cannot be built")
        person = _page(lib, name, _Unstored(_ReadableMentions(lib), lib, cache.mentions), limit)
    if person is None or (person.label == PERSON and len(words) == 1 and len(_key(person.name)) == 1):
        # no one, or one word found as itself alone: a given name ("Anselm") or a middle word names a person the library
        # knows in full when one person has it; several are a `Several` to pick from (it said "no entity named").
        # A place or an organisation found by the word stays itself ("Paris" is not Paris Quenby)
        called = people_called(lib, name, cache.mentions)
        if len(called) > 1:
            return Several(" ".join(name.split()), called[:SEVERAL_SHOWN], len(called))
        if called:
            try:
                person = _page(lib, called[0][0], _Unstored(_Mentions(lib), lib, cache.mentions), limit)
            except sqlite3.DatabaseError:
                person = _page(lib, called[0][0], _Unstored(_ReadableMentions(lib), lib, cache.mentions), limit)
    if person is not None and person.label == PERSON and len(_key(person.name)) > len(words):
        # the name's last words found a fuller name: the most mentioned one when several people end with them ("Tefft":
        # Brannoch Tefft and Ilsa Tefft; `who Tefft` showed the one with more mentions): listed to pick one, as a given
        # name of several people is
        fuller = people_called(lib, name, cache.mentions, ending=True)
        if len(fuller) > 1:
            return Several(" ".join(name.split()), fuller[:SEVERAL_SHOWN], len(fuller))
    if person is None:
        return None
    target = person.name
    speaker_names = set(person.aliases) | {target}
    seen: dict[str, dict] = {}
    strength: dict[int, tuple] = {}  # id(quote) -> (its article's day, its score, its article's place, its place)
    # Oldest article first: words printed by several outlets are dated, credited and linked to their first printing,
    # as the story view dates them (this page gave the latest copy's date, the story view the earliest); then the
    # quotes are listed as the story view lists a speaker's: newest first by that date, the strongest first within a
    # day (quote_order.newest_first), else as their articles are listed (newest first) and in article order.
    for rank, a in reversed(list(enumerate(person.articles))):
        try:
            an = get_cached(cache, a["id"])  # (stored, or made here and not stored)
        except sqlite3.DatabaseError:  # its analysis is on a damaged page: no quotes from it
            continue
        if an is None and analyse:
            art = lib.get(a["id"])
            if art is not None:
                an = cached_analysis(cache, a["id"], art.body, title=art.title)
        for group in quote_groups(an.quotes if an else [], an.sentences if an else None):  # a quotation split by its attribution is one
            q, text = group[0], group_text(group)
            if q.speaker and (q.speaker in speaker_names or same_entity(target, q.speaker)):
                key = " ".join(text.casefold().split())
                if key in seen:  # the same words printed by another outlet
                    if a["source"] and a["source"] not in seen[key]["sources"]:
                        seen[key]["sources"].append(a["source"])
                    continue
                # "lead": the writer's words before a quotation that finishes their sentence (Quote.lead), or None
                seen[key] = {"text": text, "lead": q.lead if q.lead and isinstance(q.lead, str) else None,
                             "article": a["id"], "source": a["source"], "day": a["day"],
                             "sources": [a["source"]] if a["source"] else []}
                strength[id(seen[key])] = (a["day"], group_score(group), rank, len(strength))
                person.quotes.append(seen[key])
    person.quotes = _one_per_wording(person.quotes, strength)
    person.quotes.sort(key=lambda q: (_quote_key(q, strength[id(q)]), strength[id(q)][2:]))
    return person


def _one_per_wording(quotes: list[dict], strength: dict[int, tuple]) -> list[dict]:
    """The page's quotes (first printing first) with near-identical wordings as one (same_quote.fold, as the story
    view lists them): the fuller wording, its lead, and the article and outlet that printed it (`enter` opens the
    article whose words are shown; the first printing's article number beside words another outlet printed fuller
    sent a reader to a shorter wording), with every member's article in "articles" (the shown one first); the first
    printing's day; every outlet, first printing's first; the best score (`strength` gets the kept quote's entry)."""
    texts = [q["text"] for q in quotes]
    out = []
    for members in same_quote.fold(texts):
        if len(members) == 1:
            out.append(quotes[members[0]])
            continue
        shown, first = quotes[same_quote.fullest(texts, members)], quotes[members[0]]
        kept = dict(shown, day=first["day"],
                    articles=list(dict.fromkeys([shown["article"]] + [quotes[i]["article"] for i in members])),
                    sources=list(dict.fromkeys(x for i in members for x in quotes[i]["sources"])))
        day, _score, rank, order = strength[id(first)]
        strength[id(kept)] = (day, max(strength[id(quotes[i])][1] for i in members), rank, order)
        out.append(kept)
    return out


def _quote_key(q: dict, strength: tuple) -> tuple:
    """A person page's quote in the order every list of a speaker's quotes takes (quote_order.newest_first)."""
    return newest_first(strength[0], q["text"], q["lead"], strength[1], len(q["sources"]))


def _page(lib, name: str, mentions, limit: int) -> Person | None:
    """who()'s page without its quotes, its mentions read through `mentions` (_Mentions or _ReadableMentions)."""
    last = " ".join(name.split()).split()[-1]
    rows = mentions.named(last, " ".join(name.split()))
    linker = NameLinker(rows)
    target = linker.canonical(PERSON, name) if any(r[0] == PERSON for r in rows) else " ".join(name.split())
    aliases = {(lab, nm) for lab, nm, _ in rows
               if same_entity(target, nm, lab) and (linker.canonical(lab, nm) == target or _key(nm) == _key(target))}
    if not aliases:
        return None
    if target not in {nm for _, nm in aliases}:
        # typed in another case ("tarrowick water board"): named as its articles write it, the spelling they use
        # most (the page was headed with the typed words, "also written Tarrowick Water Board")
        spelled = Counter()
        for lab, nm, n in rows:
            if (lab, nm) in aliases and _key(nm) == _key(target):
                spelled[nm] += n if type(n) is int else 0
        if spelled:
            target = max(spelled, key=lambda nm: (spelled[nm], nm))
    # the kind its articles give it most, by mentions (it counted the (kind, spelling) pairs, a set: a name read as an
    # organisation in two articles and a place in one was either, by the run's hash seed, walk31), ties by label
    kinds = Counter()
    for lab, nm, n in rows:
        if (lab, nm) in aliases:
            kinds[lab] += n if type(n) is int else 0
    label = max(sorted({lab for lab, _ in aliases}), key=lambda lab: kinds[lab])
    names = sorted({nm for _, nm in aliases})
    arts = mentions.articles(names, limit)
    person = Person(target, label, names)
    # a malformed row (a BLOB title or date, text as a count) reads as empty: the database is untrusted
    person.articles = [{"id": r[0], "title": _str(r[1]), "source": _str(r[2]), "day": shown_day(None, _str(r[3])),
                        "mentions": r[4] if type(r[4]) is int else 0} for r in arts]
    if len(arts) >= limit and isinstance(mentions, _Unstored) and type(mentions.inner) is _Mentions:
        try:  # more than the page lists: each article's day, to count them all and draw the whole timeline
            person.all_days = mentions.inner.days(names)
        except sqlite3.DatabaseError:
            person.all_days = []
    months = Counter(d[:7] for d in person.all_days) if person.capped else Counter(a["day"][:7] for a in person.articles)
    person.timeline = sorted(months.items())
    ids = [a["id"] for a in person.articles]
    if ids:
        found = mentions.around(ids)
        shown_as = _shown_as(lib, ids)
        where: dict[tuple, set] = {}
        for lab, nm, article_id in found:
            # a text printed by two outlets is one article here as on the page ("Agnes Trewin · 4 articles" beside
            # a page of 3: her two records of the same wire text were two)
            where.setdefault((lab, nm), set()).add(shown_as.get(article_id, article_id))
        co_link = NameLinker([(lab, nm, len(arts)) for (lab, nm), arts in where.items()])
        merged: dict[str, set] = {}
        labels: dict[str, Counter] = {}
        for (lab, nm), arts in where.items():
            canon = co_link.canonical(lab, nm)
            if (lab, nm) in aliases or same_entity(target, canon, lab):
                continue
            # one name, one entity, whatever label or form each article gave it: its articles counted once
            # (the counts of its forms were added: "Kellmouth  4 articles" beside a person in 3)
            merged.setdefault(canon, set()).update(arts)
            labels.setdefault(canon, Counter())[lab] += len(arts)
        ranked = sorted(merged.items(), key=lambda kv: -len(kv[1]))[:30]  # stable: the order they came in on ties
        person.cooccurring = [{"label": labels[nm].most_common(1)[0][0], "name": nm, "articles": len(arts)}
                              for nm, arts in ranked]
    person.skipped = sorted(set(mentions.skipped), reverse=True)
    return person


def _shown_as(lib, ids: list[int]) -> dict[int, int]:
    """{copy: the article whose row shows it} for the near-duplicates (articles.twin_of) among `ids`; {} when the
    library cannot say (a damaged page: each record then counts on its own, as before)."""
    out: dict[int, int] = {}
    try:
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            out.update((a, b) for a, b in lib.db.execute(
                f"SELECT id, twin_of FROM articles WHERE twin_of IS NOT NULL AND id IN ({','.join('?' * len(chunk))})",
                chunk) if type(a) is int and type(b) is int)
    except sqlite3.DatabaseError:
        return {}
    return out


def _str(value) -> str:
    """A text column read defensively: anything but text (a BLOB, a number, NULL) reads as empty."""
    return value if type(value) is str else ""
