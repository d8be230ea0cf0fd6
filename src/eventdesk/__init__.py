"""eventdesk: raw news articles in, a deduplicated, source-attributed incident database out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from eventdesk.api import Desk


def open(path: str | Path | None = None) -> Desk:  # noqa: A001 - mirrors sqlite-utils' Database(path)
    """Open (or create) an eventdesk database and return the Python API object."""
    from eventdesk.api import Desk

    return Desk(path)
