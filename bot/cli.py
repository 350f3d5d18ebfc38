"""The `liaison` command: operations on the lookup service's knowledge (runs in its environment)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _import_pack(args: argparse.Namespace) -> int:
    from bot.lookup.packs.importer import import_pack, is_loaded
    from bot.lookup.packs.loader import PackError, load_pack
    from bot.lookup.packs.schema import KINDS
    from bot.lookup.settings import Settings
    from bot.lookup.store.database import make_engine, make_session_factory

    try:
        loaded = load_pack(args.path, strict=args.strict)
    except PackError as error:
        print(
            f"pack not loaded, nothing changed; {len(error.problems)} problem(s):", file=sys.stderr
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    pack = loaded.pack
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    engine = make_engine(Settings().sqlalchemy_url)
    try:
        factory = make_session_factory(engine)
        exercise_id = pack.exercise.id
        if args.if_absent and is_loaded(factory, exercise_id):
            print(f"exercise '{exercise_id}' is already loaded; kept as it is (edits preserved)")
            return 0
        import_pack(factory, pack)
    finally:
        engine.dispose()
    counts = ", ".join(f"{len(getattr(pack, s))} {s}" for s in KINDS if getattr(pack, s))
    print(f"loaded exercise '{exercise_id}' ({counts}) from {args.path}")
    if loaded.warnings:
        print(f"{len(loaded.warnings)} missing translation(s): see the warnings above")
    return 0


def _pack_schema(_args: argparse.Namespace) -> int:
    from bot.lookup.packs.schema import Pack

    print(json.dumps(Pack.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _new_admin_token(args: argparse.Namespace) -> int:
    """Append a fresh 'name:token' line to a tokens file (created private) and print the token."""
    import os
    import secrets

    token = secrets.token_urlsafe(32)
    args.file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(args.file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a") as tokens:
        tokens.write(f"{args.name}:{token}\n")
    print(token)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="liaison", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    load = commands.add_parser(
        "import-pack", help="validate an exercise pack and load it atomically"
    )
    load.add_argument("path", type=Path)
    load.add_argument(
        "--if-absent",
        action="store_true",
        help="do nothing if the pack's exercise is already loaded (keeps liaison edits)",
    )
    load.add_argument("--strict", action="store_true", help="treat missing translations as errors")
    load.set_defaults(handler=_import_pack)

    schema = commands.add_parser("pack-schema", help="print the exercise pack's JSON Schema")
    schema.set_defaults(handler=_pack_schema)

    token = commands.add_parser("new-admin-token", help="create an admin API token")
    token.add_argument("name", help="who holds it (recorded in the audit log)")
    token.add_argument("--file", type=Path, default=Path("var/admin-tokens"))
    token.set_defaults(handler=_new_admin_token)

    from bot.briefing.cli import add_command as add_briefing_command

    add_briefing_command(commands)

    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
