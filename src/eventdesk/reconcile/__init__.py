"""reconcile: all reports of one incident -> one account (the export record)."""

from __future__ import annotations

from eventdesk.reconcile.account import Report, reconcile

__all__ = ["Report", "reconcile"]
