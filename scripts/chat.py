"""Chat in the terminal with a running assistant, through its REST channel.

    python scripts/chat.py [--url http://localhost:5005] [--sender me]
"""
from __future__ import annotations

import argparse
import sys
import uuid

import requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:5005")
    parser.add_argument("--sender", default=f"terminal-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args()
    webhook = f"{args.url.rstrip('/')}/webhooks/rest/webhook"
    print("Type a message (English or Spanish); Ctrl-D or /quit to leave.")
    while True:
        try:
            text = input("you> ")
        except EOFError:
            print()
            return 0
        if text.strip() == "/quit":
            return 0
        try:
            reply = requests.post(webhook, json={"sender": args.sender, "message": text}, timeout=30)
            reply.raise_for_status()
        except requests.RequestException as error:
            print(f"(the assistant is not reachable at {args.url}: {error})", file=sys.stderr)
            continue
        for message in reply.json():
            if message.get("text"):
                print(f"bot> {message['text']}")
            for button in message.get("buttons") or []:
                print(f"     [{button.get('title')}] -> {button.get('payload')}")


if __name__ == "__main__":
    sys.exit(main())
