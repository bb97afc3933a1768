"""One entity across the library: names linked with the same alias logic as inside an article.

"Trump", "President Trump" and "Donald Trump" are one person: titles are stripped (linking.strip_title)
and a shorter name joins the fullest name whose last words it is ("Trump" -> "Donald Trump"), preferring
the most mentioned full name when several fit. Place aliases (U.S. / United States) merge as in an article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tui.engine.quotes.groups import group_text, quote_groups
from tui.engine.types import PERSON


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
    quotes: list[dict] = field(default_factory=list)      # {"text","article","source","day","sources"} newest first
    timeline: list[tuple[str, int]] = field(default_factory=list)  # (month "YYYY-MM", articles)


ANALYSE_LIMIT = 200  # articles analysed on demand for one `who` (the background pass does the rest)


def _analyse_matches(lib, name: str) -> None:
    """Analyse (and so index the mentions of) articles whose text has the name's last word."""
    from tui.engine.analysis import cached_analysis, get_cached

    last = name.split()[-1]
    for aid in lib.ids(search=last + " ", twins=True)[:ANALYSE_LIMIT]:
        if get_cached(lib, aid) is None:
            art = lib.get(aid)
            if art is not None:
                cached_analysis(lib, aid, art.body, title=art.title)


def who(lib, name: str, analyse: bool = False, limit: int = 500) -> Person | None:
    """The entity page of `name` across the (analysed part of the) library, or None when unknown.

    Articles come from the store's mention index (filled as articles are analysed); quotes from the
    cached analyses. With `analyse`, up to ANALYSE_LIMIT not yet analysed articles containing the name's
    last word are analysed first (slow: the CLI does it, a screen should rely on the background pass).
    """
    from tui.engine.analysis import cached_analysis, get_cached

    words = _key(name)
    if not words:
        return None
    if analyse:
        _analyse_matches(lib, name)
    last = " ".join(name.split()).split()[-1]
    rows = lib.db.execute("SELECT label, name, sum(count) FROM mentions WHERE name = ? OR name LIKE ?"
                          " GROUP BY label, name", (last, "% " + last)).fetchall()
    rows += lib.db.execute("SELECT label, name, sum(count) FROM mentions WHERE name = ? GROUP BY label, name",
                           (" ".join(name.split()),)).fetchall()
    linker = NameLinker(rows)
    target = linker.canonical(PERSON, name) if any(r[0] == PERSON for r in rows) else " ".join(name.split())
    aliases = {(lab, nm) for lab, nm, _ in rows
               if same_entity(target, nm, lab) and (linker.canonical(lab, nm) == target or _key(nm) == _key(target))}
    if not aliases:
        return None
    label = Counter(lab for lab, _ in aliases).most_common(1)[0][0]
    names = sorted({nm for _, nm in aliases})
    marks = ",".join("?" * len(names))
    arts = lib.db.execute(
        f"SELECT a.id, a.title, a.source, a.sort_key, sum(m.count) FROM mentions m JOIN articles a ON a.id = m.article_id"
        f" WHERE m.name IN ({marks}) GROUP BY a.id ORDER BY a.sort_key DESC, a.id DESC LIMIT ?",
        (*names, limit)).fetchall()
    person = Person(target, label, names)
    # a malformed row (a BLOB title or date, text as a count) reads as empty: the database is untrusted
    person.articles = [{"id": r[0], "title": _str(r[1]), "source": _str(r[2]), "day": _str(r[3])[:10],
                        "mentions": r[4] if type(r[4]) is int else 0} for r in arts]
    months = Counter(a["day"][:7] for a in person.articles)
    person.timeline = sorted(months.items())
    ids = [a["id"] for a in person.articles]
    if ids:
        id_marks = ",".join("?" * len(ids))
        found = lib.db.execute(
            f"SELECT DISTINCT label, name, article_id FROM mentions WHERE article_id IN ({id_marks})"
            f" AND label NOT IN ('DATE','TIME','MONEY','PERCENT','QUANTITY','CARDINAL')"
            f" ORDER BY label, name, article_id", ids).fetchall()
        where: dict[tuple, set] = {}
        for lab, nm, article_id in found:
            where.setdefault((lab, nm), set()).add(article_id)
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
    speaker_names = {nm for _, nm in aliases} | {target}
    seen: dict[str, dict] = {}
    for a in person.articles:
        an = get_cached(lib, a["id"])
        if an is None and analyse:
            art = lib.get(a["id"])
            if art is not None:
                an = cached_analysis(lib, a["id"], art.body, title=art.title)
        for group in quote_groups(an.quotes if an else []):  # a quotation split by its attribution is one
            q, text = group[0], group_text(group)
            if q.speaker and (q.speaker in speaker_names or same_entity(target, q.speaker)):
                key = " ".join(text.casefold().split())
                if key in seen:  # the same words printed by another outlet
                    if a["source"] and a["source"] not in seen[key]["sources"]:
                        seen[key]["sources"].append(a["source"])
                    continue
                seen[key] = {"text": text, "article": a["id"], "source": a["source"], "day": a["day"],
                             "sources": [a["source"]] if a["source"] else []}
                person.quotes.append(seen[key])
    return person


def _str(value) -> str:
    """A text column read defensively: anything but text (a BLOB, a number, NULL) reads as empty."""
    return value if type(value) is str else ""
