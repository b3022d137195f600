"""Builds kibana/newsarchive.ndjson, the saved objects shipped with the archive.

    .venv/bin/python kibana/build.py

Objects are written in the 7.17 saved-object format, which Kibana 8.19 (the
version pinned in docker-compose.yml) migrates on import. Ids are fixed, so
importing again with overwrite replaces rather than duplicates.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "newsarchive.ndjson"
DATA_VIEW_ID = "newsarchive-news"
VERSION = "7.17.0"
INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"


def _search_source() -> str:
    return json.dumps(
        {"query": {"query": "", "language": "kuery"}, "filter": [], "indexRefName": INDEX_REF}
    )


def _axes(horizontal: bool = False) -> dict[str, Any]:
    category = {
        "id": "CategoryAxis-1",
        "type": "category",
        "show": True,
        "position": "left" if horizontal else "bottom",
        "scale": {"type": "linear"},
        # rotate 0: a horizontal bar chart's names read across, not standing on end.
        "labels": {"show": True, "rotate": 0, "truncate": 200, "filter": not horizontal},
        "title": {},
    }
    value = {
        "id": "ValueAxis-1",
        "name": "LeftAxis-1",
        "type": "value",
        "show": True,
        "position": "bottom" if horizontal else "left",
        "scale": {"type": "linear", "mode": "normal"},
        "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100},
        "title": {"text": "Articles"},
    }
    return {"categoryAxes": [category], "valueAxes": [value]}


def _chart(chart: str, horizontal: bool = False) -> dict[str, Any]:
    series_type = "line" if chart == "line" else "histogram"
    return {
        "type": chart,
        "addTooltip": True,
        "addLegend": chart == "line",
        "legendPosition": "right",
        "times": [],
        "addTimeMarker": False,
        "grid": {"categoryLines": False},
        "seriesParams": [
            {
                "show": True,
                "type": series_type,
                "mode": "normal",
                "data": {"label": "Articles", "id": "1"},
                "valueAxis": "ValueAxis-1",
                "drawLinesBetweenPoints": True,
                "showCircles": True,
            }
        ],
        **_axes(horizontal),
    }


COUNT = {"id": "1", "enabled": True, "type": "count", "schema": "metric", "params": {}}


def _terms(field: str, size: int, schema: str = "segment", agg_id: str = "2") -> dict[str, Any]:
    return {
        "id": agg_id,
        "enabled": True,
        "type": "terms",
        "schema": schema,
        "params": {
            "field": field,
            "size": size,
            "order": "desc",
            "orderBy": "1",
            "otherBucket": False,
            "missingBucket": False,
        },
    }


def _dates(agg_id: str = "2") -> dict[str, Any]:
    return {
        "id": agg_id,
        "enabled": True,
        "type": "date_histogram",
        "schema": "segment",
        "params": {
            "field": "published_at",
            "interval": "auto",
            "min_doc_count": 1,
            "extended_bounds": {},
        },
    }


def visualization(
    vis_id: str,
    title: str,
    vis_type: str,
    params: dict[str, Any],
    aggs: list[dict[str, Any]],
    description: str,
) -> dict[str, Any]:
    return {
        "id": vis_id,
        "type": "visualization",
        "migrationVersion": {"visualization": VERSION},
        "attributes": {
            "title": title,
            "description": description,
            "uiStateJSON": "{}",
            "version": 1,
            "visState": json.dumps(
                {"title": title, "type": vis_type, "params": params, "aggs": aggs}
            ),
            "kibanaSavedObjectMeta": {"searchSourceJSON": _search_source()},
        },
        "references": [{"name": INDEX_REF, "type": "index-pattern", "id": DATA_VIEW_ID}],
    }


def data_view() -> dict[str, Any]:
    return {
        "id": DATA_VIEW_ID,
        "type": "index-pattern",
        "migrationVersion": {"index-pattern": VERSION},
        "attributes": {"title": "news", "timeFieldName": "published_at"},
        "references": [],
    }


def controls() -> dict[str, Any]:
    fields = [("actors.name", "Actor"), ("places.name", "Place"), ("source", "Source")]
    control_list = [
        {
            "id": str(i),
            "fieldName": field,
            "label": label,
            "type": "list",
            "parent": "",
            "indexPatternRefName": f"control_{i}_index_pattern",
            "options": {
                "type": "terms",
                "multiselect": True,
                "dynamicOptions": True,
                "size": 50,
                "order": "desc",
            },
        }
        for i, (field, label) in enumerate(fields)
    ]
    title = "News: filter by actor, place and source"
    return {
        "id": "newsarchive-controls",
        "type": "visualization",
        "migrationVersion": {"visualization": VERSION},
        "attributes": {
            "title": title,
            "description": "Pick actors, places or sources to filter the dashboard.",
            "uiStateJSON": "{}",
            "version": 1,
            "visState": json.dumps(
                {
                    "title": title,
                    "type": "input_control_vis",
                    "aggs": [],
                    "params": {
                        "controls": control_list,
                        "updateFiltersOnChange": True,
                        "useTimeFilter": True,
                        "pinFilters": False,
                    },
                }
            ),
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": json.dumps(
                    {"query": {"query": "", "language": "kuery"}, "filter": []}
                )
            },
        },
        "references": [
            {"name": f"control_{i}_index_pattern", "type": "index-pattern", "id": DATA_VIEW_ID}
            for i in range(len(fields))
        ],
    }


def place_map() -> dict[str, Any]:
    layers = [
        {
            "id": "basemap",
            "type": "VECTOR_TILE",
            "alpha": 1,
            "visible": True,
            "minZoom": 0,
            "maxZoom": 24,
            "label": None,
            "style": {"type": "TILE"},
            "sourceDescriptor": {"type": "EMS_TMS", "isAutoSelect": True},
        },
        {
            "id": "places",
            "type": "GEOJSON_VECTOR",
            "label": "Places in the news",
            "alpha": 0.8,
            "visible": True,
            "minZoom": 0,
            "maxZoom": 24,
            "sourceDescriptor": {
                "id": "places-source",
                "type": "ES_GEO_GRID",
                "geoField": "places.location",
                "requestType": "point",
                "resolution": "COARSE",
                "metrics": [{"type": "count"}],
                "applyGlobalQuery": True,
                "applyGlobalTime": True,
                "indexPatternRefName": "layer_1_source_index_pattern",
            },
            "style": {
                "type": "VECTOR",
                "properties": {
                    "fillColor": {
                        "type": "DYNAMIC",
                        "options": {
                            "field": {"name": "doc_count", "origin": "source"},
                            "color": "Blues",
                        },
                    },
                    "iconSize": {
                        "type": "DYNAMIC",
                        "options": {
                            "field": {"name": "doc_count", "origin": "source"},
                            "minSize": 4,
                            "maxSize": 24,
                        },
                    },
                    "lineColor": {"type": "STATIC", "options": {"color": "#FFFFFF"}},
                    "lineWidth": {"type": "STATIC", "options": {"size": 1}},
                },
            },
        },
    ]
    state = {
        "zoom": 1.5,
        "center": {"lon": 20, "lat": 25},
        "timeFilters": {"from": "now-15y", "to": "now"},
        "query": {"query": "", "language": "kuery"},
        "filters": [],
    }
    return {
        "id": "newsarchive-map",
        "type": "map",
        "migrationVersion": {"map": VERSION},
        "attributes": {
            "title": "News: map of places",
            "description": "Where the news happens.",
            "layerListJSON": json.dumps(layers),
            "mapStateJSON": json.dumps(state),
            "uiStateJSON": json.dumps({"isLayerTOCOpen": True}),
        },
        "references": [
            {"name": "layer_1_source_index_pattern", "type": "index-pattern", "id": DATA_VIEW_ID}
        ],
    }


def dashboard(panels: list[tuple[str, str, dict[str, int]]]) -> dict[str, Any]:
    panel_list = []
    references = []
    for i, (obj_id, obj_type, grid) in enumerate(panels):
        panel_list.append(
            {
                "version": VERSION,
                "type": obj_type,
                "panelIndex": str(i + 1),
                "gridData": {**grid, "i": str(i + 1)},
                "embeddableConfig": {},
                "panelRefName": f"panel_{i}",
            }
        )
        references.append({"name": f"panel_{i}", "type": obj_type, "id": obj_id})
    return {
        "id": "newsarchive-dashboard",
        "type": "dashboard",
        "migrationVersion": {"dashboard": VERSION},
        "attributes": {
            "title": "News archive",
            "description": "Actors, places and sources in the archive.",
            "panelsJSON": json.dumps(panel_list),
            "timeRestore": True,
            "timeFrom": "now-15y",
            "timeTo": "now",
            "version": 1,
            "optionsJSON": json.dumps({"useMargins": True, "hidePanelTitles": False}),
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": json.dumps(
                    {"query": {"query": "", "language": "kuery"}, "filter": []}
                )
            },
        },
        "references": references,
    }


def saved_objects() -> list[dict[str, Any]]:
    visualizations = [
        visualization(
            "newsarchive-over-time",
            "News: articles over time",
            "histogram",
            _chart("histogram"),
            [COUNT, _dates()],
            "Articles per interval.",
        ),
        visualization(
            "newsarchive-top-actors",
            "News: top actors",
            "horizontal_bar",
            _chart("histogram", horizontal=True),
            [COUNT, _terms("actors.name", 15)],
            "The people, organisations and groups named most often.",
        ),
        visualization(
            "newsarchive-top-places",
            "News: top places",
            "horizontal_bar",
            _chart("histogram", horizontal=True),
            [COUNT, _terms("places.name", 15)],
            "The places named most often.",
        ),
        visualization(
            "newsarchive-top-sources",
            "News: top sources",
            "pie",
            {
                "type": "pie",
                "addTooltip": True,
                "addLegend": True,
                "legendPosition": "right",
                "isDonut": True,
                "labels": {"show": False, "values": True, "last_level": True, "truncate": 100},
            },
            [COUNT, _terms("source", 10)],
            "Articles per outlet.",
        ),
        visualization(
            "newsarchive-actors-over-time",
            "News: top actors over time",
            "line",
            _chart("line"),
            [COUNT, _dates(), _terms("actors.name", 5, schema="group", agg_id="3")],
            "The five most-named actors, interval by interval.",
        ),
    ]
    layout = [
        ("newsarchive-controls", "visualization", {"x": 0, "y": 0, "w": 48, "h": 6}),
        ("newsarchive-over-time", "visualization", {"x": 0, "y": 6, "w": 48, "h": 12}),
        ("newsarchive-top-actors", "visualization", {"x": 0, "y": 18, "w": 16, "h": 16}),
        ("newsarchive-top-places", "visualization", {"x": 16, "y": 18, "w": 16, "h": 16}),
        ("newsarchive-top-sources", "visualization", {"x": 32, "y": 18, "w": 16, "h": 16}),
        ("newsarchive-map", "map", {"x": 0, "y": 34, "w": 24, "h": 18}),
        ("newsarchive-actors-over-time", "visualization", {"x": 24, "y": 34, "w": 24, "h": 18}),
    ]
    return [data_view(), *visualizations, controls(), place_map(), dashboard(layout)]


def main() -> None:
    lines = [json.dumps(obj, sort_keys=True) for obj in saved_objects()]
    OUT.write_text("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} saved objects to {OUT.name}")


if __name__ == "__main__":
    main()
