/* The overdose page's call button: with a country chosen on this device, its "Call …"
   button shows first and the list of every country folds away (one tap opens it). The
   button's space is kept in the page's layout, so the steps below do not jump. */
(function () {
  "use strict";

  var slot = document.querySelector("[data-call-slot]");
  if (!slot || !window.guide || !window.guide.country) { return; }
  var all = document.querySelector("[data-emergency-all]");

  function show(code) {
    var chosen = null;
    Array.prototype.forEach.call(slot.querySelectorAll("[data-call]"), function (button) {
      var on = Boolean(code) && (" " + button.getAttribute("data-call") + " ").indexOf(" " + code + " ") !== -1;
      button.hidden = !on;
      if (on) { chosen = button; }
    });
    slot.classList.toggle("is-chosen", Boolean(chosen));
    return chosen;
  }

  if (show(window.guide.country()) && all) { all.open = false; }
  document.addEventListener("guide:country", function (event) {
    var chosen = show(event.detail);
    /* Chosen from the list: the list folds and the reader lands on their button. */
    if (chosen && all && all.contains(document.activeElement)) { all.open = false; chosen.focus(); }
  });
}());
