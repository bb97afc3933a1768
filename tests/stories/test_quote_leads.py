"""A quotation that finishes a sentence of the writer's ('Greta Solberg said the crews would “go back to the boats
...”') is shown after those words (Quote.lead) in the article's key quotes since session 30; the story view's quotes
by speaker, the briefing, the entity page, their copies and `story` / `who` / `brief` showed the fragment bare. And a
story's strongest quote (the briefing's) was the fragment when more outlets printed it than a full quotation."""

from __future__ import annotations

import json

from tests.stories.added_steps import added_fixture, run
from tests.stories.lead_samples import (ALL, BAKERY_FRAGMENT, BAKERY_LEAD, COURIER, FRAGMENT, FULL, LEAD, SPEAKER,
                                        TIDINGS)
from tui.engine.analysis import cached_analysis
from tui.stories import group_new, story_of
from tui.stories.story import story_summary

SHOWN = f"{LEAD} “{FRAGMENT}”"
SHOWN_FULL = f"“{FULL.rstrip(',')}”"  # (a closing comma before "she said" is left out, as everywhere)


def _library(lib) -> list[int]:
    ids = [lib.add_many([a])[0][1] for a in ALL]
    for i, a in zip(ids, ALL):
        cached_analysis(lib, i, a.body, title=a.title)
    group_new(lib)
    return ids


def test_the_story_s_quotes_carry_the_writer_s_words_and_its_strongest_is_a_whole_quotation(lib):
    ids = _library(lib)
    assert story_of(lib, ids[0]) == story_of(lib, ids[1]) != story_of(lib, ids[2])
    s = story_summary(lib, story_of(lib, ids[0]))
    [group] = s.quotes
    by_text = {q.text: q for q in group.quotes}
    fragment, full = by_text[FRAGMENT], by_text[FULL.rstrip(",")]
    assert (group.speaker, fragment.lead, full.lead) == (SPEAKER, LEAD, "")
    # the fragment was printed by both outlets, the whole quotation by one: by outlets it came first
    assert (sorted(fragment.sources), full.sources) == (sorted([TIDINGS.source, COURIER.source]), [TIDINGS.source])
    assert s.strongest_quote() is full
    # with no whole quotation left, the fragment is the strongest (with its words, wherever it is shown)
    assert s.strongest_quote(leaving_out=FULL) is fragment
    bakery = story_summary(lib, story_of(lib, ids[2]))
    assert (bakery.strongest_quote().lead, bakery.strongest_quote().text) == (BAKERY_LEAD, BAKERY_FRAGMENT)


def test_the_entity_page_gives_the_writer_s_words_of_a_quote(lib):
    from tui.stories.people import who

    _library(lib)
    person = who(lib, SPEAKER)
    leads = {q["text"]: q["lead"] for q in person.quotes}
    assert leads == {FRAGMENT: LEAD, FULL.rstrip(","): None}


def test_copies_of_the_story_and_the_entity_page_give_the_writer_s_words(lib):
    from tui.app import copytext
    from tui.stories.people import who

    ids = _library(lib)
    s = story_summary(lib, story_of(lib, ids[0]))
    lines = copytext.story_quotes_text(s).splitlines()
    assert f"{SHOWN} — {SPEAKER} ({TIDINGS.source}, {COURIER.source})" in lines, lines
    assert f"{SHOWN_FULL} — {SPEAKER} ({TIDINGS.source})" in lines, lines
    assert f"> {SHOWN} — {SPEAKER} (" in copytext.story_markdown("Ferries", s)
    person = copytext.person_quotes_text(who(lib, SPEAKER)).splitlines()
    assert f"{SHOWN} ({TIDINGS.source}, {COURIER.source}, 2026-05-04)" in person, person
    assert f"{SHOWN_FULL} ({TIDINGS.source}, 2026-05-04)" in person, person
    assert f"> {SHOWN} (" in copytext.person_markdown(who(lib, SPEAKER))


def test_the_story_view_s_quotes_by_speaker_show_the_writer_s_words(lib):
    from tui.app.screens.story_items import _side
    from tui.app.widgets.summary_items import cut_lines, wrap_all

    ids = _library(lib)
    options, _names = _side(story_summary(lib, story_of(lib, ids[0])))
    shown = [o for o in options if (o.id or "").startswith("q:")]
    # (one day: the whole quotation before the one that finishes the writer's sentence, quote_order.newest_first)
    assert [o.prompt.plain.split("\n")[0] for o in shown] == [SHOWN_FULL, SHOWN]
    # wrapped under the writer's first word (not one cell in, as under a quotation's opening mark)
    assert [o.indent for o in shown] == [1, 0]
    wrap_all(options, 30)
    lines = [x.plain for x in cut_lines(shown[1])]
    assert " ".join(x.strip() for x in lines).startswith(SHOWN), lines


def test_the_briefing_shows_the_writer_s_words_and_prefers_a_whole_quotation(lib):
    from tui.stories.briefing import as_markdown, as_quotes, as_text, briefing

    _library(lib)
    items = briefing(lib, sentences=1)
    by_title = {it.story.title: it for it in items}
    # (the ferry story's title is its latest article's: of one day's two, the one stored last)
    ferry, bakery = by_title[COURIER.title], by_title.get(ALL[2].title)
    assert ferry.quote.text == FULL.rstrip(",")  # not the fragment two outlets printed
    assert (bakery.quote.lead, bakery.quote.text) == (BAKERY_LEAD, BAKERY_FRAGMENT)
    said = f"{BAKERY_LEAD} “{BAKERY_FRAGMENT}” — Jonas Lindqvist"
    assert f"   {said} (Tarnby Post, 2026-05-04)" in as_text(items).splitlines()
    assert f"> {said} (Tarnby Post, 2026-05-04)" in as_markdown(items).splitlines()
    assert f"{said} (Tarnby Post)" in as_quotes(items).splitlines()
    assert f"{SHOWN_FULL} — {SPEAKER} ({TIDINGS.source})" in as_quotes(items).splitlines()


added = added_fixture(ALL)  # the samples, imported with `newsreader add`


def test_the_commands_print_the_writer_s_words_before_such_a_quote(added):
    rows = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    ferry = next(r["id"] for r in rows if r["title"] == COURIER.title)  # (its latest article's title)
    story = json.loads(run("story", str(ferry), "--format", "json").stdout)
    leads = {q["text"]: q["lead"] for q in story["quotes"]}
    assert leads == {FRAGMENT: LEAD, FULL.rstrip(","): None}  # (null when it stands alone, as in `who --json`)
    text = run("story", str(ferry)).stdout.splitlines()
    assert f"    {SHOWN}  [{TIDINGS.source}, {COURIER.source}]" in text, text
    assert f"    {SHOWN_FULL}  [{TIDINGS.source}]" in text, text
    md = run("story", str(ferry), "--format", "md").stdout.splitlines()
    assert f"> {SHOWN} — {SPEAKER} ({TIDINGS.source}, {COURIER.source})" in md, md
    page = json.loads(run("who", SPEAKER, "--json").stdout)
    assert {q["text"]: q["lead"] for q in page["quotes"]} == leads
    who = run("who", SPEAKER).stdout.splitlines()
    assert any(x.startswith("  2026-05-04  " + SHOWN + "  [") for x in who), who
    brief = run("brief", "--sentences", "1").stdout.splitlines()
    said = f"{BAKERY_LEAD} “{BAKERY_FRAGMENT}” — Jonas Lindqvist"
    assert f"   {said} (Tarnby Post, 2026-05-04)" in brief, brief
    assert f"   {SHOWN_FULL} — {SPEAKER} ({TIDINGS.source}, 2026-05-04)" in brief, brief
    assert f"> {said} (Tarnby Post, 2026-05-04)" in run("brief", "--sentences", "1", "--format", "md").stdout.splitlines()
    quotes = run("brief", "--quotes").stdout.splitlines()
    assert f"{SHOWN_FULL} — {SPEAKER} ({TIDINGS.source})" in quotes, quotes


def test_quotes_json_gives_null_for_a_quotation_without_the_writer_s_words(tmp_path):
    # as `story --format json` and `who --json` do ("lead" was "" here, null there)
    f = tmp_path / "ferry.txt"
    f.write_text(TIDINGS.body + "\n", encoding="utf-8")
    records = json.loads(run("quotes", str(f), "--format", "json").stdout)["quotes"]
    assert {r["text"]: r["lead"] for r in records} == {FRAGMENT: LEAD, FULL: None}


def test_a_stored_lead_that_is_no_text_or_holds_control_codes_is_shown_safely(lib):
    # the database is untrusted: a quote's "lead" may be a number or a list, or carry a terminal's escape codes
    from tui.app import copytext
    from tui.app.screens.story_items import _side
    from tui.engine.analysis import cache_key, mention_counts
    from tui.engine.types import Analysis
    from tui.stories.people import who

    ids = _library(lib)
    key = cache_key("news", None)

    def store(lead) -> None:  # the first report's fragment (the one the story keeps) with this lead
        stored = json.loads(lib.get_analysis(ids[0], key))
        stored["quotes"] = [dict(q, lead=lead) if q["text"] == FRAGMENT else q for q in stored["quotes"]]
        lib.put_analysis(ids[0], key, json.dumps(stored), mention_counts(Analysis.from_dict(stored)))

    for lead in (42, ["Greta"]):
        store(lead)
        s = story_summary(lib, story_of(lib, ids[0]))
        fragment = next(q for g in s.quotes for q in g.quotes if q.text == FRAGMENT)
        assert fragment.lead == ""
        assert f"“{FRAGMENT}” — {SPEAKER} (" in copytext.story_quotes_text(s)
        assert {q["text"]: q["lead"] for q in who(lib, SPEAKER).quotes}[FRAGMENT] is None
    store("\x1b]52;c;aGk=\x07Greta Solberg said the crews \x1b[31mwould")
    s = story_summary(lib, story_of(lib, ids[0]))
    copied = copytext.story_quotes_text(s) + copytext.person_quotes_text(who(lib, SPEAKER))
    options, _names = _side(s)
    drawn = "".join(o.prompt.plain for o in options)
    assert "\x1b" not in copied + drawn and "\x07" not in copied + drawn
    assert "crews would “" + FRAGMENT in copied and "crews would “" + FRAGMENT in drawn
