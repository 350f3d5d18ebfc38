"""A prayer-time question through the whole assistant (issue 20): the model sends it to the
prayer intent, the action resolves "today" in the exercise's time zone, and the answer carries
the time the lookup service calculates for the camp, in the asker's language, to a visitor who
has not enrolled (prayer times are public)."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.helpers import ADMIN_TOKEN, say
from tools.stack import Stack

pytestmark = pytest.mark.e2e


def calculated(stack: Stack, lang: str) -> dict[str, str]:
    """Today's times as the lookup service gives them (its calculation: tests/lookup)."""
    response = httpx.get(
        f"{stack.url('lookup')}/v1/prayer-times",
        params={"lang": lang},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    )
    assert response.status_code == 200, response.text
    times: dict[str, str] = response.json()["days"][0]["times"]
    return times


@pytest.mark.parametrize(
    ("lang", "question", "name"),
    [
        ("en", "when is maghrib today?", "Maghrib"),
        ("fr", "c'est à quelle heure le maghrib aujourd'hui ?", "Maghrib"),
        ("ar", "متى أذان المغرب اليوم؟", "المغرب"),
    ],
)
def test_when_is_maghrib_today(stack: Stack, lang: str, question: str, name: str) -> None:
    replies = say(stack, question, sender=f"prayer-e2e-{lang}")
    maghrib = calculated(stack, lang)["maghrib"]
    assert replies, "an answer"
    assert name in replies[0] and maghrib in replies[0], replies
