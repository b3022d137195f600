import pytest

from crawler.sites import available_sites, load_site_profile
from newsarchive.errors import UsageError


def test_every_shipped_profile_loads() -> None:
    names = available_sites()
    assert {"sample", "apnews", "bbc"} <= set(names)
    for name in names:
        profile = load_site_profile(name)
        assert profile.seeds() and all(
            s.startswith(("http://", "https://")) for s in profile.seeds()
        )


def test_base_url_override_moves_every_relative_seed() -> None:
    profile = load_site_profile("sample").with_base_url("http://127.0.0.1:9999/")
    assert all(s.startswith("http://127.0.0.1:9999/") for s in profile.seeds())


def test_a_broken_profile_is_a_usage_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\nbase_url = "http://x"\nallow = ["(unclosed"]\n')
    with pytest.raises(UsageError, match="invalid"):
        load_site_profile(str(bad))
    with pytest.raises(UsageError, match="known sites"):
        load_site_profile("nowhere")
