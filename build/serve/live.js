// The live preview's script. `handbook serve` adds it to every page it
// serves, never to a built site. It listens to the server's events
// (/_handbook/events): it reloads the page and puts it back where the
// reader was, swaps changed stylesheets in without a reload, follows the
// writer to the page just edited (--navigate), and shows the site's
// errors over the page until they are fixed.
(() => {
  'use strict';
  const scrollKey = 'handbook-serve:scroll:' + location.pathname;
  const serverKey = 'handbook-serve:server';

  // Back from a reload: the page goes where it was, again once images
  // and fonts have loaded and moved things.
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const [x, y] = JSON.parse(saved);
    const restore = () => window.scrollTo(x, y);
    restore();
    if (document.readyState !== 'complete') {
      window.addEventListener('load', restore, { once: true });
    }
  }

  function reload() {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  // swapStylesheets loads each changed stylesheet again beside the old
  // one, which goes once the new one applies: the page never flashes
  // unstyled.
  function swapStylesheets(paths) {
    const wanted = new Set(paths);
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (!wanted.has(url.pathname)) continue;
      const fresh = link.cloneNode();
      url.searchParams.set('handbook-serve', Date.now().toString());
      fresh.href = url.href;
      fresh.addEventListener('load', () => link.remove(), { once: true });
      link.after(fresh);
    }
  }

  // The overlay lives in a shadow root, so the theme's styles neither
  // reach it nor are changed by it.
  let overlay = null;
  function showErrors(errors) {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    if (!errors || errors.length === 0) return;
    overlay = document.createElement('div');
    overlay.id = 'handbook-serve-errors';
    const root = overlay.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `
      .box { position: fixed; inset: auto 0 0 0; max-height: 60vh; overflow: auto; z-index: 2147483647;
        margin: 0; padding: 1rem 1.25rem; background: #fff5f5; color: #1a1a1a; border-top: 4px solid #c62828;
        font: 14px/1.5 system-ui, sans-serif; box-shadow: 0 -4px 16px rgba(0,0,0,.2); }
      h2 { margin: 0 0 .5rem; font-size: 1rem; color: #b71c1c; }
      ul { margin: 0; padding: 0; list-style: none; }
      li { margin: .25rem 0; }
      code { font: 13px/1.4 ui-monospace, monospace; background: #fde0e0; padding: 0 .25rem; }
      p { margin: .5rem 0 0; color: #555; }
      button { position: absolute; top: .5rem; right: .75rem; border: 0; background: none; font-size: 1.25rem; cursor: pointer; }`;
    const box = document.createElement('section');
    box.className = 'box';
    box.setAttribute('role', 'alert');
    const title = document.createElement('h2');
    title.textContent = errors.length === 1 ? '1 error' : errors.length + ' errors';
    const list = document.createElement('ul');
    for (const e of errors) {
      const item = document.createElement('li');
      const where = document.createElement('code');
      where.textContent = e.line > 0 ? e.file + ':' + e.line : (e.file || 'handbook');
      item.append(where, ' ' + e.message);
      list.append(item);
    }
    const note = document.createElement('p');
    note.textContent = 'The pages with errors show their last good version. Fix the file and save: this goes away.';
    const close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('aria-label', 'Hide');
    close.textContent = '×';
    close.addEventListener('click', () => overlay && overlay.remove());
    box.append(close, title, list, note);
    root.append(style, box);
    document.body.append(overlay);
  }

  const events = new EventSource('/_handbook/events');
  events.addEventListener('hello', (e) => {
    // A server seen before that now has another identity restarted:
    // what this page shows may be out of date.
    const id = JSON.parse(e.data).id;
    const seen = sessionStorage.getItem(serverKey);
    sessionStorage.setItem(serverKey, id);
    if (seen !== null && seen !== id) reload();
    // Says the page listens, for whoever drives it (the tests).
    document.documentElement.dataset.handbookServe = 'connected';
  });
  events.addEventListener('reload', (e) => {
    const change = JSON.parse(e.data);
    if (change.css) {
      swapStylesheets(change.css);
    } else if (change.url && change.url !== location.pathname && !location.pathname.startsWith('/_handbook/')) {
      // The preview's own pages (a translator's view) stay where they
      // are: they show the file just edited themselves.
      location.href = change.url;
    } else {
      reload();
    }
  });
  events.addEventListener('diagnostics', (e) => showErrors(JSON.parse(e.data).errors));
})();
