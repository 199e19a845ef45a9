"""Writes small but valid catalogs for tests, independent of the shipped content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

STAGES = (("filing", "立案", "LA", "L"), ("trial", "审判", "SP", "S"), ("enforcement", "执行", "ZX", "Z"))


def stage_doc(stage: str, name: str, prefix: str, node_prefix: str, *, tweak: dict[str, Any] | None = None,
              drop: set[str] | None = None) -> dict[str, Any]:
    nodes = []
    for n in range(4):
        points = []
        for i in range(25):
            num = n * 25 + i + 1
            pid = f"{prefix}-{num:03d}"
            if drop and pid in drop:
                continue
            point = {
                "id": pid,
                "title": f"{name}测试风险点{num}",
                "severity": ("high", "medium", "low")[num % 3],
                "type": "程序",
                "applies_to": ["civil"],
                "risk": f"{name}第{num}项风险提示：未按规定办理导致程序违法。",
                "guidance": [f"核对第{num}项材料", "在卷宗中留存记录"],
                "basis": [{"law": "中华人民共和国民事诉讼法", "article": 100 + num}],
                "deadline": "七日" if num % 5 == 0 else None,
            }
            if point["deadline"] is None:
                del point["deadline"]
            if tweak and pid in tweak:
                point.update(tweak[pid])
            points.append(point)
        nodes.append({"id": f"{node_prefix}{n + 1:02d}", "name": f"{name}节点{n + 1}", "points": points})
    return {"stage": stage, "name": name, "nodes": nodes}


def write_catalog(directory: Path, version: str = "test-1", *, tweak: dict[str, Any] | None = None,
                  drop: set[str] | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for stage, name, prefix, node_prefix in STAGES:
        f = f"{stage}.yaml"
        files.append(f)
        doc = stage_doc(stage, name, prefix, node_prefix, tweak=tweak, drop=drop)
        (directory / f).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (directory / "catalog.yaml").write_text(
        yaml.safe_dump({"version": version, "stages": files}, allow_unicode=True), encoding="utf-8"
    )
    return directory
