"""`vangnet-server`: run the sync server, or manage accounts and devices (admin commands)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from pathlib import Path

from sqlalchemy import Connection, Engine, select, update

from desktop.models.mandate import (
    ActMandate,
    MandateRules,
    SigningAct,
    boa_number_problem,
    mandate_document,
    mandate_from_document,
    mandate_rule_id,
)
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
    _signing_options(add)
    edit = users.add_parser("edit", help="wijzig naam, rol, aanwijzing als leerplichtambtenaar of boa-nummer")
    edit.add_argument("username")
    edit.add_argument("--display-name", default=None)
    edit.add_argument("--role", choices=scope.ROLES, default=None)
    _signing_options(edit, editing=True)
    disable = users.add_parser("disable")
    disable.add_argument("username")
    enable = users.add_parser(
        "enable", help="zet een (gemigreerd of uitgeschakeld) account aan met een nieuw wachtwoord"
    )
    enable.add_argument("username")
    enable.add_argument("--password-stdin", action="store_true", help="lees het wachtwoord van stdin")
    users.add_parser("list")

    mandate = sub.add_parser("mandate", help="wie namens het college ondertekent (mandaatregels van de regio)")
    mandate_sub = mandate.add_subparsers(dest="action", required=True)
    mandate_sub.add_parser("list")
    mset = mandate_sub.add_parser("set", help="leg de regel voor één handeling vast")
    mset.add_argument("act", choices=[a.value for a in SigningAct])
    mset.add_argument("--role", action="append", required=True, choices=scope.ROLES, help="herhaalbaar")
    mset.add_argument("--leerplichtambtenaar", action="store_true", help="alleen een aangewezen leerplichtambtenaar")
    mset.add_argument("--boa", action="store_true", help="alleen met een boa-registratienummer")
    mreset = mandate_sub.add_parser("reset", help="zet de regel voor één handeling terug op de wettelijke standaard")
    mreset.add_argument("act", choices=[a.value for a in SigningAct])

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
    commands = {"serve", "users", "devices", "audit", "check", "import", "mandate", "-h", "--help"}
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
    if args.command == "mandate":
        return _mandate(engine, args)
    if args.command == "audit":
        return audit_cli.run(engine, args)
    if args.command == "check":
        from sync.server.check import run_check

        return run_check(engine, sys.stdout)
    if args.command == "import":
        from sync.server.import_jsonl import run as run_import

        return run_import(engine, args.file)
    return _devices(engine, args)


def _signing_options(parser: argparse.ArgumentParser, editing: bool = False) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--leerplichtambtenaar", dest="leerplichtambtenaar", action="store_true",
                       default=None if editing else False,
                       help="door burgemeester en wethouders aangewezen leerplichtambtenaar (Lpw art. 16)")
    if editing:
        group.add_argument("--geen-leerplichtambtenaar", dest="leerplichtambtenaar", action="store_false")
    parser.add_argument("--boa-nummer", dest="boa_number", default=None,
                        help="registratienummer als buitengewoon opsporingsambtenaar (Sv art. 142); leeg wist het")


def _checked_boa(value: str | None) -> str | None:
    problem = boa_number_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return (value or "").strip() or None


def create_account(
    engine: Engine, username: str, password: str, role: str, municipality_codes: list[str], display_name: str = "",
    *, leerplichtambtenaar: bool = False, boa_number: str | None = None,
) -> str:
    """A new server account plus its `users` reference record (same id); returns the id."""
    if role not in scope.ROLES:
        raise ValueError("Onbekende rol.")
    boa_number = _checked_boa(boa_number)
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
                leerplichtambtenaar=leerplichtambtenaar,
                boa_number=boa_number,
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
                "leerplichtambtenaar": leerplichtambtenaar,
                "boa_number": boa_number,
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
            user_id = create_account(engine, args.username, password, args.role, args.gemeente, args.display_name,
                                     leerplichtambtenaar=args.leerplichtambtenaar, boa_number=args.boa_number)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        print(user_id)
        return 0
    if args.action == "edit":
        try:
            changed = edit_account(engine, args.username, display_name=args.display_name, role=args.role,
                                   leerplichtambtenaar=args.leerplichtambtenaar, boa_number=args.boa_number)
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        print("Gebruiker gewijzigd." if changed else "Niets gewijzigd.")
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
            signing = ("  leerplichtambtenaar" if r.leerplichtambtenaar else "") + (
                f"  boa {r.boa_number}" if r.boa_number else "")
            print(f"{r.id}  {r.username}  {r.role}  {'actief' if r.active else 'uitgeschakeld'}{signing}")
    return 0


def edit_account(
    engine: Engine, username: str, *, display_name: str | None = None, role: str | None = None,
    leerplichtambtenaar: bool | None = None, boa_number: str | None = None,
) -> bool:
    """Change an account and its `users` record the same way; returns whether anything changed. A boa number
    of '' clears it. Raises ValueError (Dutch) for an unknown user, role or malformed boa number."""
    if role is not None and role not in scope.ROLES:
        raise ValueError("Onbekende rol.")
    values: dict[str, object] = {}
    if display_name is not None:
        values["display_name"] = display_name
    if role is not None:
        values["role"] = role
    if leerplichtambtenaar is not None:
        values["leerplichtambtenaar"] = leerplichtambtenaar
    if boa_number is not None:
        values["boa_number"] = _checked_boa(boa_number)
    with engine.begin() as conn:
        row = conn.execute(select(accounts).where(accounts.c.username == username)).mappings().first()
        if row is None:
            raise ValueError("Onbekende gebruiker.")
        values = {k: v for k, v in values.items() if row[k] != v}
        if not values:
            return False
        conn.execute(update(accounts).where(accounts.c.id == row["id"]).values(**values))
        store.upsert_reference(conn, "users", row["id"], dict(values))
        store.audit(conn, "user_edit", "ok", account_id=row["id"])
    return True


def set_mandate_rule(conn: Connection, act: SigningAct, mandate: ActMandate) -> dict[str, object]:
    """Store the region's rule for one act as a `mandate_rules` reference record, which the devices receive;
    raises DomainError (Dutch) when the rule falls below what the law requires."""
    document = mandate_document(act, mandate)
    mandate_from_document(document)
    store.upsert_reference(conn, "mandate_rules", mandate_rule_id(act), document)
    return document


def _mandate(engine: Engine, args: argparse.Namespace) -> int:
    from desktop.models.enums import UserRole
    from desktop.models.errors import DomainError
    from sync.server.mandate import server_rules

    if args.action == "list":
        with engine.connect() as conn:
            rules = server_rules(conn)
        for act in SigningAct:
            rule = rules.for_act(act)
            needs = [w for w, on in (("aangewezen leerplichtambtenaar", rule.requires_designation),
                                     ("boa-nummer", rule.requires_boa)) if on]
            roles = ", ".join(sorted(r.value for r in rule.roles))
            print(f"{act.value}: {roles}" + (f" ({', '.join(needs)})" if needs else ""))
        return 0
    act = SigningAct(args.act)
    try:
        with engine.begin() as conn:
            if args.action == "reset":
                set_mandate_rule(conn, act, MandateRules.default().for_act(act))
            else:
                set_mandate_rule(conn, act, ActMandate(frozenset(UserRole(r) for r in args.role),
                                                       args.leerplichtambtenaar, args.boa))
            store.audit(conn, f"mandate_{args.action}", "ok")
    except DomainError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(f"Mandaatregel voor {act.label} vastgelegd; de apparaten krijgen hem bij de volgende synchronisatie.")
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
