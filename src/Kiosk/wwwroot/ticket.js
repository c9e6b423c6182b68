// The ticket's live page: its place and wait while waiting, and the desk once called (R6).
// Every change of the office day re-reads the ticket (GET /api/walkins/{code}): one small request, always right.
(function () {
  'use strict';
  const body = document.body;
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const $ = (id) => document.getElementById(id);
  const code = body.dataset.code;
  const fmt = (template, value) => template.replace('{0}', value);
  let live = null;
  let lastStatus = null;

  async function load() {
    let r;
    try {
      r = await fetch('/api/walkins/' + encodeURIComponent(code) + '?culture=' + body.dataset.lang);
    } catch (err) {
      return null;
    }
    if (!r.ok) {
      $('number').textContent = '—';
      $('state').textContent = texts.TicketUnknown;
      return null;
    }
    const t = await r.json();
    $('number').textContent = t.ticket;
    $('service').textContent = t.serviceName;
    const state = $('state');
    state.className = 'state' + (t.status === 'Called' ? ' called' : t.status === 'Waiting' ? '' : ' done');
    state.textContent = {
      Waiting: fmt(texts.TicketWaiting, t.position),
      Called: fmt(texts.TicketCalled, t.desk),
      Served: texts.TicketServed,
      NoShow: texts.TicketNoShow,
    }[t.status] || texts.TicketClosed;
    $('wait').textContent = t.status !== 'Waiting' ? '' : t.estimatedWaitMinutes >= 0 ? fmt(texts.Wait, t.estimatedWaitMinutes) : texts.WaitUnknown;
    if (t.status === 'Called' && lastStatus !== 'Called' && navigator.vibrate) navigator.vibrate([300, 150, 300]);
    lastStatus = t.status;
    return t;
  }

  load().then((t) => {
    if (!t || live) return;
    live = RantevouLive.connect({
      office: t.office,
      onSnapshot: () => load(),
      onStatus: (s) => { $('offline').hidden = s === 'live'; },
      refreshEveryMs: 60000,
    });
  });
})();
