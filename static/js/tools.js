/* Family tools: the plan, boundary scripts and the self-check.
   Everything is kept in this browser (localStorage) under one versioned schema. Nothing
   is ever sent anywhere: there is no network code in this file. Text the reader typed,
   or a file they import, is only ever set as text (textContent, value), never as HTML. */
(function () {
  "use strict";

  /* Joined into every page's script: do nothing on pages without a tool. */
  if (!document.querySelector("[data-module=app-plan], [data-module=app-scripts], [data-module=app-self-check], .app-data")) { return; }

  var KEY = "guide.data";
  var ASIDE = "guide.data.unreadable.";
  var SCHEMA = 1;
  var MAX_TEXT = 5000;
  var MAX_ITEMS = 200;
  var PLAN_FIELDS = ["treatment", "crisisLine", "naloxoneWhere", "naloxoneExpiry", "warningSigns",
    "willDo", "willNotDo", "supportPeople", "supportGroups", "selfCare"];
  var PERSON_FIELDS = ["name", "role", "phone"];

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $$(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function text(value) { return typeof value === "string" ? value.slice(0, MAX_TEXT) : ""; }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function empty() {
    return { schema: SCHEMA, plan: { fields: {}, people: [] }, scripts: [], selfCheck: { answers: {} } };
  }

  /* Older shapes become the current one here; add a step for each new schema. */
  function migrate(raw) {
    if (isObject(raw) && raw.schema === undefined && (raw.plan || raw.scripts)) { raw.schema = SCHEMA; }
    return raw;
  }

  /* Keep only what the schema knows, as text; report whether anything was dropped. */
  function clean(raw) {
    var data = empty(), dropped = false;
    raw = migrate(raw);
    if (!isObject(raw) || raw.schema !== SCHEMA) { return { data: data, dropped: true }; }
    var plan = isObject(raw.plan) ? raw.plan : {};
    var fields = isObject(plan.fields) ? plan.fields : {};
    Object.keys(fields).forEach(function (name) {
      if (PLAN_FIELDS.indexOf(name) !== -1 && typeof fields[name] === "string") {
        data.plan.fields[name] = text(fields[name]);
      } else { dropped = true; }
    });
    (Array.isArray(plan.people) ? plan.people : []).slice(0, MAX_ITEMS).forEach(function (person) {
      if (!isObject(person)) { dropped = true; return; }
      var kept = {};
      PERSON_FIELDS.forEach(function (name) { kept[name] = text(person[name]); });
      data.plan.people.push(kept);
    });
    (Array.isArray(raw.scripts) ? raw.scripts : []).slice(0, MAX_ITEMS).forEach(function (script) {
      if (isObject(script) && typeof script.text === "string" && script.text.trim()) {
        data.scripts.push({ text: text(script.text), situation: text(script.situation) });
      } else { dropped = true; }
    });
    var answers = isObject(raw.selfCheck) && isObject(raw.selfCheck.answers) ? raw.selfCheck.answers : {};
    Object.keys(answers).forEach(function (question) {
      if (/^q\d{1,3}$/.test(question) && (answers[question] === "helping" || answers[question] === "enabling")) {
        data.selfCheck.answers[question] = answers[question];
      } else { dropped = true; }
    });
    return { data: data, dropped: dropped };
  }

  var storage = {
    read: function () {
      var raw;
      try { raw = window.localStorage.getItem(KEY); } catch (e) { return { data: empty(), problem: false }; }
      if (raw === null) { return { data: empty(), problem: false }; }
      var parsed, result;
      try { parsed = JSON.parse(raw); } catch (e) { parsed = undefined; }
      result = clean(parsed);
      if (result.dropped) {
        /* Never wipe what we cannot read: keep the raw text aside and say so. */
        try { window.localStorage.setItem(ASIDE + new Date().toISOString(), raw); } catch (e) { /* full */ }
        try { window.localStorage.setItem(KEY, JSON.stringify(result.data)); } catch (e) { /* full */ }
      }
      return { data: result.data, problem: result.dropped };
    },
    write: function (data) {
      try {
        var first = window.localStorage.getItem(KEY) === null;
        window.localStorage.setItem(KEY, JSON.stringify(data));
        if (first && navigator.storage && navigator.storage.persist) { navigator.storage.persist(); }
        return true;
      } catch (e) { return false; }
    },
    clear: function () {
      try {
        Object.keys(window.localStorage).forEach(function (key) {
          if (key === KEY || key.indexOf(ASIDE) === 0) { window.localStorage.removeItem(key); }
        });
      } catch (e) { /* nothing stored */ }
    }
  };

  var state = storage.read();
  var status = $(".app-tool-status");

  function say(place, message) {
    if (!place) { return; }
    place.textContent = "";
    place.textContent = message;
  }

  function save() {
    say(status, storage.write(state.data) ? status.dataset.saved : status.dataset.saveFailed);
  }

  /* Save after a pause in typing, and at once if the page is hidden or closed, so the
     last words typed are never lost. */
  var saveSoon = (function () {
    var timer = null;
    function flush() {
      if (timer !== null) { clearTimeout(timer); timer = null; save(); }
    }
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { flush(); }
    });
    return function () { clearTimeout(timer); timer = setTimeout(function () { timer = null; save(); }, 300); };
  }());

  /* ---- Our plan ---------------------------------------------------------------- */
  function initPlan(form) {
    var people = $("[data-people]", form);
    var crisisLines = JSON.parse(form.dataset.crisisLines || "{}");
    var warning = $("[data-expiry-warning]", form);

    function addPersonRow() {
      var rows = $$("[data-person]", people);
      var row = rows[0].cloneNode(true);
      var n = rows.length;
      $$("input", row).forEach(function (input) {
        input.value = "";
        input.id = "person-" + n + "-" + input.dataset.key;
        input.parentNode.querySelector("label").htmlFor = input.id;
      });
      people.appendChild(row);
      return row;
    }

    function checkExpiry() {
      var value = $("[data-field=naloxoneExpiry]", form).value;
      var expiry = value ? new Date(value + "T23:59:59") : null;
      var days = expiry ? (expiry - new Date()) / 86400000 : Infinity;
      warning.hidden = !(days < 30);
      warning.textContent = days < 0 ? form.dataset.expired : form.dataset.expiresSoon;
    }

    function fill() {
      var fields = state.data.plan.fields;
      $$("[data-field]", form).forEach(function (input) { input.value = fields[input.dataset.field] || ""; });
      while ($$("[data-person]", people).length < state.data.plan.people.length) { addPersonRow(); }
      $$("[data-person]", people).forEach(function (row, i) {
        var person = state.data.plan.people[i] || {};
        $$("input", row).forEach(function (input) { input.value = person[input.dataset.key] || ""; });
      });
      var select = $("#app-country-select");  /* app.js has set it to the saved country */
      var country = select ? select.value : "";
      var crisis = $("[data-field=crisisLine]", form);
      if (!crisis.value && country && crisisLines[country]) { crisis.value = crisisLines[country]; }
      checkExpiry();
    }

    function collect() {
      var fields = {};
      $$("[data-field]", form).forEach(function (input) { if (input.value) { fields[input.dataset.field] = text(input.value); } });
      var list = $$("[data-person]", people).map(function (row) {
        var person = {};
        $$("input", row).forEach(function (input) { person[input.dataset.key] = text(input.value); });
        return person;
      }).filter(function (person) { return person.name || person.role || person.phone; });
      state.data.plan = { fields: fields, people: list };
    }

    form.addEventListener("input", function () { collect(); checkExpiry(); saveSoon(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    $("[data-add-person]", form).addEventListener("click", function () { $("input", addPersonRow()).focus(); });
    $("[data-print]", form).addEventListener("click", function () { window.print(); });
    var select = $("#app-country-select");
    if (select) {
      select.addEventListener("change", function () {
        var crisis = $("[data-field=crisisLine]", form);
        if (crisisLines[select.value]) { crisis.value = crisisLines[select.value]; collect(); save(); }
      });
    }
    form.refresh = fill;
    fill();
  }

  /* ---- Boundary scripts -------------------------------------------------------- */
  function initScripts(root) {
    var select = $("#situation", root);
    var editor = $("[data-editor]", root);
    var list = $("[data-my-scripts]", root);
    var emptyNote = $("[data-empty]", root);
    var labels = root.dataset;

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
      b.addEventListener("click", action);
      return b;
    }

    function move(index, by) {
      var scripts = state.data.scripts;
      var target = index + by;
      if (target < 0 || target >= scripts.length) { return; }
      scripts.splice(target, 0, scripts.splice(index, 1)[0]);
      save();
      render();
      $$("li", list)[target].querySelector("button").focus();
    }

    function render() {
      list.textContent = "";
      state.data.scripts.forEach(function (script, index) {
        var item = document.createElement("li");
        var words = document.createElement("p");
        words.textContent = script.text;
        item.appendChild(words);
        var actions = document.createElement("p");
        actions.className = "app-my-scripts__actions";
        actions.appendChild(button(labels.moveUp, script.text, function () { move(index, -1); }));
        actions.appendChild(button(labels.moveDown, script.text, function () { move(index, 1); }));
        actions.appendChild(button(labels.copy, script.text, function () {
          if (navigator.clipboard) {
            navigator.clipboard.writeText(script.text).then(function () { say(status, $(".app-data").dataset.copied); });
          }
        }));
        if (navigator.share) {
          actions.appendChild(button(labels.share, script.text, function () {
            navigator.share({ text: script.text }).catch(function () { /* the reader closed the sheet */ });
          }));
        }
        actions.appendChild(button(labels.delete, script.text, function () {
          state.data.scripts.splice(index, 1);
          save();
          render();
          editor.focus();
        }));
        item.appendChild(actions);
        list.appendChild(item);
      });
      emptyNote.hidden = state.data.scripts.length > 0;
    }

    select.addEventListener("change", showSituation);
    $$("[data-use]", root).forEach(function (use) {
      use.addEventListener("click", function () {
        editor.value = use.parentNode.querySelector("p").textContent;
        editor.focus();
      });
    });
    $("[data-save-script]", root).addEventListener("click", function () {
      var words = editor.value.trim();
      if (!words) { editor.focus(); return; }
      state.data.scripts.push({ text: text(words), situation: select.value });
      editor.value = "";
      save();
      render();
    });
    root.refresh = render;
    showSituation();
    render();
  }

  /* ---- Helping or enabling? ---------------------------------------------------- */
  function initSelfCheck(form) {
    var summary = $("[data-summary]", form);
    var keep = $("[data-save-answers]", form);
    var answers = state.data.selfCheck.answers;

    function update() {
      var scenarios = $$(".app-scenario", form);
      var done = 0, suggestions = {};
      scenarios.forEach(function (fieldset) {
        var chosen = $("input:checked", fieldset);
        if (!chosen) { return; }
        done += 1;
        $("details", fieldset).open = true;
        if (chosen.value === "enabling") {
          var link = $("details a", fieldset);
          suggestions[link.getAttribute("href")] = link.textContent;
        }
      });
      summary.hidden = done === 0;
      $("[data-progress-text]", summary).textContent = summary.dataset.progress
        .replace("{done}", String(done)).replace("{total}", String(scenarios.length));
      var list = $("[data-suggestions]", summary);
      list.textContent = "";
      Object.keys(suggestions).forEach(function (href) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = href;
        a.textContent = suggestions[href];
        item.appendChild(a);
        list.appendChild(item);
      });
      if (!Object.keys(suggestions).length && done) {
        var note = document.createElement("li");
        note.textContent = summary.dataset.allHelping;
        list.appendChild(note);
      }
    }

    function fill() {
      answers = state.data.selfCheck.answers;
      keep.checked = Object.keys(answers).length > 0;
      Object.keys(answers).forEach(function (question) {
        var input = form.querySelector("input[name=" + question + "][value=" + answers[question] + "]");
        if (input) { input.checked = true; }
      });
      update();
    }

    function store() {
      var chosen = {};
      if (keep.checked) {
        $$("input[type=radio]:checked", form).forEach(function (input) { chosen[input.name] = input.value; });
      }
      state.data.selfCheck.answers = chosen;
      save();
    }

    form.addEventListener("change", function (event) {
      update();
      if (event.target === keep || keep.checked) { store(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.refresh = fill;
    fill();
  }

  /* ---- Export, import, clear, hide --------------------------------------------- */
  function refreshAll() {
    $$("[data-module]").forEach(function (module) { if (module.refresh) { module.refresh(); } });
  }

  function merge(into, from) {
    Object.keys(from.plan.fields).forEach(function (name) {
      if (!into.plan.fields[name]) { into.plan.fields[name] = from.plan.fields[name]; }
    });
    var seen = into.plan.people.map(function (p) { return JSON.stringify(p); });
    from.plan.people.forEach(function (p) { if (seen.indexOf(JSON.stringify(p)) === -1) { into.plan.people.push(p); } });
    var words = into.scripts.map(function (s) { return s.text; });
    from.scripts.forEach(function (s) { if (words.indexOf(s.text) === -1) { into.scripts.push(s); } });
    Object.keys(from.selfCheck.answers).forEach(function (q) {
      if (!into.selfCheck.answers[q]) { into.selfCheck.answers[q] = from.selfCheck.answers[q]; }
    });
    return into;
  }

  function initData(section) {
    var message = $(".app-data__message", section);
    var labels = section.dataset;

    $("[data-export]", section).addEventListener("click", function () {
      var file = new Blob([JSON.stringify(state.data, null, 1)], { type: "application/json" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = labels.fileName + "-" + new Date().toISOString().slice(0, 10) + ".json";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    });

    $("[data-import]", section).addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) { return; }
      file.text().then(function (content) {
        var parsed;
        try { parsed = JSON.parse(content); } catch (e) { parsed = undefined; }
        if (!isObject(parsed) || parsed.schema !== SCHEMA) { throw new Error("not ours"); }
        var incoming = clean(parsed).data;
        var mode = $("input[name=import-mode]:checked", section).value;
        state.data = mode === "replace" ? incoming : merge(state.data, incoming);
        save();
        refreshAll();
        say(message, labels.imported);
      }).catch(function () {
        say(message, labels.importFailed);
      }).then(function () { event.target.value = ""; });
    });

    $("[data-clear]", section).addEventListener("click", function () {
      if (!window.confirm(labels.confirmClear)) { return; }
      storage.clear();
      state.data = empty();
      refreshAll();
      say(status, "");
      say(message, labels.cleared);
    });
  }

  $$(".app-needs-js").forEach(function (note) { note.hidden = true; });
  $$("[data-needs-js], [data-add-person], [data-print], [data-use], [data-hide]").forEach(function (el) { el.hidden = false; });
  $$("[data-hide]").forEach(function (hide) {
    /* For a shared device: leave at once, and take this page out of the back button. */
    hide.addEventListener("click", function () { window.location.replace("about:blank"); });
  });
  var plan = $("[data-module=app-plan]");
  if (plan) { initPlan(plan); }
  var scripts = $("[data-module=app-scripts]");
  if (scripts) { initScripts(scripts); }
  var check = $("[data-module=app-self-check]");
  if (check) { initSelfCheck(check); }
  var data = $(".app-data");
  if (data) { initData(data); }
  if (state.problem) { say(status, status.dataset.recovered); }
}());
