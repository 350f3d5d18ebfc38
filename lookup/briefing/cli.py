"""`liaison briefing`: build a briefing, smart card or quiz from the exercise knowledge."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

KIND_HELP = (
    "briefing: the full cultural briefing; card: one-page smart card (A4 landscape, folds to A5); "
    "quiz: the page a trainer runs (html); quiz-sheet: printable quiz with its answer key"
)


def add_command(commands: Any) -> None:
    """Register the subcommand on the `liaison` parser's subparsers."""
    parser = commands.add_parser(
        "briefing",
        help="build a trainers' briefing, smart card or quiz for one audience",
        description="Build a trainers' briefing, smart card or quiz for one visiting nation, in "
        "one language, from the exercise knowledge in the lookup service's database.",
    )
    parser.add_argument("--audience", required=True, help="code of the visiting nation, e.g. nmk")
    parser.add_argument("--lang", required=True, help="one of the exercise's languages")
    parser.add_argument(
        "--exercise", help="exercise id (default: LIAISON_EXERCISE_ID, or the only one loaded)"
    )
    parser.add_argument(
        "--kind",
        default="briefing",
        choices=["briefing", "card", "quiz", "quiz-sheet"],
        help=KIND_HELP,
    )
    parser.add_argument("--format", default="html", choices=["html", "pdf"], dest="fmt")
    parser.add_argument(
        "-o",
        "--output",
        help="file to write, or '-' for standard output "
        "(default: briefings/<exercise>-<kind>-<audience>-<lang>.<format> in LIAISON_DATA_DIR)",
    )
    parser.add_argument(
        "--pass-mark", type=int, default=70, help="quiz pass mark in percent (default 70)"
    )
    parser.add_argument(
        "--questions", type=int, default=10, help="number of quiz questions (default 10)"
    )
    parser.add_argument(
        "--edition",
        default="participants",
        choices=["public", "participants"],
        help="participants (default: with logistics, venues, events, contacts) or public (only "
        "what anyone may read: etiquette, culture, phrases, emergency numbers)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from lookup.briefing.build import build
    from lookup.briefing.errors import BriefingError
    from lookup.settings import Settings
    from lookup.store.database import make_session_factory

    def progress(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    settings = Settings()
    started = time.perf_counter()
    engine = settings.engine()
    try:
        with make_session_factory(engine)() as session:
            output = build(
                session,
                audience=args.audience,
                lang=args.lang,
                kind=args.kind,
                fmt=args.fmt,
                exercise_id=args.exercise or settings.exercise_id,
                pass_mark=args.pass_mark,
                questions=args.questions,
                progress=progress,
                edition=args.edition,
            )
    except BriefingError as error:
        print(f"{args.kind} not built: {error}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    elapsed = time.perf_counter() - started
    missing = len(output.facts.missing)
    if missing:
        progress(f"note: {missing} text(s) missing in '{args.lang}', listed in the front matter")
    if args.output == "-":
        sys.stdout.buffer.write(output.content)
        sys.stdout.flush()
        progress(f"done in {elapsed:.1f} s")
        return 0
    path = Path(args.output) if args.output else settings.data_dir / "briefings" / output.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(output.content)
    pages = f", {output.pages} page(s)" if output.pages else ""
    print(f"wrote {path}{pages} in {elapsed:.1f} s")
    return 0
