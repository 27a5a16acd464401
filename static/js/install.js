/* Kept on this phone, made visible. Once the guide is saved for offline use (the
   "guide:saved" event from offline.js), one banner says so, offers "Add to home screen"
   where the browser has an install prompt, or tells iPhone and iPad readers how (Share,
   then Add to Home Screen), and warns that the icon is visible to anyone with the phone.
   Dismissed, it stays dismissed on this device. A tap there also asks the browser to keep
   the saved copy when space runs low (persistent storage); the About page says whether it
   does, and how much the guide keeps. */
(function () {
  "use strict";
  var KEY = "guide.banner";
  var banner = document.querySelector("[data-install]");
  var prompt = null;

  function get() { try { return window.localStorage.getItem(KEY); } catch (e) { return null; } }
  function set(v) { try { window.localStorage.setItem(KEY, v); } catch (e) { /* not kept: asked again next time */ } }
  function keep() {
    if (navigator.storage && navigator.storage.persist) { navigator.storage.persist().then(showStorage, showStorage); }
  }
  var installed = window.matchMedia && window.matchMedia("(display-mode: standalone)").matches || navigator.standalone;
  var apple = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);

  function show() {
    if (!banner || installed || get() === "dismissed" || !banner.hidden) { return; }
    banner.querySelector("[data-install-apple]").hidden = !apple || !!prompt;
    banner.querySelector("[data-install-add]").hidden = !prompt;
    banner.hidden = false;
  }
  function dismiss() { set("dismissed"); banner.hidden = true; }

  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    prompt = event;
    if (banner && !banner.hidden) { banner.querySelector("[data-install-add]").hidden = false; banner.querySelector("[data-install-apple]").hidden = true; }
  });
  window.addEventListener("appinstalled", function () { keep(); if (banner) { dismiss(); } });
  document.addEventListener("guide:saved", show);
  if (banner) {
    banner.querySelector("[data-install-add]").addEventListener("click", function () {
      keep();
      if (!prompt) { return; }
      prompt.prompt();
      prompt.userChoice.then(function (choice) { if (choice.outcome === "accepted") { dismiss(); } });
      prompt = null;
    });
    banner.querySelector("[data-install-close]").addEventListener("click", function () { keep(); dismiss(); });
  }

  /* About page: whether the browser keeps the saved copy, and how much it is. */
  function showStorage() {
    var place = document.querySelector(".app-storage");
    if (!place || !navigator.storage || !navigator.storage.estimate) { return; }
    var persisted = navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(null);
    Promise.all([navigator.storage.estimate(), persisted]).then(function (found) {
      var size = new Intl.NumberFormat(document.documentElement.lang, {
        style: "unit", unit: "megabyte", maximumFractionDigits: 1
      }).format((found[0].usage || 0) / 1e6);
      place.textContent = place.getAttribute("data-template").replace("{size}", size);
      place.hidden = false;
      var kept = document.querySelector(".app-persist");
      if (kept && found[1] !== null) {
        kept.textContent = kept.getAttribute(found[1] ? "data-yes" : "data-no");
        kept.hidden = false;
      }
    }).catch(function () { /* nothing to show */ });
  }
  showStorage();
}());
