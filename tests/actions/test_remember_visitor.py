"""remember_visitor sends a visitor's channel and language to the lookup service once, even when
the visitor's next turn arrives before that write has come back (under load every turn did, and
the lookup service got one write per turn: half its work, issue 22)."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker

from actions import liaison_team
from actions.lookup_client import LookupClient, LookupUnavailable


class SlowLookup(LookupClient):
    """register_visitor waits until the test lets it finish (or fail)."""

    def __init__(self) -> None:
        super().__init__("http://lookup.invalid")
        self.sent: list[tuple[str, str, str]] = []
        self.release = asyncio.Event()
        self.fail = False

    async def register_visitor(self, sender_id: str, channel: str, lang: str) -> None:
        self.sent.append((sender_id, channel, lang))
        await self.release.wait()
        if self.fail:
            raise LookupUnavailable("HTTP 503: down")


def turn(lang: str = "fr") -> Tracker:
    events = [{"event": "user", "text": "bonjour", "input_channel": "rest"}]
    return Tracker("v1", {"language": lang}, {}, events, False, None, {}, "action_listen")


def test_a_turn_arriving_while_the_registration_is_on_its_way_sends_nothing_more() -> None:
    async def scenario() -> list[tuple[str, str, str]]:
        client = SlowLookup()
        liaison_team.remember_visitor(client, turn(), "fr")
        await asyncio.sleep(0)  # the write is sent, its answer not back yet
        liaison_team.remember_visitor(client, turn(), "fr")
        liaison_team.remember_visitor(client, turn(), "fr")
        client.release.set()
        await liaison_team.drain()
        liaison_team.remember_visitor(client, turn(), "fr")
        liaison_team.remember_visitor(client, turn("en"), "en")  # a new language is sent
        await liaison_team.drain()
        return client.sent

    assert asyncio.run(scenario()) == [("v1", "rest", "fr"), ("v1", "rest", "en")]


def test_a_registration_that_fails_in_flight_is_sent_again_by_the_next_turn() -> None:
    async def scenario() -> list[tuple[str, str, str]]:
        client = SlowLookup()
        client.fail = True
        liaison_team.remember_visitor(client, turn(), "fr")
        await asyncio.sleep(0)
        client.release.set()
        await liaison_team.drain()  # logged, not raised
        client.fail = False
        liaison_team.remember_visitor(client, turn(), "fr")
        await liaison_team.drain()
        liaison_team.remember_visitor(client, turn(), "fr")
        await liaison_team.drain()
        return client.sent

    assert asyncio.run(scenario()) == [("v1", "rest", "fr")] * 2
