"""The import's fast paths give exactly what the plain definitions give (they only skip work).

Each shortcut is checked against the straightforward code it replaced, on hand-picked cases and on seeded
random strings over an alphabet of the characters that make the shortcuts wrong when mishandled: every
kind of Unicode space, case-folding letters (ß, ſ, ı, İ, Σ, the Kelvin sign), controls, lone surrogates.
"""

from __future__ import annotations

import hashlib
import random
import re

import pytest

from tui.importers import prose, text
from tui.importers.clean import paragraphs, squash, squash_lines
from tui.models import content_hash, hash_and_count, hash_of_words
from tui.spaces import OTHER_SPACES, is_squashed, only_plain_spaces
from tui.store.derived import derived
from tui.models import Article

ALPHABET = list("abcXYZ 19.,\"'“”•·|-ſKıİßẞΣσςﬁé€\u00a0\u2009\u3000\u1680\u205f\t\n\r\x0b\x0c\x1c\x1f\x85\u2028\u2029"
                "\u200b\ufeff\x00\x07\ud800") + ["  ", "\n\n", " ", " ", "a", "e", "word"]


def _strings(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _plain_hash(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).casefold().encode("utf-8", "surrogatepass")).hexdigest()


def test_other_spaces_are_every_split_character_but_the_space():
    every = "".join(chr(c) for c in range(0x110000) if chr(c).isspace() and c != 0x20)
    assert OTHER_SPACES == every


@pytest.mark.parametrize("value", ["", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "a\nb", "a\u3000b", "ſ ß"])
def test_is_squashed_is_split_and_join(value):
    assert is_squashed(value) == (" ".join(value.split()) == value)
    assert only_plain_spaces(value) == all(c == " " or not c.isspace() for c in value)


def test_only_plain_spaces_on_random_text():
    # ASCII texts take a shortcut (only the ASCII spaces looked for): the same answers as for any other text
    ascii_only = [c for c in ALPHABET if c.isascii()]
    rng = random.Random(7)
    texts = _strings(2, 5000, 12) + ["".join(rng.choice(ascii_only) for _ in range(rng.randint(0, 12)))
                                     for _ in range(5000)]
    assert any(t.isascii() and not only_plain_spaces(t) for t in texts)
    for value in texts:
        assert only_plain_spaces(value) == all(c == " " or not c.isspace() for c in value), repr(value)
        assert only_plain_spaces(value, newlines=True) == all(c in " \n" or not c.isspace() for c in value), repr(value)


@pytest.mark.parametrize("body", [
    "", "   ", "One two.\n\nThree four.", "Straße and Σίσυφος\n\nMASSE", "Kelvin K and ſ and İ", "tab\there",
    "nbsp\u00a0here", "a\n\n\nb", "a \n\nb", "\n\na", "a\n\n", "ﬁne ﬂow", "lone \ud800 surrogate", "ÉCOLE école",
])
def test_hash_and_count_match_the_split_words(body):
    words = body.split()
    assert hash_and_count(body) == (_plain_hash(words), len(words))


def test_hash_and_count_on_random_text():
    for value in _strings(1, 20000, 14):
        words = value.split()
        assert hash_and_count(value) == (_plain_hash(words), len(words)), repr(value)
        assert hash_of_words(words) == _plain_hash(words), repr(value)


def test_a_folding_letter_changes_the_hash_as_casefold_does():
    # ß folds to "ss": the fast path must notice a letter that folds to something else and not just lower A-Z.
    assert content_hash("", "Die Straße") == content_hash("", "die STRASSE")
    assert content_hash("", "Die Straße") != content_hash("", "Die Strase")


def test_derived_matches_the_plain_definitions():
    for body in ["", "  ", "Body one.\n\nBody two Straße.", "x\u00a0y"]:
        a = Article(title="T", body=body)
        digest, words, _ = derived(a)
        split = body.split()
        want = _plain_hash(split) if split or body else _plain_hash("T".split())
        assert (digest, words) == (want, len(split))


def test_squash_lines_is_squash_of_every_line():
    for value in _strings(2, 20000, 18) + ["  • Published May 1, 2024 ", "a\n  b  \n", "x\u00a0\ny"]:
        assert squash_lines(value) == [squash(line) for line in value.split("\n")], repr(value)
    assert paragraphs("one\ntwo  three\n\n four ") == ["one two three", "four"]


_FOOTER_PARAS = [
    "The Harbor Times publishes letters, opinions, and tips submissions as a public service.",
    "THE HARBOR TIMES PUBLIſHES LETTERS AND OPINIONS",  # ſ matches s only under IGNORECASE
    "Copyright 2024 Example Media", "copyrıght notice", "© Example", "(c) 2023 Someone", "(C) 2023",
    "This story was originally published by the Wire.", "Views expressed are the writer's own.",
    "We are not responsible for comments.", "This may not be republished without permission.",
    "Sign up for our newsletter.", "Readers may send letters and opinions to the publisher.",
    "Publish, publishes, publisher: three cues in one paragraph.", "Terms of use and terms of service",
    "Our editorial policy and editorial policies", "The minister published the report on Tuesday.",
    "Readers asked the council about privacy.", "A report published by the agency on Monday said readers "
    "wanted more letters in the paper.", "İstanbul readers' letters and opinions, says the publisher",
]


def _plain_is_footer(para: str) -> bool:
    if len(para) > 1500:
        return False
    low = para.lower()
    if not any(hint in low for hint in text._FOOTER_HINTS):
        return False
    if text._FOOTER.search(para):
        return True
    cues = {m.group(0).lower() for m in text._FOOTER_CUES.finditer(para)}
    return len(cues) >= 3 and len(para) < 600


def test_footer_shortcuts_change_no_verdict():
    rng = random.Random(3)
    words = " ".join(_FOOTER_PARAS).split() + ["publishing", "submission", "cookies", "reserved", "all", "rights",
                                               "ſubmissions", "Kookies", "İ", "ı", "held", "liable", "for", "not"]
    cases = list(_FOOTER_PARAS) + [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    assert any(_plain_is_footer(p) for p in cases) and not all(_plain_is_footer(p) for p in cases)
    for para in cases:
        assert text._is_footer(para) == _plain_is_footer(para), para


_WORD = prose._WORD


def _plain_prose_line(line: str) -> bool:
    tokens = line.split(None, prose.SAMPLE_TOKENS)[:prose.SAMPLE_TOKENS]
    if len(tokens) >= prose.MIN_TOKENS and sum(1 for t in tokens if _WORD.match(t)) >= prose.MIN_WORD_SHARE * len(tokens):
        return True
    return len(prose._UNSPACED.findall(line[:2000])) >= prose.MIN_UNSPACED


def test_prose_line_shortcut_changes_no_verdict():
    rng = random.Random(4)
    tokens = ["word", "Word,", "(word", "“Quoted”", "12", "x=1", "root:x:0", "é", "ǅemal", "ſ", "3rd", "_", "--",
              "日本語のテキストです", "a.b.c", "it’s", "…", "Ⅻ", "²"]
    lines = [" ".join(rng.choice(tokens) for _ in range(rng.randint(1, 30))) for _ in range(5000)]
    assert any(_plain_prose_line(x) for x in lines) and not all(_plain_prose_line(x) for x in lines)
    for line in lines:
        assert prose._prose_line(line) == _plain_prose_line(line), line


def _plain_code_reason(lines: list[str]) -> str | None:
    """prose.code_reason as its docstring says it, every line of the sample counted."""
    if lines[0].startswith("#!/"):
        return "a script (#!), not an article"
    sample = lines[:prose.CODE_LINES]
    comments = sum(1 for x in sample if x.startswith(prose._COMMENTS))
    code = sum(1 for x in sample if not x.startswith(prose._COMMENTS) and prose._code_line(x))
    n = len(sample)
    if comments >= 5 and comments * 4 >= n * 3:
        return "a configuration file or script (comments), not an article"
    if code >= 2 and code * 2 >= n - comments and (code + comments) * 5 >= n * 3:
        return "a script or configuration file (code and comments), not an article"
    return None


def test_code_reason_shortcut_changes_no_verdict():
    # code_reason stops at the line where more than two lines in five are neither code nor comments
    rng = random.Random(5)
    kinds = [["The ferry to Tallow Cove sails again on Monday.", "Residents of Brackwick met the council.", "Yes."],
             ["EDITOR=vim", "fi", "[harbour]", "def sail(boat):", "export PATH=$HOME/bin:$PATH", "done"],
             ["# the ferry timetable", "// sail at dawn", "; harbour = north", "-- tides"]]
    cases = []
    for _ in range(4000):
        share = [rng.random() for _ in kinds]
        n = rng.choice([1, 2, 3, 4, 5, 7, 10, 12, 20, 40, 401, 450])
        cases.append([rng.choice(kinds[rng.choices(range(3), share)[0]]) for _ in range(n)])
    verdicts = {_plain_code_reason(c) for c in cases}
    assert len(verdicts) == 3  # None and both reasons (the "#!/" line is not drawn)
    for lines in cases:
        assert prose.code_reason(lines) == _plain_code_reason(lines), lines


def test_letters_alone_always_match_the_word_pattern():
    # The prose check counts a token made of letters only (str.isalpha) as a word without the regex.
    letters = [chr(c) for c in range(0x110000) if chr(c).isalpha()]
    assert all(_WORD.match(c) and _WORD.match(c * 3) for c in letters)


def test_meta_line_split_shortcut():
    for line in ["Source: AFP", "  • Published January 14, 2026", "Source: AFP | By Tom Lee", "a · b", "plain words"]:
        assert bool(text._meta_line(line, {})) == bool(_plain_meta_line(line))


def _plain_meta_line(line: str) -> bool:
    if len(line) > 160:
        return False
    parts = [p for p in text._PART_SPLIT.split(line) if p and p.strip()]
    return bool(parts) and all(text._meta_part(p.strip(), {}) for p in parts)


def test_meta_line_shortcut_on_random_lines():
    rng = random.Random(5)
    parts = ["Source: AFP", "By Ana Lee", "Published May 1, 2024", "•", "·", "|", " ", "  ", "\u00a0", "5 min read",
             "Updated 2024-01-02", "words here", "Harbor Staff", "x"]
    lines = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    assert any(_plain_meta_line(x) for x in lines) and not all(_plain_meta_line(x) for x in lines)
    for line in lines:
        assert bool(text._meta_line(line, {})) == bool(_plain_meta_line(line)), line


def _plain_clean_text(value: str) -> str:
    if value.startswith("\ufeff"):
        value = value[1:]
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\x85", "\n")
    value = value.replace("\x0b", "\n").replace("\x0c", "\n").replace("\t", " ")
    from tui.importers.clean import _CONTROLS
    from tui.textsafe import strip_sequences

    value = re.sub(r"(?<=\w)\x00+(?=\w)", " ", value)  # a NUL between two words is a space (cli38)
    return _CONTROLS.sub("", strip_sequences(value))


def test_clean_lines_is_squash_lines_of_clean_text():
    from tui.importers.clean import clean_lines, clean_text

    odd = ["\x1b[31mred\x1b[0m", "\x9b1m", "\ufeffBOM", "a\r\nb", "x\u200by", "\x7f", "\u202eevil"]
    for value in _strings(6, 20000, 18) + odd:
        assert clean_text(value) == _plain_clean_text(value), repr(value)
        assert clean_lines(value) == [squash(line) for line in _plain_clean_text(value).split("\n")], repr(value)


def test_sanitized_body_shortcut():
    from tui.importers.dispatch import _DIRTY, _sanitized
    from tui.importers.item import ImportItem
    from tui.importers.clean import clean_text

    for body in _strings(7, 5000, 14) + ["plain\n\nbody", "tab\there", "bom\ufeffin", "c1\x85x", "del\x7f"]:
        item = _sanitized(ImportItem("x.txt", Article(title="t", body=body)))
        assert item.article.body == (clean_text(body) if _DIRTY.search(body) else body), repr(body)


def test_fold_flag_from_the_tags_themselves():
    import json

    from tui.store.fold import needs_fold

    for tags in [[], ["Łódź"], ["Lodz", "Straße"], ["plain", "ÆRØ"], ["é only"], ["\ud800", "ß"]]:
        a = Article(title="Title", body="Body text here.", tags=tags)
        want = needs_fold("Title", a.body, json.dumps(tags, ensure_ascii=False), "", "")
        assert derived(a)[2] == int(want)


def test_utf16_guess_and_empty_check_shortcuts():
    from tui.importers.decode import DecodeError, _utf16_order, decode

    assert _utf16_order("plain text".encode("utf-16-le")) == "utf-16-le"
    assert _utf16_order("plain text".encode("utf-16-be")) == "utf-16-be"
    assert _utf16_order(b"no zero bytes at all here") is None
    for empty in (b"", b"  \n\t\r\x0b\x0c "):
        with pytest.raises(DecodeError, match="empty"):
            decode(empty)
    assert decode(b" \xc2\xa0x ") == " \u00a0x "


def test_a_file_is_read_whole_whatever_its_size(tmp_path):
    from tui.importers.dispatch import _import_stream, import_file

    paras = [f"In week {i} the ferry crews moved grain before the storm reached the northern coast." for i in range(400)]
    path = tmp_path / "a.txt"
    path.write_text("Grain moved before the storm\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    (item,) = import_file(str(path))
    assert item.article.body == "\n\n".join(paras)
    with open(path, "rb") as f:  # a stale size (the file grew after it was looked at) still reads it all
        (again,) = _import_stream(f, str(path), size=10)
    assert again.article.body == item.article.body
