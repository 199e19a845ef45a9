"""One place that finds ``resources/`` and the default database, whatever way RiskDesk was installed."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path, PurePosixPath

APP_NAME = "RiskDesk"


@cache
def resources_root() -> Path:
    """The ``resources`` folder: frozen bundle, installed wheel, or source checkout, in that order."""
    here = Path(__file__).resolve().parent
    candidates = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "resources")
    candidates += [here / "resources", here.parent / "resources"]
    for c in candidates:
        if (c / "catalog").is_dir():
            return c
    raise FileNotFoundError("RiskDesk cannot find its resources folder; looked in " + ", ".join(map(str, candidates)))


def resource(relative: str) -> Path:
    """A file under resources/; refuses absolute paths and '..' so callers cannot escape it."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts:
        raise ValueError(f"not a resource path: {relative!r}")
    return resources_root().joinpath(*pure.parts)


def catalog_dir() -> Path:
    return resource("catalog")


def font_file() -> Path:
    return resource("fonts/wqy-microhei.ttc")


def default_data_dir() -> Path:
    import platformdirs  # only needed when no --db is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return default_data_dir() / "riskdesk.db"
