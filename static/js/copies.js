/* Copies kept on this device (unreadable data kept aside, backups before an import or
   a restore): listed, restorable, savable to a file. And "Delete all data", which says
   what it deletes and can remove the offline copy of the guide too. */
(function () {
  "use strict";
  var guide = window.guide || {};
  var section = document.querySelector(".app-copies");
  if (!section || !guide.tools || !guide.tools.sayData) { return; }
  var t = guide.tools, $ = t.$, $$ = t.$$, storage = guide.storage, say = t.sayData;
  var labels = section.dataset, list = $(".app-copies__list", section);
  var when = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "medium", timeStyle: "short" });

  function button(label, context, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "app-button app-button--small";
    b.textContent = label;
    b.setAttribute("aria-label", label + ": " + context);
    b.addEventListener("click", function () { action(b); });
    return b;
  }

  function saveToFile(raw, time) {
    var json = true;
    try { JSON.parse(raw); } catch (e) { json = false; }
    var name = $(".app-data").dataset.fileName + "-" + time.slice(0, 19).replace(/[^0-9T]/g, "-") + (json ? ".json" : ".txt");
    t.download(raw, name, json ? "application/json" : "text/plain");
  }

  function render() {
    var now = storage.read(), copies = storage.copies();
    if (now.problem && !now.aside) {
      copies.unshift({ key: null, kind: "in-place", time: new Date().toISOString(), raw: now.raw, usable: false });
    }
    list.textContent = "";
    copies.forEach(function (copy) {
      var date = new Date(copy.time);
      var title = copy.kind === "in-place" ? labels.inPlace : t.format(copy.kind === "backup" ? labels.backup : labels.unreadable,
        { date: isNaN(date) ? copy.time : when.format(date) });
      var item = document.createElement("li");
      var words = document.createElement("p");
      words.textContent = title;
      item.appendChild(words);
      var actions = document.createElement("p");
      actions.className = "app-my-scripts__actions";
      if (copy.usable) {
        actions.appendChild(button(labels.restore, title, function (b) {
          var done = storage.restore(copy.key);
          say(list, done.ok ? labels.restored : t.status.dataset.saveFailed, !done.ok);
          if (done.ok) { b.blur(); }
        }));
      }
      actions.appendChild(button(labels.save, title, function () { saveToFile(copy.raw, copy.time); }));
      if (copy.key) {
        actions.appendChild(button(labels.delete, title, function () {
          storage.removeCopy(copy.key);
          say(list, labels.removed);
        }));
      }
      item.appendChild(actions);
      list.appendChild(item);
    });
    section.hidden = copies.length === 0;
  }

  /* ---- Delete all data -------------------------------------------------------------- */
  var data = $(".app-data"), clear = $("[data-clear]", data), panel = $("[data-clear-question]", data);
  var offline = $("[data-clear-offline]", panel);
  $("[data-clear-offline-wrap]", panel).hidden = !("serviceWorker" in navigator && guide.offline);

  clear.addEventListener("click", function () {
    var n = storage.inventory(), words = panel.dataset, items = $("[data-clear-list]", panel);
    var lines = [n.plan && words.plan, n.scripts && t.format(words.scripts, { count: n.scripts }),
      n.answers && t.format(words.answers, { count: n.answers }), n.draft && words.draft,
      n.situations && t.format(words.situations, { count: n.situations }),
      n.moments && t.format(words.moments, { count: n.moments }), n.momentDraft && words.momentDraft,
      n.copies && t.format(words.copies, { count: n.copies }), n.settings && words.settings].filter(Boolean);
    items.textContent = "";
    (lines.length ? lines : [words.nothing]).forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      items.appendChild(item);
    });
    offline.checked = false;
    panel.hidden = false;
    $("[data-clear-yes]", panel).focus();
  });
  $("[data-clear-no]", panel).addEventListener("click", function () { panel.hidden = true; clear.focus(); });
  $("[data-clear-yes]", panel).addEventListener("click", function () {
    var also = offline.checked && guide.offline;
    t.cancelAll();  /* a save still waiting for a pause in typing must not bring data back */
    storage.clearAll();
    panel.hidden = true;
    say(clear, data.dataset.cleared);
    if (also) {
      guide.offline.forget().then(function () {
        say(clear, data.dataset.cleared + " " + data.dataset.offlineRemoved);
      });
    }
    clear.focus();
  });

  storage.onChange(render);
  render();
  $$("[data-needs-js]", section).forEach(function (el) { el.hidden = false; });
}());
