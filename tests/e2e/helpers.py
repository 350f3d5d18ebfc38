"""What the end-to-end modules share besides fixtures (conftest.py has those): ports, a data
dir with the sample exercise, a stack's configuration, and talking to the assistant over REST.
Test modules import from here, never from one another or from conftest."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import yaml

from tests.packs import ROOT, SAMPLE_PACK
from tools.stack import Stack, StackConfig

E2E_DIR = Path(__file__).resolve().parent
ADMIN_TOKEN = "e2e-admin-token-9876543210"
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

# Phrasings that are not in the training data.
QUESTIONS = {
    ("meals", "en"): "what time do they serve dinner here?",
    ("meals", "fr"): "c'est quand le petit-déjeuner le matin ?",
    ("meals", "ar"): "متى يفتح المطعم للعشاء؟",
    ("prayer_facilities", "en"): "is there somewhere on base I can do my prayers?",
    ("prayer_facilities", "fr"): "y a-t-il un endroit pour faire la prière sur le camp ?",
    ("prayer_facilities", "ar"): "هل يوجد مكان للصلاة داخل المعسكر؟",
    ("emergency_contacts", "en"): "someone collapsed, which number do I call?",
    ("emergency_contacts", "fr"): "un collègue s'est blessé, quel numéro appeler ?",
    ("emergency_contacts", "ar"): "زميلي مريض جدا بمن أتصل؟",
    ("meals", "ur"): "رات کا کھانا کتنے بجے ملتا ہے؟",
    ("prayer_facilities", "ur"): "کیمپ میں نماز پڑھنے کی جگہ کہاں ہے؟",
    ("emergency_contacts", "ur"): "میرا ساتھی بیمار ہے، ایمرجنسی میں کون سا نمبر ملاؤں؟",
}
_senders = itertools.count()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def load_sample_exercise(data_dir: Path) -> dict[str, str]:
    """Load the sample pack with the real CLI into a fresh data dir; the env that points to it."""
    env = {"LIAISON_DATA_DIR": str(data_dir)}
    liaison = StackConfig.from_environment().lookup_env / "bin" / "liaison"
    load = subprocess.run(
        [str(liaison), "import-pack", str(SAMPLE_PACK)],
        env={**_base_env(), **env},
        capture_output=True,
        text=True,
    )
    assert load.returncode == 0, load.stderr
    return env


def stack_config(workdir: Path, env: dict[str, str]) -> StackConfig:
    """This machine's environments and model, every process on a free port, logs in workdir."""
    defaults = StackConfig.from_environment()
    return StackConfig(
        rasa_env=defaults.rasa_env,
        lookup_env=defaults.lookup_env,
        model=defaults.model,
        rasa_port=free_port(),
        actions_port=free_port(),
        lookup_port=free_port(),
        webchat_port=free_port(),
        log_dir=workdir / "logs",
        # The sample's facts are dated and grow stale by the calendar; the answers here are
        # compared with the pack's texts, so the freshness note (tests/actions) is off.
        env={"LIAISON_STALE_AFTER_DAYS": "0", **env},
    )


def say(stack: Stack, message: str, sender: str | None = None) -> list[str]:
    """The assistant's text replies over REST; a new visitor each time unless `sender` is given
    (on the shared stack, a name no other module uses)."""
    response = httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        json={"sender": sender or f"visitor-{next(_senders)}", "message": message},
        timeout=30,
    )
    response.raise_for_status()
    return [reply["text"] for reply in response.json() if "text" in reply]


def liaison(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `liaison` CLI against this stack's data dir."""
    data_dir = stack.config.env["LIAISON_DATA_DIR"]
    return subprocess.run(
        [str(stack.config.lookup_env / "bin" / "liaison"), *args],
        env={**_base_env(), "LIAISON_DATA_DIR": data_dir},
        capture_output=True,
        text=True,
        timeout=60,
    )


def new_enrolment_code(stack: Stack, nation: str = "nmk", *options: str) -> str:
    """A code made with `liaison new-enrolment-code` (its last line of output)."""
    made = liaison(stack, "new-enrolment-code", "--nation", nation, *options)
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


ENROL_SENTENCES = {
    "en": "hello, my code is {code}",
    "fr": "bonjour, voici mon code {code}",
    "ar": "مرحبا، رمزي هو {code}",
    "ur": "السلام علیکم، میرا کوڈ یہ ہے {code}",
}


def enrolled_sender(stack: Stack, lang: str = "en", nation: str = "nmk") -> str:
    """A new visitor enrolled the real way: a code from the CLI, sent in a sentence in `lang`;
    participants' questions (meals, schedule, venues...) are answered only to such a visitor."""
    return enrol_as(stack, f"enrolled-{lang}-{next(_senders)}", lang, nation)


def enrol_as(stack: Stack, sender: str, lang: str = "en", nation: str = "nmk") -> str:
    """Enrol this REST sender the real way (see enrolled_sender); the sender, for chaining."""
    code = new_enrolment_code(stack, nation)
    replies = say(stack, ENROL_SENTENCES[lang].format(code=code), sender=sender)
    assert len(replies) == 1 and replies[0] != response_text("utter_enrol_invalid", lang), replies
    return sender


def response_text(name: str, lang: str) -> str:
    """The domain's variation of a response for a language (English is the default)."""
    variations: list[dict[str, Any]] = DOMAIN["responses"][name]
    for variation in variations:
        if any(c["value"] == lang for c in variation.get("condition", [])):
            return str(variation["text"])
    return str(next(v["text"] for v in variations if "condition" not in v))


def unmarked_modules(modules: Iterable[ModuleType | None]) -> list[str]:
    """The modules under tests/e2e whose module-level marks (`pytestmark`) lack `e2e`."""
    unmarked = set()
    for module in modules:
        path = Path(getattr(module, "__file__", None) or "/").resolve()
        if module is None or not path.is_relative_to(E2E_DIR):
            continue
        marks = getattr(module, "pytestmark", [])
        if not any(mark.name == "e2e" for mark in (marks if isinstance(marks, list) else [marks])):
            unmarked.add(path.name)
    return sorted(unmarked)


def _base_env() -> dict[str, str]:
    return {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "LIAISON_DATA"))
    }
