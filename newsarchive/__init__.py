"""newsarchive: a searchable news archive on Elasticsearch.

The core package holds what the crawler, the indexer and the search client
share: settings, the ``Article`` schema, the Elasticsearch connection, the
index definition and the Python search API.
"""

__version__ = "0.1.0"
