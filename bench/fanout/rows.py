#!/usr/bin/env python3
"""Turns the raw fan-out and density measurements (fanout-raw/*.json) into OUT/fanout.json and OUT/density.json
in the shared row format of bench/README.md. Usage: rows.py RAW_DIR OUT_DIR"""
import json
import os
import re
import sys

raw, out = sys.argv[1], sys.argv[2]


def load(name):
    with open(os.path.join(raw, name)) as f:
        return json.load(f)


def package_version(name):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "node", "package.json")) as f:
        return json.load(f)["dependencies"][name]


def server_line(name):
    with open(os.path.join(raw, name + ".log")) as f:
        return next((line.strip() for line in f if line.startswith("READY")), "")


def by_size(data, mode):
    return {r["n"]: r for r in data["results"] if r["mode"] == mode}


def label(n):
    return f"{n:,} live pages" if n >= 5000 else f"{n:,} displays"


def row(name, unit, value, baseline, baseline_value, target, met, notes):
    ratio = None if baseline_value in (None, 0) or value is None else round(value / baseline_value, 3)
    return {"name": name, "unit": unit, "value": rnd(value), "baseline": baseline, "baseline_value": rnd(baseline_value),
            "ratio": ratio, "target": target, "met": met, "notes": notes}


def rnd(v):
    return None if v is None else round(v, 3)


SIO = f"socket.io {package_version('socket.io')} server, same trigger and payload"
WS = f"bare ws {package_version('ws')} server, same trigger and payload"
gc = re.search(r"serverGC=(\S+)", server_line("rantevou-fanout"))
gc_note = f"Rantevou serverGC={gc.group(1) if gc else '?'} (1 core: the runtime uses workstation GC)"

json_r, pack_r = load("rantevou-json.json"), load("rantevou-msgpack.json")
ws_r, sio_r = load("ws.json"), load("socketio.json")
rows = []
for proto, data in (("JSON", json_r), ("MessagePack", pack_r)):
    mine, ws, sio = by_size(data, "bench"), by_size(ws_r, "bench"), by_size(sio_r, "bench")
    for n in sorted(mine):
        m, w, s = mine[n], ws.get(n), sio.get(n)
        lost = m["lost"] + (s["lost"] if s else 0)
        rows.append(row(
            f"fan-out p99 to last receiver, {label(n)} (Rantevou {proto})", "ms", m["p99Ms"], SIO, s and s["p99Ms"],
            "p99 below socket.io", bool(s and m["p99Ms"] is not None and s["p99Ms"] is not None and m["p99Ms"] < s["p99Ms"]),
            f"{m['calls']} calls; p50 {m['p50Ms']:.2f} ms (socket.io {s['p50Ms']:.2f}, ws {w['p50Ms']:.2f}); "
            f"ws p99 {w['p99Ms']:.2f} ms; lost {lost}"))
        rows.append(row(
            f"server CPU per delivery, {label(n)} (Rantevou {proto})", "µs", m["serverCpuUsPerDelivery"], WS,
            w and w["serverCpuUsPerDelivery"], "<= 1.5x bare ws",
            bool(w and m["serverCpuUsPerDelivery"] <= 1.5 * w["serverCpuUsPerDelivery"]),
            f"utime+stime over {m['calls']} broadcasts to {n}; socket.io {s['serverCpuUsPerDelivery']:.2f} µs; "
            f"load generator {m['loadgenCpuMs'] / m['calls']:.2f} ms CPU per call" + (f"; {gc_note}" if proto == "JSON" else "")))

real, bench = by_size(json_r, "callnext"), by_size(json_r, "bench")
for n in sorted(real):
    r, b = real[n], bench[n]
    rows.append(row(
        f"real clerk call-next to last receiver p99, {label(n)} (Rantevou JSON)", "ms", r["p99Ms"],
        "Rantevou bench trigger, same run", b["p99Ms"], None, None,
        f"POST /api/desks/1/call-next as clerk1 (bearer): policy pick, SQLite write and commit, then the broadcast; "
        f"{r['calls']} calls, p50 {r['p50Ms']:.2f} ms; server CPU {r['serverCpuMs'] / r['calls']:.1f} ms per cycle "
        f"(walk-in + call + complete, 3 broadcasts); lost {r['lost']}"))

with open(os.path.join(out, "fanout.json"), "w") as f:
    json.dump({"part": "fanout", "rows": rows, "payload": load("payload.json")}, f, indent=2, ensure_ascii=False)

dens = {k: load(f"density-{k}.json")["results"][0] for k in ("rantevou", "ws", "socketio")}
d, dw, ds = dens["rantevou"], dens["ws"], dens["socketio"]
n = d["n"]
mib = lambda kib: kib / 1024  # noqa: E731
after = mib(d["rssAfterBroadcastKiB"])
drows = [
    row(f"RSS with {n:,} hub connections after a broadcast (Rantevou)", "MiB", after,
        f"{WS.split(',')[0]} holding {n:,}", mib(dw["rssAfterBroadcastKiB"]), "<= 1024 MiB", after <= 1024,
        f"connected {mib(d['rssConnectedKiB']):.0f} MiB; idle {mib(d['rssIdleKiB']):.0f} MiB; "
        f"{n:,} joined in {d['connectSeconds']:.1f} s; broadcast reached {d['received']:,} in {d['broadcastMs'] or 0:.0f} ms; {gc_note}"),
    row(f"RSS with {n:,} hub connections after a broadcast (Rantevou, vs socket.io)", "MiB", after,
        f"{SIO.split(',')[0]} holding {n:,}", mib(ds["rssAfterBroadcastKiB"]), "<= 1.5x socket.io",
        after <= 1.5 * mib(ds["rssAfterBroadcastKiB"]),
        f"socket.io connected {mib(ds['rssConnectedKiB']):.0f} MiB, idle {mib(ds['rssIdleKiB']):.0f} MiB"),
    row("RSS of the idle server (Rantevou)", "MiB", mib(d["rssIdleKiB"]), "bare ws server idle", mib(dw["rssIdleKiB"]),
        None, None, "after start-up, migrations and demo seed, before any connection"),
    row(f"RSS per connection (Rantevou, {n:,} connected minus idle)", "KiB",
        (d["rssConnectedKiB"] - d["rssIdleKiB"]) / n, "bare ws server, same",
        (dw["rssConnectedKiB"] - dw["rssIdleKiB"]) / n, None, None,
        f"socket.io {(ds['rssConnectedKiB'] - ds['rssIdleKiB']) / n:.1f} KiB"),
]
with open(os.path.join(out, "density.json"), "w") as f:
    json.dump({"part": "density", "rows": drows}, f, indent=2, ensure_ascii=False)
