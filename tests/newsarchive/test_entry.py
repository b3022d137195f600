import subprocess
import sys

import pytest

from newsarchive.entry import _command


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["search", "x"], "search"),
        (["--es-url", "http://h:9200", "show", "id"], "show"),
        (["--debug", "--index", "wires", "crawl", "u"], "crawl"),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_subcommand_is_found_past_root_options(args: list[str], command: str | None) -> None:
    assert _command(args) == command


def test_search_commands_start_without_the_async_http_backends() -> None:
    code = (
        "import sys; sys.argv = ['newsarchive', 'search', '--help'];"
        "from newsarchive.entry import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('aiohttp', 'httpx', 'requests') if sys.modules.get(m)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
