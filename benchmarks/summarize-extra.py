"""Prints the W4, W5 and W6 figures of docs/benchmarks.md from benchmarks/results/extra.jsonl."""
import json
import statistics
import sys

records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
by_label = {}
for record in records:
    by_label.setdefault(record["label"], []).append(record)


def pairs(a, b, key):
    return [x[key] / y[key] for x, y in zip(by_label.get(a, []), by_label.get(b, []))]


rows = []


def row(figure, values, median, target, met):
    rows.append((figure, values, median, target, "" if met is None else "met" if met else "NOT met"))


for c in (4, 16):
    push = by_label.get(f"W4 push 10k x{c}")
    if push:
        p = push[0]
        row(f"W4 initial Okta push of 10,000 users, {c} connections (wall time)",
            f'{p["wall_s"]:.1f} s, {p["errors"]} errors, {p["stored"]} stored', f'{p["wall_s"]:.1f} s',
            "≤ 15 s" if c == 16 else "—", (p["wall_s"] <= 15 and p["errors"] == 0) if c == 16 else None)
build = by_label.get("W4 group build 10k")
if build:
    walls = [b["wall_s"] for b in build]
    errors = sum(b["errors"] for b in build)
    row("W4 Group Push: POST /Groups + 100 PATCHes of 100 members (wall time)",
        ", ".join(f"{w:.2f} s" for w in walls) + f", {errors} errors", f"{statistics.median(walls):.2f} s", "≤ 2 s",
        statistics.median(walls) <= 2 and errors == 0)
w5 = pairs("W5 create -Xmx256m", "W5 create -Xmx1g", "rate")
if w5:
    row("W5 create rate under -Xmx256m / default heap", ", ".join(f"{r:.2f}" for r in w5),
        f"{statistics.median(w5):.2f}", "≥ 0.9, no OOM", statistics.median(w5) >= 0.9)
for suffix in ("", " (CDS)"):
    w6 = pairs(f"W6 service start{suffix}", f"W6 bare Jersey start{suffix}", "ms")
    if w6:
        starts = by_label[f"W6 service start{suffix}"]
        row(f"W6 start to first 200 / bare Jersey{suffix or ' (plain java)'}",
            ", ".join(f'{s["ms"]}/{h["ms"]}' for s, h in zip(starts, by_label[f"W6 bare Jersey start{suffix}"])),
            f"{statistics.median(w6):.2f}", "≤ 1.5", statistics.median(w6) <= 1.5)
        rss = [s["peak_rss_kib"] / 1024 for s in starts]
        row(f"W6 peak RSS at first 200{suffix or ' (plain java)'}", ", ".join(f"{r:.0f}" for r in rss),
            f"{statistics.median(rss):.0f} MiB", "≤ 200 MiB", statistics.median(rss) <= 200)

print("| figure | per run / pair | median | target | |")
print("|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
errors = sum(r.get("errors", 0) for r in records)
print()
print(f"non-2xx answers in W4 and W5: {errors}")
