"""The crawler's own Scrapy signals."""

# Sent by the spider (with ``request=``) when a response or a failure has been
# dealt with and gave no article: its links are queued, its skip or error is
# counted. A resumable crawl then counts the request as done.
request_settled = object()
