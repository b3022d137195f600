"""Reading and writing ``Article`` JSON lines, reporting bad lines by number."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from newsarchive.article import Article
from newsarchive.errors import UsageError
from newsarchive.text import clean_strings

# A news article is rarely above 200 KB of JSON; a line far above that is a
# broken export or an attack, and reading it whole would only fill memory.
MAX_LINE_CHARS = 8 * 1024 * 1024


@dataclass(frozen=True)
class BadLine:
    """A line that could not be read as an Article, and why."""

    source: str
    line: int
    reason: str
    text: str


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "document"
    # pydantic writes a validator's own message as "Value error, <message>"
    message = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}"


def parse_lines(
    lines: Iterable[str], source: str = "-", max_chars: int = MAX_LINE_CHARS
) -> Iterator[Article | BadLine]:
    """Each non-blank line as an Article, or a BadLine saying what is wrong.

    Text is cleaned here, at the edge (see ``newsarchive.text``), so a lone
    surrogate in one line cannot stop the enrichment of the others.
    """
    for number, raw in enumerate(lines, start=1):
        if len(raw) > max_chars:
            yield BadLine(
                source,
                number,
                f"line too long ({len(raw):,} characters, at most {max_chars:,})",
                raw[:2000],
            )
            continue
        text = raw.strip()
        if not text:
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield BadLine(
                source, number, f"invalid JSON: {exc.msg} at column {exc.colno}", text[:2000]
            )
            continue
        except RecursionError:
            yield BadLine(source, number, "invalid JSON: nested too deeply", text[:2000])
            continue
        if not isinstance(data, dict):
            yield BadLine(source, number, "not a JSON object", text[:2000])
            continue
        try:
            yield Article.model_validate(clean_strings(data))
        except RecursionError:
            yield BadLine(source, number, "not an article: nested too deeply", text[:2000])
        except ValidationError as exc:
            yield BadLine(source, number, f"not an article: {_first_error(exc)}", text[:2000])


def bounded_lines(stream: IO[str], max_chars: int = MAX_LINE_CHARS) -> Iterator[str]:
    """The stream's lines, none held in memory beyond ``max_chars`` + 1 characters.

    An overlong line is yielded cut to ``max_chars + 1`` characters (so
    ``parse_lines`` reports it) and the rest of it is skipped unread.
    """
    while line := stream.readline(max_chars + 1):
        if len(line) > max_chars and not line.endswith("\n"):
            while (rest := stream.readline(max_chars)) and not rest.endswith("\n"):
                pass
        yield line


@contextmanager
def open_input(path: str) -> Iterator[IO[str]]:
    """A text stream for a path, or stdin for ``-``; a missing file is a usage error."""
    if path == "-":
        yield sys.stdin
        return
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"no such file: {path}")
    with file.open(encoding="utf-8", errors="replace") as stream:
        yield stream


@contextmanager
def open_output(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8") as stream:
        yield stream


def count_lines(path: str) -> int | None:
    """How many lines a file has (for a progress bar); None for stdin."""
    if path == "-" or not Path(path).is_file():
        return None
    count = 0
    last = b"\n"
    with Path(path).open("rb") as stream:  # by blocks: one line may be huge
        while block := stream.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def dump_line(article: Article) -> str:
    return article.model_dump_json(exclude_none=False) + "\n"
