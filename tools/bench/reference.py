"""The reference: the bare assistant `rasa init --no-prompt` creates with the same Rasa version,
generated and trained in a temporary folder (never committed), and a variant of it with one
custom action that calls a one-route FastAPI app, for a fair "custom action" comparison.

- `starter`: exactly what `rasa init` gives (default pipeline, Memoization + Rule + TED policies,
  in-memory tracker store). `rasa init` trains it; that time is the reference training time.
- `starter_action`: the same NLU data, policies Memoization + Rule only (no TED), rules
  greet → utter_greet, goodbye → utter_goodbye, bot_challenge → action_lookup, where
  action_lookup asks the one-route app (GET /answer, pooled httpx client) and says its text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from tools.stack import Service, Stack, StackConfig

REF_APP = '''"""One-route FastAPI app: what the reference's custom action asks."""
from fastapi import FastAPI

app = FastAPI()
ANSWERS = {"en": "I am a bot, powered by Rasa.", "fr": "Je suis un bot.", "ar": "أنا بوت."}


@app.get("/answer")
async def answer(lang: str = "en") -> dict:
    return {"text": ANSWERS.get(lang, ANSWERS["en"])}
'''

REF_ACTIONS = '''"""The reference's one custom action: ask the one-route app, say its answer."""
import os

import httpx
from rasa_sdk import Action

_client = None


class ActionLookup(Action):
    def name(self):
        return "action_lookup"

    async def run(self, dispatcher, tracker, domain):
        global _client
        if _client is None:
            _client = httpx.AsyncClient(base_url=os.environ["BENCH_REF_APP_URL"], timeout=3.0)
        response = await _client.get("/answer", params={"lang": "en"})
        dispatcher.utter_message(text=response.json()["text"])
        return []
'''

VARIANT_RULES = {
    "version": "3.1",
    "rules": [
        {"rule": "greet", "steps": [{"intent": "greet"}, {"action": "utter_greet"}]},
        {"rule": "goodbye", "steps": [{"intent": "goodbye"}, {"action": "utter_goodbye"}]},
        {
            "rule": "bot challenge asks the app",
            "steps": [{"intent": "bot_challenge"}, {"action": "action_lookup"}],
        },
    ],
}


@dataclass
class Reference:
    root: Path  # holds starter/ and starter_action/
    init_seconds: float | None = None  # `rasa init`, which is mostly its training
    variant_train_seconds: float | None = None

    @property
    def starter(self) -> Path:
        return self.root / "starter"

    @property
    def variant(self) -> Path:
        return self.root / "starter_action"

    @staticmethod
    def model_in(project: Path) -> Path:
        models = sorted((project / "models").glob("*.tar.gz"))
        if not models:
            raise FileNotFoundError(f"no trained model in {project / 'models'}")
        return models[-1]


def _env(cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        # A cache of our own: never reuse (or fill) a shared .rasa/cache.
        "RASA_CACHE_DIRECTORY": str(cache),
    }


def build(root: Path, rasa_env: Path, log: Path, progress=print) -> Reference:
    """rasa init (timed: it trains), then the one-action variant (trained, timed)."""
    reference = Reference(root)
    reference.starter.mkdir(parents=True, exist_ok=True)
    rasa = str(rasa_env / "bin" / "rasa")
    progress("reference: rasa init --no-prompt (creates and trains the starter) ...")
    started = time.monotonic()
    with log.open("ab") as out:
        subprocess.run(
            [rasa, "init", "--no-prompt", "--init-dir", str(reference.starter)],
            check=True,
            cwd=reference.starter,
            env=_env(root / "cache-starter"),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    reference.init_seconds = round(time.monotonic() - started, 1)
    progress(f"reference: starter trained in {reference.init_seconds:.0f} s")

    variant = reference.variant
    for name in ("data", "domain.yml", "credentials.yml"):
        source = reference.starter / name
        target = variant / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            variant.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    config = yaml.safe_load((reference.starter / "config.yml").read_text())
    config["policies"] = [{"name": "MemoizationPolicy"}, {"name": "RulePolicy"}]
    (variant / "config.yml").write_text(yaml.safe_dump(config))
    domain = yaml.safe_load((variant / "domain.yml").read_text())
    domain["actions"] = ["action_lookup"]
    (variant / "domain.yml").write_text(yaml.safe_dump(domain, allow_unicode=True))
    (variant / "data" / "rules.yml").write_text(yaml.safe_dump(VARIANT_RULES, sort_keys=False))
    (variant / "bench_ref_app.py").write_text(REF_APP)
    (variant / "bench_ref_actions.py").write_text(REF_ACTIONS)
    progress("reference: training the one-action variant (Memoization + Rule policies) ...")
    started = time.monotonic()
    with log.open("ab") as out:
        subprocess.run(
            [rasa, "train", "--force", "--out", "models"],
            check=True,
            cwd=variant,
            env=_env(root / "cache-variant"),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    reference.variant_train_seconds = round(time.monotonic() - started, 1)
    progress(f"reference: variant trained in {reference.variant_train_seconds:.0f} s")
    return reference


class ReferenceStack(Stack):
    """The reference's processes, started and stopped by tools.stack's machinery.

    with_action: the variant (one-route app, action server, Rasa); else Rasa alone."""

    def __init__(
        self,
        reference: Reference,
        config: StackConfig,
        with_action: bool,
        startup_timeout: float = 240.0,
    ) -> None:
        super().__init__(config, startup_timeout)
        project = reference.variant if with_action else reference.starter
        run_dir = config.log_dir / "files"
        run_dir.mkdir(parents=True, exist_ok=True)
        endpoints = run_dir / "endpoints.yml"
        actions_url = f"http://127.0.0.1:{config.actions_port}/webhook"
        endpoints.write_text(f"action_endpoint:\n  url: {actions_url}\n" if with_action else "")
        rasa_bin = config.rasa_env / "bin"
        services = []
        if with_action:
            services += [
                Service(
                    name="lookup",
                    argv=[
                        str(config.lookup_env / "bin" / "uvicorn"),
                        "bench_ref_app:app",
                        "--app-dir",
                        str(project),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(config.lookup_port),
                    ],
                    port=config.lookup_port,
                    ready_path="/answer",
                ),
                Service(
                    name="actions",
                    argv=[
                        str(rasa_bin / "python"),
                        "-m",
                        "rasa_sdk",
                        "--actions",
                        "bench_ref_actions",
                        "--port",
                        str(config.actions_port),
                    ],
                    port=config.actions_port,
                    ready_path="/health",
                    env={
                        "PYTHONPATH": str(project),
                        "BENCH_REF_APP_URL": f"http://127.0.0.1:{config.lookup_port}",
                    },
                ),
            ]
        services.append(
            Service(
                name="rasa",
                argv=[
                    str(rasa_bin / "rasa"),
                    "run",
                    "--enable-api",
                    "--interface",
                    "127.0.0.1",
                    "--port",
                    str(config.rasa_port),
                    "--model",
                    str(Reference.model_in(project)),
                    "--endpoints",
                    str(endpoints),
                    "--credentials",
                    str(project / "credentials.yml"),
                ],
                port=config.rasa_port,
                ready_path="/status",
                ready_check=lambda body: b"model_file" in body,
            )
        )
        self.services = {service.name: service for service in services}
