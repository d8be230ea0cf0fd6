"""The SQLite store: WAL, foreign keys, versioned schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eventdesk.store.db import SCHEMA_VERSION, Store


def test_schema_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    store = Store(db)
    assert store.schema_version == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.conn.execute(
            "INSERT INTO articles (id, raw, text, content_hash, incident_id, ingested_at) "
            "VALUES ('a', '', '', 'h', 'no-such-incident', 'now')"
        )
    assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0  # rolled back
    store.close()
    # reopening migrates nothing twice
    again = Store(db)
    assert again.schema_version == SCHEMA_VERSION
    again.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(db)


def test_readonly_path_with_odd_characters(tmp_path: Path) -> None:
    db = tmp_path / "odd ?#% name.db"
    Store(db).close()
    ro = Store(db, readonly=True)
    assert ro.conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0] == 0
    ro.close()


def test_a_failed_commit_is_rolled_back_and_reported(tmp_path: Path) -> None:
    store = Store(tmp_path / "x.db")
    store.conn.execute("CREATE TABLE p (id INTEGER PRIMARY KEY)")
    store.conn.execute(
        "CREATE TABLE c (pid INTEGER REFERENCES p(id) DEFERRABLE INITIALLY DEFERRED)"
    )
    undone: list[str] = []
    store.on_rollback.append(lambda: undone.append("rolled back"))
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.conn.execute("INSERT INTO c VALUES (42)")  # checked only at COMMIT
    assert undone == ["rolled back"]
    assert not store.conn.in_transaction
    assert store.conn.execute("SELECT COUNT(*) FROM c").fetchone()[0] == 0
    with store.transaction():  # the next transaction starts cleanly
        store.conn.execute("INSERT INTO p VALUES (1)")
    store.close()
