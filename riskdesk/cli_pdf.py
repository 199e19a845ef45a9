"""``riskdesk pdf …``: guidance sheets, blank paper checklists and case reports."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Placeholder until the PDF work lands."""
