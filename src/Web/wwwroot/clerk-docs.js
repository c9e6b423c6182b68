// R10 at the clerk's desk: the required documents checklist, saved tick by tick (who and when, shown beside each
// document), and the files the person uploaded with the booking. Loaded by clerk.js, which owns the page.
(function () {
  'use strict';

  /** ctx: { deskId, api, el, texts, fmt, hhmm, $, uploadedAt(date) } */
  function ClerkDocs(ctx) {
    const { deskId, api, el, texts, fmt, hhmm, $ } = ctx;
    let listFor = null; // whose checklist is shown (code + call time)
    let uploadsFor = null; // whose uploaded files are listed (or being fetched)
    let saving = Promise.resolve(); // ticks are sent one after another, in the order they were made

    const sizeText = (bytes) => (bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + ' MB' : Math.max(1, Math.round(bytes / 1024)) + ' KB')
      .replace('.', ctx.lang === 'en' ? '.' : ',');
    const typeText = (contentType) => (contentType.split('/')[1] || contentType).toUpperCase();

    function show(c) {
      checklist(c);
      uploads(c);
    }

    function clear() {
      listFor = null;
      uploadsFor = null;
    }

    // The list is drawn at once from the person's documents, unticked and locked until the saved ticks arrive.
    async function checklist(c) {
      const key = c.code + c.calledAt;
      if (listFor === key) return;
      listFor = key;
      $('cur-docs').replaceChildren(...c.documents.map((text, index) => item(c, { index, text, checked: false })));
      $('cur-nodocs').hidden = c.documents.length > 0;
      $('docs-error').hidden = true;
      const r = await api('GET', `/api/desks/${deskId}/current/documents`);
      if (listFor !== key) return; // someone else was called meanwhile
      if (!r.ok || r.data.code !== c.code) {
        listFor = null; // try again on the next refresh
        $('docs-error').textContent = texts.DocsError;
        $('docs-error').hidden = false;
        return;
      }
      apply(r.data.items, false);
    }

    function item(c, doc) {
      const li = el('li');
      const box = el('input');
      box.type = 'checkbox';
      box.id = 'doc-' + doc.index;
      box.disabled = true;
      const label = el('label', '', doc.text);
      label.htmlFor = box.id;
      const meta = el('span', 'doc-meta');
      meta.id = 'doc-meta-' + doc.index;
      box.setAttribute('aria-describedby', meta.id);
      box.addEventListener('change', () => save(c.code, doc.index, box));
      const text = el('div', 'doc-text');
      text.append(label, meta);
      li.append(box, text);
      return li;
    }

    // Updates the boxes in place, so the focused box keeps the focus (keyboard use).
    function apply(items, locked) {
      for (const i of items) {
        const box = $('doc-' + i.index);
        if (!box) continue;
        box.checked = i.checked;
        box.disabled = locked;
        $('doc-meta-' + i.index).textContent = i.checked ? fmt(texts.CheckedBy, i.checkedBy, hhmm(i.checkedAt)) : '';
      }
    }

    function save(code, index, box) {
      $('docs-error').hidden = true;
      saving = saving.then(async () => {
        const want = box.checked;
        const r = await api('PUT', `/api/desks/${deskId}/current/documents/${index}`, { checked: want });
        if (!box.isConnected) return;
        if (r.ok && r.data.code === code) {
          apply(r.data.items, false);
        } else {
          box.checked = !want; // not saved: show what the database holds
          $('docs-error').textContent = r.message;
          $('docs-error').hidden = false;
        }
      });
    }

    // The files sent with the booking (staff documents API), fetched when the person at the desk changes; each opens in
    // a new tab through the staff download link (served as an attachment, never rendered in our origin).
    async function uploads(c) {
      $('uploads').hidden = c.walkIn;
      const key = c.code + c.calledAt;
      if (c.walkIn || uploadsFor === key) return;
      uploadsFor = key;
      $('cur-uploads').replaceChildren();
      $('cur-nouploads').hidden = true;
      $('uploads-error').hidden = true;
      const base = `/api/staff/bookings/${encodeURIComponent(c.code)}/documents`;
      const r = await api('GET', base);
      if (uploadsFor !== key) return;
      if (!r.ok) {
        uploadsFor = null;
        $('uploads-error').hidden = false;
        return;
      }
      $('cur-uploads').replaceChildren(...r.data.map((f) => {
        const li = el('li', 'upload');
        const a = el('a', 'upload-link', f.name);
        a.href = `${base}/${f.id}`;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.append(el('span', 'visually-hidden', ' ' + texts.OpensInNewTab));
        li.append(a, el('span', 'meta',
          ` · ${typeText(f.contentType)} · ${sizeText(f.size)} · ${fmt(texts.UploadedAt, ctx.uploadedAt(new Date(f.uploadedAt)))}`));
        return li;
      }));
      $('cur-nouploads').hidden = r.data.length > 0;
    }

    return { show, clear };
  }

  window.ClerkDocs = ClerkDocs;
})();
