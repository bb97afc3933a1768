"""A very large story stays fast: its summary reads a bounded, chosen part of its articles (articles.CAP), and the
briefing summarises its stories one at a time, printing each as it comes (issue 13; a story of 697 articles took
14 s to summarise and `brief` printed nothing for minutes at 100,000 articles)."""

from __future__ import annotations

import pytest

from tui.models import Article
from tui.store import stories as store
from tui.store.stories import Member
from tui.stories import story_summary
from tui.stories import articles as story_articles
from tui.stories.articles import CAP, chosen, members

TOWNS = ["Varnholm", "Ostrel", "Pinecrest", "Marrow Point", "Kelby", "Drune", "Sallow Ford", "Tarnish Hill"]
OUTLETS = ["Harbour Courier", "Inland Gazette", "The Ridge Post", "Valley Signal", "Northgate Wire"]


def _article(n: int, day: int) -> Article:
    """An invented report on a flood along the Esk river: each article its own town, figures and wording."""
    town, other = TOWNS[n % len(TOWNS)], TOWNS[(n * 3 + 1) % len(TOWNS)]
    body = (f"Floodwater from the Esk river reached {town} on day {day} of the emergency, and crews moved "
            f"{40 + n} families to the school hall overnight.\n\n"
            f"The regional council said {n % 9 + 2} pumping stations near {other} were working again by noon.\n\n"
            f"\"We have sandbags for {100 + 7 * n} more homes,\" said Edda Morlan, who leads the council's flood team.\n\n"
            f"Forecasters expect the river to fall by {n % 5 + 1} centimetres a day once the rain stops over {town}.\n\n"
            f"Insurers in {other} reported {12 + n} new claims for damaged cellars and shop floors.")
    return Article(title=f"Esk flood reaches {town} (report {n})", body=body,
                   source=OUTLETS[n % len(OUTLETS)], published=f"2026-04-{day:02d}")


def _story(lib, count: int, story_id: int = 1, days: int = 15, first_day: int = 1) -> list[int]:
    """`count` of our flood reports over `days` days, stored and written as one story (the grouping itself is
    tested elsewhere); their ids, oldest first."""
    arts = [_article(n, first_day + n * days // count) for n in range(count)]
    ids = [i for _, i in lib.add_many(arts)]
    store.save_groups(lib, [Member(i, story_id, a.published, {}, []) for i, a in zip(ids, arts)],
                      [(story_id, arts[0].title, arts[0].published, arts[-1].published, count, {})])
    return ids


def _counting(monkeypatch) -> list[int]:
    """The articles whose analysis the story summary asks for (read from the cache or made), in order."""
    from tui.engine import analysis

    asked: list[int] = []
    real = analysis.get_cached
    monkeypatch.setattr(analysis, "get_cached", lambda lib, aid, *a, **k: asked.append(aid) or real(lib, aid, *a, **k))
    return asked


def test_a_story_above_the_cap_is_summarised_from_cap_of_its_articles(lib, monkeypatch):
    ids = _story(lib, CAP + 30)
    asked = _counting(monkeypatch)
    s = story_summary(lib, 1, sentences=4, analyse=False)
    assert s.articles == ids  # the story is every one of its articles
    assert s.read == CAP and s.bounded and len(set(asked)) == CAP  # its summary read CAP of them
    assert {x.article for x in s.sentences} <= set(asked) and len(s.sentences) == 4
    part = [m.id for m in chosen(members(lib, 1))]
    assert part[0] == ids[0]  # the first report
    days = {m.day for m in members(lib, 1)}
    latest = [m for m in members(lib, 1) if m.day == max(days)]
    assert {m.id for m in latest} <= set(part)  # the latest day's (what's new reads them against the rest)
    assert {m.day for m in members(lib, 1) if m.id in part} == days  # every day of the story


def test_a_story_up_to_the_cap_reads_every_article_and_its_summary_is_unchanged(lib, monkeypatch):
    ids = _story(lib, CAP)
    asked = _counting(monkeypatch)
    s = story_summary(lib, 1, sentences=4, analyse=False)
    assert s.read == CAP and not s.bounded and sorted(set(asked)) == ids
    from tui.stories.summary import summarise

    every = story_articles.load_articles(lib, 1, analyse=False)  # no cap: the summary as it was made before one
    assert [(x.article, x.index, x.text) for x in s.sentences] == [
        (x.article, x.index, x.text) for x in summarise(every, sentences=4)]


def test_a_big_story_analyses_only_the_articles_its_summary_reads(lib, monkeypatch):
    from tui.engine import analysis

    _story(lib, CAP + 25)
    made: list[int] = []
    real = analysis.cached_analysis
    monkeypatch.setattr(analysis, "cached_analysis", lambda cache, aid, *a, **k: made.append(aid) or real(cache, aid, *a, **k))
    s = story_summary(lib, 1, sentences=3, analyse=True)
    assert len(made) == CAP and s.analysed  # not CAP + 25: the rest are neither read nor analysed


def test_the_chosen_part_spreads_over_days_and_outlets():
    # 400 articles over 40 days, 5 outlets: CAP of them, the first, the last day's, then across the dates
    from datetime import date, timedelta

    story = [story_articles.Member(n + 1, "", OUTLETS[n % 5], (date(2026, 1, 1) + timedelta(days=n // 10)).isoformat(),
                                   False, None) for n in range(400)]
    part = chosen(story)
    assert len(part) == CAP and part[0] is story[0]
    assert part == sorted(part, key=lambda m: (m.day, m.id))  # oldest first, as the story
    days = sorted({m.day for m in story})
    got = sorted({m.day for m in part})
    assert got[0] == days[0] and got[-1] == days[-1] and len(got) == len(days)  # every day (40 < CAP)
    assert {m.source for m in part if m.day == days[-1]} == set(OUTLETS)  # the latest day: every outlet
    near_twins = [m for m in story[:5]]
    twins = [story_articles.Member(1000 + m.id, "", m.source, m.day, False, m.id) for m in near_twins]
    assert not ({m.id for m in chosen(story + twins)} & {t.id for t in twins})  # a near-duplicate adds nothing


def test_brief_prints_each_story_before_the_next_is_summarised(lib_path, monkeypatch, capsys):
    import importlib

    from tui.cells import NEW_KEY
    from tui.cli import main
    from tui.store import Library

    briefing = importlib.import_module("tui.stories.briefing")  # (tui.stories.briefing is also the function's name)
    with Library(lib_path) as lib:
        _story(lib, CAP + 10, story_id=1, first_day=1)
        _story(lib, 12, story_id=2, days=3, first_day=20)
    seen: list[str] = []
    real = briefing.brief_item

    def watched(lib, row, *args, **kwargs):
        seen.append(capsys.readouterr().out)  # what was printed before this story was summarised
        return real(lib, row, *args, **kwargs)

    monkeypatch.setattr(briefing, "brief_item", watched)
    monkeypatch.setenv("NEWSREADER_DB", str(lib_path))
    assert main(["brief"]) == 0
    rest = capsys.readouterr().out
    assert len(seen) == 2
    # the heading before any story is read, with how many of how many unread stories it shows, in the words of the
    # app's briefing head (walk32: it said a bare "Briefing"); what "new" means comes under the first story that marks a
    # line, if one does (walk36: it was said here before any story was read)
    assert seen[0] == "Briefing\n2 unread stories · ranked by size and recency\n"
    assert NEW_KEY not in seen[0] and (seen[1] + rest).count(NEW_KEY) <= 1
    assert seen[1].startswith("\n1. Esk flood reaches") and "[story" in seen[1]  # the first story, whole
    assert seen[1].count("   - ") == 3  # its three sentences
    assert rest.startswith("\n2. Esk flood reaches")
    monkeypatch.setattr(briefing, "brief_item", real)  # (watched reads what was printed)
    assert main(["brief", "--limit", "1", "--format", "md"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == ["# Briefing", "", "*1 of 2 unread stories · ranked by size and recency*", ""], lines[:4]
    assert lines[4].startswith("## 1. Esk flood reaches") and "## 2." not in "\n".join(lines)


def test_brief_over_big_stories_analyses_at_most_cap_articles_a_story(lib_path, monkeypatch, capsys):
    from tui.cli import main
    from tui.engine import analysis
    from tui.store import Library

    with Library(lib_path) as lib:
        _story(lib, CAP + 40, story_id=1, first_day=1)
        _story(lib, CAP + 40, story_id=2, first_day=16)
    made: list[int] = []
    real = analysis.cached_analysis
    monkeypatch.setattr(analysis, "cached_analysis", lambda cache, aid, *a, **k: made.append(aid) or real(cache, aid, *a, **k))
    monkeypatch.setenv("NEWSREADER_DB", str(lib_path))
    assert main(["brief", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n## ") == 2 and len(made) == 2 * CAP  # of 200 articles, 120 analysed


def test_a_big_story_with_copies_counts_its_articles_one_way(lib):
    """A big story some of whose texts two outlets printed: its head (`story`, the story view) counted its articles as
    the list does ("70 articles": a text printed twice once) while the line under it said "from 60 of 82 articles"
    (every record). Both count them so now: the stories list's row, `story`'s head and its bounded line, and the
    story view's head and summary heading."""
    from tui.app.screens.story import read_story
    from tui.app.screens.story_items import build
    from tui.store.stories import story_rows
    from tui.stories.commands import bounded_line, story_text

    count, copies = CAP + 10, 12
    arts = [_article(n, 1 + n * 15 // count) for n in range(count)]
    ids = [i for _, i in lib.add_many(arts)]
    # the first `copies` reports printed again by another outlet (with a line of its own)
    again = [Article(title=a.title, body=a.body + "\n\nReprinted with permission.",
                     source=OUTLETS[(n + 1) % len(OUTLETS)] + " Online", published=a.published)
             for n, a in enumerate(arts[:copies])]
    twins = [i for _, i in lib.add_many(again)]
    members = [Member(i, 1, a.published, {}, []) for i, a in zip(ids, arts)]
    members += [Member(t, 1, a.published, {}, [], dup_of=i) for t, i, a in zip(twins, ids, again)]
    store.save_groups(lib, members, [(1, arts[0].title, arts[0].published, arts[-1].published, len(members), {})])
    [row] = story_rows(lib, 0, 10, members=False)
    assert row.rows == count, (row.rows, row.size, row.copies)  # the list's "70 art"
    s = story_summary(lib, 1)
    assert s.rows == count and len(s.articles) == count + copies and s.bounded
    assert f"{count} articles" in story_text(s).splitlines()[1]
    assert bounded_line(s).startswith(f"Summarised from {CAP} of its {count} articles"), bounded_line(s)
    found = read_story(lib, 1, None, False)
    head, _title, items, _side, _names = build(found[1], found[0], found[2])
    assert str(head.figures).startswith(f"{count} articles"), head.figures
    summary_heading = str(items[0].prompt)
    assert summary_heading.endswith(f"from {CAP} of {count} articles"), summary_heading
