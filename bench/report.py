#!/usr/bin/env python3
"""Collects OUT/<part>.json files into OUT/results.json (rows + machine info) and prints a Markdown table.
Usage: report.py OUT_DIR"""
import glob
import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone

out = sys.argv[1]


def command(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), None)
    except OSError:
        return None


def mem_total():
    try:
        with open("/proc/meminfo") as f:
            kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
        return f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        return None


machine = {
    "nproc": int(command("nproc") or 0),
    "cpu": cpu_model(),
    "memory": mem_total(),
    "kernel": platform.release(),
    "dotnet": command("dotnet", "--version"),
    "node": command("node", "--version"),
    "loadavg_at_report": os.getloadavg()[0],
    "utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
}

parts, notes = [], []
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    name = os.path.basename(path)
    if name == "results.json":
        continue
    with open(path) as f:
        data = json.load(f)
    if not isinstance(data, dict) or "part" not in data:
        continue
    if data.get("skipped") or data.get("failed"):
        notes.append(f"part {data['part']}: " + (f"skipped ({data['skipped']})" if data.get("skipped") else "FAILED"))
        continue
    parts.append(data)

with open(os.path.join(out, "results.json"), "w") as f:
    json.dump({"machine": machine, "parts": parts, "notes": notes}, f, indent=2, ensure_ascii=False)


def fmt(v):
    if v is None:
        return "–"
    if isinstance(v, bool):
        return "yes" if v else "**no**"
    if isinstance(v, float):
        return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


print(f"\n## Benchmarks ({machine['utc']})\n")
print(f"{machine['nproc']} cores ({machine['cpu']}), {machine['memory']}, dotnet {machine['dotnet']}, node {machine['node']}, "
      f"load average {machine['loadavg_at_report']:.1f} at the end\n")
for p in parts:
    print(f"### {p['part']}\n")
    print("| benchmark | value | baseline | baseline value | ratio | target | met |")
    print("|---|---|---|---|---|---|---|")
    for r in p["rows"]:
        print(f"| {r['name']} | {fmt(r['value'])} {r.get('unit', '')} | {r.get('baseline') or '–'} | {fmt(r.get('baseline_value'))} "
              f"| {fmt(r.get('ratio'))} | {r.get('target') or '–'} | {fmt(r.get('met'))} |")
    print()
for n in notes:
    print(f"> NOTE: {n}")
print(f"\nJSON: {os.path.join(out, 'results.json')}")
