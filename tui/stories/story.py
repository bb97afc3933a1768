"""A story's summary, quotes by speaker, merged entities and "what's new": the story view's data."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

from tui.engine.quotes.groups import group_text, quote_groups
from tui.engine.types import PERSON
from tui.stories import quote_order, same_quote
from tui.stories.antecedents import name_pronouns
from tui.stories.articles import CAP, StoryArticle, load_articles, members
from tui.stories.people import NameLinker
from tui.stories.summary import Latest, StorySentence, candidates, latest, latest_news, matrix, summarise

_QUOTE_KEY = re.compile(r"\W+")
_RULE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


@dataclass
class StoryQuote:
    """One quotation of a story, with where it appeared."""

    text: str
    speaker: str
    article: int
    source: str
    day: str
    score: float = 0.0
    sources: list[str] = field(default_factory=list)  # every outlet that printed it
    # a quotation that finishes a sentence of the writer's: that sentence's words before it (Quote.lead), else ""
    lead: str = ""
    # the article that printed these words first when another printed them fuller (same_quote: `article` is the one
    # whose words are shown, what `enter` opens), else None: `article` printed them first
    first: int | None = None

    @property
    def first_article(self) -> int:
        """The article that printed the quotation first (strongest_quote's latest reports)."""
        return self.article if self.first is None else self.first


@dataclass
class SpeakerQuotes:
    """A speaker's quotes in the story, newest first (quote_order.newest_first)."""

    speaker: str  # "" for quotations nobody is named for
    quotes: list[StoryQuote]


@dataclass
class StoryEntity:
    """One entity of the story merged across its articles."""

    label: str
    name: str
    count: int     # mentions over all articles
    articles: int  # articles that mention it


@dataclass
class StorySummary:
    """Everything the story view shows."""

    id: int
    title: str
    sentences: list[StorySentence]
    quotes: list[SpeakerQuotes]
    entities: list[StoryEntity]
    new: list[StorySentence]
    sources: list[str]
    first: str
    last: str
    articles: list[int]
    analysed: bool  # False when some articles had no analysis yet (quotes/entities are then partial)
    copies: dict[int, list[int]] = field(default_factory=dict)  # article -> its near-duplicates (same text elsewhere)
    fresh: set[tuple[int, int]] = field(default_factory=set)  # every latest-day sentence no earlier article said
    # the articles its sentences, quotes and entities come from: all of them up to articles.CAP, then a chosen CAP
    read: int = 0
    latest: Latest | None = None  # its latest reports (summary.latest): what "new" is new against

    def news(self) -> tuple[set[tuple[int, int]], list[StorySentence]]:
        """What's new without repeating the summary: the (article, index) keys of summary sentences that are new (any
        the latest reports add, not only the few `new` lists, and the line that tells the latest development:
        summary.development), and the new sentences the summary does not show. When nearly all of it is new
        (`new_note`), no line is marked: the note says so once."""
        marked, rest = self._news()
        return (set() if self.new_note() else marked), rest

    def new_note(self) -> str:
        """Once for the whole summary, when marking its lines "new" would mark nearly all: "Mostly new: 9 of its 10
        articles are from 2026-05-06" (the latest reports are MOSTLY of its articles or more: against so little
        before, every line is new), "Every line is new: from 2026-05-06" (each of two or more lines is); else ""."""
        cut = self.latest
        if cut is None:
            return ""
        when = f"{cut.day} after {cut.after}" if cut.after else cut.day
        if cut.mostly:
            return f"Mostly new: {len(cut.ids)} of its {cut.originals} articles are from {when}"
        if len(self.sentences) >= 2 and len(self._news()[0]) == len(self.sentences):
            return f"Every line is new: from {when}"
        return ""

    def new_key(self) -> str:
        """What its "new" marks mean, said once where it marks a line new or lists What's new (a reader's "new" is what
        they have not read; these lines are new against the story's own earlier reports, read or not: walk33 read a
        day-2 line again on day 3, unmarked, and took "new" for unread): '"new": what its 2026-12-07 reports add, read
        or not', within one day '"new": what its reports of 2026-12-07 after 09:30 add, read or not'. "" when it marks
        nothing, or `new_note` says it once."""
        cut = self.latest
        if cut is None or self.new_note():
            return ""
        marked, rest = self.news()
        if not marked and not rest:
            return ""
        if cut.after:  # (walk37 read "what its 2026-12-07 after 09:30 reports add")
            return f"\"new\": what its reports of {cut.day} after {cut.after} add, read or not"
        return f"\"new\": what its {cut.day} reports add, read or not"

    @property
    def bounded(self) -> bool:
        """Its summary, quotes and entities come from a chosen part of its articles (a story above articles.CAP)."""
        return 0 < self.read < len(self.articles)

    @property
    def rows(self) -> int:
        """Its articles as the library lists them, a text printed by two outlets once: the count the stories list,
        the story view and the briefing show ("5 articles" in the view's head stood over "Articles (4)")."""
        return len(self.articles) - len({c for cs in self.copies.values() for c in cs})

    def _news(self) -> tuple[set[tuple[int, int]], list[StorySentence]]:
        shown = {(x.article, x.index) for x in self.sentences}
        new = {(x.article, x.index) for x in self.new} | self.fresh
        marked = (shown & new) | {(x.article, x.index) for x in self.sentences if x.development}
        return marked, [x for x in self.new if (x.article, x.index) not in shown]

    def strongest_quote(self, leaving_out: str = "") -> StoryQuote | None:
        """The strongest attributed quote of the story; with `leaving_out` (the sentences shown with it), the
        strongest of those whose words that text does not already hold (the briefing printed a sentence, then the
        same words again as its quote). By how well it reads alone first (`reads_alone`: a whole quotation, then one
        that finishes a sentence of the writer's, then a phrase or a scrap), whatever their days, outlets and scores;
        among each kind, one first printed by the story's latest reports (`latest`: a briefing of the latest day's news
        quoted the first day's words, printed by more outlets), then the most outlets, then the highest score (the
        engine's importance, quote_score)."""
        said = " ".join(leaving_out.split()).casefold()
        qs = [q for g in self.quotes if g.speaker for q in g.quotes
              if not said or " ".join(q.text.split()).casefold() not in said]
        latest = self.latest.ids if self.latest is not None else frozenset()

        return max(qs, key=lambda q: (reads_alone(q), q.first_article in latest, len(q.sources), q.score),
                   default=None)


def reads_alone(q: StoryQuote) -> int:
    """How well a quotation reads as a story's one quote (quote_order.reads_alone: 2 a whole quotation, 1 one that
    finishes a sentence of the writer's, 0 a phrase or a scrap of a sentence)."""
    return quote_order.reads_alone(q.text, q.lead)


def story_summary(lib, story_id: int, sentences: int | None = None, words: int | None = None,
                  analyse: bool = True) -> StorySummary | None:
    """The summary of story `story_id` (`sentences` sentences, or about `words` words; default 5
    sentences), its quotes grouped by speaker, merged entities and what's new. None if no such story.

    With `analyse` False nothing is computed that is not cached except sentence splits: instant, but
    quotes and entities then cover only the analysed articles (`analysed` says so).
    """
    from tui.store.stories import story_row

    row = story_row(lib, story_id)
    if row is None:
        return None
    story = members(lib, story_id)
    arts = load_articles(lib, story_id, analyse=analyse, cap=CAP, story=story)
    cands = candidates(arts)
    with one_blas_thread():
        x = matrix(cands) if cands else None  # one for the summary and what's new
        picked, (new, fresh) = summarise(arts, sentences, words, cands, x=x), latest_news(arts, cands=cands, x=x)
    linker = _linker(arts)  # one for the quotes and the entities
    if words is None:  # a person named in full where the summary first names them (a word budget's words are its own)
        # and a line opening with "He" or "She" under another article's line names the person (antecedents.py;
        # at a word budget too, dev R-1 at 100 words fell 0.3987 -> 0.3982, A -0.0004, B -0.0006: measures only)
        picked, new = introduce(name_pronouns(picked, arts), arts, linker), name_pronouns(new, arts)
    elif len([a for a in arts if not a.dup_of]) == 1:
        # a story of one article (its own news summary, summary._single) names them at a word budget too: `story ID
        # --words 60` said "He said the ferry ..." where the story view named him (session 38; the dev events are
        # stories of several articles, so no dev figure moves)
        picked = name_pronouns(picked, arts)
    return StorySummary(
        id=story_id, title=row.title, sentences=picked,
        quotes=story_quotes(arts, linker=linker), entities=story_entities(arts, linker=linker), new=new,
        sources=row.sources, first=row.first, last=row.last, articles=[m.id for m in story],
        analysed=all(a.analysis is not None for a in arts), copies=_copies(story), fresh=fresh, read=len(arts),
        latest=latest(story) if len([m for m in story if not m.dup_of]) > 1 else None)


def one_blas_thread():
    """A context in which numpy's BLAS works in the calling thread only. The summary's products are small
    (a few hundred rows): OpenBLAS's helper threads save no time there, and as they wait for work they
    spin, about doubling the CPU a story costs and taking a core from the UI. The numbers are the same
    (the work is split by rows, not summed differently). Without threadpoolctl, nothing changes."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency, but the summary works without it
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


def _copies(arts: list[StoryArticle]) -> dict[int, list[int]]:
    """Each repeated article -> the articles that repeat its text from other outlets (a wire story in several
    papers): the library's twins (articles.twin_of), one row there and in the story view. A near-duplicate from the
    same outlet is a row of its own in the library, and so here (it was one row here, "same text in 2 outlets"
    under one outlet's name, and the story's count differed from the stories list's)."""
    out: dict[int, list[int]] = {}
    ids = {a.id for a in arts}
    for a in arts:
        if a.twin_of and a.twin_of in ids:
            out.setdefault(a.twin_of, []).append(a.id)
    return out


def introduce(sentences: list[StorySentence], arts: list[StoryArticle], linker: NameLinker) -> list[StorySentence]:
    """The summary's lines with each person named in full where the summary first names them: a line that calls
    someone by their last name alone ("Quint said ...") before any line names them in full reads "Marisol Quint said
    ...", when the story's articles name that person in full (a person's name of two words or more in their entities:
    the story's NameLinker). Left as they are: a last name that ends two full names of the story (two Quints), one
    inside quotation marks (a quotation's words are never changed), one after another capitalised word that is not a
    title ("Ana Quint", "Tarn Quint"; "Mayor Quint" becomes "Mayor Marisol Quint") or before one ("Quint Street"),
    and one that its own article's entities call something other than a person there. The sentences were chosen
    before this, by their own words. story_summary does this for a summary of so many sentences (the story view's,
    the briefing's, `story --sentences`), not for one of so many words (`story --words`), whose words are its budget's:
    with the names in full there, dev R-1 at 100 words fell from 0.3987 to 0.3970 (both halves), at 40 words from
    0.3054 to 0.3042 (dev measures only)."""
    from tui.engine.lexicon import lexicon

    ending: dict[str, list[str]] = {}  # a full name's last word -> the full names that end in it
    for full in linker.full:
        if all(_NAME_WORD.fullmatch(w) for w in full.split()[:-1]):  # (not "Russian-built Zarya")
            ending.setdefault(full.split()[-1], []).append(full)
    if not ending:
        return sentences
    titles = lexicon().honorifics
    by_id = {a.id: a for a in arts}
    pattern = re.compile(r"(?<![\w'’.-])(" + "|".join(re.escape(w) for w in sorted(ending, key=len, reverse=True))
                         + r")(?![\w-])")
    named: set[str] = set()  # the people the summary has named (in full, or in full now)
    out = []
    for x in sentences:
        text, shift = x.text, 0
        quoted = _quoted_spans(x.text)
        others = _not_people(by_id.get(x.article), x.index)
        for m in pattern.finditer(x.text):
            last, pos = m.group(1), m.start()
            if any(s <= pos < t for s, t in quoted):
                continue
            fulls = ending[last]
            here = next((f for f in fulls if x.text[:m.end()].endswith(f)), None)
            if here is not None:  # named in full here
                named.add(here)
                continue
            if len(fulls) > 1 or fulls[0] in named or last.casefold() in others:
                continue
            before = x.text[:pos].split()
            after = x.text[m.end():].split()
            if before and before[-1][:1].isupper() and before[-1].rstrip(".").casefold() not in titles \
                    and before[-1].casefold() not in titles:
                continue
            if after and after[0][:1].isupper():
                continue
            full = fulls[0]
            named.add(full)
            text = text[:pos + shift] + full + text[pos + shift + len(last):]
            shift += len(full) - len(last)
        out.append(x if text == x.text else StorySentence(text, x.article, x.source, x.day, x.index, x.development))
    return out


_NAME_WORD = re.compile(r"[A-Z][\w'’]*\.?(?:-[A-Z][\w'’]*)*")  # a given name or initial: Marisol, J., Jean-Paul
_QUOTED = re.compile(r'“[^”]*”?|"[^"]*"?|«[^»]*»?')


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` inside double quotation marks (an opening mark unclosed runs to the end)."""
    return [m.span() for m in _QUOTED.finditer(text)]


def _not_people(a: StoryArticle | None, index: int) -> set[str]:
    """The words (case-folded) of the entities that sentence `index` of article `a` names and its analysis calls
    something other than a person: a last name there is that other thing's."""
    an = a.analysis if a is not None else None
    if an is None or not 0 <= index < len(an.sentences):
        return set()
    s = an.sentences[index]
    return {w.casefold() for e in an.entities if e.label != PERSON and s.start <= e.start < s.end
            for w in e.text.split()}


def _linker(arts: list[StoryArticle]) -> NameLinker:
    counts: dict[tuple[str, str], int] = {}
    for a in arts:
        for e in (a.analysis.entities if a.analysis else []):
            k = (e.label, e.canonical or e.text)
            counts[k] = counts.get(k, 0) + 1
    return NameLinker([(lab, nm, n) for (lab, nm), n in counts.items()])


def story_entities(arts: list[StoryArticle], linker: NameLinker | None = None) -> list[StoryEntity]:
    """Named entities of the story, one per library-wide name, most mentioned first (numbers and dates left out).
    `linker` may pass the story's NameLinker (made from `arts`)."""
    linker = _linker(arts) if linker is None else linker
    count: dict[str, int] = {}
    labels: dict[str, dict[str, int]] = {}
    where: dict[str, set[int]] = {}
    for a in arts:
        if a.dup_of:
            continue
        for e in (a.analysis.entities if a.analysis else []):
            if e.label in _RULE_LABELS:
                continue
            name = linker.canonical(e.label, e.canonical or e.text)
            count[name] = count.get(name, 0) + 1  # one name is one entity, whatever label each article gave it
            labels.setdefault(name, {})[e.label] = labels.get(name, {}).get(e.label, 0) + 1
            where.setdefault(name, set()).add(a.id)
    out = [StoryEntity(max(labels[nm], key=labels[nm].get), nm, n, len(where[nm])) for nm, n in count.items()]
    out.sort(key=lambda e: (-e.articles, -e.count, e.name))
    return out


def story_quotes(arts: list[StoryArticle], per_speaker: int = 5, linker: NameLinker | None = None) -> list[SpeakerQuotes]:
    """The story's quotations grouped by speaker (library-wide names); one quote printed by several
    outlets is listed once with all of them, dated by its first printing, and so is one a second outlet printed a
    word or two shorter (same_quote: the fuller wording shown). Speakers with the most quotes first, the
    unnamed last; each speaker's `per_speaker` newest quotations, newest first (quote_order.newest_first).
    `linker` may pass the story's NameLinker (made from `arts`)."""
    linker = _linker(arts) if linker is None else linker
    seen: dict[str, StoryQuote] = {}
    for a in arts:
        an = a.analysis
        if an is None:
            continue
        for group in quote_groups(an.quotes, an.sentences):  # “Shopkeepers,” he said, “are not ...” is one quotation
            q, text = group[0], group_text(group)
            # (the whole words: a wording cut short by one outlet is folded into the fuller below, _one_per_wording,
            # which then shows the fuller; a key of the first 80 characters kept whichever was printed first)
            key = _QUOTE_KEY.sub(" ", text.casefold()).strip()
            if len(key) < 8:
                continue
            if key in seen:
                if a.source and a.source not in seen[key].sources:
                    seen[key].sources.append(a.source)
                continue
            speaker = linker.canonical(PERSON, q.speaker) if q.speaker else ""
            seen[key] = StoryQuote(text, speaker, a.id, a.source, a.day, quote_order.group_score(group),
                                   [a.source] if a.source else [], q.lead if isinstance(q.lead, str) else "")
    groups: dict[str, list[StoryQuote]] = {}
    for q in seen.values():
        groups.setdefault(q.speaker, []).append(q)
    groups = {sp: _one_per_wording(qs) for sp, qs in groups.items()}
    out = [SpeakerQuotes(sp, sorted(qs, key=lambda q: quote_order.newest_first(q.day, q.text, q.lead, q.score,
                                                                               len(q.sources)))[:per_speaker])
           for sp, qs in groups.items()]
    out.sort(key=lambda g: (g.speaker == "", -len(groups[g.speaker]), g.speaker))
    return out


def _one_per_wording(qs: list[StoryQuote]) -> list[StoryQuote]:
    """A speaker's quotations (first printing first) with near-identical wordings as one (same_quote.fold): the
    fuller wording, its lead, and the article and outlet that printed it (`enter` on it opened the first printing's
    article, the shorter wording; `who` and the person page say so too, people._one_per_wording); the first
    printing's day, and its article in `first` (what `strongest_quote` asks of the latest reports: words first printed
    before them are not theirs); every outlet, first printing's first; the best score."""
    texts = [q.text for q in qs]
    out = []
    for members in same_quote.fold(texts):
        if len(members) == 1:
            out.append(qs[members[0]])
            continue
        shown, first = qs[same_quote.fullest(texts, members)], qs[members[0]]
        sources = list(dict.fromkeys(x for i in members for x in qs[i].sources))
        out.append(StoryQuote(shown.text, shown.speaker, shown.article, shown.source, first.day,
                              max(qs[i].score for i in members), sources, shown.lead,
                              first.article if first.article != shown.article else None))
    return out
