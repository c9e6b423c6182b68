// The waiting room hears each call: a generated chime (Web Audio, no sound file), then the call spoken in
// Greek and then English. Calls wait their turn in a queue so two desks calling at once never talk over each other.
(function () {
  'use strict';
  let audio = null;
  const queue = [];
  let busy = false;

  function context() {
    if (!audio && window.AudioContext) audio = new AudioContext();
    return audio;
  }

  // Browsers may keep sound off until someone touches the page; then the display shows a button for it.
  function soundBlocked() {
    const ctx = context();
    return !!ctx && ctx.state === 'suspended';
  }

  function unlock() {
    const ctx = context();
    return ctx ? ctx.resume() : Promise.resolve();
  }

  function chime() {
    const ctx = context();
    if (!ctx || ctx.state !== 'running') return Promise.resolve();
    const t = ctx.currentTime;
    [[659.25, 0], [523.25, 0.38]].forEach(([freq, at]) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t + at);
      gain.gain.exponentialRampToValueAtTime(0.4, t + at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + at + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t + at);
      osc.stop(t + at + 0.65);
    });
    return new Promise((r) => setTimeout(r, 1100));
  }

  function voiceFor(lang) {
    const voices = window.speechSynthesis ? speechSynthesis.getVoices() : [];
    return voices.find((v) => v.lang === lang) || voices.find((v) => v.lang.startsWith(lang.slice(0, 2)));
  }

  // Resolves when the sentence is spoken, or after a generous time if the browser never says so.
  function say(text, lang) {
    if (!window.speechSynthesis) return Promise.resolve();
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang;
      const voice = voiceFor(lang);
      if (voice) u.voice = voice;
      u.rate = 0.9;
      const done = () => { clearTimeout(guard); resolve(); };
      const guard = setTimeout(done, 3000 + text.length * 120);
      u.onend = done;
      u.onerror = done;
      speechSynthesis.speak(u);
    });
  }

  // Codes are spelled out; ticket numbers are read as numbers ("007" is seven, "Π007" a priority seven).
  function spoken(code, lang) {
    const ticket = /^(Π?)0*(\d+)$/.exec(code);
    if (ticket) return (ticket[1] ? (lang === 'el' ? 'Π ' : 'priority ') : '') + ticket[2];
    return code.replace(/-/g, '').split('').join(' ');
  }

  async function drain() {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const { code, desk } = queue.shift();
      try {
        await chime();
        await say(`Ο αριθμός ${spoken(code, 'el')} στη θυρίδα ${desk}`, 'el-GR');
        await say(`Number ${spoken(code, 'en')} to desk ${desk}`, 'en-GB');
      } catch (err) {
        console.warn('announcement failed', err);
      }
    }
    busy = false;
  }

  function announce(code, desk) {
    queue.push({ code, desk });
    drain();
  }

  window.RantevouAnnouncer = { announce, soundBlocked, unlock };
})();
