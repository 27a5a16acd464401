/* Family tools: what the plan, scripts, self-check and data files share.
   Nothing here or in the tool files is sent anywhere: there is no network code. Text the
   reader typed, or a file they import, is only ever set as text (textContent, value).
   Every read and write goes through window.guide.storage (storage.js).

   window.guide.tools: $, $$, status (the page's live region), tell(control, text, failed),
   saved(control, result), later(fn) (a pause-in-typing save that also runs when the page
   is hidden or closed: soon(), now(), cancel()), cancelAll(), counter(field, limit),
   format(template, values). */
(function () {
  "use strict";
  var guide = window.guide = window.guide || {};
  if (!document.querySelector(".app-tool-status")) { return; }

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  var status = $(".app-tool-status");
  var lang = document.documentElement.lang;
  var note = document.createElement("p");
  note.className = "app-note";
  note.hidden = true;

  function number(n) { return new Intl.NumberFormat(lang).format(n); }
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      var value = values[name];
      return value === undefined ? all : typeof value === "number" ? number(value) : String(value);
    });
  }

  /* The message beside the control that caused it, and in the polite live region. A
     failure stays until the next save works. */
  function tell(control, text, failed) {
    var place = control && (control.closest(".app-field, p, li, fieldset") || control);
    if (place && place.parentNode) { place.parentNode.insertBefore(note, place.nextSibling); }
    note.textContent = text;
    note.classList.toggle("app-note--failed", !!failed);
    note.hidden = !text;
    status.textContent = "";
    status.textContent = text;
    status.classList.toggle("app-tool-status--failed", !!failed);
  }

  function saved(control, result) {
    var key = result.ok ? "saved" : result.reason === "no-room-for-copy" ? "noRoomSave" : "saveFailed";
    tell(control, status.dataset[key], !result.ok);
    return result.ok;
  }

  var pending = [];
  function flushAll() { pending.forEach(function (p) { p.run(); }); }
  window.addEventListener("pagehide", flushAll);
  document.addEventListener("guide:exit", flushAll);
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") { flushAll(); } });

  /* fn runs after a pause in typing, and at once if the page is hidden or closed.
     cancelAll() (before "Delete all data") drops every waiting save and calls dropped(). */
  function later(fn, dropped) {
    var timer = null;
    function run() { if (timer !== null) { clearTimeout(timer); timer = null; fn(); } }
    function cancel() { clearTimeout(timer); timer = null; }
    pending.push({ run: run, drop: function () { cancel(); if (dropped) { dropped(); } } });
    return {
      soon: function () { clearTimeout(timer); timer = setTimeout(run, 300); },
      now: function () { cancel(); fn(); },
      cancel: cancel
    };
  }
  function cancelAll() { pending.forEach(function (p) { p.drop(); }); }

  /* A visible limit: maxlength, and "N of LIMIT characters" once the text is long. */
  function counter(field, limit) {
    field.maxLength = limit;
    var count = document.createElement("span");
    count.className = "app-hint app-count";
    count.id = field.id + "-count";
    field.parentNode.insertBefore(count, field.nextSibling);
    field.setAttribute("aria-describedby", ((field.getAttribute("aria-describedby") || "") + " " + count.id).trim());
    function show() {
      var n = field.value.length;
      count.hidden = n < limit * 0.8;
      count.textContent = format(status.dataset.count, { count: n, limit: limit });
      count.classList.toggle("app-count--full", n >= limit);
    }
    field.addEventListener("input", show);
    show();
    return show;
  }

  guide.tools = { $: $, $$: $$, status: status, tell: tell, saved: saved, later: later, cancelAll: cancelAll, counter: counter, format: format };

  $$(".app-needs-js").forEach(function (el) { el.hidden = true; });
  $$("[data-needs-js], [data-add-person], [data-print], [data-use]").forEach(function (el) { el.hidden = false; });

  /* Stored data that cannot be read is kept aside before anything may overwrite it. */
  var now = guide.storage.read();
  if (now.problem) {
    var kept = guide.storage.keepAside();
    tell(null, kept.ok ? status.dataset.recovered : status.dataset.noRoom, !kept.ok);
  }
}());
