"""``riskdesk config set|get``: the court's name and the reviewer's."""

from __future__ import annotations

import argparse
from typing import TextIO

from riskdesk.cli.common import EXIT_OK, SubParsers, opened
from riskdesk.domain.model import SettingKey

_KEYS = {"court": SettingKey.COURT, "reviewer": SettingKey.REVIEWER}


def register(sub: SubParsers, common: argparse.ArgumentParser) -> None:
    cfg = sub.add_parser("config", help="设置：court（法院名称）、reviewer（承办人）",
                         parents=[common]).add_subparsers(dest="config_cmd", required=True)
    p = cfg.add_parser("set", parents=[common])
    p.add_argument("key", choices=list(_KEYS))
    p.add_argument("value")
    p.set_defaults(handler=_set)
    p = cfg.add_parser("get", parents=[common])
    p.add_argument("key", choices=list(_KEYS))
    p.set_defaults(handler=_get)


def _set(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        svc.settings.set(_KEYS[args.key], args.value)
    print(f"已设置 {args.key} = {args.value.strip()}", file=out)
    return EXIT_OK


def _get(args: argparse.Namespace, out: TextIO) -> int:
    with opened(args) as svc:
        print(svc.settings.get(_KEYS[args.key]), file=out)
    return EXIT_OK
