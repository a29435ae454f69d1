"""The period archive of the sales journal, as pure rules: its files, its manifest, and its check.

An archive is a ZIP file that proves itself (docs/journal-archive.md describes it for outside readers):
entries.jsonl holds every journal entry of the period with all it takes to recompute its hash and check its
signature; closings.jsonl the closings of the months and years inside the period, each with its sealing entry;
registers.json the registers; public-key.pem the journal's public key; manifest.json the period, the SHA-256
of each of those files and, per register, where the archived part of the chain starts and ends; manifest.sig
the journal key's signature of manifest.json's bytes. The manifest anchors each register's chain (the hash and
grand total before its first archived entry) and pins its end (the last sequence and hash), so an entry
changed, removed, inserted, moved or cut off inside the archive is found and named, with nothing but the file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pos_app.domain.journal import (
    ChainPosition,
    JournalBreak,
    Problem,
    SignatureCheck,
    StoredEntry,
    canonical_json,
    entry_message,
    fixed_amount,
    iso_utc,
)

# The check of one entry against the one before it is the database journal's own: an archive is a stretch of
# that same chain, anchored where it starts instead of at the genesis hash.
from pos_app.domain.journal import check_entry as check_entry_after
from pos_app.domain.journal_closings import (
    CLOSING_ENTRY_KINDS,
    ClosingRecord,
    PeriodTallies,
    parse_closing_payload,
)

FORMAT = "pos-app journal archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
PUBLIC_KEY = "public-key.pem"
ENTRIES = "entries.jsonl"
CLOSINGS = "closings.jsonl"
REGISTERS = "registers.json"
CONTENT_FILES = (ENTRIES, CLOSINGS, REGISTERS, PUBLIC_KEY)
"""The files the manifest pins by their SHA-256; manifest.json itself is pinned by manifest.sig."""


def entry_record(entry: StoredEntry) -> dict[str, Any]:
    """An entry as a JSON object: its columns, amounts as fixed-point text, the payload as an object."""
    return {
        "register": entry.register,
        "sequence": entry.sequence,
        "kind": entry.kind,
        "at": iso_utc(entry.at),
        "amount": fixed_amount(entry.amount),
        "grand_total": fixed_amount(entry.grand_total),
        "payload": json.loads(entry.payload_text),
        "previous_hash": entry.previous_hash,
        "hash": entry.hash,
        "signature": entry.signature,
    }


def entry_line(entry: StoredEntry) -> str:
    """One line of entries.jsonl."""
    return canonical_json(entry_record(entry)) + "\n"


def parse_entry(record: Any) -> StoredEntry:
    """An entry from its JSON object. Raises ValueError if it is not one (a changed value is not an error here:
    the entry's hash and signature tell)."""
    try:
        payload = record["payload"]
        if not isinstance(payload, dict):
            raise TypeError("the payload is not an object")
        return StoredEntry(
            register=_text(record["register"]),
            sequence=_whole(record["sequence"]),
            kind=_text(record["kind"]),
            at=_moment(record["at"]),
            amount=Decimal(_text(record["amount"])),
            grand_total=Decimal(_text(record["grand_total"])),
            payload_text=canonical_json(payload),
            previous_hash=_text(record["previous_hash"]),
            hash=_text(record["hash"]),
            signature=_text(record["signature"]),
        )
    except (KeyError, TypeError, ArithmeticError) as error:
        raise ValueError(f"not a journal entry ({type(error).__name__}: {error})") from None


def parse_json(text: str | bytes) -> Any:
    """JSON as the archive writes it: numbers with a fraction read as Decimal, NaN and Infinity refused."""
    return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not archive content")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not text")
    return value


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} is not a whole number")
    return value


def _moment(value: Any) -> datetime:
    moment = datetime.fromisoformat(_text(value))
    if moment.tzinfo is None:
        raise TypeError(f"{value!r} has no time zone")
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class RegisterRange:
    """The archived stretch of one register's chain: the entry before it (sequence 0 and the genesis hash at the
    journal's start) and its last entry. A register with no entry in the period has an empty stretch whose
    ends are both its last entry before the period: it anchors that register's zero closings."""

    register: str
    previous: ChainPosition
    last: ChainPosition
    first_hash: str | None

    @property
    def entries(self) -> int:
        return self.last.sequence - self.previous.sequence

    @property
    def first_sequence(self) -> int | None:
        return self.previous.sequence + 1 if self.entries else None

    def to_json(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "first_sequence": self.first_sequence,
            "first_hash": self.first_hash,
            "last_sequence": self.last.sequence,
            "last_hash": self.last.hash,
            "last_grand_total": fixed_amount(self.last.grand_total),
            "previous_sequence": self.previous.sequence,
            "previous_hash": self.previous.hash,
            "previous_grand_total": fixed_amount(self.previous.grand_total),
        }

    @classmethod
    def from_json(cls, register: str, data: Mapping[str, Any]) -> RegisterRange:
        return cls(
            register,
            ChainPosition(
                _whole(data["previous_sequence"]),
                _text(data["previous_hash"]),
                Decimal(_text(data["previous_grand_total"])),
            ),
            ChainPosition(
                _whole(data["last_sequence"]), _text(data["last_hash"]), Decimal(_text(data["last_grand_total"]))
            ),
            None if data["first_hash"] is None else _text(data["first_hash"]),
        )


@dataclass(frozen=True)
class FileDigest:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What the key signs for an archive. The period runs from `first_day` to `last_day`, both included (UTC)."""

    first_day: date
    last_day: date
    exported_at: datetime
    exported_by: str
    shop_name: str
    currency: str
    key_fingerprint: str
    files: Mapping[str, FileDigest]
    registers: tuple[RegisterRange, ...]
    entries: int
    closings: int

    @property
    def start(self) -> datetime:
        return day_start(self.first_day)

    @property
    def end(self) -> datetime:
        """The first moment after the period."""
        return day_start(self.last_day + timedelta(days=1))

    def range_of(self, register: str) -> RegisterRange | None:
        return next((r for r in self.registers if r.register == register), None)

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "period": {
                "from": self.first_day.isoformat(),
                "to": self.last_day.isoformat(),
                "start": iso_utc(self.start),
                "end": iso_utc(self.end),
            },
            "exported_at": iso_utc(self.exported_at),
            "exported_by": self.exported_by,
            "shop": {"name": self.shop_name, "currency": self.currency},
            "public_key": {"file": PUBLIC_KEY, "fingerprint": self.key_fingerprint},
            "files": {name: {"sha256": d.sha256, "bytes": d.size} for name, d in sorted(self.files.items())},
            "registers": {r.register: r.to_json() for r in self.registers},
            "entries": self.entries,
            "closings": self.closings,
        }
        return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Raises ValueError if `data` is not a manifest of this format."""
        try:
            document = parse_json(data.decode("utf-8"))
            if (document["format"], document["version"]) != (FORMAT, FORMAT_VERSION):
                raise ValueError(f"it is not a '{FORMAT}' version {FORMAT_VERSION}")
            period = document["period"]
            return cls(
                first_day=date.fromisoformat(_text(period["from"])),
                last_day=date.fromisoformat(_text(period["to"])),
                exported_at=_moment(document["exported_at"]),
                exported_by=_text(document["exported_by"]),
                shop_name=_text(document["shop"]["name"]),
                currency=_text(document["shop"]["currency"]),
                key_fingerprint=_text(document["public_key"]["fingerprint"]),
                files={
                    _text(name): FileDigest(_text(d["sha256"]), _whole(d["bytes"]))
                    for name, d in document["files"].items()
                },
                registers=tuple(
                    RegisterRange.from_json(_text(code), item) for code, item in document["registers"].items()
                ),
                entries=_whole(document["entries"]),
                closings=_whole(document["closings"]),
            )
        except (KeyError, TypeError, AttributeError, ArithmeticError, UnicodeDecodeError) as error:
            raise ValueError(f"it is not a journal archive manifest ({type(error).__name__}: {error})") from None


def day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def closing_record(
    register: str, record: ClosingRecord, closed_at: datetime, closed_by: str | None, entry: StoredEntry
) -> dict[str, Any]:
    """One line of closings.jsonl: the journal_closings row and the journal entry that seals it."""
    return {
        "register": register,
        "kind": record.kind,
        "period": record.period,
        "closed_at": iso_utc(closed_at),
        "closed_by": closed_by,
        "sales_total": fixed_amount(record.sales_total),
        "refunds_total": fixed_amount(record.refunds_total),
        "grand_total": fixed_amount(record.grand_total),
        "entry_sequence": record.entry_sequence,
        "entry": entry_record(entry),
    }


@dataclass(frozen=True)
class ArchiveProblem:
    """Something in an archive that is not as it was exported: the file, and the entry when there is one."""

    file: str
    reason: str
    register: str | None = None
    sequence: int | None = None

    def __str__(self) -> str:
        if self.sequence is None:
            return f"{self.file}: {self.reason}"
        return f"register {self.register}, entry {self.sequence} ({self.file}): {self.reason}"


@dataclass(frozen=True)
class ArchiveResult:
    """The check of an archive. `problems` come root causes first: the key, the manifest's signature, then
    entries and closings, then files whose SHA-256 differs (the trace an edited entry leaves)."""

    entries: int
    registers: int
    first_day: date | None
    last_day: date | None
    key_fingerprint: str | None
    problems: tuple[ArchiveProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad(self) -> tuple[str, int] | None:
        """(register, sequence) of the first entry named by a problem."""
        for problem in self.problems:
            if problem.register is not None and problem.sequence is not None:
                return problem.register, problem.sequence
        return None

    @property
    def bad_file(self) -> str | None:
        return self.problems[0].file if self.problems else None

    @property
    def verdict(self) -> str:
        """One line for a person: "Archive OK: ..." or "Archive BROKEN at register R1, entry 3 (...): ..."."""
        if self.ok:
            entries = "1 entry" if self.entries == 1 else f"{self.entries:,} entries"
            registers = "1 register" if self.registers == 1 else f"{self.registers:,} registers"
            return (
                f"Archive OK: {entries} on {registers} from {self.first_day} to {self.last_day} "
                f"(signing key {self.key_fingerprint})"
            )
        first = self.problems[0]
        where = "" if first.sequence is None else f" at register {first.register}, entry {first.sequence}"
        return f"Archive BROKEN{where}: {first.reason} ({first.file})."


@dataclass
class _RegisterState:
    expected: ChainPosition
    tallies: PeriodTallies
    stretch: RegisterRange
    problem: JournalBreak | None = None
    missing_seen_later: bool = False


@dataclass
class EntriesCheck:
    """The check of entries.jsonl, fed one line at a time in file order: each register's chain from the
    manifest's anchor to the manifest's last entry, every hash and signature, and the figures per month for the
    closings. Keeps the first problem of each register."""

    manifest: Manifest
    signature_valid: SignatureCheck | None
    entries: int = 0
    problems: list[ArchiveProblem] = field(default_factory=list)
    _registers: dict[str, _RegisterState] = field(default_factory=dict)
    _foreign: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for stretch in self.manifest.registers:
            self._registers[stretch.register] = _RegisterState(
                stretch.previous, PeriodTallies(stretch.previous.grand_total), stretch
            )

    def line(self, number: int, text: str) -> None:
        self.entries += 1
        try:
            entry = parse_entry(parse_json(text))
        except ValueError as error:
            self.problems.append(ArchiveProblem(ENTRIES, f"line {number} is unreadable: {error}"))
            return
        state = self._registers.get(entry.register)
        if state is None:
            if entry.register not in self._foreign:
                self._foreign.add(entry.register)
                self.problems.append(
                    ArchiveProblem(
                        ENTRIES,
                        "the manifest lists no entries of this register: the entry was added",
                        entry.register,
                        entry.sequence,
                    )
                )
            return
        state.tallies.add(entry.sequence, entry.at, entry.amount, entry.grand_total)
        if state.problem is not None:
            if state.problem.problem is Problem.MISSING and entry.sequence == state.problem.sequence:
                state.missing_seen_later = True
            return
        stretch = state.stretch
        if entry.sequence > stretch.last.sequence:
            state.problem = JournalBreak(
                entry.register,
                entry.sequence,
                Problem.AFTER_HEAD,
                f"it is not in the manifest, which lists entries up to {stretch.last.sequence}: it was added",
            )
        else:
            state.problem = check_entry_after(entry.register, entry, state.expected, self.signature_valid)
        state.expected = ChainPosition(entry.sequence, entry.hash, entry.grand_total)

    def finish(self) -> dict[str, PeriodTallies]:
        """The first problem of each register to `problems`; returns each register's figures per month."""
        for code, state in self._registers.items():
            problem = state.problem or _end_problem(code, state)
            if problem is None:
                continue
            reason = problem.reason
            if state.missing_seen_later:
                reason = f"it is not where it belongs in {ENTRIES}: entries were reordered"
            self.problems.append(ArchiveProblem(ENTRIES, reason, code, problem.sequence))
        return {code: state.tallies for code, state in self._registers.items()}


def _end_problem(register: str, state: _RegisterState) -> JournalBreak | None:
    stretch = state.stretch
    reached = state.expected
    if reached.sequence < stretch.last.sequence:
        return JournalBreak(
            register,
            reached.sequence + 1,
            Problem.CUT_OFF,
            f"it is missing: the archive was cut off after entry {reached.sequence}, but the manifest lists "
            f"entries up to {stretch.last.sequence}",
        )
    if reached != stretch.last:
        return JournalBreak(
            register, reached.sequence, Problem.HEAD_INVALID, "it is not the last entry the archive was made with"
        )
    return None


def check_closing_line(
    number: int,
    text: str,
    manifest: Manifest,
    tallies: Mapping[str, PeriodTallies],
    signature_valid: SignatureCheck | None,
) -> ArchiveProblem | None:
    """One line of closings.jsonl: its sealing entry is intact and signed, the record states what the entry
    states, and a period inside the archive has the figures of the archived entries."""
    try:
        line = parse_json(text)
        entry = parse_entry(line["entry"])
        register = _text(line["register"])
        record = ClosingRecord(
            _text(line["kind"]),
            _text(line["period"]),
            Decimal(_text(line["sales_total"])),
            Decimal(_text(line["refunds_total"])),
            Decimal(_text(line["grand_total"])),
            _whole(line["entry_sequence"]),
        )
    except (ValueError, KeyError, TypeError, ArithmeticError) as error:
        return ArchiveProblem(CLOSINGS, f"line {number} is unreadable: {error}")

    def problem(reason: str) -> ArchiveProblem:
        return ArchiveProblem(
            CLOSINGS, f"its {record.kind} closing {record.period}: {reason}", register, entry.sequence
        )

    if (entry.register, entry.sequence, CLOSING_ENTRY_KINDS.get(entry.kind)) != (
        register,
        record.entry_sequence,
        record.kind,
    ):
        return problem(f"the entry given as its seal is not its closing entry {record.entry_sequence}")
    if entry.recomputed_hash() != entry.hash:
        return problem("its sealing entry was changed after it was written")
    if signature_valid is not None and not signature_valid(entry_message(entry.hash), entry.signature):
        return problem("its sealing entry was not signed with the shop's journal key")
    try:
        period, stated = parse_closing_payload(entry.kind, entry.payload_text)
    except ValueError as error:
        return problem(str(error))
    if record.disagrees_with(period, stated):
        return problem("its totals are not those of its signed entry: the record was changed")
    if period.within(manifest.start, manifest.end):
        counted = tallies.get(register)
        if counted is None:
            return problem("the manifest lists no entries of its register")
        wrong = stated.differences(counted.figures(period))
        if wrong:
            return problem(f"it does not match the archived entries of {period}: {'; '.join(wrong)}")
    return None
