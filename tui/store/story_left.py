"""Stable story ids for articles updated in place (issue 13, migration 15).

An article whose text, title or date changes in place leaves its story (migration 9) so grouping places it
again by what it says now. When it was its story's only article, the story went with it, and the article
opened a new story under a new id. `story_left` remembers that story's id until the article is grouped
again; grouping gives it back when the article opens a story of its own (`reusable_story_id`).
"""

from __future__ import annotations

import sqlite3


def reusable_story_id(lib, article_id: int) -> int | None:
    """The id of the one-article story `article_id` left when it was updated in place, if no story has it
    now; None otherwise (the article was never in one, or is grouped again, or the id is taken)."""
    try:
        row = lib.db.execute(
            "SELECT l.story_id FROM story_left l WHERE l.article_id = ?"
            " AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = l.story_id)", (article_id,)).fetchone()
    except sqlite3.OperationalError:  # a library still at an earlier version (no table): a new id, as before
        return None
    return row[0] if row else None
