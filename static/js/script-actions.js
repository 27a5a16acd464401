/* Scripts in a chapter: "Copy" and "Save to my scripts" under each one, so the words are
   ready in the moment without opening the tool. Saved the way the tool saves them (the
   situation is the heading above the script); a script already saved is not saved twice.
   Without JavaScript the words are still there to read. */
(function () {
  "use strict";
  var guide = window.guide || {};
  var article = document.querySelector("article[data-script-actions]");
  if (!article || !guide.storage) { return; }
  var storage = guide.storage, labels = article.dataset;

  function situationOf(script) {
    for (var el = script.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[23]$/.test(el.tagName) && el.id) { return el.id; }
    }
    return "";
  }

  function button(label, words, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "app-button app-button--small";
    b.textContent = label;
    b.setAttribute("aria-label", label + ": " + words.slice(0, 60));
    b.addEventListener("click", action);
    return b;
  }

  Array.prototype.forEach.call(article.querySelectorAll(".app-script"), function (script) {
    var words = script.querySelector("p:last-child").textContent.trim();
    var actions = document.createElement("p");
    actions.className = "app-script__actions";
    var said = document.createElement("span");
    said.className = "app-script__said";
    said.setAttribute("role", "status");
    function tell(text) { said.textContent = text; }
    if (navigator.clipboard) {
      actions.appendChild(button(labels.copy, words, function () {
        navigator.clipboard.writeText(words).then(function () { tell(labels.copied); },
          function () { tell(labels.copyFailed); });
      }));
    }
    actions.appendChild(button(labels.save, words, function () {
      var already = false, full = false;
      var result = storage.update("scripts", function (scripts) {
        already = scripts.some(function (s) { return s.text === words; });
        full = scripts.length >= storage.LIMITS.scripts;
        if (already || full) { return scripts; }
        return scripts.concat([{ id: storage.newId("s"), text: words, situation: situationOf(script) }]);
      });
      tell(!result.ok ? labels.saveFailed : already ? labels.already : full ? labels.full : labels.saved);
    }));
    actions.appendChild(said);
    script.appendChild(actions);
  });
}());
