/* quorum — link previews, for the default theme (loaded with `defer`).
 *
 * Hovering (with a mouse or pen) or focusing with the keyboard a link to a
 * meeting, entity, topic or action shows a small card: its kind, title, a
 * one-line summary and a few facts. Escape, moving away or leaving the link
 * hides it; touch taps simply follow the link. The card never takes the
 * pointer (it lets every click through) and the site works the same without
 * this script.
 *
 * The data is what the build writes under `previews/` (src/views/previews.rs):
 * `previews/index.json` says how many chunks each kind has, and a page's card
 * is in chunk FNV-1a(slug) mod that number. Only the chunks hovered are
 * fetched, once each, from this site: the root is where this script lives,
 * so previews work under any sub-path and with relative links. Card text is
 * only ever put on the page as text (textContent), never parsed as HTML.
 *
 * It also serves the header, loaded on every page as it is: "/" typed
 * outside a form field puts the cursor in the search box, and Escape or a
 * click elsewhere closes the header's menus (<details>, which open and
 * close without a script too).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !window.fetch || !window.URL || !document.body) return;
  var root = new URL('..', script.src).href;       // <root>assets/preview.js → <root>
  var KINDS = { meetings: 'meeting', entities: 'entity', topics: 'topic', actions: 'action' };
  var PATH = /^(meetings|entities|topics|actions)\/([a-z0-9-]+)\/(?:index\.html)?$/;
  var SHOW_AFTER = 300;    // ms of hovering before the card shows
  var HIDE_AFTER = 120;    // ms after leaving before it hides

  var box = document.createElement('div');
  box.className = 'q-preview';
  box.id = 'q-preview';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  document.body.appendChild(box);

  var manifest = null;     // promise of previews/index.json
  var chunks = {};         // url → promise of a chunk
  var current = null;      // the link the card is for (shown or on its way)
  var described = null;    // the link carrying aria-describedby
  var timer = 0;
  var here = strip(location.href);

  function strip(href) { return href.split('#')[0].split('?')[0]; }

  function fnv1a(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);          // slugs are ASCII
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function json(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      return r.json();
    });
  }

  /* The page a link leads to, if it has a card: {kind, slug}. */
  function target(a) {
    if (a.closest('svg, .q-preview, .q-header')) return null;   // marks have their own titles
    var raw = a.getAttribute('href');
    if (!raw || raw.charAt(0) === '#') return null;
    var href;
    try { href = strip(new URL(raw, document.baseURI).href); } catch (e) { return null; }
    if (href === here || href.indexOf(root) !== 0) return null;
    var m = PATH.exec(href.slice(root.length));
    if (m && m[1] === 'meetings' && /^[0-9]{4}$/.test(m[2])) return null;   // a year's page
    return m ? { kind: KINDS[m[1]], slug: m[2] } : null;
  }

  function card(t) {
    if (!manifest) manifest = json(root + 'previews/index.json');
    return manifest.then(function (index) {
      var n = index.chunks && index.chunks[t.kind];
      if (!n) return null;
      var url = root + 'previews/' + t.kind + '-' + (fnv1a(t.slug) % n) + '.json';
      if (!chunks[url]) chunks[url] = json(url);
      return chunks[url].then(function (c) {
        return Object.prototype.hasOwnProperty.call(c, t.slug) ? c[t.slug] : null;
      });
    });
  }

  function add(parent, tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    parent.appendChild(e);
    return e;
  }

  function fill(d) {
    box.textContent = '';
    add(box, 'p', 'q-preview__kind', d.k);
    add(box, 'p', 'q-preview__title', d.t);
    if (d.s) add(box, 'p', 'q-preview__summary', d.s);
    if (d.f && d.f.length) {
      var dl = add(box, 'dl', 'q-preview__facts');
      d.f.forEach(function (pair) {
        var row = add(dl, 'div', '', '');
        add(row, 'dt', '', pair[0]);
        add(row, 'dd', '', pair[1]);
      });
    }
  }

  function place(a) {
    var r = a.getBoundingClientRect();
    var doc = document.documentElement;
    box.style.left = '0px';
    box.style.top = '0px';
    var w = box.offsetWidth, h = box.offsetHeight;
    var left = Math.max(8, Math.min(r.left, doc.clientWidth - w - 8));
    var top = r.bottom + 6;
    if (top + h > doc.clientHeight - 8 && r.top - h - 6 > 8) top = r.top - h - 6;
    box.style.left = (left + window.scrollX) + 'px';
    box.style.top = (top + window.scrollY) + 'px';
  }

  function show(a) {
    var t = target(a);
    if (!t) { hide(); return; }          // a link without a card: put the last one away
    current = a;
    card(t).then(function (d) {
      if (current !== a || !d) return;
      fill(d);
      box.hidden = false;
      place(a);
      if (described && described !== a) described.removeAttribute('aria-describedby');
      if (!a.hasAttribute('aria-describedby')) {
        a.setAttribute('aria-describedby', box.id);
        described = a;
      }
    }).catch(function () { /* no preview: the link still works */ });
  }

  function hide() {
    clearTimeout(timer);
    current = null;
    box.hidden = true;
    if (described) {
      described.removeAttribute('aria-describedby');
      described = null;
    }
  }

  function later(f, ms) {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  }

  function linkOf(e) {
    var t = e.target;
    return t && t.closest ? t.closest('a[href]') : null;
  }

  document.addEventListener('pointerover', function (e) {
    if (e.pointerType === 'touch') return;          // a tap follows the link
    var a = linkOf(e);
    if (!a) return;
    if (a === current && !box.hidden) { clearTimeout(timer); return; }
    later(function () { show(a); }, SHOW_AFTER);
  });
  document.addEventListener('pointerout', function (e) {
    if (e.pointerType === 'touch') return;
    var a = linkOf(e);
    if (!a || (e.relatedTarget && a.contains(e.relatedTarget))) return;
    later(hide, HIDE_AFTER);
  });
  document.addEventListener('focusin', function (e) {
    var a = linkOf(e);
    if (!a) return;
    var keyboard = true;
    try { keyboard = a.matches(':focus-visible'); } catch (err) { /* older browsers */ }
    if (keyboard) { clearTimeout(timer); show(a); } else { hide(); }
  });
  document.addEventListener('focusout', function () { later(hide, HIDE_AFTER); });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !box.hidden) hide();
  });
  document.addEventListener('pointerdown', hide);
  window.addEventListener('resize', hide);
})();

(function () {
  'use strict';

  var box = document.getElementById('q-search-box') || document.getElementById('q-search-input');
  var key = document.querySelector('.q-search__key');
  if (key) key.hidden = false;

  function typing(t) {
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  function menus() {
    return document.querySelectorAll('.q-header details[open]');
  }

  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target) &&
        box && box.getClientRects().length) {
      e.preventDefault();
      box.focus();
      box.select();
    } else if (e.key === 'Escape') {
      Array.prototype.forEach.call(menus(), function (d) {
        var inside = d.contains(document.activeElement);
        d.open = false;
        if (inside) d.querySelector('summary').focus();
      });
    }
  });
  document.addEventListener('click', function (e) {
    Array.prototype.forEach.call(menus(), function (d) {
      if (!d.contains(e.target)) d.open = false;
    });
  });
})();
