"""`desk`: a team's shared workspace on the desk's PostgreSQL server.

`briefer-cli desk init postgresql://HOST/DB` makes the Briefer schema in an existing,
empty database (its migrations are numbered, like a workspace file's); from then on
`-w postgresql://HOST/DB` opens the desk wherever `-w FILE` opens a file.  Briefer
never stores a password in a file: libpq reads `~/.pgpass` or a service file, and
`?sslmode=verify-full` (or any libpq parameter) passes through in the address.
Where the OS has a keyring, `desk login URL` keeps the password there instead (checked
against the server first); Briefer then uses it when libpq has none.
"""

from __future__ import annotations

import argparse
import json

from ..core.errors import BrieferError
from ..store import Workspace


def register(sub: argparse._SubParsersAction) -> None:
    desk = sub.add_parser("desk", help="a shared workspace on a PostgreSQL server").add_subparsers(
        dest="desk_command", metavar="DESK_COMMAND", required=True, parser_class=sub._parser_class)
    init = desk.add_parser("init", help="create the Briefer schema in an empty PostgreSQL database")
    init.add_argument("url", metavar="postgresql://HOST/DATABASE")
    init.set_defaults(run=run_init, needs_workspace=False)
    roles = desk.add_parser("roles", help="make the reader, editor and admin roles and grant them this desk "
                                          "(the desk's administrator, once per desk)")
    roles.add_argument("url", metavar="postgresql://HOST/DATABASE")
    roles.set_defaults(run=run_roles, needs_workspace=False)
    grant = desk.add_parser("grant", help="make an analyst's login role a reader, editor or admin of the desk")
    grant.add_argument("url", metavar="postgresql://HOST/DATABASE")
    grant.add_argument("login", metavar="LOGIN_ROLE")
    grant.add_argument("level", choices=["reader", "editor", "admin"])
    grant.set_defaults(run=run_grant, needs_workspace=False)
    info = desk.add_parser("info", help="what a desk holds: its schema version, records and server")
    info.add_argument("url", metavar="postgresql://HOST/DATABASE")
    info.add_argument("--json", action="store_true", help="one JSON object")
    info.set_defaults(run=run_info, needs_workspace=False)
    login = desk.add_parser("login", help="keep the desk's password in the OS keyring (never in a file); "
                                          "where there is no keyring, use ~/.pgpass")
    login.add_argument("url", metavar="postgresql://[USER@]HOST/DATABASE")
    login.add_argument("--password-stdin", action="store_true", help="read the password from standard input "
                                                                      "(one line) instead of asking")
    login.set_defaults(run=run_login, needs_workspace=False)
    logout = desk.add_parser("logout", help="remove the desk's password from the OS keyring")
    logout.add_argument("url", metavar="postgresql://[USER@]HOST/DATABASE")
    logout.set_defaults(run=run_logout, needs_workspace=False)


def _check_address(url: str) -> None:
    if not url.startswith(("postgresql://", "postgres://")):
        raise BrieferError(f"{url}: not a desk address; give one like postgresql://HOST/DATABASE")


def run_init(args: argparse.Namespace, _: None) -> int:
    _check_address(args.url)
    with Workspace.create(args.url) as ws:
        print(f"created the Briefer desk {ws.path.shown()} (schema version {ws.schema_version})")
    return 0


def run_roles(args: argparse.Namespace, _: None) -> int:
    from ..store.desk import set_up_roles

    _check_address(args.url)
    with Workspace.open(args.url) as ws:
        made = set_up_roles(ws)
        print(f"{ws.path.shown()}: roles briefer_reader, briefer_editor and briefer_admin hold this desk's "
              f"privileges" + (f" (made now: {', '.join(made)})" if made else ""))
    return 0


def run_grant(args: argparse.Namespace, _: None) -> int:
    from ..store.desk import grant

    _check_address(args.url)
    with Workspace.open(args.url) as ws:
        grant(ws, args.login, args.level)
        print(f"{args.login} is now {'an' if args.level[0] in 'ae' else 'a'} {args.level} of {ws.path.shown()}")
    return 0


def run_info(args: argparse.Namespace, _: None) -> int:
    _check_address(args.url)
    with Workspace.open(args.url) as ws:
        from ..store.desk import access

        info = {"desk": ws.path.shown(), "name": ws.name, "workspace_id": ws.workspace_id, "access": access(ws),
                "schema_version": ws.schema_version, "events": ws.event_count(), "actors": len(ws.actors()),
                "sources": len(ws.sources())}
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    else:
        for key, value in info.items():
            print(f"{key.replace('_', ' ')}: {value}")
    return 0


def run_login(args: argparse.Namespace, _: None) -> int:
    import getpass
    import sys

    from ..store.desk import keyring_available, password_account, save_password

    _check_address(args.url)
    if not keyring_available():
        raise BrieferError("there is no OS keyring here (no Secret Service, Keychain or Credential Locker that the "
                           "'keyring' package can use); keep the password in ~/.pgpass (mode 0600) or a service "
                           "file instead")
    who = password_account(args.url)
    password = (sys.stdin.readline().rstrip("\r\n") if args.password_stdin
                else getpass.getpass(f"Password for {who}: "))
    if not password:
        raise BrieferError("no password given; nothing was saved")
    save_password(args.url, password)
    print(f"the password for {who} is kept in the OS keyring; Briefer uses it when ~/.pgpass has none")
    return 0


def run_logout(args: argparse.Namespace, _: None) -> int:
    from ..store.desk import forget_password, password_account

    _check_address(args.url)
    who = password_account(args.url)
    print(f"removed the password for {who} from the OS keyring" if forget_password(args.url)
          else f"the OS keyring holds no password for {who}")
    return 0
