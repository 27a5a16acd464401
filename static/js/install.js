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
  var banner = null, prompt = null, asked = false;

  function get() { try { return window.localStorage.getItem(KEY); } catch (e) { return null; } }
  function set(v) { try { window.localStorage.setItem(KEY, v); } catch (e) { /* not kept: asked again next time */ } }
  function keep() {
    if (navigator.storage && navigator.storage.persist) { navigator.storage.persist().then(showStorage, showStorage); }
  }
  var installed = window.matchMedia && window.matchMedia("(display-mode: standalone)").matches || navigator.standalone;
  var apple = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }
  function dismiss() { set("dismissed"); if (banner) { banner.hidden = true; } }
  function showAdd() {
    if (!banner) { return; }
    banner.querySelector("[data-install-add]").hidden = !prompt;
    banner.querySelector("[data-install-apple]").hidden = !apple || !!prompt;
  }

  /* The banner's words come from /<lang>/install.json (saved offline with the pages), so
     they weigh nothing on pages where the banner never shows. */
  function show() {
    if (installed || asked || get() === "dismissed") { return; }
    asked = true;
    fetch("/" + document.documentElement.getAttribute("data-locale") + "/install.json")
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (words) {
        banner = el("section", { "class": "app-install", "data-install": "", "aria-labelledby": "install-heading" });
        banner.appendChild(el("h2", { id: "install-heading", "class": "app-install__heading" }, words.heading));
        banner.appendChild(el("p", { "data-install-apple": "" }, words.apple));
        banner.appendChild(el("p", { "class": "app-install__warning" }, words.warning));
        var actions = banner.appendChild(el("p", { "class": "app-install__actions" }));
        var add = actions.appendChild(el("button", { type: "button", "class": "app-button", "data-install-add": "" }, words.add));
        var close = actions.appendChild(el("button", { type: "button", "class": "app-button", "data-install-close": "" }, words.close));
        add.addEventListener("click", function () {
          keep();
          if (!prompt) { return; }
          prompt.prompt();
          prompt.userChoice.then(function (choice) { if (choice.outcome === "accepted") { dismiss(); } });
          prompt = null;
        });
        close.addEventListener("click", function () { keep(); dismiss(); });
        showAdd();
        var footer = document.querySelector(".app-footer");
        document.body.insertBefore(banner, footer);
      })
      .catch(function () { asked = false; /* offline and not saved yet: next time */ });
  }

  window.addEventListener("beforeinstallprompt", function (event) {
    event.preventDefault();
    prompt = event;
    showAdd();
  });
  window.addEventListener("appinstalled", function () { keep(); dismiss(); });
  document.addEventListener("guide:saved", show);

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
