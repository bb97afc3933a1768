"""Grouping articles into stories: events across outlets, near-duplicates, incremental, merge/split."""

from __future__ import annotations

from tests.stories.samples import ALL, OTHER, RECALL, STRIKE
from tui.models import Article
from tui.stories import duplicates, group_new, merge, rebuild, split, story_of, story_row, story_rows


def _groups(lib, ids):
    return {title: story_of(lib, ident) for title, ident in ids.items()}


def test_each_event_is_one_story_and_unrelated_articles_stand_alone(filled):
    lib, ids = filled
    g = _groups(lib, ids)
    assert len({g[a.title] for a in STRIKE}) == 1
    assert len({g[a.title] for a in RECALL}) == 1
    assert g[STRIKE[0].title] != g[RECALL[0].title]
    alone = {g[a.title] for a in OTHER}
    assert len(alone) == 3 and not alone & {g[STRIKE[0].title], g[RECALL[0].title]}
    row = story_row(lib, g[STRIKE[0].title])
    assert row.size == 5 and (row.first, row.last) == ("2026-03-02", "2026-03-05")
    assert row.sources == ["Coastal Herald", "Daily Meridian", "Northbay Times", "Valley Courier"]
    # unread counts rows, as the library does: STRIKE[3] is STRIKE[2]'s wire text from another paper (one row)
    assert row.unread == 4 and row.article_ids[0] == ids[STRIKE[-1].title]  # newest first


def test_the_same_wire_text_from_two_papers_is_a_near_duplicate_and_both_stay_stored(filled):
    lib, ids = filled
    wire, copy = ids[STRIKE[2].title], ids[STRIKE[3].title]
    assert duplicates(lib, copy) == [wire]
    assert duplicates(lib, wire) == [copy]
    assert duplicates(lib, ids[STRIKE[0].title]) == []  # same event, different text: not a duplicate
    assert lib.get(copy) is not None and lib.get(wire) is not None


def test_incremental_grouping_gives_the_same_stories_and_keeps_ids_as_they_grow(lib):
    ids = {}
    first_story = None
    for a in ALL:  # one article at a time, as a feed would deliver them
        (_, ident), = lib.add_many([a])
        ids[a.title] = ident
        assert group_new(lib) == 1
        if a is STRIKE[0]:
            first_story = story_of(lib, ident)
    assert group_new(lib) == 0  # nothing left: an article is never placed twice
    assert {story_of(lib, ids[a.title]) for a in STRIKE} == {first_story}
    assert len({story_of(lib, ids[a.title]) for a in RECALL}) == 1


def test_rebuild_regroups_everything_and_a_surviving_story_keeps_its_id(filled):
    lib, ids = filled
    before = {a.title: story_of(lib, ids[a.title]) for a in ALL}
    assert rebuild(lib) == len(ALL)
    assert {a.title: story_of(lib, ids[a.title]) for a in ALL} == before  # same stories, same ids
    assert len(story_rows(lib)) == len(set(before.values()))


def test_rebuild_after_a_split_gives_the_old_id_to_the_majority_and_never_reuses_ids(filled):
    lib, ids = filled
    strike = story_of(lib, ids[STRIKE[0].title])
    odd = split(lib, strike, [ids[STRIKE[4].title]])  # one article wrongly split off
    top = max(s.id for s in story_rows(lib))
    rebuild(lib)
    assert {story_of(lib, ids[a.title]) for a in STRIKE} == {strike}  # regrouped whole, under its id
    assert odd not in {s.id for s in story_rows(lib)}  # the story that held a minority is gone
    (_, new), = lib.add_many([Article(title="Glassworks fire", body="A fire closed the Ardmore glassworks "
                                      "on Sunday night. Firefighters from three towns fought the blaze.",
                                      source="Valley Courier", published="2026-05-02")])
    group_new(lib)
    assert story_of(lib, new) > top  # a new story never takes an id some story had


def test_a_rebuild_with_worker_processes_groups_as_one_process_does(filled):
    lib, ids = filled
    rebuild(lib, jobs=1)
    one = {a.title: story_of(lib, ids[a.title]) for a in ALL}
    rebuild(lib, jobs=2)
    assert {a.title: story_of(lib, ids[a.title]) for a in ALL} == one
    assert duplicates(lib, ids[STRIKE[3].title]) == [ids[STRIKE[2].title]]


def test_merge_and_split(filled):
    lib, ids = filled
    strike, recall = story_of(lib, ids[STRIKE[0].title]), story_of(lib, ids[RECALL[0].title])
    merge(lib, strike, recall)
    assert story_row(lib, recall) is None
    assert story_row(lib, strike).size == len(STRIKE) + len(RECALL)
    new = split(lib, strike, [ids[a.title] for a in RECALL])
    assert new not in (None, strike, recall)
    assert story_row(lib, new).size == len(RECALL) and story_row(lib, strike).size == len(STRIKE)
    assert split(lib, strike, [999_999]) is None


def test_deleting_articles_shrinks_then_removes_their_story(filled):
    lib, ids = filled
    sid = story_of(lib, ids[RECALL[0].title])
    lib.remove(ids[RECALL[0].title])
    assert story_row(lib, sid).size == 2
    for a in RECALL[1:]:
        lib.remove(ids[a.title])
    assert story_row(lib, sid) is None


def test_articles_far_apart_in_time_open_separate_stories(lib):
    early = Article(title=STRIKE[0].title, body=STRIKE[0].body, source="Coastal Herald", published="2026-03-02")
    late = Article(title=STRIKE[1].title, body=STRIKE[1].body, source="Daily Meridian", published="2026-09-30")
    (_, a), (_, b) = lib.add_many([early, late])
    group_new(lib)
    assert story_of(lib, a) != story_of(lib, b)


def test_undated_and_empty_articles_are_grouped_without_error(lib):
    lib.add_many([Article(title="x", body="."), Article(title="Só acentos", body="çãõ " * 3, published="not a date")])
    assert group_new(lib) == 2
    assert len(story_rows(lib)) == 2


def test_a_library_from_before_stories_upgrades_and_groups(lib_path):
    import sqlite3

    from tui.store import Library
    from tui.store.schema import MIGRATIONS, SCHEMA_VERSION

    with Library(lib_path) as lib:
        lib.add_many(STRIKE)
    db = sqlite3.connect(lib_path)  # back to the schema before the stories migration
    db.executescript("DROP TABLE story_articles; DROP TABLE stories;")
    stories_migration = next(i for i, m in enumerate(MIGRATIONS) if "CREATE TABLE stories" in m)
    db.execute(f"PRAGMA user_version = {stories_migration}")  # the later migrations run again too
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert group_new(lib) == len(STRIKE)
        assert len(story_rows(lib)) == 1


def _misplaced(lib, articles):
    """A Grouper with `articles` placed in date order (members returned), before any refine."""
    from tui.stories.grouping import Grouper, day_number

    ids = [i for _, i in lib.add_many(articles)]
    g = Grouper(lib)
    g.load_window(day_number("2026-03-01"), day_number("2026-03-31"))
    return g, [g.place(i, a.title, a.body, a.published) for i, a in zip(ids, articles)]


def test_refine_moves_an_article_placed_on_too_little_evidence_to_the_story_it_fits(lib):
    g, ms = _misplaced(lib, STRIKE + RECALL)
    strike, recall = ms[0].story_id, ms[len(STRIKE)].story_id
    assert strike != recall and g.refine() == 0  # well placed: nothing moves
    m = ms[len(STRIKE) - 1]  # as if the strike's last article had come when only the recall story could take it
    g._leave(g.stories[strike], m)
    g._join(g.stories[recall], m, "")
    del g.seen[m.article_id]  # a place the grouper did not choose
    assert g.refine() == 1
    g.merge_touched()
    g.flush()
    assert {story_of(lib, x.article_id) for x in ms[:len(STRIKE)]} == {strike}
    assert {story_of(lib, x.article_id) for x in ms[len(STRIKE):]} == {recall}


def test_refine_sends_an_article_that_fits_no_story_to_one_of_its_own(lib):
    g, ms = _misplaced(lib, STRIKE + OTHER[:1])
    strike, chess = ms[0].story_id, ms[-1]
    assert chess.story_id != strike
    g._leave(g.stories[chess.story_id], chess)
    g._drop_empty(g.stories[chess.story_id])
    g._join(g.stories[strike], chess, "")
    del g.seen[chess.article_id]
    assert g.refine() == 1
    g.merge_touched()
    g.flush()
    assert {story_of(lib, x.article_id) for x in ms[:-1]} == {strike}
    assert story_of(lib, chess.article_id) not in (None, strike)
    assert story_row(lib, strike).size == len(STRIKE)


# Our own follow-up to the strike sample, six weeks on: past the time window and the decay, same story.
FOLLOW_UP = Article(
    title="Port Calderon dockers threaten new strike as night-pay deal stalls",
    source="Daily Meridian", published="2026-04-14",
    body=("Dock workers at Port Calderon could walk out again next week, the Calderon Dockers Union said on "
          "Tuesday, six weeks after a strike over night-shift pay stranded ships outside the port.\n\n"
          "Marta Okonkwo, the union's general secretary, said the port authority had not paid the higher night "
          "rate it agreed to in March. \"A deal on paper does not pay the rent,\" she said.\n\n"
          "Port director Alain Brune said the new night rate would be paid from May and that the delay was an "
          "accounting matter. Governor Tomas Reyes asked the union and the port authority to meet again."))
UNRELATED_LATE = Article(title=OTHER[1].title, body=OTHER[1].body, source="Valley Courier", published="2026-04-14")


def test_a_story_that_resumes_weeks_later_is_bridged_when_the_stories_agree_strongly(lib):
    from tui.stories.grouping import WINDOW_DAYS, day_number

    gap = day_number(FOLLOW_UP.published) - day_number(STRIKE[-1].published)
    assert gap > WINDOW_DAYS  # too late for the join test: only the bridge brings it in
    ids = [i for _, i in lib.add_many(STRIKE + [FOLLOW_UP, UNRELATED_LATE])]  # one batch, as a folder import
    group_new(lib)
    strike = story_of(lib, ids[0])
    assert {story_of(lib, i) for i in ids[:len(STRIKE) + 1]} == {strike}  # the follow-up joined, old id kept
    assert story_of(lib, ids[-1]) not in (None, strike)  # an unrelated article of that day stays apart
    assert story_row(lib, strike).last == "2026-04-14"
    rebuild(lib)
    assert {story_of(lib, i) for i in ids[:len(STRIKE) + 1]} == {strike}
