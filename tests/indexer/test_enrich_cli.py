import json
from pathlib import Path

import pytest

from crawler.samplesite import load_site
from newsarchive.cli import main


def test_enrich_file_to_file_with_bad_lines_dead_lettered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    articles = [a.to_article() for a in load_site().articles[:3]]
    source.write_text("".join(a.model_dump_json() + "\n" for a in articles) + "not json\n")
    out = tmp_path / "out.jsonl"
    code = main(
        ["enrich", str(source), "-o", str(out), "--dead-letter", str(tmp_path / "dead.jsonl")]
    )
    assert code == 1  # one bad line, reported
    enriched = [json.loads(line) for line in out.read_text().splitlines()]
    assert [e["id"] for e in enriched] == [a.id for a in articles]
    assert all(e["persons"] and e["places"] for e in enriched)
    dead = json.loads((tmp_path / "dead.jsonl").read_text())
    assert dead["line"] == 4 and dead["kind"] == "bad-line"
    assert "enriched 3 articles; 1 bad lines" in capsys.readouterr().err


def test_enrich_stdin_to_stdout(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    article = load_site().articles[3].to_article()
    monkeypatch.setattr("sys.stdin", io.StringIO(article.model_dump_json() + "\n"))
    assert main(["enrich", "-", "--quiet"]) == 0
    enriched = json.loads(capsys.readouterr().out)
    assert "Ash Carter" in enriched["persons"]


def test_the_summary_table_names_its_rows_for_people() -> None:
    from io import StringIO

    from rich.console import Console

    from indexer.cli import summary_table

    console = Console(file=StringIO(), width=80, color_system=None)
    console.print(summary_table("indexing summary", {"indexed": 1200, "bad_lines": 2}))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "bad lines" in text and "bad_lines" not in text and "1,200" in text
