"""LIAISON_PUSH_CHANNELS narrows common.channels.PUSH_CHANNELS; it cannot name a channel that has no
way to reach a visitor unprompted (announcements there would fail at every attempt)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from common.channels import PUSH_CHANNELS
from lookup.console.announcements import push_channels
from lookup.settings import Settings


def test_by_default_announcements_go_to_every_channel_that_can_push() -> None:
    assert push_channels(Settings()) == list(PUSH_CHANNELS)


def test_the_setting_narrows_the_list() -> None:
    assert push_channels(Settings(push_channels="socketio, telegram")) == ["socketio", "telegram"]


@pytest.mark.parametrize("named", ["socketio,rest", "cmdline", "telegram,callback"])
def test_a_channel_that_cannot_push_is_refused(named: str) -> None:
    with pytest.raises(ValidationError, match="cannot push"):
        Settings(push_channels=named)
