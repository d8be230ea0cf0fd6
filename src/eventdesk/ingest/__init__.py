"""ingest: files, directories, JSONL and stdin -> RawArticle records (or one-line errors)."""

from __future__ import annotations

from eventdesk.ingest.readers import (
    IngestError,
    original_url,
    outlet_of_url,
    read_file,
    read_paths,
    read_stdin,
    record_to_raw,
)

__all__ = [
    "IngestError",
    "original_url",
    "outlet_of_url",
    "read_file",
    "read_paths",
    "read_stdin",
    "record_to_raw",
]
