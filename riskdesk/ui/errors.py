"""One way the window tells the user that something could not be done."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from riskdesk.domain.errors import RiskDeskError

T = TypeVar("T")


def show_error(parent: QWidget | None, title: str, exc: BaseException | str) -> None:
    QMessageBox.warning(parent, title, str(exc))


def attempt(parent: QWidget | None, title: str, action: Callable[[], T]) -> T | None:
    """Run ``action``; a refusal or failure the user should read is shown under ``title``.

    Returns None when it was refused (nothing was changed: the services roll back).
    """
    try:
        return action()
    except RiskDeskError as exc:
        show_error(parent, title, exc)
        return None
