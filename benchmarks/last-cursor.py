"""Prints the cursor (RFC 9865) after which exactly the last 100 users of a tenant remain.

    python3 benchmarks/last-cursor.py http://127.0.0.1:18181 TOKEN

Walks with the largest pages (count=1000) and a last shorter step: a cursor cannot be made
outside the service (it is sealed), only obtained by walking, which is what W7 measures against.
"""
import json
import sys
import urllib.request

base, token = sys.argv[1], sys.argv[2]
LAST = 100


def page(count, cursor):
    request = urllib.request.Request(f"{base}/scim/v2/Users?count={count}&cursor={cursor}&attributes=id",
                                     headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)


first = page(0, "")
remaining = first["totalResults"] - LAST
cursor = ""
while remaining > 0:
    answer = page(min(1000, remaining), cursor)
    remaining -= answer["itemsPerPage"]
    cursor = answer["nextCursor"]
print(cursor)
