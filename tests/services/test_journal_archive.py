"""Signed period archives of the journal: exported from real counter sales, checked with nothing but the file,
and every kind of tampering with the file found and named."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from pos_app.domain.journal import entry_message
from pos_app.domain.journal_archive import (
    CLOSINGS,
    ENTRIES,
    MANIFEST,
    PUBLIC_KEY,
    SIGNATURE,
    FileDigest,
    Manifest,
)
from pos_app.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pos_app.journal_keys import JournalKeyError, Signer, current_signer, load_signer
from pos_app.services import open_services
from pos_app.services.journal import JournalTampered
from pos_app.services.journal_archive import JournalArchiveService, verify_archive
from pos_app.services.journal_closings import JournalClosingService
from tests.conftest import PASSWORDS, FakeClock
from tests.services.helpers import make_product

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture
def archives(services) -> JournalArchiveService:
    return services.journal_archives


def fill_october(services, clock, stock_manager, cashier, accountant) -> None:
    """R1's journal: the till opened on 30 September (entry 1); in October two sales, 39.80 (entry 2) and 18.00
    (entry 3), and a refund of 19.90 (entry 4); on 1 November September's and October's closings (entries 5
    and 6) and a sale of 19.90 (entry 7). The clock is left on 2 November."""
    clock.now = datetime(2026, 9, 30, 17, 0, tzinfo=UTC)
    make_product(services, stock_manager, sku="TEE")
    make_product(services, stock_manager, sku="BOOK", name="Guide", price=Decimal("18.00"), vat_rate=Decimal("5.5"))
    services.inventory.receive(stock_manager, "TEE", 10)
    services.inventory.receive(stock_manager, "BOOK", 5)
    services.pos.open_session(cashier, "R1", Decimal("100.00"))
    clock.now = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)
    first = services.pos.checkout(cashier, [("TEE", 2)], [("cash", Decimal("40.00"))])
    services.pos.checkout(cashier, [("BOOK", 1)], [("card", Decimal("18.00"), "T-1")])
    clock.now = datetime(2026, 10, 20, 9, 0, tzinfo=UTC)
    services.pos.refund(cashier, first.number, [("TEE", 1)], "cash")
    clock.now = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    closings = JournalClosingService(services.db, services.clock)
    closings.close_month(accountant, 2026, 9)
    closings.close_month(accountant, 2026, 10)
    services.pos.checkout(cashier, [("TEE", 1)], [("cash", Decimal("20.00"))])
    clock.now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def october(services, clock, stock_manager, cashier, accountant):
    """The journal of fill_october, on each backend."""
    fill_october(services, clock, stock_manager, cashier, accountant)
    return services


@pytest.fixture(scope="module")
def october_archive(sqlite_template, tmp_path_factory) -> Path:
    """The archive of October from fill_october's journal, exported once: the checks of tampered archives need
    nothing but the file."""
    folder = tmp_path_factory.mktemp("october")
    shutil.copyfile(sqlite_template, folder / "pos.db")
    clock = FakeClock(datetime(2026, 11, 22, tzinfo=UTC))
    with open_services(f"sqlite:///{folder / 'pos.db'}", clock=clock) as services:
        stock_manager, cashier, accountant = (
            services.auth.login(name, PASSWORDS[name]) for name in ("stock", "cashier", "accountant")
        )
        fill_october(services, clock, stock_manager, cashier, accountant)
        JournalArchiveService(services.db, clock).export_archive(accountant, *OCTOBER, folder / "october.zip")
    return folder / "october.zip"


@pytest.fixture
def out(tmp_path) -> Path:
    """An empty folder to export into."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def archive(october_archive, tmp_path) -> Path:
    """A copy of the October archive, for one test to change."""
    return Path(shutil.copy(october_archive, tmp_path / "journal-2026-10.zip"))


def read_member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def rewritten(path: Path, changes: dict[str, Callable[[bytes], bytes]]) -> Path:
    """A copy of the archive with some files changed, as someone who unzips, edits and zips again would make."""
    target = path.with_name(f"tampered-{path.name}")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for name in source.namelist():
            data = source.read(name)
            copy.writestr(name, changes[name](data) if name in changes else data)
    return target


def entry_lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def line_of(data: bytes, sequence: int) -> int:
    return next(n for n, line in enumerate(entry_lines(data)) if json.loads(line)["sequence"] == sequence)


# ----- exporting and verifying --------------------------------------------------------------------------------


def test_the_archive_of_a_period_holds_its_entries_and_closings_and_verifies_on_its_own(
    october, archives, accountant, tmp_path
):
    path = tmp_path / "journal-2026-10.zip"

    summary = archives.export_archive(accountant, "2026-10-01", "2026-10-31", path)

    assert (summary.entries, summary.registers, summary.closings) == (3, 1, 1)
    assert summary.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    with zipfile.ZipFile(path) as zipped:
        assert sorted(zipped.namelist()) == sorted(
            [MANIFEST, SIGNATURE, PUBLIC_KEY, ENTRIES, CLOSINGS, "registers.json"]
        )
        entries = [json.loads(line) for line in zipped.read(ENTRIES).splitlines()]
        closing = json.loads(zipped.read(CLOSINGS))
        manifest = json.loads(zipped.read(MANIFEST))
    assert [(e["sequence"], e["kind"], e["amount"]) for e in entries] == [
        (2, "sale", "39.8000"),
        (3, "sale", "18.0000"),
        (4, "refund", "-19.9000"),
    ]
    assert (closing["period"], closing["sales_total"], closing["refunds_total"]) == ("2026-10", "57.8000", "19.9000")
    assert manifest["registers"]["R1"]["previous_hash"] == entries[0]["previous_hash"]
    assert manifest["public_key"]["fingerprint"] == current_signer().public_key.fingerprint
    result = verify_archive(path)
    assert (result.ok, result.entries, result.registers) == (True, 3, 1)
    assert result.verdict == (
        f"Archive OK: 3 entries on 1 register from 2026-10-01 to 2026-10-31 "
        f"(signing key {current_signer().public_key.fingerprint})"
    )


def test_an_archive_verifies_after_the_database_is_gone(october, archives, accountant, database_url, tmp_path, request):
    archive = tmp_path / "october.zip"
    archives.export_archive(accountant, *OCTOBER, archive)
    october.close()
    if database_url.startswith("sqlite"):
        Path(database_url.removeprefix("sqlite:///")).unlink()
    else:
        admin = create_engine(request.getfixturevalue("postgres_admin_url"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {database_url.rsplit('/', 1)[1]} WITH (FORCE)"))
        admin.dispose()

    result = verify_archive(archive, current_signer().public_key.pem)

    assert (result.ok, result.entries) == (True, 3), result.verdict


def test_a_period_without_entries_gives_an_empty_archive_that_verifies(october, archives, accountant, tmp_path):
    path = tmp_path / "august.zip"

    summary = archives.export_archive(accountant, date(2026, 8, 1), date(2026, 8, 31), path)

    assert (summary.entries, summary.registers, summary.closings) == (0, 0, 0)
    assert verify_archive(path).ok


# ----- tampering with the archive -----------------------------------------------------------------------------


def test_one_byte_changed_in_an_entry_is_found_at_that_entry(archive):
    def edit(data: bytes) -> bytes:
        lines = entry_lines(data)
        at = line_of(data, 3)
        lines[at] = lines[at].replace(b'"amount":"18.0000"', b'"amount":"10.0000"')
        return b"".join(lines)

    result = verify_archive(rewritten(archive, {ENTRIES: edit}))

    assert (result.ok, result.first_bad, result.bad_file) == (False, ("R1", 3), ENTRIES)
    assert result.verdict == (
        "Archive BROKEN at register R1, entry 3: its content was changed after it was written (entries.jsonl)."
    )
    assert any("SHA-256 is not the one in the manifest" in p.reason for p in result.problems if p.file == ENTRIES)


def test_a_removed_entry_is_found_by_its_number(archive):
    def remove(data: bytes) -> bytes:
        lines = entry_lines(data)
        del lines[line_of(data, 3)]
        return b"".join(lines)

    result = verify_archive(rewritten(archive, {ENTRIES: remove}))

    assert result.first_bad == ("R1", 3)
    assert "it is missing: deleted after being written" in result.verdict


def test_entries_cut_off_the_end_of_the_archive_are_found(archive):
    result = verify_archive(rewritten(archive, {ENTRIES: lambda data: b"".join(entry_lines(data)[:-1])}))

    assert result.first_bad == ("R1", 4)
    assert "the archive was cut off after entry 3, but the manifest lists entries up to 4" in result.verdict


def test_two_swapped_entries_are_found_where_the_order_breaks(archive):
    def swap(data: bytes) -> bytes:
        lines = entry_lines(data)
        lines[0], lines[1] = lines[1], lines[0]
        return b"".join(lines)

    result = verify_archive(rewritten(archive, {ENTRIES: swap}))

    assert result.first_bad == ("R1", 2)
    assert result.verdict == (
        "Archive BROKEN at register R1, entry 2: it is not where it belongs in entries.jsonl: entries were "
        "reordered (entries.jsonl)."
    )


def test_a_changed_manifest_is_found_by_its_signature(archive):
    def widen(data: bytes) -> bytes:
        return data.replace(b'"to": "2026-10-31"', b'"to": "2026-11-30"')

    result = verify_archive(rewritten(archive, {MANIFEST: widen}))

    assert (result.ok, result.bad_file) == (False, MANIFEST)
    assert result.verdict == (
        "Archive BROKEN: its signature (manifest.sig) was not made with the shop's journal key: the manifest was "
        "changed after it was signed (manifest.json)."
    )


def test_a_changed_closing_record_is_found(archive):
    def inflate(data: bytes) -> bytes:
        at = data.rindex(b'"sales_total":"57.8000"')  # the record's own total, after the entry that seals it
        return data[:at] + b'"sales_total":"67.8000"' + data[at + 23 :]

    result = verify_archive(rewritten(archive, {CLOSINGS: inflate}))

    assert result.first_bad == ("R1", 6)
    assert "its month closing 2026-10: its totals are not those of its signed entry" in result.verdict


def test_an_extra_file_slipped_into_the_archive_is_named(archive):
    with zipfile.ZipFile(archive, "a") as zipped:
        zipped.writestr("notes.txt", "all fine")

    result = verify_archive(archive)

    assert result.bad_file == "notes.txt"
    assert "it is not part of the signed archive: it was added" in result.verdict


def test_a_public_key_swapped_for_another_is_found_even_without_a_trusted_key(archive, tmp_path):
    intruder = load_signer(tmp_path / "intruder.pem")

    result = verify_archive(rewritten(archive, {PUBLIC_KEY: lambda _: intruder.public_key.pem.encode()}))

    assert result.bad_file == PUBLIC_KEY
    assert "it is not the key the manifest names" in result.verdict


def test_an_archive_re_signed_with_another_key_is_found_with_the_shops_public_key(archive, tmp_path):
    shop_key = current_signer().public_key.pem
    forged = re_signed(archive, load_signer(tmp_path / "intruder.pem"))
    assert verify_archive(forged).ok  # consistent in itself: only the shop's key, kept apart, tells

    result = verify_archive(forged, shop_key)

    assert (result.ok, result.bad_file) == (False, PUBLIC_KEY)
    assert result.verdict.startswith("Archive BROKEN: the archive's key (fingerprint ")
    assert result.verdict.endswith("): it was replaced (public-key.pem).")
    assert result.first_bad == ("R1", 2)  # and every signature fails with the shop's key


def re_signed(path: Path, intruder: Signer) -> Path:
    """The archive with every signature remade with the intruder's key, and a manifest to match."""

    def resign(data: bytes) -> bytes:
        lines = []
        for line in data.splitlines():
            record = json.loads(line)
            target = record.get("entry", record)
            target["signature"] = intruder.sign(entry_message(target["hash"]))
            lines.append(json.dumps(record, sort_keys=True, separators=(",", ":")).encode() + b"\n")
        return b"".join(lines)

    step = rewritten(path, {ENTRIES: resign, CLOSINGS: resign, PUBLIC_KEY: lambda _: intruder.public_key.pem.encode()})
    with zipfile.ZipFile(step) as zipped:
        files = {
            name: FileDigest(hashlib.sha256(zipped.read(name)).hexdigest(), len(zipped.read(name)))
            for name in (ENTRIES, CLOSINGS, PUBLIC_KEY, "registers.json")
        }
        manifest = dataclasses.replace(
            Manifest.from_bytes(zipped.read(MANIFEST)), files=files, key_fingerprint=intruder.public_key.fingerprint
        ).to_bytes()
    final = path.with_name("re-signed.zip")
    with zipfile.ZipFile(step) as source, zipfile.ZipFile(final, "w") as copy:
        for name in source.namelist():
            data = {MANIFEST: manifest, SIGNATURE: intruder.sign(manifest).encode()}.get(name, source.read(name))
            copy.writestr(name, data)
    return final


def test_a_file_that_is_not_an_archive_is_named(tmp_path):
    path = tmp_path / "notes.zip"
    path.write_text("not a zip")

    result = verify_archive(path)

    assert (result.ok, result.bad_file) == (False, "notes.zip")
    assert "it is not a readable ZIP archive" in result.verdict


def test_verifying_a_missing_file_or_with_a_bad_trusted_key_is_refused(tmp_path):
    with pytest.raises(NotFound, match="No archive at"):
        verify_archive(tmp_path / "nothing.zip")
    (tmp_path / "a.zip").write_bytes(b"")
    with pytest.raises(JournalKeyError, match="not an Ed25519 public key"):
        verify_archive(tmp_path / "a.zip", "not a key")


# ----- refusals -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "error", "field", "message"),
    [
        ("2026-10-01", "2026-09-30", ValidationError, "end", "The last day 2026-09-30 is before the first day"),
        ("2026-10-01", "2026-11-02", ValidationError, "end", "2026-11-02 is not over yet"),
        ("October", "2026-10-31", ValidationError, "start", "must be a day such as 2026-10-01"),
        (datetime(2026, 10, 1, tzinfo=UTC), "2026-10-31", ValidationError, "start", "must be a day"),
    ],
)
def test_a_period_that_is_not_whole_days_that_are_over_is_refused(
    clock, archives, accountant, out, start, end, error, field, message
):
    clock.now = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    with pytest.raises(error, match=message) as raised:
        archives.export_archive(accountant, start, end, out / "a.zip")

    assert raised.value.field == field
    assert list(out.iterdir()) == []


def test_an_archive_never_overwrites_a_file(archives, accountant, out):
    path = out / "a.zip"
    path.write_text("last year's archive")

    with pytest.raises(Conflict, match="exists already"):
        archives.export_archive(accountant, *OCTOBER, path)

    assert path.read_text() == "last year's archive"
    assert [p.name for p in out.iterdir()] == ["a.zip"]


def test_a_cashier_may_not_export_an_archive(archives, cashier, out):
    with pytest.raises(PermissionDenied, match="may not export journal archives"):
        archives.export_archive(cashier, *OCTOBER, out / "a.zip")

    assert list(out.iterdir()) == []


def test_no_archive_is_exported_from_a_broken_journal(october, archives, accountant, out):
    with october.db.write_engine.begin() as connection:
        connection.execute(text("UPDATE journal_entries SET amount = 1 WHERE sequence = 3"))

    with pytest.raises(JournalTampered, match="Journal BROKEN at register R1, entry 3"):
        archives.export_archive(accountant, *OCTOBER, out / "a.zip")

    assert list(out.iterdir()) == []
