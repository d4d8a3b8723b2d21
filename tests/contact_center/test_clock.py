"""The injectable clock the time rules read (G3, C1, C2, R2)."""
from datetime import datetime, timezone

import pytest

from contact_center import clock


def test_real_time_is_aware():
    moment = clock.now({})
    assert moment.tzinfo is not None
    assert abs((datetime.now(timezone.utc) - moment).total_seconds()) < 5


def test_fixed_moment_from_the_environment():
    moment = clock.now({clock.NOW_ENV: "2026-11-24T10:00:00-05:00"})
    assert moment.isoformat() == "2026-11-24T10:00:00-05:00"


def test_a_file_moves_a_running_clock(tmp_path):
    path = tmp_path / "clock"
    env = {clock.FILE_ENV: str(path), clock.NOW_ENV: "2026-11-24T10:00:00-05:00"}
    assert clock.now(env).hour == 10  # no file yet: the fixed moment
    path.write_text("2026-11-26T21:30:00-05:00\n")
    assert clock.now(env).isoformat() == "2026-11-26T21:30:00-05:00"


def test_a_naive_moment_is_refused():
    with pytest.raises(ValueError):
        clock.now({clock.NOW_ENV: "2026-11-24T10:00:00"})
