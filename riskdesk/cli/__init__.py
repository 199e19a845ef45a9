"""The ``riskdesk`` command line: every sub-command runs through the same services as the window.

No sub-command starts the window (see ``riskdesk.app``). Output is Chinese, like the interface;
``--json`` gives machine-readable output. One module per command group registers its parsers.

Exit status: 0 done; 1 refused or failed (the message says why); 2 input to correct (a malformed
案号, an unknown point, a missing ``--reason``), or a usage error.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from typing import TextIO

from riskdesk import __version__
from riskdesk.cli import accounts, cases, catalog, config, database, findings, pdf, report, review, signoff, stats
from riskdesk.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Handler, db_file, fail

GROUPS = (cases, review, signoff, findings, config, catalog, stats, database, pdf, report, accounts)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="riskdesk",
        description="RiskDesk 立审执风险防控清单。不带子命令时启动图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"RiskDesk {__version__}")
    # --db and --catalog are accepted before the sub-command and after it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help="数据库文件路径或 SQLAlchemy URL（默认：用户数据目录下的 riskdesk.db；也可用环境变量 RISKDESK_DB）")
    common.add_argument("--catalog", metavar="DIR", default=argparse.SUPPRESS,
                        help="风险点目录文件夹（默认：随程序提供的目录；也可用环境变量 RISKDESK_CATALOG）")
    common.add_argument("--user", metavar="LOGIN", default=argparse.SUPPRESS,
                        help="共享数据库的登录名（也可用环境变量 RISKDESK_USER）；密码取自环境变量 RISKDESK_PASSWORD，"
                             "否则在终端中提示输入")
    parser.add_argument("--db", metavar="PATH_OR_URL", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--catalog", metavar="DIR", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--user", metavar="LOGIN", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="界面语言（默认简体中文）")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub, common)
    return parser


def run(argv: Sequence[str], out: TextIO | None = None) -> int:
    """Run one sub-command; errors print one line to stderr and return a non-zero status."""
    from sqlalchemy.exc import DBAPIError

    from riskdesk.domain.errors import RiskDeskError
    from riskdesk.services.database_files import describe_failure

    stream = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(list(argv))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(stream)
        return EXIT_USAGE
    try:
        return handler(args, stream)
    except RiskDeskError as exc:
        return fail(str(exc), exc.exit_status, exc.label)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        # Whatever database failure escaped the services still gets one readable line, not a traceback.
        return fail(describe_failure(exc, db_file(args)), EXIT_FAILED)
    except BrokenPipeError:  # output piped into head and cut short: not an error
        return EXIT_OK
    except OSError as exc:
        return fail(f"{exc.strerror or exc}：{exc.filename or ''}", EXIT_FAILED)
    except Exception as exc:
        if type(exc).__module__.split(".")[0] != "psycopg":  # a server's driver error outside SQLAlchemy
            raise
        return fail(describe_failure(exc, None), EXIT_FAILED)
