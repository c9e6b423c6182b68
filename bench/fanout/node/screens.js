// The screens row: N real screens, each running the project's own queue-live.js (as the display, kiosk and live
// pages do) over the official @microsoft/signalr client, and a clerk calling next. For each call: the time from just
// before POST /api/desks/1/call-next until EVERY screen has rendered (onSnapshot) a snapshot of the call's version, and
// how many snapshots the server built for it (GET /bench/snapshots; a server without that counter builds one per
// snapshot request, so the screens' requests are counted instead).
//
//   node screens.js --server URL --script path/to/queue-live.js --sizes 100:10,1000:10 --out file.json [--label x]
//     [--kiosk SECRET]  the cookie of a registered kiosk (ADR 0015), for the walk-in the clerk then calls
'use strict';
const fs = require('fs');
const vm = require('vm');
const signalR = require('@microsoft/signalr');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const base = args.server;
const sizes = args.sizes.split(',').map((p) => p.split(':').map(Number));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;

// queue-live.js as the browser runs it, with the page's origin in front of its relative hub URL. The transport is fixed
// to WebSockets without the negotiate round trip: it changes how a screen connects, not what it does after.
const requests = { JoinOffice: 0, GetSnapshot: 0, GetSnapshotAtLeast: 0 };
class Builder extends signalR.HubConnectionBuilder {
  withUrl(url) {
    return super.withUrl(base + url, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets });
  }
  build() {
    const c = super.build();
    const invoke = c.invoke.bind(c);
    c.invoke = (method, ...rest) => {
      requests[method] = (requests[method] || 0) + 1;
      return invoke(method, ...rest);
    };
    return c;
  }
}
const window = {};
// The pages load SignalR's MessagePack script beside it, and queue-live.js uses it when it is there.
const protocols = { msgpack: require('@microsoft/signalr-protocol-msgpack') };
vm.runInNewContext(fs.readFileSync(args.script, 'utf8'), {
  window, signalR: { ...signalR, HubConnectionBuilder: Builder, protocols }, console: { warn() {}, log() {}, error: console.error },
  setTimeout, clearTimeout, setInterval, clearInterval, Math, Promise,
});

// A handshake refused under the load of thousands of screens joining throws inside the client's socket handler; the
// screen's own retry loop (queue-live.js) connects it again, as in a browser, so the process goes on.
let dropped = 0;
process.on('uncaughtException', () => { dropped++; });
process.on('unhandledRejection', () => { dropped++; });

async function post(path, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (args.kiosk && path.startsWith('/api/kiosk/')) headers.cookie = `rantevou.device=${args.kiosk}`;
  const r = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  if (!r.ok) throw new Error(`${path} answered ${r.status}: ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

async function built() {
  const r = await fetch(`${base}/bench/snapshots`);
  return r.ok ? (await r.json()).built : null;
}

const totalRequests = () => requests.GetSnapshot + requests.GetSnapshotAtLeast + requests.JoinOffice;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : null;
};

async function until(what, test, ms = 60000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

async function run(n, calls, token) {
  const screens = [];
  const heard = [];
  for (let i = 0; i < n; i += 25) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + 25); j++) {
      const s = { version: -1, target: Infinity, at: null, t0: 0 };
      s.live = window.RantevouLive.connect({
        office: null,
        onSnapshot: (snap) => {
          s.version = snap.version;
          if (s.at === null && snap.version >= s.target) s.at = now() - s.t0;
        },
        onEvent: (e) => heard.push(e),
      });
      screens.push(s);
      batch.push(until('join', () => s.version >= 0, 180000));
    }
    await Promise.all(batch);
  }
  const settled = () => {
    const v = Math.max(...screens.map((s) => s.version));
    return screens.every((s) => s.version === v);
  };
  await until('all screens on one version', settled, 180000);
  await sleep(1000);

  const last = [];
  const all = [];
  const builds = [];
  const asked = [];
  for (let c = 0; c < calls; c++) {
    heard.length = 0;
    await post('/api/kiosk/walkins', JSON.stringify({ serviceId: 2 }));
    await until('walk-in event', () => heard.some((e) => e.kind === 'WalkInIssued'));
    await until('walk-in rendered', settled);
    await sleep(300);
    heard.length = 0;
    const b0 = await built();
    const r0 = totalRequests();
    const t0 = now();
    for (const s of screens) Object.assign(s, { target: Infinity, at: null, t0 });
    const call = post('/api/desks/1/call-next', '', token);
    await until('call event', () => heard.some((e) => e.kind === 'Called'));
    const version = heard.find((e) => e.kind === 'Called').version;
    for (const s of screens) {
      s.target = version;
      if (s.version >= version && s.at === null) s.at = now() - t0;
    }
    await call;
    await until('every screen rendered the call', () => screens.every((s) => s.at !== null));
    await sleep(400);
    const b1 = await built();
    builds.push(b0 === null ? null : b1 - b0);
    asked.push(totalRequests() - r0);
    const times = screens.map((s) => s.at);
    last.push(Math.max(...times));
    all.push(...times);
    heard.length = 0;
    await post('/api/desks/1/complete', '', token);
    await until('complete event', () => heard.some((e) => e.kind === 'Completed'));
    await until('complete rendered', settled);
  }
  for (const s of screens) await s.live.connection.stop();
  const avg = (xs) => (xs.length && xs[0] !== null ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return {
    n, calls,
    lastP50Ms: pct(last, 50), lastP99Ms: pct(last, 99), lastMaxMs: Math.max(...last),
    screenP50Ms: pct(all, 50), screenP99Ms: pct(all, 99),
    snapshotsBuiltPerCall: avg(builds), snapshotRequestsPerCall: avg(asked), connectErrors: dropped,
  };
}

async function main() {
  const { accessToken } = await post('/api/auth/login', JSON.stringify({ email: 'clerk1@example.org', password: 'Demo!2026' }));
  await fetch(`${base}/api/desks/1/complete`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
  const results = [];
  for (const [n, calls] of sizes) {
    const r = await run(n, calls, accessToken);
    console.error(`  [screens ${args.label || ''}] ${JSON.stringify(r)}`);
    results.push(r);
  }
  fs.writeFileSync(args.out, JSON.stringify({ label: args.label || null, results }, null, 2));
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
