"""Exceptions raised by geomap; only the CLI turns them into exit codes."""

from __future__ import annotations


class GeomapError(Exception):
    """Root of every error geomap raises."""


class ConfigError(GeomapError, ValueError):
    """A setting in pyproject.toml, the environment or a flag is invalid."""


class InputError(GeomapError, OSError):
    """An article path is missing, unreadable or not text."""


class OutputError(GeomapError, OSError):
    """A report, map or standard output could not be written."""
