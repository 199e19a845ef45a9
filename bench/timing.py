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
