"""The `pos-app` command: the desktop app, and the shop's maintenance commands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app import __version__
from pos_app.errors import ImportRejected, PosError, ValidationError
from pos_app.payments.gateway import PaymentProviderError

if TYPE_CHECKING:
    from pos_app.services import Services

Handler = Callable[[argparse.Namespace], int]

MAX_RECONCILE_HOURS = 30 * 24  # Stripe keeps events for 30 days


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _run_desktop)
    try:
        return handler(args)
    except ImportRejected as error:
        print(str(error), file=sys.stderr)
        return 1
    except (PosError, PaymentProviderError) as error:
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

    serve = commands.add_parser(
        "serve",
        help="run the HTTP API for the online shop and Stripe's webhook",
        description="Serve the web-shop API (checkout, stock, Stripe webhook at /api/webhooks/stripe, admin "
        "endpoints) on the database. Reads STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, STRIPE_API_BASE and "
        "POS_ADMIN_API_TOKEN from the environment. The API is described at /docs and /openapi.json.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=_port, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--cleanup-every",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="release expired reservations and cancel their payments this often (default: 60; 0: never)",
    )
    serve.set_defaults(handler=_serve)

    cleanup = commands.add_parser(
        "cleanup-reservations",
        help="release online reservations whose time ran out and cancel their payments",
        description="Release online reservations whose time ran out (they stopped counting already) and cancel "
        "their Stripe payments. Safe to run from cron, also while 'pos-app serve' runs.",
    )
    cleanup.set_defaults(handler=_cleanup_reservations)

    stripe_command = commands.add_parser("stripe", help="online payments through Stripe")
    stripe_commands = stripe_command.add_subparsers(title="Stripe commands", metavar="COMMAND", required=True)
    reconcile = stripe_commands.add_parser(
        "reconcile",
        help="apply the Stripe events the webhook missed and retry pending refunds",
        description="Read Stripe's payment events of the last hours and apply those the webhook missed (the "
        "server was down, the webhook was misconfigured...); events already applied change nothing. Also "
        "retries the automatic refunds that could not be made yet.",
    )
    reconcile.add_argument(
        "--hours", type=_hours, default=24, help=f"how far back to look, 1 to {MAX_RECONCILE_HOURS} (default: 24)"
    )
    reconcile.set_defaults(handler=_stripe_reconcile)

    journal = commands.add_parser("journal", help="the tamper-evident sales journal")
    journal_commands = journal.add_subparsers(title="journal commands", metavar="COMMAND", required=True)
    verify = journal_commands.add_parser(
        "verify",
        help="check that no journal entry was changed, deleted, inserted, reordered or cut off",
        description="Check the sales journal with the database and the journal public key only: sequences, "
        "hash chain, signatures, grand totals, the signed record of each register's last entry, and the figures "
        "of the monthly and yearly closings. Names the first entry that is not as it was written. Exits 0 if the "
        "journal is intact, 1 if not.",
    )
    verify.add_argument("--register", metavar="CODE", help="check only this register (default: all)")
    verify.add_argument(
        "--public-key",
        type=Path,
        metavar="FILE",
        help="check the signatures with this public key (PEM) kept outside the database, instead of the copy "
        "stored in it",
    )
    verify.set_defaults(handler=_journal_verify)
    close = journal_commands.add_parser(
        "close",
        help="close a month or a year of the journal (accountants and admins)",
        description="Close a calendar month or year (UTC) on one register, or on every register whose journal had "
        "begun by its end: a signed closing entry records the period's sales, refunds, number of entries and grand "
        "total. A period closes once it is over, once per register; a year once each of its months is closed. "
        "The user's password is read from standard input.",
    )
    period = close.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", type=_journal_month, metavar="YYYY-MM", help="the month to close")
    period.add_argument("--year", type=_journal_year, metavar="YYYY", help="the year to close")
    close.add_argument("--register", metavar="CODE", help="close only this register (default: every register)")
    close.add_argument("--user", required=True, metavar="NAME", help="the accountant or admin who closes")
    close.set_defaults(handler=_journal_close)
    archive = journal_commands.add_parser(
        "export",
        help="write a signed archive of a period of the journal",
        description="Write a ZIP archive of the journal entries dated from the first day to the last day given "
        "(both included, UTC), with the closings of the months and years inside the period, the registers, the "
        "public key and a manifest signed with the journal key (docs/journal-archive.md). The period must be over "
        "and the journal must verify; an existing file is never overwritten. Needs the journal's key file.",
    )
    archive.add_argument("--from", dest="first_day", required=True, type=_day, metavar="YYYY-MM-DD")
    archive.add_argument("--to", dest="last_day", required=True, type=_day, metavar="YYYY-MM-DD")
    archive.add_argument("--out", required=True, type=Path, metavar="FILE", help="the ZIP file to write")
    archive.set_defaults(handler=_journal_export)
    check_archive = journal_commands.add_parser(
        "verify-archive",
        help="check a journal archive with nothing but the file",
        description="Check an archive written by 'pos-app journal export', without any database: the manifest's "
        "signature, the SHA-256 of every file, each register's hash chain, signatures and grand totals, and the "
        "closings. Names the first entry or file that is not as exported. Exits 0 if the archive is intact, 1 if "
        "not.",
    )
    check_archive.add_argument("file", type=Path, help="the archive (ZIP)")
    check_archive.add_argument(
        "--public-key",
        type=Path,
        metavar="FILE",
        help="the shop's journal public key (PEM), kept apart from the archive: the archive's key must be this one",
    )
    check_archive.set_defaults(handler=_journal_verify_archive)

    invoices = commands.add_parser("invoices", help="invoices and credit notes")
    invoice_commands = invoices.add_subparsers(title="invoice commands", metavar="COMMAND", required=True)
    export = invoice_commands.add_parser(
        "export",
        help="write every invoice and credit note of a period as PDF, with a CSV and XLSX summary",
        description="Write the PDF (Factur-X) of every invoice and credit note issued from the first day to the "
        "last day given, both included, and summary-<from>-<to>.csv and .xlsx with their totals.",
    )
    export.add_argument("--from", dest="first_day", required=True, type=_day, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last_day", required=True, type=_day, metavar="YYYY-MM-DD")
    export.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder to write into")
    export.add_argument(
        "--workers", type=int, default=None, metavar="N", help="rendering processes (default: one per core)"
    )
    export.set_defaults(handler=_invoices_export)
    render = invoice_commands.add_parser(
        "render",
        help="render ahead the PDFs that reprints and exports will then copy (e.g. overnight)",
        description="Render and keep in the database the PDF (Factur-X) of every invoice and credit note issued "
        "from the first day to the last day given, both included (every one without them), that has none kept "
        "for what it prints now. Reprints, emails and exports then copy the kept PDF instead of rendering it.",
    )
    render.add_argument("--from", dest="first_day", type=_day, metavar="YYYY-MM-DD", help="default: the first one")
    render.add_argument("--to", dest="last_day", type=_day, metavar="YYYY-MM-DD", help="default: the last one")
    render.add_argument(
        "--workers", type=int, default=None, metavar="N", help="rendering processes (default: one per core)"
    )
    render.set_defaults(handler=_invoices_render)
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date such as 2026-11-30") from None


def _port(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 0 to 65535 (got {text!r})")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86400:
        raise argparse.ArgumentTypeError(f"give a number of seconds from 0 to 86400 (got {text!r})")
    return value


def _hours(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_RECONCILE_HOURS:
        raise argparse.ArgumentTypeError(f"give whole hours from 1 to {MAX_RECONCILE_HOURS} (got {text!r})")
    return int(text)


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


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from pos_app.api import create_app

    admin_token = os.environ.get("POS_ADMIN_API_TOKEN", "").strip() or None
    for warning in _serve_warnings(admin_token):
        print(f"warning: {warning}", file=sys.stderr)
    with _open(args) as svc:
        app = create_app(svc, admin_token=admin_token, cleanup_every_seconds=args.cleanup_every or None)
        uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _serve_warnings(admin_token: str | None) -> list[str]:
    warnings = [
        f"{name} is not set: checkouts will answer 503 (payment_unavailable) until it is."
        for name in ("STRIPE_API_KEY", "STRIPE_WEBHOOK_SECRET")
        if not os.environ.get(name, "").strip()
    ]
    if admin_token is None:
        warnings.append("POS_ADMIN_API_TOKEN is not set: the admin endpoints answer 403.")
    elif len(admin_token) < 16:
        warnings.append("POS_ADMIN_API_TOKEN is short: use at least 32 random characters.")
    return warnings


def _cleanup_reservations(args: argparse.Namespace) -> int:
    with _open(args) as svc:
        released = svc.payments.expire_due()
    print(f"Released {released} expired reservation(s).")
    return 0


def _stripe_reconcile(args: argparse.Namespace) -> int:
    with _open(args) as svc:
        since = svc.clock() - timedelta(hours=args.hours)
        outcomes = svc.payments.reconcile(since)
    applied = [outcome for outcome in outcomes if not outcome.duplicate]
    print(
        f"Read {len(outcomes)} Stripe event(s) since {since:%Y-%m-%d %H:%M} UTC: {len(applied)} applied now, "
        f"{len(outcomes) - len(applied)} applied before."
    )
    for outcome in applied:
        print(f"  {outcome.event_id}: {outcome.outcome}")
    return 0


def _public_key(path: Path | None) -> bytes | None:
    """The PEM file given with --public-key, if any."""
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError as error:
        raise ValidationError(f"cannot read the public key {path}: {error.strerror}") from None


def _journal_verify(args: argparse.Namespace) -> int:
    public_key = _public_key(args.public_key)
    with _open(args) as svc:
        result = svc.journal.verify(args.register, public_key)
    print(result.verdict)
    for other in result.breaks[1:]:
        print(f"  also at register {other.register}, entry {other.sequence}: {other.reason}.")
    if result.breaks and result.key_problem:
        print(f"  also: {result.key_problem}.")
    return 0 if result.ok else 1


def _journal_month(text: str) -> tuple[int, int]:
    year, _, month = text.partition("-")
    if len(year) != 4 or len(month) != 2 or not (year + month).isdigit():
        raise argparse.ArgumentTypeError(f"give a month as YYYY-MM, such as 2026-10 (got {text!r})")
    return int(year), int(month)


def _journal_year(text: str) -> int:
    if len(text) != 4 or not text.isdigit():
        raise argparse.ArgumentTypeError(f"give a year as YYYY, such as 2026 (got {text!r})")
    return int(text)


def _journal_close(args: argparse.Namespace) -> int:
    import getpass

    if sys.stdin.isatty():
        password = getpass.getpass(f"Password of {args.user}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    with _open(args) as svc:
        actor = svc.auth.login(args.user, password)
        service = svc.journal_closings
        if args.month is not None:
            closed = service.close_month(actor, *args.month, register=args.register)
        else:
            closed = service.close_year(actor, args.year, register=args.register)
        currency = svc.settings.current().currency
    for closing in closed:
        covered = f"entries {closing.first_sequence} to {closing.last_sequence}" if closing.entries else "no entry"
        print(
            f"Closed {closing.period} on {closing.register} ({covered}): sales {currency.round(closing.sales_total)}, "
            f"refunds {currency.round(closing.refunds_total)}, grand total {currency.round(closing.grand_total)} "
            f"{currency.code}; journal entry {closing.entry_sequence}."
        )
    return 0


def _journal_export(args: argparse.Namespace) -> int:
    from pos_app.services.auth import system_actor

    with _open(args) as svc:
        summary = svc.journal_archives.export_archive(system_actor(), args.first_day, args.last_day, args.out)
    print(
        f"Wrote {summary.path}: {summary.entries} journal entries of {summary.registers} register(s) and "
        f"{summary.closings} closing(s), {summary.first_day} to {summary.last_day}, signed with key "
        f"{summary.key_fingerprint}. SHA-256 of the archive: {summary.sha256}"
    )
    return 0


def _journal_verify_archive(args: argparse.Namespace) -> int:
    from pos_app.services.journal_archive import verify_archive

    public_key = _public_key(args.public_key)
    result = verify_archive(args.file, public_key)
    print(result.verdict)
    for other in result.problems[1:]:
        print(f"  also: {other}.")
    return 0 if result.ok else 1


def _invoices_export(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from pos_app.services.auth import system_actor

    since = datetime.combine(args.first_day, time()).astimezone()  # midnight where the shop is
    until = datetime.combine(args.last_day + timedelta(days=1), time()).astimezone()
    with _open(args) as svc, tqdm(unit=" PDF", desc="Invoices", disable=None) as bar:
        result = svc.invoice_export.export(
            system_actor(), since, until, args.out, workers=args.workers, on_start=bar.reset, progress=bar.update
        )
    print(
        f"Wrote {result.documents} PDF(s) and {result.csv.name} / {result.xlsx.name} in {args.out}: "
        f"{result.net} excl. VAT, {result.vat} VAT, {result.gross} incl. VAT."
    )
    return 0


def _invoices_render(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from pos_app.services.auth import system_actor

    since = datetime.combine(args.first_day, time()).astimezone() if args.first_day else None
    until = datetime.combine(args.last_day + timedelta(days=1), time()).astimezone() if args.last_day else None
    with _open(args) as svc, tqdm(unit=" PDF", desc="Invoices", disable=None) as bar:
        result = svc.invoice_export.prepare(
            system_actor(), since, until, workers=args.workers, on_start=bar.reset, progress=bar.update
        )
    print(
        f"Rendered {result.rendered} PDF(s) of {result.documents} document(s); "
        f"the other {result.documents - result.rendered} were kept already."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
