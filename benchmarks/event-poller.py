#!/usr/bin/env python3
"""An RFC 8936 consumer for the events benchmark: long-polls /events/v1/poll, acknowledges every SET
it receives in its next poll, and prints one JSON line on SIGTERM/SIGINT (or after DURATION seconds):
SETs received, the seconds it ran, and SETs per second.
  BASE=http://127.0.0.1:18183 CONSUMER_TOKEN=... python3 benchmarks/event-poller.py"""
import json
import os
import signal
import sys
import time
import urllib.request

base = os.environ["BASE"]
token = os.environ["CONSUMER_TOKEN"]
label = os.environ.get("LABEL", "events delivered")
duration = float(os.environ.get("DURATION", "0"))
stopping = False


def stop(*_):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)

received = 0
ack = []
started = time.monotonic()
while not stopping and (duration <= 0 or time.monotonic() - started < duration):
    body = json.dumps({"ack": ack, "maxEvents": 1000, "returnImmediately": False}).encode()
    request = urllib.request.Request(base + "/events/v1/poll", data=body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            sets = json.load(response)["sets"]
    except InterruptedError:
        break
    ack = list(sets.keys())
    received += len(ack)
elapsed = time.monotonic() - started
print(json.dumps({"label": label, "sets": received, "seconds": round(elapsed, 2),
                  "rate": round(received / elapsed, 1) if elapsed > 0 else 0}))
sys.stdout.flush()
