/* Family data on this device: the one storage layer. Tools never touch localStorage.

   Keys: "guide.data" holds the data (schema 2, below); "guide.data.unreadable.<time>"
   are copies of stored data that could not be read; "guide.data.backup.<time>" are what
   was there before an import or a restore. Other "guide.*" keys are settings (country).

   Schema 2: { schema: 2,
     plan: { fields: { <name>: text }, people: [{ id, name, role, phone }] },
     scripts: [{ id, text, situation }],
     selfCheck: { answers: { <scenario id>: <answer kind> }, byPosition: { q<n>: kind } },
     drafts: { script: { text, situation } } }
   Ids never change, so edits merge by id. Self-check answers are keyed by the scenario's
   id (from its English text), and their values are open-ended kinds ("helping", ...).
   byPosition holds schema-1 answers until the self-check page maps them to scenarios.

   window.guide.storage:
   read()            { data, problem, aside, raw }: cheap, never writes. data is a whole
                     schema-2 copy; problem: some stored data could not be read (data has
                     what could); aside: the key of its kept copy, or null; raw: the stored
                     text when there is a problem.
   update(part, fn)  Re-reads, stores fn(copy of data[part]) for part "plan", "scripts",
                     "selfCheck" or "drafts", and nothing else. Unreadable data is kept aside
                     before it is overwritten; if that fails, nothing is written.
                     Returns { ok, reason: "full" | "unavailable" | "no-room-for-copy" }.
   replace(data)     Whole-data write (import, restore): what is there is kept as a backup
                     first. Returns { ok, reason, backup: key or null }.
   keepAside()       Keep unreadable stored data aside now: { ok, key }.
   copies()          [{ key, kind: "unreadable" | "backup", time, raw, usable }], newest first.
   restore(key)      replace() with that copy's readable data, then drop the copy.
   removeCopy(key)
   inventory()       { plan, scripts, answers, draft, copies, settings }: counts of what is kept.
   clearAll()        Deletes every "guide.*" key; returns the inventory of what it deleted.
   clean(value, limited)  { data, report, usable }: what a file holds that schema 2 keeps;
                     with limited, also the limits below. report: [{ kind: "unknown" |
                     "unreadable" | "cut" | "over", name, count, limit }].
   merge(into, from) { data, report }: from added to into; nothing in either is lost.
   onChange(fn)      fn(read()) when another page changes the data, or after replace,
                     restore or clearAll here.
   LIMITS, PLAN_FIELDS (name -> most characters)
*/
(function () {
  "use strict";
  var guide = window.guide = window.guide || {};
  var KEY = "guide.data", ASIDE = "guide.data.unreadable.", BACKUP = "guide.data.backup.";
  var SCHEMA = 2;
  var LIMITS = { short: 500, long: 10000, script: 2000, scripts: 200, people: 50 };
  var PLAN_FIELDS = { treatment: LIMITS.short, crisisLine: LIMITS.short, naloxoneWhere: LIMITS.short,
    naloxoneExpiry: LIMITS.short, warningSigns: LIMITS.long, willDo: LIMITS.long, willNotDo: LIMITS.long,
    supportPeople: LIMITS.long, supportGroups: LIMITS.long, selfCare: LIMITS.short };
  var ID = /^[A-Za-z0-9_-]{1,40}$/, KIND = /^[a-z][a-z0-9-]{0,39}$/, POSITION = /^q\d{1,3}$/;
  var listeners = [];
  var memo = { raw: undefined, parsed: null };

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function copy(value) { return JSON.parse(JSON.stringify(value)); }
  function empty() {
    return { schema: SCHEMA, plan: { fields: {}, people: [] }, scripts: [], selfCheck: { answers: {}, byPosition: {} }, drafts: {} };
  }
  function newId(prefix, taken) {
    var id;
    do { id = prefix + Date.now().toString(36) + Math.random().toString(36).slice(2, 6); } while (taken[id]);
    taken[id] = true;
    return id;
  }
  function get(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function keys() { try { return Object.keys(window.localStorage); } catch (e) { return []; } }
  function set(key, value) {
    try { window.localStorage.setItem(key, value); return { ok: true }; } catch (e) {
      return { ok: false, reason: e && (e.name === "QuotaExceededError" || e.code === 22) ? "full" : "unavailable" };
    }
  }
  function remove(key) { try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ } }

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
    Object.keys(raw).forEach(function (k) { if (["schema", "plan", "scripts", "selfCheck", "drafts"].indexOf(k) === -1) { note("unknown", k); } });
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
    return { data: data, report: report };
  }

  /* ---- reading ---------------------------------------------------------------------- */
  function parse(raw) {
    if (raw !== memo.raw) {
      var parsed = { data: empty(), problem: false };
      if (raw !== null) {
        var value;
        try { value = JSON.parse(raw); } catch (e) { value = undefined; }
        var result = clean(value, false);
        parsed = { data: result.data, problem: result.report.length > 0 };
      }
      memo = { raw: raw, parsed: parsed };
    }
    return memo.parsed;
  }

  function findAside(raw) {
    return keys().filter(function (k) { return k.indexOf(ASIDE) === 0 && get(k) === raw; })[0] || null;
  }

  function read() {
    var raw = get(KEY), parsed = parse(raw);
    return { data: copy(parsed.data), problem: parsed.problem, aside: parsed.problem ? findAside(raw) : null,
      raw: parsed.problem ? raw : null };
  }

  function stamp(prefix) {
    var key = prefix + new Date().toISOString(), n = 1;
    while (get(key) !== null) { key = prefix + new Date().toISOString() + "-" + (n += 1); }
    return key;
  }

  function keepAsideRaw(raw) {
    var found = findAside(raw);
    if (found) { return { ok: true, key: found }; }
    var key = stamp(ASIDE), done = set(key, raw);
    return done.ok ? { ok: true, key: key } : { ok: false, reason: "no-room-for-copy" };
  }

  function write(data, first) {
    data.schema = SCHEMA;
    var text = JSON.stringify(data), done = set(KEY, text);
    if (!done.ok) { return done; }
    memo = { raw: text, parsed: { data: copy(data), problem: false } };
    if (first && navigator.storage && navigator.storage.persist) { navigator.storage.persist(); }
    return { ok: true };
  }

  function isEmpty(data) {
    var n = inventoryOf(data);
    return !(n.plan || n.scripts || n.answers || n.draft);
  }

  function inventoryOf(data) {
    return {
      plan: Object.keys(data.plan.fields).length + data.plan.people.length,
      scripts: data.scripts.length,
      answers: Object.keys(data.selfCheck.answers).length + Object.keys(data.selfCheck.byPosition).length,
      draft: data.drafts.script && data.drafts.script.text ? 1 : 0
    };
  }

  function notify() {
    var now = read();
    listeners.forEach(function (listener) { listener(now); });
  }

  /* ---- writing ---------------------------------------------------------------------- */
  function update(part, fn) {
    var raw = get(KEY), parsed = parse(raw);
    if (parsed.problem) {
      var kept = keepAsideRaw(raw);
      if (!kept.ok) { return kept; }
    }
    var data = copy(parsed.data);
    data[part] = fn(data[part]);
    return write(data, raw === null);
  }

  function replace(data) {
    var raw = get(KEY), parsed = parse(raw), backup = null;
    if (raw !== null && parsed.problem) {
      var kept = keepAsideRaw(raw);
      if (!kept.ok) { return kept; }
    } else if (raw !== null && !isEmpty(parsed.data)) {
      backup = stamp(BACKUP);
      if (!set(backup, raw).ok) { return { ok: false, reason: "no-room-for-copy" }; }
    }
    var done = write(clean(copy(data), false).data, raw === null);
    if (!done.ok) { if (backup) { remove(backup); } return done; }
    notify();
    return { ok: true, backup: backup };
  }

  function copies() {
    return keys().filter(function (k) { return k.indexOf(ASIDE) === 0 || k.indexOf(BACKUP) === 0; }).map(function (k) {
      var kind = k.indexOf(ASIDE) === 0 ? "unreadable" : "backup", raw = get(k), value;
      try { value = JSON.parse(raw); } catch (e) { value = undefined; }
      return { key: k, kind: kind, time: k.slice((kind === "backup" ? BACKUP : ASIDE).length, (kind === "backup" ? BACKUP : ASIDE).length + 24), raw: raw, usable: clean(value, false).usable > 0 };
    }).sort(function (a, b) { return a.time < b.time ? 1 : -1; });
  }

  function restore(key) {
    var raw = get(key), value;
    try { value = JSON.parse(raw); } catch (e) { value = undefined; }
    var result = clean(value, false);
    if (!result.usable) { return { ok: false, reason: "unreadable" }; }
    var done = replace(result.data);
    if (done.ok) { remove(key); notify(); }
    return done;
  }

  function inventory() {
    var now = read(), n = inventoryOf(now.data);
    n.copies = copies().length + (now.problem && !now.aside ? 1 : 0);
    n.settings = keys().filter(function (k) { return k.indexOf("guide.") === 0 && k !== KEY && k.indexOf(KEY + ".") !== 0; }).length;
    return n;
  }

  function clearAll() {
    var deleted = inventory();
    keys().forEach(function (k) { if (k.indexOf("guide.") === 0) { remove(k); } });
    notify();
    return deleted;
  }

  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key === KEY || event.key.indexOf(KEY + ".") === 0) { notify(); }
  });

  guide.storage = {
    LIMITS: LIMITS, PLAN_FIELDS: PLAN_FIELDS,
    read: read, update: update, replace: replace, merge: merge, clean: clean,
    keepAside: function () {
      var raw = get(KEY);
      return parse(raw).problem ? keepAsideRaw(raw) : { ok: true, key: null };
    },
    copies: copies, restore: restore, inventory: inventory, clearAll: clearAll,
    removeCopy: function (key) { if (key.indexOf(ASIDE) === 0 || key.indexOf(BACKUP) === 0) { remove(key); notify(); } },
    newId: function (prefix) { return newId(prefix, {}); },
    onChange: function (listener) { listeners.push(listener); }
  };
}());
