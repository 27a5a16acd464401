/* Leave in one tap (the GOV.UK "Exit this page" pattern): the exit control in the bar,
   or Shift pressed three times within 5 seconds, covers the page at once, tells the
   page to stop what it is doing ("guide:exit": tools save what is being typed, reading
   aloud stops, dialogs close) and replaces this page with an ordinary one, so Back
   does not return to it. Shift is ignored while a text field has focus: the iOS
   keyboard's Shift key would otherwise trigger it (a known issue of GOV.UK's version).
   Without this file the control is a plain link to the same ordinary page. */
(function () {
  "use strict";

  var control = document.querySelector("[data-exit]");
  if (!control) { return; }
  var leaving = false;

  function exit(event) {
    if (event) { event.preventDefault(); }
    if (leaving) { return; }
    leaving = true;
    document.documentElement.classList.add("app-exiting");
    document.title = "";
    try { if (window.speechSynthesis) { window.speechSynthesis.cancel(); } } catch (e) { /* nothing to stop */ }
    Array.prototype.forEach.call(document.querySelectorAll("dialog[open], details[open]"), function (open) {
      if (open.close) { open.close(); } else { open.open = false; }
    });
    document.dispatchEvent(new CustomEvent("guide:exit"));
    window.location.replace(control.href);
  }

  function typing(el) {
    return !!el && (el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT" ||
      (el.tagName === "INPUT" && !/^(button|checkbox|radio|submit|reset|range|color|file|image)$/.test(el.type)));
  }

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = []; return; }
    if (typing(document.activeElement)) { presses = []; return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 5000; });
    presses.push(now);
    if (presses.length >= 3) { exit(); }
  });
  control.addEventListener("click", exit);
  /* Restored from the back-forward cache: show the page again. */
  window.addEventListener("pageshow", function () {
    leaving = false;
    document.documentElement.classList.remove("app-exiting");
  });
}());
