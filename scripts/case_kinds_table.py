"""Prints the 类型代字 table of docs/case-kinds.md from riskdesk.domain.case_kind (a test keeps them equal).

Usage: python scripts/case_kinds_table.py > /tmp/table.md, then paste between the markers.
"""

from __future__ import annotations

from riskdesk.domain.case_kind import CASE_TYPES


def table() -> str:
    lines = ["| 类型代字 | 案件类别 | 程序 | 法律部门（匹配风险点的 applies_to） | 显示的环节 | 可选的程序 |",
             "|---|---|---|---|---|---|"]
    for t in CASE_TYPES.values():
        matter = t.matter.label_zh if t.matter else "由执行依据决定" if t.kind.value == "enforcement" else "—"
        stages = "、".join(s.label_zh for s in t.stages) if t.stages is not None else "全部（无规则）"
        tracks = "、".join(x.label_zh for x in t.tracks) or "—"
        lines.append(f"| {t.code} | {t.kind.label_zh} | {t.procedure.label_zh} | {matter} | {stages} | {tracks} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table())
