"""One stage of one case: filters, the checklist tree, the detail pane, and saving every answer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.model import Result, Severity, StageCounts, Status
from riskdesk.services import ChecklistView, Services
from riskdesk.services.errors import ServiceError, StaleResult
from riskdesk.storage.db import DatabaseError
from riskdesk.ui.checklist_tree import ChecklistTree
from riskdesk.ui.detail_pane import DetailPane
from riskdesk.ui.labels import severity_text, status_text
from riskdesk.ui.models.checklist_model import ChecklistModel, PointIdRole

if TYPE_CHECKING:
    from riskdesk.ui.models.checklist_filter import ChecklistFilterProxy

NOTE_RETRY_MS = 5000


class ChecklistPanel(QWidget):
    """Signals: saved(str) with the time of the last save; changed() after any saved answer;
    back_to_list() when the reviewer presses Esc in the checklist."""

    saved = Signal(str)
    changed = Signal()
    back_to_list = Signal()
    upgrade_requested = Signal()

    def __init__(self, services: Services, reviewer: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._reviewer = reviewer
        self._view: ChecklistView | None = None
        self._current_point = ""
        self._retry: Callable[[], None] | None = None
        self.model = ChecklistModel(self)
        self._proxy: ChecklistFilterProxy | None = None
        self.tree = ChecklistTree()
        self.tree.setModel(self.model)
        self.tree.configure_columns()
        self.detail = DetailPane()
        self._build_filters()
        self._build_bars()
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(NOTE_RETRY_MS)
        self._retry_timer.timeout.connect(self._run_retry)

        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        self._split_sized = False
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 11)
        split.setStretchFactor(1, 9)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.filter_row)
        lay.addWidget(self.upgrade_bar)
        lay.addWidget(self.error_bar)
        lay.addWidget(self.complete_bar)
        lay.addWidget(split, 1)

        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.tree.status_key.connect(self.apply_status)
        self.tree.next_unreviewed.connect(self.go_next_unreviewed)
        self.tree.edit_note.connect(self.focus_note)
        self.tree.back_to_list.connect(self.back_to_list)
        self.detail.status_chosen.connect(self.apply_status)
        self.detail.note_changed.connect(self._save_note)
        self.detail.leave_note.connect(self.tree.setFocus)

    # -- filters -----------------------------------------------------------------------------------
    @property
    def proxy(self) -> ChecklistFilterProxy:
        """The filter model, made when a filter is first used: until then the tree shows the model
        itself, and start-up need not build the proxy's Qt class."""
        if self._proxy is None:
            from riskdesk.ui.models.checklist_filter import ChecklistFilterProxy

            self._proxy = ChecklistFilterProxy(self)
            self._proxy.setSourceModel(self.model)
        return self._proxy

    def _build_bars(self) -> None:
        """Banners above the checklist: save failures, a newer catalog, a finished stage."""
        self.error_bar = QLabel()
        self.error_bar.setObjectName("errorBar")
        self.error_bar.setWordWrap(True)
        self.error_bar.setStyleSheet("background:#ffebee;color:#b71c1c;padding:6px;border:1px solid #e57373")
        self.error_bar.hide()
        self.upgrade_bar = QPushButton()
        self.upgrade_bar.setStyleSheet("background:#fff8e1;color:#5d4037;padding:6px;text-align:left")
        self.upgrade_bar.hide()
        self.upgrade_bar.clicked.connect(self.upgrade_requested)
        self.complete_bar = QLabel()
        self.complete_bar.setObjectName("completeBar")
        self.complete_bar.setStyleSheet("background:#e8f5e9;color:#1b5e20;padding:6px;border:1px solid #81c784")
        self.complete_bar.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_sized:
            # Only now is the real width known: give the checklist a little more than the details.
            self._split_sized = True
            width = max(self.split.width(), 600)
            self.split.setSizes([int(width * 0.56), width - int(width * 0.56)])

    def _build_filters(self) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filter by status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for st in (Status.UNREVIEWED, Status.RISK, Status.CLEAR, Status.NA):
            self.status_filter.addItem(self.tr("Only: %1").replace("%1", status_text(st)), st)
        self.severity_filter = QComboBox()
        self.severity_filter.setAccessibleName(self.tr("Filter by level"))
        self.severity_filter.addItem(self.tr("All levels"), None)
        for sev in Severity:
            self.severity_filter.addItem(self.tr("Level: %1").replace("%1", severity_text(sev)), sev)
        self.node_filter = QComboBox()
        self.node_filter.setAccessibleName(self.tr("Filter by process node"))
        self.node_filter.setMinimumContentsLength(10)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Search this checklist (number, words, note)"))
        self.text_filter.setAccessibleName(self.tr("Search this checklist"))
        self.text_filter.setClearButtonEnabled(True)
        clear = QPushButton(self.tr("Show all"))
        clear.clicked.connect(self.clear_filters)
        self.filter_row = QHBoxLayout()
        for w in (self.status_filter, self.severity_filter, self.node_filter):
            self.filter_row.addWidget(w)
        self.filter_row.addWidget(self.text_filter, 1)
        self.filter_row.addWidget(clear)
        self.status_filter.currentIndexChanged.connect(self._filters_changed)
        self.severity_filter.currentIndexChanged.connect(self._filters_changed)
        self.node_filter.currentIndexChanged.connect(self._filters_changed)
        self.text_filter.textChanged.connect(self._filters_changed)

    def _filters_changed(self) -> None:
        self._apply_filters()
        if not self._select_point(self._current_point):
            self._select_first()

    def _apply_filters(self) -> None:
        """Give the proxy what the filter widgets show, and show the tree through it only if one is on."""
        st = self.status_filter.currentData()
        sev = self.severity_filter.currentData()
        self.proxy.set_filters(
            statuses=frozenset({st}) if st is not None else frozenset(),
            severities=frozenset({sev}) if sev is not None else frozenset(),
            node=self.node_filter.currentData() or "",
            text=self.text_filter.text(),
        )
        self._show(self.proxy if self.proxy.active else self.model)
        self.tree.span_node_rows()

    def clear_filters(self) -> None:
        for combo in (self.status_filter, self.severity_filter, self.node_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self._filters_changed()

    def _show(self, model: ChecklistModel | ChecklistFilterProxy) -> None:
        """The tree shows the model itself unless a filter is on: going through the proxy for every
        cell of every paint doubled the cost of drawing the checklist."""
        if self.tree.model() is model:
            return
        self.tree.selectionModel().currentRowChanged.disconnect(self._on_current_changed)
        self.tree.setModel(model)
        self.tree.configure_columns()
        self.tree.fit_columns()
        self.tree.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def _to_source(self, index: QModelIndex) -> QModelIndex:
        proxy = self._proxy
        return proxy.mapToSource(index) if proxy is not None and index.model() is proxy else index

    def _from_source(self, index: QModelIndex) -> QModelIndex:
        proxy = self._proxy
        return proxy.mapFromSource(index) if proxy is not None and self.tree.model() is proxy else index

    # -- loading -----------------------------------------------------------------------------------
    def load(self, view: ChecklistView, point_id: str = "") -> None:
        self.flush()
        self._view = view
        if self.model.set_view(view):
            self._rows_rebuilt()
        elif self._proxy is not None and self._proxy.active:
            self._proxy.invalidate()  # the same rows, but answers decide what a status filter shows
            self.tree.span_node_rows()
        self._show_upgrade(view)
        self.error_bar.hide()
        self._show_complete()
        self._current_point = ""
        if not (point_id and self._select_point(point_id)):
            self._select_first()

    def _rows_rebuilt(self) -> None:
        self.node_filter.blockSignals(True)
        self.node_filter.clear()
        self.node_filter.addItem(self.tr("All process nodes"), "")
        for node_id, name in self.model.nodes():
            self.node_filter.addItem(f"{node_id} {name}", node_id)
        self.node_filter.blockSignals(False)
        if self._proxy is not None:
            # Another stage has other nodes: the node list went back to "all", and so must the proxy.
            self._apply_filters()  # spans the node rows too
        else:
            self.tree.span_node_rows()
        self.tree.fit_columns()

    def _show_upgrade(self, view: ChecklistView) -> None:
        if view.upgrade_available:
            self.upgrade_bar.setText(
                self.tr("A newer catalog is available: %1 point(s) changed. Answers to unchanged points carry over. "
                        "Click to upgrade this checklist.").replace("%1", str(len(view.changed_points)))
            )
            self.upgrade_bar.show()
        else:
            self.upgrade_bar.hide()

    def counts(self) -> StageCounts:
        return StageCounts.of(it.result.status for it in self.model.items())

    @property
    def view(self) -> ChecklistView | None:
        return self._view

    def current_point(self) -> str:
        return self._current_point

    # -- navigation --------------------------------------------------------------------------------
    def _visible_points(self) -> list[QModelIndex]:
        out = []
        shown = self.tree.model()
        for n in range(shown.rowCount()):
            parent = shown.index(n, 0)
            for r in range(shown.rowCount(parent)):
                out.append(shown.index(r, 0, parent))
        return out

    def _select(self, index: QModelIndex) -> None:
        sel = self.tree.selectionModel()
        sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                            | QItemSelectionModel.SelectionFlag.Rows)
        self.tree.scrollTo(index)

    def _select_point(self, point_id: str) -> bool:
        if not point_id:
            return False
        src = self.model.index_of_point(point_id)
        idx = self._from_source(src)
        if not idx.isValid():
            return False
        self._select(idx)
        return True

    def _select_first(self) -> None:
        points = self._visible_points()
        if points:
            self._select(points[0])
        else:
            self.detail.show_item(None)
            self._current_point = ""

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if ChecklistModel.is_node(current):
            # A node header: step onto its first point so keys always act on a point.
            child = self.tree.model().index(0, 0, current.siblingAtColumn(0))
            if child.isValid():
                # By id, not by index: the filter may change before the timer fires.
                point_id = str(child.data(PointIdRole))
                QTimer.singleShot(0, lambda: self._select_point(point_id))
            return
        self.detail.flush_note()
        item = self.model.checklist_item(self._to_source(current)) if current.isValid() else None
        self._current_point = item.point.id if item else ""
        self.detail.show_item(item, self.model.previous(item.point.id) if item else None)

    def go_next(self) -> None:
        points = self._visible_points()
        ids = [p.data(PointIdRole) for p in points]
        if self._current_point in ids:
            i = ids.index(self._current_point)
            if i + 1 < len(points):
                self._select(points[i + 1])

    def go_next_unreviewed(self) -> None:
        points = self._visible_points()
        ids = [p.data(PointIdRole) for p in points]
        start = ids.index(self._current_point) + 1 if self._current_point in ids else 0
        for p in points[start:] + points[:start]:
            it = self.model.checklist_item(self._to_source(p))
            if it is not None and it.result.status is Status.UNREVIEWED:
                self._select(p)
                return

    def focus_note(self) -> None:
        if self._current_point:
            self.detail.note.setFocus()
            self.detail.note.moveCursor(self.detail.note.textCursor().MoveOperation.End)

    # -- saving ------------------------------------------------------------------------------------
    def apply_status(self, status: Status) -> None:
        item = self.model.checklist_item(self._to_source(self.tree.currentIndex()))
        if item is None or self._view is None:
            return
        self.detail.flush_note()
        item = self.model.checklist_item(self._to_source(self.tree.currentIndex())) or item
        cl, pid = self._view.info.id, item.point.id

        def save() -> Result:
            return self._services.review.set_status(cl, pid, status, self._reviewer(),
                                                    expected_revision=item.result.revision)

        result = self._attempt(save, self.tr("%1 → %2 was NOT saved").replace("%1", pid)
                               .replace("%2", status_text(status)))
        if result is None:
            self.detail.set_status(item.result.status)
            return
        self._after_save(result)
        if self._current_point == pid:
            self.go_next()

    def _save_note(self, text: str) -> None:
        item = self.model.checklist_item(self._to_source(self.tree.currentIndex()))
        if item is None or self._view is None:
            return
        cl, pid, rev = self._view.info.id, item.point.id, item.result.revision

        def save() -> Result:
            return self._services.review.set_note(cl, pid, text, self._reviewer(), expected_revision=rev)

        result = self._attempt(save, self.tr("The note of %1 was NOT saved").replace("%1", pid), retry_note=True)
        if result is not None:
            self._after_save(result)
            self.detail.note_saved(text, datetime.now().strftime("%H:%M:%S"))

    def _attempt(self, save: Callable[[], Result], what: str, *, retry_note: bool = False) -> Result | None:
        try:
            result = save()
        except StaleResult as exc:
            self._show_error(f"{what}: {exc}")
            self._reload_keeping_position()
            return None
        except (ServiceError, DatabaseError) as exc:
            self._show_error(f"{what}: {exc}")
            if retry_note:
                self.detail.note_failed(str(exc))
                self._retry = self.detail.flush_note
                self._retry_timer.start()
            return None
        self.error_bar.hide()
        self._retry_timer.stop()
        self._retry = None
        return result

    def _run_retry(self) -> None:
        if self._retry is not None and self.detail.note_pending:
            self._retry()
        else:
            self._retry_timer.stop()

    def _after_save(self, result: Result) -> None:
        self.model.update_result(result)
        idx = self.tree.currentIndex()
        item = self.model.checklist_item(self._to_source(idx))
        if item is not None and item.point.id == result.point_id:
            self.detail.set_status(result.status)
        self.saved.emit(datetime.now().strftime("%H:%M:%S"))
        self._show_complete()
        self.changed.emit()

    def _show_complete(self) -> None:
        counts = self.counts()
        if counts.complete:
            self.complete_bar.setText(
                self.tr("All %1 points of this stage are reviewed: %2 risk(s) found, %3 not applicable.")
                .replace("%1", str(counts.total)).replace("%2", str(counts.risk)).replace("%3", str(counts.na))
            )
        self.complete_bar.setVisible(counts.complete)

    def _show_error(self, message: str) -> None:
        self.error_bar.setText(message)
        self.error_bar.show()

    def _reload_keeping_position(self) -> None:
        if self._view is None:
            return
        pid = self._current_point
        view = self._services.review.open(self._view.info.case_id, self._view.info.stage)
        text = self.detail.note.toPlainText()
        self.load(view, pid)
        if text != self.detail.note.toPlainText():
            # Keep what the reviewer typed on screen, unsaved: it is theirs until they decide.
            self.detail.keep_unsaved_note(text)

    def flush(self) -> None:
        """Save anything typed but not yet saved (switching case or stage, closing the window)."""
        self.detail.flush_note()
