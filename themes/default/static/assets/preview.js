/* quorum — link previews, for the default theme (loaded with `defer`).
 *
 * Hovering (with a mouse or pen) or focusing with the keyboard a link to a
 * meeting, entity, topic or action shows a small card: its kind, title, a
 * one-line summary and a few facts. It stays while the pointer is on the
 * link or on the card itself, or while the link has the focus; Escape puts it
 * away without moving either (WCAG 1.4.13). It never covers the link, nor
 * the search result the link is the title of: it goes above them, where the
 * reader has already been, or below them when there is no room above. Touch
 * taps simply follow the link, and the site works the same without this
 * script.
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
  var HIDE_AFTER = 300;    // ms after leaving before it hides (time to reach the card)

  var box = document.createElement('div');
  box.className = 'q-preview';
  box.id = 'q-preview';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  // In the main landmark, so that nothing on the page is outside one.
  (document.getElementById('q-main') || document.querySelector('main') || document.body).appendChild(box);

  var manifest = null;     // promise of previews/index.json
  var chunks = {};         // url → promise of a chunk
  var current = null;      // the link the card is for (shown or on its way)
  var zone = null;         // what the card must not cover: the link, or its search result
  var byFocus = false;     // for the keyboard's focus: the pointer does not put it away
  var pending = null;      // the link the pointer rests on, waiting for its card
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

  /* Above the link when it fits (over what was read before it), else below
   * the link or the search result it heads; the side with more room when
   * neither fits. */
  function place(a) {
    var r = a.getBoundingClientRect(), z = zone.getBoundingClientRect();
    var doc = document.documentElement;
    box.style.left = '0px';
    box.style.top = '0px';
    var w = box.offsetWidth, h = box.offsetHeight;
    // Right to left, the card lines up with the link's right edge.
    var start = getComputedStyle(a).direction === 'rtl' ? r.right - w : r.left;
    var left = Math.max(8, Math.min(start, doc.clientWidth - w - 8));
    var top = z.top - h - 6;
    if (top < 8 && (z.bottom + 6 + h <= doc.clientHeight - 8 || doc.clientHeight - z.bottom > z.top)) top = z.bottom + 6;
    top = Math.max(top, 8 - window.scrollY);       // never above the page's top
    // From the viewport to the box's containing block: the page, unless a
    // theme positions an element around the box.
    var op = box.offsetParent, dx = window.scrollX, dy = window.scrollY;
    if (op && op !== document.body && op !== document.documentElement) {
      var o = op.getBoundingClientRect();
      dx = op.scrollLeft - o.left - op.clientLeft;
      dy = op.scrollTop - o.top - op.clientTop;
    }
    box.style.left = (left + dx) + 'px';
    box.style.top = (top + dy) + 'px';
  }

  function show(a, focus) {
    var t = target(a);
    if (!t) { hide(); return; }          // a link without a card: put the last one away
    current = a;
    byFocus = focus;
    card(t).then(function (d) {
      if (current !== a || !d) return;
      fill(d);
      zone = a.closest('.q-search-result') || a;
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
    zone = null;
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

  /* Whether the pointer, now over `to`, still wants the card: it is on the
   * card, or on the link or search result the card is for. */
  function staying(to) {
    return !!to && !!zone && (box.contains(to) || zone.contains(to));
  }

  document.addEventListener('pointerover', function (e) {
    if (e.pointerType === 'touch') return;          // a tap follows the link
    var a = linkOf(e);
    if (box.contains(e.target) || (a && a === current && !box.hidden)) {
      if (!byFocus) clearTimeout(timer);            // back on the card or its link: it stays
      return;
    }
    if (!a) return;
    pending = a;
    later(function () { pending = null; show(a, false); }, SHOW_AFTER);
  });
  document.addEventListener('pointerout', function (e) {
    if (e.pointerType === 'touch') return;
    var a = linkOf(e);
    if (a && e.relatedTarget && a.contains(e.relatedTarget)) return;   // still on the link
    if (a && a === pending) {                       // left before its card came
      pending = null;
      if (byFocus && !box.hidden) clearTimeout(timer); else later(hide, HIDE_AFTER);
      return;
    }
    if (box.hidden || byFocus || staying(e.relatedTarget)) return;
    if (a || box.contains(e.target) || zone.contains(e.target)) later(hide, HIDE_AFTER);
  });
  document.addEventListener('focusin', function (e) {
    var a = linkOf(e);
    if (!a) return;
    var keyboard = true;
    try { keyboard = a.matches(':focus-visible'); } catch (err) { /* older browsers */ }
    if (keyboard) { clearTimeout(timer); show(a, true); } else { hide(); }
  });
  // The keyboard's card goes with the focus (the next link brings its own).
  document.addEventListener('focusout', function () {
    if (byFocus) hide();
  });
  // Before the page's own keys (the search box clears on Escape): an Escape
  // that puts the card away does nothing else.
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || box.hidden) return;
    hide();
    e.stopPropagation();
    e.preventDefault();
  }, true);
  document.addEventListener('pointerdown', function (e) {
    if (!box.contains(e.target)) hide();            // the card's text can be selected
  });
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
