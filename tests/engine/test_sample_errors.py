"""Errors our own sample articles (assets/articles) showed after session 3's rule removals, and the speaker
errors of issue 12 on our own sentences: each must stay fixed."""

from __future__ import annotations

import pytest

from tui.assets import asset
from tui.engine.analysis import analyze
from tui.engine.entities import extract_entities
from tui.importers import import_paths


def _labels(article: str) -> dict[str, set[str]]:
    text = asset("articles", article).read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for e in extract_entities(text):
        out.setdefault(e.text, set()).add(e.label)
    return out


def _app_labels(article: str) -> dict[str, set[str]]:
    """Labels of the names in a sample article's body as the app imports and analyses it (the tags line, title
    and source line are metadata there, not text)."""
    items = list(import_paths([str(asset("articles", article))]))
    assert len(items) == 1 and items[0].ok
    out: dict[str, set[str]] = {}
    for e in extract_entities(items[0].article.body):
        out.setdefault(e.text, set()).add(e.label)
    return out


@pytest.mark.parametrize("article, name", [
    ("danube-delta-polders.md", "Soils"),
    ("danube-delta-polders.md", "Mosquitoes"),
    ("highlands-drone-blood-samples.txt", "Loch Carron"),
    ("indian-ocean-rescue-pact.txt", "Disembarkation"),
    ("highlands-drone-blood-samples.txt", "Wester Ross"),
    ("ljubljana-lost-opera.txt", "Odmev"),
    ("ljubljana-lost-opera.txt", "Vesna"),
    ("marsaxlokk-rovers-group-stage.txt", "Lady"),
    ("rail-ticketing-standard.html", "Crucially"),
    ("rail-ticketing-standard.html", "Tutti"),
])
def test_no_false_person_in_the_sample_articles(article, name):
    assert "PERSON" not in _labels(article).get(name, set())


@pytest.mark.parametrize("article, name", [
    ("highlands-drone-blood-samples.txt", "Inverness"),
    ("morocco-turtle-nest-fossil.md", "Marrakesh"),
    ("rail-ticketing-standard.html", "Milan"),
    ("marsaxlokk-rovers-group-stage.txt", "Ta' Qali"),
])
def test_sample_cities_are_places(article, name):
    assert _labels(article).get(name) and _labels(article)[name] <= {"GPE", "LOC"}


def test_a_street_named_street_word_first_is_a_place_in_the_porto_sample():
    """"Monitoring stations on Rua da Alegria ...": the app listed it under Other (MISC) until session 13's
    street-first rule; a street (FAC) is listed with the places."""
    assert _app_labels("porto-congestion-charge.txt").get("Rua da Alegria") == {"FAC"}


# Places the session-7 document features made organisations or MISC (ENGINE_VERSION 21): each is also named inside
# an organisation's name ("Lower Danube Wetlands Trust", "Potosí Regional Civic Front") in the same article.
# Fixed in session 9: a listed place's mentions leading a longer name give it no document features
# (doc_features.PLACES_IN_RUNS_SILENT = "lead"), weights retrained.
@pytest.mark.parametrize("article, name", [
    ("danube-delta-polders.md", "Danube"),
    ("bolivia-lithium-senate-vote.txt", "Potosí"),
    ("ljubljana-lost-opera.txt", "Kranj"),
    # (session 15: "Manchester" of lodz-battery-plant.md left out: 'Łódź, once known as the "Polish Manchester"' is
    # read as one quoted nickname, MISC, by the Viterbi tagger; the greedy one read "Polish" and the place "Manchester")
])
def test_sample_places_named_inside_organisations_stay_places(article, name):
    labels = _app_labels(article)
    assert labels.get(name) and labels[name] <= {"GPE", "LOC"}


# The people the sample articles had before the document features (ENGINE_VERSION 20), each still a person.
_SAMPLE_PEOPLE = {
    "bolivia-lithium-senate-vote.txt": ["Andrea Villca", "Elvira Mamani", "Julio César Flores", "Marcelo Rojas",
                                        "Rodrigo Quispe"],
    "danube-delta-polders.md": ["Elena Stoica", "Gheorghe Marin", "Radu Ionescu", "Vasile Dumitru"],
    "highlands-drone-blood-samples.txt": ["Callum Ross", "Fiona MacLeod", "Gordon Baird", "Morag Henderson"],
    "indian-ocean-rescue-pact.txt": ["Aurélie Jaunky", "Hannah Okoro", "Nirosha Perera", "Rajiv Menon",
                                     "Samuel Githinji"],
    "ljubljana-lost-opera.txt": ["Ana Kosmač", "Anton Zavrl", "Luka Žagar", "Maja Kranjc", "Nina Bergant",
                                 "Peter Hribar"],
    "lodz-battery-plant.md": ["Henrik Dahlqvist", "Katarzyna Nowicka", "Paweł Zieliński", "Tomasz Baran"],
    "marsaxlokk-rovers-group-stage.txt": ["Jake Vella", "Kurt Azzopardi", "Luca Farrugia", "Mart Tamm",
                                          "Rasmus Kask", "Ryan Camilleri", "Stefan Grech"],
    "morocco-turtle-nest-fossil.md": ["Clara Weiss", "Daniel Okafor", "Hamid Ouchen", "Yasmine Benali"],
    "porto-congestion-charge.txt": ["Helena Matos", "Inês Carvalho", "Jorge Amaral", "Ricardo Teixeira"],
    "rail-ticketing-standard.html": ["Annelies de Vries", "Jonas Albrecht", "Marco Ferrante"],
}


@pytest.mark.parametrize("article", sorted(_SAMPLE_PEOPLE))
def test_every_person_of_the_sample_articles_stays(article):
    labels = _app_labels(article)
    assert [p for p in _SAMPLE_PEOPLE[article] if "PERSON" not in labels.get(p, set())] == []


def test_people_of_the_sample_articles_stay():
    assert "PERSON" in _labels("ljubljana-lost-opera.txt")["Peter Hribar"]
    assert "PERSON" in _labels("rail-ticketing-standard.html")["Marco Ferrante"]


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyze(text).quotes]


def test_the_sayer_not_the_subject_of_what_was_said():
    text = ('The mayor\'s running mate, Ohio Gov. Mark Penn, said the tape was "a clumsy fake made to embarrass '
            'us all."')
    assert _speakers(text) == ["Mark Penn"]


def test_a_spokesman_for_a_company_is_the_speaker():
    text = 'The harbour plan was announced on Monday. "We expect the first ships by spring," a spokesman for Acme said.'
    assert _speakers(text) == ["a spokesman for Acme"]


def test_he_after_an_unnamed_spokesman_is_the_spokesman():
    text = ("Jon Hale, the chief executive of Acme, opened the new yard last year.\n\nA company spokesman said the "
            "figures would be published soon. But he added: \"We are not worried about the winter at all.\"")
    assert _speakers(text) == ["A company spokesman"]


def test_a_transcript_line_names_its_speaker():
    text = ("The council published a record of the hearing.\n\n\"MARIA LOPES: We cannot keep paying for the old "
            "ferry every winter.\"")
    assert _speakers(text) == ["MARIA LOPES"]


def test_a_team_the_tagger_reads_as_an_organisation_is_not_the_he_who_speaks():
    # issue 12: "the Dallas Cowboys" passed the shape of a person's full name and took the coach's "he said"
    text = ("Coach Tom Reyes spoke after the game. The Dallas Cowboys had lost their third match in a row.\n\n"
            "“We did not deserve to win,” he said.")
    assert _speakers(text) == ["Tom Reyes"]


def test_an_office_the_tagger_reads_as_an_organisation_is_not_the_she_who_speaks():
    text = ("Sergeant Ola Berg waited outside the hall. The Public Safety office had sent two cars to the square.\n\n"
            "“The crowd was calm all night,” she said.")
    assert _speakers(text) == ["Ola Berg"]


def test_an_adjective_also_opening_an_organisations_name_is_no_organisation():
    # issue 12: "the Alpine valleys" read "Alpine Heritage Foundation" elsewhere in the article as an organisation
    assert "ORG" not in _app_labels("ljubljana-lost-opera.txt").get("Alpine", set())


def test_a_subheading_in_capitals_names_no_organisation():
    # issue 12: the Porto article's "WHY THE CITY ACTED" gave an organisation "CITY"; the article says "the city"
    assert "CITY" not in _app_labels("porto-congestion-charge.txt")


# Errors the retrains made, fixed by rule units in session 12: the session-9 retrain moved "from Erfoud" (a town) from
# ORG to MISC (rule misc-after-in-is-place); the session-11 tagger (the mean of three seeds' weights) made "lives near
# Applecross" a person (near-a-place) and the party list "Porto Verde" ("The decisive votes came from Porto Verde, a
# two-seat ... list") a place (apposition-body, now for two-word places too).
@pytest.mark.parametrize("article, name, right", [
    ("morocco-turtle-nest-fossil.md", "Erfoud", {"LOC"}),
    ("highlands-drone-blood-samples.txt", "Applecross", {"LOC"}),
    ("porto-congestion-charge.txt", "Porto Verde", {"ORG"}),
    # session 15's Viterbi tagger: "the Scottish Highlands" an organisation (rule landform-last)
    ("highlands-drone-blood-samples.txt", "Scottish Highlands", {"LOC"}),
])
def test_sample_names_the_retrains_got_wrong(article, name, right):
    assert _app_labels(article).get(name) == right


def test_a_name_of_one_word_said_twice_is_a_place():
    # the fossil beds "Kem Kem" were a person after the session-9 retrain (rule repeated-word-place, session 10)
    assert _app_labels("morocco-turtle-nest-fossil.md").get("Kem Kem") == {"LOC"}


def test_an_adjective_and_an_institution_are_one_name():
    # session 9's retrain split "the National and University Library" into a place and a library (rule
    # adjective-and-name, session 10)
    labels = _app_labels("ljubljana-lost-opera.txt")
    assert "National" not in labels and labels.get("National and University Library") == {"ORG"}

