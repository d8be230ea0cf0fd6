"""A small registry per stage, so a component can be swapped by name (as in spaCy)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Named factories for one kind of component (``cleaners``, ``analyzers``…)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[[], T]] = {}

    def register(self, name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
        def add(factory: Callable[[], T]) -> Callable[[], T]:
            self._factories[name] = factory
            return factory

        return add

    def get(self, name: str) -> T:
        try:
            factory = self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            raise KeyError(f"unknown {self.kind} {name!r} (registered: {known})") from None
        return factory()

    def names(self) -> list[str]:
        return sorted(self._factories)
