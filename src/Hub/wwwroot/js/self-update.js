// Kiosks and wall displays stay open for weeks. After an upgrade they reload themselves, so they never run old
// scripts against a new server: now and then, and whenever the live connection comes back (a restarted node is
// usually an upgraded one), the page asks GET /api/release which build the node runs and compares it with the build
// that served the page (<meta name="rantevou-release">). A kiosk is never reloaded under a visitor's hands: it waits
// until nobody has touched it for a minute.
(function () {
  'use strict';

  const meta = document.querySelector('meta[name="rantevou-release"]');
  if (!meta) return;
  const served = meta.content;
  const EVERY_MS = 5 * 60 * 1000;
  const IDLE_MS = 60 * 1000;
  let lastInput = Date.now();
  let outdated = false;
  let waiting = 0;

  for (const type of ['pointerdown', 'keydown', 'input']) {
    document.addEventListener(type, () => { lastInput = Date.now(); }, true);
  }

  function reloadWhenIdle() {
    clearTimeout(waiting);
    const idle = Date.now() - lastInput;
    if (idle >= IDLE_MS) window.location.reload();
    else waiting = setTimeout(reloadWhenIdle, IDLE_MS - idle + 100);
  }

  async function check() {
    if (outdated) return;
    try {
      const response = await fetch('/api/release', { cache: 'no-store' });
      if (!response.ok) return;
      const release = await response.json();
      if (release.id && release.id !== served) {
        outdated = true;
        reloadWhenIdle();
      }
    } catch (err) {
      // The node may be restarting right now: the next check asks again.
    }
  }

  setInterval(check, EVERY_MS);
  window.addEventListener('online', check);
  window.RantevouRelease = { check };
})();
