"""Turns the JSON lines of benchmarks/run.sh into the ratios and targets of docs/benchmarks.md."""
import json
import statistics
import sys
from collections import defaultdict

runs = defaultdict(list)
for line in open(sys.argv[1]):
    line = line.strip()
    if line:
        record = json.loads(line)
        runs[record["label"]].append(record)


def pairs(label_a, label_b, key):
    return [a[key] / b[key] for a, b in zip(runs[label_a], runs[label_b]) if b.get(key)]


def median(values):
    return statistics.median(values) if values else float("nan")


rows = []


def ratio(name, label_a, label_b, key, target, better_low=False):
    values = pairs(label_a, label_b, key)
    m = median(values)
    ok = (m <= target) if better_low else (m >= target)
    rows.append((name, ", ".join(f"{v:.2f}" for v in values), f"{m:.2f}",
                 ("≤ " if better_low else "≥ ") + str(target), "met" if ok else "NOT met"))


def absolute(name, label, key, target):
    values = [r[key] for r in runs[label]]
    m = median(values)
    rows.append((name, ", ".join(f"{v:.2f}" for v in values), f"{m:.2f} ms", f"≤ {target} ms",
                 "met" if m <= target else "NOT met"))


ratio("W1 POST rate / pgbench insert (16 conns)", "W1 create empty x16", "W1 pgbench insert x16", "rate", 0.5)
ratio("W1 POST rate at 100k users / empty tenant", "W1 create 100k x16", "W1 create empty x16", "rate", 0.9)
ratio("W2 filter rate / pgbench select (16 conns)", "W2 filter 100k x16", "W2 pgbench select x16", "rate", 0.3)
ratio("W2 filter rate 100k-user / 1k-user tenant", "W2 filter 100k x16", "W2 filter 1k x16", "rate", 0.9)
ratio("W2 custom-attribute filter rate / pgbench select (16 conns)", "W2 custom attribute 100k x16", "W2 pgbench select x16", "rate", 0.3)
absolute("W2 filter p50, 1 connection", "W2 filter 100k x1", "p50_ms", 1.0)
ratio("W3 add p50 100k-member / 10-member group", "W3 100k", "W3 10", "add_p50_ms", 1.2, better_low=True)
ratio("W3 remove p50 100k-member / 10-member group", "W3 100k", "W3 10", "remove_p50_ms", 1.2, better_low=True)
absolute("W3 add p50 on the 100k-member group", "W3 100k", "add_p50_ms", 5.0)
absolute("W3 remove p50 on the 100k-member group", "W3 100k", "remove_p50_ms", 5.0)
ratio("W7 last page p50 / first page p50", "W7 last page", "W7 first page", "p50_ms", 3.0, better_low=True)
ratio("W7 cursor last page p50 / cursor first page p50", "W7 cursor last page", "W7 cursor first page", "p50_ms",
      1.2, better_low=True)
ratio("W7 deactivation rate / pgbench update (16 conns)", "W7 deactivate x16", "W7 pgbench update x16", "rate", 0.5)

stored = [json.loads(line) for line in open(sys.argv[2]) if line.strip()] if len(sys.argv) > 2 else []
heaps = {r["label"]: r for r in stored if "used_kib" in r}
if "W5 heap after the workloads" in heaps:
    growth = heaps["W5 heap after the workloads"]["growth_kib"] / 1024
    rows.append(("W5 live-heap growth, idle → after every workload (MiB)",
                 f'{heaps["W5 heap idle"]["used_kib"] / 1024:.1f} → '
                 f'{heaps["W5 heap after the workloads"]["used_kib"] / 1024:.1f}',
                 f"{growth:.1f} MiB", "≤ 16 MiB", "met" if growth <= 16 else "NOT met"))

errors = sum(r.get("errors", 0) for records in runs.values() for r in records)
print("| figure | per pair | median | target | |")
print("|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
print(f"non-2xx answers over every workload: {errors}")
for r in stored:
    if "stored" in r:
        print(f"- {r['label']}: {r['acknowledged']} acknowledged, {r['stored']} stored")
print()
print("| run | rates (req/s) per pair | p50 (ms) per pair |")
print("|---|---|---|")
for label, records in runs.items():
    rates = ", ".join(f"{r['rate']:.0f}" for r in records if "rate" in r)
    p50s = ", ".join(f"{r['p50_ms']:.2f}" for r in records if "p50_ms" in r)
    if label.startswith("W3"):  # sequential adds and removes: their latencies, and the body sizes
        p50s = ", ".join(f"add {r['add_p50_ms']:.2f} / remove {r['remove_p50_ms']:.2f} (bodies {r['body_bytes']} B)"
                         for r in records)
    print(f"| {label} | {rates} | {p50s} |")
