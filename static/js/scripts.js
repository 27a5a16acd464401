/* My boundary scripts: the words from the guide, a draft kept as the reader types, and
   the saved list, changed by script id so two open pages never erase each other. */
(function () {
  "use strict";
  var guide = window.guide || {};
  var root = document.querySelector("[data-module=app-scripts]");
  if (!root || !guide.tools) { return; }
  var t = guide.tools, $ = t.$, $$ = t.$$, storage = guide.storage, LIMITS = storage.LIMITS;
  var select = $("#situation", root);
  var editor = $("[data-editor]", root);
  var list = $("[data-my-scripts]", root);
  var emptyNote = $("[data-empty]", root);
  var saveButton = $("[data-save-script]", root);
  var limitNote = $("[data-script-limit]", root);
  var labels = root.dataset;
  var typing = false;
  var showCount = t.counter(editor, LIMITS.script);

  function showSituation() {
    $$("[data-situation]", root).forEach(function (section) {
      section.hidden = section.dataset.situation !== select.value;
    });
  }

  function button(label, context, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "app-button app-button--small";
    b.textContent = label;
    b.setAttribute("aria-label", label + ": " + context.slice(0, 60));
    b.addEventListener("click", function () { action(b); });
    return b;
  }

  function change(control, fn) {
    var result = storage.update("scripts", fn);
    t.saved(control, result);
    render(storage.read().data);
    return result.ok;
  }

  function move(id, by) {
    change(list, function (scripts) {
      var index = scripts.map(function (s) { return s.id; }).indexOf(id), target = index + by;
      if (index !== -1 && target >= 0 && target < scripts.length) { scripts.splice(target, 0, scripts.splice(index, 1)[0]); }
      return scripts;
    });
    var item = list.querySelector("li[data-id='" + id + "'] button");
    if (item) { item.focus(); }
  }

  /* Delete, then "Script deleted. Undo" puts it back where it was, with the same id. */
  var undoBar = $("[data-undo-bar]", root), undoText = $("span", undoBar), undoButton = $("button", undoBar);
  var lastDeleted = null;
  function deleteScript(script) {
    var at = -1;
    var ok = change(undoBar, function (scripts) {
      at = scripts.map(function (s) { return s.id; }).indexOf(script.id);
      return scripts.filter(function (s) { return s.id !== script.id; });
    });
    if (!ok) { return; }
    lastDeleted = { script: script, at: at };
    undoText.textContent = undoBar.dataset.deleted + " ";
    undoButton.hidden = false;
    undoButton.focus();
  }
  undoButton.addEventListener("click", function () {
    if (!lastDeleted) { return; }
    var back = lastDeleted;
    var ok = change(undoBar, function (scripts) {
      if (scripts.some(function (s) { return s.id === back.script.id; })) { return scripts; }
      scripts.splice(Math.max(0, Math.min(back.at, scripts.length)), 0, back.script);
      return scripts;
    });
    if (ok) {
      lastDeleted = null;
      undoText.textContent = "";
      undoButton.hidden = true;
      var item = list.querySelector("li[data-id='" + back.script.id + "'] button");
      if (item) { item.focus(); }
    }
  });

  function render(data) {
    list.textContent = "";
    data.scripts.forEach(function (script) {
      var item = document.createElement("li");
      item.dataset.id = script.id;
      var words = document.createElement("p");
      words.textContent = script.text;
      item.appendChild(words);
      var actions = document.createElement("p");
      actions.className = "app-my-scripts__actions";
      actions.appendChild(button(labels.moveUp, script.text, function () { move(script.id, -1); }));
      actions.appendChild(button(labels.moveDown, script.text, function () { move(script.id, 1); }));
      actions.appendChild(button(labels.copy, script.text, function (b) {
        if (navigator.clipboard) {
          navigator.clipboard.writeText(script.text).then(function () { t.tell(b, labels.copied); },
            function () { t.tell(b, labels.copyFailed, true); });
        }
      }));
      if (navigator.share) {
        actions.appendChild(button(labels.share, script.text, function () {
          navigator.share({ text: script.text }).catch(function () { /* the reader closed the sheet */ });
        }));
      }
      var remove = button(labels.delete, script.text, function () { deleteScript(script); });
      remove.classList.add("app-button--danger", "app-my-scripts__delete");
      actions.appendChild(remove);
      item.appendChild(actions);
      list.appendChild(item);
    });
    emptyNote.hidden = data.scripts.length > 0;
    var full = data.scripts.length >= LIMITS.scripts;
    saveButton.disabled = full;
    limitNote.hidden = !full;
    limitNote.textContent = t.format(limitNote.dataset.template, { limit: LIMITS.scripts });
    if (!typing) {
      var draft = data.drafts.script;
      editor.value = draft ? draft.text : "";
      if (draft && $("option[value='" + draft.situation + "']", select)) { select.value = draft.situation; showSituation(); }
      showCount();
    }
  }

  var keepDraft = t.later(function () {
    var result = storage.update("drafts", function (drafts) {
      if (editor.value) { drafts.script = { text: editor.value, situation: select.value }; } else { delete drafts.script; }
      return drafts;
    });
    t.saved(editor, result);
    if (result.ok) { typing = false; }
  }, function () { typing = false; });

  editor.addEventListener("input", function () { typing = true; keepDraft.soon(); });
  select.addEventListener("change", showSituation);
  $$("[data-use]", root).forEach(function (use) {
    use.addEventListener("click", function () {
      editor.value = use.parentNode.querySelector("p").textContent;
      typing = true;
      showCount();
      keepDraft.now();
      editor.focus();
    });
  });
  saveButton.addEventListener("click", function () {
    var words = editor.value.trim();
    if (!words) { editor.focus(); return; }
    typing = true;
    keepDraft.cancel();  /* saved with the script below, or kept as typed: its note stays here */
    var ok = change(saveButton, function (scripts) {
      return scripts.concat([{ id: storage.newId("s"), text: words, situation: select.value }]);
    });
    if (ok) {
      editor.value = "";
      keepDraft.now();
      t.saved(saveButton, { ok: true });
    }
  });
  storage.onChange(function (now) { render(now.data); });
  showSituation();
  render(storage.read().data);
}());
