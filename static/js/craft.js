/* Notice patterns and good moments (practising CRAFT). "Before and after": situations
   saved as the reader types, each merged by its id like the plan's people. "Good
   moments": a dated list, newest first, written in one form whose draft is kept in the
   same part, so saving a moment and clearing its draft is one write. Deleting either
   can be undone. Every write is storage.update("craft", ...). */
(function () {
  "use strict";
  var guide = window.guide || {};
  var form = document.querySelector("[data-module=app-craft]");
  if (!form || !guide.tools) { return; }
  var t = guide.tools, $ = t.$, $$ = t.$$, storage = guide.storage, LIMITS = storage.LIMITS;
  var SITUATION = guide.schema.SITUATION, MOMENT = guide.schema.MOMENT, words = form.dataset;
  var box = $("[data-situation-list]", form), blank = $("[data-situation]", box).cloneNode(true);
  var addButton = $("[data-add-situation]", form), situationLimit = $("[data-situation-limit]", form);
  var undoBox = $("[data-craft-undo]", form), undoButton = $("[data-craft-undo-button]", undoBox), undoAction = null;
  var made = 0, dirty = {}, lastControl = null;

  function idsOf(list) { return list.map(function (item) { return item.id; }); }
  function el(tag, text, parent) {
    var node = parent.appendChild(document.createElement(tag));
    node.textContent = text;
    return node;
  }

  /* Undo for the last thing deleted, said just after `after` and in the live region. */
  function offer(after, text, undo) {
    after.parentNode.insertBefore(undoBox, after.nextSibling);
    $("[data-craft-undo-text]", undoBox).textContent = text;
    undoBox.hidden = false;
    undoAction = undo;
    t.status.textContent = "";
    t.status.textContent = text;
    undoButton.focus();
  }
  undoButton.addEventListener("click", function () {
    var undo = undoAction;
    undoBox.hidden = true;
    undoAction = null;
    if (undo) { undo(); }
  });

  /* Delete item `id` of craft[name], then done(); Undo puts it back where it was, then
     done() again and focus on back(id). */
  function remove(name, id, control, after, text, done, back) {
    var gone = null, at = -1;
    var result = storage.update("craft", function (craft) {
      at = idsOf(craft[name]).indexOf(id);
      if (at !== -1) { gone = craft[name].splice(at, 1)[0]; }
      if (craft.draft && craft.draft.id === id) { craft.draft.id = ""; }
      return craft;
    });
    if (!t.saved(control, result)) { return; }
    done();
    if (!gone) { return; }
    offer(after, text, function () {
      var again = storage.update("craft", function (craft) {
        if (idsOf(craft[name]).indexOf(gone.id) === -1) { craft[name].splice(Math.min(at, craft[name].length), 0, gone); }
        return craft;
      });
      done();
      var target = back(gone.id);
      t.saved(target || after, again);
      if (target) { target.focus(); }
    });
  }

  /* ---- Before and after ------------------------------------------------------------ */
  function cards() { return $$("[data-situation]", box); }
  function cardOf(id) { return cards().filter(function (card) { return card.dataset.id === id; })[0]; }
  function valuesOf(card) {
    var item = { id: card.dataset.id };
    $$("[data-situation-field]", card).forEach(function (field) { item[field.dataset.situationField] = field.value; });
    return item;
  }
  function isBlank(item) { return !SITUATION.some(function (k) { return (item[k] || "").trim(); }); }

  function setup(card) {
    var shows = $$("[data-situation-field]", card).map(function (field) {
      var copy = t.mirror(field), count = null;
      if (field.tagName === "TEXTAREA") { count = t.counter(field, LIMITS.note); } else { field.maxLength = LIMITS.short; }
      return function () { copy(); if (count) { count(); } };
    });
    card.show = function () { shows.forEach(function (show) { show(); }); };
    $("[data-delete-situation]", card).addEventListener("click", function () { removeSituation(card); });
    return card;
  }

  function makeCard() {
    made += 1;
    var card = blank.cloneNode(true);
    function renumber(value) { return value.replace(/situation-\d+/g, "situation-" + made); }
    $$("[id]", card).forEach(function (el) { el.id = renumber(el.id); });
    $$("label", card).forEach(function (label) { label.htmlFor = renumber(label.htmlFor); });
    $$("[aria-describedby]", card).forEach(function (el) { el.setAttribute("aria-describedby", renumber(el.getAttribute("aria-describedby"))); });
    box.appendChild(card);
    return setup(card);
  }

  function arrange() {
    cards().forEach(function (card, i) {
      $("[data-situation-legend]", card).textContent = t.format(words.situationTitle, { num: i + 1 });
      $("[data-delete-situation]", card).hidden = !card.dataset.id;
      card.show();
    });
    var full = cards().length >= LIMITS.situations;
    addButton.disabled = full;
    situationLimit.hidden = !full;
    situationLimit.textContent = t.format(situationLimit.dataset.template, { limit: LIMITS.situations });
  }

  /* Put stored situations on screen, leaving alone a card the reader is typing in. */
  function fillSituations(stored) {
    var ids = idsOf(stored);
    cards().forEach(function (card) {
      if (card.dataset.id && !dirty[card.dataset.id] && ids.indexOf(card.dataset.id) === -1) { card.remove(); }
    });
    var order = stored.map(function (item) {
      var card = cardOf(item.id) || cards().filter(function (c) { return !c.dataset.id; })[0] || makeCard();
      card.dataset.id = item.id;
      if (!dirty[item.id]) {
        $$("[data-situation-field]", card).forEach(function (field) { field.value = item[field.dataset.situationField] || ""; });
      }
      return card;
    });
    cards().forEach(function (card) { if (order.indexOf(card) === -1) { order.push(card); } });
    if (!order.length) { order.push(makeCard()); }
    order.forEach(function (card, i) { if (box.children[i] !== card) { box.insertBefore(card, box.children[i] || null); } });
    arrange();
  }

  function saveSituations() {
    var result = storage.update("craft", function (craft) {
      Object.keys(dirty).forEach(function (id) {
        var card = cardOf(id), at = idsOf(craft.situations).indexOf(id);
        if (!card) { return; }
        var item = valuesOf(card);
        if (isBlank(item)) { if (at !== -1) { craft.situations.splice(at, 1); } } else if (at !== -1) {
          craft.situations[at] = item;
        } else { craft.situations.push(item); }
      });
      return craft;
    });
    if (t.saved(lastControl, result)) { dirty = {}; }
  }
  var saving = t.later(saveSituations, function () { dirty = {}; });

  function removeSituation(card) {
    if (Object.keys(dirty).length) { saving.now(); }  /* so that Undo brings back every word */
    var id = card.dataset.id;
    remove("situations", id, $("[data-delete-situation]", card), box, words.situationDeleted, function () {
      delete dirty[id];
      fillSituations(storage.read().data.craft.situations);
    }, function (back) { return cardOf(back) && $("[data-situation-field]", cardOf(back)); });
    if (!card.isConnected && document.activeElement !== undoButton) { $("[data-situation-field]", box).focus(); }
  }

  addButton.addEventListener("click", function () {
    if (cards().length >= LIMITS.situations) { return; }
    var card = makeCard();
    arrange();
    $("[data-situation-field]", card).focus();
  });

  /* ---- Good moments ---------------------------------------------------------------- */
  var legend = $("[data-moment-legend]", form), save = $("[data-save-moment]", form), cancel = $("[data-cancel-moment]", form);
  var list = $("[data-moment-list]", form), emptyNote = $("[data-moments-empty]", form), momentLimit = $("[data-moment-limit]", form);
  var inputs = {}, labels = {}, editing = "", typing = false, momentControl = null;
  $$("[data-moment-field]", form).forEach(function (field) {
    inputs[field.dataset.momentField] = field;
    labels[field.dataset.momentField] = $("label[for='" + field.id + "']", form).textContent;
  });
  var momentShows = MOMENT.map(function (k) {
    var copy = t.mirror(inputs[k]), count = t.counter(inputs[k], LIMITS.note);
    return function () { copy(); count(); };
  });
  var when = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "long" });

  function today() {
    var d = new Date();
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map(function (n) { return (n < 10 ? "0" : "") + n; }).join("-");
  }
  function dateText(day) { return day ? when.format(new Date(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10))) : words.noDate; }
  function typed() {
    var moment = { id: editing, date: inputs.date.value };
    MOMENT.forEach(function (k) { moment[k] = inputs[k].value; });
    return moment;
  }
  function hasWords(moment) { return MOMENT.some(function (k) { return (moment[k] || "").trim(); }); }
  function putInForm(moment) {
    editing = moment ? moment.id : "";
    inputs.date.value = moment ? moment.date : today();
    MOMENT.forEach(function (k) { inputs[k].value = moment ? moment[k] : ""; });
  }

  function renderMoments(craft) {
    var sorted = craft.moments.map(function (moment, i) { return { moment: moment, i: i }; });
    sorted.sort(function (a, b) { return a.moment.date === b.moment.date ? b.i - a.i : a.moment.date < b.moment.date ? 1 : -1; });
    list.textContent = "";
    sorted.forEach(function (entry) {
      var moment = entry.moment, item = el("li", "", list), day = el("strong", dateText(moment.date), el("p", "", item));
      var details = el("dl", "", item), actions = el("p", "", item), context = day.textContent + ", " + (moment.what || moment.did || moment.how);
      item.dataset.id = moment.id;
      MOMENT.forEach(function (k) { if (moment[k].trim()) { el("dt", labels[k], details); el("dd", moment[k], details); } });
      actions.className = "app-my-scripts__actions";
      actions.appendChild(t.button(words.change, context, function (b) { change(moment.id, b); }));
      actions.appendChild(t.button(words.delete, context, function (b) { removeMoment(moment.id, b); }));
    });
    emptyNote.hidden = sorted.length > 0;
    var full = !editing && craft.moments.length >= LIMITS.moments;
    legend.textContent = editing ? legend.dataset.editing : legend.dataset.add;
    save.textContent = editing ? save.dataset.editing : save.dataset.add;
    cancel.hidden = !editing;
    save.disabled = full;
    momentLimit.hidden = !full;
    momentLimit.textContent = t.format(momentLimit.dataset.template, { limit: LIMITS.moments });
    momentShows.forEach(function (show) { show(); });
  }

  var keepDraft = t.later(function () {
    var now = typed();
    var result = storage.update("craft", function (craft) {
      if (now.id || hasWords(now)) { craft.draft = now; } else { delete craft.draft; }
      return craft;
    });
    t.saved(momentControl || inputs.what, result);
    if (result.ok) { typing = false; }
  }, function () { typing = false; });

  function change(id, control) {
    if (editing === id) { inputs.what.focus(); return; }  /* already here, maybe with changes not saved yet */
    if (hasWords(typed())) { t.tell(control, words.busy); return; }
    var moment = storage.read().data.craft.moments.filter(function (m) { return m.id === id; })[0];
    if (moment) { load(moment); }
  }
  /* Put a moment (or nothing: a new one) in the form and keep that as the draft. */
  function load(moment) {
    putInForm(moment);
    typing = true;
    momentControl = inputs.what;
    keepDraft.now();
    render(storage.read().data);
    inputs.what.focus();
  }

  function removeMoment(id, control) {
    remove("moments", id, control, $("#moments-heading", form), words.momentDeleted, function () {
      if (editing === id) { editing = ""; }
      render(storage.read().data);
    }, function (back) { return $("li[data-id='" + back + "'] button", list); });
  }

  save.addEventListener("click", function () {
    var now = typed();
    if (!hasWords(now)) { inputs.what.focus(); return; }
    keepDraft.cancel();
    var result = storage.update("craft", function (craft) {
      var entry = { id: now.id || storage.newId("m"), date: now.date }, at = idsOf(craft.moments).indexOf(now.id);
      MOMENT.forEach(function (k) { entry[k] = now[k]; });
      if (at !== -1 && now.id) { craft.moments[at] = entry; } else { craft.moments.push(entry); }
      delete craft.draft;
      return craft;
    });
    if (t.saved(save, result)) { putInForm(null); typing = false; } else { typing = true; }
    render(storage.read().data);
  });
  cancel.addEventListener("click", function () { load(null); });

  /* ---- Both ------------------------------------------------------------------------ */
  function render(data) {
    var craft = data.craft, draft = craft.draft;
    fillSituations(craft.situations);
    if (!typing) {
      if (draft && draft.id && idsOf(craft.moments).indexOf(draft.id) === -1) { draft.id = ""; }
      putInForm(draft || null);
    }
    renderMoments(craft);
  }

  form.addEventListener("input", function (event) {
    var field = event.target, card = field.closest("[data-situation]");
    if (card) {
      if (!card.dataset.id) { card.dataset.id = storage.newId("b"); $("[data-delete-situation]", card).hidden = false; }
      dirty[card.dataset.id] = true;
      lastControl = field;
      card.show();
      saving.soon();
    } else if (field.dataset.momentField) {
      momentControl = field;
      typing = true;
      momentShows.forEach(function (show) { show(); });
      keepDraft.soon();
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  $("[data-print]", form).addEventListener("click", function () { window.print(); });
  storage.onChange(function (now) {
    undoBox.hidden = true;
    undoAction = null;
    render(now.data);
  });
  setup(cards()[0]);
  render(storage.read().data);
}());
