"""A reproducible demo / benchmark database: N cases, each with all three stages started and answered.

Made with Core bulk inserts in one transaction per batch; the same seed gives the same data.
Refuses to write into a database that already holds cases unless asked to append, so that it
can never mix invented cases into a court's real ones by accident.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select

from riskdesk.domain.model import Stage, Status
from riskdesk.services.catalog_store import CatalogStore
from riskdesk.services.errors import InvalidInput
from riskdesk.storage import schema
from riskdesk.storage.db import Database
from riskdesk.storage.user_queries import has_users

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
COMPANIES = ("商贸有限公司", "建材有限公司", "煤业有限责任公司", "物流有限公司", "房地产开发有限公司", "农牧业合作社")
CAUSES = ("民间借贷纠纷", "买卖合同纠纷", "金融借款合同纠纷", "劳务合同纠纷", "房屋租赁合同纠纷", "离婚纠纷",
          "机动车交通事故责任纠纷", "建设工程施工合同纠纷", "物业服务合同纠纷", "追索劳动报酬纠纷")
DISTRICTS = ("东胜区", "康巴什区", "达拉特旗", "准格尔旗", "伊金霍洛旗", "鄂托克旗")
JUDGES = ("王法官", "李法官", "张法官", "刘法官", "陈法官", "赵助理", "杨助理")
TYPES = ("民初", "民终", "执", "执恢", "刑初", "行初")
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
             progress: Callable[[int], None] | None = None) -> int:
    """Insert ``cases`` invented cases with 3 × 100 answers each; returns the number inserted."""
    if cases < 1 or cases > 200_000:
        raise InvalidInput("案件数应在 1 到 200000 之间")
    with db.reading() as s:
        if has_users(s):
            raise InvalidInput("演示数据只写入单机数据库（没有账户的数据库），不写入共享数据库")
    fp = catalogs.register()
    with db.reading() as s:
        existing = s.execute(select(func.count()).select_from(schema.cases)).scalar() or 0
    if existing and not append:
        raise InvalidInput(f"数据库中已有 {existing} 件案件；演示数据只写入空数据库（确需追加请用 --append）")
    rnd = random.Random(seed)
    cat = catalogs.catalog
    points = {st: [(p.id, p.content_hash) for p in cat.stage(st).points] for st in Stage}
    statuses, weights = list(WEIGHTS), list(WEIGHTS.values())
    start = datetime(2020, 1, 1)
    serials: dict[tuple[int, str], int] = {}
    done = 0
    cases_t, checklists_t, results_t = schema.cases, schema.checklists, schema.results
    while done < cases:
        n = min(BATCH, cases - done)
        with db.writing() as conn:
            first_id = (conn.execute(select(func.max(cases_t.c.id))).scalar() or 0) + 1
            first_cl = (conn.execute(select(func.max(checklists_t.c.id))).scalar() or 0) + 1
            case_rows, cl_rows, result_rows = [], [], []
            for i in range(n):
                created = start + timedelta(minutes=rnd.randint(0, 6 * 365 * 24 * 60))
                kind = rnd.choice(TYPES)
                serials[(created.year, kind)] = serials.get((created.year, kind), 0) + rnd.randint(1, 3)
                case_no = f"（{created.year}）内0602{kind}{serials[(created.year, kind)]}号"
                plaintiff, defendant = _party(rnd), _party(rnd)
                case_rows.append({"id": first_id + i, "case_no": case_no, "cause": rnd.choice(CAUSES),
                                  "parties": f"{plaintiff}诉{defendant}", "judge": rnd.choice(JUDGES),
                                  "created_at": created, "updated_at": created})
                for j, st in enumerate(Stage):
                    cl_id = first_cl + i * 3 + j
                    answers = rnd.choices(statuses, weights, k=len(points[st]))
                    counts = {status: 0 for status in Status}
                    for (pid, h), status in zip(points[st], answers, strict=True):
                        counts[status] += 1
                        answered = status is not Status.UNREVIEWED
                        note = "已核对卷宗，需补充材料" if status is Status.RISK and rnd.random() < 0.5 else ""
                        result_rows.append({
                            "checklist_id": cl_id, "point_id": pid, "point_hash": h, "status": status.value,
                            "note": note, "updated_at": created + timedelta(days=j * 30) if answered else None,
                            "updated_by": case_rows[-1]["judge"] if answered else "", "revision": int(answered),
                            "retired_at": None})
                    cl_rows.append({"id": cl_id, "case_id": first_id + i, "stage": st.value,
                                    "catalog_fingerprint": fp, "created_at": created, "last_point_id": "",
                                    **{f"n_{status.value}": counts[status] for status in Status}})
            conn.execute(insert(cases_t), case_rows)
            conn.execute(insert(checklists_t), cl_rows)
            conn.execute(insert(results_t), result_rows)
        done += n
        if progress is not None:
            progress(done)
    return done
