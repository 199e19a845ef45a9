"""Display texts and icons for domain values. The domain stays language-free; the UI translates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from riskdesk.domain.case_kind import Matter
from riskdesk.domain.findings import FindingAction, FindingState
from riskdesk.domain.model import Severity, Stage, Status
from riskdesk.domain.people import Role

# Severity colours follow court practice (红/黄/蓝); text always accompanies them.
SEVERITY_COLOURS = {Severity.HIGH: "#c62828", Severity.MEDIUM: "#b26a00", Severity.LOW: "#1565c0"}
STATUS_COLOURS = {Status.UNREVIEWED: "#757575", Status.CLEAR: "#2e7d32", Status.RISK: "#c62828", Status.NA: "#546e7a",
                  Status.SETTLED: "#b0bec5"}


# 整改项 states: red while work is due, amber while waiting for 销号, green when closed, grey when dismissed.
FINDING_STATE_COLOURS = {FindingState.OPEN: "#c62828", FindingState.IN_PROGRESS: "#b26a00",
                         FindingState.PENDING_CLOSE: "#1565c0", FindingState.CLOSED: "#2e7d32",
                         FindingState.DISMISSED: "#757575"}
OVERDUE_COLOUR = "#c62828"


def finding_state_text(state: FindingState) -> str:
    return {
        FindingState.OPEN: QCoreApplication.translate("FindingState", "To rectify"),
        FindingState.IN_PROGRESS: QCoreApplication.translate("FindingState", "In progress"),
        FindingState.PENDING_CLOSE: QCoreApplication.translate("FindingState", "Waiting for closing"),
        FindingState.CLOSED: QCoreApplication.translate("FindingState", "Closed"),
        FindingState.DISMISSED: QCoreApplication.translate("FindingState", "No rectification needed"),
    }[state]


def finding_action_text(action: FindingAction) -> str:
    return {
        FindingAction.CREATE: QCoreApplication.translate("FindingAction", "Created"),
        FindingAction.UPDATE: QCoreApplication.translate("FindingAction", "Changed"),
        FindingAction.PROGRESS: QCoreApplication.translate("FindingAction", "Progress"),
        FindingAction.EVIDENCE: QCoreApplication.translate("FindingAction", "Evidence added"),
        FindingAction.EXTEND: QCoreApplication.translate("FindingAction", "Deadline extended"),
        FindingAction.SEVERITY: QCoreApplication.translate("FindingAction", "Level changed"),
        FindingAction.APPLY: QCoreApplication.translate("FindingAction", "Applied for closing"),
        FindingAction.CLOSE: QCoreApplication.translate("FindingAction", "Closing approved"),
        FindingAction.RETURN: QCoreApplication.translate("FindingAction", "Application returned"),
        FindingAction.DISMISS: QCoreApplication.translate("FindingAction", "No rectification needed"),
        FindingAction.REOPEN: QCoreApplication.translate("FindingAction", "Reopened"),
    }[action]


def overdue_text(days: int) -> str:
    return QCoreApplication.translate("Labels", "%n day(s) overdue", "", days)


def status_text(status: Status) -> str:
    return {
        Status.UNREVIEWED: QCoreApplication.translate("Labels", "Unreviewed"),
        Status.CLEAR: QCoreApplication.translate("Labels", "No risk"),
        Status.RISK: QCoreApplication.translate("Labels", "Risk found"),
        Status.NA: QCoreApplication.translate("Labels", "Not applicable"),
        Status.SETTLED: QCoreApplication.translate("Labels", "Not applicable (case type)"),
    }[status]


def severity_text(severity: Severity) -> str:
    return {Severity.HIGH: QCoreApplication.translate("Labels", "High"), Severity.MEDIUM: QCoreApplication.translate("Labels", "Medium"), Severity.LOW: QCoreApplication.translate("Labels", "Low")}[severity]


def stage_text(stage: Stage) -> str:
    return {Stage.FILING: QCoreApplication.translate("Labels", "Filing"), Stage.TRIAL: QCoreApplication.translate("Labels", "Trial"), Stage.ENFORCEMENT: QCoreApplication.translate("Labels", "Enforcement")}[stage]


def role_text(role: Role) -> str:
    return {
        Role.ASSISTANT: QCoreApplication.translate("Labels", "Judge's assistant / clerk"),
        Role.JUDGE: QCoreApplication.translate("Labels", "Judge in charge"),
        Role.DIVISION_HEAD: QCoreApplication.translate("Labels", "Division head"),
        Role.MANAGEMENT: QCoreApplication.translate("Labels", "Case management office"),
        Role.ADMIN: QCoreApplication.translate("Labels", "IT administrator"),
    }[role]


def applies_text(matter: Matter) -> str:
    return {
        Matter.CIVIL: QCoreApplication.translate("Labels", "Civil"),
        Matter.CRIMINAL: QCoreApplication.translate("Labels", "Criminal"),
        Matter.ADMINISTRATIVE: QCoreApplication.translate("Labels", "Administrative"),
    }[matter]


_ICON_CACHE: dict[Status, QIcon] = {}


def status_icon(status: Status) -> QIcon:
    """Drawn, not loaded: a coloured disc with a mark, so status never rests on colour alone."""
    if status in _ICON_CACHE:
        return _ICON_CACHE[status]
    size = 32
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status])
    rect = QRectF(3, 3, size - 6, size - 6)
    if status is Status.UNREVIEWED:
        p.setPen(QPen(colour, 3))
        p.drawEllipse(rect)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(rect)
        p.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if status is Status.CLEAR:
            path = QPainterPath(QPointF(10, 16.5))
            path.lineTo(14.5, 21)
            path.lineTo(22.5, 11.5)
            p.drawPath(path)
        elif status is Status.RISK:
            p.drawLine(QPointF(16, 9), QPointF(16, 18))
            p.drawPoint(QPointF(16, 23))
        elif status is Status.NA:
            p.drawLine(QPointF(10, 16), QPointF(22, 16))
        else:  # settled by case type: a thin dash on a pale disc, set aside rather than answered
            p.setPen(QPen(QColor("white"), 2, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(10, 16), QPointF(22, 16))
    p.end()
    icon = QIcon(pix)
    _ICON_CACHE[status] = icon
    return icon
