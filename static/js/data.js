/* Your data on this device: save a copy to a file, and load one (checked and described
   before anything is saved, kept as a backup first, with Undo). */
(function () {
  "use strict";
  var guide = window.guide || {};
  var section = document.querySelector(".app-data");
  if (!section || !guide.tools) { return; }
  var t = guide.tools, $ = t.$, storage = guide.storage;
  var labels = section.dataset, names = JSON.parse(labels.labels || "{}");
  var result = $("[data-result]", section), message = $(".app-data__message", section), undo = $("[data-undo]", section);
  var question = $("[data-import-question]", section), input = $("[data-import]", section);
  var pending = null, backup = null;

  /* Say it beside the control, in the data section's own place, and in the live region. */
  function say(control, text, failed, canUndo) {
    var place = control.closest("p, fieldset, div") || control;
    place.parentNode.insertBefore(result, place.nextSibling);
    message.textContent = text;
    result.classList.toggle("app-note--failed", !!failed);
    undo.hidden = !canUndo;
    t.status.textContent = "";
    t.status.textContent = text;
  }
  guide.tools.sayData = say;

  function download(text, name, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }
  guide.tools.download = download;

  function where() {
    var ua = navigator.userAgent;
    if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) { return labels.whereIos; }
    return /Android/.test(ua) ? labels.whereAndroid : labels.whereOther;
  }

  var exportButton = $("[data-export]", section);
  exportButton.addEventListener("click", function () {
    var name = labels.fileName + "-" + new Date().toISOString().slice(0, 10) + ".json";
    download(JSON.stringify(storage.read().data, null, 1), name, "application/json");
    say(exportButton, t.format(labels.exported, { file: name }) + " " + where());
  });

  function nameOf(key) { return names[key] || key; }

  function reportLines(report) {
    var unknown = [], unreadable = [], lines = [], over = {};
    report.forEach(function (r) {
      /* Over the limit in the file, then again when added to what is here: one line, one sum. */
      if (r.kind === "over" && over[r.name]) { over[r.name].count += r.count; return; }
      if (r.kind === "over") { over[r.name] = { kind: "over", name: r.name, count: r.count, limit: r.limit }; }
    });
    report.filter(function (r) { return r.kind !== "over"; }).concat(Object.keys(over).map(function (k) { return over[k]; })).forEach(function (r) {
      if (r.kind === "unknown") { unknown.push("“" + r.name + "”"); }
      if (r.kind === "unreadable") { unreadable.push(nameOf(r.name) + (r.count > 1 ? " (" + r.count + ")" : "")); }
      if (r.kind === "cut" || r.kind === "over") {
        lines.push(t.format(r.kind === "cut" ? labels.dropCut : labels.dropOver, { name: nameOf(r.name), count: r.count, limit: r.limit }));
      }
    });
    if (unknown.length) { lines.unshift(t.format(labels.dropUnknown, { names: unknown.join(", ") })); }
    if (unreadable.length) { lines.unshift(t.format(labels.dropUnreadable, { names: unreadable.join(", ") })); }
    return lines;
  }

  function ask(parsed, mode) {
    var whole = storage.clean(parsed, false), kept = storage.clean(parsed, true);
    if (!kept.usable) {
      var ours = !(kept.report.length === 1 && kept.report[0].name === "file");
      return say(input, ours ? labels.importNothing : labels.importFailed, true);
    }
    var data = kept.data, report = kept.report;
    if (mode === "merge") {
      var merged = storage.merge(storage.read().data, kept.data);
      data = merged.data;
      report = report.concat(merged.report);
    }
    var found = whole.data;
    $("[data-import-found]", question).textContent = t.format(labels.importSummary, {
      plan: Object.keys(found.plan.fields).length, people: found.plan.people.length, scripts: found.scripts.length,
      answers: Object.keys(found.selfCheck.answers).length + Object.keys(found.selfCheck.byPosition).length
    }) + (found.craft.situations.length || found.craft.moments.length ? " " + t.format(labels.importSummaryCraft, {
      situations: found.craft.situations.length, moments: found.craft.moments.length
    }) : "");
    var list = $("[data-import-report]", question);
    list.textContent = "";
    reportLines(report).forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    $("[data-import-ask]", question).textContent = mode === "replace" ? labels.askReplace : labels.askMerge;
    pending = data;
    question.hidden = false;
    message.textContent = "";
    $("[data-import-load]", question).focus();
  }

  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    question.hidden = true;
    if (!file) { return; }
    file.text().then(function (content) {
      var parsed;
      try { parsed = JSON.parse(content); } catch (e) { parsed = undefined; }
      ask(parsed, $("input[name=import-mode]:checked", section).value);
    }).catch(function () {
      say(input, labels.importFailed, true);
    }).then(function () { input.value = ""; });
  });

  $("[data-import-load]", question).addEventListener("click", function () {
    var done = storage.replace(pending);
    question.hidden = true;
    pending = null;
    backup = done.ok ? done.backup : null;
    if (!done.ok) { return say(input, labels.importNotSaved, true); }
    say(input, backup ? labels.importedBackup : labels.imported, false, !!backup);
  });
  $("[data-import-cancel]", question).addEventListener("click", function () {
    question.hidden = true;
    pending = null;
    input.focus();
  });
  undo.addEventListener("click", function () {
    var done = storage.restore(backup);
    backup = null;
    say(input, done.ok ? labels.undone : t.status.dataset.saveFailed, !done.ok);
    input.focus();
  });
}());
