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

  function initCountry() {
    var saved = store.get(COUNTRY_KEY) || "";
    var known = document.querySelector('[data-country="' + saved.replace(/[^A-Z]/g, "") + '"]');
    if (saved && known) { showCountryFirst(saved); }
    document.querySelectorAll(".app-country").forEach(function (chooser) {
      var select = chooser.querySelector("select");
      if (known) { select.value = saved; }
      chooser.hidden = false;
      select.addEventListener("change", function () {
        store.set(COUNTRY_KEY, select.value);
        showCountryFirst(select.value);
      });
    });
  }

  initCountry();
})();
