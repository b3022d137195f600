"""The shipped saved objects: well-formed, self-contained, and backed by real aggregations."""

from __future__ import annotations

import json
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from kibana.build import saved_objects
from newsarchive.index import index_definition
from newsarchive.kibana import SAVED_OBJECTS

AGGREGATABLE = {"keyword", "date", "geo_point", "float", "long", "integer", "boolean"}
REQUIRED = {
    "visualization": ["title", "visState"],
    "map": ["title", "layerListJSON"],
    "dashboard": ["title", "panelsJSON"],
    "index-pattern": ["title", "timeFieldName"],
}


def _objects() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAVED_OBJECTS.read_text().splitlines() if line.strip()]


def _mapping_types() -> dict[str, str]:
    types: dict[str, str] = {}

    def walk(properties: dict[str, Any], prefix: str) -> None:
        for name, spec in properties.items():
            path = f"{prefix}{name}"
            if "properties" in spec:
                walk(spec["properties"], f"{path}.")
            else:
                types[path] = spec["type"]
            for sub, sub_spec in spec.get("fields", {}).items():
                types[f"{path}.{sub}"] = sub_spec["type"]

    walk(index_definition()["mappings"]["properties"], "")
    return types


def _fields_used(obj: dict[str, Any]) -> list[str]:
    attributes = obj["attributes"]
    if obj["type"] == "index-pattern":
        return [attributes["timeFieldName"]]
    if obj["type"] == "map":
        return [
            layer["sourceDescriptor"]["geoField"]
            for layer in json.loads(attributes["layerListJSON"])
            if "geoField" in layer["sourceDescriptor"]
        ]
    if obj["type"] == "visualization":
        state = json.loads(attributes["visState"])
        fields = [a["params"]["field"] for a in state["aggs"] if "field" in a.get("params", {})]
        fields += [c["fieldName"] for c in state["params"].get("controls", [])]
        return fields
    return []


def test_the_file_is_what_the_builder_makes() -> None:
    assert _objects() == [json.loads(json.dumps(o, sort_keys=True)) for o in saved_objects()]


def test_every_line_parses_and_has_what_its_type_needs() -> None:
    objects = _objects()
    assert len({(o["type"], o["id"]) for o in objects}) == len(objects)
    for obj in objects:
        for key in REQUIRED[obj["type"]]:
            assert obj["attributes"].get(key), (obj["id"], key)
        for key in ("visState", "panelsJSON", "layerListJSON", "mapStateJSON", "optionsJSON"):
            if key in obj["attributes"]:
                json.loads(obj["attributes"][key])
    kinds = {o["type"] for o in objects}
    assert kinds == {"index-pattern", "visualization", "map", "dashboard"}


def test_every_reference_resolves_inside_the_file() -> None:
    objects = _objects()
    present = {(o["type"], o["id"]) for o in objects}
    for obj in objects:
        names = set()
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in present, (obj["id"], ref)
            names.add(ref["name"])
        text = json.dumps(obj["attributes"])
        # Every ref name the attributes use is declared, and vice versa.
        for name in names:
            assert (
                name in text
                or name == "kibanaSavedObjectMeta.searchSourceJSON.index"
                and "indexRefName" in text
            ), (obj["id"], name)
    dashboard = next(o for o in objects if o["type"] == "dashboard")
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    assert {p["panelRefName"] for p in panels} == {r["name"] for r in dashboard["references"]}
    shown = {r["id"] for r in dashboard["references"]}
    assert shown == {o["id"] for o in objects if o["type"] in ("visualization", "map")}


@pytest.mark.faults
def test_the_data_view_is_on_the_alias_with_published_at_as_time() -> None:
    view = next(o for o in _objects() if o["type"] == "index-pattern")
    assert view["attributes"] == {"title": "news", "timeFieldName": "published_at"}


def test_every_field_used_exists_and_aggregates() -> None:
    types = _mapping_types()
    used = [(o["id"], f) for o in _objects() for f in _fields_used(o)]
    assert {f for _, f in used} >= {
        "published_at",
        "actors.name",
        "places.name",
        "source",
        "places.location",
    }
    for object_id, field in used:
        assert field in types, f"{object_id} uses {field}, which the mapping lacks"
        assert types[field] in AGGREGATABLE, f"{object_id}: {field} is {types[field]}"


def _es_aggregation(obj: dict[str, Any]) -> dict[str, Any]:
    """The Elasticsearch aggregation a visualization's chart is drawn from."""
    if obj["type"] == "map":
        layer = next(
            candidate
            for candidate in json.loads(obj["attributes"]["layerListJSON"])
            if "geoField" in candidate["sourceDescriptor"]
        )
        return {"geotile_grid": {"field": layer["sourceDescriptor"]["geoField"], "precision": 3}}
    state = json.loads(obj["attributes"]["visState"])
    if state["type"] == "input_control_vis":
        control = state["params"]["controls"][0]
        return {"terms": {"field": control["fieldName"], "size": 5}}
    buckets = [a for a in state["aggs"] if a["schema"] in ("segment", "group")]
    outer: dict[str, Any] = {}
    current = outer
    for agg in buckets:
        if agg["type"] == "date_histogram":
            current["date_histogram"] = {
                "field": agg["params"]["field"],
                "calendar_interval": "week",
                "min_doc_count": 1,
            }
        else:
            current["terms"] = {"field": agg["params"]["field"], "size": agg["params"]["size"]}
        if agg is not buckets[-1]:
            current["aggs"] = {"inner": {}}
            current = current["aggs"]["inner"]
    return outer


@pytest.mark.es
@pytest.mark.parametrize(
    "object_id", [o["id"] for o in saved_objects() if o["type"] in ("visualization", "map")]
)
def test_each_visualization_aggregation_returns_buckets(
    object_id: str, es_url: str, corpus_alias: str
) -> None:
    obj = next(o for o in _objects() if o["id"] == object_id)
    client = Elasticsearch(es_url)
    response = client.search(index=corpus_alias, size=0, aggs={"vis": _es_aggregation(obj)})
    buckets = response["aggregations"]["vis"]["buckets"]
    assert buckets, f"{object_id} would draw nothing"
    if "inner" in buckets[0]:
        assert any(b["inner"]["buckets"] for b in buckets)


@pytest.mark.faults
def test_horizontal_bar_names_read_across() -> None:
    import json as _json

    from newsarchive.kibana import SAVED_OBJECTS

    for line in SAVED_OBJECTS.read_text().splitlines():
        obj = _json.loads(line)
        if obj["type"] != "visualization":
            continue
        params = _json.loads(obj["attributes"]["visState"]).get("params", {})
        for axis in params.get("categoryAxes", []):
            if axis.get("position") == "left":  # a horizontal bar chart
                assert axis["labels"]["rotate"] == 0, obj["attributes"]["title"]
