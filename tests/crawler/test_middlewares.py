import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from crawler.middlewares import RetryBackoffMiddleware, backoff_delay


def test_delays_grow_exponentially_up_to_the_cap() -> None:
    assert [backoff_delay(n, 1.0, 10.0) for n in range(6)] == [0.0, 1.0, 2.0, 4.0, 8.0, 10.0]


def test_settings_configure_or_disable_it() -> None:
    middleware = RetryBackoffMiddleware.from_crawler(
        get_crawler(
            settings_dict={"NEWSARCHIVE_RETRY_BACKOFF": 0.5, "NEWSARCHIVE_RETRY_BACKOFF_MAX": 4}
        )
    )
    assert (middleware.base, middleware.cap) == (0.5, 4.0)
    with pytest.raises(NotConfigured):
        RetryBackoffMiddleware.from_crawler(
            get_crawler(settings_dict={"NEWSARCHIVE_RETRY_BACKOFF": 0})
        )
