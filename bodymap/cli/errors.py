"""The command line's one error type: a message for one line and the exit status to return."""

from __future__ import annotations


class CliError(Exception):
    """A failure to report in one line, with the exit status to return."""

    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status
