"""Textual's parsed stylesheets kept between runs, so a start-up does not parse the same CSS again.

Textual parses every stylesheet (app.tcss and the DEFAULT_CSS of each widget class shown) at every start, with
the theme's variables put in. Kept, they save 65 M instructions of the ~315 M newsreader's start-up adds to a bare
Textual app's (unpickling app.tcss's rules costs 7 M; parsing it 44 M). Here `Stylesheet._parse_rules`, after
Textual's own in-memory cache, looks in a file of pickled rules first; what it parses is added to that file
after the stylesheet's parse. A file holds one state of the variables (the theme) for one Textual (the sizes and
times of its CSS code files) and one Python; the state is in the file and checked. An entry's key is the CSS text
with every other argument of the parse, so it is the parse's own result for the same input. Each call unpickles
a fresh copy, as a parse makes fresh objects.

The folder is $NEWSREADER_CACHE, else newsreader's user cache folder; NEWSREADER_CACHE=off turns the cache
off. A file that cannot be read or unpickled is ignored (parsed as without it) and written again; one that
cannot be written is skipped. When a file is written, the folder's other files of this cache (css-<16 hex>.pickle,
the user's own) not used for KEEP_DAYS days are removed, and all but the KEEP_OTHERS last used (~75 KB each: a
theme tried once, an older Textual or Python). Files are written for the user alone (0600, folder 0700) and read only when the
file and its folder are the user's and writable by no one else (`_own_file`): unpickling runs what a file says.
If Textual's private parse functions change shape (another 8.x), `install` leaves Textual as it is.
"""

from __future__ import annotations

import os
import pickle
import sys
import zlib
from pathlib import Path

from textual.css.stylesheet import Stylesheet

FORMAT = 1  # bump when what a file holds changes
KEEP_DAYS = 30  # another state's file not used (read or written) for this long is removed when a file is written
KEEP_OTHERS = 5  # and at most this many of them are kept, the last used first
_PARSE_RULES = getattr(Stylesheet, "_parse_rules", None)
_PARSE = getattr(Stylesheet, "parse", None)


def cache_folder() -> Path | None:
    """$NEWSREADER_CACHE (None when "off"), else newsreader's folder in the platform's user cache folder."""
    env = os.environ.get("NEWSREADER_CACHE")
    if env is not None and env.strip():
        return None if env.strip().lower() == "off" else Path(env).expanduser()
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without importing it before the first paint.
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "newsreader"
    from platformdirs import user_cache_path

    return user_cache_path("newsreader", appauthor=False)


class _File:
    """The pickled rules of one variables state: {entry key: pickled list of RuleSet}, and that state."""

    def __init__(self, path: Path, state: str) -> None:
        self.path = path
        self.state = state
        self.entries: dict[str, bytes] | None = None
        self.dirty = False

    def get(self, key: str) -> bytes | None:
        if self.entries is None:
            self.entries = {}
            try:
                with _own_file(self.path) as f:
                    state, entries = pickle.load(f)
                if state == self.state and type(entries) is dict and all(type(v) is bytes for v in entries.values()):
                    self.entries = entries
            except Exception:  # missing, unreadable or not ours: parse as without a cache
                pass
        return self.entries.get(key)

    def put(self, key: str, data: bytes) -> None:
        assert self.entries is not None
        self.entries[key] = data
        self.dirty = True

    def save(self) -> None:
        self.dirty = False
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as f:
                pickle.dump((self.state, self.entries), f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)  # whole or not at all, also with two apps starting at once
        except OSError:
            try:
                tmp.unlink()
            except OSError:
                pass
            return
        _prune(self.path.parent, {path.name for path in _files if path.parent == self.path.parent} | {self.path.name})


def _prune(folder: Path, in_use: set[str]) -> None:
    """Remove this cache's files in `folder` other than `in_use` that were last used (read or written) more than
    KEEP_DAYS ago, and all but the KEEP_OTHERS last used. Only names this module writes, only the user's own
    regular files (never through a symlink): nothing else in the folder is touched."""
    import re
    import stat
    import time

    name_re = re.compile(r"css-[0-9a-f]{16}\.pickle")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    found = []
    for name in names:
        if name in in_use or not name_re.fullmatch(name):
            continue
        try:
            st = os.lstat(folder / name)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and (not hasattr(os, "getuid") or st.st_uid == os.getuid()):
            found.append((max(st.st_mtime, st.st_atime), name))
    found.sort(reverse=True)
    cutoff = time.time() - KEEP_DAYS * 86400
    for rank, (used, name) in enumerate(found):
        if rank >= KEEP_OTHERS or used < cutoff:
            try:
                os.unlink(folder / name)
            except OSError:
                pass


def _own_file(path: Path):
    """`path` opened for reading, if only its user could have written it; else OSError.

    Unpickling runs what the file says, so a file is read only if it and its folder belong to the user running
    the app and neither is writable by anyone else (as ssh treats its keys): a cache folder pointed at a shared
    place (NEWSREADER_CACHE=/tmp) or a file someone else planted is parsed past, never loaded."""
    if not hasattr(os, "getuid"):  # Windows: the user's own profile folder
        return open(path, "rb")
    folder = os.stat(path.parent)
    if folder.st_uid != os.getuid() or folder.st_mode & 0o022:
        raise PermissionError(f"{path.parent}: not the user's own folder")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        st = os.fstat(fd)
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            raise PermissionError(f"{path}: not the user's own file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


_files: dict[Path, _File] = {}


# The Textual code a parse runs and whose objects the rules are made of: another Textual (an upgrade rewrites
# these files) is another file of rules. (textual.__version__ asks importlib.metadata: 15 ms.)
_TEXTUAL_FILES = ("__init__.py", "color.py", "geometry.py", "css/parse.py", "css/tokenize.py", "css/tokenizer.py",
                  "css/styles.py", "css/_style_properties.py", "css/_styles_builder.py", "css/model.py",
                  "css/scalar.py", "css/types.py", "css/constants.py", "css/stylesheet.py")
_textual_state: list = []


def _textual_files() -> tuple | None:
    """Size and modification time of each of those files (None if one cannot be read)."""
    if not _textual_state:
        import textual

        base = os.path.dirname(textual.__file__)
        try:
            found = tuple((name, *((st := os.stat(os.path.join(base, name))).st_size, st.st_mtime_ns))
                          for name in _TEXTUAL_FILES)
        except OSError:
            found = None
        _textual_state.append(found)
    return _textual_state[0]


def _file_for(stylesheet: Stylesheet) -> _File | None:
    """The cache file of this stylesheet's variables (kept on the stylesheet until they change)."""
    variables = stylesheet._variables
    memo = stylesheet.__dict__.get("_newsreader_css_file")
    if memo is not None and memo[0] is variables:
        return memo[1]
    folder = cache_folder()
    found = None
    code = _textual_files()
    if folder is not None and code is not None:
        state = repr((FORMAT, code, sys.version, pickle.HIGHEST_PROTOCOL, sorted(variables.items())))
        # The name tells states apart (a file whose state is not this one counts as empty: checked on reading).
        data = state.encode("utf-8", "surrogatepass")
        path = folder / f"css-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.pickle"
        found = _files.get(path)
        if found is None or found.state != state:
            found = _files[path] = _File(path, state)
    stylesheet.__dict__["_newsreader_css_file"] = (variables, found)
    return found


def _parse_rules(self, css, read_from, is_default_rules=False, tie_breaker=0, scope=""):
    if (css, read_from, is_default_rules, tie_breaker, scope) in self._parse_cache:
        return _PARSE_RULES(self, css, read_from, is_default_rules, tie_breaker, scope)  # Textual's own cache
    file = _file_for(self)
    if file is None:
        return _PARSE_RULES(self, css, read_from, is_default_rules, tie_breaker, scope)
    key = repr((read_from, is_default_rules, tie_breaker, scope, css))  # the whole input: no two alike
    data = file.get(key)
    if data is not None:
        try:
            rules = pickle.loads(data)
        except Exception:
            rules = None
        if type(rules) is list:
            self._parse_cache[(css, read_from, is_default_rules, tie_breaker, scope)] = rules
            return rules
    rules = _PARSE_RULES(self, css, read_from, is_default_rules, tie_breaker, scope)
    if not any(rule.errors for rule in rules):  # Textual reports those: never kept
        try:
            file.put(key, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:
            pass
    return rules


def _parse(self) -> None:
    _PARSE(self)
    for file in _files.values():
        if file.dirty:
            file.save()


_PARSE_RULES_ARGS = ("self", "css", "read_from", "is_default_rules", "tie_breaker", "scope")


def install() -> None:
    """Put the cache in place (idempotent; called when the app module is imported), unless the Textual installed
    parses with other arguments than the ones this module was written for: then the start-up parses as before."""
    current = getattr(Stylesheet, "_parse_rules", None)
    code = getattr(current, "__code__", None)
    if current is not _parse_rules and (code is None or code.co_varnames[: code.co_argcount] != _PARSE_RULES_ARGS
                                        or not callable(_PARSE)):
        return
    Stylesheet._parse_rules = _parse_rules  # type: ignore[method-assign]
    Stylesheet.parse = _parse  # type: ignore[method-assign]
