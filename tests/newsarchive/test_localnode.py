"""The local node's lifecycle: real processes, real ports."""

import json
import os
import shutil
import socket
import time
import urllib.request

import pytest

from newsarchive import localnode
from newsarchive.errors import LocalNodeError
from newsarchive.settings import Settings
from tests.conftest import world_readable_tempdir


def _spec(data_dir, port):  # type: ignore[no-untyped-def]
    settings = Settings()
    return localnode.NodeSpec(
        version=settings.es_version,
        cache_dir=settings.cache_dir,
        data_dir=data_dir,
        port=port,
        heap="512m",
        run_as=settings.es_user,
    )


@pytest.mark.faults
@pytest.mark.es
def test_start_status_second_start_and_stop(es_url: str) -> None:
    workdir = world_readable_tempdir("newsarchive-lifecycle-")
    port = localnode.free_port()
    spec = _spec(workdir / "node", port)
    try:
        node, started = localnode.start(spec)
        assert started
        with urllib.request.urlopen(f"{node.url}/_cluster/health") as response:
            assert response.headers["X-elastic-product"] == "Elasticsearch"
            assert json.load(response)["status"] in ("green", "yellow")
        with urllib.request.urlopen(f"{node.url}/_nodes/_local/jvm") as response:
            (jvm,) = [n["jvm"] for n in json.load(response)["nodes"].values()]
        assert "-XX:TieredStopAtLevel=1" in jvm["input_arguments"]  # the quick JIT by default
        assert (spec.data_dir / localnode.PID_FILE).read_text().strip() == str(node.pid)
        if os.geteuid() == 0:
            assert (spec.data_dir / "data").stat().st_uid != 0  # not run as root
            # Only the node's own directories were handed to its user.
            assert (spec.data_dir / localnode.MARKER_FILE).stat().st_uid == 0
        assert localnode.is_node_process(node.pid, spec.data_dir)

        again, started_again = localnode.start(spec)
        assert not started_again and again.pid == node.pid

        stopped = localnode.stop(spec.data_dir)
        assert stopped is not None and stopped.pid == node.pid
        assert not localnode.port_in_use(port)
        assert not (spec.data_dir / localnode.PID_FILE).exists()
        assert localnode.stop(spec.data_dir) is None
    finally:
        localnode.stop(spec.data_dir)
        shutil.rmtree(workdir, ignore_errors=True)


def test_port_in_use_is_refused_and_leaves_nothing_behind() -> None:
    workdir = world_readable_tempdir("newsarchive-busy-")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        spec = _spec(workdir / "node", busy.getsockname()[1])
        with pytest.raises(LocalNodeError, match="already in use"):
            localnode.start(spec)
    assert not (spec.data_dir / localnode.PID_FILE).exists()
    shutil.rmtree(workdir, ignore_errors=True)


def test_a_stale_pid_file_is_cleared(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A pid that cannot belong to a live process on Linux (above pid_max).
    (tmp_path / localnode.PID_FILE).write_text("4194999\n")
    (tmp_path / localnode.STATE_FILE).write_text(json.dumps({"pid": 4194999, "port": 9}))
    assert localnode.read_running(tmp_path) is None
    assert not (tmp_path / localnode.PID_FILE).exists()


def test_no_suitable_java_is_one_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old_jdk = tmp_path / "jdk-11"
    (old_jdk / "bin").mkdir(parents=True)
    (old_jdk / "bin" / "java").touch()
    (old_jdk / "release").write_text('JAVA_VERSION="11.0.2"\n')
    with pytest.raises(LocalNodeError, match="no Java 17-24 found"):
        localnode.find_java("8.19.21", roots=(tmp_path,), environ={})


def test_the_newest_supported_java_is_chosen() -> None:
    home = localnode.find_java("8.19.21")
    assert (home / "bin" / "java").exists()
    assert localnode._java_major(home) in localnode.SUPPORTED_JAVA[8]


@pytest.mark.faults
def test_a_non_empty_directory_that_is_no_nodes_is_refused_untouched(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from newsarchive.cli import main

    users_dir = world_readable_tempdir("newsarchive-users-dir-")  # enterable, as root too
    precious = users_dir / "precious.txt"
    precious.write_text("mine")
    owner = precious.stat().st_uid
    port = str(localnode.free_port())
    assert main(["es", "start", "--data-dir", str(users_dir), "--port", port]) == 2
    assert "not a node's data dir" in capsys.readouterr().err
    assert precious.read_text() == "mine" and precious.stat().st_uid == owner
    assert sorted(p.name for p in users_dir.iterdir()) == ["precious.txt"]
    shutil.rmtree(users_dir)
    fresh = tmp_path / "new-node"
    localnode.claim_data_dir(fresh)  # a new directory becomes a node's
    localnode.claim_data_dir(fresh)  # and stays one
    assert (fresh / localnode.MARKER_FILE).exists()


@pytest.mark.faults
def test_state_files_never_follow_a_planted_symlink(tmp_path) -> None:  # type: ignore[no-untyped-def]
    victim = tmp_path / "victim.conf"
    victim.write_text("do not overwrite")
    node_dir = tmp_path / "node"
    localnode.claim_data_dir(node_dir)
    (node_dir / localnode.STATE_FILE).symlink_to(victim)
    (node_dir / localnode.PID_FILE).write_text(f"{os.getpid()}\n")
    with pytest.raises(LocalNodeError, match="refusing to write"):
        localnode._write_own_file(node_dir / localnode.STATE_FILE, "{}")
    assert localnode.read_running(node_dir) is None  # refused to read it, state cleared
    assert victim.read_text() == "do not overwrite"


@pytest.mark.faults
def test_stop_never_signals_a_process_that_is_not_the_node(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        node_dir = tmp_path / "node"
        localnode.claim_data_dir(node_dir)
        (node_dir / localnode.PID_FILE).write_text(f"{bystander.pid}\n")
        (node_dir / localnode.STATE_FILE).write_text(json.dumps({"pid": bystander.pid, "port": 9}))
        assert localnode.stop(node_dir) is None
        time.sleep(0.2)
        assert bystander.poll() is None  # still running
    finally:
        bystander.kill()
        bystander.wait()


@pytest.mark.faults
@pytest.mark.es
def test_a_secure_node_answers_only_with_its_password(
    es_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import re
    import urllib.error

    from newsarchive.cli import main

    workdir = world_readable_tempdir("newsarchive-secure-")
    data_dir = workdir / "node"
    port = localnode.free_port()
    url = f"http://127.0.0.1:{port}"
    start = ["es", "start", "--secure", "--port", str(port), "--data-dir", str(data_dir)]
    try:
        assert main([*start, "--heap", "512m"]) == 0
        err = capsys.readouterr().err
        found = re.search(r"NEWSARCHIVE_ES_PASSWORD=(\S+)", err)
        assert found is not None
        assert oct((data_dir / localnode.PASSWORD_FILE).stat().st_mode)[-3:] == "600"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}/_cluster/health")
        assert refused.value.code == 401
        assert main(["--es-url", url, "index", "init"]) == 1
        assert "refused the credentials" in capsys.readouterr().err
        monkeypatch.setenv("NEWSARCHIVE_ES_USERNAME", "elastic")
        monkeypatch.setenv("NEWSARCHIVE_ES_PASSWORD", found.group(1))
        assert main(["--es-url", url, "index", "init"]) == 0
        # Asked again, it does not show the password again.
        capsys.readouterr()
        assert main([*start, "--heap", "512m"]) == 0
        assert "NEWSARCHIVE_ES_PASSWORD" not in capsys.readouterr().err
    finally:
        localnode.stop(data_dir)
        shutil.rmtree(workdir, ignore_errors=True)
