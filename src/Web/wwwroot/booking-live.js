// The booking's own page, live on its day (R3–R5): where it stands, an estimate of the call, and the desk once called.
// Every change of the office day re-reads the booking's live state (GET /api/bookings/{code}/live): small, always right.
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

  async function load() {
    let r;
    try {
      r = await fetch(url);
    } catch (err) {
      return null;
    }
    if (!r.ok) return null;
    const b = await r.json();
    const estimate = b.estimatedCallAt ? fill(texts.Estimate, b.ahead, time(b.estimatedCallAt)) : '';
    const template = texts[b.status] || texts.Other;
    state.textContent = b.status === 'Called' ? fill(template, '', b.desk)
      : fill(template, section.dataset.start, estimate);
    section.classList.toggle('live--called', b.status === 'Called');
    if (b.status === 'Called' && navigator.vibrate) navigator.vibrate([300, 150, 300]);
    return b;
  }

  load().then((b) => {
    if (!b || live) return;
    live = RantevouLive.connect({
      office: b.office,
      onSnapshot: () => load(),
      onStatus: (s) => { offline.hidden = s === 'live'; },
      refreshEveryMs: 60000,
    });
  });
})();
