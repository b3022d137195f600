import pytest

from newsarchive.settings import Settings


def test_environment_prefix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_ES_URL", "http://es.internal:9201")
    monkeypatch.setenv("NEWSARCHIVE_INDEX", "wires")
    settings = Settings()
    assert settings.es_url == "http://es.internal:9201"
    assert settings.index == "wires"


def test_defaults() -> None:
    settings = Settings()
    assert settings.es_url == "http://localhost:9200"
    assert settings.index == "news"


def test_secrets_are_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_ES_API_KEY", "s3cr3t-key")
    monkeypatch.setenv("NEWSARCHIVE_ES_PASSWORD", "hunter2")
    settings = Settings()
    assert "s3cr3t-key" not in repr(settings)
    assert "hunter2" not in str(settings.redacted())
    assert settings.es_api_key is not None
    assert settings.es_api_key.get_secret_value() == "s3cr3t-key"


def test_a_url_without_a_scheme_is_taken_as_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_ES_URL", "localhost:9200")
    assert Settings().es_url == "http://localhost:9200"
    assert Settings(kibana_url="kibana.local:5601").kibana_url == "http://kibana.local:5601"
    assert Settings(es_url="https://h:9243").es_url == "https://h:9243"
