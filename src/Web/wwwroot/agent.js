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
