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
    return f"{where}: {err['msg']}"


def parse_lines(lines: Iterable[str], source: str = "-") -> Iterator[Article | BadLine]:
    """Each non-blank line as an Article, or a BadLine saying what is wrong."""
    for number, raw in enumerate(lines, start=1):
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
        if not isinstance(data, dict):
            yield BadLine(source, number, "not a JSON object", text[:2000])
            continue
        try:
            yield Article.model_validate(data)
        except ValidationError as exc:
            yield BadLine(source, number, f"not an article: {_first_error(exc)}", text[:2000])


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
    with Path(path).open("rb") as stream:
        return sum(1 for line in stream if line.strip())


def dump_line(article: Article) -> str:
    return article.model_dump_json(exclude_none=False) + "\n"
