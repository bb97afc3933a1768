"""Arguments of the story commands (`stories`, `story`, `who`, `brief`); added to the main parser."""

from __future__ import annotations


def when(text: str) -> str:
    """A --since WHEN as typed, once it reads as one: one that cannot be read is a usage error, exit 2, as a bad option's
    value is (it was exit 1, and named no --help). Its day is worked out when the command runs (tui/stories/when.py)."""
    import argparse

    from tui.stories.when import FORMS, parse_since

    if not text.strip():  # `--since "$WHEN"` of an unset variable: it read as no limit, every story
        raise argparse.ArgumentTypeError(f"needs a WHEN: {FORMS}")
    try:
        parse_since(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).replace("cannot read --since ", "cannot read ", 1)) from None
    return text


def add_parsers(sub, positive_int, story_id=int) -> None:
    """Add the story subcommands to `newsreader`'s subparsers."""
    st = sub.add_parser("stories", help="the library grouped into stories (events across outlets)")
    st.add_argument("--since", metavar="WHEN", type=when, help="only stories with an article since WHEN (2026-01-14, today, 1h, 3d, 2w, 09:30)")
    st.add_argument("--json", action="store_true", help='one JSON line per story: {"id","title","articles","sources","first","last","unread"}')
    st.add_argument("--rebuild", action="store_true", help="regroup the whole library from scratch")

    one = sub.add_parser("story", help="a story's summary across its outlets, quotes by speaker, entities")
    one.add_argument("id", type=story_id, help="the story's id, as `stories` shows it")
    length = one.add_mutually_exclusive_group()
    length.add_argument("--sentences", "-n", type=positive_int, metavar="N", help="number of sentences (default 5)")
    length.add_argument("--words", type=positive_int, metavar="N", help="about this many words")
    one.add_argument("--format", choices=["text", "md", "json"], default="text", help="text (default), md or json")

    w = sub.add_parser("who", help="one person (or other entity) across the library: articles, company, quotes")
    w.add_argument("name", metavar="NAME", help='a name, whole or its last word ("Silva" finds "Maria Silva")')
    w.add_argument("--json", action="store_true", help="the page as one JSON object")

    b = sub.add_parser("brief", help="the unread stories since a time, ranked, two or three sentences each")
    b.add_argument("--since", metavar="WHEN", type=when, help="2026-01-14, today, yesterday, 30m, 24h, 3d, 2w, 09:30 (default: everything unread)")
    b.add_argument("--format", choices=["text", "md"], default="text", help="text (default) or md")
    b.add_argument("--limit", type=positive_int, default=10, metavar="N", help="at most N stories (default 10)")
    b.add_argument("--sentences", "-n", type=positive_int, default=3, metavar="N",
                   help="sentences a story (default 3; the briefing screen's + / - change it)")
    b.add_argument("--quotes", action="store_true",
                   help="only each story's strongest quote, one a line (what the briefing screen's y copies)")
