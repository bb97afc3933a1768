"""The reading widgets: library list, article body, summary list."""

__all__ = ["ArticleBody", "ArticleList", "SummaryList"]


def __getattr__(name: str):
    # Imported on first use: a module of this package that needs no Textual (summary_items, wrap) is imported by the
    # story view's summary process without it (tui/stories/summary_child.py)
    if name == "ArticleBody":
        from tui.app.widgets.article_body import ArticleBody

        return ArticleBody
    if name == "ArticleList":
        from tui.app.widgets.article_list import ArticleList

        return ArticleList
    if name == "SummaryList":
        from tui.app.widgets.summary_list import SummaryList

        return SummaryList
    raise AttributeError(name)
