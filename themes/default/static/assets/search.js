/* quorum — search, for the default theme's search page.
 *
 * Reads the index the build writes under `search/` (docs/search.md describes
 * it) and fetches only what one query needs: the manifest, the term shards
 * of its words, the list of a chosen topic or entity, and the records of the
 * results on screen. Nothing is loaded from outside the site.
 *
 * Words are split and folded exactly as the build does (src/search/text.rs):
 * runs of letters and digits, lower case, accents and most scripts folded
 * with the table the manifest carries, Arabic normalised, Chinese and
 * Japanese in pairs of characters, without the stop words the manifest
 * lists. Every word must match, as the start of a term.
 *
 * Text from the index is only ever put on the page as text (textContent and
 * <mark> elements), never parsed as HTML.
 */
(function () {
  'use strict';

  var app = document.getElementById('q-search');
  if (!app) return;

  var PAGE = 10;            // results shown at a time
  var MAX_SHARDS = 3;       // a word whose prefix spans more shards is matched whole
  var PREFIX = 0.8;         // a word that is only the start of a term counts a little less
  var SNIPPET = 240;        // characters of context around the matches
  // The page's words, in the site's language (from its translation files).
  var S = JSON.parse((document.getElementById('q-strings') || {}).textContent || '{}');
  var KINDS = S.kinds || {};
  function say(text, places) { return String(text || '').replace(/\{(\w+)\}/g, function (m, k) { return k in places ? places[k] : m; }); }
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var RUN = /[\p{Alphabetic}\p{N}]+/gu;
  var NOT_RUN = /[^\p{Alphabetic}\p{N}]+/u;
  var MARKS = /\p{M}/gu;

  var $ = function (id) { return document.getElementById(id); };
  var form = $('q-search-form');
  var input = $('q-search-input');
  var status = $('q-search-status');
  var list = $('q-search-results');
  var more = $('q-search-more');
  var selects = { kind: $('q-search-kind'), year: $('q-search-year'), topic: $('q-search-topic'), entity: $('q-search-entity') };
  var root = app.getAttribute('data-root') || '';
  var base = new URL(root + 'search/', location.href);

  if (location.protocol === 'file:') {
    $('q-search-file').hidden = false;
    form.querySelectorAll('input, select, button').forEach(function (c) { c.disabled = true; });
    status.textContent = S.unavailable || '';
    return;
  }

  var VALUE = new Int8Array(128).fill(-1);
  for (var i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

  var manifest = null;      // promise of the manifest, prepared
  var files = new Map();    // path -> promise of its JSON
  var words = new Map();    // word -> promise of Map(doc -> score)
  var results = [];         // [doc, score], best first
  var shown = 0;
  var current = [];         // the words of the query on screen
  var seq = 0;              // the latest search; older ones give up

  function fetchJson(path, version) {
    var url = new URL(path, base);
    if (version) url.search = 'v=' + version;
    var key = url.href;
    if (!files.has(key)) {
      var p = fetch(key, version ? {} : { cache: 'no-cache' }).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + r.statusText + ' for ' + url.pathname);
        return r.json();
      });
      p.catch(function () { files.delete(key); });
      files.set(key, p);
    }
    return files.get(key);
  }

  function load() {
    if (!manifest) {
      manifest = fetchJson('manifest.json').then(function (m) {
        if (m.format !== 1) throw new Error('the search index was written by another version of quorum');
        var ratio = Math.pow(m.weights.max / m.weights.min, 1 / (m.weights.levels - 1));
        m.level = [];
        for (var q = 0; q < m.weights.levels; q++) m.level.push(m.weights.min * Math.pow(ratio, q));
        m.stopSet = new Set(m.stop);
        m.yearOf = [];
        m.years.forEach(function (y) {
          y.ranges.forEach(function (r) { m.yearOf.push([r[0], r[1], y.year]); });
        });
        m.yearOf.sort(function (a, b) { return a[0] - b[0]; });
        m.chunkStart = [];
        decode(m.chunks, false, function (doc) { m.chunkStart.push(doc); });
        return m;
      });
      manifest.catch(function () { manifest = null; });
    }
    return manifest;
  }

  // ------------------------------------------------------------------ words

  function fold(m, ch) {
    var out = '';
    for (var c of ch.toLowerCase()) {
      if (c.charCodeAt(0) < 128) out += c;
      else if (Object.prototype.hasOwnProperty.call(m.fold, c)) out += m.fold[c];
      else out += c.normalize('NFKD').replace(MARKS, '');
    }
    return out;
  }

  /* How a script's letters become terms (Script::of in src/search/text.rs):
   * 0 folded to ASCII, 1 Arabic (kept, normalised), 2 Chinese and Japanese
   * (pairs of characters). */
  var FOLDED = 0, ARABIC = 1, CJK = 2;
  function scriptOf(ch) {
    var c = ch.codePointAt(0);
    if ((c >= 0x0621 && c <= 0x063A) || (c >= 0x0640 && c <= 0x065F) || (c >= 0x066E && c <= 0x06D3) ||
        (c >= 0x06D5 && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
        (c >= 0x08A0 && c <= 0x08FF)) return ARABIC;
    if (c === 0x3005 || c === 0x3007 || (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFF66 && c <= 0xFF9F)) return CJK;
    return FOLDED;
  }

  /* Arabic as the build normalises it: no harakat or tatweel, one alef, ى as ي, ة as ه. */
  function arabic(part) {
    return part.replace(/[\u064B-\u065F\u0670\u0640]/g, '').replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
      .replace(/\u0649/g, '\u064A').replace(/\u0629/g, '\u0647');
  }

  /* The terms of one run of letters and digits, as the build makes them:
   * cut where the script changes, each part by the rules of its script. */
  function termsOf(m, run) {
    if (/^[\x00-\x7f]*$/.test(run)) return [run.toLowerCase()];
    var out = [], part = '', script = -1;
    var flush = function () {
      if (script === ARABIC) {
        out.push(arabic(part));
      } else if (script === CJK) {
        var cs = Array.from(part);
        if (cs.length === 1) out.push(part);
        for (var i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
      } else if (part) {
        var folded = '';
        for (var ch of part) folded += fold(m, ch);
        folded.toLowerCase().split(NOT_RUN).forEach(function (t) { if (t) out.push(t); });
      }
      part = '';
    };
    for (var ch of run) {
      var s = scriptOf(ch);
      if (s !== script) { flush(); script = s; }
      part += ch;
    }
    flush();
    return out.filter(Boolean);
  }

  /* A term worth looking up: two characters or more (a lone Chinese or
   * Japanese one too), not a stop word of any language of the site. */
  function kept(m, t) {
    return (t.length > 1 || (t.length === 1 && scriptOf(t) === CJK)) && !m.stopSet.has(t);
  }

  function queryWords(m, q) {
    var out = [];
    for (var run of q.match(RUN) || []) {
      termsOf(m, run).forEach(function (t) {
        if (kept(m, t) && out.indexOf(t) < 0) out.push(t);
      });
    }
    return out;
  }
  // For the tests: a query's words, as the build splits text.
  app.queryWords = function (q) { return load().then(function (m) { return queryWords(m, q); }); };

  // ---------------------------------------------------------------- lookup

  function decode(text, weighted, visit) {
    var i = 0, doc = 0;
    while (i < text.length) {
      var v = 0, scale = 1, d;
      do {
        d = VALUE[text.charCodeAt(i++)];
        if (d < 0 || d === undefined) throw new Error('the search index is damaged');
        v += (d & 31) * scale;
        scale *= 32;
      } while (d & 32);
      doc += v;
      visit(doc, weighted ? VALUE[text.charCodeAt(i++)] : 0);
    }
  }

  /* Shards whose terms may start with `w`: the one that would hold `w`, and
   * the ones after it whose first term starts with `w`. */
  function shardSpan(keys, w) {
    var lo = 0, hi = keys.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] <= w) lo = mid + 1; else hi = mid;
    }
    var first = lo - 1, last = first;
    while (last + 1 < keys.length && keys[last + 1].indexOf(w) === 0) last++;
    return [first, last];
  }

  /* Map(doc -> score) of the documents with a term starting with `w`. */
  function lookup(m, w) {
    if (words.has(w)) return words.get(w);
    var span = m.shards.length ? shardSpan(m.shards, w) : [0, -1];
    var whole = span[1] - span[0] + 1 > MAX_SHARDS;
    if (whole) span[1] = span[0];
    var wanted = [];
    for (var s = span[0]; s <= span[1]; s++) wanted.push(fetchJson('t/' + s + '.json', m.version));
    // A weight is idf × (the rest); all the terms `w` starts are scored as
    // one term, with the idf of the documents that have any of them, so a
    // rare longer term does not outweigh the word itself.
    var p = Promise.all(wanted).then(function (shards) {
      var scores = new Map();
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (whole ? term !== w : term.indexOf(w) !== 0) return;
          var docs = [], levels = [];
          decode(shard[term], true, function (doc, q) { docs.push(doc); levels.push(q); });
          var factor = (term === w ? 1 : PREFIX) / idf(m.docs, docs.length);
          for (var i = 0; i < docs.length; i++) {
            var v = m.level[levels[i]] * factor;
            if (!(scores.get(docs[i]) >= v)) scores.set(docs[i], v);
          }
        });
      });
      var all = idf(m.docs, scores.size);
      scores.forEach(function (v, doc) { scores.set(doc, v * all); });
      return scores;
    });
    p.catch(function () { words.delete(w); });
    words.set(w, p);
    return p;
  }

  /* BM25's inverse document frequency, as the build computes it. */
  function idf(n, df) {
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  function filterSet(m, kind, slug) {
    if (!slug) return Promise.resolve(null);
    return fetchJson('filter/' + kind + '-' + slug + '.json', m.version).then(function (f) {
      var set = new Set();
      decode(f.docs, false, function (doc) { set.add(doc); });
      return set;
    });
  }

  function kindOf(m, doc) {
    for (var k of m.kinds) if (doc >= k.start && doc < k.end) return k;
    return m.kinds[m.kinds.length - 1];
  }

  function yearOf(m, doc) {
    var lo = 0, hi = m.yearOf.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (m.yearOf[mid][1] <= doc) lo = mid + 1; else hi = mid;
    }
    var r = m.yearOf[lo];
    return r && r[0] <= doc ? String(r[2]) : '';
  }

  /* The record of `doc`, from the chunk that starts at or before it. */
  function record(m, doc) {
    var starts = m.chunkStart, lo = 0, hi = starts.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (starts[mid] <= doc) lo = mid + 1; else hi = mid;
    }
    var start = starts[lo - 1];
    return fetchJson('doc/' + start + '.json', m.version).then(function (docs) {
      return { doc: doc, kind: kindOf(m, doc).kind, rec: docs[doc - start] };
    });
  }

  // --------------------------------------------------------------- display

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  /* [start, end, words] of every run of `text` one of `ws` starts. */
  /* The words of `ws` that term `t` starts with, as a mask. */
  function maskOf(t, ws) {
    var mask = 0;
    ws.forEach(function (w, i) { if (t.indexOf(w) === 0) mask |= 1 << i; });
    return mask;
  }

  /* The places in `text` the words `ws` match: [from, to, mask], in order,
   * apart. A match marks the run of letters it is in, but in Chinese and
   * Japanese, where a run is a whole sentence, only the characters matched. */
  function matches(m, text, ws) {
    var out = [];
    var add = function (from, to, mask) {
      var last = out[out.length - 1];
      if (last && from <= last[1]) {
        last[1] = Math.max(last[1], to);
        last[2] |= mask;
      } else {
        out.push([from, to, mask]);
      }
    };
    RUN.lastIndex = 0;
    var r;
    while ((r = RUN.exec(text))) {
      var run = r[0];
      if (!/[\u3005-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F]/.test(run)) {
        var mask = 0;
        termsOf(m, run).forEach(function (t) { mask |= maskOf(t, ws); });
        if (mask) add(r.index, r.index + run.length, mask);
        continue;
      }
      // Part by part, as termsOf cuts the run.
      var at = 0;
      while (at < run.length) {
        var script = scriptOf(run[at]);
        var end = at + 1;
        while (end < run.length && scriptOf(run[end]) === script) end++;
        var part = run.slice(at, end);
        if (script === CJK) {
          if (part.length === 1) {
            var one = maskOf(part, ws);
            if (one) add(r.index + at, r.index + end, one);
          }
          for (var i = 0; i + 1 < part.length; i++) {
            var pair = part.slice(i, i + 2);
            ws.forEach(function (w, k) {
              if (pair.indexOf(w) === 0) add(r.index + at + i, r.index + at + i + Math.min(w.length, 2), 1 << k);
            });
          }
        } else {
          var mask2 = 0;
          termsOf(m, part).forEach(function (t) { mask2 |= maskOf(t, ws); });
          if (mask2) add(r.index + at, r.index + end, mask2);
        }
        at = end;
      }
    }
    return out;
  }

  /* Appends text[from, to) to `node`, with the matches in <mark>. */
  function marked(node, text, from, to, found) {
    var pos = from;
    found.forEach(function (f) {
      if (f[0] < pos || f[1] > to) return;
      if (f[0] > pos) node.append(text.slice(pos, f[0]));
      node.append(el('mark', null, text.slice(f[0], f[1])));
      pos = f[1];
    });
    if (pos < to) node.append(text.slice(pos, to));
  }

  function bits(n) { var c = 0; for (; n; n &= n - 1) c++; return c; }

  /* The stretch of `text` with the most query words, trimmed to words. */
  function snippet(m, node, text, ws) {
    // Lines are blocks (headings, paragraphs, items): a line that ends
    // without punctuation gets a separator, so a heading does not run on.
    text = text.trim().replace(/([^.!?:;…])[ \t]*\n\s*/g, '$1 · ').replace(/\s+/g, ' ');
    var found = matches(m, text, ws);
    var start = 0, anchor = 0, best = -1;
    for (var i = 0; i < found.length && text.length > SNIPPET; i++) {
      var from = Math.max(0, found[i][0] - 40), mask = 0, count = 0;
      for (var j = i; j < found.length && found[j][1] <= from + SNIPPET; j++) { mask |= found[j][2]; count++; }
      var score = bits(mask) * 1000 + count;
      if (score > best) { best = score; start = from; anchor = found[i][0]; }
    }
    var end = Math.min(text.length, start + SNIPPET);
    if (start > 0) {
      var space = text.indexOf(' ', start);
      if (space >= 0 && space < anchor) start = space + 1;
      node.append('… ');
    }
    if (end < text.length) {
      var cut = text.lastIndexOf(' ', end);
      if (cut > start + SNIPPET / 2) end = cut;
    }
    marked(node, text, start, end, found);
    if (end < text.length) node.append(' …');
  }

  function item(m, hit, ws) {
    var rec = hit.rec;
    var li = el('li', 'q-search-result q-search-result--' + hit.kind);
    var h = el('h2', 'q-search-result__title');
    var a = el('a');
    a.href = root + rec.path;
    marked(a, rec.title, 0, rec.title.length, matches(m, rec.title, ws));
    h.append(a);
    var meta = el('p', 'q-search-result__meta');
    meta.append(el('span', 'q-badge q-search-result__kind', KINDS[hit.kind] || hit.kind));
    if (rec.date) {
      var t = el('time', 'q-search-result__date', rec.date);
      t.dateTime = rec.iso;
      meta.append(' ', t);
    }
    if (rec.sub) meta.append(' ', el('span', 'q-search-result__sub', rec.sub));
    li.append(h, meta);
    if (rec.text) {
      var p = el('p', 'q-search-result__snippet');
      snippet(m, p, rec.text, ws);
      li.append(p);
    }
    return li;
  }

  function showMore(focus) {
    var my = seq;
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = true;
    return load().then(function (m) {
      return Promise.all(batch.map(function (r) { return record(m, r[0]); })).then(function (hits) {
        if (my !== seq) return;
        var first = null;
        hits.forEach(function (hit) {
          var li = item(m, hit, current);
          first = first || li;
          list.append(li);
        });
        more.hidden = shown >= results.length;
        if (focus && first) first.querySelector('a').focus();
      });
    }).catch(failed);
  }

  function failed(e) {
    status.textContent = say(S.failed, { error: e && e.message ? e.message : e });
  }

  /* Counts of the current matches next to each kind and year. */
  function facetCounts(m, docs, want) {
    var kinds = {}, years = {};
    (docs || []).forEach(function (doc) {
      var k = kindOf(m, doc).kind, y = yearOf(m, doc);
      if (!want.year || y === want.year) kinds[k] = (kinds[k] || 0) + 1;
      if (!want.kind || k === want.kind) years[y] = (years[y] || 0) + 1;
    });
    [[selects.kind, kinds], [selects.year, years]].forEach(function (pair) {
      Array.prototype.forEach.call(pair[0].options, function (o) {
        var label = o.getAttribute('data-label');
        if (label) o.textContent = docs ? label + ' (' + (pair[1][o.value] || 0) + ')' : label;
      });
    });
  }

  function params() {
    var want = { q: input.value.trim() };
    Object.keys(selects).forEach(function (k) { want[k] = selects[k].value; });
    return want;
  }

  function remember(want) {
    var u = new URL(location.href);
    u.search = '';
    Object.keys(want).forEach(function (k) { if (want[k]) u.searchParams.set(k, want[k]); });
    if (u.href !== location.href) history.replaceState(null, '', u.href);
  }

  function describe(n, want) {
    var forms = S.results || {};
    var category = n === 0 ? 'zero' : new Intl.PluralRules(S.lang || 'en').select(n);
    var what = say(forms[category] || forms.other, { n: n.toLocaleString((S.lang || 'en') + '-u-nu-latn') });
    var where = [];
    if (want.kind) where.push(selects.kind.selectedOptions[0].getAttribute('data-label'));
    if (want.year) where.push(want.year);
    if (want.topic) where.push(say(S.topic, { topic: selects.topic.selectedOptions[0].textContent }));
    if (want.entity) where.push(selects.entity.selectedOptions[0].textContent);
    return say(where.length ? S.for_in : S['for'], { what: what, query: want.q, where: where.join(', ') });
  }

  function clear() {
    results = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
  }

  function search() {
    var my = ++seq;
    var want = params();
    remember(want);
    if (!want.q) {
      clear();
      status.textContent = '';
      facetCounts(null, null, want);
      return Promise.resolve();
    }
    var slow = setTimeout(function () { if (my === seq) status.textContent = S.searching || ''; }, 300);
    return load().then(function (m) {
      var ws = queryWords(m, want.q);
      if (my !== seq) return;
      if (!ws.length) {
        clearTimeout(slow);
        clear();
        status.textContent = S.too_short || '';
        return;
      }
      return Promise.all([
        Promise.all(ws.map(function (w) { return lookup(m, w); })),
        filterSet(m, 'topic', want.topic),
        filterSet(m, 'entity', want.entity)
      ]).then(function (got) {
        if (my !== seq) return;
        clearTimeout(slow);
        var maps = got[0].slice().sort(function (a, b) { return a.size - b.size; });
        var docs = [], scores = [];
        maps[0].forEach(function (score, doc) {
          for (var i = 1; i < maps.length; i++) {
            var s = maps[i].get(doc);
            if (s === undefined) return;
            score += s;
          }
          if ((got[1] && !got[1].has(doc)) || (got[2] && !got[2].has(doc))) return;
          docs.push(doc);
          scores.push([doc, score]);
        });
        facetCounts(m, docs, want);
        var found = scores.filter(function (r) {
          return (!want.kind || kindOf(m, r[0]).kind === want.kind) && (!want.year || yearOf(m, r[0]) === want.year);
        });
        found.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        clear();
        results = found;
        current = ws;
        status.textContent = describe(found.length, want);
        return showMore(false);
      });
    }).catch(function (e) {
      clearTimeout(slow);
      if (my === seq) failed(e);
    });
  }

  // ------------------------------------------------------------- keyboard

  function links() { return Array.prototype.slice.call(list.querySelectorAll('.q-search-result__title a')); }

  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' && links().length) {
      e.preventDefault();
      links()[0].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      input.value = '';
      search();
    }
  });

  list.addEventListener('keydown', function (e) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (at < 0) return;
    if (e.key === 'ArrowDown' && at + 1 < all.length) {
      e.preventDefault();
      all[at + 1].focus();
    } else if (e.key === 'ArrowDown' && !more.hidden) {
      e.preventDefault();
      more.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      input.focus();
    }
  });

  more.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowUp') {
      var all = links();
      if (all.length) { e.preventDefault(); all[all.length - 1].focus(); }
    }
  });

  var typing = 0;
  input.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(search, 250);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(typing);
    search();
  });
  Object.keys(selects).forEach(function (k) { selects[k].addEventListener('change', search); });
  more.addEventListener('click', function () { showMore(true); });

  // The query and filters of the address, as the header's box sends them.
  var given = new URLSearchParams(location.search);
  input.value = given.get('q') || '';
  Object.keys(selects).forEach(function (k) {
    var v = given.get(k);
    if (v && Array.prototype.some.call(selects[k].options, function (o) { return o.value === v; })) selects[k].value = v;
  });
  if (input.value.trim()) search(); else load().catch(function () {});
})();
