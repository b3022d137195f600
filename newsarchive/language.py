"""Language identification with the model shipped inside py3langid (no downloads)."""

from __future__ import annotations


def detect_language(text: str, *, min_chars: int = 20) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is too little to tell."""
    sample = text[:5000].strip()
    if len(sample) < min_chars:
        return None
    import py3langid  # loads its bundled model on first use

    language, _score = py3langid.classify(sample)
    return str(language)
