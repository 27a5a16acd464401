/* Helping or enabling? Answers are kept as they are chosen, keyed by each scenario's id
   (which survives re-sorting the chapter's tables), until the reader deletes them. */
(function () {
  "use strict";
  var guide = window.guide || {};
  var form = document.querySelector("[data-module=app-self-check]");
  if (!form || !guide.tools) { return; }
  var t = guide.tools, $ = t.$, $$ = t.$$, storage = guide.storage;
  var summary = $("[data-summary]", form);
  var clear = $("[data-clear-answers]", form);
  var scenarios = $$(".app-scenario", form);

  function update() {
    var done = 0, suggestions = {};
    scenarios.forEach(function (fieldset) {
      var chosen = $("input:checked", fieldset);
      if (!chosen) { return; }
      done += 1;
      $("details", fieldset).open = true;
      if (chosen.value !== "helping") {
        var link = $("details a", fieldset);
        suggestions[link.getAttribute("href")] = link.textContent;
      }
    });
    summary.hidden = done === 0;
    clear.disabled = done === 0;
    $("[data-progress-text]", summary).textContent = t.format(summary.dataset.progress, { done: done, total: scenarios.length });
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

  function fill(data) {
    var answers = data.selfCheck.answers;
    scenarios.forEach(function (fieldset) {
      var value = answers[fieldset.dataset.scenario];
      $$("input[type=radio]", fieldset).forEach(function (input) { input.checked = input.value === value; });
    });
    update();
  }

  /* Schema-1 answers were kept by position: give each to the scenario now in that place. */
  function adoptOldAnswers(data) {
    if (!Object.keys(data.selfCheck.byPosition).length) { return; }
    storage.update("selfCheck", function (check) {
      scenarios.forEach(function (fieldset) {
        var old = check.byPosition[fieldset.dataset.position];
        if (old === undefined) { return; }
        if (!check.answers[fieldset.dataset.scenario]) { check.answers[fieldset.dataset.scenario] = old; }
        delete check.byPosition[fieldset.dataset.position];
      });
      return check;
    });
  }

  form.addEventListener("change", function (event) {
    var input = event.target, fieldset = input.closest(".app-scenario");
    update();
    if (!fieldset || input.type !== "radio") { return; }
    t.saved(fieldset.lastElementChild, storage.update("selfCheck", function (check) {
      check.answers[fieldset.dataset.scenario] = input.value;
      return check;
    }));
  });
  clear.addEventListener("click", function () {
    var result = storage.update("selfCheck", function () { return { answers: {}, byPosition: {} }; });
    if (result.ok) {
      fill(storage.read().data);
      t.tell(clear, clear.dataset.cleared);
    } else { t.saved(clear, result); }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  storage.onChange(function (now) { adoptOldAnswers(now.data); fill(storage.read().data); });
  adoptOldAnswers(storage.read().data);
  fill(storage.read().data);
}());
