"""The reading widgets: library list, article body, summary list."""

from tui.app.widgets.article_body import ArticleBody
from tui.app.widgets.article_list import ArticleList
from tui.app.widgets.summary_list import SummaryList

__all__ = ["ArticleBody", "ArticleList", "SummaryList"]
