"""`add`'s parse workers compute each article's grouping features and the writer stores them with the article
(issue 13: grouping keeps up with import): grouping then reads them, and groups exactly as from the texts."""

from __future__ import annotations

from bench.generate import write_text_files
from tui.cli import main
from tui.importers.parallel import PARALLEL_FROM
from tui.models import Article
from tui.store import Library
from tui.store.story_features import stored_feature_count
from tui.stories import features, group_new

FILES = PARALLEL_FROM + 10  # enough for the parse workers


def _stored_features(lib) -> list[tuple]:
    return lib.db.execute("SELECT a.id, a.title, a.body, f.version, f.words, f.weights, f.sketch FROM articles a"
                          " JOIN story_features f ON f.article_id = a.id ORDER BY a.id").fetchall()


def _assignments(lib) -> list[tuple]:
    return lib.db.execute("SELECT article_id, story_id, dup_of, terms, sketch FROM story_articles"
                          " ORDER BY article_id").fetchall()


def _no_grouping(monkeypatch) -> None:
    """`add` stores the features but does not group (so they can only come from its parse workers)."""
    import tui.stories

    monkeypatch.setattr(tui.stories, "group_new", lambda lib: 0)


def test_add_stores_the_features_grouping_would_compute(tmp_path, monkeypatch):
    _no_grouping(monkeypatch)
    write_text_files(tmp_path / "in", FILES)
    db = tmp_path / "lib.db"
    assert main(["--db", str(db), "add", str(tmp_path / "in")]) == 0
    lib = Library(db)
    try:
        rows = _stored_features(lib)
        assert len(rows) == FILES == lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert not lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0]  # nothing grouped yet
        for _, title, body, version, *stored in rows:
            assert version == features.version()
            assert tuple(stored) == features.encoded_features_of([(title, body)])[0]
    finally:
        lib.close()


def test_grouping_from_the_imported_features_equals_grouping_from_the_texts(tmp_path, monkeypatch):
    import shutil

    _no_grouping(monkeypatch)
    write_text_files(tmp_path / "in", FILES)
    db = tmp_path / "lib.db"
    assert main(["--db", str(db), "add", str(tmp_path / "in")]) == 0
    shutil.copyfile(db, tmp_path / "texts.db")
    with_features, from_texts = Library(db), Library(tmp_path / "texts.db")
    try:
        with from_texts.transaction() as t:
            t.execute("DELETE FROM story_features")
        assert group_new(with_features) == group_new(from_texts) == FILES
        assert _assignments(with_features) == _assignments(from_texts)
        assert stored_feature_count(from_texts) == FILES  # computed and stored by grouping, as before
    finally:
        with_features.close()
        from_texts.close()


def test_a_bulk_add_stores_the_features_and_leaves_the_grouping(tmp_path, monkeypatch):
    """An add of more than GROUP_ON_ADD articles is grouped later (the next `stories`, the app's background pass), but
    its parse workers still compute the features: that grouping only places the articles, as it would have from
    their texts (issue 13: import and grouping together >= 1,000 articles/s)."""
    import shutil

    import tui.commands

    monkeypatch.setattr(tui.commands, "GROUP_ON_ADD", FILES - 1)
    write_text_files(tmp_path / "in", FILES)
    db = tmp_path / "lib.db"
    assert main(["--db", str(db), "add", str(tmp_path / "in")]) == 0
    shutil.copyfile(db, tmp_path / "texts.db")
    lib, from_texts = Library(db), Library(tmp_path / "texts.db")
    try:
        assert not lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0]  # not grouped by the add
        assert stored_feature_count(lib, features.version()) == FILES
        for _, title, body, version, *stored in _stored_features(lib):
            assert tuple(stored) == features.encoded_features_of([(title, body)])[0]
        with from_texts.transaction() as t:
            t.execute("DELETE FROM story_features")
        assert group_new(lib) == group_new(from_texts) == FILES
        assert _assignments(lib) == _assignments(from_texts)
    finally:
        lib.close()
        from_texts.close()


def test_an_untitled_article_has_the_features_of_its_stored_title(tmp_path):
    lib = Library(tmp_path / "lib.db")
    try:
        article = Article(title="", source="", body="The harbour reopened on Monday after a week of storms.")
        (status, ident), = lib.add_many([article])
        title, body = lib.db.execute("SELECT title, body FROM articles WHERE id = ?", (ident,)).fetchone()
        assert title == "(untitled)"
        assert features.article_features(article) == features.encoded_features_of([(title, body)])[0]
    finally:
        lib.close()


def test_a_dry_run_stores_nothing_and_a_library_without_the_table_imports_as_before(tmp_path):
    from tui.commands import _features_version

    assert _features_version(None) == 0
    lib = Library(tmp_path / "lib.db")
    try:
        with lib.transaction() as t:
            t.execute("DROP TABLE story_features")
        assert _features_version(lib) == 0
    finally:
        lib.close()
