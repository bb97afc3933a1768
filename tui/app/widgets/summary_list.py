"""The summary pane's list: numbered summary sentences, key quotes with speakers, entities by type.

One OptionList so one cursor walks all three sections; headings are disabled options.
Option ids say what a line is: "s:N" sentence, "q:N" quote, "e:N" entity group.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.app import keymap
from tui.app.widgets.focus_style import QuietFocus
from tui.app.widgets.entity_types import TYPES, type_of
from tui.app.widgets.scroll_size import quiet_virtual_size, relayout_if_needed
from tui.textsafe import clean


def one_line(text: str) -> str:
    """Untrusted text as one clean line."""
    return " ".join(clean(text).split())


def entity_groups(entities) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """[(type key, heading, [(canonical name, mentions), ...])] most-mentioned first, empty types left out.

    Names are as the engine gave them (the store indexes that exact string); clean them to display.
    """
    counts: dict[str, dict[str, int]] = {}
    for ent in entities:
        name = ent.canonical or ent.text  # raw: the store's entity index uses the same string
        if one_line(name):
            bucket = counts.setdefault(type_of(ent.label), {})
            bucket[name] = bucket.get(name, 0) + 1
    out = []
    for key, _name, heading, _labels in TYPES:
        if key in counts:
            names = sorted(counts[key].items(), key=lambda kv: (-kv[1], kv[0].casefold()))
            out.append((key, heading, names))
    return out


class SummaryList(QuietFocus, OptionList):
    """Select a sentence or quote to find it in the article; an entity to filter the library."""

    BINDINGS = keymap.bindings(keymap.SUMMARY)
    COMPONENT_CLASSES = {"summary-list--heading", "summary-list--speaker", "summary-list--count"}

    virtual_size = quiet_virtual_size()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.analysis = None
        self.entity_names: list[tuple[str, str]] = []  # (type key, canonical name) by option number

    HELP = ("The summary (numbered, in article order), the key quotes with their speakers, and the "
            "entities by type. enter on a sentence or quote finds it in the article; enter on an "
            "entity lists the articles that mention it.")

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        relayout_if_needed(self, old, new)

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)  # restyled without a screen layout (focus_style.py)
        # Arriving with tab should put the cursor on something selectable straight away.
        if has_focus and self.highlighted is None and self.option_count:
            self.action_first()

    def show(self, analysis, method_label: str = "") -> None:
        """Fill the list from an Analysis (None empties it)."""
        self.analysis = analysis
        self.entity_names = []
        highlighted = self.highlighted
        options: list[Option | None] = []
        if analysis is not None:
            # None is an OptionList separator line between the three sections.
            options += self._summary(analysis, method_label)
            options += [None, *self._quotes(analysis)]
            options += [None, *self._entities(analysis)]
        self.set_options(options)
        if highlighted is not None and options:
            self.highlighted = min(highlighted, len(options) - 1)

    def _heading(self, text: str) -> Option:
        return Option(Text(text, self.get_component_rich_style("summary-list--heading", partial=True)), disabled=True)

    def _summary(self, analysis, method_label: str) -> list[Option]:
        sentences = analysis.summary.sentences if analysis.summary else []
        out = [self._heading(f"Summary · {method_label}" if method_label else "Summary")]
        if not sentences:
            out.append(Option(Text("(no summary for this text)"), disabled=True))
        for number, sent in enumerate(sentences, 1):
            line = Text(f"{number}. ")
            line.append(one_line(sent.text))
            out.append(Option(line, id=f"s:{number - 1}"))
        return out

    def _quotes(self, analysis) -> list[Option]:
        out = [self._heading(f"Key quotes ({len(analysis.quotes)})")]
        if not analysis.quotes:
            out.append(Option(Text("(no direct quotes)"), disabled=True))
        for number, quote in enumerate(analysis.quotes):
            line = Text(f"“{one_line(quote.text)}”")
            if quote.speaker:
                line.append(f" — {one_line(quote.speaker)}",
                            self.get_component_rich_style("summary-list--speaker", partial=True))
            out.append(Option(line, id=f"q:{number}"))
        return out

    def _entities(self, analysis) -> list[Option]:
        out = [self._heading("Entities")]
        groups = entity_groups(analysis.entities)
        if not groups:
            out.append(Option(Text("(none found)"), disabled=True))
        count_style = self.get_component_rich_style("summary-list--count", partial=True)
        for key, heading, names in groups:
            out.append(self._heading(f"{heading} ({len(names)})"))
            for name, mentions in names:
                line = Text("  " + one_line(name))
                line.append(f" ×{mentions}", count_style)
                out.append(Option(line, id=f"e:{len(self.entity_names)}"))
                self.entity_names.append((key, name))
        return out
