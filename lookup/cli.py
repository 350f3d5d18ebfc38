"""The `liaison` command: operations on the lookup service's knowledge (runs in its environment)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from common.languages import LANGUAGES


def _import_pack(args: argparse.Namespace) -> int:
    from lookup.packs.importer import import_pack, is_loaded
    from lookup.packs.loader import PackError, load_pack
    from lookup.packs.schema import KINDS
    from lookup.settings import Settings
    from lookup.store.database import make_session_factory

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
    engine = Settings().engine()
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


def _migrate(args: argparse.Namespace) -> int:
    """The deploy step: migrate once, before replicas that do not migrate start (then, with
    --pack, load the exercise if it is absent, as `import-pack --if-absent` does)."""
    from lookup.settings import Settings
    from lookup.store.database import schema_revisions

    engine = Settings().engine()  # migrates to the latest
    try:
        current, _heads = schema_revisions(engine)
    finally:
        engine.dispose()
    print(f"database schema at {', '.join(sorted(current))} (the latest)")
    if args.pack is None:
        return 0
    return _import_pack(argparse.Namespace(path=args.pack, if_absent=True, strict=False))


def _pack_schema(_args: argparse.Namespace) -> int:
    from lookup.packs.schema import Pack

    print(json.dumps(Pack.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _openapi(args: argparse.Namespace) -> int:
    from lookup.openapi import render, spec

    text = render(spec())
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


def _new_admin_token(args: argparse.Namespace) -> int:
    """Append a fresh 'name:token' line to a tokens file (created private) and print the token."""
    import os
    import secrets

    token = secrets.token_urlsafe(32)
    args.file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(args.file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(descriptor, 0o600)  # a file made earlier with a wider mode is made private too
    with os.fdopen(descriptor, "a") as tokens:
        tokens.write(f"{args.name}:{token}\n")
    print(token)
    return 0


def _new_service_token(args: argparse.Namespace) -> int:
    """Write a fresh service token to a private file, replacing the one there: point both the
    lookup service and the action server at it with LIAISON_SERVICE_TOKEN_FILE (`make run` does
    not need this: it makes one per run). The token is not printed."""
    import os
    import secrets

    args.file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(args.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "w") as token_file:
        token_file.write(secrets.token_urlsafe(32) + "\n")
    print(f"wrote a new service token to {args.file}; restart the lookup service and the actions")
    return 0


def _add_staff(args: argparse.Namespace) -> int:
    """Create (or --update) a liaison console account; the password is never an argument."""
    import getpass

    from lookup.settings import Settings
    from lookup.store.database import make_session_factory, transaction
    from lookup.store.staff import StaffError, save_staff

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(f"Password for {args.username}: ")
        if getpass.getpass("Again: ") != password:
            print("the two passwords differ; nothing changed", file=sys.stderr)
            return 2
    engine = Settings().engine()
    try:
        with transaction(make_session_factory(engine)) as session:
            staff = save_staff(
                session,
                args.username,
                password,
                display_name=args.name,
                language=args.lang,
                is_admin=args.admin,
                update=args.update,
            )
            summary = f"'{staff.username}' ({staff.display_name}, {staff.language}" + (
                ", admin)" if staff.is_admin else ")"
            )
    except StaffError as error:
        print(f"{error}; nothing changed", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"{'updated' if args.update else 'created'} console account {summary}")
    return 0


def _list_staff(_args: argparse.Namespace) -> int:
    from lookup.settings import Settings
    from lookup.store.database import make_session_factory
    from lookup.store.staff import list_staff

    engine = Settings().engine()
    try:
        with make_session_factory(engine)() as session:
            accounts = list_staff(session)
            for staff in accounts:
                last = (
                    f"{staff.last_login_at:%Y-%m-%d %H:%M} UTC" if staff.last_login_at else "never"
                )
                role = "admin" if staff.is_admin else "officer"
                print(
                    f"{staff.username}\t{staff.display_name}\t{staff.language}\t{role}\t"
                    f"last sign-in {last}"
                )
    finally:
        engine.dispose()
    if not accounts:
        print("no console accounts yet: liaison add-staff USERNAME", file=sys.stderr)
    return 0


def _new_enrolment_code(args: argparse.Namespace) -> int:
    """A code for one contingent (issue 19), printed as the last line; only its hash is kept."""
    from datetime import date

    from lookup.settings import Settings
    from lookup.store.database import make_session_factory, transaction
    from lookup.store.enrolment import CodeRequestError, make_code
    from lookup.store.exercises import ExerciseNotFound, current_exercise

    settings = Settings()
    try:
        expires = date.fromisoformat(args.expires) if args.expires else None
    except ValueError:
        print(f"--expires: not a date (YYYY-MM-DD): {args.expires!r}", file=sys.stderr)
        return 2
    engine = settings.engine()
    try:
        with transaction(make_session_factory(engine)) as session:
            exercise = current_exercise(session, settings.exercise_id)
            row, code = make_code(session, exercise, args.nation, args.uses, expires, "cli")
            until = f", valid to {row.expires_at:%Y-%m-%d %H:%M} UTC" if row.expires_at else ""
            summary = f"enrolment code {row.id} for '{row.nation}': {row.max_uses} use(s){until}"
    except (CodeRequestError, ExerciseNotFound) as error:
        print(f"{error}; no code made", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(summary)
    print("give it to that contingent only; it is not stored and cannot be shown again:")
    print(code)
    return 0


def _revoke_enrolment_code(args: argparse.Namespace) -> int:
    """Revoke a code (by the code itself): it enrols no one more, its holders lose the tier."""
    from datetime import datetime, timezone

    from lookup.settings import Settings
    from lookup.store.database import make_session_factory, transaction
    from lookup.store.enrolment import find_code, revoke_code

    code = sys.stdin.readline().strip() if args.code == "-" else args.code
    engine = Settings().engine()
    try:
        with transaction(make_session_factory(engine)) as session:
            row = find_code(session, code)
            if row is None:
                print("no such enrolment code; nothing changed", file=sys.stderr)
                return 2
            revoke_code(session, row, actor="cli", at=datetime.now(timezone.utc))
            summary = f"revoked enrolment code {row.id} ({row.hint}…, '{row.nation}')"
    finally:
        engine.dispose()
    print(summary)
    return 0


def _list_enrolment_codes(_args: argparse.Namespace) -> int:
    from datetime import datetime, timezone

    from lookup.api.enrolment import code_view
    from lookup.settings import Settings
    from lookup.store.database import make_session_factory
    from lookup.store.enrolment import list_codes

    engine = Settings().engine()
    try:
        with make_session_factory(engine)() as session:
            at = datetime.now(timezone.utc)
            for row in list_codes(session):
                view = code_view(row, at)
                print(
                    f"{view.id}\t{view.hint}…\t{view.nation}\t{view.status}\t"
                    f"{view.uses}/{view.max_uses}\t"
                    + ", ".join(f"{v.channel}:{v.sender_id}" for v in view.used_by)
                )
    finally:
        engine.dispose()
    return 0


def _list_nations(_args: argparse.Namespace) -> int:
    """The exercise's nation codes, one a line (what --nation takes; the Makefile loops on it)."""
    from lookup.settings import Settings
    from lookup.store.database import make_session_factory
    from lookup.store.enrolment import nation_codes
    from lookup.store.exercises import ExerciseNotFound, current_exercise

    settings = Settings()
    engine = settings.engine()
    try:
        with make_session_factory(engine)() as session:
            try:
                codes = nation_codes(session, current_exercise(session, settings.exercise_id))
            except ExerciseNotFound as error:
                print(error, file=sys.stderr)
                return 2
    finally:
        engine.dispose()
    print("\n".join(codes))
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

    migrate = commands.add_parser(
        "migrate",
        help="bring the database's schema to the latest migration (the deploy step before "
        "replicas started with LIAISON_MIGRATE_ON_START=0)",
    )
    migrate.add_argument(
        "--pack", type=Path, help="then load this exercise pack if its exercise is absent"
    )
    migrate.set_defaults(handler=_migrate)

    schema = commands.add_parser("pack-schema", help="print the exercise pack's JSON Schema")
    schema.set_defaults(handler=_pack_schema)

    openapi = commands.add_parser(
        "openapi", help="print the service's OpenAPI spec (what lookup/openapi.json holds)"
    )
    openapi.add_argument("--out", type=Path, help="write it to this file instead")
    openapi.set_defaults(handler=_openapi)

    token = commands.add_parser("new-admin-token", help="create an admin API token")
    token.add_argument("name", help="who holds it (recorded in the audit log)")
    token.add_argument("--file", type=Path, default=Path("var/admin-tokens"))
    token.set_defaults(handler=_new_admin_token)

    service = commands.add_parser(
        "new-service-token", help="write a new service token (the action server's) to a file"
    )
    service.add_argument("--file", type=Path, default=Path("var/service-token"))
    service.set_defaults(handler=_new_service_token)

    staff = commands.add_parser(
        "add-staff", help="create a liaison console account (asks for the password)"
    )
    staff.add_argument("username", help="2-64 characters: a-z, 0-9, '.', '_', '-'")
    staff.add_argument("--name", help="display name, recorded with replies and edits")
    staff.add_argument("--lang", choices=LANGUAGES, help="console language (default en)")
    staff.add_argument(
        "--admin",
        action="store_true",
        default=None,
        help="may see the staff list (accounts are still made here)",
    )
    staff.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    staff.add_argument(
        "--update",
        action="store_true",
        help="change an existing account's password (and any details given)",
    )
    staff.set_defaults(handler=_add_staff)

    accounts = commands.add_parser("list-staff", help="list the liaison console accounts")
    accounts.set_defaults(handler=_list_staff)

    enrolment = commands.add_parser(
        "new-enrolment-code",
        help="make an enrolment code for one contingent (printed as the last line)",
    )
    enrolment.add_argument("--nation", required=True, help="a nation code of the exercise")
    enrolment.add_argument("--uses", type=int, default=50, help="visitors it may enrol (50)")
    enrolment.add_argument("--expires", help="last valid day, YYYY-MM-DD (exercise local time)")
    enrolment.set_defaults(handler=_new_enrolment_code)

    revoke = commands.add_parser(
        "revoke-enrolment-code",
        help="revoke an enrolment code ('-' reads it from standard input)",
    )
    revoke.add_argument("code")
    revoke.set_defaults(handler=_revoke_enrolment_code)

    nations = commands.add_parser("list-nations", help="the exercise's nation codes, one a line")
    nations.set_defaults(handler=_list_nations)

    codes = commands.add_parser(
        "list-enrolment-codes", help="list enrolment codes and who enrolled with each"
    )
    codes.set_defaults(handler=_list_enrolment_codes)

    from lookup.briefing.cli import add_command as add_briefing_command

    add_briefing_command(commands)

    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    sys.exit(main())
