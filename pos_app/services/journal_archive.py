"""Period archives of the sales journal: exported from the database and signed, checked with nothing but the file.

The format (a ZIP of JSON files, see domain/journal_archive.py and docs/journal-archive.md) is open: anyone can
check an archive with SHA-256 and Ed25519, without this program. An archive is exported only from a journal
that verifies, so that its signature never vouches for entries that were already tampered with; it is written
to a temporary file beside the target and linked into place, so a half-written archive never carries the name.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.db.engine import Database
from pos_app.db.models import JournalClosing, JournalEntry, Register, User
from pos_app.domain.journal import START, ChainPosition, StoredEntry, canonical_json
from pos_app.domain.journal_archive import (
    CLOSINGS,
    CONTENT_FILES,
    ENTRIES,
    MANIFEST,
    PUBLIC_KEY,
    REGISTERS,
    SIGNATURE,
    ArchiveProblem,
    ArchiveResult,
    EntriesCheck,
    FileDigest,
    Manifest,
    RegisterRange,
    check_closing_line,
    closing_record,
    day_start,
    entry_line,
    parse_json,
)
from pos_app.domain.journal_closings import ClosingRecord, Period
from pos_app.domain.roles import Actor
from pos_app.errors import Conflict, NotFound, ValidationError
from pos_app.journal_keys import JournalKeyError, PublicKey, Signer, current_signer
from pos_app.services.journal import JournalTampered, check_journal, read_snapshot, require_bookkeeper
from pos_app.services.settings import read_settings
from pos_app.services.unit_of_work import Clock

_ENTRIES = JournalEntry.__table__
_REGISTERS = Register.__table__
_ENTRY_COLUMNS = (
    _ENTRIES.c.sequence,
    _ENTRIES.c.kind,
    _ENTRIES.c.at,
    _ENTRIES.c.amount,
    _ENTRIES.c.grand_total,
    _ENTRIES.c.payload,
    _ENTRIES.c.previous_hash,
    _ENTRIES.c.hash,
    _ENTRIES.c.signature,
)
EXPORT_BATCH = 2000
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ArchiveSummary:
    """What was exported, and the SHA-256 of the archive file (to note down beside it)."""

    path: Path
    first_day: date
    last_day: date
    entries: int
    registers: int
    closings: int
    key_fingerprint: str
    sha256: str


class JournalArchiveService:
    """Exports signed period archives of the journal."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def export_archive(self, actor: Actor, start: date | str, end: date | str, path: Path | str) -> ArchiveSummary:
        """Write the archive of the journal entries dated from `start` to `end` (days, both included, UTC) to
        `path`, a ZIP file that must not exist yet, signed with the journal key.

        Raises PermissionDenied (not an accountant or admin), ValidationError (not dates, `end` before `start`
        or not over yet, no folder for `path`), Conflict (`path` exists), JournalKeyError (the key file is
        not this journal's key) and JournalTampered (the journal does not verify). Nothing is written then."""
        require_bookkeeper(actor, "export journal archives")
        first_day, last_day = _day(start, "start"), _day(end, "end")
        if last_day < first_day:
            raise ValidationError(f"The last day {last_day} is before the first day {first_day}.", field="end")
        if self._clock() < day_start(last_day + timedelta(days=1)):
            raise ValidationError(
                f"{last_day} is not over yet: an archive holds whole days that are over.", field="end"
            )
        target = _target(path)
        signer = current_signer()
        with read_snapshot(self._db) as session:
            _require_intact_journal(session, signer)
            settings = read_settings(session)
            with _staged(target) as staging:
                counts = _write_archive(
                    session,
                    staging,
                    signer,
                    Manifest(
                        first_day=first_day,
                        last_day=last_day,
                        exported_at=self._clock(),
                        exported_by=actor.username,
                        shop_name=settings.shop_name,
                        currency=settings.currency.code,
                        key_fingerprint=signer.public_key.fingerprint,
                        files={},
                        registers=(),
                        entries=0,
                        closings=0,
                    ),
                )
                sha256 = _file_sha256(staging)
        return ArchiveSummary(target, first_day, last_day, *counts, signer.public_key.fingerprint, sha256)


def _day(value: date | str, field: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(f"The {field} must be a day such as 2026-10-01 (got {value!r}).", field=field)


def _target(path: Path | str) -> Path:
    target = Path(path).expanduser().absolute()
    if not target.parent.is_dir():
        raise ValidationError(f"There is no folder {target.parent} to write the archive in.", field="path")
    if target.exists():
        raise Conflict(f"{target} exists already: an archive is never overwritten. Choose another name.", field="path")
    return target


def _require_intact_journal(session: Session, signer: Signer) -> None:
    result = check_journal(session, None, signer.public_key)
    if result.key_problem is not None:
        raise JournalKeyError(
            f"The archive cannot be signed with the key in {signer.path} (fingerprint "
            f"{signer.public_key.fingerprint}): {result.key_problem}. Set POS_JOURNAL_KEY_FILE to the shop's key file."
        )
    if not result.ok:
        raise JournalTampered(
            f"No archive is signed over a broken journal. {result.verdict} Run 'pos-app journal verify' and look "
            "into it first."
        )


@contextmanager
def _staged(target: Path) -> Iterator[Path]:
    """A temporary file beside `target`, linked to `target` once the block succeeds, removed in every case."""
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(descriptor)
    staging = Path(name)
    try:
        yield staging
        try:
            os.link(staging, target)  # never replaces: an archive that appeared meanwhile is kept
        except FileExistsError:
            raise Conflict(f"{target} appeared while the archive was written; it was left as it is.") from None
    finally:
        staging.unlink(missing_ok=True)


def _write_archive(session: Session, staging: Path, signer: Signer, manifest: Manifest) -> tuple[int, int, int]:
    """Write every file and the signed manifest; returns the number of entries, registers and closings."""
    registers = session.execute(
        select(_REGISTERS.c.id, _REGISTERS.c.code, _REGISTERS.c.name, _REGISTERS.c.active).order_by(_REGISTERS.c.code)
    ).all()
    stretches = _stretches(session, [(row.id, row.code) for row in registers], manifest.start, manifest.end)
    files: dict[str, FileDigest] = {}
    with zipfile.ZipFile(staging, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        moment = manifest.exported_at
        with _member(archive, REGISTERS, moment, files) as out:
            listed = [{"code": row.code, "name": row.name, "active": row.active} for row in registers]
            out.write((canonical_json(listed) + "\n").encode("utf-8"))
        with _member(archive, PUBLIC_KEY, moment, files) as out:
            out.write(signer.public_key.pem.encode("ascii"))
        entries = 0
        with _member(archive, ENTRIES, moment, files) as out:
            for register_id, stretch in stretches:
                for entry in _entries(session, register_id, stretch):
                    out.write(entry_line(entry).encode("utf-8"))
                    entries += 1
        with _member(archive, CLOSINGS, moment, files) as out:
            closings = 0
            for line in _closing_lines(session, manifest):
                out.write(line.encode("utf-8"))
                closings += 1
        signed = dataclasses.replace(
            manifest,
            files=files,
            registers=tuple(stretch for _, stretch in stretches),
            entries=entries,
            closings=closings,
        )
        text = signed.to_bytes()
        archive.writestr(_info(MANIFEST, moment), text)
        archive.writestr(_info(SIGNATURE, moment), signer.sign(text) + "\n")
    with staging.open("rb") as written:
        os.fsync(written.fileno())
    return entries, sum(1 for _, stretch in stretches if stretch.entries), closings


def _info(name: str, moment: datetime) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class _HashingWriter:
    """Writes through to an archive member, keeping the SHA-256 and size of what went in."""

    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> None:
        self._target.write(data)
        self.digest.update(data)
        self.size += len(data)


@contextmanager
def _member(
    archive: zipfile.ZipFile, name: str, moment: datetime, files: dict[str, FileDigest]
) -> Iterator[_HashingWriter]:
    """A file of the archive, written as a stream; its SHA-256 and size go to `files` for the manifest."""
    with archive.open(_info(name, moment), "w", force_zip64=True) as stream:
        writer = _HashingWriter(stream)
        yield writer
    files[name] = FileDigest(writer.digest.hexdigest(), writer.size)


def _stretches(
    session: Session, registers: list[tuple[int, str]], start: datetime, end: datetime
) -> list[tuple[int, RegisterRange]]:
    """Per register, the stretch of its chain from the first to the last entry dated in [start, end) (all entries
    between them, whatever their dates, so that the stretch is contiguous), or the empty stretch at its last
    entry before `start`. Registers whose journal begins after `end` are left out."""
    inside = {
        register_id: (first, last)
        for register_id, first, last in session.execute(
            select(_ENTRIES.c.register_id, func.min(_ENTRIES.c.sequence), func.max(_ENTRIES.c.sequence))
            .where(_ENTRIES.c.at >= start, _ENTRIES.c.at < end)
            .group_by(_ENTRIES.c.register_id)
        )
    }
    before = dict(
        session.execute(
            select(_ENTRIES.c.register_id, func.max(_ENTRIES.c.sequence))
            .where(_ENTRIES.c.at < start)
            .group_by(_ENTRIES.c.register_id)
        ).all()
    )
    stretches = []
    for register_id, code in registers:
        if register_id in inside:
            first, last = inside[register_id]
            previous = _position(session, register_id, first - 1)
            first_entry = _position(session, register_id, first)
            stretches.append(
                (register_id, RegisterRange(code, previous, _position(session, register_id, last), first_entry.hash))
            )
        elif register_id in before:
            anchor = _position(session, register_id, before[register_id])
            stretches.append((register_id, RegisterRange(code, anchor, anchor, None)))
    return stretches


def _position(session: Session, register_id: int, sequence: int) -> ChainPosition:
    if sequence == 0:
        return START
    row = session.execute(
        select(_ENTRIES.c.hash, _ENTRIES.c.grand_total).where(
            _ENTRIES.c.register_id == register_id, _ENTRIES.c.sequence == sequence
        )
    ).one_or_none()
    if row is None:  # the journal verified a moment ago in this same snapshot: only a gap could get here
        raise JournalTampered(f"Journal entry {sequence} is missing: run 'pos-app journal verify'.")
    return ChainPosition(sequence, row.hash, row.grand_total)


def _entries(session: Session, register_id: int, stretch: RegisterRange) -> Iterator[StoredEntry]:
    if not stretch.entries:
        return
    rows = session.execute(
        select(*_ENTRY_COLUMNS)
        .where(
            _ENTRIES.c.register_id == register_id,
            _ENTRIES.c.sequence > stretch.previous.sequence,
            _ENTRIES.c.sequence <= stretch.last.sequence,
        )
        .order_by(_ENTRIES.c.sequence)
        .execution_options(yield_per=EXPORT_BATCH)
    )
    for row in rows:
        yield StoredEntry(stretch.register, *row)


def _closing_lines(session: Session, manifest: Manifest) -> Iterator[str]:
    """closings.jsonl: the closings of the months and years inside the archive's period, with their entries."""
    rows = session.execute(
        select(_REGISTERS.c.code, JournalClosing, User.username, *_ENTRY_COLUMNS)
        .select_from(JournalClosing)
        .join(_REGISTERS, _REGISTERS.c.id == JournalClosing.register_id)
        .outerjoin(User, User.id == JournalClosing.closed_by)
        .join(
            _ENTRIES,
            (_ENTRIES.c.register_id == JournalClosing.register_id)
            & (_ENTRIES.c.sequence == JournalClosing.entry_sequence),
        )
        .order_by(_REGISTERS.c.code, JournalClosing.entry_sequence)
    )
    for code, row, username, *entry in rows:
        if not Period.parse(row.period).within(manifest.start, manifest.end):
            continue
        record = ClosingRecord(
            row.kind, row.period, row.sales_total, row.refunds_total, row.grand_total, row.entry_sequence
        )
        yield canonical_json(closing_record(code, record, row.closed_at, username, StoredEntry(code, *entry))) + "\n"


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ----- checking -------------------------------------------------------------------------------------------------


def verify_archive(path: Path | str, public_key_pem: str | bytes | None = None) -> ArchiveResult:
    """Check an archive with nothing but the file: the manifest's signature, the SHA-256 of every file, each
    register's chain from the manifest's anchor to its last entry (hashes, links, signatures, grand totals, no
    entry missing, added or moved) and the figures of the closings inside the period. With `public_key_pem`
    (the shop's key, kept apart), also that the archive's key is that one, and every signature is checked with it.

    Returns the result with the problems found (a broken archive is not an error). Raises NotFound if there is
    no file at `path` and JournalKeyError if `public_key_pem` is not an Ed25519 public key."""
    trusted = None if public_key_pem is None else PublicKey.from_pem(public_key_pem, "The trusted public key given")
    source = Path(path)
    if not source.is_file():
        raise NotFound(f"No archive at {source}.")
    try:
        with zipfile.ZipFile(source) as archive:
            return _ArchiveReader(archive, trusted).check()
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        return _broken(ArchiveProblem(source.name, f"it is not a readable ZIP archive ({error})"))


def _broken(*problems: ArchiveProblem) -> ArchiveResult:
    """The result for an archive that cannot be read far enough to check its entries."""
    return ArchiveResult(0, 0, None, None, None, problems)


class _ArchiveReader:
    """One check of one opened archive. Damaged compressed data is reported against the file that holds it."""

    def __init__(self, archive: zipfile.ZipFile, trusted: PublicKey | None) -> None:
        self._archive = archive
        self._trusted = trusted
        self._names = archive.namelist()

    def check(self) -> ArchiveResult:
        doubled = [
            ArchiveProblem(name, "the archive holds two files of this name: one was added")
            for name in sorted({n for n in self._names if self._names.count(n) > 1})
        ]
        try:
            manifest_bytes = self._read(MANIFEST)
            manifest = Manifest.from_bytes(manifest_bytes)
        except (KeyError, ValueError) as error:
            reason = "it is missing" if isinstance(error, KeyError) else str(error)
            return _broken(*doubled, ArchiveProblem(MANIFEST, f"{reason}: this is not a journal archive"))
        key_problems, checker = self._key(manifest)
        signature_problems = self._signature(manifest_bytes, checker)
        entries = EntriesCheck(manifest, checker.is_valid if checker else None)
        self._lines(ENTRIES, entries.line, entries.problems)
        tallies = entries.finish()
        closing_problems: list[ArchiveProblem] = []

        def closing(number: int, text: str) -> None:
            problem = check_closing_line(number, text, manifest, tallies, checker.is_valid if checker else None)
            if problem is not None:
                closing_problems.append(problem)

        self._lines(CLOSINGS, closing, closing_problems)
        file_problems = self._files(manifest, entries.entries)
        return ArchiveResult(
            entries=entries.entries,
            registers=sum(1 for stretch in manifest.registers if stretch.entries),
            first_day=manifest.first_day,
            last_day=manifest.last_day,
            key_fingerprint=checker.fingerprint if checker else None,
            problems=(
                *doubled,
                *key_problems,
                *signature_problems,
                *entries.problems,
                *closing_problems,
                *file_problems,
            ),
        )

    def _read(self, name: str) -> bytes:
        """Raises KeyError if the archive has no such file, ValueError if its compressed data is damaged."""
        try:
            return self._archive.read(name)
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise ValueError(f"{name} is damaged ({error})") from None

    def _key(self, manifest: Manifest) -> tuple[list[ArchiveProblem], PublicKey | None]:
        problems = []
        try:
            embedded: PublicKey | None = PublicKey.from_pem(self._read(PUBLIC_KEY))
        except (KeyError, ValueError, JournalKeyError):
            embedded = None
            problems.append(ArchiveProblem(PUBLIC_KEY, "it is missing or not an Ed25519 public key"))
        if embedded is not None and self._trusted is not None and embedded != self._trusted:
            problems.append(
                ArchiveProblem(
                    PUBLIC_KEY,
                    f"the archive's key (fingerprint {embedded.fingerprint}) is not the trusted key "
                    f"({self._trusted.fingerprint}): it was replaced",
                )
            )
        elif embedded is not None and embedded.fingerprint != manifest.key_fingerprint:
            problems.append(
                ArchiveProblem(
                    PUBLIC_KEY,
                    f"it is not the key the manifest names ({manifest.key_fingerprint}): it was replaced",
                )
            )
        return problems, self._trusted or embedded

    def _signature(self, manifest_bytes: bytes, checker: PublicKey | None) -> list[ArchiveProblem]:
        try:
            signature = self._read(SIGNATURE).decode("ascii").strip()
        except (KeyError, ValueError):
            return [ArchiveProblem(SIGNATURE, "it is missing or unreadable: the manifest is not signed")]
        if checker is None:
            return [ArchiveProblem(SIGNATURE, "there is no public key to check it with")]
        if not checker.is_valid(manifest_bytes, signature):
            return [
                ArchiveProblem(
                    MANIFEST,
                    f"its signature ({SIGNATURE}) was not made with the shop's journal key: the manifest was "
                    "changed after it was signed",
                )
            ]
        return []

    def _lines(self, name: str, take: Callable[[int, str], None], problems: list[ArchiveProblem]) -> None:
        """Feed each line of a JSON Lines file to `take(number, text)`; a missing file is reported with the files."""
        if name not in self._names:
            return
        try:
            with self._archive.open(name) as stream:
                for number, text in enumerate(io.TextIOWrapper(stream, encoding="utf-8"), start=1):
                    take(number, text)
        except (UnicodeDecodeError, zipfile.BadZipFile, zlib.error, EOFError) as error:
            problems.append(ArchiveProblem(name, f"it is damaged ({error})"))

    def _files(self, manifest: Manifest, entries: int) -> list[ArchiveProblem]:
        problems = []
        for name in CONTENT_FILES:
            pinned = manifest.files.get(name)
            if name not in self._names:
                problems.append(ArchiveProblem(name, "it is missing: it was removed from the archive"))
            elif pinned is None:
                problems.append(ArchiveProblem(name, "the manifest gives no SHA-256 for it"))
            elif self._digest(name) != pinned:
                problems.append(
                    ArchiveProblem(
                        name, "its SHA-256 is not the one in the manifest: it was changed after the archive was signed"
                    )
                )
        known = {*CONTENT_FILES, MANIFEST, SIGNATURE}
        problems += [
            ArchiveProblem(name, "it is not part of the signed archive: it was added")
            for name in dict.fromkeys(self._names)
            if name not in known
        ]
        if entries != manifest.entries:
            problems.append(
                ArchiveProblem(ENTRIES, f"it holds {entries} entries, the manifest lists {manifest.entries}")
            )
        problems += self._registers_problems(manifest)
        return problems

    def _digest(self, name: str) -> FileDigest | None:
        digest, size = hashlib.sha256(), 0
        try:
            with self._archive.open(name) as stream:
                for chunk in iter(lambda: stream.read(_CHUNK), b""):
                    digest.update(chunk)
                    size += len(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError):
            return None
        return FileDigest(digest.hexdigest(), size)

    def _registers_problems(self, manifest: Manifest) -> list[ArchiveProblem]:
        try:
            listed = {item["code"] for item in parse_json(self._read(REGISTERS).decode("utf-8"))}
        except (KeyError, ValueError, TypeError, UnicodeDecodeError):
            return [] if REGISTERS not in self._names else [ArchiveProblem(REGISTERS, "it is unreadable")]
        return [
            ArchiveProblem(REGISTERS, f"it does not list register {stretch.register}, whose entries are archived")
            for stretch in manifest.registers
            if stretch.register not in listed
        ]
