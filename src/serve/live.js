// quorum serve: reloads the page after each good rebuild, shows the errors of
// a bad one over the page, and reconnects by itself when the server restarts.
//
// A browser opens only six connections to one server, and a reload stream
// holds one for as long as its page is open, so the tabs of one browser share
// a single stream. A shared worker (this same script) keeps it and passes
// every event on to every tab; where there are no shared workers, the tab
// that holds a lock keeps it and passes the events on over a broadcast
// channel, and the next tab takes the lock when that one is left. Failing
// both, each page keeps a stream of its own.
(function () {
  "use strict";
  var base = "__BASE__";
  var NAME = "quorum-live";

  // Opens the stream: `tell(event, data)` hears each event; `last()` is the
  // status as it stands, told to a tab that comes later as its hello.
  function open(tell) {
    var status = null;
    var source = new EventSource(base + "__quorum/events");
    ["hello", "reload", "failed"].forEach(function (name) {
      source.addEventListener(name, function (event) {
        if (name !== "reload") {
          status = event.data;
        } else if (status !== null) {
          var s = JSON.parse(status);
          s.generation = Number(event.data);
          s.ok = true;
          s.errors = [];
          status = JSON.stringify(s);
        }
        tell(name, event.data);
      });
    });
    // The browser reconnects by itself; a restarted server says hello again.
    source.onerror = function () {};
    return {
      close: function () {
        source.close();
      },
      last: function () {
        return status;
      }
    };
  }

  // In the shared worker: one stream while any tab listens, every event
  // passed on to every tab.
  if (typeof document === "undefined") {
    var ports = [];
    var stream = null;
    self.onconnect = function (event) {
      var port = event.ports[0];
      port.onmessage = function (m) {
        var at = ports.indexOf(port);
        if (typeof EventSource === "undefined") {
          port.postMessage({ event: "none" });
        } else if (m.data === "hi" && at < 0) {
          ports.push(port);
          if (!stream) {
            stream = open(function (name, data) {
              ports.forEach(function (p) {
                p.postMessage({ event: name, data: data });
              });
            });
          } else if (stream.last() !== null) {
            port.postMessage({ event: "hello", data: stream.last() });
          }
        } else if (m.data === "bye" && at >= 0) {
          ports.splice(at, 1);
          if (!ports.length) {
            stream.close();
            stream = null;
          }
        }
      };
    };
    return;
  }

  var seen = null;
  var told = null;
  var overlay = null;

  // What an event does to this page, however it came.
  function hear(m) {
    if (m.event === "reload") {
      location.reload();
      return;
    }
    // A status already shown (said again by a new leader, or on reconnecting)
    // changes nothing: an overlay the reader hid stays hidden.
    if (m.data === told) {
      return;
    }
    told = m.data;
    var status = JSON.parse(m.data);
    if (m.event === "hello") {
      var key = status.server + ":" + status.generation;
      if (seen !== null && seen !== key) {
        location.reload();
        return;
      }
      seen = key;
    }
    if (status.ok) {
      hide();
    } else {
      show(status.errors);
    }
  }

  // The overlay lives in a shadow root, so nothing of the page's styles (the
  // theme's `pre`, its colours and fonts) reaches it: it reads the same on
  // every page, in the light and the dark scheme.
  var STYLE =
    ".q-live{position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:70vh;overflow:auto;" +
    "box-sizing:border-box;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#2a0e0e;" +
    "border-top:4px solid #c4161c;box-shadow:0 -8px 24px rgba(0,0,0,.25);text-align:left;direction:ltr;" +
    "font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color-scheme:light}" +
    ".q-live p{margin:0 5rem .75rem 0;font:700 15px/1.4 system-ui,sans-serif}" +
    ".q-live pre{margin:0 0 .75rem;padding:0;white-space:pre-wrap;word-break:break-word;" +
    "background:none;color:inherit;border:0;font:inherit}" +
    ".q-live button{position:absolute;top:.75rem;right:1rem;padding:.35rem .7rem;border-radius:4px;" +
    "border:1px solid;background:none;color:inherit;font:600 13px/1 system-ui,sans-serif;cursor:pointer}" +
    ".q-live button:focus-visible{outline:3px solid #f2a900;outline-offset:2px}" +
    "@media (prefers-color-scheme:dark){.q-live{background:#2b1111;color:#fde8e8;" +
    "border-top-color:#e5484d;box-shadow:0 -8px 24px rgba(0,0,0,.5);color-scheme:dark}}";

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(errors) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "q-live-errors";
    overlay.style.cssText = "all:initial !important";
    var root = overlay.attachShadow ? overlay.attachShadow({ mode: "open" }) : overlay;
    var style = document.createElement("style");
    style.textContent = STYLE;
    var box = document.createElement("div");
    box.className = "q-live";
    box.setAttribute("role", "alert");
    var title = document.createElement("p");
    title.textContent = "The site could not be rebuilt (" + errors.length + " error" +
      (errors.length === 1 ? "" : "s") + "). The page shows the last good build.";
    box.appendChild(title);
    errors.forEach(function (e) {
      var item = document.createElement("pre");
      item.className = "q-live-error";
      item.textContent = e.text || (e.location + ": " + e.message);
      item.dataset.location = e.location;
      box.appendChild(item);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    box.appendChild(close);
    root.appendChild(style);
    root.appendChild(box);
    document.body.appendChild(overlay);
  }

  // Each way of listening starts, and returns how to stop.

  // A stream of this page's own.
  function own() {
    return open(function (name, data) {
      hear({ event: name, data: data });
    }).close;
  }

  // The stream of the tab that holds the lock, heard over the channel.
  function leader() {
    var channel = new BroadcastChannel(NAME);
    var stream = null;
    var release = null;
    var wait = new AbortController();
    channel.onmessage = function (m) {
      if (m.data === "hi") {
        if (stream && stream.last() !== null) {
          channel.postMessage({ event: "hello", data: stream.last() });
        }
      } else if (m.data && m.data.event) {
        hear(m.data);
      }
    };
    navigator.locks.request(NAME, { signal: wait.signal }, function () {
      stream = open(function (name, data) {
        channel.postMessage({ event: name, data: data });
        hear({ event: name, data: data });
      });
      return new Promise(function (resolve) {
        release = resolve;
      });
    }).catch(function () {});
    channel.postMessage("hi");
    return function () {
      wait.abort();
      if (stream) {
        stream.close();
        release();
      }
      channel.close();
    };
  }

  // The shared worker's stream.
  function shared() {
    var port;
    var instead = null;
    try {
      var w = new SharedWorker(base + "__quorum/live.js", { name: NAME });
      port = w.port;
    } catch (e) {
      return fallback();
    }
    function giveUp() {
      if (!instead) {
        port.close();
        instead = fallback();
      }
    }
    w.onerror = giveUp;
    port.onmessage = function (m) {
      if (m.data.event === "none") {
        giveUp();
      } else {
        hear(m.data);
      }
    };
    port.postMessage("hi");
    return function () {
      if (instead) {
        instead();
      } else {
        port.postMessage("bye");
      }
    };
  }

  function fallback() {
    return window.BroadcastChannel && navigator.locks ? leader() : own();
  }

  if (!window.EventSource) {
    return;
  }
  var stop = window.SharedWorker ? shared() : fallback();
  // A page left lets go of the stream, so that pages kept for "back" hold no
  // connection the next page needs; a page shown again listens again.
  window.addEventListener("pagehide", function () {
    if (stop) {
      stop();
      stop = null;
    }
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && !stop) {
      stop = window.SharedWorker ? shared() : fallback();
    }
  });
})();
