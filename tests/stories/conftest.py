"""A library holding our sample articles (tests/stories/samples.py), grouped."""

from __future__ import annotations

import pytest

from tests.stories.samples import ALL


@pytest.fixture
def filled(lib):
    """(library, {article title: id}) with every sample stored and grouped."""
    from tui.stories import group_new

    ids = {a.title: ident for a, (_, ident) in zip(ALL, lib.add_many(ALL))}
    group_new(lib)
    return lib, ids
