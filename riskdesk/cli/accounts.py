"""``riskdesk server init``, ``riskdesk user …`` and ``riskdesk dept …``: accounts of a shared database.

A password is never taken as an argument (it would stay in the shell's history and show in the
process list): it comes from RISKDESK_PASSWORD / RISKDESK_NEW_PASSWORD or is typed at a prompt.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any, TextIO

from riskdesk.bootstrap import Environment, open_services
from riskdesk.cli.common import EXIT_OK, SubParsers, ask_password, new_password, opened, options, print_json
from riskdesk.domain.people import Account, Role
from riskdesk.services import Action
from riskdesk.services.accounts import ALREADY_SHARED, NO_ACCOUNTS
from riskdesk.services.errors import InvalidInput, PermissionDenied

_ROLES = "、".join(f"{r.value}（{r.label_zh}）" for r in Role)


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    server = sub.add_parser("server", help="共享数据库：初始化（创建第一个管理员）",
                            parents=[common]).add_subparsers(dest="server_cmd", required=True)
    p = server.add_parser("init", help="把数据库初始化为共享数据库：建表（迁移）并创建第一个管理员账户",
                          parents=[common],
                          description="密码取自环境变量 RISKDESK_NEW_PASSWORD，否则在终端中输入两次。")
    p.add_argument("--admin", required=True, metavar="LOGIN", help="管理员的登录名")
    p.add_argument("--name", default="", metavar="NAME", help="管理员的姓名（默认为登录名）")
    p.set_defaults(handler=_init)

    user = sub.add_parser("user", help="用户账户：添加、列出、停用、重置密码、修改自己的密码",
                          parents=[common]).add_subparsers(dest="user_cmd", required=True)
    p = user.add_parser("add", help="添加用户（新密码取自 RISKDESK_NEW_PASSWORD 或提示输入；首次登录须修改）",
                        parents=[common])
    p.add_argument("login", metavar="LOGIN")
    p.add_argument("--name", required=True, metavar="NAME", help="姓名（记入每一项核查结果）")
    p.add_argument("--role", required=True, metavar="ROLE", help=f"角色：{_ROLES}")
    p.add_argument("--department", default="", metavar="DEPT", help="庭室（庭长必填）")
    p.set_defaults(handler=_add)
    p = user.add_parser("list", help="列出用户", parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)
    for name, text in (("disable", "停用用户（不能再登录）"), ("enable", "重新启用用户")):
        p = user.add_parser(name, help=text, parents=[common])
        p.add_argument("login", metavar="LOGIN")
        p.set_defaults(handler=_disable if name == "disable" else _enable)
    p = user.add_parser("reset-password", help="为用户设置新密码并解除锁定（用户下次登录须修改）", parents=[common])
    p.add_argument("login", metavar="LOGIN")
    p.set_defaults(handler=_reset)
    p = user.add_parser("passwd", help="修改自己的密码（原密码同登录密码，新密码取自 RISKDESK_NEW_PASSWORD 或提示输入）",
                        parents=[common])
    p.set_defaults(handler=_passwd)

    dept = sub.add_parser("dept", help="庭室：添加、列出", parents=[common]).add_subparsers(dest="dept_cmd",
                                                                                       required=True)
    p = dept.add_parser("add", help="添加庭室", parents=[common])
    p.add_argument("name", metavar="NAME")
    p.set_defaults(handler=_dept_add)
    p = dept.add_parser("list", help="列出庭室", parents=[common])
    p.set_defaults(handler=_dept_list)


def _init(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args, sign_in=False) as svc:
        if svc.session.shared:  # said before asking for a password that would not be used
            raise InvalidInput(ALREADY_SHARED)
        admin = svc.auth.init_server(args.admin, args.name, new_password(Environment.read(), "管理员"))
        where = svc.db.path or svc.db.url
    print(f"已将 {where} 初始化为共享数据库，管理员：{admin.login}（{admin.name}）。"
          f"此后每个命令都需登录：--user 登录名（或 RISKDESK_USER）", file=out)
    return EXIT_OK


def _add(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        svc.policy.require(Action.MANAGE_USERS)  # refused before a password is asked for
        account = svc.auth.add_user(args.login, args.name, args.role, args.department,
                                    new_password(Environment.read(), f"{args.login.strip()} "))
    print(f"已添加用户 {account.login}（{account.name}，{account.role.label_zh}"
          f"{'，' + account.department if account.department else ''}），首次登录须修改密码", file=out)
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        users = svc.auth.list_users()
    if args.json:
        print_json([_json(u) for u in users], out)
        return EXIT_OK
    for u in users:
        print(f"{u.login}\t{u.name}\t{u.role.label_zh}\t{u.department or '—'}\t{state_of(u)}", file=out)
    return EXIT_OK


def _disable(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        account = svc.auth.disable_user(args.login)
    print(f"已停用用户 {account.login}（{account.name}）", file=out)
    return EXIT_OK


def _enable(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        account = svc.auth.enable_user(args.login)
    print(f"已启用用户 {account.login}（{account.name}）", file=out)
    return EXIT_OK


def _reset(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        svc.policy.require(Action.MANAGE_USERS)
        account = svc.auth.reset_password(args.login, new_password(Environment.read(), f"{args.login.strip()} "))
    print(f"已为 {account.login}（{account.name}）设置新密码并解除锁定；用户下次登录时须修改密码", file=out)
    return EXIT_OK


def _passwd(args: argparse.Namespace, out: TextIO) -> int:
    env = Environment.read()
    typed: list[str] = []

    def remember(prompt: str) -> str:  # the password signed in with is the old password
        typed.append(ask_password(prompt))
        return typed[-1]

    with open_services(options(args), env, ask_password=remember) as svc:
        account = svc.session.account
        if account is None:
            raise PermissionDenied(NO_ACCOUNTS)
        svc.auth.change_password(env.password or typed[0], new_password(env, f"{account.login} "))
    print(f"已修改 {account.login} 的密码", file=out)
    return EXIT_OK


def _dept_add(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        name = svc.auth.add_department(args.name)
    print(f"已添加庭室 {name}", file=out)
    return EXIT_OK


def _dept_list(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        names = svc.auth.list_departments()
    print("\n".join(names) if names else "还没有庭室", file=out)
    return EXIT_OK


def state_of(account: Account, now: datetime | None = None) -> str:
    if not account.active:
        return "已停用"
    if account.locked_until is not None and (now or datetime.now()) < account.locked_until:
        return f"锁定至 {account.locked_until:%H:%M}"
    return "须修改密码" if account.must_change_password else "在用"


def _json(u: Account) -> dict[str, Any]:
    return {"login": u.login, "name": u.name, "role": u.role.value, "role_zh": u.role.label_zh,
            "department": u.department or None, "active": u.active, "must_change_password": u.must_change_password,
            "locked_until": u.locked_until.isoformat(timespec="minutes") if u.locked_until else None,
            "created_at": u.created_at.isoformat(timespec="seconds") if u.created_at else None}
