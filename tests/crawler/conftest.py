from collections.abc import Iterator

import pytest

from crawler.samplesite import SampleSiteServer


@pytest.fixture(scope="module")
def sample_site() -> Iterator[SampleSiteServer]:
    """The bundled sample site, served for real on 127.0.0.1."""
    server = SampleSiteServer(0, slow_seconds=4)
    server.start_in_thread()
    yield server
    server.shutdown()
    server.server_close()
