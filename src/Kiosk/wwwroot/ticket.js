// The ticket's live page: its place and wait while waiting, and the desk once called (R6).
// The ticket is read once (GET /api/walkins/{code}); after that, its place, wait and desk come from the office's
// snapshot, which the server builds once for all screens. The ticket is read again only when it leaves the snapshot
// (served, no-show, the day closed), to say how it ended.
(function () {
  'use strict';
  const body = document.body;
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const $ = (id) => document.getElementById(id);
  const code = body.dataset.code;
  const fmt = (template, value) => template.replace('{0}', value);
  // No wait at all reads as being called shortly, not as "about 0 minutes"; a negative estimate is none.
  const waitText = (minutes) => minutes > 0 ? fmt(texts.Wait, minutes) : minutes === 0 ? texts.WaitSoon : texts.WaitUnknown;
  let live = null;
  let lastStatus = null;
  let ticket = null;

  function render(t) {
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
    $('wait').textContent = t.status !== 'Waiting' ? '' : waitText(t.estimatedWaitMinutes);
    if (t.status === 'Called' && lastStatus !== 'Called' && navigator.vibrate) navigator.vibrate([300, 150, 300]);
    lastStatus = t.status;
    ticket = t;
  }

  // The snapshot lists waiting walk-ins (place, wait) and who is at which desk, by ticket label; labels are per day.
  function fromSnapshot(s) {
    if (!ticket || !ticket.issuedAt || ticket.issuedAt.substring(0, 10) !== s.day) return load();
    const waiting = s.walkins.find((w) => w.ticket === ticket.ticket);
    if (waiting) return render({ ...ticket, status: 'Waiting', position: waiting.position, estimatedWaitMinutes: waiting.estimatedWaitMinutes });
    const serving = s.serving.find((x) => x.walkIn && x.code === ticket.ticket);
    if (serving) return render({ ...ticket, status: 'Called', desk: serving.deskNumber });
    if (ticket.status === 'Waiting' || ticket.status === 'Called') return load();
    return null;
  }

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
    render(t);
    return t;
  }

  load().then((t) => {
    if (!t || live) return;
    live = RantevouLive.connect({
      office: t.office,
      onSnapshot: fromSnapshot,
      onStatus: (s) => { $('offline').hidden = s === 'live'; },
      refreshEveryMs: 60000,
    });
  });
})();
