"""A patch applied for one test, then put back from the registry (bot.patches.undo)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from bot import patches
from bot.patches._originals import Originals


@pytest.fixture()
def apply_patch() -> Iterator[Callable[..., Originals]]:
    """`apply_patch(name, **options)` applies a patch for this test; afterwards everything it
    replaced is Rasa's own again."""
    assert not patches.applied(), f"patches left applied by an earlier test: {patches.applied()}"
    records: dict[str, Originals] = {}

    def apply(name: str, **options: int) -> Originals:
        records[name] = patches.apply(name, **options)
        assert not records[name].in_place()
        return records[name]

    yield apply
    patches.undo(records)
    for name, record in records.items():
        assert record.in_place(), f"{name} not undone: {record.targets()}"
