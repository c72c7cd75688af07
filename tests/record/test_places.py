import pytest

from narratrace.record.places import default_gazetteer, haversine_km, load_places, normalize


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


@pytest.mark.parametrize("text, names", [
    ("Kafr Jales villages of the province", ["Kafr Jales"]),
    ("Kafr Jallis", ["Kafr Jales"]),
    ("Deir ez-Zor province", ["Deir ez-Zor Governorate"]),
    ("Deir Ezzor", ["Deir ez-Zor"]),
    ("northwestern province of Idlib", ["Idlib Governorate"]),
    ("the Idlib countryside", ["Idlib Governorate"]),
    ("Kafr Dariyan and Kafr Jales", ["Kafr Dariyan", "Kafr Jales"]),
    ("KHAN SHEIKHOUN", ["Khan Shaykhun"]),
    ("Krasny Liman", ["Lyman"]),
    ("كفر جالس", ["Kafr Jales"]),
])
def test_resolves_qualified_and_variant_spellings(gaz, text, names):
    assert [m.place.name for m in gaz.resolve(text).matches] == names


@pytest.mark.parametrize("text", ["a remote hilltop", "Kafr", "the province", "Atlantis", ""])
def test_unknown_places_are_reported_not_guessed(gaz, text):
    res = gaz.resolve(text)
    assert res.unresolved and res.matches == ()


def test_ambiguous_alias_not_used_in_running_text(gaz):
    names = [m.place.name for m in gaz.find_in_text("The State Duma met while Douma was shelled.")]
    assert names == ["Douma"]
    assert gaz.resolve("Duma").matches[0].place.name == "Douma"  # a location slot may still say Duma


def test_normalize_and_distance():
    assert normalize("Deir ez-Zor’s") == normalize("deir ez zors")
    # Douma lies roughly 10 km north-east of Damascus
    g = default_gazetteer()
    d, m = g.get("Douma"), g.get("Damascus")
    assert 7 < haversine_km(d.lat, d.lon, m.lat, m.lon) < 15


def test_user_file_layers_before_builtin(write):
    path = write("places.yaml", "- {name: Testville, aliases: [Kafr Jales], lat: 1.0, lon: 2.0, kind: town}\n")
    g = load_places([path])
    assert g.get("Kafr Jales").name == "Testville"
    assert g.get("Douma") is not None


def test_bad_place_entry_names_file(write):
    from narratrace.errors import InputError
    path = write("bad.yaml", "- {name: Nowhere, lat: 95, lon: 2}\n")
    with pytest.raises(InputError, match="bad.yaml entry 1"):
        load_places([path])
