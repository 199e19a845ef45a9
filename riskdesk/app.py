"""Composition root: parse arguments, open the database and services, start the CLI or the GUI.

Start-up order matters for speed: SQLAlchemy is imported before PySide6 (shiboken's import hook
slows every later import), and reportlab is imported only when a PDF is made.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riskdesk.services import Services


def database_url(db: str | None) -> str:
    from riskdesk.paths import default_db_path
    from riskdesk.storage.db import resolve_url

    return resolve_url(db, default_db_path())


def open_services(db: str | None, catalog: str | None, *, backups: bool = True) -> Services:
    from riskdesk.cli import catalog_dir_arg
    from riskdesk.services import Services

    return Services.open(database_url(db), catalog_dir_arg(catalog), backups=backups)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from riskdesk.cli import build_parser, run

    parsed, _rest = build_parser().parse_known_args(args)
    if parsed.command is None and not any(a in ("-h", "--help", "--version") for a in args):
        import sqlalchemy  # noqa: F401  - before PySide6: shiboken's import hook slows later imports

        from riskdesk.ui.launch import launch_gui

        # The window takes the day's backup in the background once it is shown (a big database
        # takes seconds to copy and check; start-up must not wait for it).
        return launch_gui(lambda: open_services(parsed.db, parsed.catalog, backups=False), parsed.lang)
    return run(args)
