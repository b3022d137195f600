"""The dead-letter file: every document that could not be processed, with why."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import IO, Any


class DeadLetters:
    """Appends one JSON line per failure; counts failures by reason."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.reasons: Counter[str] = Counter()
        self._stream: IO[str] | None = None

    def add(self, reason: str, *, kind: str, **details: Any) -> None:
        self.reasons[kind] += 1
        if self.path is None:
            return
        if self._stream is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = self.path.open("a", encoding="utf-8")
        record = {"kind": kind, "reason": reason, **details}
        self._stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        self._stream.flush()

    @property
    def total(self) -> int:
        return sum(self.reasons.values())

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def __enter__(self) -> DeadLetters:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
