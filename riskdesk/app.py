"""Composition root: read the options, then run a sub-command or start the window.

Start-up order matters for speed: SQLAlchemy is imported before PySide6 (shiboken's import hook
slows every later import), and reportlab is imported only when a PDF is made.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from riskdesk.services import Services

EXIT_NO_DISPLAY = 2
# Qt platforms that draw without a screen; any other needs an X11 or Wayland display on Linux.
_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "vkkhrdisplay", "eglfs", "linuxfb")


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
    parser.add_argument("--user", default=None)
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None)
    try:
        parsed, rest = parser.parse_known_args(args)
    except SystemExit:
        return None  # let the full parser explain the mistake
    return parsed if not rest else None


def display_missing(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt would find no screen to open a window on (an SSH session, a service account).

    Qt aborts the process with a core dump then; RiskDesk says so in one line before Qt loads.
    Windows and macOS always have their own platform plugin.
    """
    env = os.environ if environ is None else environ
    if (platform or sys.platform) in ("win32", "darwin"):
        return False
    qpa = env.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if qpa in _HEADLESS_PLATFORMS:
        return False
    if qpa.startswith("wayland"):
        return not env.get("WAYLAND_DISPLAY")
    if qpa == "xcb":
        return not env.get("DISPLAY")
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    gui = gui_arguments(args)
    if gui is None:
        from riskdesk.cli import run

        return run(args)
    if display_missing():
        print("riskdesk: 没有找到图形显示环境（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开窗口。"
              "命令行用法见 riskdesk --help。 / No graphical display found; `riskdesk --help` lists the commands.",
              file=sys.stderr)
        return EXIT_NO_DISPLAY
    # No garbage collection until the window is painted: start-up makes ~70,000 objects that live
    # as long as the window (modules, Qt wrappers, the catalog), and collecting while they were
    # being made took ~140 passes and ~100 ms. launch_gui freezes them and turns collection back on.
    gc.disable()
    # Everything that does not need Qt is imported before PySide6: shiboken's import hook slows
    # every import that comes after it.
    import sqlalchemy  # noqa: F401

    from riskdesk.bootstrap import Environment, StartOptions, open_warm

    start = StartOptions(gui.db, gui.catalog)
    opener = opened_ahead(lambda: open_warm(start))
    from riskdesk.ui.launch import launch_gui

    # On a shared database the login dialog opens with --user (or RISKDESK_USER) filled in.
    return launch_gui(opener, gui.lang, gui.user or Environment.read().user)


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
