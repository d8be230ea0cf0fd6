"""clean: raw input -> Article with boilerplate removed.

HTML goes through trafilatura; plain text goes through a line classifier that drops web junk
(teaser headlines, share prompts, copyright lines…).  The stored clean text is the reference
for every evidence offset; the raw input is kept beside it.
"""

from __future__ import annotations

from typing import Protocol

from eventdesk.model import Article, RawArticle
from eventdesk.registry import Registry


class CleanError(ValueError):
    """The item cannot be turned into an article (empty after cleaning, binary…)."""


class Cleaner(Protocol):
    def clean(self, raw: RawArticle) -> Article: ...


cleaners: Registry[Cleaner] = Registry("cleaner")


@cleaners.register("default")
def _default_cleaner() -> Cleaner:
    from eventdesk.clean.cleaner import DefaultCleaner

    return DefaultCleaner()


def get_cleaner(name: str = "default") -> Cleaner:
    return cleaners.get(name)
