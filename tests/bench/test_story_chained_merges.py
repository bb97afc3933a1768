"""bench/story_entities.py's `merge_touched`, the grouper's merge pass with a screen's veto or boost in it, keeps the
merge-order rule shipped as METHOD 7 (a story made by a merge of this pass merges again in it, with a story of 2+
articles, only with a partner whose own best it is); `chained=False` leaves it out (METHOD 6), as
`bench/story_event_days.py --unchained` does."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_entities import merge_touched  # noqa: E402
from tests.stories.town_samples import town  # noqa: E402
from tui.store import Library  # noqa: E402


def test_the_bench_pass_keeps_the_shipped_rule_and_unchained_leaves_it_out(lib, tmp_path):
    fire, strike = town(lib, lambda g: merge_touched(g, None))
    assert len(set(fire)) == 1 and len(set(strike)) == 1 and fire[0] != strike[0]  # two stories, as shipped
    unchained = Library(tmp_path / "unchained.db")  # the same batches, merged as METHOD 6 did: one story
    try:
        fire, strike = town(unchained, lambda g: merge_touched(g, None, chained=False))
        assert set(fire) == set(strike) and len(set(fire)) == 1
    finally:
        unchained.close()
