/* Offline: register the service worker, say when the guide is saved, offer updates.
   API on window.guide.offline: forget() removes every saved copy of the guide and the
   service worker (used by "Delete all data"); resolves to true when there was one. */
(function () {
  "use strict";
  var guide = window.guide = window.guide || {};

  function say(status, state) {
    if (!status) { return; }
    status.textContent = status.getAttribute("data-" + state);
    status.hidden = false;
    if (state === "saved") { document.dispatchEvent(new CustomEvent("guide:saved")); }
  }

  /* About page: "Saved for offline use on <date>", in the page's language. */
  function showSavedDate(iso) {
    var place = document.querySelector(".app-offline-date");
    if (!place || !iso) { return; }
    var date = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long" }).format(new Date(iso));
    place.textContent = place.getAttribute("data-template").replace("{date}", date);
    place.hidden = false;
  }

  function offerUpdate(worker) {
    var banner = document.querySelector(".app-update");
    if (!banner || !worker) { return; }
    banner.hidden = false;
    banner.querySelector("button").addEventListener("click", function () {
      banner.setAttribute("data-accepted", "true");
      worker.postMessage({ type: "skip-waiting" });
    }, { once: true });
  }

  guide.offline = {
    forget: function () {
      if (!("serviceWorker" in navigator)) { return Promise.resolve(false); }
      return navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (registration) {
          var worker = registration.active;
          var emptied = !worker ? Promise.resolve() : new Promise(function (done) {
            navigator.serviceWorker.addEventListener("message", function heard(event) {
              if ((event.data || {}).type === "forgotten") { navigator.serviceWorker.removeEventListener("message", heard); done(); }
            });
            worker.postMessage({ type: "forget" });
            setTimeout(done, 5000);
          });
          return emptied.then(function () { return registration.unregister(); });
        })).then(function (done) { return done.length > 0; });
      });
    }
  };

  function initOffline() {
    if (!("serviceWorker" in navigator)) { return; }
    var sw = navigator.serviceWorker;
    var status = document.querySelector(".app-offline-status");
    var locale = document.documentElement.getAttribute("data-locale");

    sw.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.locale !== locale) { return; }
      if (data.type === "saved") {
        say(status, data.ok ? "saved" : "failed");
        if (data.ok) { showSavedDate(data.date); }
      }
      if (data.type === "status" && data.saved) { document.dispatchEvent(new CustomEvent("guide:saved")); }
      if (data.type === "status" && data.known && !data.saved && sw.controller) {
        say(status, "saving");
        sw.controller.postMessage({ type: "save-locale", locale: locale });
      }
    });
    /* Reload once, and only after the reader said yes to the new version. */
    sw.addEventListener("controllerchange", function () {
      var banner = document.querySelector(".app-update");
      if (banner && banner.getAttribute("data-accepted") === "true") {
        banner.removeAttribute("data-accepted");
        window.location.reload();
      }
    });

    if (!sw.controller) {
      /* First visit: the install saves this language; "ready" means it is done. */
      say(status, "saving");
      sw.ready.then(function () { say(status, "saved"); });
    }
    sw.register("/sw.js").then(function (registration) {
      if (registration.waiting && sw.controller) { offerUpdate(registration.waiting); }
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && sw.controller) { offerUpdate(worker); }
          if (worker.state === "redundant" && !sw.controller) { say(status, "failed"); }
        });
      });
      /* Every visit: the worker checks the saved copy is whole and fetches what is missing. */
      if (sw.controller) { sw.controller.postMessage({ type: "status", locale: locale }); }
    }).catch(function () {
      /* No service worker here (private mode, old browser): the guide works online. */
      if (status) { status.hidden = true; }
    });
  }

  initOffline();
}());
