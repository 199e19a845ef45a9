"""What every command module shares: opening the services, exit codes, output helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from riskdesk.bootstrap import Environment, StartOptions, open_services
from riskdesk.domain.model import Stage
from riskdesk.services import Services
from riskdesk.services.errors import InvalidInput

Handler = Callable[[argparse.Namespace, TextIO], int]
# argparse's sub-parser collection has no public type; registering functions take it as this.
SubParsers = Any

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


def options(args: argparse.Namespace) -> StartOptions:
    return StartOptions(getattr(args, "db", None), getattr(args, "catalog", None), getattr(args, "user", None))


@contextmanager
def opened(args: argparse.Namespace, *, actor_name: str | None = None, sign_in: bool = True) -> Iterator[Services]:
    """The services for one command, closed when it ends; warnings go to stderr.

    On a shared database the command signs in first (``--user`` / RISKDESK_USER, the password from
    RISKDESK_PASSWORD or a prompt); ``sign_in=False`` only for ``server init``, which makes the first account.
    """
    with open_services(options(args), actor_name=actor_name, ask_password=ask_password if sign_in else None) as svc:
        for warning in svc.warnings:
            print(f"riskdesk: 注意：{warning}", file=sys.stderr)
        yield svc


def ask_password(prompt: str) -> str:
    """A password typed at the terminal (not echoed); refused when there is no one to type it."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise InvalidInput("需要密码：请在终端中运行，或设置环境变量 RISKDESK_PASSWORD / RISKDESK_NEW_PASSWORD") from None


def new_password(env: Environment, whose: str) -> str:
    """A new password: RISKDESK_NEW_PASSWORD, else typed twice at a prompt."""
    if env.new_password:
        return env.new_password
    first = ask_password(f"{whose}的新密码：")
    if ask_password("再输入一次：") != first:
        raise InvalidInput("两次输入的密码不一致，未作修改")
    return first


def fail(message: str, status: int, label: str = "错误：") -> int:
    print(f"riskdesk: {label}{message}", file=sys.stderr)
    return status


def print_json(data: Any, out: TextIO, *, indent: int = 2) -> None:
    json.dump(data, out, ensure_ascii=False, indent=indent)
    out.write("\n")


def stage_arg(text: str) -> Stage:
    try:
        return Stage.parse(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def db_file(args: argparse.Namespace) -> Path | None:
    """The SQLite file the command works on (None for another back end or an unusable option)."""
    try:
        return options(args).database_file(Environment.read())
    except Exception:  # only used to word an error message; never hide the original error
        return None


def require_db_file(args: argparse.Namespace) -> Path:
    path = db_file(args)
    if path is None:
        if _on_server(args):
            raise InvalidInput("这是数据库服务器上的数据库：请用 pg_dump 备份、pg_restore 恢复（见 README 多人共用一节）；"
                               "riskdesk db backup/restore/check 只用于本机 SQLite 数据库文件")
        raise InvalidInput("只有本机数据库文件可以这样备份、恢复或检查")
    return path


def _on_server(args: argparse.Namespace) -> bool:
    try:
        url = options(args).database_url(Environment.read())
    except Exception:  # only used to word an error message
        return False
    return url.startswith("postgresql")
