"""Prints the figures of two result directories side by side (benchmarks/run-before-after.sh):
each figure's per-pair values and median before and after, from their latest.md and extra.md."""
import sys
from pathlib import Path


def figures(directory):
    rows = {}
    for name in ("latest.md", "extra.md"):
        path = Path(directory) / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            # the figures' tables: figure | per pair | median | target | met
            if len(cells) >= 4 and cells[0] not in ("figure", "run") and not set(cells[0]) <= set("-"):
                if cells[3].startswith(("≥", "≤", "—")):
                    rows.setdefault(cells[0], (cells[1], cells[2], cells[3]))
    return rows


before, after = figures(sys.argv[1]), figures(sys.argv[2])
print("| figure | before, per pair | before | after, per pair | after | target |")
print("|---|---|---|---|---|---|")
for figure in list(before) + [f for f in after if f not in before]:
    b = before.get(figure, ("", "", ""))
    a = after.get(figure, ("", "", ""))
    print(f"| {figure} | {b[0]} | {b[1]} | {a[0]} | {a[1]} | {a[2] or b[2]} |")
