import pytest

from indexer.gazetteer import gazetteer


@pytest.mark.parametrize(
    ("mention", "name", "country"),
    [
        ("Paris", "Paris", "FR"),
        ("MOSCOW", "Moscow", "RU"),
        ("Syria", "Syria", "SY"),
        ("the Caspian Sea", "Caspian Sea", None),
        ("US", "United States", "US"),
        ("Cologne", "Cologne", "DE"),
        ("Hama province", "Hama province", "SY"),
        ("Texas", "Texas", "US"),
    ],
)
def test_resolution(mention: str, name: str, country: str | None) -> None:
    place = gazetteer().resolve(mention)
    assert place is not None
    assert (place.name, place.country_code, place.mention) == (name, country, mention)
    assert place.location is not None and place.confidence is not None


def test_context_does_not_move_a_capital_to_a_small_town() -> None:
    place = gazetteer().resolve("Moscow", {"US"})
    assert place is not None and place.country_code == "RU"


def test_unknown_names_are_not_places() -> None:
    assert gazetteer().resolve("Narnia") is None


def test_countries_have_a_point_inside_them() -> None:
    syria = gazetteer().country("SY", "Syrian", 0.6)
    assert syria is not None and syria.location is not None
    assert 32 < syria.location.lat < 37.5 and 35.5 < syria.location.lon < 42.5
