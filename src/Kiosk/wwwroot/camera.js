// A QR shown to the camera, for people without paper near the scanner: the browser's BarcodeDetector where it
// exists, otherwise jsQR (vendored in lib/jsqr, Apache-2.0) decoding video frames drawn on a canvas.
(function () {
  'use strict';
  const K = window.Kiosk;
  const $ = (id) => document.getElementById(id);
  const video = $('camera-video');
  let stream = null;
  let running = false;

  function loadJsQr() {
    if (window.jsQR) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/_content/Rantevou.Kiosk/lib/jsqr/jsQR.js';
      s.onload = resolve;
      s.onerror = reject;
      document.head.append(s);
    });
  }

  async function detector() {
    if ('BarcodeDetector' in window) {
      const formats = await BarcodeDetector.getSupportedFormats().catch(() => []);
      if (formats.includes('qr_code')) {
        const d = new BarcodeDetector({ formats: ['qr_code'] });
        return async () => ((await d.detect(video))[0] || {}).rawValue;
      }
    }
    await loadJsQr();
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    return async () => {
      if (!video.videoWidth) return undefined;
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      ctx.drawImage(video, 0, 0);
      const found = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
      return found ? found.data : undefined;
    };
  }

  async function open() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (err) {
      K.showResult(K.texts.CameraUnavailable, 'bad', 'Camera');
      return;
    }
    K.setModal(true);
    $('camera').hidden = false;
    video.srcObject = stream;
    await video.play().catch(() => {});
    const read = await detector().catch(() => null);
    if (!read) {
      close();
      K.showResult(K.texts.CameraUnavailable, 'bad', 'Camera');
      return;
    }
    running = true;
    const started = Date.now();
    while (running) {
      const text = await read().catch(() => undefined);
      if (text) {
        close();
        K.checkIn(text);
        return;
      }
      if (Date.now() - started > 60000) break; // nobody is showing a code: give the kiosk back
      await new Promise((r) => setTimeout(r, 200));
    }
    close();
  }

  function close() {
    running = false;
    if (stream) stream.getTracks().forEach((t) => t.stop());
    stream = null;
    video.srcObject = null;
    $('camera').hidden = true;
    K.setModal(false);
  }

  $('camera-open').addEventListener('click', open);
  $('camera-close').addEventListener('click', close);
})();
