"""Stories: the library as a set of events across outlets. No Textual: store + engine only.

API (every function takes an open `tui.store.Library`):

Grouping (incremental; call after articles are stored — `newsreader add` does):
    group_new(lib) -> int                  place every article not yet in a story; returns how many
    settle(lib) -> int                     the stream went quiet: group_new, then regroup the articles waiting for
                                           their window now (0: the stories did not change)
    rebuild(lib) -> int                    forget all stories and regroup the whole library
    merge(lib, keep_id, other_id)          fold one story into another (keep_id survives)
    split(lib, story_id, article_ids) -> new story id | None

Listing (tui.store.stories, re-exported here):
    story_rows(lib, offset=0, limit=100, since="") -> [StoryRow]   latest first; StoryRow has
        id, title, size, first, last (ISO days), sources [names, oldest first], unread, article_ids (LATEST_FIRST)
    story_row(lib, story_id) -> StoryRow | None
    story_count(lib, since="") -> int
    story_of(lib, article_id) -> story id | None
    duplicates(lib, article_id) -> [ids of stored articles repeating its text (other sources)]

The story view:
    story_summary(lib, story_id, sentences=None, words=None, analyse=True) -> StorySummary | None
        .sentences [StorySentence(text, article, source, day, index)]   in story order
        .quotes    [SpeakerQuotes(speaker, quotes=[StoryQuote(text, speaker, article, source, day, score, sources, lead, first)])]
        .entities  [StoryEntity(label, name, count, articles)]
        .new       [StorySentence]   what the latest day's articles add
        .sources, .first, .last, .articles (ids oldest first), .analysed, .strongest_quote()
      analyse=False never runs the tagger (sentence splits only): instant, quotes/entities from cached analyses.

The entity page:
    who(lib, name, analyse=False) -> Person | Several | None
        Several(query, people [(full name, articles)], total): one word of several people's names ("Anselm")
        .name, .label, .aliases, .articles [{"id","title","source","day","mentions"}] newest first,
        .timeline [(YYYY-MM, n)], .cooccurring [{"label","name","articles"}], .quotes [{"text","lead","article","source","day","sources"}] newest first

The briefing:
    briefing(lib, since="", limit=10, sentences=3) -> [BriefItem(story, sentences, quote, score)]
    briefing_markdown(items, since="") / briefing_text(items, since="") -> str; briefing_quotes(items) -> str
    parse_since(WHEN) -> ISO day ("" = no limit): 2026-01-14, today, yesterday, 24h, 3d, 2w
"""

import sys
from types import ModuleType

# The names below are imported when first asked for (PEP 562): a process that needs one module of the package
# (`add` loading tui.stories.terms for its parse workers, a refresh tui.stories.grouping) no longer imports the
# summary, briefing, quote and entity code with it (~0.1 s CPU; before `add`'s parse workers can start).
_FROM = {
    "tui.store.stories": ("StoryRow", "duplicates", "story_count", "story_of", "story_row", "story_rows"),
    "tui.stories.briefing": ("BriefItem",),
    "tui.stories.grouping": ("group_new", "merge", "rebuild", "settle", "split"),
    "tui.stories.people": ("Person", "Several", "who"),
    "tui.stories.story": ("SpeakerQuotes", "StoryEntity", "StoryQuote", "StorySummary", "story_summary"),
    "tui.stories.summary": ("StorySentence",),
    "tui.stories.when": ("parse_since",),
}
_WHERE = {name: (module, name) for module, names in _FROM.items() for name in names}
_WHERE.update({"briefing_markdown": ("tui.stories.briefing", "as_markdown"),
               "briefing_quotes": ("tui.stories.briefing", "as_quotes"),
               "briefing_text": ("tui.stories.briefing", "as_text")})


def __getattr__(name: str):
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(where[0]), where[1])
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE) | {"briefing"})


class _Package(ModuleType):
    """`tui.stories.briefing` is the function `briefing`, as when this package imported it at once, although the
    module of that name is imported later: the import system then binds the module here, and that is set aside."""

    @property
    def briefing(self):
        value = self.__dict__.get("_briefing_function")
        if value is None:
            from tui.stories.briefing import briefing as value
        return value

    @briefing.setter
    def briefing(self, value) -> None:
        if not isinstance(value, ModuleType):  # (a test's stand-in is kept)
            self.__dict__["_briefing_function"] = value


sys.modules[__name__].__class__ = _Package

__all__ = [
    "group_new", "settle", "rebuild", "merge", "split",
    "StoryRow", "story_rows", "story_row", "story_count", "story_of", "duplicates",
    "story_summary", "StorySummary", "StorySentence", "StoryQuote", "SpeakerQuotes", "StoryEntity",
    "who", "Person", "Several", "briefing", "BriefItem", "briefing_markdown", "briefing_quotes",
    "briefing_text", "parse_since",
]
