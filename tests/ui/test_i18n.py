"""French and English screens: the catalogue is complete, the login dialog switches the language, and the screens
opened afterwards speak it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from pos_app.domain.roles import Actor
from pos_app.services import Services
from pos_app.ui.counter.counter_page import CounterPage
from pos_app.ui.i18n import (
    ENGLISH,
    FRENCH,
    LANGUAGE_SETTING,
    catalogue_dir,
    chosen_language,
    current_language,
    install_language,
    remember_language,
    system_language,
)
from pos_app.ui.login_dialog import LoginDialog
from tests.ui.counter_screen import TIMEOUT

CATALOGUE = catalogue_dir() / "pos_app_fr.ts"
COMPILED = catalogue_dir() / "pos_app_fr.qm"
TOOLS = Path(sys.executable).parent
UI_SOURCES = sorted(str(path) for path in (Path(__file__).parents[2] / "pos_app" / "ui").rglob("*.py"))
PLACEHOLDER = re.compile(r"\{\w*\}|%\d")


def messages(catalogue: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, English source, translation element) for every message of a Qt Linguist catalogue."""
    root = ET.parse(catalogue).getroot()
    return [
        (context.findtext("name", ""), message.findtext("source", ""), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def not_translated(catalogue: Path) -> list[str]:
    return [
        f"{context}: {source!r}"
        for context, source, translation in messages(catalogue)
        if translation is None or translation.get("type") in ("unfinished", "vanished") or not translation.text
    ]


@pytest.fixture
def machine(qapp: QApplication, tmp_path: Path) -> Iterator[QSettings]:
    """This machine's settings in a throwaway file; the screens are back in English after the test."""
    yield QSettings(str(tmp_path / "machine.ini"), QSettings.Format.IniFormat)
    install_language(ENGLISH)


def login_dialog(qtbot: QtBot, services: Services, machine: QSettings) -> LoginDialog:
    dialog = LoginDialog(services, settings=machine)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose_language(qtbot: QtBot, dialog: LoginDialog, name: str) -> None:
    chooser = dialog.findChild(QComboBox, "loginLanguage")
    chooser.setFocus()
    while chooser.currentText() != name:
        qtbot.keyClick(chooser, Qt.Key.Key_Down if chooser.currentIndex() < chooser.count() - 1 else Qt.Key.Key_Home)
    QCoreApplication.processEvents()  # the open widgets hear of the new language through posted events


def counter_page(qtbot: QtBot, services: Services, cashier: Actor, machine: QSettings) -> CounterPage:
    page = CounterPage(services, cashier, settings=machine)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.state_loaded, timeout=TIMEOUT):
        page.show()
    return page


# ----- the catalogue --------------------------------------------------------------------------------------------


def test_every_message_of_the_french_catalogue_is_translated() -> None:
    assert len(messages(CATALOGUE)) > 400
    assert not_translated(CATALOGUE) == []


def test_every_french_translation_keeps_the_placeholders_and_shortcut_markers_of_its_source() -> None:
    wrong = [
        f"{context}: {source!r} -> {translation.text!r}"
        for context, source, translation in messages(CATALOGUE)
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text or ""))
        or source.count("&") != (translation.text or "").count("&")
    ]
    assert wrong == []


def test_the_catalogue_has_every_string_of_the_screens(tmp_path: Path) -> None:
    """A string wrapped in tr() since the last scripts/update-translations.sh comes out unfinished here."""
    refreshed = tmp_path / "pos_app_fr.ts"
    shutil.copy(CATALOGUE, refreshed)
    subprocess.run(
        [TOOLS / "pyside6-lupdate", "-no-obsolete", "-locations", "none", *UI_SOURCES, "-ts", refreshed],
        check=True,
        capture_output=True,
    )
    assert not_translated(refreshed) == [], "run scripts/update-translations.sh and translate the new messages"


def test_the_compiled_catalogue_is_up_to_date_with_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "pos_app_fr.qm"
    subprocess.run([TOOLS / "pyside6-lrelease", CATALOGUE, "-qm", compiled], check=True, capture_output=True)
    assert compiled.read_bytes() == COMPILED.read_bytes(), "run scripts/update-translations.sh"


# ----- choosing the language -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("fr_FR", FRENCH),
        ("fr_SN", FRENCH),
        ("fr_CA", FRENCH),
        ("en_GB", ENGLISH),
        ("wo_SN", ENGLISH),
        ("de_DE", ENGLISH),
    ],
)
def test_the_system_locale_gives_french_for_any_french_locale_and_english_otherwise(locale: str, language: str) -> None:
    assert system_language(QLocale(locale)) == language


def test_without_a_choice_on_this_machine_the_system_locale_decides(machine: QSettings) -> None:
    assert chosen_language(machine) == system_language()

    remember_language(machine, FRENCH)

    assert chosen_language(machine) == FRENCH


def test_an_unknown_language_is_refused_and_nothing_is_remembered(machine: QSettings) -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        remember_language(machine, "de")

    assert machine.value(LANGUAGE_SETTING) is None


def test_choosing_french_on_the_login_dialog_shows_it_in_french_and_remembers_it(
    qtbot: QtBot, services: Services, machine: QSettings
) -> None:
    dialog = login_dialog(qtbot, services, machine)
    assert dialog.findChild(QPushButton, "loginButton").text() == "Log in"

    choose_language(qtbot, dialog, "Français")

    assert current_language() == FRENCH
    assert machine.value(LANGUAGE_SETTING) == FRENCH
    assert dialog.windowTitle() == "Se connecter"
    assert dialog.findChild(QPushButton, "loginButton").text() == "Se connecter"
    assert dialog.findChild(QLineEdit, "loginUsername").placeholderText().startswith("ex.")
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "&Langue" in labels and "&Mot de passe ou PIN" in labels
    assert "Log in with your own account to open the shop." not in labels


def test_qt_own_texts_such_as_the_standard_buttons_are_french_too(machine: QSettings) -> None:
    install_language(FRENCH)

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_the_counter_opened_after_choosing_french_shows_french_labels(
    qtbot: QtBot, services: Services, cashier: Actor, machine: QSettings
) -> None:
    choose_language(qtbot, login_dialog(qtbot, services, machine), "Français")

    page = counter_page(qtbot, services, cashier, machine)

    assert page.findChild(QPushButton, "payButton").text() == "Encaisser (F12)"
    assert page.findChild(QPushButton, "parkButton").text() == "Mettre en attente (F4)"


def test_switching_back_to_english_shows_english_again(
    qtbot: QtBot, services: Services, cashier: Actor, machine: QSettings
) -> None:
    dialog = login_dialog(qtbot, services, machine)
    choose_language(qtbot, dialog, "Français")

    choose_language(qtbot, dialog, "English")

    assert current_language() == ENGLISH
    assert machine.value(LANGUAGE_SETTING) == ENGLISH
    assert dialog.findChild(QPushButton, "loginButton").text() == "Log in"
    page = counter_page(qtbot, services, cashier, machine)
    assert page.findChild(QPushButton, "payButton").text() == "Pay (F12)"
