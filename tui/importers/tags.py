"""Split a section-tags line ("Latin America Politics USA World") into tags.

News sites print their section tags space-separated, so multi-word tags are not delimited.
We split against a list of multi-word tags we know; every other word is a tag on its own.
"""

from __future__ import annotations

import re

MULTI_WORD_TAGS = [
    "Latin America", "Middle East", "North America", "South America", "Central America",
    "East Asia", "South Asia", "Southeast Asia", "Central Asia", "Asia Pacific", "North Africa",
    "West Africa", "East Africa", "Southern Africa", "Sub-Saharan Africa", "Eastern Europe",
    "Western Europe", "European Union", "United States", "United Kingdom", "United Nations",
    "New York", "New Zealand", "South Africa", "South Korea", "North Korea", "Hong Kong",
    "Saudi Arabia", "Costa Rica", "Puerto Rico", "El Salvador", "Sri Lanka", "Rio de Janeiro",
    "Sao Paulo", "São Paulo", "Buenos Aires", "Mexico City", "Los Angeles", "San Francisco",
    "Breaking News", "Top Stories", "World News", "Local News", "Business News",
    "Climate Change", "Human Rights", "Foreign Policy", "Public Health", "Health Care",
    "Real Estate", "Personal Finance", "Stock Market", "Social Media", "Artificial Intelligence",
    "Science and Technology", "Science & Technology", "Arts and Culture", "Arts & Culture",
    "Food and Drink", "Food & Drink", "Life and Style", "Life & Style", "Oil and Gas", "Oil & Gas",
    "Energy and Environment", "Energy & Environment", "Law and Order", "Crime and Justice",
    "Op Ed", "Fact Check", "Press Release", "Editor's Pick", "Editors' Picks",
]

# Single words that are almost always a section name; used to decide whether a short
# first line is a tags line when nothing else (a repeated title, a Source line) says so.
SECTION_WORDS = {
    "world", "politics", "business", "economy", "economics", "finance", "markets", "money",
    "sport", "sports", "football", "soccer", "tennis", "science", "technology", "tech", "health",
    "culture", "entertainment", "arts", "music", "film", "books", "opinion", "analysis", "editorial",
    "news", "local", "national", "international", "environment", "climate", "energy", "travel",
    "lifestyle", "education", "crime", "justice", "law", "security", "defense", "defence",
    "military", "diplomacy", "elections", "election", "government", "society", "religion",
    "media", "agriculture", "trade", "tourism", "weather", "americas", "europe", "asia", "africa",
    "oceania", "usa", "us", "uk", "eu", "un", "brazil", "mexico", "argentina", "chile", "colombia",
    "peru", "venezuela", "china", "india", "japan", "russia", "ukraine", "france", "germany",
    "spain", "italy", "canada", "australia", "israel", "iran", "gaza", "turkey", "egypt",
    "nigeria", "kenya", "ecuador", "bolivia", "uruguay", "paraguay", "cuba", "haiti", "panama",
}

_MULTI = {tuple(t.casefold().split()): t for t in MULTI_WORD_TAGS}
_LONGEST = max(len(k) for k in _MULTI)
_WORD = re.compile(r"^[A-Z0-9ÀÁÂÃÉÊÍÓÔÕÚÇÑ][\w'’&.-]*$")


def split_tags(line: str) -> list[str]:
    """Split a tags line, matching the longest known multi-word tag first."""
    words = line.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 1, -1):
            key = tuple(w.casefold() for w in words[i:i + n])
            if key in _MULTI:
                out.append(" ".join(words[i:i + n]))
                i += n
                break
        else:
            if words[i] not in ("&", "|", "/", "·", "•"):
                out.append(words[i].strip(",;|"))
            i += 1
    return [t for t in out if t]


def looks_like_tags(line: str) -> bool:
    """A short line of capitalised words with no sentence punctuation (its shape only)."""
    words = line.split()
    if not 1 <= len(words) <= 12 or len(line) > 120:
        return False
    if re.search(r"[.!?:;\"“”]$|[,:;!?\"“”()]", line):
        return False
    return all(_WORD.match(w) or w in ("&", "|", "/", "and", "de", "of") for w in words)


def known_tags(line: str) -> bool:
    """True when every tag of the line is a known multi-word tag or section word."""
    tags = split_tags(line)
    return bool(tags) and all(t in MULTI_WORD_TAGS or t.casefold() in SECTION_WORDS for t in tags)
