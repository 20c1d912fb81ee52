"""`vangnet-server`: run the sync server, or manage accounts and devices (admin commands)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from pathlib import Path

from sqlalchemy import Engine, select, update

from sync.server import audit_cli, scope, store
from sync.server.auth import hash_password, password_problem
from sync.server.db import accounts, devices, make_engine
from sync.server.migrate import upgrade

DEFAULT_DATA_DIR = Path(os.environ.get("VANGNET_SERVER_DATA", "vangnet-server-data"))


def _database_url(args: argparse.Namespace) -> str:
    url = args.database_url or os.environ.get("VANGNET_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{(Path(args.data_dir) / 'vangnet-server.sqlite3').resolve()}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vangnet-server", description="Vangnet synchronisatieserver")
    parser.add_argument("--database-url", default=None, help="standaard: VANGNET_DATABASE_URL of SQLite")
    parser.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR))
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="start de server (standaard)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument("--development", action="store_true", help="OpenAPI-beschrijving op /api/docs")

    users = sub.add_parser("users").add_subparsers(dest="action", required=True)
    add = users.add_parser("add")
    add.add_argument("username")
    add.add_argument("--role", choices=scope.ROLES, required=True)
    add.add_argument("--gemeente", action="append", default=[], help="CBS-code, bv. GM0505 (herhaalbaar)")
    add.add_argument("--display-name", default="")
    add.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van stdin")
    disable = users.add_parser("disable")
    disable.add_argument("username")
    enable = users.add_parser(
        "enable", help="zet een (gemigreerd of uitgeschakeld) account aan met een nieuw wachtwoord"
    )
    enable.add_argument("username")
    enable.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van stdin")
    users.add_parser("list")

    devs = sub.add_parser("devices").add_subparsers(dest="action", required=True)
    dl = devs.add_parser("list")
    dl.add_argument("username", nargs="?")
    dr = devs.add_parser("revoke")
    dr.add_argument("device_id")
    audit_cli.register(sub)
    sub.add_parser("check", help="controleer of elk opgeslagen gegeven nog bij het schema past")
    imp = sub.add_parser("import", help="laad een migratiebestand of volledige export in de centrale database")
    imp.add_argument("kind", choices=["vangnet-jsonl"], help="soort bestand")
    imp.add_argument("file", help="het bestand (Vangnet JSON Lines)")
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """Without a command, or with only options, the server starts (`vangnet-server --port N`)."""
    commands = {"serve", "users", "devices", "audit", "check", "import", "-h", "--help"}
    if not any(a in commands for a in argv):
        return [*_global_opts(argv)[0], "serve", *_global_opts(argv)[1]]
    return argv


def _global_opts(argv: list[str]) -> tuple[list[str], list[str]]:
    head: list[str] = []
    rest: list[str] = []
    it = iter(argv)
    for arg in it:
        name = arg.split("=", 1)[0]
        if name in ("--database-url", "--data-dir"):
            head.append(arg)
            if "=" not in arg:
                head.append(next(it, ""))
        else:
            rest.append(arg)
    return head, rest


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(_with_default_command(list(sys.argv[1:] if argv is None else argv)))
    url = _database_url(args)
    if args.command == "serve":
        import uvicorn

        from sync.server.app import create_app

        app = create_app(url, data_dir=Path(args.data_dir), development=args.development)
        uvicorn.run(app, host=args.host, port=args.port, log_level="info", server_header=False)
        return 0
    password = None
    if args.command == "users" and args.action in ("add", "enable"):
        # Checked before the database is opened: a refused password creates or changes nothing.
        password = _new_password(args)
        if password is None:
            return 2
    engine = make_engine(url)
    upgrade(engine)
    store.seed_region(engine)
    if args.command == "users":
        return _users(engine, args, password)
    if args.command == "audit":
        return audit_cli.run(engine, args)
    if args.command == "check":
        from sync.server.check import run_check

        return run_check(engine, sys.stdout)
    if args.command == "import":
        from sync.server.import_jsonl import run as run_import

        return run_import(engine, args.file)
    return _devices(engine, args)


def create_account(
    engine: Engine, username: str, password: str, role: str, municipality_codes: list[str], display_name: str = ""
) -> str:
    """A new server account plus its `users` reference record (same id); returns the id."""
    if role not in scope.ROLES:
        raise ValueError("Onbekende rol.")
    user_id = str(uuid.uuid4())
    codes = sorted(set(municipality_codes))
    with engine.begin() as conn:
        if conn.execute(select(accounts.c.id).where(accounts.c.username == username)).first():
            raise ValueError("Deze gebruikersnaam bestaat al.")
        conn.execute(
            accounts.insert().values(
                id=user_id,
                username=username,
                display_name=display_name,
                role=role,
                municipality_codes=json.dumps(codes),
                password_hash=hash_password(password),
                active=True,
                created_at=store.now_iso(),
            )
        )
        store.upsert_reference(
            conn,
            "users",
            user_id,
            {
                "username": username,
                "display_name": display_name,
                "role": role,
                "municipality_codes": codes,
                "active": True,
            },
        )
        store.audit(conn, "user_add", "ok", account_id=user_id)
    return user_id


def _new_password(args: argparse.Namespace) -> str | None:
    """The new account's password, or None after saying on stderr why it is refused."""
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass("Wachtwoord: ")
    problem = password_problem(password, args.username)
    if problem is not None:
        print(problem, file=sys.stderr)
        return None
    return password


def _users(engine: Engine, args: argparse.Namespace, password: str | None = None) -> int:
    if args.action == "add":
        if password is None:
            password = _new_password(args)
            if password is None:
                return 2
        try:
            user_id = create_account(engine, args.username, password, args.role, args.gemeente, args.display_name)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        print(user_id)
        return 0
    if args.action in ("enable", "disable"):
        active = args.action == "enable"
        with engine.begin() as conn:
            row = conn.execute(select(accounts.c.id).where(accounts.c.username == args.username)).first()
            if row is None:
                print("Onbekende gebruiker.", file=sys.stderr)
                return 1
            # A user turned on again signs in with a new password.
            values = {"active": True, "password_hash": hash_password(password or "")} if active else {"active": False}
            conn.execute(update(accounts).where(accounts.c.id == row.id).values(**values))
            store.upsert_reference(conn, "users", row.id, {"active": active})
            store.audit(conn, f"user_{args.action}", "ok", account_id=row.id)
        if active:
            print("Gebruiker aangezet; hij kan zich aanmelden met het nieuwe wachtwoord.")
        else:
            print("Gebruiker uitgeschakeld; de apparaten worden bij het volgende contact gewist.")
        return 0
    with engine.connect() as conn:
        for r in conn.execute(select(accounts).order_by(accounts.c.username)):
            print(f"{r.id}  {r.username}  {r.role}  {'actief' if r.active else 'uitgeschakeld'}")
    return 0


def _devices(engine: Engine, args: argparse.Namespace) -> int:
    if args.action == "revoke":
        from sync.server.devices import revoke_device

        if not revoke_device(engine, args.device_id):
            print("Onbekend apparaat.", file=sys.stderr)
            return 1
        print("Apparaat ingetrokken; het wordt bij het volgende contact gewist.")
        return 0
    stmt = select(devices, accounts.c.username).join(accounts, accounts.c.id == devices.c.account_id)
    if args.username:
        stmt = stmt.where(accounts.c.username == args.username)
    with engine.connect() as conn:
        for r in conn.execute(stmt.order_by(devices.c.created_at)):
            status = "ingetrokken" if r.revoked_at else "actief"
            print(f"{r.id}  {r.username}  {r.name or '-'}  laatst gezien {r.last_seen_at or '-'}  {status}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
