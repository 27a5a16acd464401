/* The overdose page shows the family's own plan, read on this device only: where the
   naloxone is (with a warning when it is past or near its date) and the people to call,
   each a tap-to-call link. Nothing is sent anywhere; with no plan saved, nothing shows.
   Text from the plan is only ever set as text, never as HTML. */
(function () {
  "use strict";

  var box = document.querySelector("[data-our-plan]");
  if (!box || !window.guide || !window.guide.storage) { return; }

  /* Digits, and + at the start: what a tel: link may hold. */
  function telOf(phone) {
    var digits = String(phone || "").replace(/[^0-9+]/g, "");
    return digits.replace(/(?!^)\+/g, "").length >= 3 ? digits.replace(/(?!^)\+/g, "") : "";
  }

  function daysLeft(value) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value || "")) { return Infinity; }
    return (new Date(value + "T23:59:59") - new Date()) / 86400000;
  }

  function show() {
    var plan = window.guide.storage.read().data.plan;
    var fields = plan.fields || {};
    var where = (fields.naloxoneWhere || "").trim();
    var people = (plan.people || []).filter(function (person) { return (person.name || "").trim() || telOf(person.phone); });
    var naloxone = box.querySelector("[data-our-naloxone]");
    naloxone.querySelector("[data-text]").textContent = where;
    naloxone.hidden = !where;

    var days = daysLeft(fields.naloxoneExpiry);
    var expiry = box.querySelector("[data-our-expiry]");
    expiry.hidden = !(days < 30);
    expiry.textContent = days < 0 ? box.getAttribute("data-expired") : box.getAttribute("data-expires-soon");

    var list = box.querySelector("[data-our-people]");
    list.textContent = "";
    people.forEach(function (person) {
      var item = document.createElement("li");
      var label = [person.name, person.role].filter(function (part) { return (part || "").trim(); }).join(", ");
      var tel = telOf(person.phone);
      if (tel) {
        var link = document.createElement("a");
        link.href = "tel:" + tel;
        link.textContent = (label ? label + ": " : "") + person.phone.trim();
        item.appendChild(link);
      } else {
        item.textContent = label;
      }
      list.appendChild(item);
    });
    box.querySelector("[data-our-people-label]").hidden = people.length === 0;
    box.classList.toggle("has-more-people", people.length > 3);
    box.hidden = !where && people.length === 0 && expiry.hidden;
  }

  show();
  window.guide.storage.onChange(show);
}());
