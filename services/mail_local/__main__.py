"""`python -m services.mail_local --port 5025 --dir var/mail`: store incoming mail as .eml files."""
from __future__ import annotations

import argparse
import logging
import signal
import threading
from pathlib import Path

from contact_center.mailer import is_loopback
from services.mail_local import server


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m services.mail_local",
        description="Local SMTP server: writes every message it receives as one .eml file. Never relays.",
    )
    # Loopback by default: it accepts mail from anyone who can reach it, without login.
    parser.add_argument("--host", default=server.DEFAULT_HOST, help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=server.DEFAULT_PORT, help="port (default 5025)")
    parser.add_argument(
        "--dir", type=Path, default=server.DEFAULT_FOLDER, help="folder for the .eml files (default var/mail)"
    )
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not is_loopback(args.host):
        logging.getLogger(__name__).warning(
            "listening on a non-loopback address: anyone who can reach it can drop mail into %s", args.dir
        )

    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    controller = server.start(args.host, args.port, args.dir)
    print(f"mail_local ready: smtp://{args.host}:{controller.port}, writing to {args.dir}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
