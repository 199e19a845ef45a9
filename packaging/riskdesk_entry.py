"""PyInstaller's entry script: the bundled ``riskdesk`` executable is exactly ``riskdesk.app:main``.

No sub-command starts the window; ``riskdesk --help`` lists the command-line commands.
"""

from riskdesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
