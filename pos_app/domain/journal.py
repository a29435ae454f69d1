"""The tamper-evident sales journal, as pure rules: canonical content, chained hashes, and the check.

Each register has its own chain. An entry's hash is SHA-256 over the previous entry's hash followed by the
canonical JSON of the entry's content (which also names the previous hash), so changing, removing,
inserting or moving any entry breaks every link after it. The key holder signs each entry's hash and a
separate "head" naming the register's last entry: the head is what shows that entries were cut off the end,
which the chain alone cannot show. Signing and signature checks are passed in as functions, so that this
module stays free of I/O and of the cryptography library.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64
AMOUNT_PLACES = 4  # the scale of the Money columns: an amount must survive the database unchanged
_AMOUNT_QUANTUM = Decimal(1).scaleb(-AMOUNT_PLACES)
_KIND = re.compile(r"[a-z][a-z0-9_]{0,29}")
_HASH = re.compile(r"[0-9a-f]{64}")

SignatureCheck = Callable[[bytes, str], bool]
"""(signed message, stored signature) -> whether the shop's key made that signature."""


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no spaces; Decimals as strings, aware datetimes as ISO 8601 UTC strings.

    Floats are refused (money is never a float, and their text form is not canonical), and so are naive
    datetimes, non-string keys and any other type: the same content must always give the same text."""
    return json.dumps(_plain(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"journal content cannot hold {value}")
        return str(value)
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) for key in value):
            raise TypeError(f"journal content keys must be strings: {list(value)!r}")
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    raise TypeError(f"journal content cannot hold {type(value).__name__} {value!r}: use Decimal, str, int, ...")


def iso_utc(moment: datetime) -> str:
    """2026-11-22T09:00:00.000000Z: always UTC, always microseconds, as the database keeps them."""
    if moment.tzinfo is None:
        raise ValueError("journal times must be aware datetimes")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def fixed_amount(amount: Decimal) -> str:
    """An amount as fixed-point text with AMOUNT_PLACES decimals: 12.5 and 12.5000 (as read back) agree."""
    text = format(amount.quantize(_AMOUNT_QUANTUM), "f")
    return text[1:] if text.startswith("-") and Decimal(text) == 0 else text


def check_amount(amount: Decimal) -> Decimal:
    """The amount if the journal can keep it exactly (a finite Decimal with at most 4 decimals), else ValueError."""
    if not isinstance(amount, Decimal) or not amount.is_finite():
        raise ValueError(f"a journal amount must be a finite Decimal (got {amount!r})")
    if amount != amount.quantize(_AMOUNT_QUANTUM):
        raise ValueError(f"a journal amount has at most {AMOUNT_PLACES} decimals (got {amount})")
    return amount


def check_kind(kind: str) -> str:
    if not isinstance(kind, str) or not _KIND.fullmatch(kind):
        raise ValueError(f"a journal entry kind is a lowercase word of at most 30 characters (got {kind!r})")
    return kind


@dataclass(frozen=True)
class EntryContent:
    """Everything an entry's hash covers."""

    register: str
    sequence: int
    kind: str
    at: datetime
    amount: Decimal
    grand_total: Decimal
    payload: Mapping[str, Any]
    previous_hash: str

    def canonical(self) -> str:
        return canonical_json(
            {
                "register": self.register,
                "sequence": self.sequence,
                "kind": self.kind,
                "at": iso_utc(self.at),
                "amount": fixed_amount(self.amount),
                "grand_total": fixed_amount(self.grand_total),
                "payload": self.payload,
                "previous_hash": self.previous_hash,
            }
        )

    def payload_text(self) -> str:
        """The payload as it is stored: its canonical JSON."""
        return canonical_json(self.payload)


def entry_hash(content: EntryContent) -> str:
    """sha256(previous_hash + canonical JSON of the content), in hex."""
    return hashlib.sha256((content.previous_hash + content.canonical()).encode("utf-8")).hexdigest()


def entry_message(hash_hex: str) -> bytes:
    """What the key signs for an entry: its hash, as the 64 ASCII hex digits."""
    return hash_hex.encode("ascii")


@dataclass(frozen=True)
class ChainPosition:
    """Where a register's chain stands: the last sequence, its hash, the perpetual grand total."""

    sequence: int
    hash: str
    grand_total: Decimal


START = ChainPosition(0, GENESIS_HASH, Decimal(0))


def next_entry(
    position: ChainPosition, register: str, kind: str, at: datetime, amount: Decimal, payload: Mapping[str, Any]
) -> EntryContent:
    """The content of the entry that follows `position` (START for a register's first entry).

    The grand total runs on from the previous one: sales add, refunds (negative amounts) subtract.
    Raises ValueError or TypeError for content the journal cannot keep exactly."""
    check_amount(amount)
    content = EntryContent(
        register=register,
        sequence=position.sequence + 1,
        kind=check_kind(kind),
        at=at,
        amount=amount,
        grand_total=position.grand_total + amount,
        payload=dict(payload),
        previous_hash=position.hash,
    )
    content.canonical()  # refuses what cannot be written canonically before anything is written
    return content


@dataclass(frozen=True)
class Head:
    """The signed record of a register's last entry. Entries removed from the end leave it pointing past them."""

    register: str
    sequence: int
    hash: str
    grand_total: Decimal

    def message(self) -> bytes:
        """What the key signs for a head: JSON, so that it can never be mistaken for an entry's hash."""
        return canonical_json(
            {
                "journal_head": {
                    "register": self.register,
                    "sequence": self.sequence,
                    "hash": self.hash,
                    "grand_total": fixed_amount(self.grand_total),
                }
            }
        ).encode("utf-8")

    @property
    def position(self) -> ChainPosition:
        return ChainPosition(self.sequence, self.hash, self.grand_total)


@dataclass(frozen=True)
class SignedHead:
    head: Head
    signature: str


def build_on(head: ChainPosition | None, last_entry: ChainPosition | None) -> ChainPosition:
    """Where the next entry goes: after whichever of the signed head and the last stored entry is further on.

    Normally they agree. If entries were cut off the end, the head is further on, and the next entry keeps
    the gap visible instead of reusing the removed sequence numbers (which would hide the cut). If a row was
    slipped in after the head, building on it keeps the counter working; verification flags that row."""
    candidates = [p for p in (head, last_entry) if p is not None]
    if not candidates:
        return START
    return max(candidates, key=lambda p: p.sequence)  # on a tie the head, first in the list, wins


class Problem(StrEnum):
    CHANGED = "changed"
    MISSING = "missing"
    OUT_OF_CHAIN = "out_of_chain"
    BAD_SIGNATURE = "bad_signature"
    WRONG_TOTAL = "wrong_total"
    CUT_OFF = "cut_off"
    AFTER_HEAD = "after_head"
    HEAD_MISSING = "head_missing"
    HEAD_INVALID = "head_invalid"


@dataclass(frozen=True)
class JournalBreak:
    """The first entry of a register's journal that is not as it was written, and why."""

    register: str
    sequence: int
    problem: Problem
    reason: str


@dataclass(frozen=True)
class StoredEntry:
    """An entry as read back from the database (the payload as its stored text)."""

    register: str
    sequence: int
    kind: str
    at: datetime
    amount: Decimal
    grand_total: Decimal
    payload_text: str
    previous_hash: str
    hash: str
    signature: str

    def recomputed_hash(self) -> str | None:
        """The hash of this entry's content as stored now; None if the payload is no longer readable JSON."""
        try:
            payload = json.loads(self.payload_text, parse_float=Decimal, parse_constant=_refuse_constant)
            if not isinstance(payload, dict):
                return None
            content = EntryContent(
                self.register,
                self.sequence,
                self.kind,
                self.at,
                self.amount,
                self.grand_total,
                payload,
                self.previous_hash,
            )
            return entry_hash(content)
        except (ValueError, TypeError):
            return None


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not journal content")


@dataclass(frozen=True)
class ChainCheck:
    entries: int
    problem: JournalBreak | None


def check_chain(
    register: str,
    entries: Iterable[StoredEntry],
    head: SignedHead | None,
    signature_valid: SignatureCheck | None,
) -> ChainCheck:
    """Check one register's entries, given in sequence order, against each other and against its signed head.

    Reports the first entry that was changed, deleted, inserted, moved, forged or cut off. Without
    `signature_valid` (no public key to check with), only hashes, links, totals and the head's position
    are checked. Every entry is counted, also after a problem."""
    count = 0
    expected = START
    problem: JournalBreak | None = None
    for entry in entries:
        count += 1
        if problem is None:
            problem = check_entry(register, entry, expected, signature_valid)
            expected = ChainPosition(entry.sequence, entry.hash, entry.grand_total)
    if problem is None:
        problem = _check_head(register, expected, head, signature_valid)
    return ChainCheck(count, problem)


def check_entry(
    register: str, entry: StoredEntry, expected: ChainPosition, signature_valid: SignatureCheck | None
) -> JournalBreak | None:
    wanted = expected.sequence + 1
    if entry.sequence > wanted:
        missing = f"entries {wanted} to {entry.sequence - 1} are" if entry.sequence - 1 > wanted else "it is"
        return JournalBreak(
            register,
            wanted,
            Problem.MISSING,
            f"{missing} missing: deleted after being written (the journal jumps to entry {entry.sequence})",
        )
    if entry.sequence < wanted:  # only a sequence below 1 can get here: the sequence is unique per register
        return JournalBreak(
            register, entry.sequence, Problem.OUT_OF_CHAIN, "its number is not a journal sequence: it was inserted"
        )
    if entry.previous_hash != expected.hash:
        after = f"entry {expected.sequence}" if expected.sequence else "the start of the journal"
        return JournalBreak(
            register,
            entry.sequence,
            Problem.OUT_OF_CHAIN,
            f"it is not the entry written after {after}: entries were inserted or reordered",
        )
    if not _HASH.fullmatch(entry.hash) or entry.recomputed_hash() != entry.hash:
        return JournalBreak(register, entry.sequence, Problem.CHANGED, "its content was changed after it was written")
    if signature_valid is not None and not signature_valid(entry_message(entry.hash), entry.signature):
        return JournalBreak(
            register,
            entry.sequence,
            Problem.BAD_SIGNATURE,
            "its signature was not made with the shop's journal key: the entry was forged or re-signed",
        )
    if entry.grand_total != expected.grand_total + entry.amount:
        return JournalBreak(
            register,
            entry.sequence,
            Problem.WRONG_TOTAL,
            f"its grand total {fixed_amount(entry.grand_total)} is not the previous grand total "
            f"{fixed_amount(expected.grand_total)} plus its amount {fixed_amount(entry.amount)}",
        )
    return None


def _check_head(
    register: str, last: ChainPosition, signed: SignedHead | None, signature_valid: SignatureCheck | None
) -> JournalBreak | None:
    if signed is None:
        if last.sequence == 0:
            return None
        return JournalBreak(
            register,
            last.sequence,
            Problem.HEAD_MISSING,
            "the signed record of the register's last entry is missing: entries after this one may have been cut off",
        )
    head = signed.head
    if head.register != register or (
        signature_valid is not None and not signature_valid(head.message(), signed.signature)
    ):
        return JournalBreak(
            register,
            max(last.sequence, 1),
            Problem.HEAD_INVALID,
            "the signed record of the register's last entry was changed or forged",
        )
    if head.sequence > last.sequence:
        return JournalBreak(
            register,
            last.sequence + 1,
            Problem.CUT_OFF,
            f"it is missing: the journal was cut off after entry {last.sequence}, "
            f"but it had {head.sequence} entries when last written",
        )
    if head.sequence < last.sequence:
        return JournalBreak(
            register,
            head.sequence + 1,
            Problem.AFTER_HEAD,
            f"it was added outside the app: the last entry the app wrote is entry {head.sequence}",
        )
    if head.position != last:
        return JournalBreak(
            register,
            last.sequence,
            Problem.HEAD_INVALID,
            "it is not the last entry the app wrote: it was replaced",
        )
    return None
