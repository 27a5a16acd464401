/* The shape of family data (schema 2), and how a stored value or a file is read into it.
   storage.js is the only user; see the API there.

   { schema: 2,
     plan: { fields: { <name>: text }, people: [{ id, name, role, phone }] },
     scripts: [{ id, text, situation }],
     selfCheck: { answers: { <scenario id>: <answer kind> }, byPosition: { q<n>: kind } },
     drafts: { script: { text, situation } },
     craft: { situations: [{ id, name, before, usual, afterThem, afterYou, change }],
              moments: [{ id, date: "YYYY-MM-DD" or "", what, did, how }],
              draft: { id: moment being changed or "", date, what, did, how } } }
   Ids never change, so edits merge by id. Self-check answers are keyed by the scenario's
   id (from its English text), and their values are open-ended kinds ("helping", ...).
   byPosition holds schema-1 answers until the self-check page maps them to scenarios.
   craft (the practice tool's two worksheets, "Before and after" and "Good moments") was
   added within schema 2: data without it reads as empty. Its draft is the moment being
   written, kept in the same part so saving a moment and clearing its draft is one write.
   Schema 1 (no ids, answers by position q<n>) is read and upgraded here.

   window.guide.schema: SCHEMA, LIMITS, PLAN_FIELDS, SITUATION and MOMENT (field names), empty(), copy(v), newId(prefix, taken),
   clean(value, limited), merge(into, from), count(data). */
(function () {
  "use strict";
  var guide = window.guide = window.guide || {};
  var SCHEMA = 2;
  var LIMITS = { short: 500, long: 10000, script: 2000, scripts: 200, people: 50, note: 2000, situations: 20, moments: 200 };
  var PLAN_FIELDS = { treatment: LIMITS.short, crisisLine: LIMITS.short, naloxoneWhere: LIMITS.short,
    naloxoneExpiry: LIMITS.short, warningSigns: LIMITS.long, willDo: LIMITS.long, willNotDo: LIMITS.long,
    supportPeople: LIMITS.long, supportGroups: LIMITS.long, selfCare: LIMITS.short };
  var SITUATION = ["name", "before", "usual", "afterThem", "afterYou", "change"], MOMENT = ["what", "did", "how"];
  var ID = /^[A-Za-z0-9_-]{1,40}$/, KIND = /^[a-z][a-z0-9-]{0,39}$/, POSITION = /^q\d{1,3}$/, DATE = /^\d{4}-\d{2}-\d{2}$/;

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function copy(value) { return JSON.parse(JSON.stringify(value)); }
  function empty() {
    return { schema: SCHEMA, plan: { fields: {}, people: [] }, scripts: [], selfCheck: { answers: {}, byPosition: {} }, drafts: {},
      craft: { situations: [], moments: [] } };
  }
  function newId(prefix, taken) {
    var id;
    do { id = prefix + Date.now().toString(36) + Math.random().toString(36).slice(2, 6); } while (taken[id]);
    taken[id] = true;
    return id;
  }

  /* ---- clean: keep what schema 2 knows, say what is left out ---------------------- */
  function clean(raw, limited) {
    var data = empty(), report = [], usable = 0, taken = {};
    function note(kind, name, count, limit) {
      var same = report.filter(function (r) { return r.kind === kind && r.name === name && kind !== "cut"; })[0];
      if (same) { same.count += count || 1; } else { report.push({ kind: kind, name: name, count: count || 1, limit: limit }); }
    }
    function text(value, name, limit) {
      if (typeof value !== "string") { if (value !== undefined && value !== null) { note("unreadable", name); } return ""; }
      if (limited && value.length > limit) { note("cut", name, value.length, limit); return value.slice(0, limit); }
      return value;
    }
    function id(value, prefix) { return typeof value === "string" && ID.test(value) && !taken[value] ? (taken[value] = true, value) : newId(prefix, taken); }
    function list(value, name, limit, keep) {
      if (value === undefined) { return; }
      if (!Array.isArray(value)) { note("unreadable", name); return; }
      var kept = 0;
      value.forEach(function (item) {
        if (limited && kept >= limit) { return; }
        if (!isObject(item)) { note("unreadable", name); return; }
        if (keep(item)) { kept += 1; usable += 1; }
      });
      if (limited && value.length > kept && kept >= limit) { note("over", name, value.filter(isObject).length - kept, limit); }
    }
    if (isObject(raw) && raw.schema === undefined && (raw.plan || raw.scripts)) { raw.schema = 1; }
    if (!isObject(raw) || (raw.schema !== 1 && raw.schema !== SCHEMA)) { return { data: data, report: [{ kind: "unreadable", name: "file", count: 1 }], usable: 0 }; }
    var legacy = raw.schema === 1;
    Object.keys(raw).forEach(function (k) { if (["schema", "plan", "scripts", "selfCheck", "drafts", "craft"].indexOf(k) === -1) { note("unknown", k); } });
    var plan = raw.plan === undefined ? {} : raw.plan;
    if (!isObject(plan)) { note("unreadable", "plan"); plan = {}; }
    Object.keys(plan).forEach(function (k) { if (k !== "fields" && k !== "people") { note("unknown", k); } });
    var fields = plan.fields === undefined ? {} : plan.fields;
    if (!isObject(fields)) { note("unreadable", "plan"); fields = {}; }
    Object.keys(fields).forEach(function (name) {
      if (!PLAN_FIELDS[name]) { note("unknown", name); return; }
      var value = text(fields[name], name, PLAN_FIELDS[name]);
      if (value) { data.plan.fields[name] = value; usable += 1; }
    });
    list(plan.people, "people", LIMITS.people, function (person) {
      var kept = { id: id(person.id, "p") };
      ["name", "role", "phone"].forEach(function (k) { kept[k] = text(person[k], "people", LIMITS.short); });
      if (!(kept.name || kept.role || kept.phone)) { return false; }
      data.plan.people.push(kept);
      return true;
    });
    list(raw.scripts, "scripts", LIMITS.scripts, function (script) {
      var words = text(script.text, "scripts", LIMITS.script);
      if (!words.trim()) { return false; }
      data.scripts.push({ id: id(script.id, "s"), text: words, situation: text(script.situation, "scripts", 100) });
      return true;
    });
    var check = raw.selfCheck === undefined ? {} : raw.selfCheck;
    if (!isObject(check)) { note("unreadable", "answers"); check = {}; }
    [["answers", legacy ? POSITION : ID, legacy ? "byPosition" : "answers"], ["byPosition", POSITION, "byPosition"]].forEach(function (part) {
      var answers = check[part[0]];
      if (answers === undefined) { return; }
      if (!isObject(answers)) { note("unreadable", "answers"); return; }
      Object.keys(answers).forEach(function (question) {
        if (part[1].test(question) && typeof answers[question] === "string" && KIND.test(answers[question])) {
          data.selfCheck[part[2]][question] = answers[question];
          usable += 1;
        } else { note("unreadable", "answers"); }
      });
    });
    var draft = isObject(raw.drafts) && isObject(raw.drafts.script) ? raw.drafts.script : null;
    if (draft && typeof draft.text === "string" && draft.text) {
      data.drafts.script = { text: text(draft.text, "draft", LIMITS.script), situation: text(draft.situation, "draft", 100) };
      usable += 1;
    }
    var craft = raw.craft === undefined ? {} : raw.craft;
    if (!isObject(craft)) { note("unreadable", "craft"); craft = {}; }
    Object.keys(craft).forEach(function (k) { if (["situations", "moments", "draft"].indexOf(k) === -1) { note("unknown", k); } });
    /* A situation or a moment (or the draft) with at least one word in it, or null. */
    function words(item, keys, name, dated) {
      var kept = {}, any = false;
      keys.forEach(function (k) {
        kept[k] = text(item[k], name, k === "name" ? LIMITS.short : LIMITS.note);
        any = any || !!kept[k].trim();
      });
      if (dated) {
        var day = item.date === undefined ? "" : item.date;
        if (typeof day !== "string" || (day && !DATE.test(day))) { note("unreadable", name); day = ""; }
        kept.date = day;
      }
      return any ? kept : null;
    }
    list(craft.situations, "situations", LIMITS.situations, function (item) {
      var kept = words(item, SITUATION, "situations", false);
      if (!kept) { return false; }
      kept.id = id(item.id, "b");
      data.craft.situations.push(kept);
      return true;
    });
    list(craft.moments, "moments", LIMITS.moments, function (item) {
      var kept = words(item, MOMENT, "moments", true);
      if (!kept) { return false; }
      kept.id = id(item.id, "m");
      data.craft.moments.push(kept);
      return true;
    });
    var started = isObject(craft.draft) ? words(craft.draft, MOMENT, "momentDraft", true) : null;
    if (started) {
      started.id = typeof craft.draft.id === "string" && ID.test(craft.draft.id) ? craft.draft.id : "";
      data.craft.draft = started;
      usable += 1;
    }
    return { data: data, report: report, usable: usable };
  }

  /* ---- merge: add from to into; a differing field keeps both texts ---------------- */
  function merge(into, from) {
    var data = copy(into), report = [];
    Object.keys(from.plan.fields).forEach(function (name) {
      var mine = data.plan.fields[name] || "", theirs = from.plan.fields[name];
      if (!mine) { data.plan.fields[name] = theirs; } else if (mine.indexOf(theirs) === -1) {
        data.plan.fields[name] = mine + (PLAN_FIELDS[name] === LIMITS.long ? "\n\n" : " / ") + theirs;
      }
    });
    function add(list, incoming, limit, name, same) {
      var over = 0;
      incoming.forEach(function (item) {
        if (list.some(function (mine) { return mine.id === item.id || same(mine, item); })) { return; }
        if (list.length >= limit) { over += 1; return; }
        list.push(item);
      });
      if (over) { report.push({ kind: "over", name: name, count: over, limit: limit }); }
    }
    add(data.plan.people, from.plan.people, LIMITS.people, "people", function (a, b) {
      return a.name === b.name && a.role === b.role && a.phone === b.phone;
    });
    add(data.scripts, from.scripts, LIMITS.scripts, "scripts", function (a, b) { return a.text === b.text; });
    ["answers", "byPosition"].forEach(function (part) {
      Object.keys(from.selfCheck[part]).forEach(function (q) {
        if (!data.selfCheck[part][q]) { data.selfCheck[part][q] = from.selfCheck[part][q]; }
      });
    });
    if (from.drafts.script && !data.drafts.script) { data.drafts.script = from.drafts.script; }
    add(data.craft.situations, from.craft.situations, LIMITS.situations, "situations", function (a, b) {
      return SITUATION.every(function (k) { return a[k] === b[k]; });
    });
    add(data.craft.moments, from.craft.moments, LIMITS.moments, "moments", function (a, b) {
      return a.date === b.date && MOMENT.every(function (k) { return a[k] === b[k]; });
    });
    if (from.craft.draft && !data.craft.draft) { data.craft.draft = from.craft.draft; }
    return { data: data, report: report };
  }


  function inventoryOf(data) {
    return {
      plan: Object.keys(data.plan.fields).length + data.plan.people.length,
      scripts: data.scripts.length,
      answers: Object.keys(data.selfCheck.answers).length + Object.keys(data.selfCheck.byPosition).length,
      draft: data.drafts.script && data.drafts.script.text ? 1 : 0,
      situations: data.craft.situations.length,
      moments: data.craft.moments.length,
      momentDraft: data.craft.draft ? 1 : 0
    };
  }


  guide.schema = { SCHEMA: SCHEMA, LIMITS: LIMITS, PLAN_FIELDS: PLAN_FIELDS, SITUATION: SITUATION, MOMENT: MOMENT, empty: empty, copy: copy,
    newId: newId, clean: clean, merge: merge, count: inventoryOf };
}());
