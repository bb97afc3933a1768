"""The Markdown importer: optional front matter, then Markdown reduced to readable paragraphs."""

from __future__ import annotations

import re

from tui.importers.clean import blocks, clean_text, join_wrapped, squash
from tui.importers.dates import parse_date
from tui.models import Article

_FENCE = re.compile(r"^(```|~~~)")
_ATX = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_RULE = re.compile(r"^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$")
_LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_REF_DEF = re.compile(r"^\[([^\]]{1,200})\]:\s*\S+")
# A span stops at the next marker of its kind and is bounded, so hostile input such as
# "[[[[..." or "*a *a *a ..." stays linear instead of rescanning the line from every opener.
_IMAGE = re.compile(r"!\[[^\[\]]{0,500}\]\([^()]{0,2000}\)")
_REF_IMAGE = re.compile(r"!\[([^\[\]]{0,500})\]\[([^\[\]]{0,200})\]")
_LINK = re.compile(r"\[([^\[\]]{0,500})\]\([^()]{0,2000}\)")
# "[text][label]" is a link only when the document defines [label]; otherwise (Rich-style
# "[b][i]" markup, say) CommonMark keeps it literally, and so do we.
_REF_LINK = re.compile(r"\[([^\[\]]{1,500})\]\[([^\[\]]{0,200})\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPH = re.compile(
    r"(\*\*|__|~~)(?=[^\s*_~])([^*_~]{1,300}?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*]{1,300}?)(?<=\S)\*(?!\w)"
    r"|(?<!\w)_(?=[^\s_])([^_]{1,300}?)(?<=\S)_(?!\w)"
)
_CODE = re.compile(r"`+([^`]*)`+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")

_KEYS = {"title": "title", "headline": "title", "source": "source", "publisher": "source",
         "site": "source", "author": "byline", "authors": "byline", "byline": "byline",
         "date": "published", "published": "published", "pubdate": "published",
         "tags": "tags", "categories": "tags", "keywords": "tags", "url": "url", "link": "url",
         "canonical_url": "url"}


def parse_markdown(text: str, name: str = "") -> Article:
    """Parse a Markdown article; front matter fields win over what the text implies."""
    text = clean_text(text)
    fields, text = front_matter(text)
    for key in ("title", "source", "published", "url"):  # a list where one value belongs is joined, not a crash
        if isinstance(fields.get(key), list):
            fields[key] = ", ".join(str(v) for v in fields[key])
    lines = text.split("\n")
    title = fields.get("title", "")
    paras = _paragraphs(lines)
    for i, (kind, para) in enumerate(paras):
        if kind == "h1":
            # The first H1 is the headline; drop it from the body (also when the front
            # matter already named the title and the H1 repeats it).
            if not title or squash(para).casefold() == squash(title).casefold():
                title = title or para
                del paras[i]
            break
    if not title and paras and paras[0][0].startswith("h"):
        title = paras.pop(0)[1]
    if not title and paras:
        title = paras.pop(0)[1]
    tags = fields.get("tags", [])
    byline = fields.get("byline", "")
    return Article(
        title=squash(title),
        body="\n\n".join(p for _, p in paras),
        source=fields.get("source", "") if isinstance(fields.get("source"), str) else "",
        byline=", ".join(byline) if isinstance(byline, list) else byline,
        published=parse_date(str(fields.get("published", ""))),
        tags=tags if isinstance(tags, list) else [t.strip() for t in str(tags).split(",") if t.strip()],
        url=fields.get("url") or None,
    )


def front_matter(text: str) -> tuple[dict, str]:
    """Split off "---" YAML-style (or "+++" TOML-style) front matter; return (fields, rest).

    A tiny parser of our own: `key: value`, quoted values, `[a, b]` lists and `- item`
    lists. Nothing is evaluated, so hostile front matter is only text.
    """
    stripped = text.lstrip("\n")
    fence = stripped[:3]
    if fence not in ("---", "+++") or stripped[3:4] not in ("\n", " ", ""):
        return {}, text
    end = re.search(r"^" + re.escape(fence) + r"\s*$", stripped[4:], re.M)
    if not end:
        return {}, text
    block, rest = stripped[4:4 + end.start()], stripped[4 + end.end():]
    fields: dict = {}
    key = None
    for raw in block.split("\n"):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item and key:
            value = fields.get(key)
            fields[key] = (value if isinstance(value, list) else []) + [_unquote(item.group(1))]
            continue
        m = re.match(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$", line)
        if not m:
            continue
        key = _KEYS.get(m.group(1).lower())
        if key:
            fields[key] = _value(m.group(2).strip())
    return fields, rest


def _value(raw: str):
    if raw.startswith("[") and raw.endswith("]"):
        return [_unquote(v) for v in raw[1:-1].split(",") if v.strip()]
    return _unquote(raw)


def _unquote(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


def _paragraphs(lines: list[str]) -> list[tuple[str, str]]:
    """(kind, text) paragraphs: "h1".."h6" for headings, "p" for everything else."""
    out: list[tuple[str, str]] = []
    plain: list[str] = []
    refs = frozenset(
        " ".join(m.group(1).split()).casefold() for m in map(_REF_DEF.match, (x.strip() for x in lines)) if m
    )

    def flush():
        # In Markdown the lines of a block are one paragraph, however long they are.
        out.extend(("p", inline(join_wrapped(b), refs)) for b in blocks(plain))
        plain.clear()

    in_code = False
    code: list[str] = []
    for i, raw in enumerate(lines):
        line = raw.rstrip()
        if _FENCE.match(line.lstrip()):
            if in_code:
                out.append(("p", "\n".join(code).strip()))
                code = []
            else:
                flush()
            in_code = not in_code
            continue
        if in_code:
            code.append(line)
            continue
        s = line.strip()
        m = _ATX.match(s)
        if m:
            flush()
            out.append((f"h{len(m.group(1))}", inline(m.group(2), refs)))
            continue
        if _SETEXT.match(s) and plain and plain[-1]:
            heading = plain.pop()
            flush()
            out.append(("h1" if s[0] == "=" else "h2", inline(heading, refs)))
            continue
        if _RULE.match(s) or _REF_DEF.match(s):
            plain.append("")
            continue
        s = re.sub(r"^(>\s?)+", "", s)
        if _LIST.match(s):
            plain.append("")  # each list item is its own paragraph
            s = _LIST.sub("", s)
        plain.append(squash(s))
    if code:
        out.append(("p", "\n".join(code).strip()))
    flush()
    return [(k, p) for k, p in out if p.strip()]


def _label(m: re.Match) -> str:
    """The reference label of "[text][label]" ("[text][]" uses the text), normalised."""
    return " ".join((m.group(2) or m.group(1)).split()).casefold()


def inline(text: str, refs: frozenset[str] = frozenset()) -> str:
    """Reduce inline Markdown to text: links to their text, no images, emphasis or code ticks."""
    # Backslash escapes are set aside first so an escaped "*" is never read as emphasis.
    text = _ESCAPED.sub(lambda m: chr(0xF0000 + ord(m.group(1))), text)
    text = _IMAGE.sub("", text)
    text = _REF_IMAGE.sub(lambda m: "" if _label(m) in refs else m.group(0), text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(lambda m: m.group(1) if _label(m) in refs else m.group(0), text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    for _ in range(3):  # nested emphasis such as ***word***
        text = _EMPH.sub(lambda m: m.group(2) or m.group(3) or m.group(4), text)
    text = re.sub("[\U000f0000-\U000f007f]", lambda m: chr(ord(m.group(0)) - 0xF0000), text)
    return squash(text)
