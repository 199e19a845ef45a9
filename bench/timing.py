"""The one way the benchmarks time things: warm up, then the median of several runs, in ms."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int = 7, warm: int = 1) -> float:
    for _ in range(warm):  # first use pays for caches, font parsing, statement compilation
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)


def interleaved_medians(fns: dict[str, Callable[[], object]], runs: int = 7) -> dict[str, float]:
    """Median ms of each function, timed in turns (a, b, c, a, b, c, …).

    A figure and its floor timed one after the other in blocks drifted apart when the machine sped
    up or slowed down between the blocks; in turns, both see the same machine.
    """
    for fn in fns.values():
        fn()  # warm-up
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t = time.perf_counter()
            fn()
            times[name].append((time.perf_counter() - t) * 1000)
    return {name: round(statistics.median(ts), 2) for name, ts in times.items()}
