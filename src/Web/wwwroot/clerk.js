// The clerk's desk screen: the desk's day from GET /api/desks/{id}/day (cookie), reloaded on every change of the office
// day and on the hub's clock tick each minute (queue-live.js), and the clerk's actions as JSON calls. R4: it shows
// arrival, lateness and time left; the clerk decides. R10: the documents checklist (clerk-docs.js). R13: the
// interruption alert, on time by itself, with a chime.
(function () {
  'use strict';
  const root = document.getElementById('clerk');
  const deskId = root.dataset.deskId;
  const lang = document.documentElement.lang === 'en' ? 'en' : 'el';
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const $ = (id) => document.getElementById(id);
  const fmt = (template, ...values) => values.reduce((t, v, i) => t.replace(`{${i}}`, v), template);
  // Times arrive as office local time with offset: the digits are the office's wall clock.
  const hhmm = (iso) => (iso ? iso.slice(11, 16) : '—');
  const title = document.title;
  let day = null;
  let offset = 0; // office clock minus browser clock, from the hub's snapshot and clock tick
  const officeNow = () => Date.now() + offset;
  let loads = 0; // only the latest load renders
  let reloadTimer = 0;
  let alerting = false; // the interruption is on screen (the chime sounds when it appears, not on every reload)
  let shownFor = null; // whose details are on screen (code + call time)
  let acting = false; // an action is on its way: a double click must not send it twice
  const zone = root.dataset.timeZone || 'Europe/Athens';
  const uploadedAt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'el-GR',
    { timeZone: zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined && content !== null) e.textContent = content;
    return e;
  }

  async function api(method, path, payload) {
    try {
      const r = await fetch(path + (path.includes('?') ? '&' : '?') + 'culture=' + lang, {
        method,
        credentials: 'same-origin',
        headers: payload ? { 'Content-Type': 'application/json' } : {},
        body: payload ? JSON.stringify(payload) : undefined,
      });
      if (r.status === 401) location.href = '/account/login?ReturnUrl=' + encodeURIComponent(location.pathname + location.search);
      const data = r.status === 204 ? null : await r.json().catch(() => null);
      return { ok: r.ok, status: r.status, data, message: (data && data.title) || texts.Error };
    } catch (err) {
      return { ok: false, status: 0, data: null, message: texts.Error };
    }
  }

  const docs = window.ClerkDocs({ deskId, api, el, texts, fmt, hhmm, $, lang, uploadedAt: (d) => uploadedAt.format(d) });

  // What an action answered: a success for 8 seconds, a refusal for 30 (long enough to read, not left standing over
  // what happens next at the desk); the next action replaces it either way.
  let saidAt = null;
  let saidFor = 0;
  function say(message, done) {
    $('message').textContent = message || '';
    $('message').hidden = !message;
    saidAt = message ? Date.now() : null;
    saidFor = done ? 8000 : 30000;
  }

  async function load() {
    const mine = ++loads;
    const r = await api('GET', `/api/desks/${deskId}/day`);
    if (mine !== loads) return;
    if (!r.ok) return say(r.message);
    // The office's snapshot is pushed right after each change, so this may be the render that disables the button just
    // used: the focus then goes where keepFocus sends it, as after the action's own render.
    const hadFocus = root.contains(document.activeElement);
    render(r.data);
    if (hadFocus) keepFocus();
  }

  function render(d) {
    day = d;
    const c = d.current;
    $('current').hidden = !c;
    $('current-empty').hidden = !!c;
    const key = c ? c.code + c.calledAt : null;
    if (key !== shownFor) {
      shownFor = key;
      $('noshow-confirm').hidden = true; // a question about someone who left the desk
    }
    if (c) {
      $('cur-label').textContent = c.label;
      $('cur-kind').textContent = c.walkIn ? texts.WalkIn : c.late ? texts.Late : '';
      $('cur-kind').hidden = !c.walkIn && !c.late;
      $('cur-name').textContent = c.fullName || '';
      $('cur-service').textContent = c.serviceName;
      $('cur-note').hidden = !c.note; // R7: the school's note, e.g. which pupil it booked for
      $('cur-note-text').textContent = c.note || '';
      $('cur-scheduled').textContent = hhmm(c.scheduledAt);
      $('cur-arrived').textContent = hhmm(c.checkedInAt);
      $('cur-expected').textContent = '/ ' + fmt(texts.Expected, c.durationMinutes);
      docs.show(c);
    } else {
      docs.clear();
    }
    document.querySelectorAll('[data-needs-current]').forEach((b) => { b.disabled = !c; });
    // The person at the desk is finished with first (complete, did not come, interrupt): only then is the next called.
    document.querySelector('[data-action="call-next"]').disabled = !!c;
    document.querySelector('[data-action="complete"]').classList.toggle('button--secondary', !c);
    // R5 defers appointments; a walk-in steps back with "interrupt" (R13), and the note says so.
    document.querySelector('[data-action="defer"]').disabled = !c || c.walkIn;
    $('defer-note').hidden = !(c && c.walkIn);
    $('void-open').disabled = !c || c.walkIn;
    if (!c && !$('void-form').hidden) {
      $('void-form').hidden = true;
      $('void-open').setAttribute('aria-expanded', 'false');
      voidError(false);
    }

    const others = d.waitingElsewhere || [];
    // "Nobody waits for this desk" would read as "nobody waits" above a list of people waiting at a desk without a clerk.
    $('advice').textContent = !c && d.advice.reason === 'NobodyWaiting' && others.length > 0 ? texts.NobodyHereButElsewhere : d.advice.message;
    const judged = !c && d.advice.ifClerkJudgesGap;
    $('call-judged').hidden = !judged;
    if (judged) $('call-judged').textContent = fmt(texts.CallJudged, judged);
    $('elsewhere').hidden = others.length === 0;
    $('elsewhere-list').replaceChildren(...others.map((w) => {
      const call = el('button', 'button button--secondary', fmt(texts.CallHere, w.code));
      call.type = 'button';
      call.disabled = !!c;
      call.addEventListener('click', () => act('call-next', '?code=' + encodeURIComponent(w.code)));
      const item = el('li', '', texts.ElsewhereItem.replace('{0}', hhmm(w.start)).replace('{1}', w.code).replace('{2}', w.serviceName)
        .replace('{3}', w.deskNumber) + ' ');
      item.append(call);
      return item;
    }));
    showInterruption(d.interruption);

    $('day').replaceChildren(...d.appointments.map((a) => {
      const tr = el('tr', 'st-' + a.status);
      // R5: due and not here yet: the clerk sees until when the kiosk still takes them, minute by minute.
      const state = (texts['Status.' + a.status] || a.status) + (a.late ? ' · ' + texts.Late : '') +
        (a.checkInBy ? ' · ' + fmt(texts.NotArrived, hhmm(a.checkInBy)) : '');
      tr.append(el('td', '', hhmm(a.start)), el('td', 'code', a.code), el('td', '', a.note ? `${a.fullName} · ${a.note}` : a.fullName), el('td', '', a.serviceName),
        el('td', 'state', state), el('td', '', a.checkedInAt ? hhmm(a.checkedInAt) : ''));
      return tr;
    }));
    $('day-empty').hidden = d.appointments.length > 0;
    $('walkins').replaceChildren(...d.walkins.map((w) => el('li', w.priority ? 'priority' : '',
      `${w.ticket} · ${w.serviceName}` + (w.priority ? ` (${texts.Priority})` : '') +
      (w.estimatedWaitMinutes > 0 ? ` · ~${w.estimatedWaitMinutes}′` : w.estimatedWaitMinutes === 0 ? ` · ${texts.Soon}` : ''))));
    $('walkins-empty').hidden = d.walkins.length > 0;
    tick();
    scheduleReload();
  }

  // R13: an always-present alert region, filled when the next appointment falls due: words and an icon (not colour
  // alone), the tab's title, and one chime when it appears. Its words name the appointment and its time, and are only
  // rewritten when they change, so a reload each minute is not read out again.
  function showInterruption(i) {
    const box = $('interruption');
    document.querySelector('[data-action="interrupt"]').classList.toggle('button--warn', !!i);
    if (!i) {
      if (alerting) box.replaceChildren();
      box.classList.remove('on');
      document.title = title;
      alerting = false;
      return;
    }
    if (!alerting) {
      box.replaceChildren($('interruption-template').content.cloneNode(true));
      box.classList.add('on');
      chime();
    }
    const text = box.querySelector('.interruption-text');
    if (text.textContent !== i.message) text.textContent = i.message;
    document.title = '⚠ ' + title;
    alerting = true;
  }

  // Browsers allow sound only after a gesture: the audio is opened on the clerk's first click or key (call next comes
  // before anyone is at the desk), and resumed if the browser suspended it.
  let audio = null;
  function unlockAudio() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      if (audio.state === 'suspended') audio.resume();
    } catch (err) {
      audio = null;
    }
  }
  document.addEventListener('click', unlockAudio, true);
  document.addEventListener('keydown', unlockAudio, true);

  // A short two-note chime (one oscillator): gentle, but heard across a counter.
  function chime() {
    if (!audio) return;
    try {
      const t = audio.currentTime;
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(880, t);
      osc.frequency.setValueAtTime(660, t + 0.22);
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.35, t + 0.02);
      gain.gain.setValueAtTime(0.35, t + 0.4);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.6);
      osc.connect(gain).connect(audio.destination);
      osc.start(t);
      osc.stop(t + 0.65);
    } catch (err) {
      // No sound device: the alert on screen stands alone.
    }
  }

  // The hub's tick reloads each minute; in case a tick is lost, the screen also reloads by itself at the next
  // appointment's start at this desk, the next instant time alone changes the advice (office clock = browser + offset).
  function scheduleReload() {
    clearTimeout(reloadTimer);
    const now = officeNow();
    const next = day.appointments.map((a) => Date.parse(a.start)).filter((s) => s > now).sort((a, b) => a - b)[0];
    if (next !== undefined) reloadTimer = setTimeout(load, Math.min(next - now + 1000, 3600000));
  }

  // Each second: time since the call against the service's minutes, a flag in words far past it (a "done" forgotten),
  // and the end of an action's message.
  function tick() {
    if (saidAt !== null && Date.now() - saidAt > saidFor) say('');
    const c = day && day.current;
    if (!c) {
      $('cur-overdue').hidden = true;
      return;
    }
    const seconds = Math.max(0, Math.floor((officeNow() - Date.parse(c.calledAt)) / 1000));
    // Minutes and seconds with their unit: "19:05" alone reads like a time of day.
    $('cur-timer').textContent = fmt(texts.Stopwatch, `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);
    $('cur-timer').classList.toggle('over', seconds > c.durationMinutes * 60);
    const overdue = seconds > 2 * c.durationMinutes * 60;
    const text = overdue ? fmt(texts.Overdue, Math.floor(seconds / 60), c.durationMinutes) : '';
    if ($('cur-overdue').textContent !== text) $('cur-overdue').textContent = text;
    $('cur-overdue').hidden = !overdue;
  }

  async function act(action, query) {
    if (acting) return;
    acting = true;
    // While an action is on its way a second click is ignored (a double click must not complete two people);
    // aria-busy says so to assistive technology.
    root.setAttribute('aria-busy', 'true');
    say('');
    const r = await api('POST', `/api/desks/${deskId}/${action}${query || ''}`);
    acting = false;
    if (r.status === 204) say(texts.CalledNobody);
    else if (r.ok && r.data) say(fmt(texts['Done.' + action + (action === 'interrupt' && r.data.walkIn ? '.walkin' : '')], r.data.label), true);
    else if (r.status === 409 && r.data && r.data.code === 'NoShowBeforeStart') ask(r.message);
    else if (!r.ok) say(r.message);
    await load();
    root.removeAttribute('aria-busy');
    keepFocus();
  }

  // A button that was just used may now be disabled: the focus goes to "call next", or, once someone is called, to who
  // they are (read out, and no button under it: a doubled Enter must not complete the person just called).
  function keepFocus() {
    const f = document.activeElement;
    if (f && f !== document.body && !f.disabled && !f.closest('[hidden]')) return;
    const next = document.querySelector('[data-action="call-next"]');
    (next.disabled ? $('cur-who') : next).focus();
  }

  // R12: "did not come" is asked again: a walk-in's or a due appointment's in the screen's words, one before its time
  // in the API's (with the time).
  function ask(question) {
    $('noshow-question').textContent = question;
    $('noshow-confirm').hidden = false;
    $('noshow-yes').focus();
  }

  function closeAsk() {
    $('noshow-confirm').hidden = true;
    document.querySelector('[data-action="no-show"]').focus();
  }

  document.querySelectorAll('[data-action]').forEach((b) => b.addEventListener('click', () => {
    // R12: a no-show counts against the person's future bookings and cannot be taken back, so one click is not enough.
    // Before the appointment's time the API asks (with the time); after it, the screen asks here. A walk-in's ticket
    // closes and loses its place: asked too, since "did not come" sits beside "call again".
    const c = day && day.current;
    if (b.dataset.action === 'no-show' && c && c.walkIn) ask(fmt(texts.NoShowAskWalkIn, c.label));
    else if (b.dataset.action === 'no-show' && c && Date.parse(c.scheduledAt) <= officeNow()) ask(fmt(texts.NoShowAsk, c.label));
    else act(b.dataset.action);
  }));
  $('call-judged').addEventListener('click', () => act('call-next', '?gap=judged'));
  $('noshow-yes').addEventListener('click', () => {
    $('noshow-confirm').hidden = true;
    act('no-show', '?confirm=true');
  });
  $('noshow-back').addEventListener('click', closeAsk);
  $('noshow-confirm').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeAsk();
  });
  // The field names its error only while it shows (as the pages' fields do): hidden text referenced is still read out.
  function voidError(on) {
    $('void-reason-error').hidden = !on;
    $('void-reason').closest('.field').classList.toggle('field--error', on);
    if (on) {
      $('void-reason').setAttribute('aria-invalid', 'true');
      $('void-reason').setAttribute('aria-describedby', 'void-reason-error');
    } else {
      $('void-reason').removeAttribute('aria-invalid');
      $('void-reason').removeAttribute('aria-describedby');
    }
  }
  $('void-open').addEventListener('click', () => {
    $('void-form').hidden = false;
    $('void-open').setAttribute('aria-expanded', 'true');
    $('void-reason').focus();
  });
  $('void-cancel').addEventListener('click', () => {
    $('void-form').hidden = true;
    voidError(false);
    $('void-open').setAttribute('aria-expanded', 'false');
    $('void-open').focus();
  });
  // R9: a void needs a reason; the person is told by email.
  $('void-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const c = day && day.current;
    const reason = $('void-reason').value.trim();
    voidError(!reason);
    if (!reason) {
      $('void-reason').focus();
      return;
    }
    if (!c || c.walkIn) return;
    const r = await api('POST', `/api/bookings/${encodeURIComponent(c.code)}/void`, { reason });
    say(r.ok ? fmt(texts['Done.void'], c.label) : r.message, r.ok);
    if (r.ok) {
      $('void-form').hidden = true;
      $('void-open').setAttribute('aria-expanded', 'false');
      $('void-reason').value = '';
    }
    await load();
    keepFocus();
  });

  RantevouLive.connect({
    office: root.dataset.office || null,
    onSnapshot: (s) => {
      offset = Date.parse(s.now) - Date.now();
      load();
    },
    // R13: the office's time each minute, from the server's clock: what falls due shows by itself.
    onClock: (now) => {
      offset = Date.parse(now) - Date.now();
      load();
    },
    onStatus: (s) => { $('live-status').hidden = s === 'live'; },
  });
  setInterval(tick, 1000);
})();
