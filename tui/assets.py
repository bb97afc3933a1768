"""Locate the shipped assets (sample articles, model weights, word lists)."""

from __future__ import annotations

from pathlib import Path


def assets_dir() -> Path:
    """Return the assets folder: inside the installed package, else the checkout's top-level one."""
    here = Path(__file__).resolve().parent
    packaged = here / "_assets"
    if packaged.is_dir():
        return packaged
    return here.parent / "assets"


def asset(*parts: str) -> Path:
    """Path of one asset, e.g. asset("models", "ner.json.gz")."""
    return assets_dir().joinpath(*parts)


def model_weights(name: str) -> dict[str, float]:
    """The feature weights of a small shipped model (assets/models/NAME, JSON with a "weights" object), or {}
    when the file is missing or unreadable: the model is then off and its rules decide alone."""
    import json

    try:
        with asset("models", name).open(encoding="utf-8") as f:
            return {k: float(v) for k, v in json.load(f)["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def word_set(*parts: str) -> frozenset[str]:
    """The words of a shipped word list (assets/PARTS...), lower case: whitespace separates them, "#" starts a comment
    to the end of its line. Empty when the file is missing or unreadable."""
    try:
        text = asset(*parts).read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return frozenset()
    return frozenset(w.lower() for line in text.splitlines() for w in line.split("#", 1)[0].split())
