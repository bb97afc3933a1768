"""The stop-word list is sumy's, read without importing sumy.utils: that import pulled requests, urllib3 and
pycountry's table of every language into the app (about 13 MB of its resident memory) for 580 words."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_stop_words_are_sumys_list_without_its_heavy_imports():
    code = textwrap.dedent("""
        import sys
        from tui.engine.tokens import _NEWS_FILLERS, stop_words
        words = stop_words()
        heavy = sorted(m for m in ("requests", "urllib3", "pycountry", "sumy.utils") if m in sys.modules)
        from sumy.utils import get_stop_words
        sumy = get_stop_words("english")
        print(heavy, len(sumy) > 500, words == sumy | set(_NEWS_FILLERS.split()))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["[]", "True", "True"]
