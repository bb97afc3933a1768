"""Names in prose outside news (issue 12: interviews, biographies, speeches, travel writing, letters). The texts
are our own, written for session 16 with their names tagged by hand before the tagger read them; each test holds
an error the entity pass made on them."""

from __future__ import annotations

from tui.engine.entities import extract_entities

INTERVIEW = """Wikinews interviewed Carlos Mendes, the Green Party candidate for mayor of Porto Alegre.

Wikinews: Your rival, Ana Ribeiro, says you have no experience.

Carlos Mendes: I ran the water cooperative in Canoas for ten years. Ask Petrobras how hard I negotiate.
"""

ISLAND = """The Isle of Mull is reached by ferry from Oban, a ride of under an hour.

Understand

The island's main town, Tobermory, is famous for its painted houses."""

TRAVEL = """Our guide led us through the medina to the old tannery. Ask Youssef at the riad about a driver for the
desert; he knows every road south of Fez."""


def _names(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in extract_entities(text) if e.label in ("PERSON", "ORG", "GPE", "LOC")}


def test_an_order_opening_a_transcript_turn_is_no_part_of_the_company_after_it():
    names = _names(INTERVIEW)
    assert ("Petrobras", "ORG") in names  # was "Ask Petrobras"
    assert ("Carlos Mendes", "PERSON") in names and ("Ana Ribeiro", "PERSON") in names


def test_an_order_in_travel_advice_is_no_part_of_the_person_after_it():
    names = _names(TRAVEL)
    assert ("Youssef", "PERSON") in names  # was "Ask Youssef"
    assert not any(text.startswith("Ask") for text, _ in names)


def test_an_isle_named_in_a_travel_guide_is_a_place():
    names = _names(ISLAND)
    assert ("Isle of Mull", "LOC") in names  # was an organisation
    assert ("Tobermory", "GPE") in names or ("Tobermory", "LOC") in names


LAKE = """Lake Vessa is quiet in winter, when the ferries stop.

See

* Vessa Castle sits on a cliff above the water.
* Vessa Gorge is a short walk north of town."""

TRANSCRIPT = """JUNE HOLLAND: Welcome back. You spent a year in Greenland.

TOMAS BRECK: I did, at a weather station run by the Danish Meteorological Institute.

JUNE HOLLAND: Was it lonely?

TOMAS BRECK: Not really. My sister Ada came out in the summer."""


def test_a_lakes_name_is_a_place_alone_and_in_the_longer_names_it_opens():
    names = _names(LAKE)
    assert ("Lake Vessa", "LOC") in names  # was "Vessa" alone, a person
    assert ("Vessa Castle", "LOC") in names and ("Vessa Gorge", "LOC") in names  # were persons
    assert not any(label == "PERSON" for _, label in names)


def test_a_speaker_turn_in_capitals_is_a_person_even_when_its_first_name_is_a_month():
    found = [(e.text, e.label) for e in extract_entities(TRANSCRIPT)]
    assert found.count(("JUNE HOLLAND", "PERSON")) == 2  # "JUNE" is a month: the tagger missed both turns
    assert found.count(("TOMAS BRECK", "PERSON")) == 2
    assert ("Greenland", "GPE") in found and ("Ada", "PERSON") in found


LETTER = """Thank you for the parcel. The flat is cold and the landlord, Mr Brannock, will not mend the boiler until
the spring. I wrote to Mrs Okafor downstairs and to Dr Hale about the damp."""

SPEECH = """I want to thank Councillor Pryce as well, who fought for the library when nobody else would."""

BIOGRAPHY = """Edda Lincoln grew up on a farm near Tulsa. Lincoln said she never wanted to leave it, and years later
Lincoln wrote a book about it. Her friend Tomas Florence lived in Rome for ten years; Florence said the city taught
him patience."""


def test_a_title_without_its_full_stop_stays_outside_the_person_after_it():
    """British letters and speeches write "Mr Brannock" with no full stop (session 22; was "Mr Brannock" PERSON)."""
    names = _names(LETTER)
    assert {("Brannock", "PERSON"), ("Okafor", "PERSON"), ("Hale", "PERSON")} <= names
    assert not any(text.split()[0] in ("Mr", "Mrs", "Dr") for text, _ in names)
    assert ("Pryce", "PERSON") in _names(SPEECH)  # was "Councillor Pryce"


def test_a_surname_that_is_also_a_city_stays_the_person_in_a_biography():
    names = [(e.text, e.label) for e in extract_entities(BIOGRAPHY)]
    assert names.count(("Lincoln", "PERSON")) == 2 and ("Edda Lincoln", "PERSON") in names
    assert ("Florence", "PERSON") in names and ("Rome", "GPE") in names
    assert ("Tulsa", "GPE") in names or ("Tulsa", "LOC") in names


# Session 24: a given name used alone after the article names the person in full (rule given-name-alone).
LIFE = """Tomas Vinje was born on a farm above the fjord. In 1958 he married Edith Pell, a nurse at the clinic in
the valley. Edith wanted a house by the sea; Tomas wanted to stay near his brothers."""


def test_a_given_name_alone_is_the_person_the_article_named_in_full():
    names = _names(LIFE)
    assert ("Edith", "PERSON") in names  # the tagger alone: MISC
    assert ("Edith Pell", "PERSON") in names and ("Tomas Vinje", "PERSON") in names


def test_only_words_news_writes_before_names_or_does_not_know_count_as_given_names():
    from tui.engine.entities.evidence import _given_names
    from tui.engine.types import PERSON, Entity

    def person(text: str) -> Entity:
        return Entity(0, len(text), PERSON, text, text)

    # "Edith": news writes it before a surname (name_openers.txt); "Brannagh": unknown to the clusters; "Lesotho":
    # a listed place; "Biogen": news knows it, mostly not before another name; "PSA": capitals; "Ice": news mostly
    # writes it in lower case
    got = _given_names([person(t) for t in ("Edith Pell", "Brannagh Lusk", "Lesotho Weavers", "Biogen Idec",
                                            "PSA Halvorsen", "Ice Cube")])
    assert got == {"Edith", "Brannagh"}
