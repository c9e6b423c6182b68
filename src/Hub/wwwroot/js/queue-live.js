// The live office day for every screen (display, kiosk, ticket page, clerk screen), over /hubs/queue.
// Principle 3: screens resync themselves. A display runs for days, so the connection never gives up:
// automatic reconnect retries forever, and if SignalR still closes the connection we start it again.
// On every (re)connect we JoinOffice and render its snapshot. Each change arrives as one message with its events and the
// office's new snapshot, built and serialised once for every screen; we ask for a snapshot ourselves only when a change
// came without one. With several nodes, changes cross over Redis and are lost while it is down; the node we are
// connected to tells us the current version now and then (and as soon as its Redis connection is back), so a screen
// whose connection never dropped still catches up by itself (ADR 0007).
(function () {
  'use strict';

  // MessagePack when the page loads its script (signalr-protocol-msgpack.min.js): fewer bytes per change and less of the
  // server's CPU per screen. Its maps keep the server's C# names, so they are read in the JSON protocol's camelCase;
  // times come as the same ISO text either way (QueueWire on the server).
  const msgpack = signalR.protocols && signalR.protocols.msgpack;
  const camel = (v) => {
    if (Array.isArray(v)) return v.map(camel);
    if (v === null || typeof v !== 'object') return v;
    const o = {};
    for (const k of Object.keys(v)) if (k !== '__proto__') o[k.charAt(0).toLowerCase() + k.slice(1)] = camel(v[k]);
    return o;
  };
  const read = msgpack ? camel : (v) => v;

  // The order of QueueEventKind in src/Contracts: the hub's JSON protocol sends enums as numbers, MessagePack as names.
  const KINDS = ['CheckedIn', 'Deferred', 'WalkInIssued', 'Called', 'Recalled', 'Completed', 'NoShow',
    'Interrupted', 'Expired', 'Voided', 'DayClosed', 'CancelledByOffice', 'BookingChanged', 'DayReopened', 'DesksChanged'];
  const STEPS = [0, 2000, 5000, 10000, 20000];
  const delay = (n) => (n < STEPS.length ? STEPS[n] : 30000);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  /**
   * opts: { office, onSnapshot(snapshot), onEvent(event), onStatus('live' | 'reconnecting'), onClock(nowIso), snapshotOnClock,
   *   refreshEveryMs }
   * onClock: the office's time at each minute (R5, R13: what time alone changes); without it, or with snapshotOnClock,
   * the minute's snapshot that comes with the tick is shown.
   * Returns { refresh(), connection }.
   */
  function connect(opts) {
    const office = opts.office || null;
    const status = (s) => opts.onStatus && opts.onStatus(s);
    let last = -1;
    let timer = 0;
    let starting = false;
    let joined = false;
    // A node that comes back has often been upgraded: the page asks whether it should reload (self-update.js).
    const askRelease = () => window.RantevouRelease && window.RantevouRelease.check();

    const builder = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/queue')
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => delay(ctx.previousRetryCount) })
      .configureLogging(signalR.LogLevel.Warning);
    if (msgpack) builder.withHubProtocol(new msgpack.MessagePackHubProtocol());
    const conn = builder.build();
    const call = async (...args) => read(await conn.invoke(...args));

    function apply(snapshot) {
      last = snapshot.version;
      opts.onSnapshot(snapshot);
    }

    // A pushed snapshot (with a change or the clock), shown unless it is older than the one we hold; false if it was not.
    function applyPushed(snapshot) {
      if (!snapshot || snapshot.version < last) return false;
      clearTimeout(timer);
      apply(snapshot);
      return true;
    }

    // The snapshot at least as new as the version we know of: the server answers every screen from the one snapshot
    // it built for that version (and this minute), without a query per screen.
    async function refresh(atLeast) {
      clearTimeout(timer);
      if (conn.state !== signalR.HubConnectionState.Connected) return;
      const version = typeof atLeast === 'number' ? Math.max(atLeast, last) : last;
      try {
        apply(version >= 0 ? await call('GetSnapshotAtLeast', office, version) : await call('GetSnapshot', office));
      } catch (err) {
        console.warn('snapshot failed; the next event or reconnect resyncs', err);
      }
    }

    function refreshSoon(ms) {
      clearTimeout(timer);
      timer = setTimeout(() => refresh(), ms);
    }

    async function start() {
      if (starting) return;
      starting = true;
      for (let n = 0; ; n++) {
        try {
          if (conn.state === signalR.HubConnectionState.Disconnected) await conn.start();
          if (conn.state === signalR.HubConnectionState.Connected) {
            if (joined) askRelease();
            apply(await call('JoinOffice', office));
            joined = true;
            status('live');
            break;
          }
        } catch (err) {
          console.warn('connect failed, retrying', err);
        }
        status('reconnecting');
        await sleep(Math.max(delay(n), 1000));
      }
      starting = false;
    }

    // A change: its events (the display announces calls), then its snapshot. One older than what we have (changes from
    // two nodes out of order) is ignored; a change without its snapshot (the server could not build it) makes us ask.
    conn.on('QueueChanged', (message) => {
      const change = read(message);
      for (const e of change.events) {
        if (typeof e.kind === 'number') e.kind = KINDS[e.kind];
        if (opts.onEvent) opts.onEvent(e);
      }
      if (!change.snapshot && change.version > last) refresh(change.version);
      else applyPushed(change.snapshot);
    });
    conn.on('QueueVersion', (version) => {
      if (version > last) refresh(version);
      else if (version !== last) refresh();
    });
    // R5, R13: time changes the day too. Screens that do not handle the tick themselves show the minute's snapshot
    // that comes with it; if it is older than what they hold (a change came meanwhile) or missing, they ask, spread
    // over a second so a room full of screens does not ask at the same instant.
    conn.on('QueueClock', (now, snapshot) => {
      if (opts.onClock) opts.onClock(now);
      if ((!opts.onClock || opts.snapshotOnClock) && !applyPushed(read(snapshot))) refreshSoon(Math.floor(Math.random() * 1000));
    });
    conn.onreconnecting(() => status('reconnecting'));
    conn.onreconnected(() => {
      askRelease();
      call('JoinOffice', office).then((s) => { apply(s); status('live'); }, () => start());
    });
    conn.onclose(() => {
      status('reconnecting');
      start();
    });

    // Appointments leave the "next" list as time passes, without any event: refresh now and then too.
    if (opts.refreshEveryMs) setInterval(() => refresh(), opts.refreshEveryMs);
    start();
    return { refresh, connection: conn };
  }

  window.RantevouLive = { connect };
})();
