/* Family data on this device: the one storage layer. Tools never touch localStorage.

   Keys: "guide.data" holds the data (schema 2, see schema.js); "guide.data.unreadable.<time>"
   are copies of stored data that could not be read; "guide.data.backup.<time>" are what
   was there before an import or a restore. Other "guide.*" keys are settings (country).

   The data's shape (schema 2, stable ids) and how it is read are in schema.js.

   window.guide.storage:
   read()            { data, problem, aside, raw }: cheap, never writes. data is a whole
                     schema-2 copy; problem: some stored data could not be read (data has
                     what could); aside: the key of its kept copy, or null; raw: the stored
                     text when there is a problem.
   update(part, fn)  Re-reads, stores fn(copy of data[part]) for part "plan", "scripts",
                     "selfCheck", "drafts" or "craft", and nothing else. Unreadable data is kept aside
                     before it is overwritten; if that fails, nothing is written.
                     Returns { ok, reason: "full" | "unavailable" | "no-room-for-copy" }.
   replace(data)     Whole-data write (import, restore): what is there is kept as a backup
                     first. Returns { ok, reason, backup: key or null }.
   keepAside()       Keep unreadable stored data aside now: { ok, key }.
   copies()          [{ key, kind: "unreadable" | "backup", time, raw, usable }], newest first.
   restore(key)      replace() with that copy's readable data, then drop the copy.
   removeCopy(key)
   inventory()       { plan, scripts, answers, draft, situations, moments, momentDraft, copies,
                     settings }: counts of what is kept.
   clearAll()        Deletes every "guide.*" key; returns the inventory of what it deleted.
   clean(value, limited)  { data, report, usable }: what a file holds that schema 2 keeps;
                     with limited, also LIMITS. report: [{ kind: "unknown" |
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
  var listeners = [];
  var memo = { raw: undefined, parsed: null };
  var schema = guide.schema, LIMITS = schema.LIMITS, PLAN_FIELDS = schema.PLAN_FIELDS;
  var copy = schema.copy, empty = schema.empty, clean = schema.clean, merge = schema.merge, newId = schema.newId;
  var inventoryOf = schema.count, SCHEMA = schema.SCHEMA;

  function get(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function keys() { try { return Object.keys(window.localStorage); } catch (e) { return []; } }
  function set(key, value) {
    try { window.localStorage.setItem(key, value); return { ok: true }; } catch (e) {
      return { ok: false, reason: e && (e.name === "QuotaExceededError" || e.code === 22) ? "full" : "unavailable" };
    }
  }
  function remove(key) { try { window.localStorage.removeItem(key); } catch (e) { /* nothing stored */ } }

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
    return !(n.plan || n.scripts || n.answers || n.draft || n.situations || n.moments || n.momentDraft);
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
