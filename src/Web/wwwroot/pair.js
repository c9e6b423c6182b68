// A lobby machine waiting to be registered (ADR 0015): show the pairing code, poll until an administrator approves
// it, then open the machine's own page. The secrets travel only in HttpOnly cookies; this script never sees them.
(function () {
  'use strict';
  const body = document.body;
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const code = document.getElementById('pair-code');
  const status = document.getElementById('pair-status');
  const url = '/api/devices/pairing?culture=' + body.dataset.lang;

  function show(state) {
    code.textContent = state.code;
    const until = new Date(state.expiresAt).toLocaleTimeString(body.dataset.lang === 'en' ? 'en-GB' : 'el-GR',
      { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Athens' });
    status.textContent = texts.PairValidUntil.replace('{0}', until);
  }

  // A new code when there is none yet, or the last one expired unused: the screen never shows a dead code for long.
  async function start() {
    const r = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: body.dataset.kind }),
    });
    if (r.ok) show(await r.json());
    else status.textContent = texts.PairError;
  }

  async function poll() {
    try {
      const r = await fetch(url, { credentials: 'same-origin' });
      if (r.ok) {
        const state = await r.json();
        if (state.status === 'Paired') {
          location.replace(body.dataset.target);
          return;
        }
        show(state);
      } else if (r.status === 404) {
        await start();
      } else {
        status.textContent = texts.PairError;
      }
    } catch (err) {
      status.textContent = texts.PairError;
    }
    setTimeout(poll, 2000);
  }

  poll();
})();
