"""A point for places the gazetteer cannot point: streets, buildings, venues.

"Royal Street" or "the Carnegie Library" has no entry among GeoNames' towns,
but a story that names it almost always names the town it is in first. Such
a place takes the point of the nearest town or city named before it (else
the first one named after it), with the lowest confidence: the map shows it
where the story is, and a reader can tell it from a resolved place.

A linking step: it reads the places the gazetteer resolved, in the order
the story names them, and returns them with points filled in.
"""

from __future__ import annotations

from collections.abc import Callable

from newsarchive.article import Place

# How sure a point borrowed from the town around a place is.
ANCHORED_CONFIDENCE = 0.3


def anchor_unplaced(
    places: list[Place],
    is_locality: Callable[[Place], bool],
    is_landmark: Callable[[Place], bool],
) -> list[Place]:
    """``places`` in story order, each landmark without a point given its town's.

    Only landmarks: a village the gazetteer lacks ("the village of Lytton")
    is not inside the town named before it.
    """
    towns = [index for index, place in enumerate(places) if is_locality(place)]
    if not towns:
        return places
    anchored = []
    for index, place in enumerate(places):
        if place.location is None and is_landmark(place):
            before = [t for t in towns if t < index]
            town = places[before[-1] if before else towns[0]]
            place = place.model_copy(
                update={"location": town.location, "confidence": ANCHORED_CONFIDENCE}
            )
        anchored.append(place)
    return anchored
