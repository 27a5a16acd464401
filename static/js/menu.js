/* The persistent bar: its menu closes on Escape, on a tap outside it and when one of its
   links is followed; anchors scroll clear of the bar however tall it is. Without this
   file the menu still opens and closes (it is a <details> element). The menu's search
   box shows only with this file, which loads search.js when the menu first opens. */
(function () {
  "use strict";

  var bar = document.querySelector(".app-bar");
  if (!bar) { return; }
  var menu = bar.querySelector("[data-module=app-menu]");

  function close() {
    if (menu && menu.open) { menu.open = false; }
  }

  if (menu) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        close();
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) { close(); }
    });
    menu.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) { close(); }
    });
    var search = menu.querySelector(".app-search");
    var loadSearch = function () {
      if (!menu.open || search.hasAttribute("data-loading")) { return; }
      search.setAttribute("data-loading", "");
      var script = document.createElement("script");
      script.src = search.getAttribute("data-script");
      document.head.appendChild(script);
    };
    try {
      if (search && window.fetch && new RegExp("\\p{L}", "u")) {
        search.hidden = false;
        menu.addEventListener("toggle", loadSearch);
        loadSearch();
      }
    } catch (error) { /* no Unicode property escapes: no search box */ }
  }

  /* A heading reached by a link must not sit under the bar. */
  function padAnchors() {
    document.documentElement.style.scrollPaddingBlockStart = (bar.offsetHeight + 8) + "px";
  }
  padAnchors();
  if (window.ResizeObserver) { new ResizeObserver(padAnchors).observe(bar); }
}());
