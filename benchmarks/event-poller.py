#!/usr/bin/env python3
"""An RFC 8936 consumer for the events benchmark. It long-polls /events/v1/poll, acknowledging the
SETs of each answer in its next poll, until SIGTERM; then it acknowledges the last answer and prints
one JSON line: SETs received, seconds from start to the signal, SETs per second.
With READY_FILE set it creates that file once polling starts. With DRAIN=1 it short-polls until the feed is empty instead (acknowledging everything) and prints nothing.
  BASE=http://127.0.0.1:18183 CONSUMER_TOKEN=... python3 benchmarks/event-poller.py"""
import json
import os
import signal
import time
import urllib.request

base = os.environ["BASE"]
token = os.environ["CONSUMER_TOKEN"]
label = os.environ.get("LABEL", "events delivered")
drain = os.environ.get("DRAIN") == "1"


class Stop(Exception):
    pass


def stop(*_):
    raise Stop()


def poll(ack, max_events, immediately):
    body = json.dumps({"ack": ack, "maxEvents": max_events, "returnImmediately": immediately}).encode()
    request = urllib.request.Request(base + "/events/v1/poll", data=body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return list(json.load(response)["sets"].keys())


received = 0
ack = []
started = time.monotonic()
stopped = None
if drain:
    while True:
        ack = poll(ack, 1000, True)
        if not ack:
            break
else:
    # A signal aborts a long poll that is waiting: what it would have answered is not counted, and
    # comes again to the next consumer run (unacknowledged).
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    if os.environ.get("READY_FILE"):
        open(os.environ["READY_FILE"], "w").close()
    started = time.monotonic()
    try:
        while True:
            sets = poll(ack, 1000, False)
            ack = sets
            received += len(sets)
    except Stop:
        stopped = time.monotonic()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    poll(ack, 0, True)
    elapsed = stopped - started
    print(json.dumps({"label": label, "sets": received, "seconds": round(elapsed, 2),
                      "rate": round(received / elapsed, 1) if elapsed > 0 else 0}), flush=True)
