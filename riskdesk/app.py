"""Composition root: parse arguments, open the database and services, start the CLI or the GUI.

Start-up order matters for speed: SQLAlchemy is imported before PySide6 (shiboken's import hook
slows every later import), and reportlab is imported only when a PDF is made.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riskdesk.services import Services


def database_url(db: str | None) -> str:
    from riskdesk.paths import default_db_path
    from riskdesk.storage.db import resolve_url

    return resolve_url(db, default_db_path)


def open_services(db: str | None, catalog: str | None, *, backups: bool = True) -> Services:
    from riskdesk.cli import catalog_dir_arg
    from riskdesk.services import Services

    return Services.open(database_url(db), catalog_dir_arg(catalog), backups=backups)


def gui_arguments(args: list[str]) -> argparse.Namespace | None:
    """The window's options when ``args`` asks for the window (no sub-command), else None.

    A small parser of its own: building the full command-line parser costs ~60 ms that the
    window's start-up does not need.
    """
    if any(a in ("-h", "--help", "--version") for a in args):
        return None
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--catalog", default=None)
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None)
    try:
        parsed, rest = parser.parse_known_args(args)
    except SystemExit:
        return None  # let the full parser explain the mistake
    return parsed if not rest else None


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    gui = gui_arguments(args)
    if gui is None:
        from riskdesk.cli import run

        return run(args)
    # No garbage collection until the window is painted: start-up makes ~70,000 objects that live
    # as long as the window (modules, Qt wrappers, the catalog), and collecting while they were
    # being made took ~140 passes and ~100 ms. launch_gui freezes them and turns collection back on.
    gc.disable()
    # Everything that does not need Qt is imported before PySide6: shiboken's import hook slows
    # every import that comes after it.
    import sqlalchemy  # noqa: F401

    opener = opened_ahead(lambda: open_warm(gui.db, gui.catalog))
    from riskdesk.ui.launch import launch_gui

    return launch_gui(opener, gui.lang)


def open_warm(db: str | None, catalog: str | None) -> Services:
    """The window's services with the catalog loaded and recorded, ready for the first checklist."""
    # No backup here: the window takes the day's backup in the background once it is shown (a big
    # database takes seconds to copy and check; start-up must not wait for it).
    services = open_services(db, catalog, backups=False)
    try:
        services.warm_up()
    except BaseException:
        services.close()
        raise
    return services


def opened_ahead(open_fn: Callable[[], Services]) -> Callable[[], Services]:
    """Run ``open_fn`` now, before PySide6 is imported, and hand its outcome to the window later.

    Whatever the database and catalog code imports on first use then loads before shiboken's
    import hook exists. The first call of the returned function gives that outcome (the services,
    or the error, raised for the window to explain); later calls, after a restore, open afresh.
    """
    outcome: list[Services | Exception] = []
    try:
        outcome.append(open_fn())
    except Exception as exc:  # noqa: BLE001 - every error is re-raised where the window handles it
        outcome.append(exc)

    def first_then_fresh() -> Services:
        if not outcome:
            return open_fn()
        result = outcome.pop()
        if isinstance(result, Exception):
            raise result
        return result

    return first_then_fresh
