"""Small forms for the 整改台账: one dialog per step, with the fields it needs and, on a single seat, who does it.

A required field left empty keeps the dialog open with a line saying so; everything else (who may do
what, dates in the past, files too large) the services decide, and the caller shows their refusal.
Ctrl+Enter accepts from a multi-line field.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

Field = QLineEdit | QPlainTextEdit | QDateEdit | QComboBox


class FormDialog(QDialog):
    """Fields are added by key; ``value(key)`` reads them after ``exec()``. ``who`` is the person field."""

    WHO = "who"

    def __init__(self, title: str, intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self._fields: dict[str, Field] = {}
        self._labels: dict[str, str] = {}
        self._required: set[str] = set()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color:#c62828")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if intro:
            head = QLabel(intro)
            head.setWordWrap(True)
            head.setTextFormat(Qt.TextFormat.PlainText)
            lay.addWidget(head)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

    def _add(self, key: str, label: str, widget: Field, required: bool, row: QWidget | None = None) -> None:
        self._fields[key] = widget
        self._labels[key] = label
        if required:
            self._required.add(key)
        widget.setAccessibleName(label)
        self.form.addRow(label + ("*" if required else ""), row or widget)
        if len(self._fields) == 1:
            widget.setFocus()

    def text(self, key: str, label: str, value: str = "", *, multiline: bool = False,
             required: bool = False) -> QLineEdit | QPlainTextEdit:
        widget: QLineEdit | QPlainTextEdit
        if multiline:
            widget = QPlainTextEdit(value)
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(widget.fontMetrics().height() * 5)
        else:
            widget = QLineEdit(value)
        self._add(key, label, widget, required)
        return widget

    def choice(self, key: str, label: str, options: list[tuple[str, Any]], current: Any = None, *,
               editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for text, data in options:
            combo.addItem(text, data)
        found = combo.findData(current)
        if found >= 0:
            combo.setCurrentIndex(found)
        elif editable and current is not None:
            combo.setEditText(str(current))
        self._add(key, label, combo, False)
        return combo

    def day(self, key: str, label: str, value: date, minimum: date | None = None) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        if minimum is not None:
            edit.setMinimumDate(QDate(minimum.year, minimum.month, minimum.day))
        self._add(key, label, edit, True)
        return edit

    def file(self, key: str, label: str) -> QLineEdit:
        """A path, typed or chosen; the services read it (and refuse a file over 10 MB)."""
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("No file"))
        choose = QPushButton(self.tr("Choose…"))
        choose.setAutoDefault(False)
        choose.clicked.connect(lambda: self._choose_file(edit))
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        box.addWidget(choose)
        self._add(key, label, edit, False, row)
        return edit

    def _choose_file(self, edit: QLineEdit) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), edit.text() or str(Path.home()))
        if name:
            edit.setText(name)

    def who(self, offer: str) -> QLineEdit:
        """Who does this step (recorded with it); on a single seat the services cannot know otherwise."""
        widget = self.text(self.WHO, self.tr("Done by (your name)"), offer, required=True)
        assert isinstance(widget, QLineEdit)
        if offer:
            widget.selectAll()
        return widget

    def field(self, key: str) -> Field:
        return self._fields[key]

    def value(self, key: str) -> Any:
        w = self._fields[key]
        if isinstance(w, QLineEdit):
            return w.text().strip()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip()
        if isinstance(w, QDateEdit):
            d = w.date()
            return date(d.year(), d.month(), d.day())
        return w.currentText().strip() if w.isEditable() else w.currentData()

    def accept(self) -> None:
        missing = [self._labels[k] for k in self._fields if k in self._required and not self.value(k)]
        if missing:
            self.error.setText(self.tr("Please fill in: %1").replace("%1", "、".join(missing)))
            self.error.show()
            self._fields[next(k for k in self._fields if self._labels[k] == missing[0])].setFocus()
            return
        super().accept()
