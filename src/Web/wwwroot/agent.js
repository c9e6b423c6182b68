// R7: the citizen's details only when booking for a citizen. Booking for the account itself keeps none of them, so
// they are hidden (and not sent) rather than typed in and silently dropped.
(function () {
  'use strict';
  const fields = document.getElementById('citizen-fields');
  const forCitizen = document.getElementById('citizen');
  if (!fields || !forCitizen) return;
  function sync() {
    fields.hidden = !forCitizen.checked;
    fields.querySelectorAll('input').forEach((i) => { i.disabled = !forCitizen.checked; });
  }
  document.querySelectorAll('input[name="ForCitizen"]').forEach((r) => r.addEventListener('change', sync));
  sync();
})();

// The day's free times for the chosen service, from the public availability: choosing one fills the time field, so the
// school sees what is free instead of typing times until one is accepted.
(function () {
  'use strict';
  const box = document.getElementById('free-times');
  const service = document.getElementById('ServiceId');
  const date = document.getElementById('Date');
  const time = document.getElementById('Time');
  const list = document.getElementById('FreeTime');
  const note = document.getElementById('free-times-note');
  if (!box || !service || !date || !time || !list) return;
  let asked = 0;
  async function load() {
    const mine = ++asked;
    if (!service.value || !/^\d{4}-\d{2}-\d{2}$/.test(date.value)) { box.hidden = true; return; }
    let slots = [];
    try {
      const r = await fetch(`/api/services/${encodeURIComponent(service.value)}/availability?date=${date.value}`, { credentials: 'same-origin' });
      slots = r.ok ? await r.json() : [];
    } catch (e) { slots = []; }
    if (mine !== asked) return;
    const first = new Option(box.dataset.choose, '');
    list.replaceChildren(first, ...slots.map((s) => new Option(s.start.slice(11, 16), s.start.slice(11, 16))));
    list.value = slots.some((s) => s.start.slice(11, 16) === time.value) ? time.value : '';
    note.textContent = slots.length === 0 ? box.dataset.none : '';
    box.hidden = false;
  }
  list.addEventListener('change', () => { if (list.value) time.value = list.value; });
  service.addEventListener('change', load);
  date.addEventListener('change', load);
  load();
})();

// A second press of "Book" while the first is on its way would book the same time twice (a school's bookings are final
// at once): the button waits for the answer. Disabled after the form's data is taken, so the press itself still counts.
(function () {
  'use strict';
  const button = document.querySelector('form.form button[type="submit"]');
  if (!button) return;
  button.form.addEventListener('submit', () => setTimeout(() => { button.disabled = true; }));
  // Back to this page from the browser's history: the button works again.
  window.addEventListener('pageshow', () => { button.disabled = false; });
})();
