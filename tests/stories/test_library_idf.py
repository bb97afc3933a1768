"""Library-relative term weights: a name that fills a batch's news stops tying its different events together."""

from __future__ import annotations

import math

from tui.models import Article
from tui.stories import group_new, story_of
from tui.stories.library_idf import LIBRARY_FROM, cut, reweighted

# Our own invented articles: the premier of an invented country is in every piece of the period, as a
# head of government is; two of the period's events (a ferry strike, a vote on the budget) each come from
# three outlets, and the rest of the period is one piece each about a different subject.
PREMIER = "Premier Ilvana Drosque"
FERRY = [
    ("Ferry crews on the Sorvik crossing strike over rotas",
     "Ferry crews on the Sorvik crossing stopped work, leaving lorries queued at the harbour ramps. The crews' union "
     "said rotas had doubled night sailings without extra pay. {p} asked the ferry operator and the union to meet."),
    ("Sorvik ferry strike leaves lorries queued at harbour",
     "Hundreds of lorries waited at the Sorvik harbour ramps as ferry crews kept up their strike over rotas and "
     "night sailings. {p} said the crossing was vital to island shops."),
    ("Talks fail to end Sorvik ferry strike",
     "Talks between the ferry operator and the crews' union broke up without a deal, and the Sorvik crossing stayed "
     "shut for a third day. Island shops ran short as lorries queued. {p} called the rotas dispute avoidable."),
]
BUDGET = [
    ("Parliament votes down pension clause in Drosque budget",
     "Parliament rejected the pension clause of the budget by eleven votes, a blow to {p}. Opposition deputies said "
     "the clause cut the pension of retired teachers. The finance minister promised a revised clause."),
    ("Drosque budget survives but pension clause falls",
     "The budget passed its first reading, but deputies struck out the pension clause after retired teachers "
     "marched outside parliament. {p} told deputies the finance minister would return with changes."),
    ("Finance minister rewrites pension clause after budget defeat",
     "The finance minister redrafted the pension clause that parliament threw out of the budget, sparing retired "
     "teachers the cut. {p} needs opposition deputies to pass it."),
]
SUBJECTS = [
    "orchard", "glacier", "lighthouse", "vineyard", "observatory", "aqueduct", "monastery", "quarry", "brewery",
    "tramway", "sawmill", "marina", "planetarium", "greenhouse", "reservoir", "cathedral", "racecourse", "zoo",
    "library", "stadium", "airfield", "foundry", "tannery", "distillery", "hatchery", "apiary", "windmill",
    "canal", "viaduct", "chapel", "fortress", "lagoon", "meadow", "orphanage", "pottery", "refinery", "shipyard",
    "textile", "velodrome", "weaving", "archive", "ballet", "carnival", "dairy", "embassy", "falconry", "gallery",
    "herbarium", "icefield", "jetty", "kiln", "lantern", "mosaic", "nursery",
]


def _articles() -> list[Article]:
    out = []
    for i, (title, body) in enumerate(FERRY + BUDGET):
        out.append(Article(title=title, body=body.format(p=PREMIER), source=f"Outlet {i % 3}",
                           published=f"2026-05-0{1 + i % 3}"))
    for i, subject in enumerate(SUBJECTS):
        out.append(Article(
            title=f"{PREMIER} opens the {subject} festival",
            body=(f"{PREMIER} opened this year's {subject} festival in the old town. The {subject} festival draws "
                  f"visitors from the whole coast, and the {subject} trade hopes for a record season. Local "
                  f"{subject} makers showed their work."),
            source="Outlet 9", published=f"2026-05-0{1 + i % 4}"))
    return out


def test_a_name_in_every_article_of_a_batch_drops_out_and_a_shared_term_weighs_less():
    a = {"premier": 0.6, "ferry": 0.6, "strike": 0.5, "rota": math.sqrt(1 - 0.36 - 0.36 - 0.25)}
    b = {"premier": 0.7, "ferry": math.sqrt(1 - 0.49)}
    c = {"premier": 0.8, "budget": 0.6}
    ra, rb, rc = reweighted([a, b, c], top=10)
    assert "premier" not in ra and "premier" not in rb and "premier" not in rc  # in all three: says nothing
    assert rc == {"budget": 1.0}
    for v in (ra, rb):
        assert abs(sum(x * x for x in v.values()) - 1.0) < 1e-9
    # "ferry" is in two of three articles, "strike" in one: relative to each other, ferry lost weight
    assert ra["ferry"] / ra["strike"] < a["ferry"] / a["strike"]
    assert list(ra) == sorted(ra, key=lambda t: -ra[t])  # strongest first
    assert len(reweighted([a, b, c], top=1)[0]) == 1


def test_cut_keeps_the_strongest_terms_normalised_and_leaves_a_short_vector_alone():
    v = {"x": 0.8, "y": 0.48, "z": 0.36}
    assert cut([v], 3)[0] is v
    short = cut([v], 2)[0]
    assert list(short) == ["x", "y"] and abs(short["x"] ** 2 + short["y"] ** 2 - 1.0) < 1e-9


def test_two_events_of_a_period_that_share_its_leader_stay_apart_when_grouped_at_once(lib):
    arts = _articles()
    assert len(arts) >= LIBRARY_FROM
    ids = [ident for _, ident in lib.add_many(arts)]
    assert group_new(lib) == len(arts)
    ferry = {story_of(lib, i) for i in ids[:3]}
    budget = {story_of(lib, i) for i in ids[3:6]}
    assert len(ferry) == 1 and len(budget) == 1  # each event is one story
    assert ferry != budget  # and the premier in both does not make them one
    assert not ({story_of(lib, i) for i in ids[6:]} & (ferry | budget))  # nor pulls the festivals in


def _reweighted_by_definition(vecs, top):
    """reweighted written out term by term (the loop it replaced): each weight times min(1, batch idf /
    background idf), a factor of 0 dropping the term, the `top` strongest (ties in order), L2-normalised."""
    import heapq
    from collections import Counter

    from tui.stories.terms import _weights

    idf, unseen = _weights()
    df = Counter(t for v in vecs for t in v)
    n = len(vecs)
    factor = {t: min(1.0, math.log((n + 1) / (k + 1)) / (idf.get(t) or unseen)) for t, k in df.items()}
    out = []
    for v in vecs:
        best = heapq.nlargest(top, [(t, x * factor[t]) for t, x in v.items() if factor[t] > 0], key=lambda p: p[1])
        norm = math.sqrt(sum(x * x for _, x in best)) or 1.0
        out.append({t: x / norm for t, x in best})
    return out


def test_reweighted_equals_its_term_by_term_definition_exactly():
    """The weights are made by map/zip in C; the same floats in the same order as the loop, with a term in every
    article (the batch's premier: the path that drops terms) and without."""
    from tui.stories.grouping import features_of

    arts = _articles()
    with_premier = [v for v, _ in features_of([(a.title, a.body) for a in arts])]
    without = [v for v, _ in features_of([(a.title, a.body.replace(PREMIER, "")) for a in arts[:6]])]
    for vecs in (with_premier, without, with_premier[:3]):
        for top in (5, 150):
            got, want = reweighted(vecs, top), _reweighted_by_definition(vecs, top)
            assert [list(v.items()) for v in got] == [list(v.items()) for v in want]
