"""The language of the screens: French or English, chosen on this machine or taken from the system locale.

Our catalogue is written in English, so English needs no translator. Installing a language sends every open
widget a LanguageChange event; screens built afterwards are created in the new language. The login dialog
offers the choice, so a switch applies to everything the next cashier opens.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGE_SETTING = "ui/language"
FRENCH = "fr"
ENGLISH = "en"
LANGUAGES = (FRENCH, ENGLISH)
LANGUAGE_NAMES = {FRENCH: "Français", ENGLISH: "English"}
CATALOGUE_NAME = "pos_app"

# Kept alive here: a QTranslator that Python collects is silently removed from the application.
_installed: list[QTranslator] = []
_current = ENGLISH


def catalogue_dir() -> Path:
    """Where pos_app_<language>.qm (compiled) and pos_app_<language>.ts (source) live."""
    return Path(str(files("pos_app") / "resources" / "translations"))


def system_language(locale: QLocale | None = None) -> str:
    """French for any fr_* locale, English for every other one."""
    name = (locale or QLocale.system()).name()
    return FRENCH if name.split("_")[0] == FRENCH else ENGLISH


def chosen_language(settings: QSettings) -> str:
    """The language chosen on this machine, or the system's when none was chosen (or the value is unknown)."""
    value = settings.value(LANGUAGE_SETTING)
    return str(value) if value in LANGUAGES else system_language()


def remember_language(settings: QSettings, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    settings.setValue(LANGUAGE_SETTING, language)
    settings.sync()


def current_language() -> str:
    return _current


def install_language(language: str) -> None:
    """Translate the screens into `language` from now on; open widgets receive a LanguageChange event.

    French installs our catalogue plus Qt's own (standard buttons such as OK and Cancel, context menus).
    Raises FileNotFoundError when our compiled catalogue is missing (run scripts/update-translations.sh).
    """
    global _current
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != ENGLISH:
        _installed.append(_our_catalogue(language))
        qt_own = QTranslator()
        if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    _current = language


def switch_language(settings: QSettings, language: str) -> None:
    """Remember `language` on this machine and apply it at once."""
    remember_language(settings, language)
    install_language(language)


def _our_catalogue(language: str) -> QTranslator:
    translator = QTranslator()
    path = catalogue_dir() / f"{CATALOGUE_NAME}_{language}.qm"
    if not translator.load(str(path)):
        raise FileNotFoundError(f"the translations are missing: {path} (run scripts/update-translations.sh)")
    return translator
