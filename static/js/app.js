/* Family Support Guide: small enhancements. The guide reads fine without this file. */
(function () {
  "use strict";

  var COUNTRY_KEY = "guide.country";

  /* Storage that never throws: private modes and full disks just mean "not saved". */
  var store = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try {
        if (value) { window.localStorage.setItem(key, value); } else { window.localStorage.removeItem(key); }
        return true;
      } catch (e) { return false; }
    }
  };

  /* Put the chosen country first in every list on the page; "" restores the order. */
  function showCountryFirst(code) {
    document.querySelectorAll("[data-country-list]").forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      items.forEach(function (item, index) {
        if (!item.hasAttribute("data-order")) { item.setAttribute("data-order", String(index)); }
        item.classList.toggle("is-chosen", item.getAttribute("data-country") === code);
      });
      items.sort(function (a, b) {
        var first = (b.classList.contains("is-chosen") ? 1 : 0) - (a.classList.contains("is-chosen") ? 1 : 0);
        return first || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      });
      items.forEach(function (item) { list.appendChild(item); });
    });
  }

  /* The country chosen on this device ("" for none): other features read it through
     window.guide.country() and hear of a change through the "guide:country" event. */
  function savedCountry() {
    var code = (store.get(COUNTRY_KEY) || "").replace(/[^A-Z]/g, "").slice(0, 2);
    var known = code && document.querySelector('[data-country="' + code + '"], .app-country option[value="' + code + '"]');
    return known ? code : "";
  }

  function initCountry() {
    var saved = savedCountry();
    if (saved) { showCountryFirst(saved); }
    document.querySelectorAll(".app-country").forEach(function (chooser) {
      var select = chooser.querySelector("select");
      if (saved) { select.value = saved; }
      chooser.hidden = false;
      select.addEventListener("change", function () {
        store.set(COUNTRY_KEY, select.value);
        showCountryFirst(select.value);
        document.querySelectorAll(".app-country select").forEach(function (other) { other.value = select.value; });
        document.dispatchEvent(new CustomEvent("guide:country", { detail: select.value }));
      });
    });
  }

  window.guide = window.guide || {};
  window.guide.country = savedCountry;

  /* Offline: register the service worker, say when the guide is saved, offer updates. */
  function say(status, state) {
    if (!status) { return; }
    status.textContent = status.getAttribute("data-" + state);
    status.hidden = false;
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

  function initOffline() {
    if (!("serviceWorker" in navigator)) { return; }
    var sw = navigator.serviceWorker;
    var status = document.querySelector(".app-offline-status");
    var locale = document.documentElement.getAttribute("data-locale");

    sw.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.locale !== locale) { return; }
      if (data.type === "saved") { say(status, data.ok ? "saved" : "failed"); }
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
      if (sw.controller) { sw.controller.postMessage({ type: "status", locale: locale }); }
    }).catch(function () {
      /* No service worker here (private mode, old browser): the guide works online. */
      if (status) { status.hidden = true; }
    });
  }

  /* About page: how much this guide keeps on the device. */
  function showStorage() {
    var place = document.querySelector(".app-storage");
    if (!place || !navigator.storage || !navigator.storage.estimate) { return; }
    navigator.storage.estimate().then(function (estimate) {
      var megabytes = (estimate.usage || 0) / 1e6;
      var size = new Intl.NumberFormat(document.documentElement.lang, {
        style: "unit", unit: "megabyte", maximumFractionDigits: 1
      }).format(megabytes);
      place.textContent = place.getAttribute("data-template").replace("{size}", size);
      place.hidden = false;
    }).catch(function () { /* nothing to show */ });
  }

  /* An installed guide should not be cleared when the phone runs short of space. */
  window.addEventListener("appinstalled", function () {
    if (navigator.storage && navigator.storage.persist) { navigator.storage.persist(); }
  });

  /* The frozen site's front page: go to the first language the browser asks for. */
  function chooseLanguage() {
    var list = document.querySelector("[data-choose-language]");
    if (!list) { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a[data-code]"));
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""])
      .map(function (tag) { return String(tag).toLowerCase(); });
    var match = null;
    [function (tag, code) { return tag === code; },
     function (tag, code) { return tag.split("-")[0] === code.split("-")[0]; }].some(function (same) {
      return wanted.some(function (tag) {
        match = links.filter(function (link) { return same(tag, link.getAttribute("data-code")); })[0] || null;
        return match;
      });
    });
    if (match) { window.location.replace(match.href); }
  }

  chooseLanguage();
  initCountry();
  initOffline();
  showStorage();
})();
