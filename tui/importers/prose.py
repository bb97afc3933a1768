"""Does a text read as prose? `newsreader add` skips files that are not (a word list, /etc/passwd, a
config file): they are not articles, and an analysis of them is noise. `--force` imports them anyway.

A line is prose-like when it has at least six whitespace-separated tokens, most of them words (letters,
maybe with apostrophes, hyphens, dots or punctuation around them), or, in scripts written without spaces
(Chinese, Japanese, Thai ...), at least ten letters. A text is prose when such lines hold at least half
of its characters; one that is not is skipped only when most of its lines are one or two tokens (a word
list, /etc/passwd): mixed text (markup, escapes, notes) is imported, since a wrong skip loses an article.
A feed teaser of one sentence passes.
"""

from __future__ import annotations

import re
from pathlib import Path

MIN_TOKENS = 6          # words in a prose-like line
MIN_WORD_SHARE = 0.6    # of its tokens
MIN_UNSPACED = 10       # letters of a script written without spaces
SAMPLE_TOKENS = 24      # tokens of a long line that are looked at
MIN_PROSE_SHARE = 0.5   # of the text's characters in prose-like lines

_WORD = re.compile(r"""^[("'“‘«\[]*[^\W\d_][\w'’.\-]*[.,;:!?)"'”’»\]…]*$""")
# Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan: letters follow each other with no space between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f"
                       r"\u1780-\u17ff\u0f00-\u0fff]")


def _prose_line(line: str) -> bool:
    tokens = line.split(None, SAMPLE_TOKENS)[:SAMPLE_TOKENS]  # a paragraph's first words say whether it is words
    if len(tokens) >= MIN_TOKENS:
        need, words = MIN_WORD_SHARE * len(tokens), 0
        for t in tokens:
            if t.isalpha() or _WORD.match(t):  # letters alone always match _WORD (the test is 10x cheaper)
                words += 1
                if words >= need:
                    return True
    return len(_UNSPACED.findall(line[:2000])) >= MIN_UNSPACED


# A script or a configuration file (`~/.bashrc`, `.gitconfig`, a Python file): its comments can read as prose ("# You
# may uncomment the following lines if you want ..."), so it passed as an article and `summary` summarised it.
_COMMENTS = ("#", "//", "/*", "-- ", "; ")  # a comment line's start
_CODE = re.compile(  # matched at a line's start (the line stripped)
    r"(?:export\s+|alias\s+|declare\s+(?:-\w+\s+)*|readonly\s+|local\s+|typeset\s+)?[A-Za-z_][\w.\-]*(?:\[[^\]]*\])?"
    r"\s*[+:]?=(?!=)"  # NAME=value, export PATH=..., key = value
    r"|[}\])]+[;,]?$|(?:fi|esac|done|then|else|elif\b.*|do|end|endif|endfor|EOF)$"  # a block's end
    r"|\[[^\]\s][^\]]*\]$"  # [section]
    r"|(?:def|class|func|fn)\s+\w+\s*[(:<]|import\s+[\w.]+$|from\s+[\w.]+\s+import\s|#include\b"
    r"|(?:var|let|const)\s+\w+\s*=|function\s*\w*\s*\(|if\s+\[|(?:case|for|while)\s.*\b(?:in|do)$"
    r"|(?:if|elif|else|for|while|try|except|finally|with)\b[^.!?]*:$|(?:return|raise|yield|pass|break|continue)\b"
    r"|[\w.]+\(.*\)[:;,]?$|\"\"\"|\'\'\'"  # Python: a block's head, a call alone on its line, a docstring's quotes
    r"|[A-Z][A-Z0-9]*_[A-Z0-9_]*\s+\S|[A-Za-z_][\w.\-]*:\s{2,}\S")  # LOG_OK_LOGINS  no; passwd:     files
_CODE_ENDS = ("{", ";;", "; then", "; do")  # a block's head, a shell case's end
CODE_LINES = 400  # lines looked at


def _code_line(line: str) -> bool:
    if line.endswith(_CODE_ENDS) or ("$" in line and ("$(" in line or "${" in line)):
        return True
    # A capitalised word and a space first, no "=": a sentence's start, none of _CODE's (most lines of an article)
    space = line.find(" ", 0, 40)
    if space > 0 and line[0].isupper() and line[:space].isalpha() and "=" not in line:
        return False
    return _CODE.match(line) is not None


def code_reason(lines: list[str]) -> str | None:
    """A reason when the text is a script or a configuration file: a first line "#!/...", three lines in four
    comments ("#", "//", ";" ...), or most of its lines that are not comments are code (an assignment, `$(...)`,
    `fi`, `[section]`, `def f(`...), at least two of them, and code and comments hold most of its lines. An article
    quoting a command or two is prose around it. `lines`: the text's lines, stripped, none empty."""
    if lines[0].startswith("#!/"):
        return "a script (#!), not an article"
    code = comments = other = 0
    sample = lines[:CODE_LINES]
    n = len(sample)
    for line in sample:
        if line.startswith(_COMMENTS):
            comments += 1
        elif _code_line(line):
            code += 1
        else:
            other += 1
            # both verdicts below need code and comments to be three lines in five: past two in five of other
            # lines, neither can be reached (an article is settled after ~40 % of its lines, not all of them)
            if other * 5 > n * 2:
                return None
    if comments >= 5 and comments * 4 >= n * 3:  # a configuration file of options commented out
        return "a configuration file or script (comments), not an article"
    if code >= 2 and code * 2 >= n - comments and (code + comments) * 5 >= n * 3:
        return "a script or configuration file (code and comments), not an article"
    return None


def not_prose_reason(text: str) -> str | None:
    """None when `text` reads as prose, else a short reason it does not (for the skip message)."""
    lines = [stripped for line in text.splitlines() if (stripped := line.strip())]
    if not lines:
        return "no text"
    if reason := code_reason(lines):
        return reason
    total = sum(len(line) for line in lines)
    # Longest lines first: they hold most of the characters, so a news text is settled after its first
    # few paragraphs instead of testing every token of every line (this check runs on every imported file).
    prose, left = 0, total
    for line in sorted(lines, key=len, reverse=True):
        if _prose_line(line):
            prose += len(line)
        left -= len(line)
        if prose >= MIN_PROSE_SHARE * total:
            return None
        if prose + left < MIN_PROSE_SHARE * total:
            break
    short = sum(1 for line in lines if len(line.split()) <= 2)
    if short >= 0.8 * len(lines):
        return "no prose: one word or field list per line (a word list or a configuration file?)"
    return None  # mixed text (markup, escapes, notes): when in doubt, import


MARKUP_SUFFIXES = {".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".json", ".opml", ".rdf"}
RAW_LIMIT = 256 * 1024  # characters of a file read again for the check


def item_not_prose_reason(item) -> str | None:
    """`import_not_prose_reason` for an ImportItem with an article: its worker's verdict when it has one,
    else judged here, from the decoded file the importer kept (`item.text`) when there is one."""
    if item.not_prose is not None:
        return item.not_prose or None
    a = item.article
    return import_not_prose_reason(item.origin, a.title, a.body, item.text)


def import_not_prose_reason(origin: str, title: str, body: str, text: str | None = None) -> str | None:
    """`not_prose_reason` for one imported article. For a plain-text file the file's own lines are judged
    (the importer joins the lines of a paragraph, which would make a word list one long "sentence");
    for markup, feed entries and stdin, the extracted title and body. `text`: the file as the importer
    decoded it, if at hand (else it is read again)."""
    path = Path(origin)
    raw = None
    if origin == "<stdin>" or origin.lower().startswith(("http://", "https://")):
        pass
    elif path.suffix.lower() in MARKUP_SUFFIXES:
        pass
    elif text is not None:
        raw = text[:4 * RAW_LIMIT]
    else:
        try:
            if path.is_file():
                from tui.importers.decode import decode

                with path.open("rb") as f:
                    raw = decode(f.read(4 * RAW_LIMIT))  # the importer's decoding (BOMs, UTF-16, legacy)
        except (OSError, ValueError, UnicodeError):
            raw = None
    if raw is not None and not raw.lstrip()[:1] in ("<", "{"):
        return not_prose_reason(raw)
    return not_prose_reason(f"{title}\n{body}")
