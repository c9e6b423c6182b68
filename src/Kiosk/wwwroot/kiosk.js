// The lobby kiosk: check-in by QR (R3; R5 for late arrivals) and the screens of the walk-in flow (walkin.js).
// A USB scanner is a keyboard: it types the QR text fast and presses Enter, so the scan input must own the focus.
(function () {
  'use strict';
  const body = document.body;
  const lang = body.dataset.lang;
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const $ = (id) => document.getElementById(id);
  const qr = $('qr');
  const result = $('result');
  let resultTimer = 0;
  let idleTimer = 0;
  let modal = false; // the camera is open: the scanner input may lose the focus

  const fmt = (template, value) => template.replace('{0}', value);
  // Times arrive as office local time with offset: the digits are what the person reads on the wall clock.
  const hhmm = (iso) => (iso ? iso.slice(11, 16) : '');

  async function api(method, path, payload) {
    const office = body.dataset.office;
    const url = path + (path.includes('?') ? '&' : '?') + 'culture=' + lang + (office ? '&office=' + encodeURIComponent(office) : '');
    try {
      const r = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: payload ? { 'Content-Type': 'application/json' } : {},
        body: payload ? JSON.stringify(payload) : undefined,
      });
      const data = r.status === 204 ? null : await r.json().catch(() => null);
      // 4xx answers are ProblemDetails whose title is already in the kiosk's language.
      return { ok: r.ok, status: r.status, data, message: (data && data.title) || texts.Error };
    } catch (err) {
      return { ok: false, status: 0, data: null, message: texts.Error };
    }
  }

  function show(name) {
    document.querySelectorAll('.screen').forEach((s) => { s.hidden = s.id !== 'screen-' + name; });
    clearTimeout(idleTimer);
    // Someone who walks away mid-way leaves the kiosk ready for the next person.
    if (name !== 'home') idleTimer = setTimeout(() => show('home'), 60000);
    keepFocus();
  }

  function keepFocus() {
    if (!modal && document.activeElement !== qr) qr.focus({ preventScroll: true });
  }

  function hideResult() {
    clearTimeout(resultTimer);
    result.hidden = true;
    keepFocus();
  }

  // The answer stays large on screen for about 10 s (longer when there is a choice to make).
  function showResult(message, tone, status, extra) {
    $('result-message').textContent = message;
    result.className = 'result ' + tone;
    result.dataset.status = status || '';
    $('end-of-day').hidden = !(extra && extra.endOfDay);
    if (extra && extra.endOfDay) $('end-of-day').textContent = extra.endOfDay;
    $('book-again').hidden = !(extra && extra.bookAgain);
    result.hidden = false;
    clearTimeout(resultTimer);
    resultTimer = setTimeout(hideResult, extra ? 20000 : 10000);
    keepFocus();
  }

  const TONES = { CheckedIn: 'ok', AlreadyCheckedIn: 'ok', Deferred: 'ok', Late: 'warn', Early: 'warn' };
  let lateQr = null;

  function showCheckIn(res, scanned) {
    const tone = TONES[res.status] || 'bad';
    if (res.status !== 'Late') {
      showResult(res.message, tone, res.status);
      return;
    }
    // R5: a late person may choose to be served after the scheduled appointments, or book again.
    lateQr = scanned;
    const endOfDay = res.endOfDayFits
      ? texts.EndOfDay + (res.endOfDayEstimate ? ' — ' + fmt(texts.EndOfDayAt, hhmm(res.endOfDayEstimate)) : '')
      : null;
    showResult(res.message, tone, res.status, { endOfDay, bookAgain: true });
  }

  async function checkIn(text) {
    const r = await api('POST', '/api/kiosk/checkin', { qr: text });
    if (r.ok) showCheckIn(r.data, text);
    else showResult(r.message, 'bad', 'Problem');
  }

  $('scan-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const text = qr.value.trim();
    qr.value = '';
    if (text) checkIn(text);
  });
  $('end-of-day').addEventListener('click', async () => {
    if (!lateQr) return;
    const r = await api('POST', '/api/kiosk/checkin/end-of-day', { qr: lateQr });
    lateQr = null;
    if (r.ok) showCheckIn(r.data, null);
    else showResult(r.message, 'bad', 'Problem');
  });
  $('result-close').addEventListener('click', hideResult);
  document.querySelectorAll('[data-go]').forEach((b) => b.addEventListener('click', () => show(b.dataset.go)));

  // Taps move the focus to buttons; give it back so the next scan lands in the input. A key typed while a
  // button has the focus (a scan after keyboard navigation) is sent to the input too.
  document.addEventListener('pointerup', () => setTimeout(keepFocus, 0));
  qr.addEventListener('blur', (e) => { if (!e.relatedTarget) setTimeout(keepFocus, 0); });
  document.addEventListener('keydown', (e) => {
    if (e.target !== qr && !modal && e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.altKey && !e.metaKey) qr.focus();
  });
  setInterval(() => { if (!document.activeElement || document.activeElement === body) keepFocus(); }, 1000);

  window.Kiosk = {
    api, show, showResult, checkIn, fmt, hhmm, texts, lang,
    setModal: (on) => { modal = on; if (!on) keepFocus(); },
  };
  keepFocus();
})();
