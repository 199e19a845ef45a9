"""A reproducible demo / benchmark database: N cases of a court's usual kinds, their checklists answered.

Made with Core bulk inserts in one transaction per batch; the same seed gives the same data.
Refuses to write into a database that already holds cases unless asked to append, so that it
can never mix invented cases into a court's real ones by accident.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, insert, select

from riskdesk.domain.case_kind import CaseProfile, type_code_of
from riskdesk.domain.model import Stage, Status
from riskdesk.domain.people import Actor
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.errors import InvalidInput
from riskdesk.services.tallies import Changes, Contribution, accumulate, changes
from riskdesk.storage import schema
from riskdesk.storage import tally_queries as tq
from riskdesk.storage.answer_queries import STATUS_CODE, person_id
from riskdesk.storage.case_queries import add_department, department_id
from riskdesk.storage.chain import append_version_rows, stamp
from riskdesk.storage.db import Database, next_ids
from riskdesk.storage.tally_queries import TallyKey
from riskdesk.storage.user_queries import has_users

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
COMPANIES = ("商贸有限公司", "建材有限公司", "煤业有限责任公司", "物流有限公司", "房地产开发有限公司", "农牧业合作社")
CAUSES = ("民间借贷纠纷", "买卖合同纠纷", "金融借款合同纠纷", "劳务合同纠纷", "房屋租赁合同纠纷", "离婚纠纷",
          "机动车交通事故责任纠纷", "建设工程施工合同纠纷", "物业服务合同纠纷", "追索劳动报酬纠纷")
DISTRICTS = ("东胜区", "康巴什区", "达拉特旗", "准格尔旗", "伊金霍洛旗", "鄂托克旗")
JUDGES = ("王法官", "李法官", "张法官", "刘法官", "陈法官", "赵助理", "杨助理")
# A court's mix of cases, with the division that handles each kind.
TYPES = (("民初", 40, ("民一庭", "民二庭")), ("民终", 6, ("民一庭",)), ("执", 26, ("执行局",)),
         ("执恢", 4, ("执行局",)), ("刑初", 14, ("刑事审判庭",)), ("行初", 10, ("行政审判庭",)))
DEPARTMENT_JUDGES = {"民一庭": ("王法官", "李法官", "赵助理"), "民二庭": ("张法官", "刘法官"),
                     "执行局": ("陈法官", "杨助理", "周执行员"), "刑事审判庭": ("吴法官", "徐法官"),
                     "行政审判庭": ("孙法官",)}
# Roughly how a court's history looks: most points answered, a few risks, some not applicable.
WEIGHTS = {Status.CLEAR: 55, Status.UNREVIEWED: 25, Status.NA: 12, Status.RISK: 8}
BATCH = 250


def _person(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2)))


def _party(rnd: random.Random) -> str:
    if rnd.random() < 0.35:
        return "鄂尔多斯市" + rnd.choice(DISTRICTS) + _person(rnd)[0] + "氏" + rnd.choice(COMPANIES)
    return _person(rnd)


def generate(db: Database, catalogs: CatalogStore, cases: int, seed: int, *, append: bool = False,
             complete: bool = False, progress: Callable[[int], None] | None = None) -> int:
    """Insert ``cases`` invented cases and their answers; returns the number inserted.

    Each case has the stages its kind goes through, with most applicable points answered once.
    ``complete``: every stage started and every point answered (the size of a fully answered case).
    """
    if cases < 1 or cases > 200_000:
        raise InvalidInput("案件数应在 1 到 200000 之间")
    with db.reading() as s:
        if has_users(s):
            raise InvalidInput("演示数据只写入单机数据库（没有账户的数据库），不写入共享数据库")
    fp = catalogs.register()
    with db.reading() as conn:
        existing = conn.execute(select(func.count()).select_from(schema.cases)).scalar() or 0
        refs = catalogs.refs_for(conn, (p for st in catalogs.catalog.stages for p in st.points))
    if existing and not append:
        raise InvalidInput(f"数据库中已有 {existing} 件案件；演示数据只写入空数据库（确需追加请用 --append）")
    maker = _Maker(random.Random(seed), catalogs, refs, complete)
    done = 0
    while done < cases:
        n = min(BATCH, cases - done)
        with db.writing() as conn:
            maker.batch(conn, n, fp)
        done += n
        if progress is not None:
            progress(done)
    return done


class _Maker:
    def __init__(self, rnd: random.Random, catalogs: CatalogStore, refs: dict[str, int], complete: bool) -> None:
        self.rnd = rnd
        self.catalog = catalogs.catalog
        self.refs = refs
        self.complete = complete
        self.serials: dict[tuple[int, str], int] = {}
        self.earlier: list[str] = []  # 民初 case numbers, for the 执行依据 of enforcement cases
        self.settled: dict[tuple[str, str | None, Stage], set[str]] = {}
        self.statuses = [st for st in WEIGHTS if not complete or st is not Status.UNREVIEWED]
        self.weights = [WEIGHTS[st] for st in self.statuses]
        self.departments: dict[str, int] = {}
        self.people: dict[str, int] = {}

    def _settled(self, code: str, origin: str | None, stage: Stage) -> set[str]:
        key = (code, origin and type_code_of(origin), stage)
        if key not in self.settled:
            profile = CaseProfile.of(code, origin)
            self.settled[key] = {p.id for p in self.catalog.stage(stage).points if not profile.applies(p)}
        return self.settled[key]

    def _person(self, conn: Connection, name: str) -> int:
        if name not in self.people:
            self.people[name] = person_id(conn, Actor(name))
        return self.people[name]

    def _department(self, conn: Connection, name: str) -> int:
        if name not in self.departments:
            self.departments[name] = department_id(conn, name) or add_department(conn, name)
        return self.departments[name]

    def batch(self, conn: Connection, n: int, fp: str) -> None:
        rnd, t = self.rnd, schema
        case_ids = next_ids(conn, t.cases, n)
        case_rows: list[dict[str, Any]] = []
        cl_rows: list[dict[str, Any]] = []
        versions: list[dict[str, Any]] = []
        tallies: Changes = {}
        codes, code_weights = [c for c, _, _ in TYPES], [w for _, w, _ in TYPES]
        for i in range(n):
            created = datetime(2020, 1, 1) + timedelta(minutes=rnd.randint(0, 6 * 365 * 24 * 60))
            code = rnd.choices(codes, code_weights)[0]
            department = rnd.choice(next(d for c, _, d in TYPES if c == code))
            judge = rnd.choice(DEPARTMENT_JUDGES[department])
            self.serials[(created.year, code)] = self.serials.get((created.year, code), 0) + rnd.randint(1, 3)
            case_no = f"（{created.year}）内0602{code}{self.serials[(created.year, code)]}号"
            origin = rnd.choice(self.earlier) if code.startswith("执") and self.earlier else None
            if code == "民初":
                self.earlier.append(case_no)
            case_id = case_ids[i]
            case_rows.append({"id": case_id, "case_no": case_no, "cause": rnd.choice(CAUSES),
                              "parties": f"{_party(rnd)}诉{_party(rnd)}", "judge": judge, "created_at": created,
                              "updated_at": created, "type_code": code, "track": None, "origin_case_no": origin,
                              "filed_on": created.date(), "department_id": self._department(conn, department)})
            stages = tuple(Stage) if self.complete else CaseProfile.of(code, origin).stages
            for j, st in enumerate(stages):
                cl_id = len(cl_rows)  # its place for now: the ids are taken when the batch is known
                settled = set() if self.complete else self._settled(code, origin, st)
                counts = dict.fromkeys(Status, 0)
                statuses: dict[str, Status] = {}
                when = created + timedelta(days=j * 30)
                for k, p in enumerate(self.catalog.stage(st).points):
                    if p.id in settled:
                        counts[Status.SETTLED] += 1
                        statuses[p.id] = Status.SETTLED
                        continue
                    status = rnd.choices(self.statuses, self.weights)[0]
                    counts[status] += 1
                    statuses[p.id] = status
                    if status is Status.UNREVIEWED:
                        continue
                    note = "已核对卷宗，需补充材料" if status is Status.RISK and rnd.random() < 0.5 else ""
                    versions.append({"checklist_id": cl_id, "point_ref": self.refs[p.content_hash], "rev": 1,
                                     "at": stamp(when + timedelta(minutes=k)), "actor_id": self._person(conn, judge),
                                     "actor": judge, "actor_login": "", "actor_role": "",
                                     "status": STATUS_CODE[status], "note": note, "reason": ""})
                cl_rows.append({"id": cl_id, "case_id": case_id, "stage": st.value, "catalog_fingerprint": fp,
                                "created_at": created, "last_point_id": "",
                                **{f"n_{status.value}": counts[status] for status in Status}})
                key = TallyKey.of(created, case_rows[-1]["department_id"], st)
                accumulate(tallies, changes(None, Contribution(key, statuses)))
        cl_ids = next_ids(conn, t.checklists, len(cl_rows))
        for row, new_id in zip(cl_rows, cl_ids, strict=True):
            row["id"] = new_id
        for v in versions:
            v["checklist_id"] = cl_ids[v["checklist_id"]]
        conn.execute(insert(t.cases), case_rows)
        conn.execute(insert(t.checklists), cl_rows)
        tq.add(conn, tallies)
        append_version_rows(conn, versions)  # the audit chain last (storage.chain)
