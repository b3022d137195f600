"""A real local Elasticsearch node: fetched from Maven Central, run as a plain user.

``start`` fetches the official test distribution with ``mvn`` (once, into
the cache), unpacks it, writes the node's own config into its data dir and
runs it on 127.0.0.1 with a capped heap. ``stop`` stops exactly the node
that ``start`` started, found through the pid file in the data dir.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from newsarchive.errors import LocalNodeError

MAVEN_ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{version}:zip"
PID_FILE = "elasticsearch.pid"
STATE_FILE = "node.json"
# Marks a directory as a node's data dir: `es start` refuses any other
# non-empty directory, so it never takes over (or chowns) a user's files.
MARKER_FILE = ".newsarchive-node"
# The subdirectories `es start` creates and hands to the node's user.
NODE_DIRS = ("config", "data", "logs")
# Java majors each Elasticsearch major is known to run on.
SUPPORTED_JAVA = {8: range(17, 25), 9: range(21, 26)}


# How the node's JVM compiles hot code. "quick" stops at the C1 compiler.
# Measured on two cores (bench/RESULTS.md, README): with C2 as well, the JIT
# recompiled through every burst of indexing, sixteen rounds of 1,640
# documents and on, and spent one to three times the CPU of the indexing
# itself, taken from the NER workers beside it. C1 alone costs some speed
# on long steady work (a 1M-article load about a fifth slower); "full", the
# JVM's default, suits a long-running node with cores to spare.
class Jit(StrEnum):
    quick = "quick"
    full = "full"


JIT_OPTIONS: dict[Jit, tuple[str, ...]] = {Jit.quick: ("-XX:TieredStopAtLevel=1",), Jit.full: ()}
JVM_OPTIONS_FILE = "jvm.options.d/newsarchive.options"


@dataclass(frozen=True)
class NodeSpec:
    version: str
    cache_dir: Path
    data_dir: Path
    port: int = 9200
    heap: str = "1g"
    run_as: str = "newsarchive"
    java_home: Path | None = None
    jit: Jit = Jit.quick

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class RunningNode:
    pid: int
    port: int
    data_dir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def default_data_dir(cache_dir: Path) -> Path:
    return cache_dir / "node"


# --- the distribution -------------------------------------------------------


def distribution_home(spec: NodeSpec) -> Path:
    return spec.cache_dir / f"elasticsearch-{spec.version}"


def ensure_distribution(spec: NodeSpec) -> Path:
    """The unpacked distribution, fetched and unpacked on first use."""
    home = distribution_home(spec)
    if (home / "bin" / "elasticsearch").exists():
        return home
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalNodeError("Maven (mvn) is needed to fetch Elasticsearch", hint="install maven")
    downloads = spec.cache_dir / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    archive = downloads / f"elasticsearch-{spec.version}.zip"
    if not archive.exists():
        result = subprocess.run(
            [
                mvn,
                "-q",
                "-B",
                "dependency:copy",
                f"-Dartifact={MAVEN_ARTIFACT.format(version=spec.version)}",
                f"-DoutputDirectory={downloads}",
            ],
            capture_output=True,
            text=True,
            cwd=downloads,
        )
        if result.returncode != 0 or not archive.exists():
            tail = (result.stdout + result.stderr).strip().splitlines()[-3:]
            raise LocalNodeError(
                f"could not fetch Elasticsearch {spec.version} from Maven Central: "
                + (" / ".join(tail) or f"mvn exited {result.returncode}")
            )
    staging = spec.cache_dir / f".unpack-{spec.version}-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        _unzip_keeping_modes(archive, staging)
    except zipfile.BadZipFile as exc:
        archive.unlink(missing_ok=True)
        raise LocalNodeError(f"the downloaded archive was damaged ({exc}); run again") from exc
    unpacked = staging / f"elasticsearch-{spec.version}"
    if not (unpacked / "bin" / "elasticsearch").exists():
        raise LocalNodeError(f"{archive.name} does not hold an Elasticsearch distribution")
    unpacked.rename(home)
    shutil.rmtree(staging, ignore_errors=True)
    return home


def _unzip_keeping_modes(archive: Path, target: Path) -> None:
    """Unpack a zip; unlike ZipFile.extractall, keep the executable bits."""
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            path = Path(zf.extract(info, target))
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                path.chmod(mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            elif path.is_dir():
                path.chmod(0o755)


# --- Java -------------------------------------------------------------------


def _java_major(java_home: Path) -> int | None:
    release = java_home / "release"
    if not release.exists():
        return None
    for line in release.read_text(errors="replace").splitlines():
        if line.startswith("JAVA_VERSION="):
            version = line.split("=", 1)[1].strip().strip('"')
            head = version.split(".")[0]
            if head == "1":  # 1.8.0 style
                head = version.split(".")[1]
            return int(head) if head.isdigit() else None
    return None


JVM_ROOTS = (Path("/usr/lib/jvm"), Path("/usr/local/lib/jvm"), Path("/opt/java"))


def find_java(
    es_version: str,
    preferred: Path | None = None,
    *,
    roots: tuple[Path, ...] = JVM_ROOTS,
    environ: dict[str, str] | None = None,
) -> Path:
    """A JDK home that this Elasticsearch major runs on, newest first."""
    environ = dict(os.environ) if environ is None else environ
    major = int(es_version.split(".")[0])
    supported = SUPPORTED_JAVA.get(major, range(17, 100))
    candidates: list[Path] = []
    if preferred is not None:
        candidates.append(preferred)
    for var in ("ES_JAVA_HOME", "JAVA_HOME"):
        if environ.get(var):
            candidates.append(Path(environ[var]))
    for root in roots:
        if root.is_dir():
            candidates.extend(sorted(root.iterdir()))
    usable: list[tuple[int, Path]] = []
    for home in candidates:
        java_major = _java_major(home)
        if java_major is not None and java_major in supported and (home / "bin" / "java").exists():
            usable.append((java_major, home))
    if preferred is not None and usable and usable[0][1] == preferred:
        return preferred
    if not usable:
        raise LocalNodeError(
            f"no Java {supported.start}-{supported.stop - 1} found for Elasticsearch {es_version}",
            hint="install a JDK or set NEWSARCHIVE_JAVA_HOME",
        )
    return max(usable, key=lambda pair: pair[0])[1]


# --- the node's own files -----------------------------------------------------


def read_running(data_dir: Path) -> RunningNode | None:
    """The node recorded in ``data_dir``, if its process is still alive.

    A pid file whose process is gone is stale: it is removed.
    """
    state_path = data_dir / STATE_FILE
    pid_path = data_dir / PID_FILE
    if not pid_path.exists():
        return None
    try:
        pid = int(_read_own_file(pid_path).strip())
        port = int(json.loads(_read_own_file(state_path))["port"])
    except (OSError, ValueError, KeyError, json.JSONDecodeError):
        _clear_state(data_dir)
        return None
    if not _alive(pid) or not is_node_process(pid, data_dir):
        # Gone, or the pid now belongs to another process: never signal it.
        _clear_state(data_dir)
        return None
    return RunningNode(pid=pid, port=port, data_dir=data_dir)


def _read_own_file(path: Path) -> str:
    """A state file's text; a symlink planted in its place is refused (ELOOP)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(fd, encoding="utf-8") as stream:
        return stream.read()


def _write_own_file(path: Path, text: str) -> None:
    """Write a file of the node's own without following a symlink planted in its place.

    As root, following one would overwrite whatever file it points to.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise LocalNodeError(
            f"refusing to write {path}: {exc.strerror}",
            hint="it is a symlink or not ours; remove it and start again",
        ) from exc
    with os.fdopen(fd, "w", encoding="utf-8") as stream:
        stream.write(text)


def is_node_process(pid: int, data_dir: Path) -> bool:
    """Whether ``pid`` is the Elasticsearch that `es start` started in ``data_dir``.

    Checked from /proc before any signal (the launcher's command line names
    this data dir's config), so a stale pid file can never make `es stop`
    kill another process. Where /proc cannot tell, the answer is no.
    """
    try:
        arguments = (Path("/proc") / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    config = f"-Des.path.conf={data_dir.resolve() / 'config'}".encode()
    return config in arguments


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours still "exists"; reap it if we can.
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
        return waited == 0
    except ChildProcessError:
        return True


def _clear_state(data_dir: Path) -> None:
    for name in (PID_FILE, STATE_FILE):
        (data_dir / name).unlink(missing_ok=True)


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


HUNSPELL_DIRS = (
    Path("/usr/share/hunspell"),
    Path("/usr/share/myspell"),
    Path("/usr/share/myspell/dicts"),
)


def _install_hunspell(config: Path) -> bool:
    """Give the node the en_US hunspell dictionary, if the machine has one.

    The test distribution lacks the English analyzer; the hunspell filter
    (part of the server) with this dictionary gives it English stemming.
    """
    for folder in HUNSPELL_DIRS:
        aff, dic = folder / "en_US.aff", folder / "en_US.dic"
        if aff.is_file() and dic.is_file():
            target = config / "hunspell" / "en_US"
            target.mkdir(parents=True, exist_ok=True)
            for source in (aff, dic):
                shutil.copyfile(source, target / source.name)
            return True
    return False


def _write_config(spec: NodeSpec, home: Path) -> Path:
    config = spec.data_dir / "config"
    if config.is_symlink():
        raise LocalNodeError(f"{config} is a symlink; a node's config must be its own")
    if not config.exists():
        shutil.copytree(home / "config", config)
    _install_hunspell(config)
    options = config / JVM_OPTIONS_FILE
    options.parent.mkdir(exist_ok=True)
    _write_own_file(
        options,
        f"# Written by `newsarchive es start` (jit: {spec.jit.value}).\n"
        + "".join(f"{option}\n" for option in JIT_OPTIONS[spec.jit]),
    )
    _write_own_file(
        config / "elasticsearch.yml",
        "# Written by `newsarchive es start`: a single local node for development.\n"
        "cluster.name: newsarchive-local\n"
        "node.name: newsarchive-local\n"
        "network.host: 127.0.0.1\n"
        f"http.port: {spec.port}\n"
        "transport.port: 0\n"
        "discovery.type: single-node\n"
        f"path.data: {spec.data_dir / 'data'}\n"
        f"path.logs: {spec.data_dir / 'logs'}\n"
        "xpack.security.enabled: false\n"
        "action.destructive_requires_name: false\n"
        "# Disk watermarks as free space, sized for small disks: below the flood\n"
        "# stage the node blocks writes (newsarchive reports it and stops) instead\n"
        "# of filling the disk; it lifts the block once there is room again.\n"
        "cluster.routing.allocation.disk.watermark.low: 1gb\n"
        "cluster.routing.allocation.disk.watermark.high: 500mb\n"
        "cluster.routing.allocation.disk.watermark.flood_stage: 250mb\n"
        "cluster.info.update.interval: 10s\n",
    )
    return config


def _unprivileged_user(name: str) -> pwd.struct_passwd:
    """The account the node runs as when we are root; created if missing."""
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    useradd = shutil.which("useradd")
    if useradd is None:
        raise LocalNodeError(f"user {name} is missing and useradd is not available")
    result = subprocess.run(
        [useradd, "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise LocalNodeError(f"could not create user {name}: {result.stderr.strip()}")
    return pwd.getpwnam(name)


def _chown_node_dirs(data_dir: Path, uid: int, gid: int) -> None:
    """Hand the node's own directories to its user, and nothing else in the data dir."""
    os.chown(data_dir, uid, gid, follow_symlinks=False)
    for sub in NODE_DIRS:
        top = data_dir / sub
        os.chown(top, uid, gid, follow_symlinks=False)
        for root, dirs, files in os.walk(top):  # os.walk does not enter symlinked dirs
            for name in dirs + files:
                os.chown(os.path.join(root, name), uid, gid, follow_symlinks=False)


def claim_data_dir(data_dir: Path) -> None:
    """Make ``data_dir`` a node's, refusing a directory that holds anything else.

    An empty or new directory becomes a node's; one that already is (the
    marker, or a config this command wrote before the marker existed) is
    reused; any other non-empty directory is refused untouched.
    """
    if data_dir.is_symlink():
        raise LocalNodeError(f"{data_dir} is a symlink; give the real directory")
    marker = data_dir / MARKER_FILE
    if data_dir.exists() and not marker.exists():
        written_by_us = data_dir / "config" / "elasticsearch.yml"
        ours = written_by_us.is_file() and _read_own_file(written_by_us).startswith(
            "# Written by `newsarchive es start`"
        )
        if any(data_dir.iterdir()) and not ours:
            raise LocalNodeError(
                f"{data_dir} is not empty and is not a node's data dir",
                hint="give --data-dir a new or empty directory",
            )
    data_dir.mkdir(parents=True, exist_ok=True)
    _write_own_file(marker, "A data directory of `newsarchive es start`.\n")


# --- lifecycle ------------------------------------------------------------------


def cluster_health(url: str, timeout: float = 2.0) -> dict[str, object] | None:
    """The cluster health document, or None if nothing answers at ``url``."""
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=timeout) as response:
            return dict(json.load(response))
    except (OSError, ValueError, urllib.error.URLError):
        return None


def start(spec: NodeSpec, *, wait_seconds: float = 180.0) -> tuple[RunningNode, bool]:
    """Start the node, or report the one already running in this data dir.

    Returns the node and whether this call started it.
    """
    running = read_running(spec.data_dir)
    if running is not None:
        return running, False
    if port_in_use(spec.port):
        raise LocalNodeError(
            f"port {spec.port} is already in use by another process",
            hint="choose another with --port",
        )
    java_home = find_java(spec.version, spec.java_home)
    account = _unprivileged_user(spec.run_as) if os.geteuid() == 0 else None
    if account is not None:
        _check_reachable(spec.data_dir, account)
    claim_data_dir(spec.data_dir)
    home = ensure_distribution(spec)
    for sub in ("data", "logs"):
        (spec.data_dir / sub).mkdir(exist_ok=True)
    config = _write_config(spec, home)
    log_path = spec.data_dir / "logs" / "console.log"

    user: int | None = None
    group: int | None = None
    if account is not None:
        user, group = account.pw_uid, account.pw_gid
        _chown_node_dirs(spec.data_dir, user, group)

    env = {
        **os.environ,
        "ES_JAVA_HOME": str(java_home),
        "ES_PATH_CONF": str(config),
        "ES_JAVA_OPTS": f"-Xms{spec.heap} -Xmx{spec.heap}",
    }
    env.pop("JAVA_TOOL_OPTIONS", None)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o644)
    with os.fdopen(log_fd, "ab") as log:
        process = subprocess.Popen(
            [str(home / "bin" / "elasticsearch")],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=spec.data_dir,
            user=user,
            group=group,
            start_new_session=True,
        )
    _write_own_file(spec.data_dir / PID_FILE, f"{process.pid}\n")
    _write_own_file(
        spec.data_dir / STATE_FILE,
        json.dumps({"pid": process.pid, "port": spec.port, "version": spec.version}),
    )
    node = RunningNode(pid=process.pid, port=spec.port, data_dir=spec.data_dir)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            _clear_state(spec.data_dir)
            raise LocalNodeError(
                f"Elasticsearch exited with status {process.returncode} while starting: "
                + _last_error(log_path),
                hint=f"full log: {log_path}",
            )
        health = cluster_health(spec.url)
        if health and health.get("status") in ("green", "yellow"):
            return node, True
        time.sleep(0.5)
    stop(spec.data_dir)
    raise LocalNodeError(
        f"Elasticsearch did not become healthy within {wait_seconds:.0f} s",
        hint=f"see {log_path}",
    )


def _check_reachable(data_dir: Path, account: pwd.struct_passwd) -> None:
    """The unprivileged user must be able to walk down to the data dir."""
    for parent in data_dir.resolve().parents:
        if not parent.exists():
            continue
        info = parent.stat()
        if info.st_uid != account.pw_uid and not info.st_mode & stat.S_IXOTH:
            raise LocalNodeError(
                f"user {account.pw_name} cannot enter {parent}",
                hint="choose a --data-dir outside private directories such as /root",
            )


def _last_error(log_path: Path) -> str:
    try:
        lines = log_path.read_text(errors="replace").strip().splitlines()
    except OSError:
        return "no log written"
    for line in reversed(lines):
        if "ERROR" in line or "Exception" in line or "error" in line.lower():
            return line.strip()[:300]
    return lines[-1].strip()[:300] if lines else "no log written"


def stop(data_dir: Path, *, wait_seconds: float = 60.0) -> RunningNode | None:
    """Stop the node recorded in ``data_dir``; None if none was running."""
    node = read_running(data_dir)
    if node is None:
        return None
    _signal_group(node.pid, signal.SIGTERM)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline and (_alive(node.pid) or port_in_use(node.port)):
        time.sleep(0.25)
    if _alive(node.pid):
        _signal_group(node.pid, signal.SIGKILL)
        time.sleep(0.5)
    _clear_state(data_dir)
    return node


@contextmanager
def throwaway_node(
    version: str,
    cache_dir: Path,
    run_as: str,
    *,
    heap: str = "1g",
    prefix: str = "newsarchive-node-",
) -> Iterator[tuple[NodeSpec, RunningNode]]:
    """A node on a free port in a fresh temp dir, stopped and removed afterwards.

    The temp dir is made enterable by the unprivileged user the node runs as.
    Used by the tests and the benchmarks.
    """
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    workdir.chmod(0o755)
    spec = NodeSpec(
        version=version,
        cache_dir=cache_dir,
        data_dir=workdir / "node",
        port=free_port(),
        heap=heap,
        run_as=run_as,
    )
    try:
        node, _ = start(spec)
        yield spec, node
    finally:
        stop(spec.data_dir)
        shutil.rmtree(workdir, ignore_errors=True)


def _signal_group(pid: int, sig: signal.Signals) -> None:
    """Signal the node's whole process group: the launcher and the server JVM."""
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass
    except PermissionError:
        os.kill(pid, sig)
