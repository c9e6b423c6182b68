// R6: a walk-in ticket — service, optional priority, then the number, place and wait, printed on 80 mm paper
// with a QR code that leads to the ticket's live page (/t/{code}).
(function () {
  'use strict';
  const K = window.Kiosk;
  const $ = (id) => document.getElementById(id);
  let chosen = null;
  let lastTicket = null;

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  async function start() {
    // A closed office says so, and when it opens, before the visitor chooses anything.
    const [hours, r] = await Promise.all([K.api('GET', '/api/kiosk/walkins/hours'), K.api('GET', '/api/services')]);
    if (hours.ok && !hours.data.open) {
      K.showResult(hours.data.message, 'warn', 'Closed');
      return;
    }
    if (!r.ok) {
      K.showResult(r.message, 'bad', 'Problem');
      return;
    }
    const groups = new Map();
    for (const s of r.data) {
      if (!groups.has(s.group)) groups.set(s.group, []);
      groups.get(s.group).push(s);
    }
    $('services').replaceChildren(...[...groups].map(([name, services]) => {
      const section = el('section');
      const list = el('div', 'group');
      for (const s of services) {
        const b = el('button', 'big secondary', s.name);
        b.type = 'button';
        b.append(el('small', '', K.fmt(K.texts.AboutMinutes, s.durationMinutes)));
        b.addEventListener('click', () => choose(s));
        list.append(b);
      }
      section.append(el('h3', '', name), list);
      return section;
    }));
    K.show('services');
  }

  function choose(service) {
    chosen = service;
    $('priority-service').textContent = service.name;
    K.show('priority');
  }

  async function issue(priority) {
    if (!chosen) return;
    const r = await K.api('POST', '/api/kiosk/walkins', { serviceId: chosen.id, priority: priority || null });
    if (!r.ok) {
      // 409/422: no time left today, office closed, service not served here — said in words.
      K.showResult(r.message, 'bad', 'Problem');
      K.show('home');
      return;
    }
    const t = r.data;
    $('ticket-number').textContent = t.ticket;
    $('ticket-service').textContent = chosen.name;
    $('ticket-position').textContent = K.fmt(K.texts.Position, t.position);
    $('ticket-wait').textContent = K.waitText(t.estimatedWaitMinutes);
    // Long enough to read the number and print again; not so long that the next visitor reprints this one's ticket.
    K.show('ticket', 20000);
    lastTicket = t;
    const status = await K.api('GET', '/api/walkins/' + encodeURIComponent(t.code));
    printTicket(t, chosen.name, status.ok ? status.data.issuedAt : null);
  }

  function printTicket(t, serviceName, issuedAt) {
    $('p-number').textContent = t.ticket;
    $('p-service').textContent = serviceName;
    $('p-time').textContent = issuedAt ? `${K.texts.Issued} ${issuedAt.slice(8, 10)}/${issuedAt.slice(5, 7)} ${K.hhmm(issuedAt)}` : '';
    const img = $('p-qr');
    const print = () => { img.onload = img.onerror = null; window.print(); };
    img.onload = print;
    img.onerror = print;
    img.src = '/t/' + encodeURIComponent(t.code) + '/qr.png';
    if (img.complete && img.naturalWidth) print();
  }

  $('walkin-start').addEventListener('click', start);
  document.querySelectorAll('[data-priority]').forEach((b) => b.addEventListener('click', () => issue(b.dataset.priority)));
  $('print-again').addEventListener('click', () => { if (lastTicket) window.print(); });
})();
