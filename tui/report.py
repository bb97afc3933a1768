"""Format engine results for the CLI: text, Markdown or JSON, single articles or JSONL batches."""

from __future__ import annotations

from dataclasses import replace

import json
import sys

from tui.cells import cut, cut_title, plural
from tui.textsafe import clean, json_safe, visible


def _summary(text: str, title: str | None, args, budget: int | None = None):
    """(the summary, its sentences as shown alone: quotation marks balanced)."""
    from tui.engine.sentences import split_sentences
    from tui.engine.summarize import summarize
    from tui.engine.summarize.filters import shown_texts

    n = budget or getattr(args, "sentences", None)
    sents = split_sentences(text)
    s = summarize(text, method=getattr(args, "method", "news"), sentences=n,
                  ratio=None if n else getattr(args, "ratio", None), title=title, sents=sents)
    return s, shown_texts(sents, s.sentences)


def _entities(text: str):
    from tui.engine.entities import extract_entities

    return extract_entities(text)


def _quotes(text: str):
    from tui.engine.quotes import extract_quotes
    from tui.engine.quotes.rank import score_quotes

    entities = _entities(text)
    return score_quotes(extract_quotes(text, entities), len(text), entities)  # (each record's "score", as analyze's)


def compute(what: str, text: str, title: str | None, args, budget: int | None = None) -> dict:
    """The JSON record of one article for `what` (summary / entities / quotes)."""
    if what == "summary":
        # "text" is the sentence's span of the body as it is; "display" the sentence as the app shows it alone (a
        # quotation cut at a sentence end gets its missing mark back), what text and Markdown print
        s, shown = _summary(text, title, args, budget)
        rec = {"method": s.method, "summary": s.text(),
               "sentences": [{"text": x.text, "start": x.start, "end": x.end, "score": round(x.score, 4), "display": d}
                             for x, d in zip(s.sentences, shown)]}
        if s.limited:
            rec["limited"] = s.limited
        return rec
    if what == "entities":
        return {"entities": [{"start": e.start, "end": e.end, "label": e.label, "text": e.text, "canonical": e.canonical}
                             for e in _entities(text)]}
    from tui.engine.quotes import display_text, quote_words
    from tui.engine.quotes.groups import group_text, quote_groups
    from tui.engine.sentences import split_sentences

    # Every quoted span stays a record of its own; "group" numbers the quotation it belongs to
    # (pieces split by an attribution share one), and the group's first record carries the
    # joined words people read ("display").
    # "display" is the whole quotation as the app shows it; `--max-chars N` trims it (whole sentences
    # when they fit, else at a word with "…"), never silently.
    limit = getattr(args, "max_chars", None)

    def shown(q) -> str:
        return display_text(q, limit) if limit else quote_words(q)

    records = []
    for number, group in enumerate(quote_groups(_quotes(text), split_sentences(text))):
        joined = shown(replace(group[0], text=group_text(group)))
        for i, q in enumerate(group):
            records.append({"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker,
                            "speaker_start": q.speaker_start, "speaker_end": q.speaker_end,
                            "score": round(q.score, 4), "group": number, "lead": q.lead or None,
                            "display": joined if i == 0 else shown(q)})
    return {"quotes": records}


class BatchLineError(ValueError):
    """A --batch line that is not {"id","text"[,"title"][,"budget_sentences"]}: its "error", in words; `ident`: the
    line's "id" when it has one (its answer carries it, as a good line's does)."""

    def __init__(self, message: str, ident=None) -> None:
        super().__init__(message)
        self.ident = ident


_JSON_KINDS = {list: "a JSON array", str: "a JSON string", int: "a number", float: "a number", bool: "true or false",
               type(None): "null"}
BATCH_LINE = '{"id", "text"[, "title"][, "budget_sentences"]}'


def _batch_record(line: str, n: int, what: str) -> dict:
    """Line `n` of a batch as its record, or BatchLineError saying what is wrong with it ("JSONDecodeError: Expecting
    value: line 1 column 1 (char 0)", "AttributeError: 'list' object has no attribute 'get'", "KeyError: 'text'")."""
    line = line.rstrip("\r\n")
    if "\x00" in line:
        raise BatchLineError(f"line {n} is not JSON text (binary data)")
    try:
        rec = json.loads(line)
    except ValueError as exc:  # (JSONDecodeError; a number too long for int())
        msg, col = getattr(exc, "msg", "unreadable"), getattr(exc, "colno", None)
        where = f" at column {col}" if col else ""
        raise BatchLineError(f"line {n} is not JSON: {msg[:1].lower()}{msg[1:]}{where}") from None
    if not isinstance(rec, dict):
        raise BatchLineError(f"line {n} is {_JSON_KINDS.get(type(rec), 'JSON')}, not an object {BATCH_LINE}")
    ident = rec.get("id")
    if "text" not in rec:
        raise BatchLineError(f'line {n} has no "text" (the article to read): {BATCH_LINE}', ident)
    for key in ("text", "title"):
        value = rec.get(key)
        if not isinstance(value, str) and (key == "text" or value is not None):
            raise BatchLineError(f'"{key}" of line {n} is {_JSON_KINDS.get(type(value), "JSON")}, not a string', ident)
    budget = rec.get("budget_sentences")
    if what == "summary" and budget is not None and (type(budget) is not int or budget < 1):
        shown = json.dumps(budget, ensure_ascii=False)
        raise BatchLineError(f'"budget_sentences" of line {n} is {shown[:40]}, not a whole number from 1', ident)
    return rec


def _batch_file_check(path: str) -> None:
    """CliError for a --batch file that is no file to read lines from: a device (`--batch /dev/zero` read one endless
    line until the memory ran out) or a kernel's file (/proc). A named pipe is read, as `cat` would (`<(cmd)`)."""
    import os
    import stat

    from tui.cli import CliError
    from tui.filekinds import not_a_file, system_files

    st = os.stat(path)  # (OSError: said as the open's would be)
    try:
        empty = os.path.samestat(st, os.stat(os.devnull))  # /dev/null: no lines, as before
    except OSError:
        empty = False
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode) or stat.S_ISDIR(st.st_mode) or empty):
        raise CliError(f"{visible(path)}: {not_a_file(st.st_mode)}")
    if not empty and (system := system_files(st.st_dev, not_what="a JSONL file")) is not None:
        raise CliError(f"{visible(path)}: {system}")


def run_batch(args, what: str) -> int:
    """One JSON line out per JSONL line in; a bad line gets an error line and the batch goes on."""
    from tui.cli import CliError

    failures = lines = 0
    try:
        if args.batch == "-" and sys.stdin is None:  # a closed stdin (`<&-`): "AttributeError: 'NoneType' ..."
            raise CliError("--batch -: no standard input to read (it is closed)")
        if args.batch != "-":
            _batch_file_check(args.batch)
        fh = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8", errors="replace")
    except OSError as exc:  # "[Errno 2] No such file or directory: 'x.jsonl'", as add and summary say it
        from tui.filekinds import os_reason

        why = "a folder, not a JSONL file" if isinstance(exc, IsADirectoryError) else os_reason(exc)
        raise CliError(f"{visible(args.batch)}: {why}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            lines += 1
            ident = None
            try:
                rec = _batch_record(line, n, what)
                ident = rec["id"] if "id" in rec else n
                result = {"id": ident, **compute(what, rec["text"], rec.get("title"), args, rec.get("budget_sentences"))}
            except BatchLineError as exc:  # a line that is not what the batch reads: said in words
                failures += 1
                result = {"id": exc.ident if exc.ident is not None else n, "error": str(exc)}
            except Exception as exc:  # one bad line must not stop the batch
                failures += 1
                result = {"id": ident if ident is not None else n, "error": f"{type(exc).__name__}: {exc}"}
            sys.stdout.write(json_safe(json.dumps(result, ensure_ascii=False)) + "\n")
    if not lines:  # it printed nothing and exited 0, as if all had gone well
        print(f"no lines to read in {'stdin' if args.batch == '-' else visible(args.batch)}", file=sys.stderr)
    return 1 if failures else 0


def print_single(args, what: str, title: str, text: str, name: str = "the text",
                 read_whole: str = "read the text itself") -> None:
    """Print one article's summary, entities or quotes in `args.format`. A summary of a text with no sentence in it
    (a list of words or figures: `add` skips such a file) is a failure said in one line (CliError, exit 1) naming
    `name` (the article or file): it printed "Summary of “apple” (news, 0 sentences)" and exited 0. So is one whose
    sentences are all too short (or boilerplate) for a summary to pick, saying so and `read_whole` (what to do)."""
    rec = compute(what, text, title, args)
    fmt = args.format
    if what == "summary" and not rec["sentences"]:
        from tui.cli import CliError

        if not _has_sentences(text):
            raise CliError(f"{name}: no sentences to summarise (a list of words or figures, not prose)")
        # sentences, but none a summary may pick: "Summary of “Short things” (news, 0 sentences)", exit 0
        raise CliError(f"{name}: nothing to summarise: {none_picked(text, rec['method'])}; {read_whole}")
    if fmt == "json":
        sys.stdout.write(json_safe(json.dumps({"title": title, **rec}, ensure_ascii=False)) + "\n")
        return
    lines: list[str] = []
    # text: the title, entity names and speakers cut with "…" as the app cuts them (Markdown and JSON: whole; in
    # Markdown the article's words read as words: no link, HTML or code span of theirs is live)
    from tui.textsafe import md_literal

    md = md_literal if fmt == "md" else (lambda text: text)
    named = cut if fmt == "text" else md
    if what == "summary":
        head = f"Summary of “{md(title) if fmt == 'md' else cut_title(title)}” ({rec['method']}, {plural(len(rec['sentences']), 'sentence')})"
        lines.append(f"## {head}\n" if fmt == "md" else head)
        for i, s in enumerate(rec["sentences"], 1):
            lines.append(f"{i}. {md(s['display'])}")
        if rec.get("limited"):
            lines.append(f"({rec['limited']})")
    elif what == "entities":

        if fmt == "md":
            lines.append(f"## Entities in “{md(title)}”\n")
        for heading, items in group_entities_as_rows(rec["entities"]):
            # Markdown: a blank line before each heading and its list (a heading on the line after a list item is
            # more of that item's text to a Markdown reader, "Rita Moniz (2) Organisations")
            lines.append(f"{heading}:" if fmt == "text" else f"**{heading}**\n")
            for entity, count in items:
                lines.append(f"  {named(entity)} ({count})" if fmt == "text" else f"- {md(entity)} ({count})")
            if fmt == "md":
                lines.append("")
        if not rec["entities"]:
            lines.append("no entities found")  # as `quotes` says "no quotes found" (it printed nothing at all)
    else:
        if fmt == "md":
            lines.append(f"## Key quotes in “{md(title)}”\n")
        shown = set()
        for q in rec["quotes"]:
            if q.get("group") in shown:
                continue  # a later piece of a quotation already shown whole
            shown.add(q.get("group"))
            who = named(q["speaker"]) or "unattributed"
            said = md(f"{q['lead']} “{q['display']}”" if q.get("lead") else f"“{q['display']}”")  # (Quote.lead)
            lines.append(f"{said} — {who}" if fmt == "text" else f"> {said}\n> — {who}\n")
        if not rec["quotes"]:
            lines.append("no quotes found")
    sys.stdout.write(clean("\n".join(lines)) + "\n")


def none_picked(text: str, method: str = "news") -> str:
    """Why a summary picked none of a text's sentences: each is under MIN_WORDS words, or left out as a summary
    leaves out boilerplate and quotations without their speaker; or the method could weigh none of those it may pick
    (sumy's LexRank or LSA on a text of common words only)."""
    from tui.engine.sentences import split_sentences
    from tui.engine.summarize.filters import MIN_WORDS, eligible, word_count

    from tui.engine.summarize import MAX_SENTENCE_CHARS, MAX_SUMMARY_CHARS

    sents = split_sentences(text)
    if not any(s.start < MAX_SUMMARY_CHARS and s.end - s.start <= MAX_SENTENCE_CHARS for s in sents):
        # (a text with no full stop: its one "sentence" 5,000 words long)
        return f"its sentences run over {MAX_SENTENCE_CHARS:,} characters (no full stops), too long to pick"
    if all(word_count(s.text) < MIN_WORDS for s in sents):
        return f"every sentence is under {MIN_WORDS} words, too short for a summary to pick"
    if any(eligible(sents)):
        return f"{method} could rank none of its sentences (too few words it weighs); another --method may"
    return (f"no sentence a summary may pick (each is under {MIN_WORDS} words, boilerplate, or a quotation without "
            "its speaker)")


def _has_sentences(text: str) -> bool:
    """Whether the text has a sentence with a word in it (a list of figures splits into "12", "7" ...)."""
    from tui.engine.sentences import split_sentences

    return any(ch.isalpha() for s in split_sentences(text) for ch in s.text)


def print_card(args, article, name: str = "the text", read_whole: str = "read the text itself") -> None:
    """`summary --format md --quotes`: the title, source line, summary and key quotes as Markdown, the text the app's
    `Y` copies (its toast names this command), by the same code (tui.app.copytext, which imports no Textual). With no
    summary sentence and no quote it would be the title alone: that is said in one line, as `summary` says it."""
    from tui.app import copytext
    from tui.engine.analysis import analyze

    analysis = analyze(article.body, title=article.title, method=args.method, sentences=args.sentences,
                       ratio=None if args.sentences else args.ratio)
    if not (analysis.summary and analysis.summary.sentences) and not analysis.quotes:
        from tui.cli import CliError

        if not _has_sentences(article.body):
            raise CliError(f"{name}: no sentences to summarise (a list of words or figures, not prose)")
        raise CliError(f"{name}: nothing to summarise: {none_picked(article.body, args.method)}; {read_whole}")
    sys.stdout.write(clean(copytext.markdown(article, analysis)))


def group_entities_as_rows(entities: list[dict]) -> list[tuple[str, list[tuple[str, int]]]]:
    """[(heading, [(canonical, count), ...]), ...]: the app's entities section (People, Organisations, Places, Dates
    and times, Money and quantities, Other, in that order; names by count, forms differing in case as one), not the
    tagger's labels (PERSON, GPE, NORP ...) the text and Markdown printed. JSON keeps the labels."""
    from types import SimpleNamespace

    from tui.entity_kinds import entity_groups

    return [(heading, names) for _key, heading, names in entity_groups(
        SimpleNamespace(label=e["label"], canonical=e.get("canonical"), text=e["text"]) for e in entities)]
