/* The overdose page's "Print these steps on one page" button (the card's layout is in
   app.css under @media print). Without JavaScript the browser's own Print does the same. */
(function () {
  "use strict";

  Array.prototype.forEach.call(document.querySelectorAll("[data-print-card]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
}());
