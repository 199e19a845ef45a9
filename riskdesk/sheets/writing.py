"""Saving a workbook whole or not at all: the ledger and the statistics exports share it."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def save_workbook(wb: Any, path: Path) -> Path:
    """Write beside the target, then replace it: a reader (or Excel) never sees half a file, and a failed
    save leaves an earlier file as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return path
