// Receivers that speak each server's real wire protocol over a plain `ws` socket. Every receiver does the same
// small amount of work per message (frame → parse → one callback), so the load generator's own per-message cost is
// equal for all servers and the comparison is about the servers. capture.js checks the payload with the real
// @microsoft/signalr clients (JSON and MessagePack).
'use strict';
const WebSocket = require('ws');
const msgpack = require('@msgpack/msgpack');

const RS = '\x1e';
// QueueEventKind in src/Contracts: JSON sends the number, SignalR's MessagePack resolver the name.
const KINDS = ['CheckedIn', 'Deferred', 'WalkInIssued', 'Called', 'Recalled', 'Completed', 'NoShow', 'Interrupted',
  'Expired', 'Voided', 'DayClosed', 'CancelledByOffice'];

/** Opens one receiver; resolves once it is in the group. onEvent({version, kind}) is called per event. */
function open(kind, base, onEvent) {
  const open = OPENERS[kind];
  if (!open) throw new Error(`unknown receiver kind ${kind}`);
  return open(base.replace(/^http/, 'ws'), onEvent);
}

/** A change as JSON (every server sends the same): each of its events, with the change's version. */
function heard(change, onEvent) {
  for (const e of change.events) onEvent(change.version, e.kind);
}

function socket(url, binary) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  if (binary) ws.binaryType = 'nodebuffer';
  return ws;
}

function joined(ws, setup) {
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('close', (code) => reject(new Error(`closed before joining (${code})`)));
    setup(() => {
      ws.removeAllListeners('close');
      ws.on('error', () => {});
      resolve(ws);
    });
  });
}

const OPENERS = {
  // Bare ws: the message is the change's JSON itself.
  ws: (url, onEvent) => {
    const ws = socket(`${url}/?group=office:1`);
    return joined(ws, (done) => {
      ws.on('open', done);
      ws.on('message', (data) => {
        heard(JSON.parse(data.toString()), onEvent);
      });
    });
  },

  // socket.io (engine.io v4 over WebSocket): '0{…}' open → '40' connect → '40{sid}'; '2' ping → '3' pong;
  // '42["QueueChanged",{…}]' is an event.
  socketio: (url, onEvent) => {
    const ws = socket(`${url}/socket.io/?EIO=4&transport=websocket&group=office:1`);
    return joined(ws, (done) => {
      ws.on('message', (data) => {
        const s = data.toString();
        if (s.startsWith('42')) {
          heard(JSON.parse(s.slice(2))[1], onEvent);
        } else if (s === '2') ws.send('3');
        else if (s.startsWith('0')) ws.send('40');
        else if (s.startsWith('40')) done();
      });
    });
  },

  // SignalR JSON hub protocol: handshake, JoinOffice(null) as the display and live pages do, then invocations
  // {"type":1,"target":"QueueChanged","arguments":[change]} separated by 0x1E. Pings are answered by pingAll().
  'signalr-json': (url, onEvent) => {
    const ws = socket(`${url}/hubs/queue`);
    ws.signalr = 'json';
    return joined(ws, (done) => {
      ws.on('open', () => ws.send(`{"protocol":"json","version":1}${RS}`));
      ws.on('message', (data) => {
        for (const part of data.toString().split(RS)) {
          if (!part) continue;
          const m = JSON.parse(part);
          if (m.type === 1 && m.target === 'QueueChanged') heard(m.arguments[0], onEvent);
          else if (m.type === 3 && m.invocationId === '0') {
            if (m.error) throw new Error(m.error);
            done();
          } else if (m.type === undefined && !m.error) ws.send(`{"type":1,"invocationId":"0","target":"JoinOffice","arguments":[null]}${RS}`);
          else if (m.error) ws.close();
        }
      });
    });
  },

  // SignalR MessagePack hub protocol: JSON handshake, then binary frames of varint-length-prefixed MessagePack
  // arrays: [1, headers, invocationId, target, args] for invocations, [3, headers, id, resultKind, result?] for completions.
  'signalr-msgpack': (url, onEvent) => {
    const ws = socket(`${url}/hubs/queue`, true);
    ws.signalr = 'msgpack';
    let handshaken = false;
    return joined(ws, (done) => {
      ws.on('open', () => ws.send(`{"protocol":"messagepack","version":1}${RS}`));
      ws.on('message', (data) => {
        let buf = data;
        if (!handshaken) {
          const end = buf.indexOf(0x1e);
          if (end < 0) return;
          handshaken = true;
          ws.send(frame([1, {}, '0', 'JoinOffice', [null], []]));
          buf = buf.subarray(end + 1);
        }
        for (const m of unframe(buf)) {
          if (m[0] === 1 && m[3] === 'QueueChanged') {
            // MessagePack keeps the C# names (Version, Kind as its name, At as [timestamp, offset minutes]).
            const c = m[4][0];
            for (const e of c.Events) onEvent(c.Version, KINDS.indexOf(e.Kind));
          } else if (m[0] === 3 && m[2] === '0') {
            if (m[3] === 1) throw new Error(m[4]);
            done();
          }
        }
      });
    });
  },
};

function frame(message) {
  const body = msgpack.encode(message);
  const prefix = [];
  let n = body.length;
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    prefix.push(b);
  } while (n);
  return Buffer.concat([Buffer.from(prefix), Buffer.from(body)]);
}

function* unframe(buf) {
  let at = 0;
  while (at < buf.length) {
    let len = 0;
    let shift = 0;
    let b;
    do {
      b = buf[at++];
      len |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    yield msgpack.decode(buf.subarray(at, at + len));
    at += len;
  }
}

const PING_JSON = `{"type":6}${RS}`;
const PING_MSGPACK = frame([6]);

/** SignalR closes a connection that sends nothing for 30 s: every SignalR receiver pings, as the real client does. */
function pingAll(sockets) {
  for (const ws of sockets) {
    if (ws.readyState !== WebSocket.OPEN) continue;
    if (ws.signalr === 'json') ws.send(PING_JSON);
    else if (ws.signalr === 'msgpack') ws.send(PING_MSGPACK);
  }
}

module.exports = { open, pingAll };
