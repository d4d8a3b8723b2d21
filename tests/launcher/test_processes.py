"""launcher/processes.py: a service that stops on its own is started again (make run), and
one that keeps stopping is given up on, so the launcher stops everything."""
import sys
import time

from launcher.processes import Supervisor, start_process


def _wait_stopped(service, seconds=20.0):
    deadline = time.time() + seconds
    while service.proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert service.proc.poll() is not None


def test_a_stopped_service_is_restarted_and_its_log_kept(tmp_path):
    service = start_process("echo", [sys.executable, "-c", "print('ran')"], env=None, logs=tmp_path)
    _wait_stopped(service)
    said = []
    supervisor = Supervisor([service], limit=3, window=300)
    assert supervisor.check(say=said.append) is None
    assert said and "echo stopped (exit 0); restarting it" in said[0]
    _wait_stopped(service)
    assert service.log.read_text().split() == ["ran", "ran"]


def test_a_running_service_is_left_alone(tmp_path):
    service = start_process("sleeper", [sys.executable, "-c", "import time; time.sleep(30)"], env=None,
                            logs=tmp_path)
    try:
        said = []
        assert Supervisor([service]).check(say=said.append) is None
        assert said == []
    finally:
        service.proc.kill()
        service.proc.wait()


def test_a_service_that_keeps_stopping_is_given_up_on(tmp_path):
    now = [0.0]
    service = start_process("crash", [sys.executable, "-c", "raise SystemExit(3)"], env=None, logs=tmp_path)
    supervisor = Supervisor([service], limit=3, window=300, clock=lambda: now[0])
    said = []
    for step in range(2):
        _wait_stopped(service)
        assert supervisor.check(say=said.append) is None
        now[0] += 10
    _wait_stopped(service)
    assert supervisor.check(say=said.append) is service
    assert "crash stopped (exit 3) 3 times in 300 s" in said[-1]


def test_stops_far_apart_are_each_restarted(tmp_path):
    now = [0.0]
    service = start_process("rare", [sys.executable, "-c", "raise SystemExit(1)"], env=None, logs=tmp_path)
    supervisor = Supervisor([service], limit=3, window=300, clock=lambda: now[0])
    for step in range(5):
        _wait_stopped(service)
        assert supervisor.check(say=lambda line: None) is None
        now[0] += 400
