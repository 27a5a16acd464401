/* Our plan: fields and people saved as the reader types, each change merged on its own
   (field by field, person by person id), so two open pages never erase each other. */
(function () {
  "use strict";
  var guide = window.guide || {};
  var form = document.querySelector("[data-module=app-plan]");
  if (!form || !guide.tools) { return; }
  var t = guide.tools, $ = t.$, $$ = t.$$, storage = guide.storage, LIMITS = storage.LIMITS;
  var people = $("[data-people]", form);
  var crisisLines = JSON.parse(form.dataset.crisisLines || "{}");
  /* What older versions filled in as the crisis line (another helpline of the country):
     a plan still holding exactly that gets the country's crisis line; an edited one is kept. */
  var oldPrefills = JSON.parse(form.dataset.oldCrisisLines || "{}");
  var warning = $("[data-expiry-warning]", form);
  var addPerson = $("[data-add-person]", form);
  var limitNote = $("[data-people-limit]", form);
  var dirty = { fields: {}, people: {} }, lastControl = null;
  var counters = [];

  /* Print shows every word: a copy of each filled field's text, as plain text. */
  var mirrors = $$("[data-field]:not([type=date])", form).map(t.mirror);

  function rows() { return $$("[data-person]", people); }

  function addPersonRow() {
    var all = rows(), row = all[0].cloneNode(true), n = all.length;
    row.removeAttribute("data-id");
    $$("input", row).forEach(function (input) {
      input.value = "";
      input.id = "person-" + n + "-" + input.dataset.key;
      input.parentNode.querySelector("label").htmlFor = input.id;
    });
    people.appendChild(row);
    checkLimit();
    return row;
  }

  function checkLimit() {
    var full = rows().length >= LIMITS.people;
    addPerson.disabled = full;
    limitNote.hidden = !full;
    limitNote.textContent = t.format(limitNote.dataset.template, { limit: LIMITS.people });
  }

  function checkExpiry() {
    var value = $("[data-field=naloxoneExpiry]", form).value;
    var expiry = value ? new Date(value + "T23:59:59") : null;
    var days = expiry ? (expiry - new Date()) / 86400000 : Infinity;
    warning.hidden = !(days < 30);
    warning.textContent = days < 0 ? form.dataset.expired : form.dataset.expiresSoon;
  }

  function show() {
    mirrors.forEach(function (update) { update(); });
    counters.forEach(function (update) { update(); });
    checkExpiry();
  }

  /* Put stored data on screen, leaving alone what the reader has typed and not yet saved. */
  function fill(data) {
    var fields = data.plan.fields;
    $$("[data-field]", form).forEach(function (input) {
      if (!dirty.fields[input.dataset.field]) { input.value = fields[input.dataset.field] || ""; }
    });
    var typing = rows().filter(function (row) { return dirty.people[row.dataset.id]; });
    var stored = data.plan.people.filter(function (p) { return !dirty.people[p.id]; });
    var wanted = Math.max(3, stored.length + typing.length);
    while (rows().length < wanted) { addPersonRow(); }
    var free = rows().filter(function (row) { return !dirty.people[row.dataset.id]; });
    free.forEach(function (row, i) {
      var person = stored[i];
      if (person) { row.dataset.id = person.id; } else { row.removeAttribute("data-id"); }
      $$("input", row).forEach(function (input) { input.value = person ? person[input.dataset.key] || "" : ""; });
    });
    var select = $("#app-country-select");  /* app.js has set it to the saved country */
    var crisis = $("[data-field=crisisLine]", form);
    if (!crisis.value && select && crisisLines[select.value]) { crisis.value = crisisLines[select.value]; }
    var now = select && crisisLines[select.value];
    if (now && crisis.value !== now && (oldPrefills[select.value] || []).indexOf(crisis.value) !== -1) {
      crisis.value = now;
      dirty.fields.crisisLine = true;
      lastControl = crisis;
      saving.soon();
    }
    checkLimit();
    show();
  }

  function save() {
    var result = storage.update("plan", function (plan) {
      Object.keys(dirty.fields).forEach(function (name) {
        var value = $("[data-field=" + name + "]", form).value;
        if (value) { plan.fields[name] = value; } else { delete plan.fields[name]; }
      });
      Object.keys(dirty.people).forEach(function (id) {
        var row = rows().filter(function (r) { return r.dataset.id === id; })[0];
        var person = { id: id }, at = -1;
        if (row) { $$("input", row).forEach(function (input) { person[input.dataset.key] = input.value; }); }
        plan.people.forEach(function (p, i) { if (p.id === id) { at = i; } });
        var blank = !(person.name || person.role || person.phone);
        if (blank && at !== -1) { plan.people.splice(at, 1); } else if (!blank && at !== -1) { plan.people[at] = person; } else if (!blank) { plan.people.push(person); }
      });
      return plan;
    });
    if (t.saved(lastControl, result)) { dirty = { fields: {}, people: {} }; }
  }
  var saving = t.later(save, function () { dirty = { fields: {}, people: {} }; });

  form.addEventListener("input", function (event) {
    var input = event.target, row = input.closest("[data-person]");
    lastControl = input;
    if (row) {
      if (!row.dataset.id) { row.dataset.id = storage.newId("p"); }
      dirty.people[row.dataset.id] = true;
    } else if (input.dataset.field) {
      dirty.fields[input.dataset.field] = true;
    }
    show();
    saving.soon();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  addPerson.addEventListener("click", function () { if (!addPerson.disabled) { $("input", addPersonRow()).focus(); } });
  $("[data-print]", form).addEventListener("click", function () { window.print(); });
  window.addEventListener("beforeprint", show);
  var select = $("#app-country-select");
  if (select) {
    select.addEventListener("change", function () {
      var crisis = $("[data-field=crisisLine]", form);
      if (crisisLines[select.value]) {
        crisis.value = crisisLines[select.value];
        dirty.fields.crisisLine = true;
        lastControl = crisis;
        saving.now();
      }
    });
  }
  $$("[data-field]", form).forEach(function (input) {
    var limit = storage.PLAN_FIELDS[input.dataset.field];
    if (input.type === "date") { return; }
    if (input.tagName === "TEXTAREA") { counters.push(t.counter(input, limit)); } else { input.maxLength = limit; }
  });
  $$("[data-person] input", form).forEach(function (input) { input.maxLength = LIMITS.short; });
  storage.onChange(function (now) { fill(now.data); });
  fill(storage.read().data);
}());
