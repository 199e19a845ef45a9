"""Launcher for running from a checkout: ``python main.py`` is the same as ``riskdesk``."""

from riskdesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
