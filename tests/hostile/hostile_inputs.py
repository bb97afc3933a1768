"""The hostile inputs: a fixed set of named nasty files and a seeded generator of many more.

Everything is built in code at test time (the 50 MB file and the 1,000,000-character line
would be silly to commit). `python tests/hostile/hostile_inputs.py DIR` writes the named
files into DIR for poking at by hand.
"""

from __future__ import annotations

import codecs
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ESC, BEL, CSI8 = "\x1b", "\x07", "\x9b"

# Sequences a terminal would obey: colour, clear screen, cursor moves, a hyperlink,
# a clipboard write (OSC 52, base64 of "rm -rf ~"), the title bar, a bell, 8-bit CSI.
ESCAPES = [
    "\x1b[31;1m", "\x1b[0m", "\x1b[2J", "\x1b[H", "\x1b[10A", "\x1b[5;5H", "\x1b[?1049h", "\x1b[?25l",
    "\x1b]8;;https://evil.example/\x1b\\", "\x1b]8;;\x1b\\", "\x1b]52;c;cm0gLXJmIH4=\x07", "\x1b]0;pwned\x07",
    "\x07", "\x9b31m", "\x1bc", "\x1b7", "\x1b8", "\x1bP+q544e\x1b\\", "\r", "\x08\x08\x08", "\x1b[6n",
]
RICH_MARKUP = ["[bold]", "[/bold]", "[link=file:///etc/passwd]x[/link]", "[/]", "[red on white]", "[@click=app.quit]",
               "[reverse]", ":smile:", "\\[escaped]", "[b][i]nested[/i][/b]"]
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‟", "‹", "›", "「", "」", "『", "』", "`", "''", "``"]
PUNCT = list(".,;:!?…—–-()[]{}<>/\\|@#$%^&*_+=~") + ["...", "?!", "!!!", " . ", " , "]
RTL = ["مرحبا بالعالم", "שלום עולם", "\u202eevil.exe\u202c", "\u200f", "\u200e", "سلام", "\u2067isolate\u2069"]
CJK = ["東京都", "北京市", "日本語のテキスト。", "中文句子。", "한국어 문장.", "「引用」と彼は言った。", "ｆｕｌｌｗｉｄｔｈ"]
EMOJI = ["😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "🇵🇹", "🧑‍🚀", "\ufe0f", "\u200d", "🤷‍♀️"]
COMBINING = ["e\u0301", "a\u0308", "Z\u0335\u0336\u0337\u0338\u0321\u0322\u0327\u0328\u0334" * 3, "\u0301\u0301\u0301",
             "n\u0303", "\u0345" * 20, "\u20dd"]
ODD_SPACE = ["\u00a0", "\u2028", "\u2029", "\u200b", "\ufeff", "\u3000", "\t", "\x0b", "\x0c", "\x85", "\r\n", "\n\n\n"]
WORDS = ("the minister said on Tuesday that talks with Acme Corp in Lisbon would resume , according to "
         "Maria Silva who told reporters the plan costs €310 million or 12 % of the budget Dr. Jones U.S. Jan. "
         "he she they said wrote Mr. Inc. Ltd. St. a an of in on at to from").split()
NAMES = ["Maria Silva", "John O'Neil", "Ana-Lu Costa", "Dr. Jones", "Acme Corp", "the U.S.", "Lisbon", "São Paulo"]


@dataclass
class Nasty:
    """One named nasty file and what must hold when it is imported."""

    name: str
    data: bytes
    must_contain: list[str] = field(default_factory=list)  # literal strings the body must keep, if imported
    must_not_contain: list[str] = field(default_factory=list)  # never in any output, imported or not
    must_import: bool = False  # a readable text: skipping it would lose the user's article


def _para(*parts: str) -> str:
    return " ".join(parts)


def named_files(secret_path: Path, secret: str, *, big: bool = True) -> list[Nasty]:
    """The fixed set of nasty files. `secret_path` holds `secret`; no output may ever contain it (XXE)."""
    rnd = random.Random(6)
    out: list[Nasty] = []
    add = out.append

    add(Nasty("random_bytes.bin", bytes(rnd.getrandbits(8) for _ in range(64 * 1024))))
    add(Nasty("random_bytes_small.txt", bytes(rnd.getrandbits(8) for _ in range(300))))
    add(Nasty("invalid_utf8.txt",
              b"Broken bytes headline\n\nThe mayor said \xff\xfe the harbour \xc3\x28 plan \xe2\x82 would pass.\n\n"
              b"A second paragraph with \xed\xa0\x80 a surrogate and \xf8\x88\x80\x80\x80 overlong bytes.\n"))
    body16 = "Headline in UTF-16\n\nCafé owners in São Paulo said “prices rose 5%” on Monday.\n"
    add(Nasty("utf16_bom.txt", codecs.BOM_UTF16_LE + body16.encode("utf-16-le"),
              must_contain=["Café owners in São Paulo said", "prices rose 5%"], must_import=True))
    add(Nasty("utf16_be_bom.txt", codecs.BOM_UTF16_BE + body16.encode("utf-16-be"),
              must_contain=["Café owners in São Paulo said"], must_import=True))
    add(Nasty("utf16_no_bom.txt", body16.encode("utf-16-le"),
              must_contain=["Café owners in São Paulo said"], must_import=True))
    add(Nasty("cp1252.txt",
              "Smart quotes headline\n\nThe café’s owner said “we will reopen” after paying €1,200 — a fine.\n"
              .encode("cp1252"), must_contain=["café’s owner said “we will reopen” after paying €1,200 — a fine."],
              must_import=True))
    add(Nasty("latin1.txt", "Grüße aus München\n\nDie Bürger Münchens äußerten sich über die Straße. © 2026 ±3°.\n"
              .encode("latin-1"), must_contain=["Die Bürger Münchens äußerten sich über die Straße."],
              must_import=True))
    add(Nasty("nul_bytes.txt",
              b"Null\x00 headline\n\nThe\x00 council\x00 met on\x00 Friday and voted.\x00\n\nMore text here.\n"))
    add(Nasty("only_punctuation.txt", ("!?.,;:…—–-()[]{}<>/\\|@#$%^&*_+=~ " * 400).encode()))
    add(Nasty("only_quotes.txt", ("\"\"'' “” ‘’ «» „“ ‹› 「」 '\"'\" ``''\n" * 300).encode()))
    add(Nasty("unbalanced_quotes.txt", (
        "Unbalanced quotes\n\n"
        "He said \"this sentence never closes. And then “nested ‘quotes « inside » here” continue.\n\n"
        "\"\"\"Triple\" quotes\" said she. ”Backwards“ marks, \u2019tis said. 'It's' ''odd'' `really'.\n\n"
        + "“" * 500 + " deep " + "”" * 499 + "\n\n"
        + "\"He said 'she said \"they said 'we said'\"'\" — Maria Silva said.\n").encode(),
        must_contain=["“nested ‘quotes « inside » here” continue."]))
    add(Nasty("rtl_cjk_emoji.txt", (
        "عنوان الخبر 東京 😀\n\n"
        "مرحبا بالعالم said Maria Silva in שלום עולם on Tuesday. 東京都の知事は「改革を進める」と述べた。\n\n"
        "Family 👨‍👩‍👧‍👦 flag 🏳️‍🌈 skin 👍🏽 café e\u0301 Z\u0335\u0336\u0337\u0321\u0322\u0327 override \u202eevil.txt\u202c end.\n\n"
        "한국어 문장입니다. ｆｕｌｌｗｉｄｔｈ text and \u200bzero\u200bwidth joins.\n").encode(),
        must_contain=["東京都の知事は「改革を進める」と述べた。", "👨‍👩‍👧‍👦", "e\u0301", "مرحبا بالعالم"], must_import=True))
    esc_text = ("Escape \x1b[31mRED\x1b[0m headline\x07\n\n"
                "Before\x1b[2J\x1b[H the council \x1b[10Amoved \x1b]8;;https://evil.example/\x1b\\a link\x1b]8;;\x1b\\ "
                "and \x1b]52;c;cm0gLXJmIH4=\x07copied\x07 words \x9b31mhere\x1bc. Title \x1b]0;pwned\x07set.\n\n"
                "Second\x1b[?1049h paragraph \x1bP+q544e\x1b\\stays.\n")
    add(Nasty("escapes.txt", esc_text.encode(), must_contain=["the council", "a link", "paragraph", "stays."],
              must_not_contain=["cm0gLXJmIH4=", "pwned", "evil.example", "+q544e", "[31m", "1049h"], must_import=True))
    add(Nasty("rich_markup.txt", (
        "[bold]Markup[/bold] headline [/]\n\n"
        "The [bold]minister[/bold] said [link=file:///etc/passwd]x[/link] and [/] closed it. [red on white]Loud[/] "
        "[@click=app.quit]quit[/] :smile: \\[escaped] [b][i]nested[/i][/b].\n").encode(),
        must_contain=["[b][i]nested[/i][/b]", "[bold]minister[/bold]", "[link=file:///etc/passwd]x[/link]", "[/] closed it.",
                      "[@click=app.quit]quit[/]"], must_import=True))
    add(Nasty("rich_markup.md", (
        "---\ntitle: \"[link=file:///etc/passwd]Front[/link] matter \\u001b[31m\"\n---\n\n"
        "# [bold]Heading[/bold]\n\nA paragraph with [red]markup[/red] and [/] in it, said Maria Silva.\n\n"
        "Rich tags side by side: [b][i]nested[/i][/b] stay as typed.\n").encode(),
        must_contain=["[red]markup[/red]", "[b][i]nested[/i][/b]"], must_import=True))
    add(Nasty("front_matter_list.md", (
        "---\ntitle: [Harbour, vote]\nsource: {a: 1}\ntags: [[x], 5]\n---\n\n"
        "The council voted on Tuesday to expand the harbour, said Maria Silva.\n").encode(),
        must_contain=["The council voted on Tuesday"], must_import=True))
    add(Nasty("script_iframe.html", (
        "<!doctype html><html><head><title>Harbour &amp; port news</title>"
        "<style>body{background:red} .x::after{content:'STYLE-LEAK'}</style>"
        "<script>alert('SCRIPT-LEAK'); document.write('<p>SCRIPT-WRITE</p>')</script></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Council backs the harbour plan</h1>"
        "<p>Tom &amp; Jerry &lt;3 the caf&eacute; &#x1F600; &#8220;quoted&#8221; &nbsp;said the mayor on Tuesday, "
        "adding that the expansion would cost &euro;310 million over five years.</p>"
        "<iframe src=\"javascript:alert('IFRAME-LEAK')\">IFRAME-TEXT</iframe>"
        "<script type=\"text/javascript\">var leak = 'SCRIPT-INLINE';</script>"
        "<p>Environmental groups said they would appeal the decision, calling it rushed and expensive.</p>"
        "<p>The work is due to begin in September, the council said in a statement on its website.</p>"
        "<noscript>NOSCRIPT-TEXT</noscript><svg onload=\"alert('SVG-LEAK')\"></svg>"
        "</article></body></html>").encode(),
        must_contain=["Tom & Jerry <3 the café"],
        must_not_contain=["SCRIPT-LEAK", "SCRIPT-WRITE", "SCRIPT-INLINE", "STYLE-LEAK", "IFRAME-LEAK", "SVG-LEAK",
                          "alert("], must_import=True))
    add(Nasty("deep_nesting.html", ("<html><body><article>" + "<div>" * 20000 + "<p>Deep text said the mayor.</p>"
                                    + "</div>" * 20000 + "</article></body></html>").encode()))
    uri = secret_path.resolve().as_uri()
    add(Nasty("xxe_rss.xml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{uri}">]>\n'
        '<rss version="2.0"><channel><title>Feed &xxe;</title><link>https://example.org/</link>'
        '<item><title>Item one &xxe;</title><link>https://example.org/1</link>'
        '<description>The council met on Tuesday. Secret: &xxe; end.</description></item>'
        '</channel></rss>').encode(), must_not_contain=[secret]))
    add(Nasty("xxe_atom.xml", (
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE feed [<!ENTITY xxe SYSTEM "{uri}">'
        f'<!ENTITY % pe SYSTEM "{uri}"> %pe;]>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom &xxe;</title><id>urn:x</id>'
        '<entry><title>Entry &xxe;</title><id>urn:x:1</id><updated>2026-01-14T10:00:00Z</updated>'
        '<content type="html">&lt;p&gt;The mayor spoke. &xxe;&lt;/p&gt;</content></entry></feed>').encode(),
        must_not_contain=[secret]))
    add(Nasty("xxe_html.html", (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{uri}">]><html><body><article><h1>XXE page</h1>'
        '<p>The minister said the budget would grow by 3% next year. &xxe;</p></article></body></html>').encode(),
        must_not_contain=[secret]))
    lols = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    add(Nasty("billion_laughs.xml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol0 "lol">{lols}]>\n'
        '<rss version="2.0"><channel><title>Laughs</title><item><title>&lol9;</title>'
        '<description>Body &lol9; end.</description></item></channel></rss>').encode(),
        must_not_contain=["lol" * 1000]))
    add(Nasty("quadratic_blowup.xml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "{"x" * 50000}">]>\n'
        '<rss version="2.0"><channel><title>Quad</title><item><title>Q</title>'
        f'<description>{"&a;" * 2000}</description></item></channel></rss>').encode(),
        must_not_contain=["x" * 1_000_000]))
    add(Nasty("empty.txt", b""))
    add(Nasty("whitespace.txt", b" \n\t\r\n   \n"))
    add(Nasty("evil\x1b[31mname\x07.txt", b"Evil file name\n\nA perfectly normal body, said the mayor.\n",
              must_contain=["A perfectly normal body, said the mayor."], must_import=True))
    if big:
        add(Nasty("long_line.txt", _long_line(1_000_000).encode()))
        add(Nasty("big_50mb.txt", _big_text(50 * 1024 * 1024)))
    return out


def _long_line(n: int) -> str:
    rnd = random.Random(1)
    parts, size = [], 0
    while size < n:
        w = rnd.choice(WORDS) + rnd.choice(["", "", "", ".", ",", "\u201d", " \u201c"])
        parts.append(w)
        size += len(w) + 1
    return " ".join(parts)[:n]


def _big_text(n: int) -> bytes:
    para = ("The council said on Tuesday that the harbour plan would cost €310 million, "
            "according to Maria Silva. \"We will build it,\" she said.\n\n").encode()
    return b"Big file headline\n\n" + para * (n // len(para) + 1)


# -- the generated corpus -----------------------------------------------------------------------

_POOLS = [WORDS, QUOTES, PUNCT, RTL, CJK, EMOJI, COMBINING, ODD_SPACE, ESCAPES, RICH_MARKUP, NAMES]
_WEIGHTS = [40, 10, 8, 3, 3, 3, 3, 6, 4, 3, 8]


def random_text(rnd: random.Random, max_tokens: int = 400) -> str:
    """Article-ish text mixed with every kind of hostile character."""
    n = rnd.choice([0, 1, 2, 5, 20, 80, max_tokens])
    pieces = []
    for _ in range(n):
        pool = rnd.choices(_POOLS, _WEIGHTS)[0]
        pieces.append(rnd.choice(pool))
        r = rnd.random()
        if r < 0.05:
            pieces.append("\n\n")
        elif r < 0.08:
            pieces.append(chr(rnd.randrange(0, 0x110000)) if rnd.random() < 0.5 else chr(rnd.randrange(0, 0x250)))
        elif r < 0.10:
            pieces.append(rnd.choice(QUOTES) + " ".join(rnd.choices(WORDS, k=rnd.randrange(1, 12))) + rnd.choice(QUOTES))
    sep = rnd.choice([" ", " ", "", "\n"])
    return sep.join(pieces)


def _mutate(rnd: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rnd.randrange(1, 8)):
        op = rnd.randrange(4)
        if not b:
            b += bytes([rnd.getrandbits(8)])
        elif op == 0:  # flip bits
            i = rnd.randrange(len(b))
            b[i] ^= 1 << rnd.randrange(8)
        elif op == 1:  # truncate
            del b[rnd.randrange(len(b)):]
        elif op == 2:  # insert random bytes
            i = rnd.randrange(len(b) + 1)
            b[i:i] = bytes(rnd.getrandbits(8) for _ in range(rnd.randrange(1, 16)))
        else:  # duplicate a slice
            i = rnd.randrange(len(b))
            b[i:i] = b[i:i + rnd.randrange(1, 64)]
    return bytes(b)


def _html(rnd: random.Random) -> str:
    paras = "".join(f"<p>{random_text(rnd, 60)}</p>" for _ in range(rnd.randrange(0, 5)))
    junk = rnd.choice(["<script>alert(1)</script>", "<style>p{}</style>", "<iframe src=x></iframe>", "", "&amp;&#0;&#x110000;&bogus;"])
    return f"<html><head><title>{random_text(rnd, 8)}</title></head><body>{junk}<article><h1>{random_text(rnd, 8)}</h1>{paras}</article></body></html>"


def _feed(rnd: random.Random) -> str:
    items = "".join(f"<item><title>{random_text(rnd, 6)}</title><description><![CDATA[{random_text(rnd, 60)}]]></description></item>"
                    for _ in range(rnd.randrange(0, 4)))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{random_text(rnd, 5)}</title>{items}</channel></rss>'


def _markdown(rnd: random.Random) -> str:
    return f"---\ntitle: {random_text(rnd, 6)}\ntags: [{random_text(rnd, 3)}]\n---\n\n# {random_text(rnd, 6)}\n\n{random_text(rnd)}\n"


_ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "utf-32"]


def generated(seed: int, count: int) -> list[tuple[str, bytes, str]]:
    """`count` inputs as (file name, bytes, the text they were made from) — deterministic for a seed."""
    rnd = random.Random(seed)
    items = []
    for i in range(count):
        kind = rnd.choices(["txt", "html", "xml", "md", "bytes", "mutant"], [45, 15, 12, 10, 6, 12])[0]
        if kind == "bytes":
            data = bytes(rnd.getrandbits(8) for _ in range(rnd.choice([1, 10, 200, 4000])))
            items.append((f"gen{i}.txt", data, ""))
            continue
        text = {"txt": lambda: random_text(rnd), "html": lambda: _html(rnd), "xml": lambda: _feed(rnd),
                "md": lambda: _markdown(rnd), "mutant": lambda: rnd.choice([_html, _feed, _markdown])(rnd)}[kind]()
        enc = rnd.choice(_ENCODINGS)
        data = text.encode(enc, errors="replace") if enc in ("cp1252", "latin-1") else \
            text.encode(enc, errors="surrogatepass")
        ext = {"txt": "txt", "html": "html", "xml": "xml", "md": "md"}.get(kind, rnd.choice(["html", "xml", "md", "txt"]))
        if kind == "mutant":
            data = _mutate(rnd, data)
        items.append((f"gen{i}.{ext}", data, text))
    return items


def write_named(folder: Path, *, big: bool = False) -> list[Path]:
    """Write the named files (and the XXE secret) into `folder`; returns the file paths."""
    folder.mkdir(parents=True, exist_ok=True)
    secret_path = folder.parent / (folder.name + "-secret.txt")
    secret = "TOPSECRET-" + "%08x" % random.Random(folder.name).getrandbits(32)
    secret_path.write_text(secret + "\n")
    paths = []
    for n in named_files(secret_path, secret, big=big):
        p = folder / n.name
        p.write_bytes(n.data)
        paths.append(p)
    return paths


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python hostile_inputs.py OUTPUT_DIR")
    for path in write_named(Path(sys.argv[1]), big=True):
        print(path)
