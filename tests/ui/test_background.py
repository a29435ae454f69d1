from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from pos_app.errors import NotFound
from pos_app.ui.background import BackgroundOp, wait_for_background


def test_the_result_comes_back_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    ran_on: list[threading.Thread] = []
    got: list[tuple[int, threading.Thread]] = []

    def work() -> int:
        ran_on.append(threading.current_thread())
        return 42

    BackgroundOp(owner, work).success(lambda value: got.append((value, threading.current_thread()))).run_in_background()

    qtbot.waitUntil(lambda: bool(got))
    assert got == [(42, threading.main_thread())]
    assert ran_on != [threading.main_thread()]


def test_an_error_goes_to_the_failure_callback(qtbot: QtBot) -> None:
    owner = QObject()
    errors: list[Exception] = []

    def work() -> None:
        raise NotFound("No such SKU.")

    BackgroundOp(owner, work).success(lambda _: errors.append(AssertionError("no success"))).failure(
        errors.append
    ).run_in_background()

    qtbot.waitUntil(lambda: bool(errors))
    assert [str(e) for e in errors] == ["No such SKU."]


def test_operations_run_one_at_a_time_in_the_order_asked(qtbot: QtBot) -> None:
    owner = QObject()
    running = threading.Event()
    overlaps: list[int] = []
    done: list[int] = []

    def step(number: int) -> int:
        if running.is_set():
            overlaps.append(number)
        running.set()
        threading.Event().wait(0.005)
        running.clear()
        return number

    for number in range(5):
        BackgroundOp(owner, lambda n=number: step(n)).success(done.append).run_in_background()

    qtbot.waitUntil(lambda: len(done) == 5)
    assert done == [0, 1, 2, 3, 4]
    assert overlaps == []


def test_callbacks_are_dropped_once_their_owner_is_deleted(qtbot: QtBot) -> None:
    owner = QObject()
    release = threading.Event()
    got: list[str] = []
    BackgroundOp(owner, lambda: release.wait(5) and "late").success(got.append).run_in_background()

    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    release.set()
    assert wait_for_background(5000)
    qtbot.wait(20)

    assert got == []


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True
