"""A story summary names a person in full where it first names them.

A summary's line "Quint said ..." came before any line that said who Quint is; the story's other report names her in
full ("Harbour master Marisol Quint"), and the story's entities know her as "Marisol Quint". A summary of so many
sentences (the story view's, the briefing's, `story --sentences`) now shows "Marisol Quint said ...": the sentences
are chosen first, by their own words, and only the shown text changes. A summary of so many words (`--words`) keeps
its words as they are (its budget's; with the names in full there, dev R-1 fell at 100 and 40 words). Our own invented story (tests/stories/first_mention_samples.py) through `newsreader add`,
`story` and `brief`, and unit cases of what is left alone."""

from __future__ import annotations

import json

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.first_mention_samples import FERRY


def test_the_summary_names_her_in_full_where_it_first_names_her(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"ferry{n}", *report) for n, report in enumerate(FERRY)])
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    assert len(rows) == 1 and len(rows[0]["articles"]) == 2
    ident = str(rows[0]["id"])
    got = json.loads(run("story", ident, "--sentences", "3", "--format", "json").stdout)
    texts = [s["text"] for s in got["sentences"]]
    said = [t for t in texts if "said the ferry would stay in dock" in t]
    assert said == ["Marisol Quint said the ferry would stay in dock at Hollowmere until divers had checked the "
                    "whole hull."], texts
    assert "Marisol Quint said the ferry would stay" in run("story", ident, "--sentences", "3").stdout
    assert "- Marisol Quint said the ferry would stay" in run("brief", "--format", "md").stdout
    # a summary of so many words: the words as its budget counted them
    words = json.loads(run("story", ident, "--words", "40", "--format", "json").stdout)["sentences"]
    assert "Quint said the ferry would stay in dock at Hollowmere until divers had checked the whole hull." in [
        s["text"] for s in words], words


def _line(text: str, article: int = 1):
    from tui.stories.summary import StorySentence

    return StorySentence(text, article, "Outlet", "2026-04-10", 0)


def _introduce(texts: list[str], names: list[str]) -> list[str]:
    from tui.engine.types import PERSON
    from tui.stories.people import NameLinker
    from tui.stories.story import introduce

    linker = NameLinker([(PERSON, n, 1) for n in names])
    return [x.text for x in introduce([_line(t) for t in texts], [], linker)]


def test_only_the_first_mention_and_never_inside_a_quotation():
    assert _introduce(["Quint said the quay would reopen.", "Quint said divers were ready."],
                      ["Marisol Quint", "Quint"]) == ["Marisol Quint said the quay would reopen.",
                                                      "Quint said divers were ready."]
    # named in full first: the later line keeps the last name
    assert _introduce(["Marisol Quint closed the quay.", "Quint said divers were ready."], ["Marisol Quint"]) == [
        "Marisol Quint closed the quay.", "Quint said divers were ready."]
    # a quotation's words are hers or another's: never changed (and the line after it names her first)
    assert _introduce(['"Quint was right," the skipper said.', "Quint's crew stayed ashore."], ["Marisol Quint"]) == [
        '"Quint was right," the skipper said.', "Marisol Quint's crew stayed ashore."]
    # a title stays before the name
    assert _introduce(["Mayor Quint said the quay would reopen."], ["Marisol Quint"]) == [
        "Mayor Marisol Quint said the quay would reopen."]


def test_a_last_name_that_could_be_another_is_left_as_it_is():
    # two Quints in the story: which one, the summary cannot say
    assert _introduce(["Quint said the quay would reopen."], ["Marisol Quint", "Tobin Quint"]) == [
        "Quint said the quay would reopen."]
    # part of another name: a street, or another first name before it
    assert _introduce(["Traffic on Quint Street was stopped.", "Tobin Quint spoke first."], ["Marisol Quint"]) == [
        "Traffic on Quint Street was stopped.", "Tobin Quint spoke first."]
    # a "full name" whose first words are no name ("Russian-built Zarya" tagged a person) is none
    assert _introduce(["Zarya reached orbit."], ["Russian-built Zarya"]) == ["Zarya reached orbit."]
    # no full name known: nothing to add
    assert _introduce(["Quint said the quay would reopen."], ["Quint"]) == ["Quint said the quay would reopen."]
