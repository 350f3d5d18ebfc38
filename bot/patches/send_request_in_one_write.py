"""Send an aiohttp request's headers and its body in one socket write.

Reason: aiohttp 3.9 writes a request's status line and headers as soon as they are made, then
its body from a task of its own: two `transport.write` calls, two TCP segments (aiohttp sets
TCP_NODELAY), and on the receiving side (the action server, for every custom action) two
wake-ups and two reads where one would do. Here a request that has a body (a Content-Length
above 0, or a chunked one) and does not wait for "100 Continue" keeps its headers until its
first body bytes are written, and they go out together; a request without a body is sent as
before. The bytes on the wire, their order and everything aiohttp counts (`output_size`) are the
same; only where the socket writes fall changes. aiohttp 3.10 and later do this themselves.

Gain: Rasa's POST of every custom action to the action server (docs/deploy.md, "fourteenth
round"); in py-spy profiles of a fresh custom-action turn, writing the request's headers was
most of Rasa's `aiohttp/http_writer.py` samples (227 of 263) and the body's write the rest.

Risk: low. It replaces the `StreamWriter` that `aiohttp.client_reqrep` builds each request's
writer from with a subclass that overrides `write_headers`, `_write` and `write_eof` (aiohttp's
own methods, whose code it calls); applied on Rasa 3.6.21 only, and only when the aiohttp is
the 3.9 it was written against (else it leaves aiohttp as it is and says so).
tests/bot/patches/test_send_request_in_one_write.py checks the bytes a server receives are the
same with and without it (JSON, chunked, empty and 100-continue requests), and that a request
with a body is one write.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.patches._originals import Originals

logger = logging.getLogger(__name__)

WRITTEN_AGAINST = "3.9."


def holds_headers(headers: Any) -> bool:
    """Whether a request with these headers has a body to send its headers with."""
    if headers.get("Expect"):
        return False  # the body waits for the server's "100 Continue", which the headers ask
    if "chunked" in headers.get("Transfer-Encoding", "").lower():
        return True
    length = headers.get("Content-Length")
    return length is not None and length.strip() not in ("", "0")


def apply() -> Originals:
    """Replace `aiohttp.client_reqrep.StreamWriter`; return what it replaced."""
    import aiohttp
    from aiohttp import client_reqrep
    from aiohttp.http_writer import StreamWriter, _serialize_headers

    originals = Originals()
    if not aiohttp.__version__.startswith(WRITTEN_AGAINST):
        logger.warning(
            "aiohttp %s is not %sx: send_request_in_one_write changes nothing",
            aiohttp.__version__,
            WRITTEN_AGAINST,
        )
        return originals

    class OneWriteStreamWriter(StreamWriter):
        """aiohttp's StreamWriter, whose headers wait for the body's first bytes."""

        _held: bytes | None = None

        async def write_headers(self, status_line: str, headers: Any) -> None:
            if not holds_headers(headers):
                await super().write_headers(status_line, headers)
                return
            if self._on_headers_sent is not None:
                await self._on_headers_sent(headers)
            self._held = _serialize_headers(status_line, headers)

        def _write(self, chunk: bytes) -> None:
            held = self._held
            if held is not None:
                self._held = None
                chunk = held + chunk
            super()._write(chunk)

        async def write_eof(self, chunk: bytes = b"") -> None:
            # The body may have written nothing (an empty payload, all of it compressed away):
            # the headers then go out now, alone, as aiohttp would have sent them.
            if self._held is not None and not self._eof and not (chunk or self.chunked):
                self._write(b"")
            await super().write_eof(chunk)
            if self._held is not None:
                self._write(b"")

    originals.replace(client_reqrep, "StreamWriter", OneWriteStreamWriter)
    return originals
