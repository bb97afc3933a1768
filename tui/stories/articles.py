"""The articles of a story with their analyses: what summaries, quotes and entity lists are made from."""

from __future__ import annotations

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
        from tui.store.library import LibraryBusy

        if not self.skipped:
            try:
                self.lib.put_analysis(article_id, key, data, mentions)
                return
            except LibraryBusy:
                pass
        self.skipped += 1
        self.kept[article_id, key] = data
        if mentions is not None:
            self.mentions[article_id] = list(mentions)


def load_articles(lib, story_id: int, analyse: bool = True) -> list[StoryArticle]:
    """The story's articles, oldest first. Uses the cached analyses; with `analyse`, analyses (and
    caches, when the library can be written: Cache) the ones missing, else splits their sentences only (fast, no
    entities or quotes)."""
    from tui.engine.analysis import cached_analysis, get_cached

    cache = Cache(lib)
    from tui.engine.sentences import split_sentences

    rows = lib.db.execute(
        "SELECT a.id, a.title, a.source, s.day, a.body, a.read, s.dup_of, a.twin_of FROM story_articles s"
        " JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? ORDER BY s.day, a.id", (story_id,)).fetchall()
    out = []
    for aid, title, source, day, body, read, dup, twin in rows:
        # a malformed row (a BLOB title or body, a number as the day) reads as empty text, never raises
        title, source, day, body = (v if type(v) is str else "" for v in (title, source, day, body))
        an = get_cached(lib, aid)
        if an is None and analyse:
            an = cached_analysis(cache, aid, body, title=title)
        if an is not None:
            sents = an.sentences
        else:  # the start of the article only: the summary reads no further (summary.LEAD_SENTENCES)
            sents = split_sentences(body[:SPLIT_CHARS])
            if len(body) > SPLIT_CHARS and sents:
                sents = sents[:-1]  # may be cut off at the limit
        out.append(StoryArticle(aid, title, source, day, body, bool(read), dup, sents, an,
                                twin if type(twin) is int else None))
    return out
