// The booking's own page, live on its day (R3–R5): where it stands, an estimate of the call, and the desk once called.
// The live state is read from GET /api/bookings/{code}/live at first, each minute (the estimate moves with time), when
// a change names this booking and when the office's snapshot shows its own state changed; a change that only moves
// others costs nothing: the snapshot is built once for all screens, and the desk of a call is read from it.
(function () {
  'use strict';
  const section = document.getElementById('live');
  if (!section) return;
  const texts = JSON.parse(document.getElementById('live-texts').textContent);
  const state = document.getElementById('live-state');
  const offline = document.getElementById('live-offline');
  const url = '/api/bookings/' + encodeURIComponent(section.dataset.code) + '/live?token=' +
    encodeURIComponent(section.dataset.token) + '&culture=' + section.dataset.lang;
  const time = (iso) => (iso ? iso.substring(11, 16) : '');
  const fill = (template, a, b) => template.replace('{0}', a).replace('{1}', b);
  let live = null;

  let current = null;
  const WAITING = ['Confirmed', 'CheckedIn', 'Deferred', 'Called'];
  const display = (code) => (code.length === 8 ? code.substring(0, 4) + '-' + code.substring(4) : code);

  function render(b) {
    if (outdated(b.status)) return;
    const estimate = b.estimatedCallAt ? fill(texts.Estimate, b.ahead, time(b.estimatedCallAt)) : '';
    const template = texts[b.status] || texts.Other;
    // R5: its time has passed and nobody checked in: until when the kiosk still takes it.
    const late = b.status === 'Confirmed' && b.checkInBy;
    phase = late ? 1 : 0;
    state.textContent = late ? fill(texts.Late, time(b.start), time(b.checkInBy))
      : b.status === 'Called' ? fill(template, '', b.desk)
        : fill(template, section.dataset.start, estimate);
    section.classList.toggle('live--called', b.status === 'Called');
    if (b.status === 'Called' && (!current || current.status !== 'Called') && navigator.vibrate) navigator.vibrate([300, 150, 300]);
    current = b;
  }

  // The page around the live box (its status, the change and cancel buttons) was written for the status it was loaded
  // with. Once the booking has ended (served, expired by R5, cancelled) that page is wrong: it is loaded again, once per
  // status, so two answers that disagree can never reload it in a loop.
  function outdated(status) {
    const shown = section.dataset.status;
    if (status === shown || (WAITING.includes(status) && WAITING.includes(shown))) return false;
    const key = 'rantevou.reloaded.' + section.dataset.code;
    if (sessionStorage.getItem(key) === status) return false;
    sessionStorage.setItem(key, status);
    location.reload();
    return true;
  }

  // What the snapshot says of this booking: called to a desk, waiting (here or not, deferred), or not listed (served,
  // gone, or an appointment not yet listed because many come before it).
  function fromSnapshot(s) {
    if (!current || !current.today) return null;
    const code = display(section.dataset.code);
    const serving = s.serving.find((x) => !x.walkIn && x.code === code);
    if (serving) return current.status === 'Called' && current.desk === serving.deskNumber ? null : render({ ...current, status: 'Called', desk: serving.deskNumber });
    const next = s.next.find((x) => x.code === code);
    if (!next) return WAITING.includes(current.status) && current.status !== 'Confirmed' ? load() : null;
    const status = next.deferred ? 'Deferred' : next.checkedIn ? 'CheckedIn' : 'Confirmed';
    return status === current.status ? null : load();
  }

  // R5 by the clock alone: at the booking's time, and when its time to check in runs out, the page reads its state
  // again (the office's minute from the hub), so a person on their way sees by when they must scan, then that it expired.
  let phase = 0; // as the last answer saw it: 0 before the booking's time, 1 late (until checkInBy), 2 past that
  function onClock(now) {
    if (!current || !current.today || current.status !== 'Confirmed') return;
    const t = Date.parse(now);
    const next = t < Date.parse(current.start) ? 0 : !current.checkInBy || t < Date.parse(current.checkInBy) ? 1 : 2;
    if (next !== phase) load();
  }

  // One read at a time: a change that names this booking also moves it in the snapshot that comes with it, and both
  // ask; the second joins the read already on its way.
  let reading = null;
  function load() {
    reading = reading || read().finally(() => { reading = null; });
    return reading;
  }

  async function read() {
    let r;
    try {
      r = await fetch(url);
    } catch (err) {
      return null;
    }
    if (!r.ok) return null;
    const b = await r.json();
    render(b);
    return b;
  }

  load().then((b) => {
    if (!b || live) return;
    live = RantevouLive.connect({
      office: b.office,
      onSnapshot: fromSnapshot,
      onClock,
      snapshotOnClock: true,
      // A change that names this booking (expired by R5, voided, cancelled by the office, checked in) is read at once;
      // changes of other people's bookings cost this page nothing.
      onEvent: (e) => { if (e.code === display(section.dataset.code)) load(); },
      onStatus: (s) => { offline.hidden = s === 'live'; },
    });
    setInterval(load, 60000);
  });
})();
