"""Pick the quotes worth showing in the "Key quotes" pane."""

from __future__ import annotations

def rank_quotes(quotes, n=5):
    return list(quotes)[:n]

def key_quotes(text, entities=None, n=5):
    from .extract import extract_quotes
    return rank_quotes(extract_quotes(text, entities), n)

def display_text(q, max_chars=200):
    return q.text
