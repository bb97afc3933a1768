"""The briefing's quote of a story that moved on: it was the story's strongest quote of all its days, so a quotation
two outlets printed on the first day (more outlets, the tie-breaker) stood under a briefing of the latest day's news,
and the reader of yesterday's unread report was quoted the day before's words. Among quotes that read alone as well
(two whole quotations), the one first printed by the latest reports now comes first; a phrase of the latest report's
still comes after an older whole quotation. Our own invented story (Marrowick reservoir, no real place or person),
through `newsreader add` and `brief --quotes`."""

from __future__ import annotations

from tests.stories.added_steps import add_as_markdown, run

OLD = "Everyone living below the Marrowick dam wall should leave their homes tonight and stay away until we say so"
NEW = "The dam wall is holding and the water is falling, so the families can go home from Thursday morning"
PHRASE = "a patch, not a cure"  # a phrase the writer's words lead into

REPORTS = [
    ("Families leave homes below leaking Marrowick reservoir dam", "Fenwold Courier", "2026-03-09",
     "About 140 families were told to leave their homes below the Marrowick reservoir on Monday after engineers found "
     "water leaking through the dam wall.\n\n"
     f"\"{OLD},\" said Ilse Warrender, the reservoir's chief engineer.\n\n"
     "Pumps were brought in to lower the water in the Marrowick reservoir, and a rest centre opened at the school."),
    ("Marrowick dam leak: families moved out as pumps lower reservoir", "Wold Valley Radio", "2026-03-09",
     "Families living below the Marrowick reservoir dam spent Monday night at a rest centre after a leak was found in "
     "the dam wall.\n\n"
     f"\"{OLD},\" the reservoir's chief engineer Ilse Warrender said.\n\n"
     "Engineers said pumps would lower the water in the Marrowick reservoir by a metre a day."),
    ("Marrowick families to return home as reservoir dam holds", "Fenwold Courier", "2026-03-11",
     "Families moved out below the leaking Marrowick reservoir dam will go home on Thursday, engineers said on "
     "Wednesday, after pumps lowered the water by more than two metres.\n\n"
     f"\"{NEW},\" said Ilse Warrender, the reservoir's chief engineer.\n\n"
     f"The rest centre at the school will close. Council leader Bram Oduya called the repairs \"{PHRASE}\"."),
]


def test_the_briefing_quotes_the_latest_report(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"{n}", *r) for n, r in enumerate(REPORTS)])
    r = run("brief", "--quotes")
    assert r.returncode == 0, r.stderr
    # (it quoted the first day's words: two outlets printed them)
    assert r.stdout.splitlines() == [f"“{NEW}” — Ilse Warrender (Fenwold Courier)"], r.stdout
    md = run("brief", "--format", "md").stdout
    assert NEW in md and OLD not in md, md


def test_a_phrase_of_the_latest_report_does_not_come_before_an_older_whole_quotation(lib):
    from tui.engine.analysis import cached_analysis
    from tui.stories import group_new, story_of
    from tui.stories.story import story_summary
    from tui.models import Article

    ids = [lib.add_many([Article(title=t, body=b, source=s, published=d)])[0][1] for t, s, d, b in REPORTS]
    for i, (t, _, _, b) in zip(ids, REPORTS):
        cached_analysis(lib, i, b, title=t)
    group_new(lib)
    assert len({story_of(lib, i) for i in ids}) == 1
    s = story_summary(lib, story_of(lib, ids[0]))
    assert s.strongest_quote().text == NEW
    by_text = {q.text: q for g in s.quotes for q in g.quotes}
    assert by_text[PHRASE].speaker == "Bram Oduya"  # (a phrase of the latest report's)
    # the latest report's whole quotation already shown: the older whole one, not the latest report's phrase
    assert s.strongest_quote(leaving_out=NEW).text == OLD
