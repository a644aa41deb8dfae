"""Replay recorded deliveries against the receiver: python -m hooks.replay FILE.jsonl"""

from __future__ import annotations

import json
import sys

from hooks.config import Settings
from hooks.receiver import WebhookReceiver


def main(path: str) -> int:
    settings = Settings.from_env()
    print(f"replaying {path} (env={settings.environment})")
    receiver = WebhookReceiver(settings)
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            record = json.loads(line)
            body = json.dumps(record["body"]).encode()
            result = receiver.handle(record.get("headers", {}), body)
            print(f"{n}: {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "fixtures/deliveries.jsonl"))
