"""What the checks of the journal and of an archive found, in words an accountant can act on."""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal
from PySide6.QtCore import QCoreApplication

from pos_app.domain.journal_archive import ArchiveResult
from pos_app.services.journal import VerifyResult
from pos_app.services.journal_archive import ArchiveSummary
from pos_app.ui.till.amounts import ui_locale

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ArchiveOutcome:
    """An archive as written, and its check read back from the file."""

    summary: ArchiveSummary
    check: ArchiveResult


def _entries(count: int) -> str:
    if count == 1:
        return translate("JournalVerdict", "1 entry")
    return translate("JournalVerdict", "{count} entries").format(count=format_decimal(count, locale=ui_locale()))


def _registers(count: int) -> str:
    if count == 1:
        return translate("JournalVerdict", "1 register")
    return translate("JournalVerdict", "{count} registers").format(count=count)


def journal_verdict(result: VerifyResult) -> str:
    """One sentence: intact, or the first entry that is not as it was written."""
    if result.ok:
        if result.entries == 0:
            return translate(
                "JournalVerdict", "The journal is empty: nothing was sold yet, so there is nothing to check."
            )
        return translate(
            "JournalVerdict", "The journal is intact: all {entries} of {registers} are exactly as they were written."
        ).format(entries=_entries(result.entries), registers=_registers(result.registers))
    if result.first_bad is None:
        return translate(
            "JournalVerdict", "The journal cannot be trusted: {reason}. Keep the database as it is and call for help."
        ).format(reason=result.reason)
    register, sequence = result.first_bad
    return translate(
        "JournalVerdict",
        "The journal is broken: entry {sequence} of register {register} is not as it was written ({reason}). "
        "Keep the database as it is and call for help.",
    ).format(sequence=sequence, register=register, reason=result.reason)


def journal_details(result: VerifyResult) -> str:
    """The line under the verdict: the signing key, and every other register found broken."""
    lines = []
    if result.key_fingerprint:
        lines.append(
            translate("JournalVerdict", "Signatures checked with the shop's key {fingerprint}.").format(
                fingerprint=result.key_fingerprint
            )
        )
    for broken in result.breaks[1:]:
        lines.append(
            translate("JournalVerdict", "Register {register} is broken too, from entry {sequence}: {reason}.").format(
                register=broken.register, sequence=broken.sequence, reason=broken.reason
            )
        )
    if result.key_problem and result.first_bad is not None:
        lines.append(translate("JournalVerdict", "Also: {problem}.").format(problem=result.key_problem))
    return "\n".join(lines)


def archive_verdict(outcome: ArchiveOutcome) -> str:
    summary, check = outcome.summary, outcome.check
    if check.ok:
        return translate(
            "JournalVerdict",
            "The archive is written to {path}: {entries} of {registers} and {closings} closing(s), from {first} to "
            "{last}. Read back from the file, it is intact. Its SHA-256 is {sha256}: note it down beside the file.",
        ).format(
            path=summary.path,
            entries=_entries(summary.entries),
            registers=_registers(summary.registers),
            closings=summary.closings,
            first=summary.first_day.isoformat(),
            last=summary.last_day.isoformat(),
            sha256=summary.sha256,
        )
    return translate(
        "JournalVerdict",
        "The archive is written to {path}, but reading it back found a problem: {problem}. Do not keep this file: "
        "delete it and export again; if it happens again, call for help.",
    ).format(path=summary.path, problem=check.problems[0])
