#!/usr/bin/env bash
# Fan-out and density benchmarks. Usage: bench/fanout/run.sh OUT_DIR [--quick]
# Servers run on core 0, the load generator on core 1. Writes OUT_DIR/fanout.json and OUT_DIR/density.json,
# raw measurements under OUT_DIR/fanout-raw/.
set -euo pipefail
OUT=${1:?usage: bench/fanout/run.sh OUT_DIR [--quick]}
QUICK=${BENCH_QUICK:-0}
[[ "${2:-}" == "--quick" ]] && QUICK=1
HERE=$(cd "$(dirname "$0")" && pwd)
RAW="$OUT/fanout-raw"
mkdir -p "$RAW"
RAW=$(cd "$RAW" && pwd)

if [[ "$QUICK" == 1 ]]; then
  SIZES=100:20,1000:10; CALLNEXT=5; DENSITY=1000
else
  SIZES=100:200,1000:100,5000:40; CALLNEXT=20; DENSITY=10000
fi

# Thousands of sockets on each side: raise the soft limit to the hard one (20,000 here).
ulimit -n "$(ulimit -Hn)"
echo "fanout: open files limit $(ulimit -n), sizes $SIZES, real calls $CALLNEXT per size, density $DENSITY"

(cd "$HERE/node" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
dotnet build -c Release "$HERE/FanoutHost/FanoutHost.csproj" -nologo -v q -clp:ErrorsOnly >/dev/null
HOST="$HERE/FanoutHost/bin/Release/net10.0/Rantevou.Bench.FanoutHost.dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

SERVER_PID=""
stop_server() {
  [[ -z "$SERVER_PID" ]] && return 0
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
trap stop_server EXIT

# start_server NAME CMD...: runs CMD on core 0 and waits for its READY line.
start_server() {
  local name=$1; shift
  local log="$RAW/$name.log"
  taskset -c 0 "$@" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    grep -q '^READY' "$log" && { grep '^READY' "$log"; return 0; }
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "fanout: $name did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

loadgen() { taskset -c 1 node "$HERE/node/fanout.js" "$@"; }

rantevou() {
  local port; port=$(free_port)
  local data; data=$(mktemp -d -t rantevou-bench-XXXXXX)
  start_server "$1" dotnet "$HOST" "$port" "$data"
  URL="http://127.0.0.1:$port"
  # The kiosk the host registers at start (ADR 0015): walk-ins are issued by a registered kiosk only.
  KIOSK=$(grep '^READY' "$RAW/$1.log" | sed -n 's/.* kiosk=\([^ ]*\).*/\1/p')
}

node_server() {
  local port; port=$(free_port)
  start_server "$1" node "$HERE/node/servers/$2" "$port"
  URL="http://127.0.0.1:$port"
}

# Fan-out: each server in turn, the same payload, the same sizes, the same trigger.
rantevou rantevou-fanout
taskset -c 1 node "$HERE/node/capture.js" "$URL" "$RAW/payload.json" "$KIOSK"
loadgen --server "$URL" --kind signalr-json --pid "$SERVER_PID" --payload "$RAW/payload.json" \
  --sizes "$SIZES" --callnext "$CALLNEXT" --kiosk "$KIOSK" --out "$RAW/rantevou-json.json"
loadgen --server "$URL" --kind signalr-msgpack --pid "$SERVER_PID" --payload "$RAW/payload.json" \
  --sizes "$SIZES" --out "$RAW/rantevou-msgpack.json"
stop_server

node_server ws-fanout ws-server.js
loadgen --server "$URL" --kind ws --pid "$SERVER_PID" --payload "$RAW/payload.json" --sizes "$SIZES" --out "$RAW/ws.json"
stop_server

node_server socketio-fanout socketio-server.js
loadgen --server "$URL" --kind socketio --pid "$SERVER_PID" --payload "$RAW/payload.json" --sizes "$SIZES" --out "$RAW/socketio.json"
stop_server

# Density: a fresh server each, idle RSS, then DENSITY connections, then one broadcast to all of them.
rantevou rantevou-density
sleep 3
loadgen --server "$URL" --kind signalr-json --pid "$SERVER_PID" --payload "$RAW/payload.json" --density "$DENSITY" --out "$RAW/density-rantevou.json"
stop_server

node_server ws-density ws-server.js
sleep 1
loadgen --server "$URL" --kind ws --pid "$SERVER_PID" --payload "$RAW/payload.json" --density "$DENSITY" --out "$RAW/density-ws.json"
stop_server

node_server socketio-density socketio-server.js
sleep 1
loadgen --server "$URL" --kind socketio --pid "$SERVER_PID" --payload "$RAW/payload.json" --density "$DENSITY" --out "$RAW/density-socketio.json"
stop_server

python3 "$HERE/rows.py" "$RAW" "$OUT"
