"""Scrapy settings of the crawler project: polite by default.

`newsarchive crawl` starts from these and overrides what its options and
the core ``Settings`` say (user agent, index, output, limits).
"""

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"
ADDONS: dict[str, int] = {}

# Politeness.
ROBOTSTXT_OBEY = True
USER_AGENT = "newsarchive/0.1 (+https://github.com/newsarchive/newsarchive)"
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0

# Safety: no page may stall or swamp the crawl.
DOWNLOAD_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # news pages are rarely above 2 MB
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2  # retried requests go to the back of the queue (lower priority)
RETRY_PRIORITY_ADJUST = -10
REDIRECT_MAX_TIMES = 5
METAREFRESH_ENABLED = False
COOKIES_ENABLED = False
HTTPERROR_ALLOWED_CODES: list[int] = []

ITEM_PIPELINES = {"crawler.pipelines.DeduplicatePipeline": 100}

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "WARNING"
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
DUPEFILTER_CLASS = "crawler.dupefilter.CountingDupeFilter"

# Retried requests wait 1 s, 2 s, 4 s... (at most 30 s) before going out again.
DOWNLOADER_MIDDLEWARES = {
    # Before everything else, robots.txt included: what may be opened at all.
    "crawler.targets.TargetPolicyMiddleware": 40,
    "crawler.middlewares.RetryBackoffMiddleware": 560,
}
# Follow sitemap entries, feed items and redirects to other sites (off by
# default: they would archive another outlet's pages under this crawl), and,
# when doing so, to loopback and private addresses (off: a public page must
# not reach into the machine's own network). See crawler/targets.py.
NEWSARCHIVE_FOLLOW_OFFSITE = False
NEWSARCHIVE_ALLOW_PRIVATE_TARGETS = False
NEWSARCHIVE_RETRY_BACKOFF = 1.0
NEWSARCHIVE_RETRY_BACKOFF_MAX = 30.0
