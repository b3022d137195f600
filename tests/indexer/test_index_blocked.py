"""A full disk, or a read-only index, is named: `index` stops within a minute, keeps what it did not send.

Against real nodes. The first test sets a write block on the shared node
(its disk monitor would lift a hand-set flood-stage block at once, since
that disk is not full); the second fills a small tmpfs under a node of its
own until Elasticsearch sets the flood-stage block itself, which needs root
to mount.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from crawler.samplesite import load_site
from newsarchive import localnode
from newsarchive.cli import main
from newsarchive.index import init_index
from newsarchive.settings import Settings

pytestmark = [pytest.mark.es, pytest.mark.faults]


def corpus(path: Path) -> int:
    articles = [a.to_article() for a in load_site().articles]
    path.write_text("".join(a.model_dump_json() + "\n" for a in articles))
    return len(articles)


def index(es_url: str, alias: str, source: Path, dead: Path) -> tuple[int, float]:
    started = time.monotonic()
    code = main(
        ["--es-url", es_url, "--index", alias, "index", str(source), "--no-enrich", "--quiet",
         "--dead-letter", str(dead)]
    )  # fmt: skip
    return code, time.monotonic() - started


def test_a_write_blocked_index_ends_the_run_with_one_line_and_the_documents_kept(
    es_url: str, es_client: Elasticsearch, alias: str, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    source = tmp_path / "articles.jsonl"
    total = corpus(source)
    init_index(es_client, alias)
    es_client.indices.put_settings(index=alias, settings={"index.blocks.write": True})
    code, seconds = index(es_url, alias, source, tmp_path / "dead.jsonl")
    err = capsys.readouterr().err
    assert code == 3 and seconds < 60
    assert "refuses writes" in err and "write block" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    dead = [json.loads(line) for line in (tmp_path / "dead.jsonl").read_text().splitlines()]
    assert {d["kind"] for d in dead} == {"unsent"} and len(dead) == total
    # Fixed: the same command completes, without duplicates.
    es_client.indices.put_settings(index=alias, settings={"index.blocks.write": None})
    code, _ = index(es_url, alias, source, tmp_path / "dead2.jsonl")
    assert code == 0
    es_client.indices.refresh(index=alias)
    assert es_client.count(index=alias)["count"] == total


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mount") is None,
    reason="filling a disk needs a small tmpfs, and mounting one needs root",
)
def test_a_full_disk_is_named_and_a_rerun_after_freeing_it_completes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = Settings()
    mount = Path(tempfile.mkdtemp(prefix="newsarchive-fulldisk-"))
    mount.chmod(0o755)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200m,mode=755", "tmpfs", str(mount)],
                   check=True)  # fmt: skip
    spec = localnode.NodeSpec(
        version=settings.es_version,
        cache_dir=settings.cache_dir,
        data_dir=mount / "node",
        port=localnode.free_port(),
        heap="512m",
        run_as=settings.es_user,
    )
    filler = mount / "filler"
    try:
        node, _ = localnode.start(spec)
        client = Elasticsearch(node.url, request_timeout=30)
        init_index(client, "full")
        free = shutil.disk_usage(mount).free
        with filler.open("wb") as stream:  # leave 150 MB: under the 250 MB flood stage
            stream.truncate(0)
            block = b"\0" * (1 << 20)
            for _ in range((free - (150 << 20)) >> 20):
                stream.write(block)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the node checks its disk every 10 s
            blocks = client.indices.get_settings(index="full", name="index.blocks.*")
            if "read_only_allow_delete" in json.dumps(blocks.body):
                break
            time.sleep(1)
        source = tmp_path / "articles.jsonl"
        total = corpus(source)
        code, seconds = index(node.url, "full", source, tmp_path / "dead.jsonl")
        assert code == 3 and seconds < 60
        assert "free disk space" in capsys.readouterr().err
        filler.unlink()
        deadline = time.monotonic() + 60
        code = 3
        while code != 0 and time.monotonic() < deadline:  # the node lifts the block itself
            time.sleep(2)
            code, _ = index(node.url, "full", source, tmp_path / "dead2.jsonl")
        assert code == 0
        client.indices.refresh(index="full")
        assert client.count(index="full")["count"] == total
        client.close()
    finally:
        localnode.stop(spec.data_dir)
        subprocess.run(["umount", "-l", str(mount)], check=False)
        shutil.rmtree(mount, ignore_errors=True)
