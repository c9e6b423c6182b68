// The clerk's desk screen: the desk's day from GET /api/desks/{id}/day (cookie), refreshed on every change of the
// office day (queue-live.js), and the clerk's actions as JSON calls. R4: it shows arrival, lateness and time left;
// the clerk decides. R10: the documents checklist and the files the person uploaded. R13: the interruption warning.
(function () {
  'use strict';
  const root = document.getElementById('clerk');
  const deskId = root.dataset.deskId;
  const lang = document.documentElement.lang === 'en' ? 'en' : 'el';
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const $ = (id) => document.getElementById(id);
  const fmt = (template, value) => template.replace('{0}', value);
  // Times arrive as office local time with offset: the digits are the office's wall clock.
  const hhmm = (iso) => (iso ? iso.slice(11, 16) : '—');
  let day = null;
  let offset = 0; // office clock minus browser clock, from the hub's snapshot
  let shownFor = null; // whose documents the checkboxes are for
  let uploadsFor = null; // whose uploaded files are listed (or being fetched)
  const zone = root.dataset.timeZone || 'Europe/Athens';
  const uploadedAt = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'el-GR',
    { timeZone: zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const sizeText = (bytes) => (bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB')
    .replace('.', lang === 'en' ? '.' : ',');
  const typeText = (contentType) => (contentType.split('/')[1] || contentType).toUpperCase();

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

  function say(message) {
    $('message').textContent = message || '';
    $('message').hidden = !message;
  }

  async function load() {
    const r = await api('GET', `/api/desks/${deskId}/day`);
    if (r.ok) render(r.data);
    else say(r.message);
  }

  function render(d) {
    day = d;
    const c = d.current;
    $('current').hidden = !c;
    $('current-empty').hidden = !!c;
    if (c) {
      $('cur-label').textContent = c.label;
      $('cur-kind').textContent = c.walkIn ? texts.WalkIn : c.late ? texts.Late : '';
      $('cur-kind').hidden = !c.walkIn && !c.late;
      $('cur-name').textContent = c.fullName || '';
      $('cur-service').textContent = c.serviceName;
      $('cur-scheduled').textContent = hhmm(c.scheduledAt);
      $('cur-arrived').textContent = hhmm(c.checkedInAt);
      $('cur-expected').textContent = '/ ' + fmt(texts.Expected, c.durationMinutes);
      if (shownFor !== c.code + c.calledAt) {
        shownFor = c.code + c.calledAt;
        $('cur-docs').replaceChildren(...c.documents.map((doc, i) => {
          const li = el('li');
          const box = el('input');
          box.type = 'checkbox';
          box.id = 'doc-' + i;
          li.append(box, el('label', '', doc));
          li.lastChild.htmlFor = box.id;
          return li;
        }));
        $('cur-nodocs').hidden = c.documents.length > 0;
      }
      showUploads(c);
    } else {
      uploadsFor = null;
    }
    document.querySelectorAll('[data-needs-current]').forEach((b) => { b.disabled = !c; });
    $('void-open').disabled = !c || c.walkIn;
    if (!c) $('void-form').hidden = true;

    $('advice').textContent = d.advice.message;
    $('interruption').hidden = !d.interruption;
    $('interruption-text').textContent = d.interruption ? d.interruption.message : '';
    document.querySelector('[data-action="interrupt"]').classList.toggle('button--warn', !!d.interruption);

    $('day').replaceChildren(...d.appointments.map((a) => {
      const tr = el('tr', 'st-' + a.status);
      const state = (texts['Status.' + a.status] || a.status) + (a.late ? ' · ' + texts.Late : '');
      tr.append(el('td', '', hhmm(a.start)), el('td', 'code', a.code), el('td', '', a.fullName), el('td', '', a.serviceName),
        el('td', 'state', state), el('td', '', a.checkedInAt ? hhmm(a.checkedInAt) : ''));
      return tr;
    }));
    $('day-empty').hidden = d.appointments.length > 0;
    $('walkins').replaceChildren(...d.walkins.map((w) => el('li', w.priority ? 'priority' : '',
      `${w.ticket} · ${w.serviceName}` + (w.priority ? ` (${texts.Priority})` : '') +
      (w.estimatedWaitMinutes >= 0 ? ` · ~${w.estimatedWaitMinutes}′` : ''))));
    $('walkins-empty').hidden = d.walkins.length > 0;
    tick();
  }

  // R10: the files sent with the booking (staff documents API), fetched when the person at the desk changes; each
  // opens in a new tab through the staff download link (served as an attachment, never rendered in our origin).
  async function showUploads(c) {
    $('uploads').hidden = c.walkIn;
    const key = c.code + c.calledAt;
    if (c.walkIn || uploadsFor === key) return;
    uploadsFor = key;
    $('cur-uploads').replaceChildren();
    $('cur-nouploads').hidden = true;
    $('uploads-error').hidden = true;
    const base = `/api/staff/bookings/${encodeURIComponent(c.code)}/documents`;
    const r = await api('GET', base);
    if (uploadsFor !== key) return; // someone else was called meanwhile
    if (!r.ok) {
      uploadsFor = null; // try again on the next refresh
      $('uploads-error').hidden = false;
      return;
    }
    $('cur-uploads').replaceChildren(...r.data.map((f) => {
      const li = el('li', 'upload');
      const a = el('a', 'upload-link', f.name);
      a.href = `${base}/${f.id}`;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.append(el('span', 'visually-hidden', ' ' + texts.OpensInNewTab));
      li.append(a, el('span', 'meta',
        ` · ${typeText(f.contentType)} · ${sizeText(f.size)} · ${fmt(texts.UploadedAt, uploadedAt.format(new Date(f.uploadedAt)))}`));
      return li;
    }));
    $('cur-nouploads').hidden = r.data.length > 0;
  }

  // The running timer: time since the call, against the service's expected minutes.
  function tick() {
    const c = day && day.current;
    if (!c) return;
    const seconds = Math.max(0, Math.floor((Date.now() + offset - Date.parse(c.calledAt)) / 1000));
    $('cur-timer').textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    $('cur-timer').classList.toggle('over', seconds > c.durationMinutes * 60);
  }

  async function act(action) {
    say('');
    const r = await api('POST', `/api/desks/${deskId}/${action}`);
    if (r.status === 204) say(texts.CalledNobody);
    else if (!r.ok) say(r.message);
    await load();
  }

  document.querySelectorAll('[data-action]').forEach((b) => b.addEventListener('click', () => act(b.dataset.action)));
  $('void-open').addEventListener('click', () => {
    $('void-form').hidden = false;
    $('void-open').setAttribute('aria-expanded', 'true');
    $('void-reason').focus();
  });
  $('void-cancel').addEventListener('click', () => {
    $('void-form').hidden = true;
    $('void-open').setAttribute('aria-expanded', 'false');
    $('void-open').focus();
  });
  // R9: a void needs a reason; the person is told by email.
  $('void-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const c = day && day.current;
    const reason = $('void-reason').value.trim();
    if (!c || c.walkIn || !reason) return;
    const r = await api('POST', `/api/bookings/${encodeURIComponent(c.code)}/void`, { reason });
    say(r.ok ? '' : r.message);
    if (r.ok) {
      $('void-form').hidden = true;
      $('void-reason').value = '';
    }
    await load();
  });

  RantevouLive.connect({
    office: root.dataset.office || null,
    onSnapshot: (s) => {
      offset = Date.parse(s.now) - Date.now();
      load();
    },
    onStatus: (s) => { $('live-status').hidden = s === 'live'; },
  });
  setInterval(tick, 1000);
})();
