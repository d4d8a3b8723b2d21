"""`rasa` with this project's extensions, the HTTP API token taken from the environment, and logs
without identifiers.

Every running Rasa server starts here (the launcher: `make run`, the tests, the
latency benchmark), and gets this project's patches of Rasa's
server before Rasa starts: `rasa_extensions.apply()`, which lists them and refuses
a Rasa version they were not checked against.

`rasa run --auth-token TOKEN` puts the token in every process list. Here the
arguments the process was started with never hold it: it is added to Rasa's
own argument list inside the process, which `ps` does not show. Every log record
is masked (contact_center/log_redaction.py) before any handler writes it.
"""
from __future__ import annotations

import os
import sys


def main() -> None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import rasa_extensions
    from contact_center import log_redaction, production_check, settings

    production_check.refuse_if_unsafe("rasa")  # CONTACT_CENTER_ENV=production: no default or demo setting
    log_redaction.install()  # no identifier in any log line, whatever fails
    try:
        rasa_extensions.apply()  # this project's patches of Rasa's server (listed in rasa_extensions/__init__.py)
    except RuntimeError as error:  # another Rasa version than the one they were checked against
        raise SystemExit(f"refusing to start: {error}") from None
    token = settings.text("RASA_API_TOKEN") or ""
    os.environ.pop("RASA_API_TOKEN", None)  # taken out of the environment, as before
    if token:
        sys.argv.append(f"--auth-token={token}")  # one argument: a token may start with "-"
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
