"""The announcement delivery worker: a thread in the service that sends pending deliveries through
Rasa, retries failures with exponential backoff, and marks a delivery failed after its last
attempt (the console shows it, with a retry button). Deliveries live in the database, so after a
restart the worker carries on with whatever is pending; one claimed by a process that died is
due again when its claim lapses. A delivery sent just before a crash, and not yet recorded,
is sent again: at least once, never silently dropped.

Each recipient gets the announcement in the language of their conversation: Rasa's `language`
slot, else the language stored when they last talked to the bot, else the first of the
exercise's languages the announcement has (recorded with the delivery).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from lookup.rasa_client import RasaClient, RasaError
from lookup.settings import Settings
from lookup.store.exercises import ExerciseNotFound, current_exercise
from lookup.store.items import now
from lookup.store.liaison import claim_due, record_attempt
from lookup.store.models import Delivery, Visitor

logger = logging.getLogger(__name__)


def choose_language(texts: dict[str, str], preferences: Iterable[str | None]) -> str:
    """The first preferred language the announcement is written in (else any it has)."""
    for lang in [*preferences, *sorted(texts)]:
        if lang and lang in texts:
            return lang
    raise ValueError("an announcement has at least one text")


class DeliveryWorker:
    def __init__(
        self,
        factory: sessionmaker[Session],
        rasa: RasaClient,
        settings: Settings,
        clock: Callable[[], datetime] = now,
    ) -> None:
        self._factory = factory
        self._rasa = rasa
        self._settings = settings
        self._clock = clock
        self._lease = timedelta(seconds=max(60.0, 3 * settings.rasa_timeout))
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name="liaison-delivery", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Look for due deliveries now (after an announcement or a retry)."""
        self._wake.set()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                while self.run_once() and not self._stopping.is_set():
                    pass
            except Exception:  # the worker must outlive a database or network hiccup
                logger.exception("announcement delivery round failed; trying again shortly")
            self._wake.wait(self._settings.delivery_poll_seconds)
            self._wake.clear()

    def run_once(self) -> int:
        """Attempt every delivery due now; how many were attempted."""
        with self._factory() as session:
            claimed = claim_due(session, self._clock(), self._lease)
        for delivery_id in claimed:
            self._attempt(delivery_id)
        return len(claimed)

    def _attempt(self, delivery_id: int) -> None:
        with self._factory() as session:
            delivery = session.get(Delivery, delivery_id)
            if delivery is None:  # its announcement was deleted meanwhile
                return
            texts = dict(delivery.announcement.texts)
            sender_id, channel = delivery.sender_id, delivery.channel
            visitor = session.get(Visitor, (channel, sender_id))
            stored = visitor.language if visitor is not None else None
            try:
                exercise_languages = current_exercise(session, self._settings.exercise_id).languages
            except ExerciseNotFound:
                exercise_languages = []
        # Network calls happen outside any transaction.
        try:
            current = self._rasa.conversation_language(sender_id)
        except RasaError as error:
            logger.info("no language slot for %s (%s); using the stored one", sender_id, error)
            current = None
        language = choose_language(texts, [current, stored, *exercise_languages])
        error_text: str | None = None
        try:
            self._rasa.send_text(sender_id, channel, texts[language])
        except RasaError as error:
            error_text = str(error)
        with self._factory() as session, session.begin():
            delivery = session.get(Delivery, delivery_id)
            if delivery is None:
                return
            backoff = self._settings.delivery_retry_seconds * 2**delivery.attempts
            record_attempt(
                session,
                delivery,
                at=self._clock(),
                language=language,
                error=error_text,
                max_attempts=self._settings.delivery_max_attempts,
                retry_after=timedelta(seconds=backoff),
            )
            if error_text is not None:
                level = logging.ERROR if delivery.status == "failed" else logging.WARNING
                logger.log(
                    level,
                    "announcement %s to %s on %s: attempt %s %s: %s",
                    delivery.announcement_id,
                    sender_id,
                    channel,
                    delivery.attempts,
                    delivery.status,
                    error_text,
                )
