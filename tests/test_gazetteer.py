"""The domain gazetteer: typed actors, alias lookup, EntityRuler ahead of NER."""
from __future__ import annotations

import logging

import pytest
import spacy

from narratrace import gazetteer as G

logging.getLogger("narratrace.gazetteer").setLevel(logging.ERROR)


def test_packaged_actors_load_with_types():
    gaz = G.load()
    assert all(a.type in G.ACTOR_TYPES for a in gaz.actors)
    assert gaz.actor("Hmeimim centre").name == "Russian Reconciliation Center for Syria"
    assert gaz.actor("Russia’s Defence Ministry").name == "Russian Ministry of Defence"
    assert gaz.actor("Jabhat al-Nusra").type == "armed_group"
    assert gaz.actor("Syria Civil Defence").name == "White Helmets"
    assert gaz.actor("the defense ministry") is None  # a description, not a name
    assert "Russian Ministry of Defence" in [a.name for a in gaz.described_by("the military")]


def test_spelling_variants():
    v = G.spelling_variants("Russia's Defence Centre")
    assert "Russia’s Defense Center" in v and "Russia's Defence Centre" in v


def test_bad_actor_file_names_the_entry(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="actor 1"):
        list(G._actors_from({"actors": [{"name": "X", "type": "wizard"}]}, "x.yaml"))


def test_entity_ruler_on_a_blank_pipeline():
    nlp = spacy.blank("en")
    gaz = G.Gazetteer(
        actors=[G.Actor("Hayat Tahrir al-Sham", "armed_group", "ORG", ("HTS", "Tahrir al-Sham")),
                G.Actor("World Health Organization", "international_body", "ORG", ("WHO",))],
        places=[G.Place("Kafr Jales", ("Kafr Jallis",), kind="village"),
                G.Place("Harem", ("Harim",), kind="town", ambiguous=("Harem",))])
    G.add_entity_ruler(nlp, gaz)
    G.add_entity_ruler(nlp, gaz)  # idempotent
    assert nlp.pipe_names.count(G.RULER_NAME) == 1
    doc = nlp("Fighters of Tahrir al-Sham (HTS) reached Kafr Jallis, who said the WHO knew. The harem was empty.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("HTS", "ORG", "Hayat Tahrir al-Sham") in ents
    assert ("Kafr Jallis", "GPE", "Kafr Jales") in ents
    assert ("WHO", "ORG", "World Health Organization") in ents
    assert not any(e.text.lower() in ("who", "harem") and e.text != "WHO" for e in doc.ents)


def test_shared_pipeline_has_ruler_before_ner():
    from narratrace.nlp import get_nlp

    nlp = get_nlp()
    names = nlp.pipe_names
    assert names.index(G.RULER_NAME) < names.index("ner")
    doc = nlp("Members of the Takfiri Hayat Tahrir al-Sham (HTS) outfit and Russia's Defence Ministry, in 2014.On Monday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("HTS") == "ORG" and labels.get("Russia's Defence Ministry") == "ORG"
    assert "2014" in [t.text for t in doc]  # "2014.On" split into two sentences


def test_packaged_places_have_coordinates_in_their_country_and_unique_aliases():
    gaz = G.load()
    # rough bounding boxes of the countries the packaged places lie in
    boxes = {"Syria": (32, 38, 35, 43), "Ukraine": (44, 53, 22, 41), "Moldova": (45, 49, 26, 31),
             "Russia": (41, 82, 19, 180), "United Kingdom": (49, 61, -9, 2), "Poland": (49, 55, 14, 25),
             "Kosovo": (41.8, 43.3, 20, 21.9), "Bosnia and Herzegovina": (42.5, 45.3, 15.7, 19.7),
             "Mali": (10, 25, -12.5, 4.5), "Libya": (19.5, 33.2, 9.3, 25.2), "Armenia": (38.8, 41.3, 43.4, 46.7)}
    seen: dict[str, str] = {}
    for p in gaz.places:
        lo_lat, hi_lat, lo_lon, hi_lon = boxes[p.country]
        assert lo_lat <= p.lat <= hi_lat and lo_lon <= p.lon <= hi_lon, p.name
        for alias in (p.name, *p.aliases):
            assert seen.setdefault(alias.casefold(), p.name) == p.name, alias
    kharkiv = next(p for p in gaz.places if p.name == "Kharkiv")
    assert kharkiv.label == "GPE" and "Kharkov" in kharkiv.aliases


def test_the_shared_pipeline_tags_wartime_ukrainian_places():
    from narratrace.nlp import get_nlp

    doc = get_nlp()("Shelling near the Zaporizhzhia NPP and in Kharkov, Izyum and Donbass was reported.")
    found = {(e.text, e.ent_id_) for e in doc.ents}
    assert {("Zaporizhzhia NPP", "Zaporizhzhia Nuclear Power Plant"), ("Kharkov", "Kharkiv"),
            ("Izyum", "Izium"), ("Donbass", "Donbas")} <= found
