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
  // No wait at all reads as being called shortly, not as "about 0 minutes"; a negative estimate is none.
  const waitText = (minutes) => minutes > 0 ? fmt(texts.Wait, minutes) : minutes === 0 ? texts.WaitSoon : texts.WaitUnknown;
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
      // Revoked (or never paired): the page itself sends the machine to the pairing screen (ADR 0015).
      if (r.status === 401 && data && data.code === 'DeviceRequired') location.replace('/kiosk?culture=' + lang);
      // 4xx answers are ProblemDetails whose title is already in the kiosk's language.
      return { ok: r.ok, status: r.status, data, message: (data && data.title) || texts.Error };
    } catch (err) {
      return { ok: false, status: 0, data: null, message: texts.Error };
    }
  }

  function show(name, idleMs) {
    document.querySelectorAll('.screen').forEach((s) => { s.hidden = s.id !== 'screen-' + name; });
    clearTimeout(idleTimer);
    // Someone who walks away mid-way leaves the kiosk ready for the next person.
    if (name !== 'home') idleTimer = setTimeout(() => show('home'), idleMs || 60000);
    keepFocus();
  }

  function keepFocus() {
    if (!modal && document.activeElement !== qr) qr.focus({ preventScroll: true });
  }

  // Whose booking the end-of-day button would act on (R5): only while that person's own answer is on screen. Cleared
  // when the answer closes or times out, and whenever anyone scans, so the next visitor never acts on someone else's.
  let choiceQr = null;
  let asked = 0; // an answer to an earlier request that arrives after a newer one is dropped

  function clearChoice() {
    choiceQr = null;
    $('end-of-day').hidden = true;
    $('book-again').hidden = true;
  }

  function hideResult() {
    clearTimeout(resultTimer);
    clearChoice();
    result.hidden = true;
    keepFocus();
  }

  // The answer stays large on screen for about 10 s (longer when there is a choice to make).
  function showResult(message, tone, status, extra) {
    clearChoice();
    $('result-message').textContent = message;
    result.className = 'result ' + tone;
    result.dataset.status = status || '';
    if (extra && extra.endOfDay && extra.qr) {
      choiceQr = extra.qr;
      $('end-of-day').textContent = extra.endOfDay;
      $('end-of-day').hidden = false;
    }
    $('book-again').hidden = !(extra && extra.bookAgain);
    result.hidden = false;
    clearTimeout(resultTimer);
    resultTimer = setTimeout(hideResult, extra ? 20000 : 10000);
    keepFocus();
  }

  const TONES = { CheckedIn: 'ok', AlreadyCheckedIn: 'ok', Deferred: 'ok', Called: 'ok', Served: 'ok', Late: 'warn', Early: 'warn' };
  // What a person can do next: a cancelled, released or void booking (R9) only book again; a late one (R5), or one that
  // expired today, may also choose the end of the day (the server judges when it is pressed).
  const BOOK_AGAIN = ['Late', 'Expired', 'Cancelled', 'Void', 'NoShow'];

  function showCheckIn(res, scanned) {
    const offered = (res.status === 'Late' && res.endOfDayFits === true) || (res.status === 'Expired' && res.endOfDayFits !== false);
    const endOfDay = scanned && offered
      ? texts.EndOfDay + (res.endOfDaySoon ? ' — ' + texts.EndOfDaySoon
        : res.endOfDayEstimate ? ' — ' + fmt(texts.EndOfDayAt, hhmm(res.endOfDayEstimate)) : '')
      : null;
    const bookAgain = BOOK_AGAIN.includes(res.status);
    showResult(res.message, TONES[res.status] || 'bad', res.status, endOfDay || bookAgain ? { endOfDay, bookAgain, qr: scanned } : null);
  }

  async function ask(path, text, scanned) {
    const mine = ++asked;
    const r = await api('POST', path, { qr: text });
    if (mine !== asked) return;
    if (r.ok) showCheckIn(r.data, scanned);
    else showResult(r.message, 'bad', 'Problem');
  }

  // A new scan is a new visitor: whatever answer was on screen belonged to someone else.
  function checkIn(text) {
    hideResult();
    return ask('/api/kiosk/checkin', text, text);
  }

  // R3: the text goes to the server as typed (a Greek layout, CapsLock and stray blanks are read there, BookingTokens).
  function submitScan() {
    const text = qr.value.trim();
    qr.value = '';
    if (text) checkIn(text);
  }
  $('scan-form').addEventListener('submit', (e) => {
    e.preventDefault();
    submitScan();
  });
  // Some scanners end a code with Tab instead of Enter: with a code typed, Tab sends it rather than leaving the input.
  qr.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey && qr.value.trim()) {
      e.preventDefault();
      submitScan();
    }
  });
  $('end-of-day').addEventListener('click', () => {
    const text = choiceQr;
    if (!text || result.hidden) return;
    clearChoice();
    ask('/api/kiosk/checkin/end-of-day', text, null);
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

  // Greek first: a language one visitor chose is theirs only. After a minute without a touch on the start screen the
  // kiosk is Greek again for the next visitor (an open answer or another screen closes by itself first).
  if (lang !== 'el') {
    let quiet = 0;
    const rearm = () => {
      clearTimeout(quiet);
      quiet = setTimeout(backToGreek, 60000);
    };
    const backToGreek = () => {
      if (!result.hidden || $('screen-home').hidden) return rearm();
      const url = new URL(location.href);
      url.searchParams.set('culture', 'el');
      location.replace(url);
    };
    ['pointerdown', 'keydown', 'input'].forEach((type) => document.addEventListener(type, rearm, true));
    rearm();
  }

  window.Kiosk = {
    api, show, showResult, checkIn, fmt, hhmm, waitText, texts, lang,
    setModal: (on) => { modal = on; if (!on) keepFocus(); },
  };
  keepFocus();
})();
