"""Child for the crash test: a fork server that starts writers the parent kills with SIGKILL.

Importing SQLAlchemy and the services costs about a second; forking a pre-imported process costs
milliseconds, which is what lets the test kill 60 writers in well under a minute. Each forked writer
opens the database through ``Services.open`` like the program does and commits answers forever,
printing one line per committed change (flushed after each commit) until it is killed.

Protocol on stdout, one line per event (tab-separated):
  P <round> <pid>                                  a writer was started
  C <round> <point> <field> <value> <revision>     the writer's change is committed
  X <round> <wait status>                          the writer is gone
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path


def _writer(url: str, catalog_dir: Path, checklist_id: int, points: list[str], round_no: int) -> None:
    from riskdesk.domain.model import Status
    from riskdesk.services import Services

    rng = random.Random(os.getpid())
    svc = Services.open(url, catalog_dir, actor_name="崩溃测试")
    statuses = [Status.CLEAR, Status.RISK, Status.NA, Status.UNREVIEWED]
    i = 0
    while True:
        point = rng.choice(points)
        i += 1
        if rng.random() < 0.5:
            status = rng.choice(statuses)
            res = svc.answers.set_status(checklist_id, point, status).result
            line = f"C\t{round_no}\t{point}\tstatus\t{status.value}\t{res.revision}\n"
        else:
            note = f"r{round_no}-{i}-备注"
            res = svc.answers.set_note(checklist_id, point, note).result
            line = f"C\t{round_no}\t{point}\tnote\t{note}\t{res.revision}\n"
        sys.stdout.write(line)
        sys.stdout.flush()


def main() -> None:
    url, catalog_dir, checklist_id, points = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
    import riskdesk.services  # noqa: F401  - the expensive imports, done once before forking

    for line in sys.stdin:
        round_no = int(line.split()[1])
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                _writer(url, catalog_dir, checklist_id, points, round_no)
            finally:
                os._exit(3)  # only reached if the writer failed: the parent sees status 3, not a kill
        sys.stdout.write(f"P\t{round_no}\t{pid}\n")
        sys.stdout.flush()
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(f"X\t{round_no}\t{status}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
