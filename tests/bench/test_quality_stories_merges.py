"""bench/quality_stories.py's merge log (`--merges`): every merge of two stories the grouper makes, recorded without
changing the grouping, and told apart as within one event or joining two."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.quality_stories import merge_log, merges  # noqa: E402
# two invented events told twice, 50 days apart (each pair joined by a bridge merge when grouped at once)
from tests.bench.test_story_entities import STRIKE  # noqa: E402
from tests.bench.test_story_merges import ORCHARD, ORCHARD_AID, STRIKE_END  # noqa: E402


def _group(tmp_path: Path, name: str, log: bool):
    from tui.models import Article
    from tui.store import Library
    from tui.store import stories as store
    from tui.stories import grouping

    lib = Library(tmp_path / f"{name}.db")
    try:
        ids = [i for _, i in lib.add_many([Article(title=t, body=b, source="gazette", published=d) for (t, b), d in (
            (STRIKE, "2016-01-01"), (ORCHARD, "2016-01-02"), (STRIKE_END, "2016-02-20"), (ORCHARD_AID, "2016-02-21"))])]
        if not log:
            grouping.group_new(lib)
            return ids, store.assignments(lib), []
        with merge_log() as found:
            grouping.group_new(lib)
        return ids, store.assignments(lib), found
    finally:
        lib.close()


def test_each_merge_is_recorded_with_its_stories_and_the_grouping_is_unchanged(tmp_path):
    ids, plain, _ = _group(tmp_path, "plain", log=False)
    logged_ids, logged, found = _group(tmp_path, "logged", log=True)
    assert logged_ids == ids and logged == plain  # recording merges changes no story
    strike, orchard = {ids[0], ids[2]}, {ids[1], ids[3]}
    assert len(found) == 2
    assert [set(m["kept"]) | set(m["folded"]) for m in found] in ([strike, orchard], [orchard, strike])
    for m in found:
        assert len(m["kept"]) == len(m["folded"]) == 1
        assert m["gap"] == 50 and m["decayed"] == 0.0  # beyond WINDOW_DAYS: only the bridge test can pass
        assert m["by"] == "bridge" and m["link"] > 0 and m["score"] >= 1.0


def test_merges_are_named_wrong_right_or_mixed_and_set_against_each_other():
    # a harbour strike (articles 1-3) and a mountain rescue (4-5); article 6 is a distractor of the corpus kind
    ident = {"strike1": 1, "strike2": 2, "strike3": 3, "rescue1": 4, "rescue2": 5, "corpus:9": 6}
    gold = {"strike1": frozenset({"strike"}), "strike2": frozenset({"strike"}), "strike3": frozenset({"strike"}),
            "rescue1": frozenset({"rescue"}), "rescue2": frozenset({"rescue"})}

    def merge(kept, folded, score):
        return {"kept": kept, "folded": folded, "link": 0.08, "gap": 3, "decayed": 0.06, "by": "join",
                "score": score}

    lines = merges([merge([1], [2], 1.10), merge([1, 2], [4, 5], 1.30), merge([1, 2, 4, 5], [3], 1.50),
                    merge([3], [6], 2.00), merge([4], [5], 1.40)], ident, gold)
    assert lines[0] == ("right {'strike': 1} + {'strike': 1}: link 0.0800, 3 days apart, decayed 0.0600, by join, "
                        "score 1.10")
    assert lines[1].startswith("wrong {'strike': 2} + {'rescue': 2}:")
    assert lines[2].startswith("mixed {'rescue': 2, 'strike': 2} + {'strike': 1}:")
    assert lines[3].startswith("other {'strike': 1} + {'corpus': 1}:")  # a distractor on one side: neither
    assert lines[4].startswith("right {'rescue': 1} + {'rescue': 1}:")
    # the one wrong merge scores 1.30: of the two merges within one event, one (1.10) scores no higher
    assert lines[5] == ("merges 5: wrong 1 (scores 1.30-1.30), within one event 2 (scores 1.10-1.40), of them scoring "
                        "no higher than the highest wrong one: 1")
