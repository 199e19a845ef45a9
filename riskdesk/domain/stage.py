"""The three stages of a case: 立案, 审判, 执行."""

from __future__ import annotations

import enum


class Stage(enum.Enum):
    """The three stages of a case; the value is the catalog file's stage key."""

    FILING = "filing"
    TRIAL = "trial"
    ENFORCEMENT = "enforcement"

    @property
    def prefix(self) -> str:
        """Point-id prefix: LA-001 belongs to 立案, SP- to 审判, ZX- to 执行."""
        return _PREFIX[self]

    @property
    def label_zh(self) -> str:
        return _LABEL_ZH[self]

    @classmethod
    def from_point_id(cls, point_id: str) -> Stage:
        head = point_id.split("-", 1)[0].upper()
        for stage, prefix in _PREFIX.items():
            if prefix == head:
                return stage
        raise ValueError(f"风险点编号 {point_id!r} 无法识别：应以 LA-、SP- 或 ZX- 开头")

    @classmethod
    def parse(cls, text: str) -> Stage:
        key = text.strip().lower()
        for stage in cls:
            if key in (stage.value, stage.label_zh, stage.prefix.lower()):
                return stage
        raise ValueError(f"阶段 {text!r} 无法识别：应为 filing、trial 或 enforcement")


_PREFIX = {Stage.FILING: "LA", Stage.TRIAL: "SP", Stage.ENFORCEMENT: "ZX"}
_LABEL_ZH = {Stage.FILING: "立案", Stage.TRIAL: "审判", Stage.ENFORCEMENT: "执行"}
