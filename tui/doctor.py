"""`newsreader doctor`: what this machine offers the app (NLP backends, clipboard routes)."""

from __future__ import annotations

import importlib.util
import os
import shutil


def _nltk_data() -> list[str]:
    """Optional NLTK data packages that happen to be installed (none are required)."""
    try:
        import nltk.data
    except ImportError:
        return []
    found = []
    for name in ("tokenizers/punkt_tab", "taggers/averaged_perceptron_tagger_eng", "chunkers/maxent_ne_chunker_tab"):
        try:
            nltk.data.find(name)
            found.append(name.split("/")[1])
        except LookupError:
            pass
    return found


def clipboard_routes() -> list[str]:
    """Clipboard routes available here: OSC 52 always, plus the system tools found on PATH."""
    routes = ["OSC 52 (terminal)" + (" via tmux passthrough" if os.environ.get("TMUX") else "")]
    tools = {"wl-copy": "WAYLAND_DISPLAY", "xclip": "DISPLAY", "xsel": "DISPLAY", "pbcopy": None, "clip.exe": None}
    for tool, env in tools.items():
        if shutil.which(tool):
            note = "" if env is None or os.environ.get(env) else f" (no ${env}: unusable in this session)"
            routes.append(tool + note)
    return routes


def report_lines() -> list[str]:
    from tui.engine.analysis import ENGINE_VERSION

    lines = [f"engine:    v{ENGINE_VERSION}, built-in offline models (no downloads needed)"]
    data = _nltk_data()
    lines.append("nltk data: " + (", ".join(data) if data else "none installed (not needed)"))
    spacy = importlib.util.find_spec("spacy") is not None
    lines.append("spaCy:     " + ("installed (optional)" if spacy else "not installed (optional)"))
    lines.append("clipboard: " + "; ".join(clipboard_routes()))
    return lines
