"""The `liaison` command: operations on the lookup service's knowledge (runs in its environment)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _import_pack(args: argparse.Namespace) -> int:
    from bot.lookup.packs.importer import import_pack, is_loaded
    from bot.lookup.packs.loader import PackError, load_pack
    from bot.lookup.settings import Settings
    from bot.lookup.store.database import make_engine, make_session_factory

    try:
        pack = load_pack(args.path)
    except PackError as error:
        print(
            f"pack not loaded, nothing changed; {len(error.problems)} problem(s):", file=sys.stderr
        )
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    settings = Settings()
    engine = make_engine(settings.sqlalchemy_url)
    factory = make_session_factory(engine)
    exercise_id = pack.exercise.id
    if args.if_absent and is_loaded(factory, exercise_id):
        print(f"exercise '{exercise_id}' is already loaded; kept as it is (edits preserved)")
        return 0
    import_pack(factory, pack)
    print(f"loaded exercise '{exercise_id}' ({len(pack.topics)} topic items) from {args.path}")
    engine.dispose()
    return 0


def _pack_schema(_args: argparse.Namespace) -> int:
    from bot.lookup.packs.schema import Pack

    print(json.dumps(Pack.model_json_schema(), indent=2, ensure_ascii=False))
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
    load.set_defaults(handler=_import_pack)

    schema = commands.add_parser("pack-schema", help="print the exercise pack's JSON Schema")
    schema.set_defaults(handler=_pack_schema)

    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
