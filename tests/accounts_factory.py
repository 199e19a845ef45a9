"""A shared database for tests: the first admin, two 庭室 and one account per role, all with one password.

Back-end neutral: it works on whatever database the ``services`` fixture opened, and the accounts'
services share that fixture's Database (closed with it).
"""

from __future__ import annotations

from riskdesk.domain.people import Role
from riskdesk.services import Services

PASSWORD = "Zhengque-mima-1"
# login: (姓名, role, 庭室)
USERS: dict[str, tuple[str, Role, str]] = {
    "admin": ("系统管理员", Role.ADMIN, ""),
    "wang": ("王法官", Role.JUDGE, "民一庭"),
    "li": ("李助理", Role.ASSISTANT, "民一庭"),
    "zhang": ("张庭长", Role.DIVISION_HEAD, "民一庭"),
    "zhao": ("赵审管", Role.MANAGEMENT, ""),
    "chen": ("陈法官", Role.JUDGE, "民二庭"),
}
LOGIN_OF_ROLE = {Role.ASSISTANT: "li", Role.JUDGE: "wang", Role.DIVISION_HEAD: "zhang", Role.MANAGEMENT: "zhao",
                 Role.ADMIN: "admin"}


def make_shared(services: Services) -> None:
    """Turn the database into a shared one; ``services`` is left signed in as the admin."""
    services.auth.init_server("admin", USERS["admin"][0], PASSWORD)
    services.auth.login("admin", PASSWORD)
    known = set(services.auth.list_departments())
    for name in ("民一庭", "民二庭"):
        if name not in known:
            services.auth.add_department(name)
    for login, (name, role, department) in USERS.items():
        if login != "admin":
            services.auth.add_user(login, name, role, department, PASSWORD, must_change=False)


def signed_in(services: Services, login: str, password: str = PASSWORD) -> Services:
    """Another person's services over the same database (as another workstation would have them)."""
    other = Services(services.db, services.catalogs.directory)
    other.auth.login(login, password)
    return other
