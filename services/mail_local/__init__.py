"""Local SMTP server that stores each message as a `.eml` file (development and tests).

Run it with `python -m services.mail_local --host 127.0.0.1 --port 5025 --dir var/mail`,
or in-process with `start(host, port, folder)`; see server.py.
"""
from services.mail_local.server import DEFAULT_FOLDER, DEFAULT_HOST, DEFAULT_PORT, message_files, start

__all__ = ["DEFAULT_FOLDER", "DEFAULT_HOST", "DEFAULT_PORT", "message_files", "start"]
