"""The error hierarchy and the exit codes the CLI maps it to.

Library code raises these; only the CLI's error boundary turns them into a
one-line message and an exit status.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    UNAVAILABLE = 3  # Elasticsearch (or Kibana) could not be reached


class NewsarchiveError(Exception):
    """Base class: a failure with a message meant for the user."""

    exit_status = ExitStatus.ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint

    def __str__(self) -> str:
        message = super().__str__()
        return f"{message} ({self.hint})" if self.hint else message


class UsageError(NewsarchiveError):
    """The user asked for something malformed (a bad date, a bad option value)."""

    exit_status = ExitStatus.USAGE


class ClusterUnavailable(NewsarchiveError):
    """Elasticsearch did not answer at the configured URL."""

    exit_status = ExitStatus.UNAVAILABLE


class IndexBlocked(ClusterUnavailable):
    """Elasticsearch refuses writes to the index: most often a full disk's flood-stage block."""


class LocalNodeError(NewsarchiveError):
    """The local Elasticsearch node could not be fetched, started or stopped."""


class IndexStateError(NewsarchiveError):
    """The index or alias is not in the state an operation needs."""
