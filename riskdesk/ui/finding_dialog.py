"""One 整改项: every field, its source and deadline history, progress notes and evidence (files saved or opened
from the database, checked against their SHA-256), its events, and the steps its state allows as buttons."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.findings import TRANSITIONS, Finding, FindingAction
from riskdesk.services import Services
from riskdesk.services.findings import FindingChanged
from riskdesk.ui.errors import attempt, show_error
from riskdesk.ui.finding_actions import FindingActions
from riskdesk.ui.finding_html import details_html, event_texts, heading_html, note_kind_text, size_text

ShaRole = int(Qt.ItemDataRole.UserRole) + 1


def _cell(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setToolTip(text)
    return item


def _table(model: QStandardItemModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    # Rows as tall as their wrapped text at the width the columns end up with (a few dozen rows at most).
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class FindingDialog(QDialog):
    """Signals: open_case(case id, stage value, point id) for 打开案件 (the dialog closes)."""

    open_case = Signal(int, str, str)

    def __init__(self, services: Services, actions: FindingActions, finding_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actions = actions
        self._id = finding_id
        self.finding: Finding | None = None
        self.resize(980, 660)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Item details"))
        self.notes = QStandardItemModel(0, 7, self)
        self.notes.setHorizontalHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("Kind"), self.tr("Text"),
                                              self.tr("File"), self.tr("Size"), self.tr("SHA-256")])
        self.notes_table = _table(self.notes, self.tr("Progress and evidence"))
        self.events = QStandardItemModel(0, 6, self)
        self.events.setHorizontalHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("Step"), self.tr("From"),
                                               self.tr("To"), self.tr("Reason / remark")])
        self.events_table = _table(self.events, self.tr("Record"))
        self.save_file_button = self._button(self.tr("&Save file…"), self.save_file)
        self.open_file_button = self._button(self.tr("Open &file"), self.open_file)
        self.notes_table.selectionModel().currentRowChanged.connect(lambda *_: self._update_file_buttons())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("Overview"))
        self.tabs.addTab(self._notes_page(), self.tr("Progress and evidence"))
        self.tabs.addTab(self.events_table, self.tr("Record"))
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.tabs, 1)
        lay.addLayout(self._step_buttons())
        self.reload()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.setAutoDefault(False)
        b.clicked.connect(lambda _=False: slot())  # not the button's checked flag as an argument
        return b

    def _notes_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.notes_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_file_button)
        row.addWidget(self.open_file_button)
        lay.addLayout(row)
        return page

    def _step_buttons(self) -> QGridLayout:
        a = self._actions
        steps: list[tuple[str, Callable[[Finding, QWidget], FindingChanged | None]]] = [
            (self.tr("Record &progress…"), a.progress), (self.tr("Add &evidence…"), a.evidence),
            (self.tr("Change &measure or people…"), a.edit), (self.tr("E&xtend…"), a.extend),
            (self.tr("Change &level…"), a.severity), (self.tr("&Apply for closing…"), a.apply),
            (self.tr("&Close item…"), a.close), (self.tr("&Return…"), a.return_),
            (self.tr("&No rectification needed…"), a.dismiss), (self.tr("Rectify a&gain…"), a.reopen),
        ]
        grid = QGridLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        for i, (text, step) in enumerate(steps):
            b = self._button(text, self._doer(step))
            self.step_buttons[step.__name__] = b
            grid.addWidget(b, i // 5, i % 5)
        self.open_case_button = self._button(self.tr("Open the &case"), self._open_case)
        close = self._button(self.tr("Close"), self.reject)
        grid.addWidget(self.open_case_button, 2, 0)
        grid.addWidget(close, 2, 4)
        return grid

    # -- showing -----------------------------------------------------------------------------------
    def reload(self) -> None:
        svc = self._services
        found = attempt(self, self.tr("Rectification item"), lambda: (
            svc.findings.get(self._id), svc.findings.notes(self._id), svc.findings.events(self._id),
            svc.findings.linked_cases(self._id)))
        if found is None:
            return
        f, notes, events, linked = found
        self.finding = f
        today = date.today()
        self.setWindowTitle(self.tr("Rectification item %1").replace("%1", f.no))
        point = svc.checklists.point(f.point_id) if f.point_id else None
        self.heading.setText(heading_html(f, point, today))
        self.details.setHtml(details_html(f, point, linked, today))
        self.notes.removeRows(0, self.notes.rowCount())
        for at, who, kind, text, file_name, sha, size in notes:
            row = [_cell(v) for v in (at.strftime("%Y-%m-%d %H:%M"), who, note_kind_text(kind), text, file_name,
                                      size_text(size) if sha else "", sha)]
            row[0].setData(sha, ShaRole)
            row[0].setData(file_name, ShaRole + 1)
            self.notes.appendRow(row)
        self.events.removeRows(0, self.events.rowCount())
        for e in events:
            what, old, new = event_texts(e)
            self.events.appendRow([_cell(v) for v in (e.at.strftime("%Y-%m-%d %H:%M"), e.actor, what, old, new,
                                                      e.reason)])
        self._fit(self.notes_table, {0: "2026-00-00 00:00", 1: "欧阳法官助理", 2: "退回意见", 4: "补正材料收件登记表.pdf",
                                     5: "10.0 MB"}, wide=3)
        self._fit(self.events_table, {0: "2026-00-00 00:00", 1: "欧阳法官助理", 2: "退回销号申请", 3: "经复核无需整改",
                                      4: "经复核无需整改"}, wide=5)
        self._update_buttons(f)
        self._update_file_buttons()

    @staticmethod
    def _fit(table: QTableView, samples: dict[int, str], wide: int) -> None:
        """Columns as wide as their longest usual text; ``wide`` (the text) takes the rest and wraps."""
        metrics = table.fontMetrics()
        header = table.horizontalHeader()
        for column, sample in samples.items():
            title = str(table.model().headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
                                 + 20)
        header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)

    def _update_buttons(self, f: Finding) -> None:
        def can(action: FindingAction) -> bool:
            return (f.state, action) in TRANSITIONS

        open_ = not f.state.settled
        enabled = {"progress": can(FindingAction.PROGRESS), "evidence": open_, "edit": open_, "extend": open_,
                   "severity": open_, "apply": can(FindingAction.APPLY), "close": can(FindingAction.CLOSE),
                   "return_": can(FindingAction.RETURN), "dismiss": can(FindingAction.DISMISS),
                   "reopen": can(FindingAction.REOPEN)}
        for name, b in self.step_buttons.items():
            b.setEnabled(enabled[name])
        self.open_case_button.setEnabled(f.case_id is not None and bool(f.stage))

    # -- steps -------------------------------------------------------------------------------------
    def _doer(self, step: Callable[[Finding, QWidget], FindingChanged | None]) -> Callable[[], None]:
        return lambda: self._do(step)

    def _do(self, step: Callable[[Finding, QWidget], FindingChanged | None]) -> None:
        if self.finding is None:
            return
        if step(self.finding, self) is not None:
            self.reload()

    def _open_case(self) -> None:
        f = self.finding
        if f is not None and f.case_id is not None:
            self.open_case.emit(f.case_id, f.stage, f.point_id)
            self.accept()

    # -- evidence files ----------------------------------------------------------------------------
    def _current_file(self) -> tuple[str, str]:
        """(SHA-256, file name) of the note under the cursor; ("", "") when it has no file."""
        index = self.notes_table.currentIndex()
        if not index.isValid():
            return "", ""
        first = self.notes.item(index.row(), 0)
        return str(first.data(ShaRole) or ""), str(first.data(ShaRole + 1) or "")

    def _update_file_buttons(self) -> None:
        has = bool(self._current_file()[0])
        self.save_file_button.setEnabled(has)
        self.open_file_button.setEnabled(has)

    def _content(self) -> tuple[str, bytes] | None:
        sha, name = self._current_file()
        if not sha:
            return None
        data = attempt(self, self.tr("Evidence file"), lambda: self._services.findings.evidence_file(sha))
        if data is None:
            return None
        if hashlib.sha256(data).hexdigest() != sha:
            show_error(self, self.tr("Evidence file"),
                       self.tr("The file %1 does not match its recorded SHA-256: it was changed in the database.")
                       .replace("%1", name))
            return None
        return name, data

    def save_file(self, path: Path | None = None) -> Path | None:
        found = self._content()
        if found is None:
            return None
        name, data = found
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the evidence file"), str(Path.home() / name))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            path.write_bytes(data)
        except OSError as exc:
            show_error(self, self.tr("Evidence file"), self.tr("Cannot save %1: %2").replace("%1", str(path))
                       .replace("%2", exc.strerror or str(exc)))
            return None
        return path

    def open_file(self) -> Path | None:
        """A copy in a temporary folder, opened with the desktop's program for its kind."""
        found = self._content()
        if found is None:
            return None
        name, data = found
        folder = Path(tempfile.mkdtemp(prefix="riskdesk-evidence-"))
        path = folder / (Path(name).name or "evidence")
        try:
            path.write_bytes(data)
        except OSError as exc:
            show_error(self, self.tr("Evidence file"), self.tr("Cannot save %1: %2").replace("%1", str(path))
                       .replace("%2", exc.strerror or str(exc)))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path
