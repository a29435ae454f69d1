"""The sales journal in the database: entries appended inside the caller's transaction, and their check.

Appending locks the register's row (FOR NO KEY UPDATE on PostgreSQL, which does not block the foreign-key
checks of concurrent inserts; SQLite's write transaction already holds the database's write lock). The lock
exists before the register's first entry, so the first entry is serialised like every other one, and the
last entry is read by a second statement after the lock, which sees what the transaction we waited for
committed. The UNIQUE (register_id, sequence) constraint stays as the backstop: if anything ever writes the
same sequence twice, the second transaction fails with JournalConflict instead of forking the chain.

Every append also rewrites the register's signed head (sequence, hash, grand total of its last entry), so
that verification can tell when entries were cut off the end. Until the schema has a table for them, the
heads are settings rows named "journal_head.<register id>", next to "journal_public_key".

A closed month takes no more entries (see services/journal_closings.py): an entry dated in it can only come
from a machine whose clock is behind, and would make the closing's figures untrue.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pos_app.db.connection import core
from pos_app.db.engine import Database
from pos_app.db.models import JournalClosing, JournalEntry, Register, Setting
from pos_app.domain.journal import (
    ChainPosition,
    Head,
    JournalBreak,
    SignedHead,
    StoredEntry,
    build_on,
    check_chain,
    entry_hash,
    entry_message,
    fixed_amount,
    next_entry,
)
from pos_app.domain.journal_closings import (
    CLOSING_ENTRY_KINDS,
    ClosingRecord,
    Period,
    PeriodKind,
    PeriodTallies,
    SealedClosing,
    check_closings,
)
from pos_app.domain.roles import ROLE_LABELS, Actor, Permission
from pos_app.errors import Conflict, NotFound, PermissionDenied, PosError
from pos_app.journal_keys import JournalKeyError, PublicKey, Signer, current_signer

PUBLIC_KEY_SETTING = "journal_public_key"
HEAD_SETTING_PREFIX = "journal_head."
VERIFY_BATCH = 2000

_ENTRIES = JournalEntry.__table__
_REGISTERS = Register.__table__
_SETTINGS = Setting.__table__
_CLOSINGS = JournalClosing.__table__
_LOCK_REGISTER = (
    select(_REGISTERS.c.code).where(_REGISTERS.c.id == bindparam("register_id")).with_for_update(key_share=True)
)
_LAST_ENTRY = (
    select(_ENTRIES.c.sequence, _ENTRIES.c.hash, _ENTRIES.c.grand_total)
    .where(_ENTRIES.c.register_id == bindparam("register_id"))
    .order_by(_ENTRIES.c.sequence.desc())
    .limit(1)
)
_SETTING = select(_SETTINGS.c.value).where(_SETTINGS.c.key == bindparam("key"))
_MONTH_CLOSED = select(_CLOSINGS.c.id).where(
    _CLOSINGS.c.register_id == bindparam("register_id"),
    _CLOSINGS.c.kind == PeriodKind.MONTH.value,
    _CLOSINGS.c.period == bindparam("period"),
)
_ENTRIES_OF = (
    select(
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
    .where(_ENTRIES.c.register_id == bindparam("register_id"))
    .order_by(_ENTRIES.c.sequence)
)


def _upsert_setting(insert: Any) -> Any:
    statement = insert(_SETTINGS).values(key=bindparam("key"), value=bindparam("value"))
    return statement.on_conflict_do_update(index_elements=[_SETTINGS.c.key], set_={"value": statement.excluded.value})


_UPSERT_SETTING = {"postgresql": _upsert_setting(postgresql.insert), "sqlite": _upsert_setting(sqlite.insert)}
_INSERT_ENTRY = insert(_ENTRIES).returning(_ENTRIES.c.id)

# How PostgreSQL and SQLite name the UNIQUE (register_id, sequence) constraint in their errors.
_SEQUENCE_CLASH = ("uq_journal_entries_register_id_sequence", "journal_entries.register_id, journal_entries.sequence")
# (database, key fingerprint) pairs whose stored public key this process found committed and equal to its own.
_confirmed_keys: set[tuple[str, str]] = set()
# (database, register id) -> the signed head text this process last wrote or checked: equal text needs no new check.
_trusted_heads: dict[tuple[str, int], str] = {}


class JournalConflict(Conflict):
    """Another transaction wrote the same journal sequence first: retry the whole unit of work."""


class JournalTampered(PosError):
    """The register's signed head is missing or forged: nothing is appended until someone looks into it."""


class PeriodClosed(Conflict):
    """The entry would be dated in a month that is already closed on its register."""


def require_bookkeeper(actor: Actor, action: str) -> None:
    """Closing periods and exporting archives is for accountants and admins (VIEW_ACCOUNTS or MANAGE_SETTINGS)."""
    if not (actor.can(Permission.VIEW_ACCOUNTS) or actor.can(Permission.MANAGE_SETTINGS)):
        raise PermissionDenied(
            f"{actor.username} ({ROLE_LABELS[actor.role]}) may not {action}. Ask an accountant or an admin."
        )


def append(
    session: Session, register_id: int, kind: str, amount: Decimal, payload: Mapping[str, Any], now: datetime
) -> JournalEntry:
    """Append a signed entry to the register's journal inside the caller's write transaction, and return it.

    `amount` is what the entry adds to the register's perpetual grand total (a refund is negative; a till
    opening or a cash movement is 0, with its figures in `payload`). `payload` holds str, int, bool, None,
    Decimal, aware datetimes, lists and dicts with str keys; `now` is aware. Call it once the rest of the
    transaction is written, just before the commit: the register stays locked until the transaction ends.

    Raises NotFound (no such register), JournalKeyError (key file unreadable, or not the key of this
    database's journal), JournalTampered, PeriodClosed (`now` falls in a month closed on this register),
    ValueError / TypeError (content the journal cannot keep exactly), and JournalConflict if the sequence
    was taken meanwhile, which the register lock prevents unless a writer bypasses this function: the
    caller's transaction is then unusable; roll it back and run the whole unit of work again (as for a
    PostgreSQL deadlock or serialization failure)."""
    code = core(session).execute(_LOCK_REGISTER, {"register_id": register_id}).scalar_one_or_none()
    if code is None:
        raise NotFound(f"No register with id {register_id}: the journal entry was not written.")
    month = Period.month_at(now)
    if core(session).execute(_MONTH_CLOSED, {"register_id": register_id, "period": month.label}).first() is not None:
        raise PeriodClosed(
            f"{month} is closed on register {code}, but this entry would be dated "
            f"{now.astimezone(UTC):%Y-%m-%d %H:%M} UTC: check the clock of this machine. Nothing was written."
        )
    signer = current_signer()
    _confirm_public_key(session, signer)
    last = core(session).execute(_LAST_ENTRY, {"register_id": register_id}).first()
    head = _head_to_build_on(session, register_id, code, signer.public_key, last is not None)
    position = build_on(head, ChainPosition(last.sequence, last.hash, last.grand_total) if last else None)
    content = next_entry(position, code, kind, now, amount, payload)
    digest = entry_hash(content)
    values = {
        "register_id": register_id,
        "sequence": content.sequence,
        "kind": content.kind,
        "at": now,
        "amount": amount,
        "grand_total": content.grand_total,
        "payload": content.payload_text(),
        "previous_hash": content.previous_hash,
        "hash": digest,
        "signature": signer.sign(entry_message(digest)),
    }
    try:
        entry_id = core(session).execute(_INSERT_ENTRY, values).scalar_one()
    except IntegrityError as error:
        if not any(name in str(error.orig) for name in _SEQUENCE_CLASH):
            raise
        raise JournalConflict(
            f"Journal entry {content.sequence} of register {code} was written by another transaction at the same "
            "time; nothing was saved. Try again."
        ) from error
    entry = JournalEntry(id=entry_id, **values)
    new_head = Head(code, content.sequence, digest, content.grand_total)
    _write_head(session, register_id, SignedHead(new_head, signer.sign(new_head.message())))
    return entry


def _confirm_public_key(session: Session, signer: Signer) -> None:
    """Store the public key on first use; refuse to sign for a database whose journal has another key."""
    bind = session.get_bind()
    cache_key = (str(bind.url), signer.public_key.fingerprint)
    if cache_key in _confirmed_keys:
        return
    stored = core(session).execute(_SETTING, {"key": PUBLIC_KEY_SETTING}).scalar_one_or_none()
    if stored is None:
        core(session).execute(
            _insert(session).values(key=PUBLIC_KEY_SETTING, value=signer.public_key.pem).on_conflict_do_nothing()
        )
        stored = core(session).execute(_SETTING, {"key": PUBLIC_KEY_SETTING}).scalar_one()
        if stored == signer.public_key.pem:
            return  # ours, not committed yet: check again next time rather than trust a rollback-able write
    try:
        matches = PublicKey.from_pem(stored) == signer.public_key
    except JournalKeyError:
        matches = False
    if not matches:
        raise JournalKeyError(
            f"This database's journal is signed with another key than the one in {signer.path} (fingerprint "
            f"{signer.public_key.fingerprint}). Set POS_JOURNAL_KEY_FILE to the shop's key file (copy it from the "
            "machine that made it), or open the database that belongs to this key. Nothing was written."
        )
    _confirmed_keys.add(cache_key)


def _head_to_build_on(
    session: Session, register_id: int, code: str, public_key: PublicKey, has_entries: bool
) -> ChainPosition | None:
    stored = core(session).execute(_SETTING, {"key": _head_key(register_id)}).scalar_one_or_none()
    signed = _parse_head(stored)
    if signed is None and not has_entries:
        return None
    trusted_key = (str(session.get_bind().url), register_id)
    if (
        signed is None
        or signed.head.register != code
        or (
            _trusted_heads.get(trusted_key) != stored
            and not public_key.is_valid(signed.head.message(), signed.signature)
        )
    ):
        state = "missing" if signed is None else "not signed by the shop's key"
        raise JournalTampered(
            f"The journal of register {code} was tampered with: the signed record of its last entry is {state}. "
            "Nothing can be journaled on this register until it is looked into: run 'pos-app journal verify'."
        )
    _trusted_heads[trusted_key] = stored
    return signed.head.position


def _head_key(register_id: int) -> str:
    return f"{HEAD_SETTING_PREFIX}{register_id}"


def _parse_head(text: str | None) -> SignedHead | None:
    """The signed head stored as JSON; an unreadable one counts as missing."""
    if text is None:
        return None
    try:
        data = json.loads(text)
        head = Head(str(data["register"]), int(data["sequence"]), str(data["hash"]), Decimal(data["grand_total"]))
        return SignedHead(head, str(data["signature"]))
    except (ValueError, TypeError, KeyError, ArithmeticError):
        return None


def _write_head(session: Session, register_id: int, signed: SignedHead) -> None:
    head = signed.head
    value = json.dumps(
        {
            "register": head.register,
            "sequence": head.sequence,
            "hash": head.hash,
            "grand_total": fixed_amount(head.grand_total),
            "signature": signed.signature,
        },
        sort_keys=True,
    )
    statement = _UPSERT_SETTING[session.get_bind().dialect.name]
    core(session).execute(statement, {"key": _head_key(register_id), "value": value})
    _trusted_heads[(str(session.get_bind().url), register_id)] = value


def _insert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(_SETTINGS)


@dataclass(frozen=True)
class VerifyResult:
    """The journal's check. `first_bad` is (register code, sequence) of the first entry not as written;
    `reason` says what happened to it (or, with `first_bad` None, what is wrong with the key). `breaks` holds
    the first problem of each register, `key_problem` what is wrong with the public key in the database."""

    ok: bool
    entries: int
    registers: int
    first_bad: tuple[str, int] | None
    reason: str | None
    breaks: tuple[JournalBreak, ...] = ()
    key_problem: str | None = None
    key_fingerprint: str | None = None

    @property
    def verdict(self) -> str:
        """One line for a person: "Journal OK: ..." or "Journal BROKEN at register R1, entry 57: ..."."""
        if self.ok:
            entries = "1 entry" if self.entries == 1 else f"{self.entries:,} entries"
            registers = "1 register" if self.registers == 1 else f"{self.registers:,} registers"
            key = f" (signing key {self.key_fingerprint})" if self.key_fingerprint else ""
            return f"Journal OK: {entries} on {registers}{key}"
        if self.first_bad is None:
            return f"Journal BROKEN: {self.reason}."
        register, sequence = self.first_bad
        return f"Journal BROKEN at register {register}, entry {sequence}: {self.reason}."


class JournalService:
    """Checks the sales journal with nothing but the database and the public key."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def verify(self, register_code: str | None = None, public_key_pem: str | bytes | None = None) -> VerifyResult:
        """Check every register's journal (or only `register_code`'s) in one consistent snapshot: sequences,
        hash links, content hashes, signatures, grand totals, the signed heads, and that every monthly and
        yearly closing states the figures of the entries it covers and matches its journal_closings record.

        Signatures are checked with the public key stored in the database, or with `public_key_pem` (a copy
        kept outside the database, which also catches a journal re-signed with another key). Raises NotFound
        for an unknown register and JournalKeyError for an unreadable `public_key_pem`."""
        given = PublicKey.from_pem(public_key_pem, "The public key given") if public_key_pem is not None else None
        with read_snapshot(self._db) as session:
            return check_journal(session, register_code, given)


@contextmanager
def read_snapshot(db: Database) -> Iterator[Session]:
    """A read-only transaction that sees one moment: entries, heads and closings must be read from the same one."""
    if db.dialect == "postgresql":
        engine = db.write_engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        session = Session(engine)
    else:
        session = db.read_session()  # SQLite in WAL: a read transaction is a snapshot
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def check_journal(session: Session, register_code: str | None, given: PublicKey | None) -> VerifyResult:
    """JournalService.verify inside the caller's snapshot (`given`: the public key to check with, if any)."""
    registers = _registers(session, register_code)
    stored_text = session.execute(_SETTING, {"key": PUBLIC_KEY_SETTING}).scalar_one_or_none()
    stored = _public_key_or_none(stored_text)
    checker = given or stored
    heads = _heads(session)
    records = _closing_records(session)
    total = 0
    breaks = []
    for register_id, code in registers:
        rows = session.execute(_ENTRIES_OF.execution_options(yield_per=VERIFY_BATCH), {"register_id": register_id})
        tallies = PeriodTallies()
        sealed: list[SealedClosing] = []
        stored_entries = _tallied((StoredEntry(code, *row) for row in rows), tallies, sealed)
        check = check_chain(code, stored_entries, heads.get(register_id), checker.is_valid if checker else None)
        total += check.entries
        problem = check.problem or check_closings(code, sealed, records.get(register_id, ()), tallies)
        if problem is not None:
            breaks.append(problem)
    key_problem = _key_problem(stored_text, stored, given, journal_written=total > 0 or bool(heads))
    first = breaks[0] if breaks else None
    return VerifyResult(
        ok=first is None and key_problem is None,
        entries=total,
        registers=len(registers),
        first_bad=(first.register, first.sequence) if first else None,
        reason=first.reason if first else key_problem,
        breaks=tuple(breaks),
        key_problem=key_problem,
        key_fingerprint=checker.fingerprint if checker else None,
    )


def _tallied(
    entries: Iterator[StoredEntry], tallies: PeriodTallies, sealed: list[SealedClosing]
) -> Iterator[StoredEntry]:
    """The entries, passing by: each one counted into its month, each closing entry kept for its check."""
    for entry in entries:
        tallies.add(entry.sequence, entry.at, entry.amount, entry.grand_total)
        if entry.kind in CLOSING_ENTRY_KINDS:
            sealed.append(SealedClosing(entry.sequence, entry.kind, entry.payload_text))
        yield entry


def _closing_records(session: Session) -> dict[int, list[ClosingRecord]]:
    rows = session.execute(
        select(
            _CLOSINGS.c.register_id,
            _CLOSINGS.c.kind,
            _CLOSINGS.c.period,
            _CLOSINGS.c.sales_total,
            _CLOSINGS.c.refunds_total,
            _CLOSINGS.c.grand_total,
            _CLOSINGS.c.entry_sequence,
        )
    )
    records: dict[int, list[ClosingRecord]] = {}
    for register_id, *fields in rows:
        records.setdefault(register_id, []).append(ClosingRecord(*fields))
    return records


def _registers(session: Session, register_code: str | None) -> list[tuple[int, str]]:
    query = select(_REGISTERS.c.id, _REGISTERS.c.code).order_by(_REGISTERS.c.code)
    if register_code is not None:
        code = register_code.strip().upper()
        found = session.execute(query.where(_REGISTERS.c.code == code)).all()
        if not found:
            known = ", ".join(session.scalars(select(_REGISTERS.c.code).order_by(_REGISTERS.c.code)))
            raise NotFound(f"No register '{register_code}'. The registers are: {known}.")
        return [(row.id, row.code) for row in found]
    return [(row.id, row.code) for row in session.execute(query)]


def _heads(session: Session) -> dict[int, SignedHead | None]:
    """Every stored head by register id; an unreadable one is there as None (and verifies as missing)."""
    rows = session.execute(
        select(_SETTINGS.c.key, _SETTINGS.c.value).where(_SETTINGS.c.key.startswith(HEAD_SETTING_PREFIX))
    )
    heads: dict[int, SignedHead | None] = {}
    for key, value in rows:
        suffix = key.removeprefix(HEAD_SETTING_PREFIX)
        if suffix.isdigit():
            heads[int(suffix)] = _parse_head(value)
    return heads


def _public_key_or_none(pem: str | None) -> PublicKey | None:
    if pem is None:
        return None
    try:
        return PublicKey.from_pem(pem)
    except JournalKeyError:
        return None


def _key_problem(
    stored_text: str | None, stored: PublicKey | None, given: PublicKey | None, *, journal_written: bool
) -> str | None:
    if stored_text is None:
        if not journal_written:
            return None
        return f"the database holds no journal public key (setting '{PUBLIC_KEY_SETTING}'): it was removed"
    if stored is None:
        return f"the journal public key in the database (setting '{PUBLIC_KEY_SETTING}') is damaged"
    if given is not None and given != stored:
        return (
            f"the journal public key in the database (fingerprint {stored.fingerprint}) is not the one given "
            f"({given.fingerprint}): it was replaced"
        )
    return None
