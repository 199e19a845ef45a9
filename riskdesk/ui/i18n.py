"""Translations: Simplified Chinese by default (``--lang en`` for the English source strings)."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from riskdesk.paths import resource

DEFAULT_LANG = "zh_CN"
_installed: list[QTranslator] = []  # QTranslator must outlive its installation


def install_translators(app: QApplication, lang: str | None) -> str:
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    chosen = lang or DEFAULT_LANG
    if chosen == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return chosen
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if not ours.load(str(resource(f"translations/riskdesk_{chosen}.qm"))):
        raise FileNotFoundError(f"translation riskdesk_{chosen}.qm is missing from resources/translations")
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{chosen}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return chosen
