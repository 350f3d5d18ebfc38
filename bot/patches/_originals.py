"""What one patch replaced, kept so that it can be put back (tests undo patches from here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

_MISSING = object()  # the attribute was inherited, not the owner's own


class Originals:
    """The attributes and event listeners a patch changed, with what was there before."""

    def __init__(self) -> None:
        self._replaced: list[tuple[Any, str, Any]] = []
        self._listeners: list[tuple[Any, str, Callable[..., Any]]] = []

    def replace(self, owner: Any, name: str, value: Any) -> None:
        """`setattr(owner, name, value)`, remembering the owner's own attribute (a staticmethod
        stays a staticmethod when put back)."""
        self._replaced.append((owner, name, vars(owner).get(name, _MISSING)))
        setattr(owner, name, value)

    def listen(self, target: Any, identifier: str, fn: Callable[..., Any]) -> None:
        """`sqlalchemy.event.listen`, remembered so that `restore` removes it."""
        event.listen(target, identifier, fn)
        self._listeners.append((target, identifier, fn))

    def targets(self) -> list[str]:
        """What the patch changes, as `owner.name` (for logs and test messages)."""
        names = [f"{getattr(o, '__qualname__', o.__name__)}.{n}" for o, n, _ in self._replaced]
        return names + [f"{t.__name__} {i!r} listener" for t, i, _ in self._listeners]

    def in_place(self, ignoring: set[str] | frozenset[str] = frozenset()) -> bool:
        """Whether everything the patch changed is as it was before the patch (but the
        `owner.name` targets in `ignoring`, which another patch may have replaced too)."""
        return all(
            vars(owner).get(name, _MISSING) is original
            for owner, name, original in self._replaced
            if f"{getattr(owner, '__qualname__', owner.__name__)}.{name}" not in ignoring
        ) and not any(event.contains(*listener) for listener in self._listeners)

    def restore(self) -> None:
        """Put back what the patch replaced, last change first; remove its listeners."""
        for owner, name, original in reversed(self._replaced):
            if original is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
        for listener in self._listeners:
            if event.contains(*listener):
                event.remove(*listener)
