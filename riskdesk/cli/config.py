"""``riskdesk config set|get``: the court's name, the reviewer's, and the court's choices for 整改 and statistics."""

from __future__ import annotations

import argparse
from typing import TextIO

from riskdesk.cli.common import EXIT_OK, EXIT_USAGE, SubParsers, fail, opened
from riskdesk.domain.model import SettingKey

_KEYS = {k.value: k for k in (SettingKey.COURT, SettingKey.REVIEWER, SettingKey.DUE_HIGH, SettingKey.DUE_MEDIUM,
                                SettingKey.DUE_LOW, SettingKey.SYSTEMIC_CASES, SettingKey.SYSTEMIC_DAYS,
                                SettingKey.PERSON_FIGURES)}
_NUMBERS = {SettingKey.DUE_HIGH, SettingKey.DUE_MEDIUM, SettingKey.DUE_LOW, SettingKey.SYSTEMIC_CASES,
            SettingKey.SYSTEMIC_DAYS}
_SWITCH = {"开启": "开启", "on": "开启", "1": "开启", "关闭": "关闭", "off": "关闭", "0": "关闭"}


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    cfg = sub.add_parser("config", help="设置：court（法院名称）、reviewer（承办人）、finding.due.*（整改天数）、"
                         "stats.person_figures（按承办人统计：开启/关闭）",
                         parents=[common]).add_subparsers(dest="config_cmd", required=True)
    p = cfg.add_parser("set", parents=[common])
    p.add_argument("key", choices=list(_KEYS))
    p.add_argument("value")
    p.set_defaults(handler=_set)
    p = cfg.add_parser("get", parents=[common])
    p.add_argument("key", choices=list(_KEYS))
    p.set_defaults(handler=_get)


def _set(args: argparse.Namespace, out: TextIO) -> int:
    key, value = _KEYS[args.key], args.value.strip()
    if key in _NUMBERS and (not value.isdigit() or not 0 < int(value) <= 3650):
        return fail(f"{key.label_zh}应为 1 到 3650 之间的整数，而不是“{value}”", EXIT_USAGE)
    if key is SettingKey.PERSON_FIGURES:
        if value.lower() not in _SWITCH:
            return fail(f"{key.label_zh}应为“开启”或“关闭”，而不是“{value}”", EXIT_USAGE)
        value = _SWITCH[value.lower()]
    with opened(args) as svc:
        svc.settings.set(key, value)
    print(f"已设置 {args.key}（{key.label_zh}）= {value}", file=out)
    return EXIT_OK


def _get(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        print(svc.settings.get(_KEYS[args.key]), file=out)
    return EXIT_OK
