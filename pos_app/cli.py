"""The `pos-app` command: the desktop app, and the shop's maintenance commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app import __version__
from pos_app.errors import ImportRejected, PosError

if TYPE_CHECKING:
    from pos_app.services import Services

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _run_desktop)
    try:
        return handler(args)
    except ImportRejected as error:
        print(str(error), file=sys.stderr)
        return 1
    except PosError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader of our output went away (`pos-app products export - | head`)
        sys.stderr.close()
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pos-app",
        description="Point of sale and back office. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"pos-app {__version__}")
    parser.add_argument(
        "--database-url",
        help="SQLAlchemy URL of the database (default: POS_DATABASE_URL, else the embedded SQLite file "
        "in the user-data folder)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = commands.add_parser("demo", help="fill an empty database with a demo shop and print its logins")
    demo.set_defaults(handler=_demo)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(title="database commands", metavar="COMMAND", required=True)
    upgrade = db_commands.add_parser("upgrade", help="upgrade the database schema to the newest version")
    upgrade.set_defaults(handler=_db_upgrade)

    user = commands.add_parser("user", help="manage users")
    user_commands = user.add_subparsers(title="user commands", metavar="COMMAND", required=True)
    add = user_commands.add_parser(
        "add", help="create a user (the first user of a shop must be an admin)", description="Create a user."
    )
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=["admin", "cashier", "stock_manager", "accountant"])
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="read the password from standard input"
    )
    add.set_defaults(handler=_user_add)

    products = commands.add_parser("products", help="import or export the catalogue as CSV")
    product_commands = products.add_subparsers(title="product commands", metavar="COMMAND", required=True)
    imp = product_commands.add_parser(
        "import",
        help="create or update products from a CSV file, all or nothing",
        description="Create or update products and variants from CSV and set stock to the counts given. "
        "Nothing is imported if any row is bad; every bad row is listed with its line number.",
    )
    imp.add_argument("file", type=Path)
    imp.set_defaults(handler=_products_import)
    exp = product_commands.add_parser("export", help="write the catalogue with stock as CSV")
    exp.add_argument("file", type=Path, help="the CSV file to write ('-' for standard output)")
    exp.set_defaults(handler=_products_export)
    return parser


def _open(args: argparse.Namespace) -> Services:
    # Imported here so that --help answers at once, without loading SQLAlchemy and Alembic.
    from pos_app.services import open_services

    return open_services(args.database_url)


def _run_desktop(args: argparse.Namespace) -> int:
    with _open(args) as svc:
        if not svc.auth.has_users():
            print(
                "This shop has no users yet. Run 'pos-app demo' for a demo shop, or create the first admin "
                "with 'pos-app user add NAME --role admin --password-stdin'.",
                file=sys.stderr,
            )
            return 2
        from pos_app.ui.app import run_desktop

        return run_desktop(svc)


def _demo(args: argparse.Namespace) -> int:
    from pos_app.services.demo import seed_demo

    with _open(args) as svc:
        report = seed_demo(svc)
        if not report.created:
            print("This database already has users: the demo shop was not added.")
            return 0
        print(f"Demo shop created: {report.products} products, {report.skus} SKUs.")
        print("Demo logins (username / password / role):")
        for username, role, password in report.users:
            print(f"  {username:<11} {password:<16} {role.value}")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from pos_app import config
    from pos_app.db.engine import connect
    from pos_app.db.migrate import current_revision, upgrade_to_head

    db = connect(config.database_url(args.database_url))
    try:
        ran = upgrade_to_head(db)
        state = "upgraded to" if ran else "already at"
        print(f"Database {state} schema revision {current_revision(db)}.")
    finally:
        db.dispose()
    return 0


def _user_add(args: argparse.Namespace) -> int:
    from pos_app.services.auth import system_actor

    password = sys.stdin.readline().rstrip("\r\n")
    with _open(args) as svc:
        if not svc.auth.has_users():
            if args.role != "admin":
                print("error: the first user of a shop must be an admin (--role admin).", file=sys.stderr)
                return 1
            svc.auth.bootstrap_admin(args.username, password)
        else:
            svc.auth.create_user(system_actor(), args.username, password, args.role)
    print(f"User '{args.username.strip().lower()}' created with the role {args.role}.")
    return 0


def _products_import(args: argparse.Namespace) -> int:
    from pos_app.services.auth import system_actor

    if not args.file.is_file():
        print(f"error: no file at {args.file}", file=sys.stderr)
        return 1
    with _open(args) as svc:
        summary = svc.inventory.import_csv(system_actor(), args.file, source_name=args.file.name)
    print(
        f"Imported {args.file.name}: {summary.products_created} new product(s), "
        f"{summary.variants_created} new SKU(s), {summary.variants_updated} updated SKU(s), "
        f"{summary.stock_movements} stock movement(s)."
    )
    return 0


def _products_export(args: argparse.Namespace) -> int:
    with _open(args) as svc:
        if str(args.file) == "-":
            count = svc.inventory.export_csv(sys.stdout)
        else:
            count = svc.inventory.export_csv(args.file)
            print(f"Wrote {count} SKU(s) to {args.file}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
