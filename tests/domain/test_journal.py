import hashlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from pos_app.domain.journal import (
    GENESIS_HASH,
    START,
    ChainPosition,
    Head,
    Problem,
    SignedHead,
    StoredEntry,
    build_on,
    canonical_json,
    check_chain,
    entry_hash,
    entry_message,
    fixed_amount,
    next_entry,
)

AT = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def fake_sign(message: bytes) -> str:
    """A stand-in for the shop's key: only this function makes signatures `fake_check` accepts."""
    return hashlib.sha256(b"shop key|" + message).hexdigest()


def fake_check(message: bytes, signature: str) -> bool:
    return fake_sign(message) == signature


def journal_of(amounts: list[str], register: str = "R1") -> tuple[list[StoredEntry], SignedHead]:
    """Entries as the app writes them, and the signed head of the last one."""
    position = START
    entries = []
    for n, amount in enumerate(amounts):
        content = next_entry(position, register, "sale", AT + timedelta(minutes=n), Decimal(amount), {"n": n})
        digest = entry_hash(content)
        entries.append(
            StoredEntry(
                register,
                content.sequence,
                content.kind,
                content.at,
                content.amount,
                content.grand_total,
                content.payload_text(),
                content.previous_hash,
                digest,
                fake_sign(entry_message(digest)),
            )
        )
        position = ChainPosition(content.sequence, digest, content.grand_total)
    head = Head(register, position.sequence, position.hash, position.grand_total)
    return entries, SignedHead(head, fake_sign(head.message()))


def test_canonical_json_sorts_keys_has_no_spaces_and_writes_decimals_and_times_as_strings():
    paris = timezone(timedelta(hours=1))
    text = canonical_json({"b": Decimal("1.50"), "a": [1, True, None], "at": datetime(2026, 1, 2, 10, 0, tzinfo=paris)})
    assert text == '{"a":[1,true,null],"at":"2026-01-02T09:00:00.000000Z","b":"1.50"}'


@pytest.mark.parametrize(
    "bad",
    [1.5, Decimal("NaN"), datetime(2026, 1, 1), {1: "int key"}, {"set": {1, 2}}, b"bytes"],
)
def test_canonical_json_refuses_what_has_no_single_text_form(bad):
    with pytest.raises((TypeError, ValueError)):
        canonical_json({"value": bad})


def test_amounts_hash_the_same_whatever_their_scale_as_the_database_gives_them_back():
    assert fixed_amount(Decimal("12.5")) == fixed_amount(Decimal("12.5000")) == "12.5000"
    assert fixed_amount(Decimal("-0")) == "0.0000"
    assert fixed_amount(Decimal("-3.25")) == "-3.2500"


def test_the_first_entry_follows_the_genesis_hash_and_starts_the_grand_total():
    content = next_entry(START, "R1", "sale", AT, Decimal("12.50"), {"number": "R1-2026-000001"})

    assert (content.sequence, content.previous_hash, content.grand_total) == (1, GENESIS_HASH, Decimal("12.50"))
    expected = hashlib.sha256((GENESIS_HASH + content.canonical()).encode()).hexdigest()
    assert entry_hash(content) == expected
    assert content.canonical() == (
        '{"amount":"12.5000","at":"2026-11-22T09:00:00.000000Z","grand_total":"12.5000","kind":"sale",'
        f'"payload":{{"number":"R1-2026-000001"}},"previous_hash":"{GENESIS_HASH}","register":"R1","sequence":1}}'
    )


def test_the_grand_total_runs_on_and_refunds_lower_it():
    entries, head = journal_of(["10.00", "5.50", "-3.00"])

    assert [e.grand_total for e in entries] == [Decimal("10.00"), Decimal("15.50"), Decimal("12.50")]
    assert [e.previous_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert head.head.sequence == 3


@pytest.mark.parametrize("amount", [Decimal("1.00001"), Decimal("Infinity")])
def test_amounts_the_database_cannot_keep_exactly_are_refused(amount):
    with pytest.raises(ValueError):
        next_entry(START, "R1", "sale", AT, amount, {})


@pytest.mark.parametrize("kind", ["", "Sale", "sale!", "x" * 31])
def test_bad_kinds_are_refused(kind):
    with pytest.raises(ValueError):
        next_entry(START, "R1", kind, AT, Decimal(1), {})


def test_the_next_entry_builds_on_the_head_when_entries_were_cut_off_the_end():
    head = ChainPosition(5, "h5", Decimal(50))
    last = ChainPosition(3, "h3", Decimal(30))

    assert build_on(head, last) == head
    assert build_on(head, head) == head
    assert build_on(last, head) == head
    assert build_on(None, None) == START


def test_an_intact_journal_passes():
    entries, head = journal_of(["10.00", "5.50", "-3.00"])

    check = check_chain("R1", entries, head, fake_check)

    assert (check.entries, check.problem) == (3, None)


def test_an_empty_journal_without_head_passes():
    assert check_chain("R1", [], None, fake_check).problem is None


def test_a_changed_amount_is_found_at_its_entry():
    entries, head = journal_of(["10", "20", "30", "40"])
    entries[2] = replace(entries[2], amount=Decimal("3"))

    check = check_chain("R1", entries, head, fake_check)

    assert check.entries == 4
    assert (check.problem.sequence, check.problem.problem) == (3, Problem.CHANGED)
    assert check.problem.reason == "its content was changed after it was written"


def test_a_changed_payload_is_found_at_its_entry():
    entries, head = journal_of(["10", "20"])
    entries[0] = replace(entries[0], payload_text='{"n":7}')

    assert check_chain("R1", entries, head, fake_check).problem.sequence == 1


def test_a_deleted_entry_is_named_by_its_missing_sequence():
    entries, head = journal_of(["10", "20", "30", "40"])
    del entries[1]

    problem = check_chain("R1", entries, head, fake_check).problem

    assert (problem.sequence, problem.problem) == (2, Problem.MISSING)
    assert "deleted" in problem.reason


def test_swapped_entries_are_found_where_the_order_breaks():
    entries, head = journal_of(["10", "20", "30", "40"])
    second, third = entries[1], entries[2]
    entries[1], entries[2] = replace(third, sequence=2), replace(second, sequence=3)

    problem = check_chain("R1", entries, head, fake_check).problem

    assert (problem.sequence, problem.problem) == (2, Problem.OUT_OF_CHAIN)
    assert "reordered" in problem.reason


def test_an_entry_rehashed_by_someone_without_the_key_fails_its_signature():
    entries, head = journal_of(["10", "20", "30"])
    forged_content = next_entry(
        ChainPosition(1, entries[0].hash, entries[0].grand_total), "R1", "sale", AT, Decimal(20), {"n": 1}
    )
    entries[1] = replace(entries[1], at=AT, hash=entry_hash(forged_content), signature="not the shop's")

    problem = check_chain("R1", entries, head, fake_check).problem

    assert (problem.sequence, problem.problem) == (2, Problem.BAD_SIGNATURE)


def test_entries_cut_off_the_end_are_found_through_the_signed_head():
    entries, head = journal_of(["10", "20", "30", "40", "50"])

    problem = check_chain("R1", entries[:3], head, fake_check).problem

    assert (problem.sequence, problem.problem) == (4, Problem.CUT_OFF)
    assert "cut off after entry 3" in problem.reason


def test_a_journal_emptied_entirely_is_found_through_the_signed_head():
    _, head = journal_of(["10", "20"])

    assert check_chain("R1", [], head, fake_check).problem.problem == Problem.CUT_OFF


def test_entries_without_a_head_are_reported():
    entries, _ = journal_of(["10", "20"])

    problem = check_chain("R1", entries, None, fake_check).problem

    assert (problem.sequence, problem.problem) == (2, Problem.HEAD_MISSING)


def test_a_head_not_signed_by_the_key_is_reported():
    entries, head = journal_of(["10", "20"])
    older = Head("R1", 1, entries[0].hash, entries[0].grand_total)

    problem = check_chain("R1", entries[:1], SignedHead(older, head.signature), fake_check).problem

    assert problem.problem == Problem.HEAD_INVALID


def test_without_a_public_key_hashes_and_links_are_still_checked():
    entries, head = journal_of(["10", "20"])
    unsigned = [replace(e, signature="") for e in entries]

    assert check_chain("R1", unsigned, head, None).problem is None
    unsigned[1] = replace(unsigned[1], amount=Decimal(21))
    assert check_chain("R1", unsigned, head, None).problem.problem == Problem.CHANGED
