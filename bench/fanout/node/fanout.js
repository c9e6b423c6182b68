// Load generator (run on its own core): opens N receivers to one server, then makes calls one after another and
// times each from the moment the trigger is sent until the LAST receiver has the message (process.hrtime, same
// process, so no clock skew). Server CPU per delivery comes from /proc/<pid>/stat (utime+stime) around the timed
// calls. Density mode opens many receivers and reads the server's VmRSS.
//
//   node fanout.js --server http://127.0.0.1:5391 --kind signalr-json --pid 123 --payload payload.json
//                  --sizes 100:200,1000:100 [--callnext 50] [--density 10000] --out result.json
'use strict';
const fs = require('fs');
const http = require('http');
const { execSync } = require('child_process');
const receivers = require('./receivers');

const args = parseArgs(process.argv.slice(2));
const base = args.server;
const kind = args.kind;
const pid = Number(args.pid);
const payload = JSON.parse(fs.readFileSync(args.payload, 'utf8'));
const TICK_MS = 1000 / Number(execSync('getconf CLK_TCK').toString().trim());
const CALL_TIMEOUT_MS = 15000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
// .NET promotes a method to optimized code after 30 calls, compiling it in the background: 60 warm-up broadcasts
// and a pause keep that compilation out of the timed window (V8 gets the same).
const WARMUP = { bench: 60, callnext: 10 };
const KIND = { WalkInIssued: 2, Called: 3, Completed: 5 };

// What the receivers are waiting for now: a message of this kind (and version, for the bench trigger) at all N.
let want = null;
function onEvent(version, kind) {
  const w = want;
  if (!w || kind !== w.kind || (w.version !== null && version !== w.version)) return;
  if (++w.count === w.n) {
    w.last = process.hrtime.bigint();
    w.resolve();
  }
}

function expect(n, kindWanted, version) {
  let resolve;
  const done = new Promise((r) => (resolve = r));
  want = { n, kind: kindWanted, version, count: 0, last: 0n, resolve };
  const w = want;
  const timeout = new Promise((r) => setTimeout(r, CALL_TIMEOUT_MS).unref());
  return { w, all: Promise.race([done, timeout]) };
}

async function main() {
  const sockets = new Set();
  const ping = setInterval(() => receivers.pingAll(sockets), 10000);
  const out = { kind, server: base, pid, clkTckMs: TICK_MS, results: [] };
  let token = null;

  if (args.density) {
    const n = Number(args.density);
    const rssIdle = rssKiB();
    const t0 = Date.now();
    const opened = await openMany(n, sockets);
    const connectSeconds = (Date.now() - t0) / 1000;
    await sleep(3000);
    const rssConnected = rssKiB();
    const { w, all } = expect(n, KIND.Called, 900000);
    const s = process.hrtime.bigint();
    await Promise.all([trigger(900000), all]);
    const broadcastMs = w.count === n ? Number(w.last - s) / 1e6 : null;
    await sleep(1000);
    out.results.push({ mode: 'density', n, connectSeconds, rssIdleKiB: rssIdle, rssConnectedKiB: rssConnected,
      rssAfterBroadcastKiB: rssKiB(), broadcastMs, received: w.count });
    await closeAll(opened, sockets);
  } else {
    for (const size of String(args.sizes).split(',')) {
      const [n, calls] = size.split(':').map(Number);
      const opened = await openMany(n, sockets);
      await sleep(500);
      out.results.push(await timedCalls(n, calls, 'bench', (i) => benchCall(n, 1000000 + n * 10000 + i)));
      if (args.callnext) {
        token ??= await login();
        out.results.push(await timedCalls(n, Number(args.callnext), 'callnext', () => realCall(n, token)));
      }
      await closeAll(opened, sockets);
      log(`n=${n} done`);
    }
  }
  clearInterval(ping);
  fs.writeFileSync(args.out, JSON.stringify(out, null, 2));
  agent.destroy();
}

/**
 * Runs warm-up calls (every server gets the same: JIT tiering, buffers and caches settle), then `calls` timed ones;
 * server CPU (utime+stime) is read around the timed ones only.
 */
async function timedCalls(n, calls, mode, call) {
  for (let i = 0; i < WARMUP[mode]; i++) await call(-1 - i);
  await sleep(1000);
  const cpu0 = cpuTicks();
  const lg0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const latencies = [];
  let lost = 0;
  for (let i = 0; i < calls; i++) {
    const ms = await call(i);
    if (ms === null) lost++;
    else latencies.push(ms);
    await sleep(5);
  }
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpuMs = (cpuTicks() - cpu0) * TICK_MS;
  const lg = process.cpuUsage(lg0);
  latencies.sort((a, b) => a - b);
  const r = { mode, n, calls, lost, p50Ms: pct(latencies, 0.5), p99Ms: pct(latencies, 0.99), maxMs: latencies.at(-1) ?? null,
    meanMs: latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1),
    serverCpuMs: cpuMs, serverCpuUsPerDelivery: (cpuMs * 1000) / (calls * n), loadgenCpuMs: (lg.user + lg.system) / 1000, wallMs };
  log(`${kind} ${mode} n=${n}: p50 ${r.p50Ms?.toFixed(2)} ms, p99 ${r.p99Ms?.toFixed(2)} ms, ` +
    `server ${r.serverCpuUsPerDelivery.toFixed(2)} µs CPU/delivery, lost ${lost}`);
  return r;
}

/** The same trigger for every server: POST the event JSON, the server broadcasts it to office:1. */
async function benchCall(n, version) {
  const { w, all } = expect(n, KIND.Called, version);
  const t0 = process.hrtime.bigint();
  await Promise.all([trigger(version), all]);
  want = null;
  return w.count === n ? Number(w.last - t0) / 1e6 : null;
}

function trigger(version) {
  const body = JSON.stringify({ ...payload, version });
  const path = kind.startsWith('signalr') ? '/bench/broadcast' : '/broadcast?group=office:1';
  return post(path, body).then((r) => {
    if (r.status !== 204) throw new Error(`trigger answered ${r.status}`);
  });
}

/**
 * The real path, untouched: a walk-in ticket from the kiosk (not timed), then the clerk's POST call-next (timed,
 * it includes the database write and commit before the broadcast), then complete (not timed). Each step's event
 * must have reached all N before the next step, so only the call is in flight while it is timed.
 */
async function realCall(n, token) {
  await step(n, KIND.WalkInIssued, () => post('/api/kiosk/walkins', JSON.stringify({ serviceId: 2 })), 201);
  const { w, all } = expect(n, KIND.Called, null);
  const t0 = process.hrtime.bigint();
  const [r] = await Promise.all([post('/api/desks/1/call-next', '', token), all]);
  want = null;
  if (r.status !== 200) throw new Error(`call-next answered ${r.status}: ${r.body}`);
  const ms = w.count === n ? Number(w.last - t0) / 1e6 : null;
  await step(n, KIND.Completed, () => post('/api/desks/1/complete', '', token), 200);
  return ms;
}

async function step(n, k, send, status) {
  const { all } = expect(n, k, null);
  const [r] = await Promise.all([send(), all]);
  want = null;
  if (r.status !== status) throw new Error(`answered ${r.status}: ${r.body}`);
}

async function login() {
  const r = await post('/api/auth/login', JSON.stringify({ email: 'clerk1@example.org', password: 'Demo!2026' }));
  if (r.status !== 200) throw new Error(`login answered ${r.status}`);
  return JSON.parse(r.body).accessToken;
}

async function openMany(n, sockets) {
  const opened = [];
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const ws = await receivers.open(kind, base, onEvent);
      opened.push(ws);
      sockets.add(ws);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Number(args.concurrency || 100), n) }, worker));
  return opened;
}

async function closeAll(opened, sockets) {
  await Promise.all(opened.map((ws) => new Promise((r) => {
    sockets.delete(ws);
    if (ws.readyState === 3) return r();
    ws.once('close', r);
    ws.close();
    setTimeout(() => { ws.terminate(); r(); }, 3000).unref();
  })));
}

function post(path, body, token) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    if (token) headers.authorization = `Bearer ${token}`;
    if (args.kiosk && path.startsWith('/api/kiosk/')) headers.cookie = `rantevou.device=${args.kiosk}`;
    const req = http.request(`${base}${path}`, { method: 'POST', agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function cpuTicks() {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
}

function rssKiB() {
  return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
}

function pct(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function parseArgs(list) {
  const a = {};
  for (let i = 0; i < list.length; i += 2) a[list[i].replace(/^--/, '')] = list[i + 1];
  return a;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (s) => console.error(`  [fanout] ${s}`);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
