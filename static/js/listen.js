/* Listen: a chapter read aloud, one block at a time (a paragraph, a heading, a list
   item, a table cell), with the Web Speech API. Only a voice of the page's language
   that works offline (voice.localService) is used; with none, the control stays
   hidden: Arabic is never read with an English voice. A block the app shows in
   English (lang="en") is read with an offline English voice, or skipped with a note.
   The block being read is highlighted and scrolled into view; Pause keeps the place
   (Resume says that block again), a tap on a block continues from there, Stop or
   leaving the page (pagehide, the exit control's "guide:exit") ends it. One utterance
   per block because Chrome cuts long ones; speech starts only from a tap (iOS). The
   words come from the article's data attributes (chapter.html). */
(function () {
  "use strict";
  var synth = window.speechSynthesis, Say = window.SpeechSynthesisUtterance;
  var article = document.querySelector("article[data-listen]");
  if (!synth || !Say || !article) { return; }
  var words = article.dataset, root = document.documentElement;
  /* Outside the chapter's reading: controls, the emergency box (call buttons, numbers,
     the family's plan), "On this page", the tool links, hidden parts. */
  var SKIP = "nav,button,.app-emergency,.app-tool-link,.app-print-card,.app-script__actions,.app-listen,[hidden]";
  /* Parts of a block that are blocks of their own (a step's sub-steps). */
  var INNER = /^(UL|OL|P|DIV|TABLE|FIGURE)$/;
  var SCRIPTS = { hans: "cn", hant: "tw" };
  var voices = [], blocks = [], at = -1, state = "", token = 0, utterance = null, shown = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    e.className = cls;
    if (text) { e.textContent = text; }
    return e;
  }
  var bar = el("div", "app-listen"), panel = bar.appendChild(el("div", "app-listen__panel"));
  var toggle = panel.appendChild(el("button", "app-button app-listen__toggle", words.listen));
  var stopper = panel.appendChild(el("button", "app-button app-listen__stop", words.stop));
  var status = panel.appendChild(el("p", "app-listen__status"));
  toggle.type = stopper.type = "button";
  stopper.hidden = bar.hidden = true;
  status.setAttribute("role", "status");
  /* After the title, or after the emergency box where there is one: the call comes first. */
  var after = article.querySelector(".app-emergency") || article.querySelector("h1");
  after.parentNode.insertBefore(bar, after.nextSibling);

  function tags(lang) {
    var t = (lang || "").toLowerCase().replace(/_/g, "-").split("-");
    if (t[0] === "cmn") { t[0] = "zh"; }
    return t;
  }
  /* The best offline voice for a language: same primary language, then the same region
     or script (zh-Hans: a zh-CN voice), then the device's default. */
  function voiceFor(lang) {
    var want = tags(lang), best = null, top = 0;
    voices.forEach(function (v) {
      var have = tags(v.lang), score = 1;
      if (!v.localService || have[0] !== want[0]) { return; }
      want.slice(1).forEach(function (sub) {
        if (have.indexOf(sub) > 0 || have.indexOf(SCRIPTS[sub]) > 0) { score += 2; }
      });
      if (v["default"]) { score += 1; }
      if (score > top) { best = v; top = score; }
    });
    return best;
  }
  function langOf(block) { return (block.closest("[lang]") || root).getAttribute("lang"); }

  function textOf(block) {
    var text = "";
    Array.prototype.forEach.call(block.childNodes, function (n) {
      if (!(n.nodeType === 1 && INNER.test(n.tagName))) { text += n.textContent; }
    });
    return text.replace(/\s+/g, " ").trim();
  }
  /* The readable blocks, in order, up to the Sources section. */
  function collect() {
    var sources = document.getElementById("sources");
    return Array.prototype.filter.call(article.querySelectorAll("h1,h2,h3,h4,p,li,th,td"), function (b) {
      return !b.closest(SKIP) && textOf(b) && !(sources && (b === sources || sources.compareDocumentPosition(b) & 4));
    });
  }

  function mark(block) {
    if (shown) { shown.classList.remove("app-listen-current"); }
    shown = block;
    if (!block) { return; }
    block.classList.add("app-listen-current");
    var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    block.scrollIntoView({ block: "nearest", behavior: calm ? "auto" : "smooth" });
  }
  function show(next) {
    state = next;
    bar.classList.toggle("app-listen--on", !!state);
    toggle.textContent = state === "on" ? words.pause : state ? words.resume : words.listen;
    stopper.hidden = !state;
    bar.hidden = !state && !voiceFor(root.lang);
  }

  /* Ends what is being said; its callbacks, which Chrome still fires ("interrupted"),
     then belong to an old token and do nothing. */
  function quiet(always) {
    token += 1;
    utterance = null;
    if (always || synth.speaking || synth.pending) { synth.cancel(); }
  }
  function stop() {
    if (!state) { return; }
    quiet(true);
    mark(null);
    show("");
  }

  function play(i) {
    quiet();
    var mine = token, voice = null;
    for (; i < blocks.length; i++) {
      voice = voiceFor(langOf(blocks[i]));
      if (voice) { break; }
      if (status.textContent !== words.skipped) { status.textContent = words.skipped; }
    }
    if (i >= blocks.length) { stop(); return; }
    at = i;
    show("on");
    mark(blocks[i]);
    utterance = new Say(textOf(blocks[i]));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = function () { if (mine === token) { play(i + 1); } };
    /* Cancelled (by Pause, a tap or the exit control) is not an error of this block. */
    utterance.onerror = function () { if (mine === token) { stop(); } };
    synth.speak(utterance);
  }

  toggle.addEventListener("click", function () {
    if (state === "on") {
      quiet(true);
      show("paused");
    } else if (state) {
      play(at);
    } else {
      blocks = collect();
      status.textContent = "";
      play(0);
    }
  });
  stopper.addEventListener("click", function () { stop(); toggle.focus(); });
  article.addEventListener("click", function (event) {
    if (!state || event.target.closest("a,button,summary,input,select,label")) { return; }
    for (var b = event.target; b && b !== article; b = b.parentElement) {
      var i = blocks.indexOf(b);
      if (i >= 0) { play(i); return; }
    }
  });
  window.addEventListener("pagehide", stop);
  document.addEventListener("guide:exit", stop);

  function load() {
    voices = synth.getVoices() || [];
    show(state);
  }
  if (synth.addEventListener) { synth.addEventListener("voiceschanged", load); } else { synth.onvoiceschanged = load; }
  load();
}());
