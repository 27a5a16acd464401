/* The persistent bar: its menu closes on Escape, on a tap outside it and when one of its
   links is followed; anchors scroll clear of the bar however tall it is. Without this
   file the menu still opens and closes (it is a <details> element). */
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
  }

  /* A heading reached by a link must not sit under the bar. */
  function padAnchors() {
    document.documentElement.style.scrollPaddingBlockStart = (bar.offsetHeight + 8) + "px";
  }
  padAnchors();
  if (window.ResizeObserver) { new ResizeObserver(padAnchors).observe(bar); }
}());
