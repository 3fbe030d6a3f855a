#!/usr/bin/env python3
"""Lost updates under concurrent PATCHes, end to end, on the embedded H2 default.

Starts the jar on a fresh H2 data directory, then, ROUNDS times: creates a user and sends it
WRITERS concurrent Okta-shaped PATCHes without If-Match, each adding an email of its own. A round
that keeps fewer than WRITERS new emails (or a version other than WRITERS + 1) lost an update.

    python3 benchmarks/concurrent-patches.py [JAR] [ROUNDS] [WRITERS]
    (defaults: app/target/javelo-scim.jar, 300, 16)

Prints one line: rounds, rounds that lost an update, requests answered other than 200.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

JAR = sys.argv[1] if len(sys.argv) > 1 else "app/target/javelo-scim.jar"
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 300
WRITERS = int(sys.argv[3]) if len(sys.argv) > 3 else 16
PORT = int(os.environ.get("PORT", "18093"))
ADMIN = "concurrent-patches-admin-token"
BASE = f"http://127.0.0.1:{PORT}"


def call(method, path, body=None, token=None, admin=False):
    headers = {"Content-Type": "application/scim+json"}
    headers["Authorization"] = "Bearer " + (ADMIN if admin else token)
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            text = answer.read()
            return answer.status, (json.loads(text) if text else None), answer.headers
    except urllib.error.HTTPError as refused:
        return refused.code, None, refused.headers


def main():
    data = tempfile.mkdtemp(prefix="concurrent-patches-")
    env = dict(os.environ, SCIM_DATA_DIR=data, SCIM_HTTP_PORT=str(PORT), SCIM_ADMIN_TOKEN=ADMIN,
               SCIM_TENANT_RATE_LIMIT=os.environ.get("SCIM_TENANT_RATE_LIMIT", "0"))
    env.pop("SCIM_DB_URL", None)
    server = subprocess.Popen(["java", "-jar", JAR], env=env, stdout=open(os.path.join(tempfile.gettempdir(), "concurrent-patches.log"), "w"), stderr=subprocess.STDOUT)
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(BASE + "/health/ready", timeout=1) as ready:
                    if ready.status == 200:
                        break
            except Exception:
                time.sleep(0.1)
        status, tenant, _ = call("POST", "/admin/v1/tenants", {"name": "Acme"}, admin=True)
        status, issued, _ = call("POST", f"/admin/v1/tenants/{tenant['id']}/scim-token", admin=True)
        token = issued["token"]
        lost_rounds, refused = 0, 0
        for round_ in range(ROUNDS):
            status, user, _ = call("POST", "/scim/v2/Users", {
                "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                "userName": f"busy{round_}@acme.example"}, token=token)
            statuses = []

            def patch(writer):
                answer = call("PATCH", f"/scim/v2/Users/{user['id']}", {
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                    "Operations": [{"op": "add", "path": "emails",
                                    "value": [{"value": f"w{writer}-r{round_}@acme.example", "type": "other"}]}]},
                    token=token)
                statuses.append(answer[0])

            threads = [threading.Thread(target=patch, args=(w,)) for w in range(WRITERS)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            refused += sum(1 for s in statuses if s != 200)
            status, stored, headers = call("GET", f"/scim/v2/Users/{user['id']}", token=token)
            emails = len(stored.get("emails", []))
            if emails != WRITERS or headers.get("ETag") != f'W/"{WRITERS + 1}"':
                lost_rounds += 1
        print(f"{JAR}: {ROUNDS} rounds of {WRITERS} concurrent PATCHes, {lost_rounds} rounds lost an update, "
              f"{refused} requests answered other than 200")
    finally:
        server.terminate()
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
