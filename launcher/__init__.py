"""Starts the assistant's processes: one launcher for `make run`, the tests and the benchmarks.

- `python -m launcher` (`make run`, scripts/run_assistant.sh): local.py, on the fixed
  ports, with var/ for databases, logs, mail and secrets, until Ctrl-C.
- scratch.py: start_assistant() and start_web() on free loopback ports, with SQLite files
  and a clock file in a work folder and secrets made per start (tests/stack.py re-exports
  it; the benchmarks use it).
- services.py: each process's command line (the local Case Status service, the local SMTP
  server, the action server, Rasa through scripts/rasa_server.py, the chat page and desk
  server web/serve.py), the environment they share, how long each may take to answer.
- processes.py: start a process with its log, wait until it answers, stop them all.

Every process listens on 127.0.0.1 only.
"""
