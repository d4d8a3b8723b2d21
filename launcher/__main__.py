"""`python -m launcher` (`make run`): the assistant on this machine until Ctrl-C (launcher/local.py)."""
import argparse

from launcher import local

argparse.ArgumentParser(
    prog="python -m launcher", description=local.__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
).parse_args()
raise SystemExit(local.run())
