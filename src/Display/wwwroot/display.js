// The waiting-room display: who is served at each desk, the next appointments and the walk-in order,
// live from the hub (principle 3) and never with personal data (principle 6: the snapshot has none).
(function () {
  'use strict';
  const body = document.body;
  const lang = body.dataset.lang;
  const text = JSON.parse(document.getElementById('texts').textContent);
  const $ = (id) => document.getElementById(id);
  const FRESH_MS = 20000;
  const fresh = new Map(); // code -> browser time until which its desk is highlighted
  let snapshot = null;
  let offset = 0; // office clock minus browser clock: the clock shows the server's time, not the screen's

  const clockFmt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'el-GR',
    { timeZone: 'Europe/Athens', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const dateFmt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'el-GR',
    { timeZone: 'Europe/Athens', weekday: 'long', day: 'numeric', month: 'long' });
  // Times arrive as office local time with offset ("2026-12-01T09:00:00+02:00"): the digits are what to show.
  const hhmm = (iso) => iso.slice(11, 16);

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function tick() {
    const now = new Date(Date.now() + offset);
    $('clock').textContent = clockFmt.format(now);
    $('date').textContent = dateFmt.format(now);
    let expired = false;
    for (const [code, until] of fresh) if (until < Date.now()) { fresh.delete(code); expired = true; }
    if (expired) render();
  }

  // A list longer than its column is shown a page at a time, turning every few seconds (data-page-ms), with "1/2":
  // everyone waiting is on screen within one turn, however many they are.
  function pager(listId, labelId) {
    const list = $(listId);
    const label = $(labelId);
    let pages = [];
    let page = 0;
    function show() {
      pages.forEach((items, i) => items.forEach((item) => { item.hidden = i !== page; }));
      label.hidden = pages.length < 2;
      const word = el('span', 'sr-only', text.Page + ' ');
      label.replaceChildren(word, `${page + 1}/${pages.length}`);
    }
    return {
      // Measures every item where it would stand with all shown, and cuts pages where the next one would leave the column.
      layout() {
        const items = [...list.children];
        items.forEach((item) => { item.hidden = false; });
        const top = list.getBoundingClientRect().top;
        const room = list.closest('.pane').getBoundingClientRect().bottom - top;
        pages = [];
        let start = 0;
        for (const item of items) {
          const r = item.getBoundingClientRect();
          if (!pages.length || r.bottom - top - start > room) {
            pages.push([]);
            start = r.top - top;
          }
          pages[pages.length - 1].push(item);
        }
        if (page >= pages.length) page = 0;
        show();
      },
      turn() {
        if (pages.length < 2) return;
        page = (page + 1) % pages.length;
        show();
      },
    };
  }
  const pagers = [pager('next', 'next-page'), pager('walkins', 'walkins-page')];
  function paginate() { pagers.forEach((p) => p.layout()); }
  function render() {
    if (!snapshot) return;
    const serving = new Map(snapshot.serving.map((s) => [s.deskNumber, s]));
    // Every active desk has its card, idle ones too: the snapshot lists them, so a desk an admin adds or switches off
    // shows with the change (DesksChanged).
    const numbers = [...new Set([...(snapshot.desks || []), ...serving.keys()])].sort((a, b) => a - b);
    $('desks').classList.toggle('many', numbers.length > 6);
    $('desks').replaceChildren(...numbers.map((n) => {
      const s = serving.get(n);
      // Overdue: called far longer ago than the service takes; the desk is shown busy, not as calling that code for hours
      // (unless it has just called it again: a recall is announced and shown).
      const busy = s && s.overdue && !fresh.has(s.code);
      const state = !s ? ' free' : busy ? ' busy overdue' : fresh.has(s.code) ? ' fresh' : '';
      const card = el('div', 'desk' + state);
      const head = el('div', 'desk-head');
      head.append(el('span', 'desk-label', text.Desk), el('span', 'desk-no', String(n)));
      card.append(head, el('span', 'desk-code', !s ? text.Free : busy ? text.Busy : s.code));
      return card;
    }));
    // A wide code (W and M are wide) shrinks until it fits its card rather than being cut off.
    for (const code of $('desks').querySelectorAll('.desk-code')) {
      const base = parseFloat(getComputedStyle(code).fontSize);
      for (let f = 0.9; code.scrollWidth > code.clientWidth && f > 0.45; f -= 0.1) code.style.fontSize = `${base * f}px`;
    }
    $('next').replaceChildren(...snapshot.next.map((a) => {
      const tr = el('tr', a.due ? 'due' : a.deferred ? 'deferred' : '');
      const code = el('td', 'code');
      code.append(el('span', 'code-text', a.code));
      if (a.due) code.append(el('span', 'state due', '✓ ' + text.Due));
      else if (a.deferred) code.append(el('span', 'state later', text.AfterAppointments));
      else if (a.checkedIn) code.append(el('span', 'arrived', '✓ ' + text.CheckedIn));
      tr.append(el('td', '', hhmm(a.time)), code, el('td', '', String(a.deskNumber)));
      return tr;
    }));
    $('next-empty').hidden = snapshot.next.length > 0;
    $('next').parentElement.hidden = snapshot.next.length === 0;
    // As the kiosk says it: "about 0 minutes" on the wall read oddly next to a ticket with "about 130 minutes" (each
    // ticket's estimate is for its own service's desks). Below 0: not known.
    const wait = (minutes) => (minutes > 0 ? `${text.About} ${minutes} ${text.Minutes}` : minutes === 0 ? text.Soon : text.Later);
    $('walkins').replaceChildren(...snapshot.walkins.map((w) => {
      const li = el('li');
      li.append(el('b', '', w.ticket),
        el('small', '', wait(w.estimatedWaitMinutes)));
      return li;
    }));
    $('walkins-empty').hidden = snapshot.walkins.length > 0;
    $('closed').hidden = !snapshot.closed;
    paginate();
  }
  function onSnapshot(s) {
    offset = Date.parse(s.now) - Date.now();
    // After a reconnect, calls made in the last moments are still highlighted (their events were missed).
    for (const x of s.serving) {
      const age = Date.parse(s.now) - Date.parse(x.calledAt);
      if (age >= 0 && age < FRESH_MS && !fresh.has(x.code)) fresh.set(x.code, Date.now() + FRESH_MS - age);
    }
    snapshot = s;
    render();
    tick();
  }

  function onEvent(e) {
    if ((e.kind === 'Called' || e.kind === 'Recalled') && e.code && e.deskNumber) {
      fresh.set(e.code, Date.now() + FRESH_MS);
      RantevouAnnouncer.announce(e.code, e.deskNumber);
    }
  }

  const sound = $('sound');
  sound.addEventListener('click', () => RantevouAnnouncer.unlock().then(() => { sound.hidden = !RantevouAnnouncer.soundBlocked(); }));
  setTimeout(() => { sound.hidden = !RantevouAnnouncer.soundBlocked(); }, 500);

  RantevouLive.connect({
    office: body.dataset.office || null,
    onSnapshot,
    onEvent,
    onStatus: (s) => { $('status').hidden = s === 'live'; },
    refreshEveryMs: 60000,
  });
  setInterval(tick, 1000);
  setInterval(() => pagers.forEach((p) => p.turn()), Number(body.dataset.pageMs) || 8000);
  window.addEventListener('resize', render);
  if (document.fonts) document.fonts.ready.then(render);
})();
