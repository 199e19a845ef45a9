"""Statistics figures on a large court: every figure of the dashboard for one year, and for all years.

The database is the demo data's (cases spread over six years, 庭室 by case type, most applicable
points answered), generated once and cached like the other large databases of the benchmarks.
"""

from __future__ import annotations

from pathlib import Path

from bench.timing import median_ms


def busiest_year(url: str) -> int:
    from riskdesk.bootstrap import StartOptions, open_services

    svc = open_services(StartOptions(url), backups=False)
    try:
        with svc.db.reading() as conn:
            row = conn.exec_driver_sql(
                "SELECT substr(CAST(created_at AS TEXT), 1, 4) AS y, count(*) AS n FROM checklists "
                "GROUP BY y ORDER BY n DESC LIMIT 1").one()
        return int(row[0])
    finally:
        svc.close()


def measure(url: str, runs: int = 5) -> dict[str, float]:
    """``stats_dashboard_ms``: every figure of the dashboard for the busiest year; ``…_all_ms``: for all years."""
    from riskdesk.bootstrap import StartOptions, open_services
    from riskdesk.domain.stats import Period

    year = Period.year(busiest_year(url))
    svc = open_services(StartOptions(url), backups=False)
    try:
        whole = svc.stats.whole_period()
        out = {"stats_dashboard_ms": median_ms(lambda: svc.stats.dashboard(year), runs=runs),
               "stats_dashboard_all_ms": median_ms(lambda: svc.stats.dashboard(whole), runs=runs)}
        out["stats_year_checklists"] = svc.stats.dashboard(year).checklists.started
        return out
    finally:
        svc.close()


def prepared(cache: Path, cases: int) -> Path:
    from bench.__main__ import prepared_db

    return prepared_db(cache / f"demo-v2-{cases}-seed1.db", cases, 1)
