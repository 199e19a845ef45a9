"""Many seats saving at once: ``python -m bench.writers URL CATALOG SECONDS K OWN_CHECKLIST SHARED_CHECKLIST POINTS
[PAUSE_MS [START_AT]]``.

Writer K saves answers for ``SECONDS``: on its own case's checklist (any point) and on a checklist
every writer shares, on the points given to it alone (comma-separated) — no two writers ever save
the same answer, so every save must succeed. ``PAUSE_MS`` between saves stands for the person at the
keyboard (0: as fast as it can); ``START_AT`` (seconds since the epoch) makes every writer, once
started, wait for the same moment before its first save. It prints one JSON line: each save's (checklist, point,
status, revision), the milliseconds each commit took, any error, and the CPU milliseconds the
process used while saving. Used by the 20-writer test
(tests/safety/test_many_writers.py) and by bench/ for the commit latency under load.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path


def main() -> None:
    url, catalog, seconds, k = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    own, shared, points = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7].split(",")
    pause = float(sys.argv[8]) / 1000 if len(sys.argv) > 8 else 0.0
    start_at = float(sys.argv[9]) if len(sys.argv) > 9 else 0.0
    from riskdesk.domain.model import Status
    from riskdesk.services import Services

    svc = Services.open(url, catalog, backups=False, actor_name=f"写入{k}")
    rng = random.Random(k)
    statuses = [Status.CLEAR, Status.RISK, Status.NA]
    saves: list[tuple[int, str, str, int]] = []
    ms: list[float] = []
    errors: list[str] = []
    own_points = [f"LA-{i:03d}" for i in range(1, 101)]
    time.sleep(max(0.0, start_at - time.time()))
    cpu_start = time.process_time()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        checklist, point = (own, rng.choice(own_points)) if rng.random() < 0.5 else (shared, rng.choice(points))
        status = rng.choice(statuses)
        t = time.perf_counter()
        try:
            revision = svc.answers.set_status(checklist, point, status).result.revision
        except Exception as exc:  # every failure is reported: a conflict-free save must not fail
            errors.append(f"{type(exc).__name__}: {exc}")
            continue
        ms.append((time.perf_counter() - t) * 1000)
        saves.append((checklist, point, status.value, revision))
        if pause:
            time.sleep(pause * rng.uniform(0.5, 1.5))
    cpu_ms = (time.process_time() - cpu_start) * 1000
    svc.close()
    json.dump({"k": k, "saves": saves, "ms": ms, "errors": errors, "cpu_ms": cpu_ms}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
