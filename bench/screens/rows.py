#!/usr/bin/env python3
"""Turns screens-raw/{rantevou,baseline}.json into OUT/screens.json (rows in the shared format of bench/).
Usage: rows.py RAW_DIR OUT_DIR BASE_REF"""
import json
import os
import sys

raw, out, base_ref = sys.argv[1:4]


def load(name):
    with open(os.path.join(raw, name + ".json")) as f:
        return {r["n"]: r for r in json.load(f)["results"]}


def rnd(v):
    return None if v is None else round(v, 3)


def row(name, unit, value, baseline, baseline_value, target, met, notes):
    ratio = None if baseline_value in (None, 0) or value is None else round(value / baseline_value, 3)
    return {"name": name, "unit": unit, "value": rnd(value), "baseline": baseline, "baseline_value": rnd(baseline_value),
            "ratio": ratio, "target": target, "met": met, "notes": notes}


mine, base = load("rantevou"), load("baseline")
BASE = f"the same bench on {base_ref} (one snapshot per screen per change)"
rows = []
for n in sorted(mine):
    m, b = mine[n], base.get(n, {})
    built = m["snapshotsBuiltPerCall"]
    # The baseline server has no counter: it builds one snapshot per request.
    b_built = b.get("snapshotsBuiltPerCall") or b.get("snapshotRequestsPerCall")
    rows.append(row(f"snapshots built per call-next, {n:,} screens", "snapshots", built, BASE, b_built, "<= 2",
                    built is not None and built <= 2,
                    f"{m['snapshotRequestsPerCall']:.0f} snapshot requests per call, answered from the cache; {m['calls']} calls"))
    target = 500 if n <= 1000 else 2000
    rows.append(row(f"every screen shows the call, p99 over calls, {n:,} screens", "ms", m["lastP99Ms"], BASE,
                    b.get("lastP99Ms"), f"<= {target} ms", m["lastP99Ms"] <= target,
                    f"p50 {m['lastP50Ms']:.0f} ms, max {m['lastMaxMs']:.0f} ms; per screen p50 {m['screenP50Ms']:.0f} ms "
                    f"(baseline p50 {b.get('lastP50Ms', 0):.0f}, max {b.get('lastMaxMs', 0):.0f} ms)"
                    # Every screen is measured: one whose first connection failed joined on its own retry before the calls.
                    + (f"; {m['connectErrors']} connection attempts failed while the screens joined, each retried"
                       if m.get("connectErrors") else "")))
with open(os.path.join(out, "screens.json"), "w") as f:
    json.dump({"part": "screens", "rows": rows}, f, indent=2, ensure_ascii=False)
for r in rows:
    print(f"  {r['name']}: {r['value']} vs {r['baseline_value']} (ratio {r['ratio']}), target {r['target']}, met {r['met']}")
