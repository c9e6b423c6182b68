// Captures the payload every server broadcasts in the bench: a REAL call of Rantevou, as its screens receive it (the
// change: its Called event and the office's snapshot after it). Two real clients (@microsoft/signalr with the JSON
// protocol and with the MessagePack protocol) join the office as a display does; the clerk logs in (bearer), a walk-in
// is issued at the kiosk, the clerk calls next; both clients must receive the same change. The JSON client's is
// written to the payload file.
//
//   node capture.js http://127.0.0.1:5391 payload.json KIOSK_SECRET
'use strict';
const fs = require('fs');
const signalR = require('@microsoft/signalr');
const { MessagePackHubProtocol } = require('@microsoft/signalr-protocol-msgpack');

const [base, file, kiosk] = process.argv.slice(2);

async function client(protocol) {
  const b = new signalR.HubConnectionBuilder()
    .withUrl(`${base}/hubs/queue`, { skipNegotiation: true, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.Warning);
  if (protocol) b.withHubProtocol(protocol);
  const c = b.build();
  const called = new Promise((resolve) => c.on('QueueChanged', (change) => {
    if ((change.events || change.Events).some((e) => e.kind === 3 || e.Kind === 'Called')) resolve(change);
  }));
  await c.start();
  const snapshot = await c.invoke('JoinOffice', null);
  return { c, called, snapshot };
}

async function post(path, body, token) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (kiosk && path.startsWith('/api/kiosk/')) headers.cookie = `rantevou.device=${kiosk}`;
  const r = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  if (!r.ok) throw new Error(`${path} answered ${r.status}: ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

async function main() {
  const json = await client();
  const pack = await client(new MessagePackHubProtocol());
  const { accessToken } = await post('/api/auth/login', JSON.stringify({ email: 'clerk1@example.org', password: 'Demo!2026' }));
  // A desk still serving someone (an earlier run over the same data) is freed first.
  await fetch(`${base}/api/desks/1/complete`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
  await post('/api/kiosk/walkins', JSON.stringify({ serviceId: 2 }));
  await post('/api/desks/1/call-next', '', accessToken);
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no Called event within 10 s')), 10000));
  const [e, m] = await Promise.race([Promise.all([json.called, pack.called]), timeout]);
  await post('/api/desks/1/complete', '', accessToken);
  // The MessagePack protocol carries the same change, in its own shape: C# names, the kind by name, the time as
  // [timestamp, offset minutes].
  const same = m.Version === e.version && m.Events[0].Code === e.events[0].code && m.Snapshot.Version === e.snapshot.version;
  if (!same) throw new Error(`MessagePack change differs: ${JSON.stringify(m)} vs ${JSON.stringify(e)}`);
  fs.writeFileSync(file, JSON.stringify(e));
  console.error(`  [capture] real call (JSON, ${JSON.stringify(e).length} bytes): ${JSON.stringify(e.events)}`);
  console.error(`  [capture] same change (MessagePack): ${JSON.stringify(m.Events)}`);
  console.error(`  [capture] snapshot version on join: ${json.snapshot.version}`);
  await json.c.stop();
  await pack.c.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
