from newsarchive.urls import article_id, canonicalize_url


def test_tracking_parameters_are_removed_and_the_rest_sorted() -> None:
    url = "HTTPS://News.Example.com:443/world/story?utm_source=x&b=2&fbclid=abc&a=1#comments"
    assert canonicalize_url(url) == "https://news.example.com/world/story?a=1&b=2"


def test_non_default_port_is_kept() -> None:
    assert canonicalize_url("http://127.0.0.1:8765/a") == "http://127.0.0.1:8765/a"


def test_every_spelling_of_one_article_has_one_id() -> None:
    plain = article_id("https://example.com/story")
    assert article_id("https://example.com/story?utm_campaign=rss") == plain
    assert article_id("https://EXAMPLE.com/story#top") == plain
    assert article_id("https://example.com/other-story") != plain
