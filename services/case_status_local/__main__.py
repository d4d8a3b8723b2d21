"""`python -m services.case_status_local --port 5056`: serve the local Case Status API."""
from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path

from services.case_status_local import server, settings


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m services.case_status_local",
        description="Local USCIS Case Status API stand-in (demo credentials, demo cases).",
    )
    # Loopback by default: the service has demo credentials and an admin switch.
    parser.add_argument("--host", default=settings.DEFAULT_HOST, help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=settings.DEFAULT_PORT, help="port (default 5056)")
    parser.add_argument("--cases", type=Path, default=settings.CASES_PATH, help="cases JSON file")
    parser.add_argument(
        "--admin",
        action="store_true",
        default=os.environ.get("CASE_STATUS_LOCAL_ADMIN", "") in ("1", "true", "yes"),
        help="enable the test-only /_admin endpoints (also CASE_STATUS_LOCAL_ADMIN=1)",
    )
    parser.add_argument("--token-ttl", type=float, default=settings.TOKEN_TTL_SECONDS, help="token lifetime, s")
    parser.add_argument(
        "--rate-limit", type=int, default=settings.RATE_LIMIT_PER_SECOND,
        help="requests per second per client before 429 (0 = no limit)",
    )
    parser.add_argument("--slow-seconds", type=float, default=settings.SLOW_SECONDS, help="delay in slow mode")
    parser.add_argument(
        "--mode", choices=settings.MODES, default=None,
        help="start in this mode (default from CASE_STATUS_LOCAL_FAIL, else ok)",
    )
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)
    from contact_center import log_redaction

    log_redaction.install()  # the receipt numbers it serves never reach its log
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server.run(
        host=args.host,
        port=args.port,
        cases_path=args.cases,
        admin=args.admin,
        token_ttl_seconds=args.token_ttl,
        rate_limit_per_second=args.rate_limit,
        slow_seconds=args.slow_seconds,
        mode=args.mode,
    )


if __name__ == "__main__":
    main()
