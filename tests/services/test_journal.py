"""The sales journal on a real database: appending, verifying, and catching every kind of tampering."""

from __future__ import annotations

import json
import multiprocessing
import os
import queue
import stat
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from pos_app.cli import main
from pos_app.db.models import JournalEntry, Register, Setting
from pos_app.domain.journal import ChainPosition, Head, Problem, entry_hash, entry_message, next_entry
from pos_app.errors import NotFound
from pos_app.journal_keys import KEY_FILE_ENV, JournalKeyError, Signer, load_signer
from pos_app.services import Services, open_services
from pos_app.services.journal import (
    HEAD_SETTING_PREFIX,
    PUBLIC_KEY_SETTING,
    JournalConflict,
    JournalService,
    JournalTampered,
    VerifyResult,
    append,
)

FIVE_SALES = ("12.50", "7.25", "30.00", "4.10", "9.99")
PROCESSES = 4
APPENDS_PER_PROCESS = 50


@pytest.fixture(autouse=True)
def journal_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "keys" / "journal-signing-key.pem"
    monkeypatch.setenv(KEY_FILE_ENV, str(path))
    return path


@pytest.fixture
def other_key(tmp_path: Path) -> Signer:
    """A key that is not the shop's: what someone who edits the database could sign with."""
    return load_signer(tmp_path / "intruder" / "key.pem")


def register_id(svc: Services, code: str = "R1") -> int:
    with svc.db.read_session() as session:
        return session.scalars(select(Register.id).where(Register.code == code)).one()


def add_register(svc: Services, code: str) -> None:
    with svc.db.write_session() as session:
        session.add(Register(code=code, name=f"Counter {code}", active=True))
        session.commit()


def journal_sales(svc: Services, amounts: Sequence[str], register: str = "R1") -> list[JournalEntry]:
    """Append one entry per amount in one write transaction, as the counter does for each sale."""
    rid = register_id(svc, register)
    with svc.db.write_session() as session:
        entries = [
            append(session, rid, "sale" if Decimal(a) >= 0 else "refund", Decimal(a), {"ticket": n}, svc.clock())
            for n, a in enumerate(amounts, start=1)
        ]
        session.commit()
    return entries


def tamper(svc: Services, sql: str, **params: Any) -> None:
    """Change the database behind the app's back, as someone with SQL access could."""
    with svc.db.write_engine.begin() as connection:
        connection.execute(text(sql), params)


def forge_entry(svc: Services, **row: Any) -> None:
    """Insert a journal row without the app, as someone with SQL access could."""
    with svc.db.write_engine.begin() as connection:
        connection.execute(insert(JournalEntry.__table__).values(register_id=register_id(svc), payload="{}", **row))


def verify(svc: Services, **options: Any) -> VerifyResult:
    return JournalService(svc.db).verify(**options)


def sequences(svc: Services, register: str = "R1") -> list[int]:
    with svc.db.read_session() as session:
        query = select(JournalEntry.sequence).where(JournalEntry.register_id == register_id(svc, register))
        return list(session.scalars(query.order_by(JournalEntry.sequence)))


def assert_broken_at(result: VerifyResult, sequence: int, problem: Problem) -> None:
    assert not result.ok
    assert result.first_bad == ("R1", sequence), result.verdict
    assert result.breaks[0].problem == problem, result.verdict


# ----- appending and verifying ---------------------------------------------------------------------------


def test_appended_entries_form_a_signed_chain_with_a_perpetual_grand_total(services):
    entries = journal_sales(services, ["12.50", "7.25", "-2.00"])

    assert [e.sequence for e in entries] == [1, 2, 3]
    assert [e.grand_total for e in entries] == [Decimal("12.50"), Decimal("19.75"), Decimal("17.75")]
    assert entries[0].previous_hash == "0" * 64
    assert [e.previous_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    result = verify(services)
    assert (result.ok, result.entries, result.registers, result.first_bad) == (True, 3, 1, None)
    assert result.verdict.startswith("Journal OK: 3 entries on 1 register (signing key ")


def test_each_register_has_its_own_sequence_and_grand_total(services):
    add_register(services, "R2")
    journal_sales(services, ["10.00", "5.00"], register="R1")

    (first_of_r2,) = journal_sales(services, ["3.00"], register="R2")

    assert (first_of_r2.sequence, first_of_r2.grand_total) == (1, Decimal("3.00"))
    assert verify(services).verdict.startswith("Journal OK: 3 entries on 2 registers")
    only_r2 = verify(services, register_code="r2")
    assert (only_r2.ok, only_r2.entries, only_r2.registers) == (True, 1, 1)


def test_verifying_an_unknown_register_names_the_known_ones(services):
    with pytest.raises(NotFound, match="The registers are: R1"):
        verify(services, register_code="R9")


def test_an_empty_journal_verifies(services):
    result = verify(services)

    assert (result.ok, result.entries) == (True, 0)


def test_an_entry_rolled_back_with_its_transaction_leaves_no_trace(services):
    rid = register_id(services)
    with services.db.write_session() as session:
        append(session, rid, "sale", Decimal("99.00"), {}, services.clock())
        session.rollback()

    (entry,) = journal_sales(services, ["1.00"])

    assert (entry.sequence, entry.grand_total) == (1, Decimal("1.00"))
    assert verify(services).ok


def test_payload_values_are_stored_as_canonical_json(services):
    rid = register_id(services)
    with services.db.write_session() as session:
        entry = append(
            session,
            rid,
            "refund",
            Decimal("-4.50"),
            {"sale": "R1-1", "lines": [["TEE-M", 1, Decimal("4.50")]]},
            services.clock(),
        )
        session.commit()

    assert entry.payload == '{"lines":[["TEE-M",1,"4.50"]],"sale":"R1-1"}'
    assert verify(services).ok


# ----- the key --------------------------------------------------------------------------------------------


def test_the_key_file_is_made_on_first_use_for_its_owner_only_and_its_public_key_goes_to_the_database(
    services, journal_key
):
    assert not journal_key.exists()

    journal_sales(services, ["1.00"])

    assert stat.S_IMODE(journal_key.stat().st_mode) == 0o600
    with services.db.read_session() as session:
        stored = session.get(Setting, PUBLIC_KEY_SETTING)
    assert stored is not None
    assert stored.value == load_signer(journal_key).public_key.pem


def test_a_database_whose_journal_has_another_key_refuses_to_sign(services, tmp_path, monkeypatch):
    journal_sales(services, ["1.00"])
    monkeypatch.setenv(KEY_FILE_ENV, str(tmp_path / "another-machine.pem"))

    with pytest.raises(JournalKeyError, match="signed with another key"):
        journal_sales(services, ["2.00"])

    assert sequences(services) == [1]


def test_processes_starting_at_once_share_one_key(tmp_path):
    path = tmp_path / "fresh" / "key.pem"
    barrier = threading.Barrier(8)
    keys: list[str] = []

    def start() -> None:
        barrier.wait()
        keys.append(load_signer(path).public_key.pem)

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(keys) == 8 and len(set(keys)) == 1
    assert [p.name for p in path.parent.iterdir()] == ["key.pem"]


def test_a_damaged_key_file_is_reported_and_never_replaced(tmp_path):
    path = tmp_path / "key.pem"
    path.write_text("not a key")

    with pytest.raises(JournalKeyError, match="damaged"):
        load_signer(path)
    assert path.read_text() == "not a key"


# ----- tampering ------------------------------------------------------------------------------------------


def test_an_edited_amount_is_found_at_its_entry(services):
    journal_sales(services, FIVE_SALES)

    tamper(services, "UPDATE journal_entries SET amount = 3.00 WHERE sequence = 3")

    result = verify(services)
    assert_broken_at(result, 3, Problem.CHANGED)
    assert result.verdict == "Journal BROKEN at register R1, entry 3: its content was changed after it was written."


def test_a_deleted_middle_entry_is_found_by_its_missing_number(services):
    journal_sales(services, FIVE_SALES)

    tamper(services, "DELETE FROM journal_entries WHERE sequence = 3")

    assert_broken_at(verify(services), 3, Problem.MISSING)


def test_a_forged_entry_inserted_in_the_middle_is_found(services, other_key):
    entries = journal_sales(services, FIVE_SALES)
    second = entries[1]
    forged = next_entry(
        ChainPosition(2, second.hash, second.grand_total), "R1", "refund", services.clock(), Decimal("-30.00"), {}
    )
    digest = entry_hash(forged)

    tamper(services, "UPDATE journal_entries SET sequence = sequence + 100 WHERE sequence >= 3")
    tamper(services, "UPDATE journal_entries SET sequence = sequence - 99 WHERE sequence > 100")
    forge_entry(
        services,
        sequence=3,
        kind="refund",
        at=forged.at,
        amount=forged.amount,
        grand_total=forged.grand_total,
        previous_hash=forged.previous_hash,
        hash=digest,
        signature=other_key.sign(entry_message(digest)),
    )

    result = verify(services)
    assert_broken_at(result, 3, Problem.BAD_SIGNATURE)
    assert "forged" in result.reason


def test_an_entry_slipped_in_after_the_last_one_is_found(services):
    entries = journal_sales(services, FIVE_SALES)
    last = entries[-1]

    forge_entry(
        services,
        sequence=6,
        kind="sale",
        at=services.clock(),
        amount=Decimal(1),
        grand_total=last.grand_total + 1,
        previous_hash=last.hash,
        hash="f" * 64,
        signature="",
    )

    assert verify(services).first_bad == ("R1", 6)


def test_two_swapped_entries_are_found_where_the_order_breaks(services):
    journal_sales(services, FIVE_SALES)

    tamper(services, "UPDATE journal_entries SET sequence = 100 WHERE sequence = 2")
    tamper(services, "UPDATE journal_entries SET sequence = 2 WHERE sequence = 3")
    tamper(services, "UPDATE journal_entries SET sequence = 3 WHERE sequence = 100")

    result = verify(services)
    assert_broken_at(result, 2, Problem.OUT_OF_CHAIN)
    assert "reordered" in result.reason


def test_entries_cut_off_the_end_are_found(services):
    journal_sales(services, FIVE_SALES)

    tamper(services, "DELETE FROM journal_entries WHERE sequence >= 4")

    result = verify(services)
    assert_broken_at(result, 4, Problem.CUT_OFF)
    assert result.verdict == (
        "Journal BROKEN at register R1, entry 4: it is missing: the journal was cut off after entry 3, "
        "but it had 5 entries when last written."
    )


def test_cutting_off_the_end_and_deleting_the_signed_head_is_found(services):
    journal_sales(services, FIVE_SALES)

    tamper(services, "DELETE FROM journal_entries WHERE sequence >= 4")
    tamper(services, "DELETE FROM settings WHERE key LIKE :prefix", prefix=f"{HEAD_SETTING_PREFIX}%")

    assert_broken_at(verify(services), 3, Problem.HEAD_MISSING)


def test_a_signature_made_with_another_key_is_found(services, other_key):
    entries = journal_sales(services, FIVE_SALES)

    tamper(
        services,
        "UPDATE journal_entries SET signature = :signature WHERE sequence = 4",
        signature=other_key.sign(entry_message(entries[3].hash)),
    )

    assert_broken_at(verify(services), 4, Problem.BAD_SIGNATURE)


def test_a_journal_re_signed_with_another_key_is_caught_by_a_copy_of_the_public_key_and_stops_the_counter(
    services, journal_key, other_key
):
    entries = journal_sales(services, FIVE_SALES)
    shop_public_key = load_signer(journal_key).public_key.pem
    for entry in entries:
        tamper(
            services,
            "UPDATE journal_entries SET signature = :signature WHERE id = :id",
            signature=other_key.sign(entry_message(entry.hash)),
            id=entry.id,
        )
    last = entries[-1]
    head = Head("R1", last.sequence, last.hash, last.grand_total)
    tamper(
        services,
        "UPDATE settings SET value = :value WHERE key LIKE :prefix",
        value=json.dumps(
            {
                "register": "R1",
                "sequence": last.sequence,
                "hash": last.hash,
                "grand_total": str(last.grand_total),
                "signature": other_key.sign(head.message()),
            }
        ),
        prefix=f"{HEAD_SETTING_PREFIX}%",
    )
    tamper(
        services,
        "UPDATE settings SET value = :pem WHERE key = :key",
        pem=other_key.public_key.pem,
        key=PUBLIC_KEY_SETTING,
    )

    result = verify(services, public_key_pem=shop_public_key)

    assert_broken_at(result, 1, Problem.BAD_SIGNATURE)
    assert result.key_problem is not None and result.key_problem.endswith("it was replaced")
    with pytest.raises((JournalKeyError, JournalTampered)):
        journal_sales(services, ["1.00"])


def test_after_entries_were_cut_off_the_next_entry_keeps_the_gap_visible(services):
    journal_sales(services, FIVE_SALES)
    tamper(services, "DELETE FROM journal_entries WHERE sequence >= 4")

    (entry,) = journal_sales(services, ["2.00"])

    assert entry.sequence == 6
    result = verify(services)
    assert_broken_at(result, 4, Problem.MISSING)
    assert "entries 4 to 5 are missing" in result.reason


def test_a_register_whose_signed_head_was_deleted_refuses_new_entries(services):
    journal_sales(services, FIVE_SALES)
    tamper(services, "DELETE FROM settings WHERE key LIKE :prefix", prefix=f"{HEAD_SETTING_PREFIX}%")

    with pytest.raises(JournalTampered, match="register R1 was tampered with"):
        journal_sales(services, ["1.00"])


def test_a_removed_public_key_is_reported(services):
    journal_sales(services, ["1.00"])

    tamper(services, "DELETE FROM settings WHERE key = :key", key=PUBLIC_KEY_SETTING)

    result = verify(services)
    assert (result.ok, result.first_bad) == (False, None)
    assert result.verdict.startswith("Journal BROKEN: the database holds no journal public key")


# ----- the command ----------------------------------------------------------------------------------------


def test_journal_verify_prints_the_verdict_and_exits_0_or_1(services, database_url, capsys):
    journal_sales(services, FIVE_SALES)

    assert main(["--database-url", database_url, "journal", "verify"]) == 0
    assert capsys.readouterr().out.startswith("Journal OK: 5 entries on 1 register")

    tamper(services, "UPDATE journal_entries SET amount = 1 WHERE sequence = 2")
    assert main(["--database-url", database_url, "journal", "verify", "--register", "R1"]) == 1
    assert capsys.readouterr().out == (
        "Journal BROKEN at register R1, entry 2: its content was changed after it was written.\n"
    )


def test_journal_verify_checks_with_a_public_key_file(services, database_url, journal_key, tmp_path, capsys):
    journal_sales(services, ["1.00"])
    public_key = tmp_path / "shop.pub.pem"
    public_key.write_text(load_signer(journal_key).public_key.pem)

    assert main(["--database-url", database_url, "journal", "verify", "--public-key", str(public_key)]) == 0
    assert main(["--database-url", database_url, "journal", "verify", "--register", "R9"]) == 1
    assert "No register 'R9'" in capsys.readouterr().err


# ----- several processes ----------------------------------------------------------------------------------


def append_repeatedly(worker: int, database_url: str, key_file: str, barrier: Barrier, results: Any) -> None:
    """One counter process: append entries one transaction at a time, retrying when the sequence was taken."""
    os.environ[KEY_FILE_ENV] = key_file
    appended, conflicts, errors = 0, 0, []
    try:
        with open_services(database_url) as svc:
            rid = register_id(svc)
            barrier.wait(timeout=60)
            for n in range(APPENDS_PER_PROCESS):
                while True:
                    try:
                        with svc.db.write_session() as session:
                            append(session, rid, "sale", Decimal("1.00"), {"worker": worker, "n": n}, datetime.now(UTC))
                            session.commit()
                        appended += 1
                        break
                    except JournalConflict:
                        conflicts += 1
    except BaseException as error:  # a broken worker must still report, or the test would wait for it
        barrier.abort()
        errors.append(f"{type(error).__name__}: {error}")
    finally:
        results.put((appended, conflicts, errors))


@pytest.mark.slow
def test_four_processes_appending_at_once_give_one_gapless_chain(services, database_url, journal_key):
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES)
    results: Any = context.Queue()
    processes = [
        context.Process(target=append_repeatedly, args=(n, database_url, str(journal_key), barrier, results))
        for n in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    try:
        reports = [results.get(timeout=120) for _ in processes]
    except queue.Empty:
        raise AssertionError("a process sent no report within 120 s") from None
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()

    assert [error for _, _, found in reports for error in found] == []
    assert sum(appended for appended, _, _ in reports) == PROCESSES * APPENDS_PER_PROCESS
    assert sequences(services) == list(range(1, PROCESSES * APPENDS_PER_PROCESS + 1))
    result = verify(services)
    assert (result.ok, result.entries) == (True, PROCESSES * APPENDS_PER_PROCESS), result.verdict
