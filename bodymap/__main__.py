"""Allows `python -m bodymap`, the same as the `bodymap` command."""

from bodymap.cli.main import main

raise SystemExit(main())
