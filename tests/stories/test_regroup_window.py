"""Windowed regrouping: articles fed one at a time are grouped again together, by their own idf, every
LIBRARY_FROM of them, so a name that fills the period's news stops tying its different events (as at once)."""

from __future__ import annotations

from tui.models import Article
from tui.stories import group_new, story_of
from tui.stories.library_idf import LIBRARY_FROM

# Our own invented articles: the chancellor of an invented country is in every piece of a fortnight; two of
# its events (a bridge closed for repairs, a pay deal for nurses) each come from three outlets, and every other
# piece is about a different fair the chancellor opens.
LEADER = "Chancellor Maren Tolvik"
BRIDGE = [
    ("Kessel river bridge shut after cracks found in pier",
     "Engineers closed the Kessel river bridge after inspectors found cracks in its central pier. Commuters face a "
     "long detour through the valley. {p} promised the repairs would be paid for at once."),
    ("Detours snarl valley roads as Kessel bridge stays shut",
     "Traffic crawled through the valley villages for a second day while the Kessel bridge stayed closed for pier "
     "repairs. {p} visited the engineers at the cracked pier."),
    ("Kessel bridge pier repairs to take six weeks",
     "Engineers said the cracked pier of the Kessel river bridge needs six weeks of repairs, so commuters keep the "
     "valley detour. {p} asked for night shifts on the bridge."),
]
NURSES = [
    ("Nurses accept pay deal after overtime dispute",
     "Hospital nurses voted to accept a pay deal that ends their dispute over unpaid overtime. The nurses' "
     "federation said wards had been short for months. {p} welcomed the vote."),
    ("Hospital wards relieved as nurses' pay deal is signed",
     "The nurses' federation signed the pay deal with hospital managers, and overtime will be paid from next "
     "month. {p} said the wards could now hire again."),
    ("What the nurses' pay deal means for overtime on wards",
     "Under the new pay deal, hospital nurses get overtime paid at a higher rate and rest days after night "
     "shifts. The federation had asked {p} for exactly that."),
]
FAIRS = [
    "cheese", "kite", "clock", "honey", "boat", "quilt", "lamp", "saddle", "violin", "rope", "bell", "candle",
    "harp", "barrel", "sledge", "mirror", "basket", "carpet", "compass", "drum", "fan", "glove", "hat", "inkwell",
    "jug", "kettle", "ladder", "mitten", "needle", "oar", "pipe", "rake", "scarf", "teapot", "umbrella", "vase",
    "wagon", "yarn", "anvil", "broom", "chisel", "doll", "easel", "flute", "globe", "hammock", "lute", "map",
]


def _stream() -> list[Article]:
    """The fortnight's articles in the order they arrive (oldest first): the two events among the fairs."""
    fairs = [(f"{LEADER} opens the {w} fair",
              f"{LEADER} opened the {w} fair in the market square. Makers of every kind of {w} came from the coast, "
              f"and the {w} guild hopes for its best year. Children tried the old {w} craft.") for w in FAIRS]
    events = BRIDGE + NURSES
    out = []
    for i in range(len(fairs) + len(events)):
        title, body = events.pop(0) if i % 8 == 3 and events else fairs.pop(0)
        day = 1 + i * 14 // (len(FAIRS) + len(BRIDGE) + len(NURSES))
        out.append(Article(title=title, body=body.format(p=LEADER), source=f"Outlet {i % 4}",
                           published=f"2026-03-{day:02d}"))
    return out


def test_two_events_fed_one_at_a_time_stay_apart_once_a_window_is_regrouped(lib):
    arts = _stream()
    assert len(arts) == 54 and len(arts) >= LIBRARY_FROM
    ids = []
    for art in arts:
        ids.append(lib.add_many([art])[0][1])
        assert group_new(lib) == 1  # each article is grouped as it lands
    titles = [a.title for a in arts]
    bridge = {story_of(lib, ids[titles.index(t)]) for t, _ in BRIDGE}
    nurses = {story_of(lib, ids[titles.index(t)]) for t, _ in NURSES}
    assert len(bridge) == 1 and len(nurses) == 1  # each event is one story
    assert bridge != nurses  # the chancellor in both does not make them one
    fairs = [i for i, t in zip(ids, titles) if "fair" in t]
    assert not ({story_of(lib, i) for i in fairs} & (bridge | nurses))  # nor pulls the fairs in
    # the fairs that came after the window (placed alone, weighed like it) do not gather under the chancellor
    late = [story_of(lib, i) for i in ids[LIBRARY_FROM:]]
    assert len(late) == 4 and len(set(late)) == 4
    assert not set(late) & {story_of(lib, i) for i in ids[:LIBRARY_FROM]}


def test_a_story_that_comes_back_together_from_the_window_keeps_its_id(lib):
    # fairs of one day (no chancellor in them) around the three bridge articles, fed one at a time
    fairs = [Article(title=f"The {w} fair opens in the square",
                     body=f"Makers of every kind of {w} came to the {w} fair, and the {w} guild hopes for its best "
                          f"year. Children tried the old {w} craft.", source="Outlet 1", published="2026-03-02")
             for w in FAIRS[:LIBRARY_FROM - 3]]
    arts = fairs[:20] + [Article(title=t, body=b.format(p=LEADER), source=f"Outlet {i}", published="2026-03-02")
                         for i, (t, b) in enumerate(BRIDGE)] + fairs[20:]
    ids, before = [], {}
    for art in arts:
        ids.append(lib.add_many([art])[0][1])
        group_new(lib)
        if len(ids) == LIBRARY_FROM - 1:
            before = {i: story_of(lib, i) for i in ids}
    assert len(ids) == LIBRARY_FROM  # the last one fills the window: all are grouped again together
    bridge = before[ids[20]]
    assert {before[i] for i in ids[20:23]} == {bridge}  # the bridge is one story before the window fills
    assert any(story_of(lib, i) != before[i] for i in ids[:20] + ids[23:-1])  # the window was grouped again
    assert {story_of(lib, i) for i in ids[20:23]} == {bridge}  # and the bridge story came back under its id


def _partition(lib) -> set[frozenset[int]]:
    stories: dict[int, set[int]] = {}
    for aid, sid in lib.db.execute("SELECT article_id, story_id FROM story_articles"):
        stories.setdefault(sid, set()).add(aid)
    return {frozenset(s) for s in stories.values()}


def _weights(lib) -> set:
    """Each story's stored terms (its centroid), keyed by its articles rather than its id."""
    members = {}
    for aid, sid in lib.db.execute("SELECT article_id, story_id FROM story_articles"):
        members.setdefault(sid, set()).add(aid)
    return {(frozenset(members.get(sid, ())), terms) for sid, terms in lib.db.execute("SELECT id, terms FROM stories")}


def test_rebuilding_in_small_batches_gives_the_same_stories_each_time(lib, monkeypatch):
    """`stories --rebuild` starts from scratch: what an earlier grouping (windows regrouped as the articles came in
    one at a time, or an earlier rebuild) left behind must not steer it. Rebuilt three times, the stories and their
    stored weights are the same each time."""
    from tui.stories import grouping

    for art in _stream():
        lib.add_many([art])
        group_new(lib)
    monkeypatch.setattr(grouping, "BATCH", 3)
    got = []
    for _ in range(3):
        grouping.rebuild(lib, jobs=0)
        got.append((_partition(lib), _weights(lib)))
    assert got[0] == got[1] == got[2]
