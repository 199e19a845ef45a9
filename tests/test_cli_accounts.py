"""``riskdesk server init``, ``user …``, ``dept …`` and signing in on a shared database, in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ADMIN_PW = "Guanliyuan-mima-1"
WANG_PW = "Wangfaguan-mima-1"
CASE = "(2024)内0602民初123号"


def run(db: Path | str, catalog: Path, *args: str, user: str = "", password: str = "", new: str = "",
        code: int = 0) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RISKDESK_") or k == "RISKDESK_CACHE_DIR"}
    env.update({"RISKDESK_CATALOG": str(catalog), "RISKDESK_USER": user, "RISKDESK_PASSWORD": password,
                "RISKDESK_NEW_PASSWORD": new})
    # No terminal at all (a new session has none): a password prompt would otherwise wait on /dev/tty.
    proc = subprocess.run([sys.executable, "-m", "riskdesk", "--db", str(db), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60, stdin=subprocess.DEVNULL, start_new_session=True)
    assert proc.returncode == code, proc.stdout + proc.stderr
    for secret in (password, new):  # never echoed, never in a message
        assert not secret or secret not in proc.stdout + proc.stderr
    return proc


def _shared(db: str, catalog: Path) -> str:
    run(db, catalog, "case", "add", "(2023)内0602民初9号", "--judge", "王法官", "--department", "民一庭")
    out = run(db, catalog, "server", "init", "--admin", "admin", "--name", "系统管理员", new=ADMIN_PW).stdout
    assert "初始化为共享数据库" in out and "admin" in out
    run(db, catalog, "dept", "add", "民二庭", user="admin", password=ADMIN_PW)
    out = run(db, catalog, "user", "add", "wang", "--name", "王法官", "--role", "judge", "--department", "民一庭",
              user="admin", password=ADMIN_PW, new="Chushi-mima-1").stdout
    assert "已添加用户 wang（王法官，承办法官，民一庭）" in out
    run(db, catalog, "user", "add", "zhao", "--name", "赵审管", "--role", "审管办",
        user="admin", password=ADMIN_PW, new="Chushi-mima-1")
    # A password an admin set must be changed first.
    refused = run(db, catalog, "case", "list", user="wang", password="Chushi-mima-1", code=1)
    assert "请先修改密码" in refused.stderr
    run(db, catalog, "user", "passwd", user="wang", password="Chushi-mima-1", new=WANG_PW)
    return db


def test_a_shared_database_from_init_to_answers(tmp_path: Path, catalog_dir: Path, db_url: str) -> None:
    db = _shared(db_url, catalog_dir)
    listed = json.loads(run(db, catalog_dir, "user", "list", "--json", user="admin", password=ADMIN_PW).stdout)
    assert [(u["login"], u["role"], u["department"], u["must_change_password"]) for u in listed] == [
        ("admin", "admin", None, False), ("wang", "judge", "民一庭", False), ("zhao", "management", None, True)]
    assert run(db, catalog_dir, "dept", "list", user="wang", password=WANG_PW).stdout.split() == ["民一庭", "民二庭"]

    run(db, catalog_dir, "case", "add", CASE, "--cause", "民间借贷纠纷", user="wang", password=WANG_PW)
    out = run(db, catalog_dir, "review", CASE, "LA-001", "risk", "--note", "材料不全", user="wang", password=WANG_PW)
    assert "LA-001 存在风险" in out.stdout
    shown = json.loads(run(db, catalog_dir, "case", "show", CASE, "--json", user="wang", password=WANG_PW).stdout)
    assert shown["stages"]["filing"]["results"][0]["updated_by"] == "王法官"
    assert shown["department"] == "民一庭"  # a judge's new case is in their 庭室
    cases = json.loads(run(db, catalog_dir, "case", "list", "--json", user="wang", password=WANG_PW).stdout)
    assert len(cases) == 2  # their new case and the one from before accounts that names them

    by = run(db, catalog_dir, "review", CASE, "LA-002", "clear", "--by", "别人", user="wang", password=WANG_PW, code=2)
    assert "--by" in by.stderr and len(by.stderr.splitlines()) == 1
    refused = run(db, catalog_dir, "stats", user="admin", password=ADMIN_PW, code=1)
    assert "信息技术管理员" in refused.stderr and "查看统计" in refused.stderr
    refused = run(db, catalog_dir, "user", "list", user="wang", password=WANG_PW, code=1)
    assert refused.stderr.strip() == "riskdesk: 错误：承办法官（王法官）无权管理用户账户：请由信息技术管理员操作"
    anonymous = run(db, catalog_dir, "case", "list", code=1)
    assert "需要先登录" in anonymous.stderr and "--user" in anonymous.stderr

    # Nothing kept or printed a password in clear (the SQLite file and its WAL are in tmp_path).
    files = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    for pw in (ADMIN_PW, WANG_PW, "Chushi-mima-1"):
        assert pw.encode() not in files


def test_wrong_password_and_lock_are_one_line_each(catalog_dir: Path, db_url: str) -> None:
    db = _shared(db_url, catalog_dir)
    for _ in range(4):
        wrong = run(db, catalog_dir, "case", "list", user="wang", password="wrong-password", code=1)
        assert wrong.stderr == "riskdesk: 错误：登录名或密码错误\n" and wrong.stdout == ""
    unknown = run(db, catalog_dir, "case", "list", user="nobody", password="wrong-password", code=1)
    assert unknown.stderr == wrong.stderr
    fifth = run(db, catalog_dir, "case", "list", user="wang", password="wrong-password", code=1)
    assert "已锁定，请于" in fifth.stderr and len(fifth.stderr.splitlines()) == 1
    locked = run(db, catalog_dir, "case", "list", user="wang", password=WANG_PW, code=1)
    assert "账户已锁定，请于" in locked.stderr and len(locked.stderr.splitlines()) == 1
    run(db, catalog_dir, "user", "reset-password", "wang", user="admin", password=ADMIN_PW, new="Chongzhi-mima-1")
    assert "请先修改密码" in run(db, catalog_dir, "case", "list", user="wang", password="Chongzhi-mima-1",
                               code=1).stderr
    run(db, catalog_dir, "user", "disable", "wang", user="admin", password=ADMIN_PW)
    disabled = run(db, catalog_dir, "case", "list", user="wang", password="Chongzhi-mima-1", code=1)
    assert "账户已停用" in disabled.stderr
    states = run(db, catalog_dir, "user", "list", user="admin", password=ADMIN_PW).stdout
    assert "wang\t王法官\t承办法官\t民一庭\t已停用" in states


def test_a_single_seat_needs_no_login_and_refuses_user(tmp_path: Path, catalog_dir: Path) -> None:
    db = tmp_path / "x.db"
    run(db, catalog_dir, "case", "add", CASE, user="ignored-from-the-environment")
    refused = run(db, catalog_dir, "--user", "wang", "case", "list", code=2)
    assert "没有账户" in refused.stderr
    assert "server init" in run(db, catalog_dir, "user", "list", code=1).stderr
    again = tmp_path / "y.db"
    run(again, catalog_dir, "server", "init", "--admin", "admin", new=ADMIN_PW)
    assert "已有账户" in run(again, catalog_dir, "server", "init", "--admin", "root", new=ADMIN_PW, code=2).stderr
    short = run(tmp_path / "z.db", catalog_dir, "server", "init", "--admin", "admin", new="short", code=2)
    assert "至少 8 个字符" in short.stderr
    no_tty = run(tmp_path / "w.db", catalog_dir, "server", "init", "--admin", "admin", code=2)
    assert "RISKDESK_NEW_PASSWORD" in no_tty.stderr


def test_a_new_password_is_typed_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    from riskdesk.bootstrap import Environment
    from riskdesk.cli.common import new_password
    from riskdesk.services.errors import InvalidInput

    typed = iter(["Xin-mima-2024", "Xin-mima-2024", "Xin-mima-2024", "Typo-mima-2024"])
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: prompts.append(prompt) or next(typed))
    assert new_password(Environment(), "wang ") == "Xin-mima-2024"
    with pytest.raises(InvalidInput, match="两次输入的密码不一致"):
        new_password(Environment(), "wang ")
    assert prompts == ["wang 的新密码：", "再输入一次："] * 2
    assert new_password(Environment(new_password="Huanjing-mima-1"), "wang") == "Huanjing-mima-1"
    assert "Huanjing" not in repr(Environment(password="Huanjing-mima-1", new_password="Huanjing-mima-1"))
