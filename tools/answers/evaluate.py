"""`make eval-answers`: held-out questions asked through the real stack, judged on the facts
their answers carry.

For each pack (the shipped sample, and the second exercise the tests build, tests/packs.py), a
fresh data dir gets the pack through the real CLI, the whole stack starts on free ports
(tools.stack.Stack, as the end-to-end tests do), and every question of
tests/answers/<exercise id>/<lang>.yml is asked over REST by a new visitor enrolled the real
way (a code from `liaison new-enrolment-code`, given to the lookup service's enrolment API as
action_enrol does).
An answer is correct when its replies contain every expected fact (tools/answers/scoring.py).
When the reply is the not-translated notice (the item has no text in the question's language),
the visitor then presses the first language it offers, and that answer is judged too, apart
(`after_press`): a notice is still a miss.

The question sets are held out: written from the packs' content as a visitor would ask, never
from the NLU training examples, and never used to tune anything by hand beyond fixing genuine
bugs. Writes reports/answers.json and prints a table and every miss.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import yaml

from common.languages import LANGUAGES
from tests.packs import ROOT, SAMPLE_PACK, other_pack, write_pack
from tools.answers.scoring import missing_facts, tally
from tools.stack import Stack, StackConfig

QUESTIONS_DIR = ROOT / "tests" / "answers"
# Every language the assistant speaks (common/languages.py); a pack is evaluated in those its
# questions are written in (tests/answers/<exercise>/<lang>.yml).
LANGS = LANGUAGES


def _sample(_workdir: Path) -> Path:
    return SAMPLE_PACK


def _second(workdir: Path) -> Path:
    return write_pack(workdir / "test-oasis-99.yml", other_pack())


# exercise id -> (how to get its pack file, the nation its evaluation visitors enrol with)
PACKS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "sand-heron-27": (_sample, "nmk"),
    "test-oasis-99": (_second, "gst"),
}


def load_questions(
    exercise_id: str, lang: str, questions_dir: Path = QUESTIONS_DIR
) -> list[dict[str, Any]]:
    path = questions_dir / exercise_id / f"{lang}.yml"
    questions: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    for question in questions:
        if not question.get("q") or not question.get("expect"):
            raise ValueError(f"{path}: every question needs `q` and a non-empty `expect`")
    return questions


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _cli_env(data_dir: Path) -> dict[str, str]:
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "LIAISON_DATA"))
    }
    return {**base, "LIAISON_DATA_DIR": str(data_dir)}


def _liaison(config: StackConfig, data_dir: Path, *args: str) -> str:
    done = subprocess.run(
        [str(config.lookup_env / "bin" / "liaison"), *args],
        env=_cli_env(data_dir),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise RuntimeError(f"liaison {args[0]} failed: {done.stderr}")
    return done.stdout


# The payload of the buttons that offer another language (actions/not_translated.py).
SWITCH_LANGUAGE = "/switch_language"


def _say(stack: Stack, sender: str, message: str) -> tuple[list[str], list[str]]:
    """The replies' texts, and the payloads of the buttons offering another language."""
    response = httpx.post(
        f"{stack.url('rasa')}/webhooks/rest/webhook",
        json={"sender": sender, "message": message},
        timeout=60,
    )
    response.raise_for_status()
    replies = response.json()
    offered = [
        str(button.get("payload"))
        for reply in replies
        for button in reply.get("buttons") or []
        if str(button.get("payload", "")).startswith(SWITCH_LANGUAGE)
    ]
    return [reply["text"] for reply in replies if "text" in reply], offered


def _enrol(stack: Stack, sender: str, code: str) -> str:
    """Enrol a REST visitor with a CLI-made code through the lookup service's enrolment API, as
    action_enrol does: the evaluation judges answers, and does not depend on the NLU model
    recognising the code in a sentence (the chat path is tested in tests/e2e/test_access_tiers)."""
    response = httpx.post(
        f"{stack.url('lookup')}/v1/enrolments",
        json={"channel": "rest", "sender_id": sender, "code": code},
        headers={"Authorization": f"Bearer {stack.config.service_token}"},
        timeout=30,
    )
    response.raise_for_status()
    answer = response.json()
    if not answer.get("enrolled"):
        raise RuntimeError(f"enrolment refused: {answer}")
    return str(answer.get("nation"))


def evaluate_pack(
    exercise_id: str,
    workdir: Path,
    langs: tuple[str, ...],
    model: Path | None = None,
    questions_dir: Path = QUESTIONS_DIR,
) -> list[dict[str, Any]]:
    """Start a stack on this pack alone and ask every question of its sets; `model`: the Rasa
    model to serve (default: LIAISON_MODEL, else models/current.tar.gz)."""
    pack_of, nation = PACKS[exercise_id]
    defaults = StackConfig.from_environment()
    data_dir = workdir / "data"
    _liaison(defaults, data_dir, "import-pack", str(pack_of(workdir)))
    config = StackConfig(
        rasa_env=defaults.rasa_env,
        lookup_env=defaults.lookup_env,
        model=model or defaults.model,
        rasa_port=_free_port(),
        actions_port=_free_port(),
        lookup_port=_free_port(),
        webchat_port=_free_port(),
        log_dir=workdir / "logs",
        env={"LIAISON_DATA_DIR": str(data_dir)},
    )
    written = [lang for lang in langs if (questions_dir / exercise_id / f"{lang}.yml").is_file()]
    if unwritten := sorted(set(langs) - set(written)):
        print(f"{exercise_id}: no questions in {', '.join(unwritten)}, not evaluated in them")
    langs = tuple(written)
    questions = {lang: load_questions(exercise_id, lang, questions_dir) for lang in langs}
    uses = str(sum(len(q) for q in questions.values()) + 5)
    code = _liaison(defaults, data_dir, "new-enrolment-code", "--nation", nation, "--uses", uses)
    code = code.strip().splitlines()[-1]
    senders = itertools.count()
    results = []
    with Stack(config) as stack:
        for lang in langs:
            for question in questions[lang]:
                sender = f"answers-{exercise_id}-{lang}-{next(senders)}"
                enrolled = _enrol(stack, sender, code)
                replies, offered = _say(stack, sender, question["q"])
                missing = missing_facts(replies, question["expect"])
                pressed = None
                if missing and offered:
                    after, _ = _say(stack, sender, offered[0])
                    pressed = {
                        "payload": offered[0],
                        "replies": after,
                        "missing": missing_facts(after, question["expect"]),
                    }
                results.append(
                    {
                        "pack": exercise_id,
                        "lang": lang,
                        "question": question["q"],
                        "expect": question["expect"],
                        "replies": replies,
                        "missing": missing,
                        "offered": offered,
                        "pressed": pressed,
                        "enrolled_as": enrolled,
                    }
                )
    return results


def report(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures per pack and language, overall per language, and every miss."""
    packs = sorted({r["pack"] for r in results})
    return {
        "per_language": tally(results),
        "per_pack": {p: tally([r for r in results if r["pack"] == p]) for p in packs},
        "misses": [
            {
                k: r[k]
                for k in (
                    "pack",
                    "lang",
                    "question",
                    "expect",
                    "missing",
                    "replies",
                    "offered",
                    "pressed",
                )
            }
            for r in results
            if r["missing"]
        ],
    }


def print_table(summary: dict[str, Any]) -> None:
    print(
        f"{'pack':<16} {'lang':<4} {'correct':>8} {'total':>6} {'accuracy':>9} {'notices':>8} "
        f"{'after press':>11}"
    )
    rows = [(p, t) for p, t in summary["per_pack"].items()] + [("all", summary["per_language"])]
    for pack, table in rows:
        for lang, row in table.items():
            figures = (
                f"{row['correct']:>8} {row['total']:>6} {row['accuracy']:>9.3f} "
                f"{row['notices']:>8} {row['after_press']:>11}"
            )
            print(f"{pack:<16} {lang:<4} {figures}")
    print(
        f"\n{len(summary['misses'])} miss(es); notices: misses that offered the text in another "
        "language (issue 21: the item has none in the question's); after press: notices whose "
        "answer after pressing the first language offered carries every fact"
    )
    for miss in summary["misses"]:
        notice = " (offered another language)" if miss["offered"] else ""
        if miss["pressed"]:
            right = "right" if not miss["pressed"]["missing"] else "still missing"
            notice += f" (after pressing {miss['pressed']['payload']}: {right})"
        print(f"- [{miss['pack']} {miss['lang']}] {miss['question']}{notice}")
        print(f"    missing {miss['missing']}; replied: {' | '.join(miss['replies'])[:300]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "answers.json")
    parser.add_argument("--pack", action="append", choices=sorted(PACKS), help="default: all")
    parser.add_argument("--lang", action="append", choices=LANGS, help="default: all")
    parser.add_argument("--keep", type=Path, help="keep data and logs under this dir")
    parser.add_argument(
        "--model",
        type=Path,
        help="the Rasa model to answer with, e.g. a scratch model "
        "(default: LIAISON_MODEL, else models/current.tar.gz)",
    )
    parser.add_argument(
        "--questions",
        type=Path,
        default=QUESTIONS_DIR,
        help="folder of <exercise>/<lang>.yml (default: the held-out tests/answers; "
        "tests/answers/development holds the retired ones to develop against)",
    )
    args = parser.parse_args(argv)
    if args.model and not args.model.is_file():
        parser.error(f"--model: no such file: {args.model}")
    langs = tuple(args.lang or LANGS)
    results: list[dict[str, Any]] = []
    for exercise_id in args.pack or sorted(PACKS):
        if args.keep:
            (args.keep / exercise_id).mkdir(parents=True)
            results += evaluate_pack(
                exercise_id, args.keep / exercise_id, langs, args.model, args.questions
            )
            continue
        with tempfile.TemporaryDirectory(prefix=f"answers-{exercise_id}-") as workdir:
            results += evaluate_pack(exercise_id, Path(workdir), langs, args.model, args.questions)
    summary = report(results)
    summary["model"] = str(args.model or StackConfig.from_environment().model)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print_table(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
