"""Tags as the library keeps them: once each, whatever their case ("Politics" from an OPML folder and
"politics" from the item's categories are one tag; so are "Économie" and "économie", which SQLite's NOCASE,
ASCII only, keeps apart)."""

from __future__ import annotations


def tag_key(tag: str) -> str:
    """What two spellings of one tag share."""
    return " ".join(tag.split()).casefold()


def unique_tags(tags) -> list[str]:
    """The tags in order, stripped, without empty ones and without a tag that differs from an earlier one only in
    case or spacing (the first spelling stays)."""
    seen: set[str] = set()
    out: list[str] = []
    for tag in tags or ():
        if type(tag) is not str:
            continue
        tag = tag.strip()
        key = tag_key(tag)
        if key and key not in seen:
            seen.add(key)
            out.append(tag)
    return out
