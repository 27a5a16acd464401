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

  /* Switching language keeps the reader at the same section: the link gets the anchor of
     the last section heading above what is on screen (anchors are the same in every
     language). */
  function sectionOnScreen() {
    var line = bar.offsetHeight + 8, found = "";
    Array.prototype.forEach.call(document.querySelectorAll("main h2[id], main h3[id]"), function (heading) {
      var box = heading.getBoundingClientRect();
      /* A hidden heading (an empty plan box) has no box: it is not what the reader sees. */
      if (box.height > 0 && box.top <= line + 1) { found = heading.id; }
    });
    return found;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".app-languages a[hreflang]");
    if (!link) { return; }
    var id = sectionOnScreen();
    link.hash = id && id !== "on-this-page" ? id : "";
  }, true);

  /* A heading reached by a link must not sit under the bar. */
  function padAnchors() {
    document.documentElement.style.setProperty("--bar-space", (bar.offsetHeight + 8) + "px");
  }
  padAnchors();
  if (window.ResizeObserver) { new ResizeObserver(padAnchors).observe(bar); }
}());
