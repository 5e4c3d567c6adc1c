// quorum serve: reloads the page after each good rebuild, shows the errors of
// a bad one over the page, and reconnects by itself when the server restarts.
(function () {
  "use strict";
  var base = "__BASE__";
  var seen = null;
  var overlay = null;

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
    overlay.setAttribute("role", "alert");
    overlay.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
      "background:#2b1111;color:#fde8e8;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "padding:1rem 1.25rem;border-top:4px solid #e5484d;box-shadow:0 -8px 24px rgba(0,0,0,.4)";
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 .75rem;font-weight:700;font-family:system-ui,sans-serif;font-size:15px";
    title.textContent = "The site could not be rebuilt (" + errors.length + " error" +
      (errors.length === 1 ? "" : "s") + "). The page shows the last good build.";
    overlay.appendChild(title);
    errors.forEach(function (e) {
      var item = document.createElement("pre");
      item.className = "q-live-error";
      item.style.cssText = "margin:0 0 .75rem;white-space:pre-wrap;word-break:break-word";
      item.textContent = e.text || (e.location + ": " + e.message);
      item.dataset.location = e.location;
      overlay.appendChild(item);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.style.cssText = "position:absolute;top:.75rem;right:1rem";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  function connect() {
    var source = new EventSource(base + "__quorum/events");
    source.addEventListener("hello", function (event) {
      var status = JSON.parse(event.data);
      var key = status.server + ":" + status.generation;
      if (seen !== null && seen !== key) {
        location.reload();
        return;
      }
      seen = key;
      if (status.ok) {
        hide();
      } else {
        show(status.errors);
      }
    });
    source.addEventListener("reload", function () {
      location.reload();
    });
    source.addEventListener("failed", function (event) {
      show(JSON.parse(event.data).errors);
    });
    source.onerror = function () {
      // The browser reconnects by itself; a restarted server says hello again.
    };
    return source;
  }

  if (window.EventSource) {
    var source = connect();
    // A page left behind lets go of its stream: a browser opens only a few
    // connections to one server, and streams held by pages kept for "back"
    // would leave none for the next page.
    window.addEventListener("pagehide", function () {
      source.close();
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        source = connect();
      }
    });
  }
})();
