"""Chat in the terminal with a running assistant, through its REST channel.

    python scripts/chat.py [--url http://localhost:5005]

Each run is a new conversation: the first message goes without a sender, and the
conversation id and token the server gives back (applicant_channels/session_binding.py)
go with every message after it.
"""
from __future__ import annotations

import argparse
import sys

import requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://localhost:5005")
    args = parser.parse_args()
    webhook = f"{args.url.rstrip('/')}/webhooks/rest/webhook"
    conversation: dict = {}
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
            body = {"message": text, **({"sender": conversation["id"]} if conversation else {})}
            headers = {"X-Conversation-Token": conversation["token"]} if conversation else {}
            reply = requests.post(webhook, json=body, headers=headers, timeout=30)
            reply.raise_for_status()
            if not conversation and "X-Conversation-Id" in reply.headers:
                conversation = {"id": reply.headers["X-Conversation-Id"], "token": reply.headers["X-Conversation-Token"]}
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
