"""打印 / 导出: pick documents, then save them, open them in the PDF viewer, or print them.

The database is read on the GUI thread (fast); rendering runs on a worker thread with a progress
dialog, so making all three guidance sheets never freezes the window.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.errors import RiskDeskError
from riskdesk.domain.model import Case, Stage
from riskdesk.services import Services
from riskdesk.services.report_service import Document
from riskdesk.ui.labels import stage_text
from riskdesk.ui.printing import print_pdfs


class _Signals(QObject):
    done = Signal(int, bytes)
    failed = Signal(str)
    finished = Signal()


class _RenderTask(QRunnable):
    def __init__(self, docs: list[Document]) -> None:
        super().__init__()
        self.docs = docs
        self.signals = _Signals()
        self.cancelled = False

    def run(self) -> None:
        try:
            for i, doc in enumerate(self.docs):
                if self.cancelled:
                    return
                try:
                    data = doc.render()
                except Exception as exc:  # noqa: BLE001 - reported to the user, never swallowed
                    self.signals.failed.emit(f"{doc.file_name}: {exc}")
                    return
                self.signals.done.emit(i, data)
        finally:
            self.signals.finished.emit()


class PrintDialog(QDialog):
    CHOICES = ("guidance", "guidance_all", "blank", "case")

    def __init__(self, services: Services, case: Case | None, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._case = case
        self._stage = stage
        self.results: list[tuple[Document, bytes]] = []
        self.setWindowTitle(self.tr("Print / Export"))
        self.setMinimumWidth(460)
        st = stage_text(stage)
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Which document?")))
        labels = {
            "guidance": self.tr("Risk warnings and operating guidance — %1").replace("%1", st),
            "guidance_all": self.tr("Risk warnings and operating guidance — all three stages"),
            "blank": self.tr("Blank paper checklist — %1").replace("%1", st),
            "case": self.tr("Checklist report of this case (all stages started)"),
        }
        for i, key in enumerate(self.CHOICES):
            radio = QRadioButton(labels[key])
            radio.setProperty("choice", key)
            self.group.addButton(radio, i)
            lay.addWidget(radio)
        case_radio = self.group.button(self.CHOICES.index("case"))
        case_radio.setEnabled(case is not None)
        (case_radio if case is not None else self.group.button(0)).setChecked(True)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.print_button = QPushButton(self.tr("Print…"))
        close = QPushButton(self.tr("Close"))
        for b in (self.save_button, self.open_button, self.print_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(close)
        lay.addLayout(row)
        self.save_button.clicked.connect(lambda: self.run("save"))
        self.open_button.clicked.connect(lambda: self.run("open"))
        self.print_button.clicked.connect(lambda: self.run("print"))
        close.clicked.connect(self.reject)
        self.save_button.setDefault(True)

    def choice(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("choice")) if button is not None else self.CHOICES[0]

    # -- which documents -------------------------------------------------------------------------
    def documents(self) -> list[Document]:
        """Read what the chosen documents need now, on this thread."""
        reports = self._services.reports
        key = self.choice()
        if key == "guidance":
            return [reports.guidance_document(self._stage)]
        if key == "guidance_all":
            return [reports.guidance_document(st) for st in Stage]
        if key == "blank":
            return [reports.blank_document(self._stage)]
        assert self._case is not None
        return [reports.case_document(self._case.case_no)]

    # -- running ---------------------------------------------------------------------------------
    def run(self, action: str, target: Path | None = None) -> bool:
        """Render the chosen documents, then save / open / print them. ``target`` skips the file dialog."""
        try:
            docs = self.documents()
        except RiskDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot print"), str(exc))
            return False
        if action == "save" and target is None:
            target = self._ask_target(docs)
            if target is None:
                return False
        if not self._render(docs):
            return False
        try:
            if action == "save":
                assert target is not None
                self._save(target)
            elif action == "open":
                self._open()
            else:
                print_pdfs([data for _, data in self.results], self)
        except (RiskDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return False
        return True

    def _ask_target(self, docs: list[Document]) -> Path | None:
        start = str(Path.home() / docs[0].file_name)
        if len(docs) == 1:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), start, "PDF (*.pdf)")
            return Path(name) if name else None
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save the PDFs into"), str(Path.home()))
        return Path(folder) if folder else None

    def _render(self, docs: list[Document]) -> bool:
        self.results = []
        progress = QProgressDialog(self.tr("Making the PDF…"), self.tr("Cancel"), 0, len(docs), self)
        progress.setWindowTitle(self.tr("Print / Export"))
        progress.setMinimumDuration(300)
        progress.setValue(0)
        task = _RenderTask(docs)
        task.setAutoDelete(False)
        errors: list[str] = []
        got: dict[int, bytes] = {}

        def on_done(i: int, data: bytes) -> None:
            got[i] = data
            progress.setValue(len(got))

        def on_failed(message: str) -> None:
            errors.append(message)
            progress.cancel()

        task.signals.done.connect(on_done)
        task.signals.failed.connect(on_failed)
        loop = QEventLoop()
        task.signals.finished.connect(loop.quit)

        def on_cancel() -> None:
            task.cancelled = True  # the document being made finishes on its own; nothing is saved
            loop.quit()

        progress.canceled.connect(on_cancel)
        self._task = task  # the worker must outlive this call if the user cancels
        QThreadPool.globalInstance().start(task)
        loop.exec()
        progress.close()
        if errors:
            QMessageBox.warning(self, self.tr("Cannot print"), errors[0])
            return False
        if len(got) < len(docs):
            return False
        self.results = [(docs[i], got[i]) for i in range(len(docs))]
        return True

    def _save(self, target: Path) -> None:
        reports = self._services.reports
        saved = []
        for doc, data in self.results:
            path = target / doc.file_name if target.is_dir() else target
            saved.append(reports.write(path, data))
        self.saved_paths = saved

    def _open(self) -> None:
        folder = Path(tempfile.mkdtemp(prefix="riskdesk-"))
        for doc, data in self.results:
            path = self._services.reports.write(folder / doc.file_name, data)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
