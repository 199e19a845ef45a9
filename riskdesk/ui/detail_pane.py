"""The current point in full: 风险提示, 操作指引, 法律依据, 期限; status buttons and the note editor."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from riskdesk.domain.catalog import CitationKind
from riskdesk.domain.findings import Finding
from riskdesk.domain.model import Result, Status
from riskdesk.services import ChecklistItem
from riskdesk.ui.labels import (
    FINDING_STATE_COLOURS,
    OVERDUE_COLOUR,
    SEVERITY_COLOURS,
    applies_text,
    finding_state_text,
    overdue_text,
    severity_text,
    status_icon,
    status_text,
)

NOTE_SAVE_DELAY_MS = 700
STATUS_KEYS = {Status.CLEAR: "1", Status.RISK: "2", Status.NA: "3", Status.UNREVIEWED: "0"}


class DetailPane(QWidget):
    """Signals: status_chosen(Status); note_changed(str) after a pause in typing or on focus-out;
    leave_note() when Esc is pressed in the note editor."""

    status_chosen = Signal(object)
    note_changed = Signal(str)
    leave_note = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._read_only = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setObjectName("pointHeading")
        self.finding_line = self._finding_label()  # the point's 整改项, when it has one
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setAccessibleName(self.tr("Risk point details"))
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        row = self._status_buttons()
        self.note_label = QLabel(self.tr("Note (E to edit, Esc to return)"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("What was found, which document, what was done about it"))
        self.note.setTabChangesFocus(True)
        self.note.installEventFilter(self)
        self.note_state = QLabel()
        self.note_state.setObjectName("noteState")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._on_typed)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 4, 4, 4)
        lay.addWidget(self.heading)
        lay.addWidget(self.finding_line)
        lay.addWidget(self.body, 3)
        lay.addLayout(row)
        note_head = QHBoxLayout()
        note_head.addWidget(self.note_label)
        note_head.addStretch(1)
        note_head.addWidget(self.note_state)
        lay.addLayout(note_head)
        lay.addWidget(self.note, 1)
        self._saved_note = ""
        self._previous: Result | None = None
        self.show_item(None)

    def _status_buttons(self) -> QGridLayout:
        # Two by two, so the pane's minimum width does not squeeze the checklist beside it.
        row = QGridLayout()
        row.setSpacing(4)
        for i, status in enumerate((Status.CLEAR, Status.RISK, Status.NA, Status.UNREVIEWED)):
            b = QPushButton(status_icon(status), f"{status_text(status)}  [{STATUS_KEYS[status]}]")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setAccessibleName(status_text(status))
            b.setProperty("status", status.value)
            self.buttons.addButton(b)
            row.addWidget(b, i // 2, i % 2)
            b.clicked.connect(lambda _=False, s=status: self.status_chosen.emit(s))
        return row

    @staticmethod
    def _finding_label() -> QLabel:
        label = QLabel()
        label.setObjectName("findingLine")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setStyleSheet("background:#f3f6fb;padding:4px 6px;border:1px solid #c5d3e8")
        label.hide()
        return label

    # -- showing -----------------------------------------------------------------------------------
    def show_item(self, item: ChecklistItem | None, previous: Result | None = None) -> None:
        """Show ``item``; ``previous`` is its answer from before a catalog change, if it needs a fresh look."""
        self._previous = previous
        self._loading = True
        try:
            enabled = item is not None
            for b in self.buttons.buttons():
                b.setEnabled(enabled and not self._read_only)
            self.note.setEnabled(enabled)
            if item is None:
                prompt = self.tr("Select a risk point")
                self.heading.setText(f"<h3>{escape(prompt)}</h3>")
                self.body.clear()
                self.note.setPlainText("")
                self._saved_note = ""
                return
            self.heading.setText(self._heading_html(item))
            self.body.setHtml(self._body_html(item))
            self.set_status(item.result.status)
            if self.note.toPlainText() != item.result.note:
                self.note.setPlainText(item.result.note)
            self._saved_note = item.result.note
            self.note_state.setText("")
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        """Answers shown, not changed: the status buttons are off and the note cannot be edited."""
        self._read_only = read_only
        self.note.setReadOnly(read_only)
        for b in self.buttons.buttons():
            b.setEnabled(self.note.isEnabled() and not read_only)

    def show_findings(self, items: list[Finding]) -> None:
        """The 整改项 made from this point: an open one with its state and deadline (Z opens it)."""
        today = date.today()
        label = escape(self.tr("Rectification item"))
        hint = escape(self.tr("Z opens it"))
        lines = []
        for f in sorted(items, key=lambda f: (f.state.settled, -f.id)):
            state = f"<span style='color:{FINDING_STATE_COLOURS[f.state]};font-weight:600'>" \
                    f"{escape(finding_state_text(f.state))}</span>"
            line = f"<b>{label} {escape(f.no)}</b>　{state}"
            if not f.state.settled:
                due = escape(self.tr("deadline %1").replace("%1", f.current_due.isoformat()))
                if f.overdue(today):
                    due = f"<span style='color:{OVERDUE_COLOUR};font-weight:700'>{due}　" \
                          f"{escape(overdue_text(-f.days_left(today)))}</span>"
                line += f"　{due}　<span style='color:#616161'>{hint}</span>"
            lines.append(line)
        self.finding_line.setText("<br>".join(lines))
        self.finding_line.setVisible(bool(lines))

    def set_status(self, status: Status) -> None:
        for b in self.buttons.buttons():
            b.setChecked(b.property("status") == status.value)

    def _heading_html(self, item: ChecklistItem) -> str:
        p = item.point
        colour = SEVERITY_COLOURS[p.severity]
        sev = escape(severity_text(p.severity))
        level = escape(self.tr("Level"))
        kind = escape(self.tr("Type"))
        node = escape(self.tr("Process node"))
        return (
            f"<div style='font-size:15pt;font-weight:600'>{escape(p.id)}　{escape(p.title)}</div>"
            f"<div style='margin-top:4px'><span style='color:{colour};font-weight:700'>■ "
            f"{level}：{sev}</span>　　{node}：{escape(p.node_name)}　　{kind}：{escape(p.type.value)}</div>"
        )

    def _body_html(self, item: ChecklistItem) -> str:
        p = item.point
        h_risk = escape(self.tr("Risk warning"))
        h_guide = escape(self.tr("Operating guidance"))
        h_basis = escape(self.tr("Legal basis"))
        policy = escape(self.tr(" (policy document)"))
        parts = [f"<h4>{h_risk}</h4><p>{escape(p.risk)}</p>"]
        steps = "".join(f"<li>{escape(s)}</li>" for s in p.guidance)
        parts.append(f"<h4>{h_guide}</h4><ol style='margin-left:-20px'>{steps}</ol>")
        basis = "".join(f"<li>{escape(c.label())}{policy if c.kind is CitationKind.POLICY else ''}</li>" for c in p.basis)
        parts.append(f"<h4>{h_basis}</h4><ul style='margin-left:-20px'>{basis}</ul>")
        facts = []
        if p.deadline:
            limit = escape(self.tr("Time limit"))
            facts.append(f"<b>{limit}：</b>{escape(p.deadline)}")
        applies = "、".join(applies_text(a) for a in p.applies_to)
        applies_label = escape(self.tr("Applies to"))
        facts.append(f"<b>{applies_label}：</b>{escape(applies)}")
        parts.append("<p>" + "　　".join(facts) + "</p>")
        if p.local_practice or p.note:
            label = self.tr("Local practice") if p.local_practice else self.tr("Remark")
            parts.append(f"<p style='color:#6d4c41'><b>{escape(label)}：</b>{escape(p.note)}</p>")
        before = self._previous
        if before is not None:
            when = before.updated_at.strftime("%Y-%m-%d") if before.updated_at else ""
            label = escape(self.tr("Changed in the new catalog — answer again. Before the change"))
            note = f"（{escape(before.note)}）" if before.note else ""
            parts.insert(0, f"<p style='background:#fff8e1;color:#5d4037;padding:4px'><b>{label}：</b>"
                            f"{escape(status_text(before.status))}{note}　{escape(when)} {escape(before.updated_by)}</p>")
        r = item.result
        if r.updated_at is not None:
            when = r.updated_at.strftime("%Y-%m-%d %H:%M")
            changed = escape(self.tr("Last changed"))
            parts.append(f"<p style='color:#616161'>{changed}：{escape(when)}　{escape(r.updated_by)}</p>")
        return "".join(parts)

    # -- note editing ------------------------------------------------------------------------------
    def _on_typed(self) -> None:
        if self._loading:
            return
        self.note_state.setText(self.tr("Typing…"))
        self._timer.start()

    def flush_note(self) -> None:
        """Hand a changed note to the owner now (pause in typing, focus-out, point change, close)."""
        self._timer.stop()
        text = self.note.toPlainText()
        if text != self._saved_note and self.note.isEnabled() and not self._read_only:
            self.note_changed.emit(text)

    def note_saved(self, text: str, when: str) -> None:
        self._saved_note = text
        self.note_state.setStyleSheet("color:#2e7d32")
        self.note_state.setText(self.tr("Saved %1").replace("%1", when))

    def note_failed(self, message: str) -> None:
        self.note_state.setStyleSheet("color:#c62828;font-weight:600")
        self.note_state.setText(self.tr("NOT saved — the text stays here; retrying"))
        self.note_state.setToolTip(message)

    def keep_unsaved_note(self, text: str) -> None:
        """Show ``text`` without starting the save timer (after a refused save)."""
        self._loading = True
        try:
            self.note.setPlainText(text)
        finally:
            self._loading = False
        self.note_state.setStyleSheet("color:#c62828;font-weight:600")
        self.note_state.setText(self.tr("NOT saved"))

    @property
    def note_pending(self) -> bool:
        return self.note.toPlainText() != self._saved_note

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note:
            if event.type() == QEvent.Type.FocusOut:
                self.flush_note()
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.key() == Qt.Key.Key_Escape:
                    self.flush_note()
                    self.leave_note.emit()
                    return True
        return super().eventFilter(watched, event)
