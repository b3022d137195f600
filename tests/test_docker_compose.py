"""docker-compose.yml gives the same service as `newsarchive es start` (Docker cannot run here)."""

from pathlib import Path

import pytest
import yaml

from newsarchive.settings import ELASTICSEARCH_VERSION

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_elasticsearch_and_kibana_are_pinned_to_the_local_node_version() -> None:
    services = COMPOSE["services"]
    assert services["elasticsearch"]["image"].endswith(f":{ELASTICSEARCH_VERSION}")
    assert services["kibana"]["image"].endswith(f":{ELASTICSEARCH_VERSION}")


def test_local_only_single_node_with_health_checks_and_a_named_volume() -> None:
    es = COMPOSE["services"]["elasticsearch"]
    env = dict(item.split("=", 1) for item in es["environment"])
    assert env["discovery.type"] == "single-node"
    assert env["xpack.security.enabled"] == "false"
    assert all(port.startswith("127.0.0.1:") for port in es["ports"])
    assert "healthcheck" in es and "healthcheck" in COMPOSE["services"]["kibana"]
    assert es["volumes"][0].split(":")[0] in COMPOSE["volumes"]


@pytest.mark.faults
def test_setup_service_imports_the_shipped_dashboards_once_kibana_is_healthy() -> None:
    setup = COMPOSE["services"]["kibana-setup"]
    assert setup["depends_on"]["kibana"]["condition"] == "service_healthy"
    source = setup["volumes"][0].split(":")[0]
    assert (ROOT / source).is_file()
    command = " ".join(setup["command"])
    assert "/api/saved_objects/_import?overwrite=true" in command and "kbn-xsrf" in command
    # Kibana answers 200 with "success": false when it refuses objects: that fails too.
    assert "grep -q '\"success\":true'" in command and "exit 1" in command
