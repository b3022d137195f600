from indexer.anchoring import ANCHORED_CONFIDENCE, anchor_unplaced
from newsarchive.article import GeoPoint, Place

NEW_ORLEANS = Place(
    id="geonames:4335045", name="New Orleans", location=GeoPoint(lat=29.95, lon=-90.07)
)
USA = Place(id="geonames:6252001", name="United States", location=GeoPoint(lat=39.76, lon=-98.5))
PARIS = Place(id="geonames:2988507", name="Paris", location=GeoPoint(lat=48.85, lon=2.35))
STREET = Place(name="Royal Street", mention="Royal Street", confidence=0.4)
LIBRARY = Place(name="Carnegie Library", mention="Carnegie Library", confidence=0.4)
AREAS = {USA.id}


def _is_locality(place: Place) -> bool:
    return place.location is not None and place.id not in AREAS


def _is_landmark(place: Place) -> bool:
    return place.name in {"Royal Street", "Carnegie Library"}


def test_a_village_kept_by_name_is_not_moved_into_another_town() -> None:
    village = Place(name="Lytton", mention="Lytton", confidence=0.4)
    assert anchor_unplaced([NEW_ORLEANS, village], _is_locality, _is_landmark)[1] == village


def test_a_street_takes_the_point_of_the_town_named_before_it() -> None:
    anchored = anchor_unplaced(
        [USA, NEW_ORLEANS, STREET, PARIS, LIBRARY], _is_locality, _is_landmark
    )
    assert anchored[2].location == NEW_ORLEANS.location
    assert anchored[2].confidence == ANCHORED_CONFIDENCE
    assert anchored[4].location == PARIS.location  # the nearest before it, not the first
    assert anchored[:2] == [USA, NEW_ORLEANS]  # resolved places are untouched


def test_before_any_town_the_first_town_named_after_it_and_never_a_country() -> None:
    assert anchor_unplaced([STREET, USA, NEW_ORLEANS], _is_locality, _is_landmark)[0].location == (
        NEW_ORLEANS.location
    )
    assert anchor_unplaced([STREET, USA], _is_locality, _is_landmark)[0].location is None
