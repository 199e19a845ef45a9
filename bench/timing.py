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



def paired_ms(fn: Callable[[], object], floor: Callable[[], object], runs: int = 11) -> tuple[float, float, float]:
    """(median ms of ``fn``, median ms of ``floor``, median of the per-pair ratios).

    ``fn`` and its floor run back to back, ``runs`` times. This machine's speed changes by up to
    half from one second to the next; the two runs of a pair see nearly the same machine, so the
    ratio of each pair is steady where the ratio of two medians taken over a minute is not.
    """
    fn()
    floor()  # warm-up
    pairs = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        a = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        floor()
        pairs.append((a, (time.perf_counter() - t) * 1000))
    return (round(statistics.median(a for a, _ in pairs), 2), round(statistics.median(b for _, b in pairs), 2),
            round(statistics.median(a / b for a, b in pairs), 2))
