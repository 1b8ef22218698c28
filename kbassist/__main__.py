"""Entry point for `python -m kbassist` and the frozen executable."""

from kbassist.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
