"""Story summary, quotes by speaker, merged entities, what's new; people across the library; briefing."""

from __future__ import annotations

from tests.stories.samples import RECALL, STRIKE
from tui.stories import briefing, briefing_markdown, briefing_text, parse_since, story_of, story_summary, who


def test_story_summary_marks_each_sentence_with_its_article_and_source(filled):
    lib, ids = filled
    s = story_summary(lib, story_of(lib, ids[STRIKE[0].title]), sentences=4)
    assert len(s.sentences) == 4
    by_id = {ident: a for a in STRIKE for t, ident in ids.items() if t == a.title}
    for x in s.sentences:
        art = by_id[x.article]
        # its article's words; where the summary first names a person by a last name alone, with the first name the
        # story knows ("Governor Reyes said" -> "Governor Tomas Reyes said": story.introduce)
        assert x.text in art.body or x.text[1:] in art.body or _one_name_more(x.text, art.body), x.text
        assert x.source == art.source and x.day == art.published
    assert any("Tomas Reyes" in x.text for x in s.sentences)
    assert len({x.source for x in s.sentences}) >= 2  # across outlets
    # the near-duplicate wire copy never contributes a sentence
    assert ids[STRIKE[3].title] not in {x.article for x in s.sentences}
    assert len({x.text for x in s.sentences}) == 4


def _one_name_more(text: str, body: str) -> bool:
    """Whether `text` is a piece of `body` with one capitalised word (a first name) put in."""
    words = text.split()
    return any(w[:1].isupper() and " ".join(words[:i] + words[i + 1:]) in body for i, w in enumerate(words) if i)


def test_word_budget(filled):
    lib, ids = filled
    sid = story_of(lib, ids[STRIKE[0].title])
    s = story_summary(lib, sid, words=30)
    n = sum(len(x.text.split()) for x in s.sentences)
    assert n >= 30 and n - len(s.sentences[-1].text.split()) < 30


def test_quotes_grouped_by_speaker_with_library_wide_names(filled):
    lib, ids = filled
    s = story_summary(lib, story_of(lib, ids[STRIKE[0].title]))
    speakers = [g.speaker for g in s.quotes]
    assert speakers[0] == "Marta Okonkwo"  # most quoted first; "Okonkwo told reporters" is the same person
    assert "Okonkwo" not in speakers and "Reyes" not in speakers
    assert "Tomas Reyes" in speakers
    handshake = [q for g in s.quotes for q in g.quotes if q.text.startswith("A handshake")]
    assert len(handshake) == 1 and sorted(handshake[0].sources) == ["Northbay Times", "Valley Courier"]
    assert s.strongest_quote() is not None


def test_entities_merged_across_articles(filled):
    lib, ids = filled
    s = story_summary(lib, story_of(lib, ids[STRIKE[0].title]))
    names = {e.name: e for e in s.entities}
    assert "Reyes" not in names and names["Tomas Reyes"].articles >= 3
    assert names["Marta Okonkwo"].label == "PERSON"
    assert not any(e.label in ("DATE", "PERCENT", "CARDINAL") for e in s.entities)


def test_whats_new_is_what_the_latest_day_adds(filled):
    lib, ids = filled
    s = story_summary(lib, story_of(lib, ids[STRIKE[0].title]))
    assert s.new and all(x.article == ids[STRIKE[-1].title] for x in s.new)
    assert any("berth on Friday" in x.text for x in s.new)


def test_who_links_short_and_titled_names_and_lists_quotes_newest_first(filled):
    lib, ids = filled
    p = who(lib, "Reyes", analyse=True)
    assert p.name == "Tomas Reyes" and p.label == "PERSON"
    assert {a["id"] for a in p.articles} == {ids[a.title] for a in STRIKE}
    assert [a["day"] for a in p.articles] == sorted((a["day"] for a in p.articles), reverse=True)
    assert [q["text"] for q in p.quotes] == ["Nobody gains from empty quays"]  # the comma before "Reyes said" is not his
    assert p.quotes[0]["sources"] == ["Northbay Times", "Valley Courier"]  # in the order they printed it, as the story
    assert "Marta Okonkwo" in [c["name"] for c in p.cooccurring]
    assert who(lib, "Governor Tomas Reyes").name == "Tomas Reyes"
    raman = who(lib, "Priya Raman", analyse=True)
    assert raman.quotes[0]["day"] >= raman.quotes[-1]["day"] and len(raman.quotes) == 2
    assert who(lib, "Nobody Known", analyse=True) is None


def test_briefing_ranks_unread_stories_and_reads_well(filled):
    lib, ids = filled
    items = briefing(lib)
    assert items[0].story.id == story_of(lib, ids[STRIKE[0].title])  # most articles and outlets
    assert all(1 <= len(it.sentences) <= 3 for it in items)
    md = briefing_markdown(items)
    assert md.startswith("# Briefing") and "## 1. " in md and "> “" in md
    assert "Coastal Herald" in briefing_text(items)
    for a in STRIKE:  # read stories leave the briefing
        lib.set_read(ids[a.title])
    assert story_of(lib, ids[STRIKE[0].title]) not in {it.story.id for it in briefing(lib)}
    later = briefing(lib, since="2026-03-05")
    assert {it.story.id for it in later} == {story_of(lib, ids[t]) for t in ids if "frost" in t}


def test_a_story_dated_ahead_of_the_clock_does_not_push_the_others_down(filled):
    """An article dated 2100 (a file's or an old feed's far-future date) made every other story decades older than
    the newest, so every score fell to nothing and the briefing's order to the story ids: a one-article story stood
    above the strike of four outlets. It is ranked as a story of the latest real day instead."""
    from tui.models import Article
    from tui.stories import group_new

    lib, ids = filled
    lib.add(Article(title="Lighthouse keepers plan a centenary regatta", source="Almanac", published="2100-01-01",
                    body="The lighthouse keepers of Brisa Point will hold a regatta for their centenary. " * 6))
    group_new(lib)
    items = briefing(lib)
    assert items[0].story.id == story_of(lib, ids[STRIKE[0].title])  # most articles and outlets, as before
    assert "Lighthouse keepers plan a centenary regatta" in {it.story.title for it in items}  # still in it


def test_the_text_briefing_dates_each_sentence_as_the_screen_and_the_markdown_do(filled):
    """`brief` printed "(Coastal Herald)" after each sentence where the briefing screen and `brief --format md` say
    "(Coastal Herald, 2026-03-02)": over a story of several days the text did not say which day a line was from."""
    lib, _ids = filled
    items = briefing(lib)
    text, md = briefing_text(items), briefing_markdown(items)
    lines = [(s.text, s.source, s.day) for it in items for s in it.sentences]
    assert len({day for _t, _s, day in lines}) > 1
    for sentence, source, day in lines:
        assert f"- {sentence} ({source}, {day})" in md
        assert f"   - {sentence} ({source}, {day})\n" in text, text


def test_the_printed_briefing_says_how_many_articles_of_a_story_are_unread_as_the_screen_does(filled):
    """The briefing screen heads a story "4 articles · 3 unread · …"; `brief` and its Markdown said "4 articles,
    …". All say it in one wording now (tui.cells.story_figures), the unread count in the briefing's."""
    lib, ids = filled
    lib.set_read(ids[STRIKE[0].title])
    items = briefing(lib)
    strike = next(it.story for it in items if it.story.id == story_of(lib, ids[STRIKE[0].title]))
    assert strike.unread == strike.rows - 1
    said = f"{strike.rows} articles · {strike.unread} unread · {strike.first} to {strike.last} · "
    assert f"\n   {said}{len(strike.sources)} outlets (" in briefing_text(items)
    assert f"\n*{said}{len(strike.sources)} outlets ({', '.join(strike.sources)})*\n" in briefing_markdown(items)


def test_parse_since():
    from datetime import date, datetime, timezone

    today = date(2026, 3, 5)
    assert parse_since("2026-01-14", today) == "2026-01-14"
    assert parse_since("yesterday", today) == "2026-03-04"
    assert parse_since("2w", today) == "2026-02-19"
    assert parse_since("", today) == ""
    # a date and time: that time (session 31; it was its whole day), in UTC; without a zone on the reader's clock
    assert parse_since("2026-01-14T08:30Z", today) == "2026-01-14T08:30:00Z"
    local = datetime(2026, 1, 14, 8, 30).astimezone().astimezone(timezone.utc)
    assert parse_since("2026-01-14T08:30", today) == local.strftime("%Y-%m-%dT%H:%M:%SZ")
    for junk in ("2026-01-14zzz", "2026-01-1", "2026-02-30"):  # the first was read as 2026-01-14 (walk25)
        try:
            parse_since(junk, today)
        except ValueError as exc:
            assert "--since" in str(exc)
        else:
            raise AssertionError(f"accepted {junk!r}")
    try:
        parse_since("last blue moon", today)
    except ValueError as exc:
        assert "--since" in str(exc)
    else:
        raise AssertionError("accepted nonsense")


def test_a_new_sentence_the_summary_shows_is_marked_there_not_printed_twice(filled):
    from tui.stories.commands import story_markdown, story_text

    lib, ids = filled
    sid = story_of(lib, ids[STRIKE[0].title])
    s = story_summary(lib, sid, sentences=12)  # long enough to take one new sentence of the latest day, not both
    marked, rest = s.news()
    assert marked, "the sample's latest report should reach a 12-sentence summary"
    for render in (story_text, story_markdown):
        out = render(s)
        for x in s.new:
            assert out.count(x.text) == 1  # once: in the summary (marked) or under what's new
        assert out.count(", new") == len(marked)
    assert rest and all((x.article, x.index) not in marked for x in rest)


def _printed_again(lib) -> tuple[int, int]:
    """The samples' wire report (Northbay Times, 2026-03-03) and the same text printed a day later by another outlet,
    stored and grouped; returns their ids."""
    from dataclasses import replace

    from tui.stories import group_new

    wire = STRIKE[2]
    again = replace(wire, title="Port talks to open at the governor's office", source="Harbour Bulletin",
                    published="2026-03-04", body=wire.body + "\n\nHarbour Bulletin news desk.")
    (_, first), (status, second) = lib.add_many([wire, again])
    group_new(lib)
    assert status == "added" and second != first
    return first, second


def test_a_quote_printed_twice_has_one_date_on_the_entity_page_and_in_the_story(lib):
    """The same words printed again a day later by another outlet: the entity page (`who`) dated the quote by the latest
    copy (2026-03-04), the story view by the first (2026-03-03). Both give the first printing now: its date, its
    article (what enter opens) and the outlets in the order they printed it."""
    first, _second = _printed_again(lib)
    page = [q for q in who(lib, "Marta Okonkwo", analyse=True).quotes if q["text"].startswith("A handshake")]
    story = [q for g in story_summary(lib, story_of(lib, first)).quotes for q in g.quotes
             if q.text.startswith("A handshake")]
    assert len(page) == 1 and len(story) == 1, (page, story)
    assert (page[0]["day"], page[0]["article"], page[0]["sources"]) == ("2026-03-03", first,
                                                                         ["Northbay Times", "Harbour Bulletin"])
    assert (story[0].day, story[0].article, story[0].sources) == (page[0]["day"], page[0]["article"], page[0]["sources"])


def test_the_entity_page_counts_a_text_printed_twice_once_beside_a_name(lib):
    """The page lists the two records of one text as one article ("1 article"), but "Appears with" counted both: "Tomas
    Reyes · 2 articles" beside a page of one."""
    first, second = _printed_again(lib)
    assert lib.db.execute("SELECT twin_of FROM articles WHERE id = ?", (second,)).fetchone()[0] == first
    p = who(lib, "Marta Okonkwo", analyse=True)
    assert {a["id"] for a in p.articles} == {first, second}  # (--json lists every record)
    together = {c["name"]: c["articles"] for c in p.cooccurring}
    assert together["Tomas Reyes"] == 1 and together["Calderon Dockers Union"] == 1, together


def test_the_story_view_s_Y_copies_what_story_format_md_prints(filled):
    """walk32: `Y` in the story view copied a Markdown of its own (no "What's new", no "new" marks, another head line)
    while its toast said the same was in `newsreader story ID --format md`, which printed another (no "## Summary").
    Both are one text now."""
    from tui.app import copytext
    from tui.stories.commands import story_markdown

    lib, ids = filled
    sid = story_of(lib, ids[STRIKE[0].title])
    s = story_summary(lib, sid, sentences=12)
    marked, rest = s.news()
    assert marked and s.quotes
    copied = copytext.story_markdown(s.title, s)
    assert copied == story_markdown(s)
    assert "## Summary" in copied and "## Key quotes" in copied and copied.count(", new)*") == len(marked)
    assert ("## What's new" in copied) == bool(rest)


def test_the_story_view_s_c_marks_a_new_line_as_story_and_brief_do(filled):
    """`c` copied the story's summary with "(Outlet, date)" and no "new" mark, where `story` said "[Outlet, date, #id,
    new]", `brief` "(Outlet, date, new)" and the screens "· new" (session 36): one form, "new" last."""
    from tui.app import copytext
    from tui.stories.commands import story_text

    lib, ids = filled
    s = story_summary(lib, story_of(lib, ids[STRIKE[0].title]), sentences=12)
    marked, _ = s.news()
    assert marked
    copied = copytext.story_text(s).splitlines()
    assert len(copied) == len(s.sentences)
    for line, x in zip(copied, s.sentences):
        new = (x.article, x.index) in marked
        assert line.endswith(f"({x.source}, {x.day}, new)" if new else f"({x.source}, {x.day})"), line
    printed = [t for t in story_text(s).splitlines() if t[:1].isdigit()]
    assert sum(t.endswith(", new]") for t in printed) == len(marked), printed
