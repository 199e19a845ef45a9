"""``python -m riskdesk``: the same entry point as the ``riskdesk`` command."""

from riskdesk.app import main

raise SystemExit(main())
