import json
from pathlib import Path

import pytest

from crawler.samplesite import load_site, render_article
from newsarchive.cli import main


def test_extract_saved_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = load_site()
    sample = site.articles[0]
    page = tmp_path / "page.html"
    page.write_text(render_article(sample, site))
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body></body></html>")
    url = f"https://news.example.com{sample.path}?utm_source=x"
    assert main(["extract", str(page), "--url", url]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["title"] == sample.title
    assert article["canonical_url"] == f"https://news.example.com{sample.path}"
    assert main(["extract", str(page), str(empty)]) == 1  # one page had no article
    first, second = capsys.readouterr().out.splitlines()
    assert json.loads(first)["url"].startswith("file://")
    assert json.loads(second) == {
        "file": str(empty),
        "skipped": "not-an-article",
        "detail": "0 words of text",
    }
    assert main(["extract", str(tmp_path / "missing.html")]) == 2
