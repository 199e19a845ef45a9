"""The one root of every error a user may be shown: the CLI and the window catch only this."""

from __future__ import annotations


class RiskDeskError(Exception):
    """A refusal or failure whose message is written for the user (Chinese first).

    ``exit_status`` is what the command line exits with: 2 for input the user can correct,
    1 for everything else.
    """

    exit_status = 1
    # How the command line introduces the message ("riskdesk: 错误：…"); a message that already says
    # what it is about (风险点目录有误：…) sets it to "".
    label = "错误："
