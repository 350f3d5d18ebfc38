"""A stand-in lookup service over real HTTP, answering from a pack in the real service's response
shape. Search answers are scripted per test: ranking is the real service's job and is tested
there. Handlers are written as httpx request -> response functions (sync or async);
`client_for` puts one behind an aiohttp server on a free loopback port and gives the actions'
client for it. Like the real service, it answers 401 to a request without the service token."""

from __future__ import annotations

import inspect
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
from aiohttp import web
from aiohttp.test_utils import TestServer

from actions.lookup_client import LookupClient
from common.languages import LANGUAGES
from tests.actions import lookup_spec

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]

LANGS = set(LANGUAGES)
SERVICE_TOKEN = "fake-service-token-0123456789"
KIND_OF_SECTION = {
    "topics": "topic",
    "venues": "venue",
    "dress_codes": "dress_code",
    "events": "event",
    "ranks": "rank",
    "contacts": "contact",
    "phrases": "phrase",
}


def localize(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and value and set(value) <= LANGS:
        return value.get(lang)
    if isinstance(value, dict):
        return {k: localize(v, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [localize(v, lang) for v in value]
    return value


def missing_translations(value: Any, lang: str, path: str = "") -> list[str]:
    """Paths of the texts that have no version in `lang`, as the service lists them."""
    if isinstance(value, dict) and value and set(value) <= LANGS:
        return [] if value.get(lang) else [path]
    if isinstance(value, dict):
        return [
            missing
            for key, inner in value.items()
            for missing in missing_translations(inner, lang, f"{path}.{key}" if path else key)
        ]
    if isinstance(value, list):
        return [
            missing
            for index, inner in enumerate(value)
            for missing in missing_translations(inner, lang, f"{path}[{index}]")
        ]
    return []


def texts_of(value: Any) -> list[dict[str, str]]:
    """Every per-language text of a pack item, however deep."""
    if isinstance(value, dict) and value and set(value) <= LANGS:
        return [value]
    if isinstance(value, dict):
        return [texts for inner in value.values() for texts in texts_of(inner)]
    if isinstance(value, list):
        return [texts for inner in value for texts in texts_of(inner)]
    return []


def available_in(value: Any, lang: str, languages: list[str]) -> list[str]:
    """The exercise's other languages that have every text missing in `lang`, as the service
    says them (in the exercise's order; none when nothing is missing)."""
    lacking = [texts for texts in texts_of(value) if not texts.get(lang)]
    if not lacking:
        return []
    return [other for other in languages if other != lang and all(t.get(other) for t in lacking)]


class FakeLookup:
    def __init__(self, pack: dict[str, Any]) -> None:
        self.pack = pack
        self.requests: list[httpx.Request] = []
        self.search_hits: list[tuple[str, str]] = []  # (kind, id) answered to any search
        # (kind, id) -> (score, coverage) of those hits; 1.0 and 1.0 when not given.
        self.search_figures: dict[tuple[str, str], tuple[float, float]] = {}
        # What a search in mode "name" (an entity) answers, when it differs from search_hits.
        self.name_hits: list[tuple[str, str]] | None = None
        # The query's words a search says match nothing (SearchResults.unmatched).
        self.search_unmatched: list[str] = []
        # The liaison-team intake (visitors, handoffs, unanswered), kept apart from the reads.
        self.intake: list[tuple[str, str, Any]] = []  # (method, path, JSON body or None)
        self.open_handoffs: dict[tuple[str, str], int] = {}  # (channel, sender) -> handoff id
        self.token = SERVICE_TOKEN
        # Enrolled visitors, (channel, sender) -> nation code (GET /v1/enrolments/mine).
        self.enrolled: dict[tuple[str, str], str] = {}
        # The days GET /v1/prayer-times answers, computed by the real service (tested there);
        # None: the pack gives no prayer_times, 404 as the service says.
        self.prayer_days: list[dict[str, Any]] | None = None

    def item(self, kind: str, item_id: str, lang: str) -> dict[str, Any]:
        section = next(s for s, k in KIND_OF_SECTION.items() if k == kind)
        raw = next(i for i in self.pack[section] if i["id"] == item_id)
        view = self.view(kind, raw, lang)
        if kind == "event":
            view["related"] = {"venue": self.item("venue", raw["venue"], lang)}
            if raw.get("dress"):
                view["related"]["dress"] = self.item("dress_code", raw["dress"], lang)
        return view

    def view(self, kind: str, raw: dict[str, Any], lang: str) -> dict[str, Any]:
        """An item as the service gives it (LocalizedItem in lookup/openapi.json)."""
        return {
            "kind": kind,
            "id": raw["id"],
            "lang": lang,
            "last_updated": raw["last_updated"],
            "updated_by": raw["updated_by"],
            "fields": localize(raw, lang),
            "missing_translations": missing_translations(raw, lang),
            "available_in": available_in(
                raw, lang, self.pack.get("exercise", {}).get("languages", [])
            ),
        }

    def listing(self, lang: str, **answer: Any) -> dict[str, Any]:
        """A list answer (ItemList, SearchResults): the exercise and language, then `answer`."""
        exercise_id = self.pack.get("exercise", {}).get("id", "no-exercise")
        return {"exercise_id": exercise_id, "lang": lang, **answer}

    def handle(self, request: httpx.Request) -> httpx.Response:
        """The answer, checked against the real service's OpenAPI spec before it is sent."""
        response = self.answer(request)
        lookup_spec.check(request, response)
        return response

    def answer(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("authorization") != f"Bearer {self.token}":
            return httpx.Response(401, json={"detail": "no service token"})
        if request.method == "POST" or request.url.path.startswith("/v1/handoffs"):
            return self.handle_intake(request)
        self.requests.append(request)
        if request.url.path == "/v1/enrolments/mine":
            visitor = (request.url.params["channel"], request.url.params["sender_id"])
            nation = self.enrolled.get(visitor)
            return httpx.Response(200, json={"enrolled": nation is not None, "nation": nation})
        path, lang = request.url.path, request.url.params["lang"]
        if path.startswith("/v1/topics/"):
            topic = path.rsplit("/", 1)[-1]
            items = [
                self.item("topic", i["id"], lang)
                for i in self.pack["topics"]
                if i["topic"] == topic
            ]
            if not items:
                return httpx.Response(404, json={"detail": f"nothing on topic '{topic}'"})
            return httpx.Response(200, json=self.listing(lang, items=items))
        if path == "/v1/exercise":
            return httpx.Response(200, json=self.view("exercise", self.pack["exercise"], lang))
        if path == "/v1/events":
            on = request.url.params.get("on")
            items = [
                self.item("event", e["id"], lang)
                for e in self.pack["events"]
                if on is None or e["start"].startswith(on)
            ]
            return httpx.Response(200, json=self.listing(lang, items=items))
        if path == "/v1/prayer-times":
            if self.prayer_days is None:
                return httpx.Response(404, json={"detail": "no prayer_times in the pack"})
            at = request.url.params["at"][:10]
            days = [d for d in self.prayer_days if d["date"] >= at]
            days = days[: int(request.url.params.get("days", 1))]
            answer = {"time_zone": self.pack["exercise"]["time_zone"], "method": "umm_al_qura"}
            return httpx.Response(
                200,
                json=self.listing(
                    lang, days=days, last_updated=self.pack["exercise"]["last_updated"], **answer
                ),
            )
        if path.startswith("/v1/items/"):
            kind = path.rsplit("/", 1)[-1]
            section = next(s for s, k in KIND_OF_SECTION.items() if k == kind)
            items = [self.item(kind, i["id"], lang) for i in self.pack[section]]
            return httpx.Response(200, json=self.listing(lang, items=items))
        if path == "/v1/search":
            kinds = request.url.params.get_list("kind")
            found = self.search_hits
            if request.url.params.get("mode") == "name" and self.name_hits is not None:
                found = self.name_hits
            hits = [
                {
                    "score": self.search_figures.get((kind, item_id), (1.0, 1.0))[0],
                    "coverage": self.search_figures.get((kind, item_id), (1.0, 1.0))[1],
                    "item": self.item(kind, item_id, lang),
                }
                for kind, item_id in found
                if not kinds or kind in kinds
            ]
            query = request.url.params.get("q", "")
            answer = self.listing(lang, query=query, hits=hits, unmatched=self.search_unmatched)
            return httpx.Response(200, json=answer)
        return httpx.Response(404, json={"detail": "no such path"})

    def handle_intake(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        body = json.loads(request.content) if request.content else None
        self.intake.append((request.method, path, body))
        if path == "/v1/handoffs/active":
            visitor = (request.url.params["channel"], request.url.params["sender_id"])
            handoff_id = self.open_handoffs.get(visitor)
            return httpx.Response(200, json={"active": handoff_id is not None, "id": handoff_id})
        if path == "/v1/handoffs":
            assert body is not None, "POST /v1/handoffs without a body"
            handoff_id = self.open_handoffs.setdefault((body["channel"], body["sender_id"]), 41)
            message = {
                "ar": "سيرد عليك أحد أعضاء فريق الارتباط هنا خلال 15 دقيقة تقريباً.",
                "en": "A member of the liaison team will answer here within about 15 minutes.",
                "fr": "L'équipe de liaison vous répondra ici d'ici 15 minutes environ.",
            }[body["language"]]
            handoff = {
                "id": handoff_id,
                "status": "open",
                "on_duty": True,
                "reply_expected_by": "2027-01-20T12:15:00+03:00",
                "message": message,
                "message_lang": body["language"],
            }
            return httpx.Response(201, json=handoff)
        now = "2027-01-20T09:00:00Z"
        if path == "/v1/visitors":
            assert body is not None, "POST /v1/visitors without a body"
            return httpx.Response(201, json={**body, "first_seen": now, "last_seen": now})
        if path == "/v1/unanswered":
            return httpx.Response(201, json={"id": len(self.intake), "topic": None})
        if path == "/v1/refusals":
            assert body is not None, "POST /v1/refusals without a body"
            return httpx.Response(201, json={"id": len(self.intake), "at": now, **body})
        if path.endswith("/messages"):
            assert body is not None, "POST /v1/handoffs/{id}/messages without a body"
            line = {"speaker": body["speaker"], "text": body["text"], "time": now}
            handoff_id = int(path.split("/")[-2])
            return httpx.Response(
                201, json={"id": len(self.intake), "handoff_id": handoff_id, **line}
            )
        return httpx.Response(404, json={"detail": "no such path"})

    def posted(self, path: str) -> list[Any]:
        return [body for method, p, body in self.intake if method == "POST" and p == path]


@asynccontextmanager
async def client_for(
    handler: Handler | None, timeout: float = 3.0, token: str | None = SERVICE_TOKEN
) -> AsyncIterator[LookupClient]:
    """A lookup client talking to `handler` (None: a lookup service that is down), closed after;
    it sends `token` as the service token."""
    async with _serving(handler) as url:
        client = LookupClient(url, timeout=timeout, token=token)
        try:
            yield client
        finally:
            await client.aclose()


@asynccontextmanager
async def _serving(handler: Handler | None) -> AsyncIterator[str]:
    """The base URL of a server answering with `handler`; None: a port nobody listens on."""
    if handler is None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        yield f"http://127.0.0.1:{port}"
        return

    async def respond(request: web.Request) -> web.Response:
        forwarded = httpx.Request(
            request.method,
            f"http://lookup.test{request.path_qs}",
            content=await request.read(),
            headers={
                "content-type": request.headers.get("content-type", ""),
                "authorization": request.headers.get("authorization", ""),
            },
        )
        reply = handler(forwarded)
        if inspect.isawaitable(reply):
            reply = await reply
        return web.Response(
            status=reply.status_code,
            body=reply.content,
            content_type=reply.headers.get("content-type", "application/json").split(";")[0],
        )

    app = web.Application()
    app.router.add_route("*", "/{path:.*}", respond)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()
