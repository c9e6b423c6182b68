// A public page in the lobby kiosk's browser (KioskBrowser): after a minute without a touch, or when anyone goes back
// in the browser's history, the kiosk's start screen replaces it, so the next visitor never sees this one's details.
(function () {
  'use strict';
  const home = document.body.dataset.kioskHome;
  if (!home) return;
  const IDLE_MS = 60000;
  let timer = 0;
  const leave = () => {
    document.querySelectorAll('input:not([type=hidden]), textarea').forEach((field) => { field.value = ''; });
    location.replace(home);
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(leave, IDLE_MS);
  };
  ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'].forEach((name) => addEventListener(name, arm, { capture: true, passive: true }));
  // A page shown again by Back, Forward or a reload (from the browser's cache, or loaded again with its fields refilled)
  // is someone's past: its history entry was marked the first time it was shown.
  const returning = Boolean(history.state && history.state.kioskShown);
  if (!returning) history.replaceState(Object.assign({}, history.state, { kioskShown: true }), '');
  addEventListener('pageshow', (event) => {
    if (event.persisted || returning) leave();
    else arm();
  });
})();
