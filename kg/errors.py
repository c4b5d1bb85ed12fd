"""One exception tree: every error the library raises on purpose is a KgError.

Each message says what went wrong, where, and how to fix it; the CLI prints it as one
line and exits non-zero.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of all errors raised on purpose by kg."""


class InputError(KgError):
    """An input path or its content cannot be read as text."""


class OutputError(KgError):
    """An output location cannot be written."""


class ConfigError(KgError):
    """An unknown option value (format name, exporter, backend)."""
