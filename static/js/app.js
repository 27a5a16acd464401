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
})();
