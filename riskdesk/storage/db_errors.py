"""Every database failure a user may be shown, in plain language (Chinese first).

SQLite's and PostgreSQL's failures share these classes where they mean the same to the user (busy,
read-only, full), with the wording of the back end: a file on this computer, or a server.
"""

from __future__ import annotations

from pathlib import Path

from riskdesk.domain.errors import RiskDeskError


class DatabaseError(RiskDeskError):
    """The database cannot be used; the message is for the user (Chinese first)."""


class DatabaseDamagedError(DatabaseError):
    """The file at the database path is not a readable SQLite database."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(
            f"数据库文件已损坏或不是 RiskDesk 数据库：{path}（{detail}）。"
            "RiskDesk 不会覆盖它；请用 “riskdesk db restore 备份文件” 从备份恢复。"
        )


class DatabaseMissingError(DatabaseDamagedError):
    """The file is gone but its automatic backups are there: moved, deleted, or a drive not connected."""

    def __init__(self, path: Path) -> None:
        self.path = path
        DatabaseError.__init__(
            self,
            f"数据库文件不存在：{path}，但同一文件夹的 backups 中有自动备份，文件可能被移动、删除或所在磁盘未连接。"
            "RiskDesk 不会新建空数据库；请用 “riskdesk db restore 备份文件” 恢复，或用 --db 指定正确的文件。",
        )


class BackupUnusableError(DatabaseError):
    """The file offered as a backup fails SQLite's check or is not a RiskDesk database."""

    exit_status = 2


class DatabaseBusyError(DatabaseError):
    """Another program held a lock longer than the busy timeout (SQLite's write lock, a PostgreSQL row lock)."""

    def __init__(self) -> None:
        super().__init__("数据库正被另一个程序长时间占用，本次保存未完成，请稍后重试。")


class DatabaseReadOnlyError(DatabaseError):
    def __init__(self, server: str | None = None) -> None:
        if server is None:
            super().__init__("数据库文件是只读的，无法保存。请检查文件权限或联系信息技术人员。")
        else:
            super().__init__(f"数据库服务器 {server} 当前只允许读取（只读模式或备用服务器），无法保存。"
                             "已保存的数据不受影响；请联系信息技术人员。")


class DatabaseFullError(DatabaseError):
    def __init__(self, server: str | None = None) -> None:
        if server is None:
            super().__init__("磁盘空间已满，本次保存未完成。请释放磁盘空间后重试，已保存的数据不受影响。")
        else:
            super().__init__(f"数据库服务器 {server} 的磁盘空间已满，本次保存未完成。已保存的数据不受影响；"
                             "请联系信息技术人员释放空间后重试。")


class DatabaseIOError(DatabaseError):
    def __init__(self) -> None:
        super().__init__(
            "读写数据库文件时出错（磁盘 I/O 错误），本次操作未完成。可能是磁盘已满、网络盘断开或硬件故障，"
            "请联系信息技术人员；已保存的数据不受影响。"
        )


class DatabaseUnreachableError(DatabaseError):
    def __init__(self, path: Path | None) -> None:
        super().__init__(f"无法打开数据库文件 {path or ''}：请检查文件及其所在文件夹的权限，或磁盘是否已连接。")


# -- a database server -------------------------------------------------------------------------------

class ServerUnreachableError(DatabaseError):
    """No connection to the server: refused, timed out, unknown host, or the connection dropped."""

    def __init__(self, server: str, detail: str = "", *, lost: bool = False) -> None:
        what = (f"与数据库服务器 {server} 的连接中断，本次操作未完成" if lost else
                f"无法连接数据库服务器 {server}：服务器未启动、地址或端口有误，或网络不通")
        super().__init__(f"{what}{'（' + detail + '）' if detail else ''}。已保存的数据不受影响；"
                         "请稍后重试，或联系信息技术人员。")


class ServerLoginError(DatabaseError):
    def __init__(self, server: str, user: str) -> None:
        super().__init__(f"数据库服务器 {server} 拒绝登录：用户 {user or '（未指定）'} 的密码不正确、账户不存在或无权登录。"
                         "请检查连接设置（服务文件或 .pgpass），或联系信息技术人员。")


class ServerDatabaseMissingError(DatabaseError):
    def __init__(self, server: str, name: str) -> None:
        super().__init__(f"数据库服务器 {server} 上没有名为 {name or '（未指定）'} 的数据库。请检查连接设置，"
                         "或请信息技术人员先建立数据库（见 README 多人共用一节）。")


class ServerPermissionError(DatabaseError):
    """The account may not do this (an application role that cannot change the schema, for example)."""

    def __init__(self, server: str, user: str, detail: str = "") -> None:
        super().__init__(f"数据库账户 {user or '（未指定）'} 在服务器 {server} 上没有这项操作的权限"
                         f"{'（' + detail + '）' if detail else ''}，本次操作未完成。请联系信息技术人员。")


class SchemaUpgradeDeniedError(ServerPermissionError):
    """The schema is behind and this account may not upgrade it: the owner account must."""

    def __init__(self, server: str, user: str, revision: str | None, head: str) -> None:
        DatabaseError.__init__(
            self,
            f"数据库 {server} 的结构需要升级（现为 {revision or '空库'}，本程序需要 {head}），但数据库账户 "
            f"{user or '（未指定）'} 无权修改数据库结构。请信息技术人员用数据库所有者账户运行一次 RiskDesk 完成升级"
            "（见 README 多人共用一节），再重新打开。",
        )


class ConcurrentChangeError(DatabaseError):
    """The server refused the transaction because another one changed the same data at the same time."""

    def __init__(self) -> None:
        super().__init__("与其他用户同时修改了相同的数据，本次保存未完成，已保存的数据不受影响。请刷新后重试。")


class ServerBusyError(DatabaseError):
    def __init__(self, server: str) -> None:
        super().__init__(f"数据库服务器 {server} 的连接数已满，本次操作未完成。请稍后重试，或联系信息技术人员。")
