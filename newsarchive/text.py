"""Text that every later stage can trust: no lone surrogates, no NUL, no other C0 controls.

Such characters arrive from JSON escapes (``"\\ud800"``) and from pages
whose bytes lie about their encoding. spaCy's tokenizer, the JSON writer
and Elasticsearch each fail on some of them, and one such string must not
stop a whole file, so they are cleaned once, where data enters.
"""

from __future__ import annotations

import re
from typing import Any

# Lone UTF-16 surrogates (never valid in UTF-8) and C0 controls other than
# tab, newline and carriage return.
_UNSAFE = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_text(text: str) -> str:
    """Surrogates become U+FFFD (the text keeps its length); controls go."""
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else "", text)


def clean_strings(value: Any) -> Any:
    """``clean_text`` over every string (keys too) of a JSON value."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k): clean_strings(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_strings(v) for v in value]
    return value
