"""The CPU-time guard of tests/cpu_bound.py stops what it is there to stop."""

from __future__ import annotations

import pytest
from cpu_bound import run_cpu_bounded


def test_a_loop_that_never_ends_is_stopped_by_its_cpu_bound():
    with pytest.raises(pytest.fail.Exception, match=r"stopped after .* s of CPU \(bound 1 s\)"):
        run_cpu_bounded("while True:\n    pass\n", 1, "a busy loop", wall_seconds=120)


def test_a_blocked_child_is_stopped_by_the_wall_timeout():
    with pytest.raises(pytest.fail.Exception, match=r"blocked for 1 s"):
        run_cpu_bounded("import time\ntime.sleep(60)\n", 30, "a sleeper", wall_seconds=1)


def test_a_child_that_finishes_gives_its_output_and_cpu():
    run = run_cpu_bounded("print(sum(range(10**6)))", 30, "a sum")
    assert run.stdout.strip() == str(sum(range(10**6))) and 0 < run.cpu < 30


def test_a_failing_child_shows_its_error():
    with pytest.raises(AssertionError, match="ZeroDivisionError"):
        run_cpu_bounded("1 / 0", 30, "a division")
