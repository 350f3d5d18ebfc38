"""bot.patches.cache_empty_domain: `Domain.is_empty` answers as Rasa's own, for the empty
domain, this project's domain and a domain that differs from the empty one in one key only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rasa.shared.core.domain import Domain

from bot.patches._originals import Originals

DOMAIN = Path(__file__).resolve().parents[3] / "domain.yml"


def _domains() -> list[Domain]:
    return [
        Domain.empty(),
        Domain.from_dict({}),
        Domain.load(DOMAIN),
        Domain.from_dict({"intents": ["greet"]}),
        Domain.from_dict({"session_config": {"session_expiration_time": 5}}),
    ]


def test_is_empty_answers_as_rasa_does(apply_patch: Callable[..., Originals]) -> None:
    domains = _domains()
    expected = [domain.is_empty() for domain in domains]
    assert expected == [True, True, False, False, False]
    apply_patch("cache_empty_domain")
    for _ in range(2):  # the second time from the kept empty domain
        assert [domain.is_empty() for domain in domains] == expected
    # What a caller does to an empty domain's dict does not reach the kept one.
    changed = Domain.empty()
    changed.as_dict()["intents"] = ["greet"]
    assert not changed.is_empty()
    assert Domain.empty().is_empty()
