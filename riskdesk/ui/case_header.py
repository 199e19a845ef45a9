"""Above the checklist: the open case, what kind of case it is, and its origin's open risks."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from riskdesk.domain.model import Case
from riskdesk.services.cases import OriginRisk
from riskdesk.ui.labels import stage_text

SHOWN_RISKS = 3  # the rest are counted; all of them are in the tooltip and the case report


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("caseHeader")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.origin = QLabel()
        self.origin.setObjectName("originRisks")
        self.origin.setTextFormat(Qt.TextFormat.RichText)
        self.origin.setWordWrap(True)
        self.origin.setStyleSheet("background:#fff3e0;color:#4e342e;padding:5px;border:1px solid #ffb74d")
        self.origin.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 2)
        lay.setSpacing(3)
        lay.addWidget(self.title)
        lay.addWidget(self.origin)

    def show_case(self, case: Case, origin_risks: list[OriginRisk]) -> None:
        self.title.setText(self._title_html(case))
        self._show_origin(case, origin_risks)

    def _title_html(self, case: Case) -> str:
        profile = case.profile
        parts = [f"<span style='font-size:15pt;font-weight:700'>{escape(case.case_no)}</span>",
                 f"<span style='color:#1f3a5f'>{escape(profile.describe())}</span>"]
        for label, value in ((self.tr("Cause"), case.cause), (self.tr("Parties"), case.parties),
                             (self.tr("Judge"), case.judge), (self.tr("Division"), case.department),
                             (self.tr("Filed"), case.filed_on.isoformat() if case.filed_on else "")):
            if value:
                parts.append(f"<span style='color:#455a64'>{escape(label)}：</span>{escape(value)}")
        html = "　　".join(parts)
        if not profile.stage_rule_known:
            note = self.tr("No stage rule for the type code %1: every stage is shown.").replace("%1", case.type_code)
            html += f"<br/><span style='color:#8d6e63'>{escape(note)}</span>"
        return html

    def _show_origin(self, case: Case, risks: list[OriginRisk]) -> None:
        if not case.origin:
            self.origin.hide()
            return
        if not risks:
            text = self.tr("Origin %1: no open risk recorded in this database.").replace("%1", case.origin)
            self.origin.setText(escape(text))
            self.origin.setToolTip("")
            self.origin.show()
            return
        head = self.tr("Origin %1 left %n risk(s) open:", "", len(risks)).replace("%1", case.origin)
        lines = [f"{escape(stage_text(r.stage))} {escape(r.point_id)}　{escape(r.note or '—')}" for r in risks]
        shown = lines[:SHOWN_RISKS]
        if len(lines) > SHOWN_RISKS:
            shown.append(escape(self.tr("… and %n more (see the tooltip or the case report)", "",
                                        len(lines) - SHOWN_RISKS)))
        self.origin.setText(f"<b>{escape(head)}</b><br/>" + "<br/>".join(shown))
        self.origin.setToolTip("\n".join(f"{stage_text(r.stage)} {r.point_id}  {r.note}" for r in risks))
        self.origin.show()
